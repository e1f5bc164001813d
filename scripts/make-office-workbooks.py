#!/usr/bin/env python3
"""Writes workbooks as offices make them, with openpyxl (a program other than chitieu), for
scripts/check-office-files.sh and the reading benchmark. Sentences and figures are invented.

Usage: make-office-workbooks.py OUTDIR [ROWS]
  OUTDIR/bieu-9-thang.xlsx   an office's «biểu»: title block, merged two-row header, groups,
                             percent cells, numbers typed as text, a name on two rows
  OUTDIR/bieu-cong-thuc.xlsx the same with a formula openpyxl saves without its result
  OUTDIR/bang-lon.xlsx       the import table with ROWS result rows (default 100000)
  OUTDIR/bieu-6-thang.html   a «biểu» as an HTML table (title block, a header merged over two
                             rows), for LibreOffice to save as .xlsx and as an Excel 97–2003 .xls
"""
import sys

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
thin = Side(style="thin")


def office_sheet(formula=False):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biểu 01"
    sheet["A1"] = "UBND HUYỆN KÔNG CHRO"
    sheet.merge_cells("A1:C1")
    sheet["E1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sheet.merge_cells("E1:H1")
    sheet["E2"] = "Kông Chro, ngày 25 tháng 9 năm 2024"
    sheet["A3"] = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2024"
    sheet.merge_cells("A3:H3")
    sheet["A3"].font = Font(bold=True)
    header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Ước thực hiện 9 tháng", "So sánh (%)", None, "Ghi chú"]
    for column, title in enumerate(header, start=1):
        if title:
            sheet.cell(row=5, column=column, value=title)
    sheet["F6"] = "KH"
    sheet["G6"] = "Cùng kỳ"
    for letter in "ABCDEH":
        sheet.merge_cells(f"{letter}5:{letter}6")
    sheet.merge_cells("F5:G5")
    for column, label in enumerate(["A", "B", "C", "1", "2", "3=2/1", "4", "5"], start=1):
        sheet.cell(row=7, column=column, value=label)
    data = [
        ("I", "KINH TẾ", None, None, None, None, None, None),
        (1, "Tổng giá trị sản xuất", "tỷ đồng", 6770.58, 4812.5, 0.7108, 1.0429, None),
        (2, "Thu ngân sách nhà nước", "tỷ đồng", "24,8", "26,1", None, None, "vượt dự toán"),
        (None, "trên địa bàn", None, None, None, None, None, None),
        ("II", "XÃ HỘI", None, None, None, None, None, None),
        (3, "Tỷ lệ hộ nghèo", "%", "≤ 3,5", None, None, None, None),
    ]
    for offset, values in enumerate(data):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=8 + offset, column=column, value=value)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if column in (6, 7) and isinstance(value, float):
                cell.number_format = "0.00%"
            if column == 4 and isinstance(value, float):
                cell.number_format = "#,##0.00"
    if formula:
        sheet["E9"] = "=D9*0.71"
    sheet["B9"].alignment = Alignment(wrap_text=True)
    return book


office_sheet().save(f"{out}/bieu-9-thang.xlsx")
office_sheet(formula=True).save(f"{out}/bieu-cong-thuc.xlsx")

big = openpyxl.Workbook(write_only=True)
sheet = big.create_sheet("Kết quả")
sheet.append(["Loại", "Đơn vị", "Chỉ tiêu", "Năm", "Từ tháng", "Đến tháng", "Giá trị"])
# Every row a different unit, indicator and period (the demo's units, with the level word).
units = ["huyện Kông Chro", "huyện Chư Sê", "thị xã An Khê", "huyện Chợ Đồn"]
codes = ["total_production_value", "industrial_production_value", "retail_sales", "budget_revenue",
         "budget_spending", "export_turnover", "total_investment", "income_per_capita", "grain_output",
         "tourism_revenue", "aquaculture_output", "production_value_services"]
periods = [(year, start, month) for year in range(1990, 2025) for month in range(1, 13) for start in range(1, month + 1)]
keys = ((unit, code, period) for unit in units for code in codes for period in periods)
for n, (unit, code, (year, start, month)) in zip(range(rows), keys):
    sheet.append(["kết quả", unit, code, year, start, month, (n % 97) + 1.5])
big.save(f"{out}/bang-lon.xlsx")

# For LibreOffice (the second program): its Calc reads an HTML table's colspan/rowspan as merged
# cells; a number in Vietnamese notation stays text, a plain one becomes a number cell.
with open(f"{out}/bieu-6-thang.html", "w", encoding="utf-8") as page:
    page.write("""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table>
<tr><td colspan="3">UBND HUYỆN KÔNG CHRO</td></tr>
<tr><td colspan="8">BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024</td></tr>
<tr><td></td></tr>
<tr><td rowspan="2">STT</td><td rowspan="2">Chỉ tiêu</td><td rowspan="2">ĐVT</td>
<td rowspan="2">Kế hoạch năm 2024</td><td rowspan="2">Thực hiện 6 tháng</td>
<td colspan="2">So sánh (%)</td><td rowspan="2">Ghi chú</td></tr>
<tr><td>KH</td><td>Cùng kỳ</td></tr>
<tr><td>I</td><td>KINH TẾ</td></tr>
<tr><td>1</td><td>Tổng giá trị sản xuất</td><td>tỷ đồng</td><td>6.770,58</td><td>3120.4</td><td>46,09</td><td>105,2</td><td></td></tr>
<tr><td>2</td><td>Thu ngân sách nhà nước</td><td>tỷ đồng</td><td>24,8</td><td>13,7</td><td></td><td></td><td></td></tr>
</table></body></html>
""")

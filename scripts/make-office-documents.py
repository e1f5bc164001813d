#!/usr/bin/env python3
"""Writes a review report as offices send it, with python-docx (a program other than chitieu),
and the same report as an HTML page for headless Chromium to print to PDF, for
scripts/check-office-files.sh. Sentences and figures are invented.

Usage: make-office-documents.py OUTDIR
  OUTDIR/bao-cao-9-thang.docx  heading, prose, an appended «Biểu» with a merged two-row header
  OUTDIR/bao-cao-9-thang.html  the prose of the same report, for --print-to-pdf, and for
                               LibreOffice to save as .docx and as a Word 97–2003 .doc
"""
import sys

import docx

out = sys.argv[1]
prose = [
    "Trong 9 tháng năm 2024, huyện Kông Chro có tổng giá trị sản xuất ước đạt 4.812,5 tỷ đồng, "
    "bằng 71,08% kế hoạch, tăng 4,29% so với cùng kỳ.",
    "Thu ngân sách nhà nước trên địa bàn ước đạt 26,1 tỷ đồng, vượt 5,24% dự toán.",
]
document = docx.Document()
document.add_heading("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG NĂM 2024", level=1)
for paragraph in prose:
    document.add_paragraph(paragraph)
document.add_paragraph("Biểu số 01: Kết quả thực hiện các chỉ tiêu chủ yếu")
table = document.add_table(rows=4, cols=7)
table.style = "Table Grid"
header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Ước thực hiện 9 tháng", "So sánh (%)", ""]
for column, title in enumerate(header):
    table.cell(0, column).text = title
table.cell(1, 5).text = "KH"
table.cell(1, 6).text = "Cùng kỳ"
for column in range(5):
    table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, column).text = header[column]
table.cell(0, 5).merge(table.cell(0, 6)).text = "So sánh (%)"
rows = [
    ["1", "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "850", "622", "73,18", "108,2"],
    ["2", "Tỷ lệ hộ nghèo", "%", "≤ 9,5", "", "", ""],
]
for offset, values in enumerate(rows):
    for column, value in enumerate(values):
        table.cell(2 + offset, column).text = value
document.save(f"{out}/bao-cao-9-thang.docx")

with open(f"{out}/bao-cao-9-thang.html", "w", encoding="utf-8") as page:
    page.write("<!DOCTYPE html><html lang=vi><meta charset=utf-8><title>Báo cáo</title><body>")
    page.write("<h1>BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG NĂM 2024</h1>")
    page.write("".join(f"<p>{p}</p>" for p in prose))
    page.write("</body></html>")

#!/usr/bin/env python3
"""Opens the workbook and document that `chitieu report` writes with the libraries other
programs use (openpyxl for XLSX, the zip and XML readers of the standard library for DOCX) and
checks the demo figures in them. Usage: check-office-files.py REPORT.xlsx REPORT.docx"""
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_workbook(path):
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet.title == "Chỉ tiêu", sheet.title
    assert sheet["A1"].value == "HUYỆN KÔNG CHRO", sheet["A1"].value
    assert sheet["A3"].value == "Huyện Kông Chro — 9 tháng năm 2024", sheet["A3"].value
    header = [c.value for c in sheet[5]]
    assert header[:7] == ["Chỉ tiêu", "Đơn vị tính", "Cấp giao", "Kế hoạch", "Kết quả", "Ước tính", "So sánh (%)"], header
    assert [c.value for c in sheet[6]][6:8] == ["Kế hoạch", "Cùng kỳ"], [c.value for c in sheet[6]]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A5:A6", "G5:H5"} <= merged, merged
    assert sheet["A5"].font.b and sheet["A5"].border.left.style == "thin", "header row in bold, bordered"
    assert sheet.freeze_panes == "A7", sheet.freeze_panes
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1, sheet.page_setup
    assert sheet.print_title_rows.replace("$", "") == "5:6", sheet.print_title_rows
    rows = {}
    for row in sheet.iter_rows(min_row=7):
        rows.setdefault(row[0].value, row)  # annual plans come before resolution targets
    total = rows["Tổng giá trị sản xuất"]
    assert total[4].value == 4790.86 and total[4].number_format == "[$-42A]#,##0.00", (total[4].value, total[4].number_format)
    assert round(total[6].value, 6) == 0.7076 and total[6].number_format == "[$-42A]0.00%", (total[6].value, total[6].number_format)
    assert round(total[7].value, 4) == 1.0381, total[7].value  # «tăng 3,81%» as the ratio 103,81%
    counts = [r for r in rows.values() if isinstance(r[4].value, (int, float)) and r[4].value == int(r[4].value)]
    assert all(r[4].number_format == "[$-42A]#,##0" for r in counts), [r[4].number_format for r in counts]
    print(f"{path}: {len(rows)} tên dòng, Tổng giá trị sản xuất {total[4].value} ({total[6].value:.2%} kế hoạch)")


def check_document(path):
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        root = ET.fromstring(z.read("word/document.xml"))
        styles = ET.fromstring(z.read("word/styles.xml"))
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]
    texts = [t for t in texts if t]
    assert texts[0].startswith("ĐẢNG BỘ TỈNH"), texts[0]
    assert "BÁO CÁO" in texts
    assert "Nơi nhận:" in texts and "T/M BAN THƯỜNG VỤ" in texts, "recipients and signature"
    assert texts.index("PHỤ LỤC") > texts.index("T/M BAN THƯỜNG VỤ"), "the appendix after the signature"
    assert any(t.startswith("Số ") and t.endswith("-BC/HU") for t in texts), "number and symbol"
    body = " ".join(texts)
    assert "4.790,86 tỷ đồng" in body and "70,76% kế hoạch" in body, body[:400]
    size = root.find(f".//{W}pgSz")
    assert (size.get(W + "w"), size.get(W + "h")) == ("11906", "16838"), "A4"
    assert styles.find(f".//{W}rFonts").get(W + "ascii") == "Times New Roman"
    print(f"{path}: {len(texts)} đoạn, khổ A4, Times New Roman")


if __name__ == "__main__":
    check_workbook(sys.argv[1])
    check_document(sys.argv[2])

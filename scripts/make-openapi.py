#!/usr/bin/env python3
"""Writes Sources/ChiTieuServer/Resources/openapi.json, the OpenAPI 3 description of /api/v1.

Kept as a script so the document is reviewed as code; a server test checks that every
route the router serves under /api/v1 appears here and nothing else does.
"""
import json, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def q(name, desc, typ="integer", required=False):
    return {"name": name, "in": "query", "required": required, "description": desc, "schema": {"type": typ}}
def p(name, desc, typ="integer"):
    return {"name": name, "in": "path", "required": True, "description": desc, "schema": {"type": typ}}
def ok(schema, desc="Thành công"):
    return {"description": desc, "content": {"application/json": {"schema": schema}}}
ERR = {"$ref": "#/components/responses/Error"}
def errors(*codes): return {str(c): ERR for c in codes}
def listof(name): return {"type": "object", "properties": {"items": {"type": "array", "items": ref(name)}}, "required": ["items"]}
def body(name): return {"required": True, "content": {"application/json": {"schema": ref(name)}}}

UNIT = p("id", "Mã đơn vị")
YEAR = q("year", "Năm (mặc định: năm gần nhất có số liệu)")
TO_MONTH = q("to_month", "Đến hết tháng (1–12), lũy kế từ đầu năm")

paths = {
  "/api/v1/units": {"get": {"summary": "Các đơn vị đang theo dõi (có kế hoạch, số liệu hay tài khoản, và cấp trên); với search: tìm trong danh mục cả nước (tối đa 50)", "operationId": "listUnits",
      "parameters": [q("search", "Tên (có thể không dấu, một phần) hoặc mã đơn vị hành chính", "string"),
                     q("on", "Chỉ đơn vị tồn tại vào ngày này (2025-07-01 hoặc 1/7/2025)", "string")],
      "responses": {"200": ok(listof("Unit")), **errors(400)}}},
  "/api/v1/units/{id}": {"get": {"summary": "Một đơn vị, đơn vị trực thuộc và các nhiệm kỳ", "operationId": "getUnit",
      "parameters": [UNIT], "responses": {"200": ok(ref("UnitDetail")), **errors(400, 404)}}},
  "/api/v1/indicators": {"get": {"summary": "Danh mục chỉ tiêu", "operationId": "listIndicators",
      "responses": {"200": ok(listof("Indicator"))}}},
  "/api/v1/indicators/{code}": {"get": {"summary": "Một chỉ tiêu trong danh mục", "operationId": "getIndicator",
      "parameters": [p("code", "Mã chỉ tiêu", "string")], "responses": {"200": ok(ref("Indicator")), **errors(404)}}},
  "/api/v1/units/{id}/targets": {
      "get": {"summary": "Kế hoạch năm và chỉ tiêu nghị quyết của đơn vị", "operationId": "listTargets",
          "parameters": [UNIT, q("year", "Chỉ các chỉ tiêu có hiệu lực trong năm này")],
          "responses": {"200": ok(listof("Target")), **errors(400, 404)}},
      "post": {"summary": "Giao hoặc sửa một chỉ tiêu kế hoạch / nghị quyết", "operationId": "saveTarget",
          "parameters": [UNIT], "requestBody": body("TargetInput"),
          "responses": {"201": ok(ref("Saved"), "Đã lưu"), **errors(400, 404, 422)}}},
  "/api/v1/units/{id}/results": {
      "get": {"summary": "Kết quả thực hiện (bản mới nhất của mỗi số liệu)", "operationId": "listResults",
          "parameters": [UNIT, YEAR, q("indicator", "Mã chỉ tiêu", "string")],
          "responses": {"200": ok(listof("Result")), **errors(400, 404)}},
      "post": {"summary": "Ghi một kết quả, hoặc một danh sách kết quả cùng lúc (sai một thì không lưu gì; lỗi ghi rõ vị trí, ví dụ «[1].value»); số cũ được giữ làm phiên bản trước", "operationId": "saveResult",
          "parameters": [UNIT], "requestBody": {"required": True, "content": {"application/json": {"schema": {"oneOf": [
              ref("ResultInput"), {"type": "array", "items": ref("ResultInput"), "minItems": 1}]}}}},
          "responses": {"201": ok(ref("Saved"), "Đã lưu"), **errors(400, 404, 422)}}},
  "/api/v1/units/{id}/results/{code}/versions": {"get": {"summary": "Mọi phiên bản của một số liệu trong một kỳ",
      "operationId": "listResultVersions",
      "parameters": [UNIT, p("code", "Mã chỉ tiêu", "string"), q("year", "Năm", required=True), q("from_month", "Từ tháng (mặc định 1)"), TO_MONTH],
      "responses": {"200": ok(listof("Result")), **errors(400, 404)}}},
  "/api/v1/units/{id}/overview": {"get": {"summary": "Đánh giá mọi chỉ tiêu của đơn vị trong kỳ (như trang Tổng quan)",
      "operationId": "getOverview", "parameters": [UNIT, YEAR, TO_MONTH],
      "responses": {"200": ok(ref("Overview")), **errors(400, 404)}}},
  "/api/v1/units/{id}/tally": {"get": {"summary": "Số chỉ tiêu vượt / đạt / không đạt / chưa đánh giá",
      "operationId": "getTally", "parameters": [UNIT, YEAR, TO_MONTH],
      "responses": {"200": ok(ref("TallyReport")), **errors(400, 404)}}},
  "/api/v1/units/{id}/compare": {"get": {"summary": "Một chỉ tiêu ở các đơn vị trực thuộc, xếp hạng",
      "operationId": "compareChildren", "parameters": [UNIT, q("indicator", "Mã chỉ tiêu", "string", True), YEAR, TO_MONTH],
      "responses": {"200": ok(ref("Comparison")), **errors(400, 404)}}},
  "/api/v1/units/{id}/series/{code}": {"get": {"summary": "Kết quả theo kỳ của một chỉ tiêu, năm nay và năm trước, cùng kế hoạch",
      "operationId": "getSeries", "parameters": [UNIT, p("code", "Mã chỉ tiêu", "string"), YEAR],
      "responses": {"200": ok(ref("Series")), **errors(400, 404)}}},
  "/api/v1/units/{id}/report": {"get": {"summary": "Báo cáo kết quả thực hiện của kỳ, tải về",
      "operationId": "getReport",
      "parameters": [UNIT, {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["txt", "html", "docx", "xlsx", "csv"], "default": "txt"}}, YEAR, TO_MONTH],
      "responses": {"200": {"description": "Tệp báo cáo", "content": {
          "text/plain": {}, "text/html": {}, "text/csv": {},
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}, **errors(400, 404)}}},
  "/api/v1/units/{id}/history": {"get": {"summary": "Lịch sử thay đổi (ai, lúc nào, từ đâu, giá trị cũ và mới) của đơn vị, hoặc của một số liệu",
      "operationId": "getHistory",
      "parameters": [UNIT, q("indicator", "Mã chỉ tiêu (cùng year, to_month: lịch sử một số liệu)", "string"), YEAR, TO_MONTH,
                     q("from_month", "Từ tháng (mặc định 1)"), q("limit", "Số dòng tối đa (1–1000, mặc định 200)")],
      "responses": {"200": ok(listof("Change")), **errors(400, 404)}}},
  "/api/v1/imports/preview": {"post": {"summary": "Đọc số liệu từ một văn bản, chưa lưu gì", "operationId": "previewImport",
      "requestBody": body("ImportInput"), "responses": {"200": ok(ref("ImportPreview")), **errors(400, 413)}}},
  "/api/v1/imports": {"post": {"summary": "Đọc và lưu số liệu từ một văn bản, kèm nguồn (văn bản, câu)",
      "operationId": "ingestText", "requestBody": body("ImportInput"),
      "responses": {"201": ok(ref("ImportResult"), "Đã lưu"), "200": ok(ref("ImportResult"), "Không có gì mới"),
                    **errors(400, 404, 413, 422)}}},
  "/api/v1/units/{id}/warnings": {"get": {"summary": "Cảnh báo: mọi chỉ tiêu chậm tiến độ, không đạt hoặc có nguy cơ của đơn vị và các đơn vị trực thuộc, nặng nhất trước, kèm xu hướng so với kỳ trước và tình trạng giải trình",
      "operationId": "getWarnings", "parameters": [UNIT, YEAR, TO_MONTH],
      "responses": {"200": ok(ref("Warnings")), **errors(400, 404)}}},
  "/api/v1/units/{id}/reporting": {"get": {"summary": "Tiến độ báo cáo: đơn vị trực thuộc nào đã nhập đủ số của kỳ cho các chỉ tiêu kế hoạch năm, một phần, chưa, quá hạn hay muộn so với hạn báo cáo; nặng nhất trước",
      "operationId": "getReporting", "parameters": [UNIT, YEAR, TO_MONTH],
      "responses": {"200": ok(ref("Reporting")), **errors(400, 404)}}},
  "/api/v1/units/{id}/explanation-requests": {
      "get": {"summary": "Yêu cầu giải trình của đơn vị và các đơn vị trực thuộc (mà người hỏi được xem)", "operationId": "listExplanationRequests",
          "parameters": [UNIT, q("year", "Năm của kỳ đánh giá (mặc định: năm nay)"),
                         q("state", "requested, answered, accepted, returned hoặc overdue", "string")],
          "responses": {"200": ok(listof("ExplanationRequest")), **errors(400, 404)}},
      "post": {"summary": "Yêu cầu đơn vị giải trình một chỉ tiêu trong một kỳ (lãnh đạo cấp trên hoặc quản trị viên)", "operationId": "requestExplanation",
          "parameters": [UNIT], "requestBody": body("ExplanationRequestInput"),
          "responses": {"201": ok(ref("ExplanationRequest"), "Đã gửi yêu cầu"), **errors(400, 403, 404)}}},
  "/api/v1/explanation-requests/{rid}/answer": {"post": {"summary": "Đơn vị gửi giải trình (cán bộ nhập liệu của đơn vị)", "operationId": "answerExplanation",
      "parameters": [p("rid", "Số yêu cầu giải trình")], "requestBody": body("ExplanationAnswerInput"),
      "responses": {"200": ok(ref("ExplanationRequest")), **errors(400, 403, 404, 409)}}},
  "/api/v1/explanation-requests/{rid}/accept": {"post": {"summary": "Chấp nhận giải trình (người đã yêu cầu hoặc quản trị viên)", "operationId": "acceptExplanation",
      "parameters": [p("rid", "Số yêu cầu giải trình")], "requestBody": body("ExplanationReviewInput"),
      "responses": {"200": ok(ref("ExplanationRequest")), **errors(400, 403, 404, 409)}}},
  "/api/v1/explanation-requests/{rid}/return": {"post": {"summary": "Trả lại giải trình kèm lý do (người đã yêu cầu hoặc quản trị viên)", "operationId": "returnExplanation",
      "parameters": [p("rid", "Số yêu cầu giải trình")], "requestBody": body("ExplanationReviewInput"),
      "responses": {"200": ok(ref("ExplanationRequest")), **errors(400, 403, 404, 409)}}},
}

s = lambda t, d=None: {"type": t, **({"description": d} if d else {})}
num = s("number"); integer = s("integer"); string = s("string"); boolean = s("boolean")
opt = lambda x: {**x, "nullable": True}
tally = {"type": "object", "properties": {k: integer for k in
    ["total", "exceeded", "met", "missed", "unassessed", "on_track", "at_risk", "off_track"]}}
number_input = {"oneOf": [num, {"type": "string", "description": "Số viết kiểu Việt Nam, ví dụ \"4.790,86\", \">85\""}]}
schemas = {
  "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["message"],
      "properties": {"message": s("string", "Thông báo lỗi bằng tiếng Việt"), "field": opt(s("string", "Trường bị lỗi")),
                     "problems": {"type": "array", "items": string}}}}},
  "Unit": {"type": "object", "required": ["id", "kind", "name", "title", "successor_ids"], "properties": {
      "id": integer, "code": opt(s("string", "Mã đơn vị hành chính; dùng lại qua 1/7/2025 nên chỉ xác định đơn vị cùng ngày hiệu lực")),
      "kind": s("string", "tỉnh, huyện, thị xã, xã, phường …"), "name": string, "title": string,
      "parent_id": opt(integer), "valid_from": opt(s("string", "Ngày bắt đầu hiệu lực (YYYY-MM-DD)")),
      "valid_to": opt(s("string", "Ngày hết hiệu lực, ví dụ 2025-07-01 với cấp huyện")),
      "successor_ids": {"type": "array", "items": integer}}},
  "UnitDetail": {"type": "object", "properties": {"unit": ref("Unit"), "children": {"type": "array", "items": ref("Unit")},
      "committee": string, "terms": {"type": "array", "items": {"type": "object", "properties": {
          "number": integer, "from_year": integer, "to_year": integer, "title": string}}}}},
  "Indicator": {"type": "object", "properties": {"code": string, "name": string, "unit": string,
      "kind": s("string", "flow (cộng dồn trong năm) hoặc level (mức tại thời điểm)"),
      "direction": string, "field": string, "field_title": string, "frequency": string,
      "synonyms": {"type": "array", "items": string}}},
  "Target": {"type": "object", "properties": {"id": integer, "indicator": string, "scope": {"type": "string", "enum": ["year", "term"]},
      "first_year": integer, "last_year": integer, "measure": string, "comparator": {"type": "string", "enum": [">=", "<=", "between"]},
      "value": num, "upper": opt(num), "issuer": string}},
  "TargetInput": {"type": "object", "required": ["indicator", "value"], "properties": {
      "indicator": s("string", "Mã chỉ tiêu"), "year": s("integer", "Năm, với kế hoạch năm"),
      "from_year": s("integer", "Năm đầu, với chỉ tiêu nghị quyết"), "to_year": s("integer", "Năm cuối, với chỉ tiêu nghị quyết"),
      "measure": {"type": "string", "enum": ["value", "average_growth", "average_reduction", "cumulative", "every_year", "share_of_units", "change_since_base"]},
      "comparator": {"type": "string", "enum": [">=", "<=", "between"]}, "value": number_input, "upper": number_input,
      "issuer": s("string", "kế hoạch, dự toán, tỉnh giao, nghị quyết …")}},
  "Result": {"type": "object", "properties": {"id": integer, "indicator": string, "year": integer, "from_month": integer,
      "to_month": integer, "period": string, "value": opt(num), "qualifier": opt(string), "estimated": boolean,
      "stated_percent_of_plan": opt(num), "stated_growth_percent": opt(num), "version": integer,
      "recorded_at": opt(string), "source": string, "entered_by": opt(string), "document": opt(string), "excerpt": opt(string)}},
  "ResultInput": {"type": "object", "required": ["indicator", "year", "to_month", "value"], "properties": {
      "indicator": string, "year": integer, "from_month": s("integer", "Mặc định 1 (lũy kế từ đầu năm)"), "to_month": integer,
      "value": number_input, "estimated": s("boolean", "Số ước"), "price_basis": opt(s("string", "Giá so sánh, ví dụ 2010"))}},
  "Change": {"type": "object", "properties": {"id": integer, "at": s("string", "Thời điểm (UTC, ISO 8601)"), "author": string,
      "address": opt(s("string", "Địa chỉ IP")), "action": {"type": "string", "enum": ["thêm", "sửa"]},
      "subject": {"type": "string", "enum": ["đơn vị", "chỉ tiêu kế hoạch", "kết quả", "người dùng"]},
      "record_key": string, "description": string, "old_value": opt(string), "new_value": opt(string)}},
  "Saved": {"type": "object", "properties": {"message": string, "targets_added": integer, "targets_updated": integer,
      "results_added": integer, "results_corrected": integer, "results_unchanged": integer}},
  "Tally": tally,
  "Assessment": {"type": "object", "properties": {"indicator": string, "name": string, "measure_unit": string,
      "scope": string, "first_year": integer, "last_year": integer, "measure": string, "comparator": string,
      "target": num, "value": opt(num), "achieved": opt(num), "estimated": boolean, "percent_of_plan": opt(num),
      "growth_percent": opt(num), "growth_source": opt(string), "forecast": opt(num), "expected_share": opt(num),
      "growth_note": {**opt(string), "description": "Cùng kỳ lấy từ đâu khi không ai nhập («cùng kỳ 2024 tính từ 3 đơn vị cũ: …»), hoặc vì sao không so sánh được"},
      "origin": {"type": "string", "nullable": True, "enum": ["entered", "derived", "reconstructed"], "description": "Số nhập (gõ, nhập tệp, đọc văn bản), tổng hợp từ đơn vị cấp dưới, hay tính lại từ đơn vị cũ; không có khi chưa có số"},
      "from_units": {**opt(integer), "description": "Số đơn vị có số góp vào số tổng hợp"},
      "missing_units": {**opt(integer), "description": "Số đơn vị cấp dưới chưa có số (số tổng hợp khi đó không được đánh giá)"},
      "derivation": {**opt(string), "description": "Cách tính số tổng hợp, bằng lời"},
      "shortfall_percent": opt(num), "status": {"type": "string", "enum": ["exceeded", "met", "missed", "unassessed", "on_track", "at_risk", "off_track"]},
      "status_label": string, "issuer": string,
      "number": {**opt(string), "description": "Số thứ tự trong bộ chỉ tiêu (\"1.2\"); không có ngoài bộ"},
      "group": {**opt(string), "description": "Tiêu đề nhóm mà chỉ tiêu này mở đầu trong bộ (\"I. KINH TẾ\")"}}},
  "TargetSet": {"type": "object", "description": "Bộ chỉ tiêu mà tổng hợp đếm trên đó: mọi mục, kể cả mục chưa có kết quả (chưa đánh giá)",
      "properties": {"title": string, "first_year": integer, "last_year": integer,
          "items": s("integer", "Số chỉ tiêu của bộ (= tally.total)"),
          "unplaced": {"type": "array", "items": string, "description": "Số thứ tự các mục chưa có kế hoạch lưu trữ"}}},
  "Overview": {"type": "object", "properties": {"unit": ref("Unit"), "period": string, "conference": opt(string),
      "tally": tally, "term_tally": tally, "tally_sentence": string,
      "assessments": {"type": "array", "items": ref("Assessment")},
      "target_set": {"allOf": [ref("TargetSet")], "nullable": True}, "term_target_set": {"allOf": [ref("TargetSet")], "nullable": True},
      "other_results": {"type": "array", "items": {"type": "object"}}}},
  "TallyReport": {"type": "object", "properties": {"unit_id": integer, "period": string, "tally": tally, "term_tally": tally, "sentence": string}},
  "Comparison": {"type": "object", "properties": {"period": string, "indicator": ref("Indicator"), "rows": {"type": "array", "items": {
      "type": "object", "properties": {"rank": opt(integer), "unit": ref("Unit"), "value": opt(num), "target": opt(num),
      "percent_of_plan": opt(num), "growth_percent": opt(num), "status": opt(string),
      "reporting": {**opt(string), "description": "Tình hình báo cáo của đơn vị trong kỳ (như state của Reporting)"}}}}}},
  "Series": {"type": "object", "properties": {"indicator": ref("Indicator"), "results": {"type": "array", "items": ref("Result")},
      "targets": {"type": "array", "items": ref("Target")}}},
  "ImportInput": {"type": "object", "required": ["text"], "properties": {"text": s("string", "Văn bản, tối đa 5 MB"),
      "document": s("string", "Tên văn bản (nguồn)"), "unit_id": s("integer", "Đơn vị; mặc định: đơn vị nêu trong văn bản"),
      "year": integer, "to_month": integer,
      "indicator_codes": {"type": "object", "additionalProperties": string, "description": "Tên chỉ tiêu đọc được → mã trong danh mục; \"\" để bỏ qua"},
      "replace_differing": s("boolean", "Số khác số đã lưu thì ghi thành phiên bản mới (mặc định: báo lại, không ghi)"),
      "replace_indicators": {"type": "array", "items": string, "description": "Mã chỉ tiêu có số khác số đã lưu mà người dùng chọn thay bằng số của văn bản (số cũ vẫn giữ trong lịch sử)"},
      "tasks": {"type": "array", "items": integer, "description": "Số thứ tự (từ 0) trong extraction.tasks của bản xem trước: các kết luận cần lưu thành nhiệm vụ của đơn vị (không ghi hạn thì hạn là cuối năm)"},
      "create_indicators": {"type": "object", "additionalProperties": string, "description": "Tên chỉ tiêu như đọc được → đơn vị tính: tạo chỉ tiêu riêng mới cùng lúc với số liệu (cùng một giao dịch)"}}},
  "ImportPreview": {"type": "object", "properties": {"unit": opt(ref("Unit")), "unit_problem": opt(string), "period": opt(string),
      "unknown_indicators": {"type": "array", "items": string},
      "extraction": {"type": "object", "description": "Kết quả đọc văn bản theo SCHEMA.md của chitieu extract"}}},
  "ImportResult": {"type": "object", "properties": {"stored": boolean, "unit": opt(ref("Unit")), "period": opt(string),
      "summary": opt(ref("Saved")), **{k: {"type": "array", "items": string} for k in ["conflicts", "derived_plans", "skipped", "findings", "lines"]}}},
  "Warnings": {"type": "object", "properties": {"year": integer, "to_month": integer,
      "counts": {"type": "object", "description": "Số chỉ tiêu theo màu: red, orange, green, grey", "additionalProperties": integer},
      "items": {"type": "array", "items": {"type": "object", "properties": {
          "unit_id": integer, "unit": string, "indicator": string, "indicator_name": string,
          "colour": {"type": "string", "enum": ["red", "orange"]}, "status": string, "status_label": string,
          "shortfall_percent": opt(num), "trend": {"type": "string", "enum": ["worse", "better", "same", "new"]},
          "explanation_id": opt(integer), "explanation_state": opt(string)}}}}},
  "Reporting": {"type": "object", "properties": {"year": integer, "to_month": integer,
      "deadline": {**opt(string), "description": "Hạn báo cáo của kỳ, YYYY-MM-DD; không có khi quản trị viên chưa đặt"},
      "counts": {"type": "object", "description": "Số đơn vị theo tình hình", "additionalProperties": integer},
      "units": {"type": "array", "items": {"type": "object", "properties": {
          "unit_id": integer, "unit": string,
          "state": {"type": "string", "enum": ["overdue", "not_yet", "partly", "late", "reported", "no_targets"]},
          "state_label": string, "expected": integer, "reported": integer,
          "missing": {"type": "array", "items": string}, "last_recorded": opt(string)}}}}},
  "ExplanationRequestInput": {"type": "object", "required": ["indicator", "year", "to_month", "note", "due_date"], "properties": {
      "indicator": s("string", "Mã chỉ tiêu"), "year": integer, "to_month": integer, "note": s("string", "Nội dung cần giải trình"),
      "due_date": s("string", "Hạn giải trình, YYYY-MM-DD, không trước hôm nay")}},
  "ExplanationAnswerInput": {"type": "object", "required": ["facts", "actions"], "properties": {
      "facts": s("string", "Tình hình thực hiện"), "subjective_causes": s("string", "Nguyên nhân chủ quan"),
      "objective_causes": s("string", "Nguyên nhân khách quan (cần ít nhất một loại nguyên nhân)"),
      "actions": s("string", "Giải pháp khắc phục"), "expected_result": s("string", "Dự kiến kết quả đến cuối năm")}},
  "ExplanationReviewInput": {"type": "object", "properties": {"comment": s("string", "Nhận xét; bắt buộc khi trả lại")}},
  "ExplanationRequest": {"type": "object", "properties": {"id": integer, "unit_id": integer, "indicator": string,
      "year": integer, "to_month": integer, "note": string, "due_date": string, "requester": string, "requested_at": string,
      "state": {"type": "string", "enum": ["requested", "answered", "accepted", "returned", "overdue"]}, "state_label": string,
      "steps": {"type": "array", "items": {"type": "object", "properties": {
          "kind": {"type": "string", "enum": ["answer", "accept", "return"]}, "author": string, "at": string,
          **{k: opt(string) for k in ["facts", "subjective_causes", "objective_causes", "actions", "expected_result", "comment"]}}}}}},
}

doc = {
  "openapi": "3.0.3",
  "info": {"title": "chitieu API", "version": "1",
           "description": "Chỉ tiêu nghị quyết, kế hoạch năm, kết quả thực hiện, đánh giá và nhập số liệu từ văn bản. Mọi thông báo lỗi bằng tiếng Việt, trong {\"error\": {\"message\", \"field\"}}."},
  "servers": [{"url": "/"}],
  "paths": paths,
  "security": [{"bearerToken": []}, {"session": [], "csrf": []}],
  "components": {"schemas": schemas, "responses": {"Error": {"description": "Yêu cầu bị từ chối; thông báo nêu trường bị lỗi",
      "content": {"application/json": {"schema": ref("Error")}}}},
    "securitySchemes": {
      "bearerToken": {"type": "http", "scheme": "bearer",
        "description": "Mã API cá nhân (trang Tài khoản hoặc `chitieu user token TÊN --label …`): quyền và đơn vị của người dùng; không cần mã CSRF; mỗi thay đổi ghi vào lịch sử là «API (token …)»."},
      "session": {"type": "apiKey", "in": "cookie", "name": "chitieu_phien",
        "description": "Phiên đăng nhập của trình duyệt (trang /dang-nhap)."},
      "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token",
        "description": "Với phiên đăng nhập, mọi yêu cầu thay đổi gửi kèm mã chống giả mạo của phiên."}}},
}
out = pathlib.Path(__file__).resolve().parent.parent / "Sources/ChiTieuServer/Resources/openapi.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{out}: {len(paths)} paths")

// chitieu: the only script. Pages work without it; it saves a click and checks numbers as typed.
"use strict";
(function () {
  // Selects in the pickers navigate as soon as a choice is made.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { if (select.form) select.form.submit(); });
  });

  // Vietnamese notation: dots group thousands, a comma marks decimals; an optional sign,
  // comparison (>, <, ≥, ≤, trên, dưới) and a range "a-b" are accepted like the server does.
  var number = "[+-]?(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?";
  var pattern = new RegExp("^\\s*(?:(?:>=|<=|>|<|≥|≤|trên|dưới|khoảng)\\s*)?" + number + "(?:\\s*(?:-|–|đến)\\s*" + number + ")?\\s*%?\\s*$", "i");

  // A figure may end with the indicator's unit ("1.250 tỷ đồng"), as the server accepts.
  function withoutUnit(input, value) {
    var unit = (input.getAttribute("data-unit") || "").trim().toLowerCase();
    var text = value.trim();
    if (unit && text.toLowerCase().slice(-unit.length) === unit) return text.slice(0, text.length - unit.length);
    return value;
  }

  function messageFor(input) {
    var value = withoutUnit(input, input.value);
    if (value.trim() === "") return input.value.trim() === "" ? "" : "Chưa có số.";
    if (/^\s*\d+\.\d{1,2}\s*$/.test(value) && !/^\s*\d{1,3}\.\d{3}\s*$/.test(value)) {
      return "Dùng dấu phẩy cho phần thập phân: " + value.trim().replace(".", ",");
    }
    return pattern.test(value) ? "" : "«" + value.trim() + "» không phải là số viết theo kiểu Việt Nam (ví dụ 4.790,86).";
  }

  function errorBox(input) {
    var box = input.parentElement.querySelector(".field-error");
    if (!box) {
      box = document.createElement("span");
      box.className = "field-error";
      box.setAttribute("role", "alert");
      input.insertAdjacentElement("afterend", box);
    }
    return box;
  }

  document.querySelectorAll("input[data-number]").forEach(function (input) {
    input.addEventListener("input", function () {
      var message = messageFor(input);
      if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
      var box = errorBox(input);
      box.textContent = message;
    });
  });
  // Tables marked data-sortable (the units at a glance): a header's button sorts by its
  // column, numbers by data-sort (cells without one, no plan or no figure, go last either
  // way), names in Vietnamese order; the server's order, worst first, stands without script.
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    headers.forEach(function (th, column) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var p = x.getAttribute("data-sort"), q = y.getAttribute("data-sort");
          if (p === null || q === null) {
            var byName = x.textContent.localeCompare(y.textContent, "vi");
            return ascending ? byName : -byName;
          }
          if (p === "" || q === "") return (p === "") - (q === "");
          var byNumber = parseFloat(p) - parseFloat(q);
          return ascending ? byNumber : -byNumber;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();

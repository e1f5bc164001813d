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

  function messageFor(input) {
    var value = input.value;
    if (value.trim() === "") return "";
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
})();

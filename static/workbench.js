// Keyboard shortcuts and small behaviours; no inline scripts (the CSP forbids them).
(function () {
  "use strict";

  function typing(event) {
    const target = event.target;
    return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
  }

  // Elements declare their shortcut: data-shortcut="n" clicks or follows the element.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) {
      return;
    }
    if (event.key === "?") {
      const help = document.getElementById("shortcut-help");
      if (help) {
        help.hidden = !help.hidden;
        event.preventDefault();
      }
      return;
    }
    if (event.key === "Escape") {
      const help = document.getElementById("shortcut-help");
      if (help && !help.hidden) {
        help.hidden = true;
        event.preventDefault();
        return;
      }
    }
    const target = document.querySelector('[data-shortcut="' + CSS.escape(event.key) + '"]');
    if (target) {
      event.preventDefault();
      if (target.tagName === "TEXTAREA" || target.tagName === "INPUT") {
        target.focus();
      } else {
        target.click();
      }
    }
  });

  // j / k move the selection through rows marked data-row; Enter or o opens the row's link.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) {
      return;
    }
    const rows = Array.from(document.querySelectorAll("[data-row]"));
    if (!rows.length || !["j", "k", "o", "Enter"].includes(event.key)) {
      return;
    }
    let index = rows.findIndex(function (row) { return row.classList.contains("selected"); });
    if (event.key === "o" || event.key === "Enter") {
      if (index >= 0 && !(event.key === "Enter" && event.target.closest("a, button"))) {
        const link = rows[index].querySelector("a");
        if (link) {
          event.preventDefault();
          link.click();
        }
      }
      return;
    }
    event.preventDefault();
    index = event.key === "j" ? Math.min(rows.length - 1, index + 1) : Math.max(0, index - 1);
    rows.forEach(function (row) { row.classList.remove("selected"); row.removeAttribute("aria-selected"); });
    rows[index].classList.add("selected");
    rows[index].setAttribute("aria-selected", "true");
    rows[index].scrollIntoView({ block: "nearest" });
  });
})();

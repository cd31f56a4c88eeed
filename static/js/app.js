"use strict";
// Behaviour attached through data attributes, so pages need no inline script (CSP).
document.addEventListener("click", (event) => {
  const add = event.target.closest("[data-formset-add]");
  if (add) {
    const prefix = add.dataset.formsetAdd;
    const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
    const template = document.getElementById(`${prefix}-empty-form`);
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    document.getElementById(`${prefix}-rows`).insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const row = document.getElementById(`${prefix}-rows`).lastElementChild;
    row.querySelector("select, input")?.focus();
    row.dispatchEvent(new Event("change", { bubbles: true }));
    return;
  }
  const remove = event.target.closest("[data-formset-remove]");
  if (remove) {
    const row = remove.closest("[data-formset-row]");
    const deleteBox = row.querySelector("input[name$='-DELETE']");
    if (deleteBox) {
      deleteBox.checked = true;
      row.hidden = true;
      row.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
  if (event.target.closest("[data-print]")) {
    window.print();
    return;
  }
  const confirmButton = event.target.closest("[data-confirm]");
  if (confirmButton && !window.confirm(confirmButton.dataset.confirm)) {
    event.preventDefault();
  }
});

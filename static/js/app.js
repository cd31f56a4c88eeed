"use strict";
// Behaviour attached through data attributes, so pages need no inline script (CSP).

// Says what happened to a list of rows in its live region (`data-formset-status`).
const announce = (prefix, text) => {
  const status = document.querySelector(`[data-formset-status="${prefix}"]`);
  if (status && text) status.textContent = text;
};
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
    announce(prefix, add.dataset.addedText);
    return;
  }
  const remove = event.target.closest("[data-formset-remove]");
  if (remove) {
    const row = remove.closest("[data-formset-row]");
    const deleteBox = row.querySelector("input[name$='-DELETE']");
    if (deleteBox) {
      // The focus goes to the next row still shown, else the one before, else "Add": never
      // to the page's top.
      const rows = [...row.parentElement.querySelectorAll("[data-formset-row]:not([hidden])")];
      const at = rows.indexOf(row);
      const next = rows[at + 1] || rows[at - 1];
      const prefix = row.parentElement.id.replace(/-rows$/, "");
      const addButton = document.querySelector(`[data-formset-add="${prefix}"]`);
      deleteBox.checked = true;
      row.hidden = true;
      row.dispatchEvent(new Event("change", { bubbles: true }));
      (next?.querySelector("select, input:not([type=hidden]), button") || addButton)?.focus();
      announce(prefix, addButton?.dataset.removedText);
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

// --- Assessment forms: safe data entry -----------------------------------------------------------

// Enter in a field never submits the form; only the Save button does.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || event.isComposing) return;
  const field = event.target;
  if (!(field instanceof Element) || !field.closest("form[data-enter-guard]")) return;
  if (field.matches("textarea, button, a, [type=submit], [type=button], [type=reset]")) return;
  event.preventDefault();
});

// Leaving a form with changes asks first; saving it does not.
let unsavedChanges = Boolean(document.querySelector("form[data-warn-unsaved=changed]"));
const markChanged = (event) => {
  if (event.target instanceof Element && event.target.closest("form[data-warn-unsaved]")) {
    unsavedChanges = true;
  }
};
document.addEventListener("input", markChanged);
document.addEventListener("change", markChanged);
document.addEventListener("submit", (event) => {
  if (event.target.matches("form[data-warn-unsaved]")) unsavedChanges = false;
});
window.addEventListener("beforeunload", (event) => {
  if (unsavedChanges) {
    event.preventDefault();
    event.returnValue = "";
  }
});

// A carried value's Remove button empties its field (and puts the value back when pressed
// again); typing a value again releases the button.
document.addEventListener("change", (event) => {
  const box = event.target.closest?.("[data-remove-for]");
  if (!box) return;
  const field = document.getElementById(box.dataset.removeFor);
  if (!field) return;
  if (box.checked) {
    field.dataset.removedValue = field.value;
    field.value = "";
  } else if (!field.value && field.dataset.removedValue) {
    field.value = field.dataset.removedValue;
  }
});
document.addEventListener("input", (event) => {
  const field = event.target;
  if (!(field instanceof HTMLInputElement) || !field.value) return;
  const box = document.querySelector(`[data-remove-for="${field.id}"]`);
  if (box?.checked) box.checked = false;
});

// "Clear the answers" of a group of radio buttons (the Short FES-I).
document.addEventListener("click", (event) => {
  const clear = event.target.closest("[data-clear-radios]");
  if (!clear) return;
  const group = document.querySelector(`[data-radio-group="${clear.dataset.clearRadios}"]`);
  group?.querySelectorAll("input[type=radio]:checked").forEach((radio) => {
    radio.checked = false;
  });
  group?.dispatchEvent(new Event("change", { bubbles: true }));
});

// The error summary takes the focus, so it is read first.
document.getElementById("error-summary")?.focus();

// Copy a text (the GP letter) to the clipboard.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copyTarget);
  const status = button.parentElement.querySelector("[data-copy-status]");
  try {
    await navigator.clipboard.writeText(source.value);
  } catch {
    source.select();
    document.execCommand("copy");
  }
  if (status) status.textContent = button.dataset.copied;
});

// --- The session: a warning two minutes before it ends ------------------------------------------

(() => {
  const body = document.body;
  if (!body.dataset.sessionSecondsLeft) return;
  const WARN_MS = 120 * 1000;
  const warning = document.getElementById("session-warning");
  const ended = document.getElementById("session-ended");
  const countdown = warning.querySelector("[data-session-countdown]");
  const keepsDraft = Boolean(document.querySelector("input[name=draft_key]"));
  ended.querySelector("[data-if-draft]").hidden = !keepsDraft;
  ended.querySelector("[data-if-no-draft]").hidden = keepsDraft;
  let deadline = Date.now() + Number(body.dataset.sessionSecondsLeft) * 1000;

  const show = () => {
    const left = deadline - Date.now();
    ended.hidden = left > 0;
    warning.hidden = left <= 0 || left > WARN_MS;
    if (!warning.hidden) {
      const seconds = Math.ceil(left / 1000);
      countdown.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
    }
  };
  const secondsLeft = (seconds) => {
    deadline = Date.now() + seconds * 1000;
    show();
  };
  setInterval(show, 1000);
  show();

  const signedOut = (url) => url && new URL(url, location.href).pathname === body.dataset.loginPath;
  // Every request the page makes (the live preview) keeps the session going, and says so.
  body.addEventListener("htmx:beforeSwap", (event) => {
    if (signedOut(event.detail.xhr.responseURL)) {
      event.detail.shouldSwap = false;
      secondsLeft(0);
    }
  });
  body.addEventListener("htmx:afterRequest", (event) => {
    const left = event.detail.xhr.getResponseHeader("X-Session-Seconds-Left");
    if (left !== null && !signedOut(event.detail.xhr.responseURL)) secondsLeft(Number(left));
  });

  document.addEventListener("click", async (event) => {
    if (!event.target.closest("[data-session-stay]")) return;
    const headers = JSON.parse(body.getAttribute("data-hx-headers") || "{}");
    try {
      const response = await fetch(body.dataset.sessionKeepAlive, {
        method: "POST",
        headers,
        credentials: "same-origin",
      });
      if (response.ok && !signedOut(response.url)) {
        secondsLeft((await response.json()).seconds_left);
        return;
      }
    } catch {
      // the network is down: the countdown goes on
    }
    secondsLeft(Math.max(0, (deadline - Date.now()) / 1000));
  });
})();

// htmx has focused the [autofocus] element it swapped in; the attribute then goes, so the page
// never holds two (invalid HTML, and the browser would ignore the second).
document.addEventListener("htmx:afterSettle", () => {
  document.querySelectorAll("[autofocus]").forEach((element) => element.removeAttribute("autofocus"));
});

// A live region that htmx never replaces says what changed in a part it does replace (the
// handout status, polled every 2 s): only when the text of its `data-announce` rows changes.
const announcement = (region) => {
  const source = document.querySelector(region.dataset.announceSource);
  if (!source) return "";
  return [...source.querySelectorAll("[data-announce]")].map((row) => row.dataset.announce).join(". ");
};
document.querySelectorAll("[data-announce-source]").forEach((region) => {
  region.dataset.said = announcement(region);
});
document.addEventListener("htmx:afterSettle", () => {
  document.querySelectorAll("[data-announce-source]").forEach((region) => {
    const text = announcement(region);
    if (text !== region.dataset.said) {
      region.dataset.said = text;
      region.textContent = text;
    }
  });
});

// A table wider than its box scrolls inside it (.table-responsive, on a narrow screen): the box
// then takes the keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1).
const scrollableTables = () => {
  document.querySelectorAll(".table-responsive").forEach((box) => {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      const name = box.querySelector("caption")?.textContent
        || box.closest("section, .card, main")?.querySelector("h1, h2, h3, figcaption")?.textContent;
      if (name && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", name.trim());
    } else if (box.getAttribute("role") === "region") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  });
};
scrollableTables();
window.addEventListener("resize", scrollableTables);
document.addEventListener("htmx:afterSettle", scrollableTables);

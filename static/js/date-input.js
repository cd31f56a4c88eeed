"use strict";
// A calendar for the date fields (osteoactive/date_input.py). The field takes a date typed in
// the page language's format (21.11.2026 in Danish, 21/11/2026 in English); the button beside
// it opens a month whose names follow <html lang>, whatever the browser's language. Keys:
// arrows move a day or a week, Page Up / Page Down a month, Enter picks, Escape closes.
(() => {
  const lang = document.documentElement.lang || "da";
  const sep = lang.startsWith("da") ? "." : "/";
  const pad = (n) => String(n).padStart(2, "0");
  const shown = (d) => `${pad(d.getDate())}${sep}${pad(d.getMonth() + 1)}${sep}${d.getFullYear()}`;
  const sameDay = (a, b) => a && b && a.toDateString() === b.toDateString();
  const parse = (text) => {
    const iso = text.trim().match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    const local = text.trim().match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/);
    let year, month, day;
    if (iso) [year, month, day] = iso.slice(1).map(Number);
    else if (local) [day, month, year] = local.slice(1).map(Number);
    else return null;
    if (year < 100) year += year < 69 ? 2000 : 1900; // as Python's %y
    const date = new Date(year, month - 1, day);
    return date.getMonth() === month - 1 ? date : null;
  };
  const monthTitle = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric" });
  const dayName = new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const weekdayShort = new Intl.DateTimeFormat(lang, { weekday: "short" });
  const weekdays = [...Array(7).keys()].map((i) => weekdayShort.format(new Date(2024, 0, 1 + i)));

  let open = null; // { input, button, panel, month, focus }

  const close = (returnFocus) => {
    if (!open) return;
    open.panel.remove();
    open.button.setAttribute("aria-expanded", "false");
    if (returnFocus) open.button.focus();
    open = null;
  };

  const pick = (date) => {
    const { input } = open;
    input.value = shown(date);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    close(false);
    input.focus();
  };

  const render = () => {
    const { panel, focus, input } = open;
    const chosen = parse(input.value);
    const first = new Date(focus.getFullYear(), focus.getMonth(), 1);
    const start = new Date(first);
    start.setDate(1 - ((first.getDay() + 6) % 7)); // weeks start on Monday
    panel.querySelector("[data-month]").textContent = monthTitle.format(first);
    const body = panel.querySelector("tbody");
    body.replaceChildren();
    for (let week = 0; week < 6; week += 1) {
      const row = body.insertRow();
      for (let i = 0; i < 7; i += 1) {
        const day = new Date(start);
        day.setDate(start.getDate() + week * 7 + i);
        const cell = row.insertCell();
        const button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-sm date-day";
        button.textContent = String(day.getDate());
        button.setAttribute("aria-label", dayName.format(day));
        button.tabIndex = sameDay(day, focus) ? 0 : -1;
        button.dataset.day = day.toISOString();
        if (day.getMonth() !== focus.getMonth()) button.classList.add("other-month");
        if (sameDay(day, chosen)) button.setAttribute("aria-pressed", "true");
        if (sameDay(day, new Date())) button.classList.add("today");
        cell.append(button);
      }
    }
  };

  const moveTo = (date) => {
    open.focus = date;
    render();
    open.panel.querySelector("button[tabindex='0']")?.focus();
  };

  const openFor = (input, button) => {
    close(false);
    const labels = input.dataset;
    const panel = document.createElement("div");
    panel.className = "date-calendar card shadow";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", labels.calendarLabel || "");
    panel.innerHTML = `<div class="d-flex align-items-center justify-content-between gap-2 mb-1">
        <button type="button" class="btn btn-outline-secondary" data-step="-1"><span aria-hidden="true">‹</span></button>
        <span class="fw-semibold text-capitalize" data-month aria-live="polite"></span>
        <button type="button" class="btn btn-outline-secondary" data-step="1"><span aria-hidden="true">›</span></button>
      </div>
      <table class="date-grid"><thead><tr></tr></thead><tbody></tbody></table>`;
    const [previous, next] = panel.querySelectorAll("[data-step]");
    previous.setAttribute("aria-label", labels.previousLabel || "");
    next.setAttribute("aria-label", labels.nextLabel || "");
    const head = panel.querySelector("thead tr");
    weekdays.forEach((name) => {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = name;
      head.append(th);
    });
    button.closest(".input-group").after(panel);
    button.setAttribute("aria-expanded", "true");
    open = { input, button, panel, focus: parse(input.value) || new Date() };
    moveTo(open.focus);
  };

  const enhance = (input) => {
    if (input.dataset.dateReady) return;
    input.dataset.dateReady = "yes";
    const group = document.createElement("div");
    group.className = "input-group has-validation";
    input.before(group);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-secondary date-button";
    button.setAttribute("aria-label", input.dataset.calendarLabel || "");
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-expanded", "false");
    button.innerHTML = '<svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">'
      + '<rect x="2.5" y="4" width="15" height="13.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.6"/>'
      + '<path d="M2.5 8h15M6.5 2v4M13.5 2v4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>';
    const feedback = input.nextElementSibling?.matches(".invalid-feedback") ? input.nextElementSibling : null;
    group.append(input, button);
    if (feedback) group.append(feedback);
  };

  const enhanceAll = (root) => root.querySelectorAll?.("input[data-date-input]").forEach(enhance);
  enhanceAll(document);
  document.addEventListener("htmx:load", (event) => enhanceAll(event.target));
  // A row added from a <template> (the fracture rows) has its date field enhanced too.
  new MutationObserver((changes) => {
    changes.forEach((change) => change.addedNodes.forEach((node) => node.nodeType === 1 && enhanceAll(node)));
  }).observe(document.body, { childList: true, subtree: true });

  document.addEventListener("click", (event) => {
    const toggle = event.target.closest(".date-button");
    if (toggle) {
      const input = toggle.parentElement.querySelector("input[data-date-input]");
      if (open && open.input === input) close(true);
      else openFor(input, toggle);
      return;
    }
    if (!open) return;
    const step = event.target.closest("[data-step]");
    if (step && open.panel.contains(step)) {
      const d = new Date(open.focus);
      d.setMonth(d.getMonth() + Number(step.dataset.step), 1);
      open.focus = d;
      render();
      return;
    }
    const day = event.target.closest(".date-day");
    if (day && open.panel.contains(day)) {
      pick(new Date(day.dataset.day));
      return;
    }
    if (!open.panel.contains(event.target)) close(false);
  });

  document.addEventListener("keydown", (event) => {
    if (!open || !open.panel.contains(event.target)) return;
    const d = new Date(open.focus);
    const moves = {
      ArrowLeft: () => d.setDate(d.getDate() - 1),
      ArrowRight: () => d.setDate(d.getDate() + 1),
      ArrowUp: () => d.setDate(d.getDate() - 7),
      ArrowDown: () => d.setDate(d.getDate() + 7),
      PageUp: () => d.setMonth(d.getMonth() - 1),
      PageDown: () => d.setMonth(d.getMonth() + 1),
    };
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (moves[event.key] && event.target.matches(".date-day")) {
      event.preventDefault();
      moves[event.key]();
      moveTo(d);
    } else if (event.key === "Enter" && event.target.matches(".date-day")) {
      event.preventDefault();
      pick(new Date(event.target.dataset.day));
    }
  });
})();

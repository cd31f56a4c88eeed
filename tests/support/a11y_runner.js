// Runs axe-core in every page a browser test opens: after the page has loaded, and again after
// each htmx swap has settled. Injected with axe.min.js as an init script (tests/support/a11y.py),
// so the pages themselves carry no test code. The results go back through exposed bindings.
(() => {
  if (window.top !== window || typeof window.axe === "undefined") return;
  if (document.contentType !== "text/html") return;
  const OPTIONS = {
    runOnly: { type: "tag", values: __AXE_TAGS__ },
    resultTypes: ["violations"],
  };
  const VOLATILE = /(csrfmiddlewaretoken" value="|X-CSRFToken&quot;: &quot;|data-session-seconds-left=")[^"&]*/g;
  const hash = (text) => {
    let h = 0;
    for (let i = 0; i < text.length; i += 1) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    return String(h >>> 0);
  };
  const role = () => {
    const labels = document.querySelector("[data-testid=clinic-and-role] br")?.nextSibling;
    return labels ? labels.textContent.trim() : "anonymous";
  };
  const check = async () => {
    const html = `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
    const results = await window.axe.run(document, OPTIONS);
    const violations = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        summary: n.failureSummary,
        html: n.html.slice(0, 300),
      })),
    }));
    return { url: location.href, width: window.innerWidth, role: role(), html, violations };
  };
  let timer = null;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const html = `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
      const state = { url: location.href, width: window.innerWidth, role: role() };
      if (await window.__a11yWanted({ ...state, key: hash(html.replace(VOLATILE, "$1")) })) {
        await window.__a11yReport(await check());
      }
    } catch (error) {
      // The page closed while it was being checked; the end of the test checks what it missed.
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule(100);
      }
    }
  };
  const schedule = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  };
  window.__a11yCheck = check;
  window.addEventListener("load", () => schedule(50));
  document.addEventListener("htmx:afterSettle", () => schedule(250));
})();

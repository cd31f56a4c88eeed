"""Accessibility and HTML checks of every page the browser tests open.

axe-core (npm) runs inside each page after it loads and after each htmx swap (the init script
`a11y_runner.js`), for WCAG 2.x A and AA, at the widths of `WIDTHS` (a test that looks at a page
at another width, such as the 320 px layout test, is checked at the end instead). At the end of each test, every page the test reached
is opened again at the widths of `WIDTHS` that were not yet checked for the user's role, so each
page is checked at 1366 and 820 px whatever the test clicked. A violation fails the test.
The HTML of every distinct state (the DOM as the browser holds it, `page.content()`) is kept
and given to the Nu Html Checker (vnu.jar, npm) in one run at the end of the session; an error
fails the session. The report goes to artifacts/a11y/ (or `$A11Y_REPORT_DIR`), in a folder per
pytest-xdist worker when the suite runs in several processes.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
RUNNER_JS = Path(__file__).with_name("a11y_runner.js")
REPORTS = Path(os.environ.get("A11Y_REPORT_DIR") or ROOT / "artifacts" / "a11y")
REPORT_DIR = REPORTS / os.environ.get("PYTEST_XDIST_WORKER", "")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (1366, 820)
HEIGHT = 900
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
VOLATILE = re.compile(
    r'(name="csrfmiddlewaretoken" value="|X-CSRFToken&quot;: &quot;|"X-CSRFToken": "'
    r'|data-session-seconds-left=")[^"&]*'
)


def tools_missing() -> str | None:
    """Why the checks cannot run here, or None."""
    if not AXE_JS.exists() or not VNU_JAR.exists():
        return "axe-core and vnu-jar are not installed (npm ci, or make install-dev)"
    if shutil.which("java") is None:
        return "java is not installed (apt-get install default-jre-headless)"
    return None


def page_pattern(url: str) -> str:
    """The page a URL shows, whatever object: `/patients/{id}/assessments/new/`."""
    parts = urlsplit(url)
    path = UUID.sub("{id}", parts.path)
    path = re.sub(r"/\d+(?=/|$)", "/{n}", path)
    keys = sorted({pair.split("=")[0] for pair in parts.query.split("&") if pair})
    return path + (f"?{'&'.join(keys)}" if keys else "")


@dataclass
class Check:
    test: str
    pattern: str
    url: str
    role: str
    width: int
    violations: list
    how: str  # "live": while the test ran; "revisit": opened again at its end


@dataclass
class Checks:
    """What the browser tests of one session found."""

    checks: list[Check] = field(default_factory=list)
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)  # hash -> (label, html)
    states: set = field(default_factory=set)
    test: str = ""
    visited: dict[str, str] = field(default_factory=dict)  # pattern -> url, this test's
    quiet_pages: set = field(default_factory=set)
    tried: set = field(default_factory=set)  # (pattern, role, width) opened again already

    # --- wiring ---------------------------------------------------------------------------------

    def attach(self, context: BrowserContext) -> None:
        runner = RUNNER_JS.read_text().replace("__AXE_TAGS__", json.dumps(AXE_TAGS))
        context.add_init_script(AXE_JS.read_text() + "\n" + runner)
        context.expose_binding("__a11yWanted", self._wanted)
        context.expose_binding("__a11yReport", self._report)

    def watch(self, page: Page) -> None:
        page.on("framenavigated", lambda frame: self._navigated(page, frame))

    def start_test(self, name: str) -> None:
        self.test, self.visited = name, {}

    def _navigated(self, page: Page, frame) -> None:
        if frame == page.main_frame and frame.url.startswith("http"):
            self.visited.setdefault(page_pattern(frame.url), frame.url)

    def _wanted(self, source, state) -> bool:
        if source["page"] in self.quiet_pages or state["width"] not in WIDTHS:
            return False
        key = (page_pattern(state["url"]), state["role"], state["width"], state["key"])
        if key in self.states:
            return False
        self.states.add(key)
        return True

    def _report(self, source, payload) -> None:
        self._record(payload, "live")

    def _record(self, payload: dict, how: str) -> None:
        pattern = page_pattern(payload["url"])
        self.checks.append(
            Check(
                self.test,
                pattern,
                payload["url"],
                payload["role"],
                payload["width"],
                payload["violations"],
                how,
            )
        )
        html = payload["html"]
        digest = hashlib.sha1(VOLATILE.sub(r"\1", html).encode()).hexdigest()[:12]
        self.documents.setdefault(digest, (f"{pattern} ({payload['role']})", html))

    # --- the end of a test ----------------------------------------------------------------------

    def covered(self) -> set[tuple[str, str, int]]:
        return {(c.pattern, c.role, c.width) for c in self.checks}

    def revisit(self, context: BrowserContext) -> None:
        """Opens each page this test reached again at the widths not yet checked for the role it
        was seen with: signed in as the test's user, or signed out in a fresh context."""
        mine = [c for c in self.checks if c.test == self.test]
        user = mine[-1].role if mine else "anonymous"
        seen = defaultdict(set)
        for c in mine:
            seen[c.pattern].add(c.role)
        covered = self.covered() | self.tried
        todo = defaultdict(list)  # (role, width) -> urls
        for pattern, url in self.visited.items():
            for role in seen[pattern] or {user}:
                if role not in (user, "anonymous"):
                    continue
                for width in WIDTHS:
                    if (pattern, role, width) not in covered:
                        self.tried.add((pattern, role, width))
                        todo[role, width].append(url)
        for (role, width), urls in todo.items():
            own = context if role == user else None
            target = own or context.browser.new_context(reduced_motion="reduce")
            if own is None:
                self.attach(target)
            page = target.new_page()
            self.quiet_pages.add(page)
            page.set_viewport_size({"width": width, "height": HEIGHT})
            try:
                for url in urls:
                    response = page.goto(url)
                    content_type = (response.headers.get("content-type") or "") if response else ""
                    if "text/html" in content_type:
                        self._record(page.evaluate("window.__a11yCheck()"), "revisit")
            finally:
                self.quiet_pages.discard(page)
                page.close()
                if own is None:
                    target.close()

    def failures(self) -> list[Check]:
        return [c for c in self.checks if c.test == self.test and c.violations]

    # --- the end of the session ----------------------------------------------------------------

    def validate_html(self) -> list[dict]:
        """All distinct documents through vnu in one JVM; the error messages with their page."""
        folder = REPORT_DIR / "html"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        labels = {}
        for index, (digest, (label, html)) in enumerate(sorted(self.documents.items())):
            path = folder / f"{index:03d}-{digest}.html"
            path.write_text(html)
            labels[path.name] = label
        if not labels:
            return []
        run = subprocess.run(
            [
                "java",
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--errors-only",
                "--exit-zero-always",
            ]
            + sorted(str(folder / name) for name in os.listdir(folder)),
            capture_output=True,
            text=True,
            check=False,
        )
        messages = json.loads(run.stderr or run.stdout)["messages"]
        errors = [m for m in messages if m.get("type") == "error"]
        for error in errors:
            name = error.get("url", "").rsplit("/", 1)[-1]
            error["page"] = f"{labels.get(name, '?')} [{name}]"
        return errors

    def write_report(self, html_errors: list[dict]) -> Path:
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        pages = defaultdict(lambda: {"checks": 0, "violations": 0, "roles": set(), "widths": set()})
        for c in self.checks:
            entry = pages[c.pattern]
            entry["checks"] += 1
            entry["violations"] += sum(len(v["nodes"]) for v in c.violations)
            entry["roles"].add(c.role)
            entry["widths"].add(c.width)
        lines = [
            f"axe-core {_version('axe-core')}, vnu {_version('vnu-jar')}: {len(self.checks)} checks of {len(pages)} pages; "
            f"vnu: {len(self.documents)} documents, {len(html_errors)} errors",
            "",
            "| page | roles | widths | axe checks | axe violations (elements) |",
            "|---|---|---|---|---|",
        ]
        for pattern, entry in sorted(pages.items()):
            lines.append(
                f"| `{pattern}` | {', '.join(sorted(entry['roles']))} | "
                f"{', '.join(str(w) for w in sorted(entry['widths']))} | {entry['checks']} | "
                f"{entry['violations']} |"
            )
        report = REPORT_DIR / "report.md"
        report.write_text("\n".join(lines) + "\n")
        details = {
            "axe": [c.__dict__ for c in self.checks if c.violations],
            "vnu": html_errors,
        }
        (REPORT_DIR / "failures.json").write_text(json.dumps(details, indent=1, default=str))
        return report


def _version(package: str) -> str:
    return json.loads((ROOT / "node_modules" / package / "package.json").read_text())["version"]


def describe_violations(checks: list[Check]) -> str:
    lines = []
    for c in checks:
        for v in c.violations:
            lines.append(f"{c.pattern} ({c.role}, {c.width} px): {v['id']} - {v['help']}")
            lines.extend(f"    {n['target']}: {n['summary']}" for n in v["nodes"][:5])
    return "\n".join(lines)


def describe_html_errors(errors: list[dict]) -> str:
    return "\n".join(
        f"{e['page']} line {e.get('lastLine')}: {e['message']} [{e.get('extract', '').strip()}]"
        for e in errors
    )

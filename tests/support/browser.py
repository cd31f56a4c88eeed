"""Helpers for the Playwright tests in tests/browser: screenshots, logging in, pictures.

A full-page screenshot of every step goes to $SCREENSHOT_DIR (default: artifacts/screenshots
under the project root)."""

import os
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "artifacts" / "screenshots")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 10_000


class Screenshots:
    """Numbered full-page screenshots of one flow: `1-physio-01-login.png`, ..."""

    def __init__(self, page: Page, flow: str):
        self.page, self.flow, self.step = page, flow, 0
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def __call__(self, name: str) -> None:
        load_images(self.page)
        self.step += 1
        path = SCREENSHOT_DIR / f"{self.flow}-{self.step:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("button", name="Log ind")).to_have_count(0)


def expect_picture(img: Locator) -> None:
    """The picture has loaded and has pixels (a broken one completes with width 0)."""
    expect(img).to_have_js_property("complete", True)
    assert img.evaluate("img => img.naturalWidth") > 0, img.get_attribute("src")


def load_images(page: Page) -> None:
    """Loads the lazy pictures below the fold too, and fails on a picture that does not load."""
    page.locator("img[loading=lazy]").evaluate_all("imgs => imgs.forEach(i => i.loading = 'eager')")
    for img in page.locator("img").all():
        expect_picture(img)


def heading(page: Page):
    return page.get_by_role("heading", level=1)

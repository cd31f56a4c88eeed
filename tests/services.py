"""Deciding whether an integration test can run: skipped locally, required in CI."""

import os
import shutil
import socket

import pytest

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
CHROMIUM = "/usr/bin/chromium"


def need(available: bool, reason: str) -> None:
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(reason)


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def need_chromium() -> None:
    need(os.path.exists(CHROMIUM), f"no Chromium at {CHROMIUM} (apt-get install chromium)")


def need_executable(name: str) -> None:
    need(shutil.which(name) is not None, f"{name} is not installed")

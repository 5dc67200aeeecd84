"""Headless Chromium (Debian's chromium + chromedriver, no browser download) for page tests."""
from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def require_browser() -> None:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs them)")


@contextmanager
def chrome():
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="dcskg-chrome-")
    # the flags this closed network needs: no background traffic, no first-run, no sandbox as root
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1000", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requested_urls(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen | None = None, seconds: float = 30) -> None:
    """Until something listens on the loopback port (or the process died, or time ran out)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(proc.stderr.read() if proc.stderr else "server exited") from None
            time.sleep(0.1)


@contextmanager
def serving(store: Path, *extra: str):
    """`dcskg serve` in a subprocess on a free loopback port; yields the base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from dcskg.cli import main; main()", "serve", "--store", str(store), "--port", str(port), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def only_loopback(urls: list[str]) -> list[str]:
    """URLs that leave the machine (anything but loopback, data: and about:)."""
    return [u for u in urls if not re.match(r"^(?:https?://(?:127\.0\.0\.1|localhost)(?::\d+)?/|data:|about:|blob:|chrome)", u)]

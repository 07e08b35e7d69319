"""Open a view page in headless Chromium with the network cut off, wait until the graph is drawn
and stable, count the painted pixels and take a screenshot. Used by the tests and ``make bench``.

Needs Debian's ``chromium`` (``/usr/bin/chromium``) and the ``playwright`` Python package (its
driver only; no browser download).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class RenderResult:
    nodes: int
    edges: int
    painted_pixels: int
    seconds_to_ready: float
    blocked_requests: list[str]
    console_errors: list[str]
    dialogs: list[str]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def offline_page(
    page_file: str | Path, timeout_s: float = 60.0, viewport: tuple[int, int] = (1400, 900), allow: tuple[str, ...] = ()
) -> Iterator[tuple[object, dict]]:
    """A Chromium page with ``page_file`` loaded (a file, or an ``http://`` URL whose prefix is in
    ``allow``) and every other non-file request aborted.

    Yields the Playwright page and a record of what happened: ``blocked`` requests,
    console ``errors``, ``dialogs`` (a dialog means a script ran) and ``seconds`` until the page
    set ``window.akgReady``.
    """
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium not found; install Debian's chromium package.")
    record: dict = {"blocked": [], "errors": [], "dialogs": [], "seconds": None}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})

            def route(r):
                if r.request.url.startswith(("file:", "data:", "blob:", "about:", *allow)):
                    r.continue_()
                else:
                    record["blocked"].append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.on("console", lambda m: record["errors"].append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: record["errors"].append(str(e)))
            page.on("dialog", lambda d: (record["dialogs"].append(d.message), d.dismiss()))
            started = time.perf_counter()
            page.goto(str(page_file) if str(page_file).startswith(allow or ("\0",)) else Path(page_file).resolve().as_uri())
            page.wait_for_function("window.akgReady === true", timeout=timeout_s * 1000)
            record["seconds"] = time.perf_counter() - started
            yield page, record
        finally:
            browser.close()


def render(page_file: str | Path, screenshot: str | Path | None = None, timeout_s: float = 60.0) -> RenderResult:
    """Load a view page offline; returns counts, time to a drawn and stable network, and errors."""
    with offline_page(page_file, timeout_s) as (page, record):
        page.wait_for_timeout(300)
        counts = page.evaluate("[akgNetwork.body.data.nodes.length, akgNetwork.body.data.edges.length]")
        painted = page.evaluate(
            """() => { const c = document.querySelector('#net canvas'); const ctx = c.getContext('2d');
                 const d = ctx.getImageData(0, 0, c.width, c.height).data; let n = 0;
                 for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }"""
        )
        if screenshot:
            page.screenshot(path=str(screenshot))
    return RenderResult(counts[0], counts[1], painted, record["seconds"], record["blocked"], record["errors"], record["dialogs"])

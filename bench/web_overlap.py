"""The web page's overlap view timed in real headless Chromium (Debian ``chromium``, driven by Playwright).

``overlap_render_ms(base, role_ids)`` opens ``base/#/overlap?roles=...`` fresh ``runs`` times and
answers the page's own timings (``window.__orgkg.timings``: navigation to the view's ``data-ready``,
and the view's render alone), or None when Chromium or Playwright is missing. Used by
``bench.scale``; it has no table of its own.
"""

from __future__ import annotations

import os
import statistics
from pathlib import Path

__all__ = ["CHROMIUM", "overlap_render_ms"]

CHROMIUM = Path(os.environ.get("ORGKG_CHROMIUM", "/usr/bin/chromium"))
_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]


def overlap_render_ms(base: str, role_ids: list[str], runs: int = 5) -> dict[str, float] | None:
    """Medians over ``runs`` fresh loads: ``since_navigation_ms`` and ``render_ms`` of the overlap view."""
    if not CHROMIUM.exists():
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    url = f"{base}/#/overlap?roles=" + ",".join(role_ids)
    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
            page = context.new_page()
            for _ in range(runs + 1):  # one warm-up load (the browser's cache of the page's own files)
                page.goto("about:blank")
                page.goto(url)
                page.wait_for_selector('.view[data-view="overlap"][data-ready="true"]', timeout=120_000)
                timings.append(page.evaluate("window.__orgkg.timings[window.__orgkg.timings.length - 1]"))
            context.close()
        finally:
            browser.close()
    timings = timings[1:]
    return {key: statistics.median(t[key] for t in timings) for key in ("since_navigation_ms", "render_ms")}

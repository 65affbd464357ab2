"""Keypress to new figure, timed inside the page (for benchmarks/browser_keypress.py).

The clock is the page's own (``performance.now()``), so the time Playwright takes to send
the key and to ask the page does not count: it runs from the keydown event the page sees
to the panel's figure holding a new picture (the ``<img>`` in the panel's figure box has
a new ``src``), and on to that picture decoded and ready to paint.

The wait is a promise the page settles itself, not a poll on every animation frame: a
poll makes the page produce a frame every 16 ms, and on a machine without a GPU that
work takes CPU from the kernel being timed on the same machine.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KeypressTiming", "slider_counts", "time_keypress"]

# Watches one panel's figure box: the next keydown anywhere starts the clock; the first
# image whose src differs from the one shown now stops it (then again once decoded).
ARM_JS = """([panelIndex]) => {
  const panel = document.querySelectorAll('.chemo-panel')[panelIndex];
  const box = panel.querySelector('.chemo-figure');
  const oldSrc = (box.querySelector('img') || {}).src;
  const t = {key: null, dom: null, decoded: null};
  t.done = new Promise((resolve) => { t.settle = resolve; });
  window.__chemoKeypress = t;
  const onKey = () => { if (t.key === null) t.key = performance.now(); };
  document.addEventListener('keydown', onKey, {capture: true, once: true});
  const seen = () => {
    const img = box.querySelector('img');
    if (!img || img.src === oldSrc || t.dom !== null) return;
    t.dom = performance.now();
    observer.disconnect();
    img.decode().catch(() => null).then(() => { t.decoded = performance.now(); t.settle(true); });
  };
  const observer = new MutationObserver(seen);
  observer.observe(box, {childList: true, subtree: true, attributes: true,
                         attributeFilter: ['src']});
  t.disarm = () => { observer.disconnect(); document.removeEventListener('keydown', onKey,
                                                                        true); };
}"""

# Settles true once the new picture is decoded, or false after the wait (in ms).
DONE_JS = """(waitMs) => Promise.race([window.__chemoKeypress.done,
  new Promise((resolve) => setTimeout(() => resolve(false), waitMs))])"""

READ_JS = """() => { const t = window.__chemoKeypress; t.disarm();
  return {key: t.key, dom: t.dom, decoded: t.decoded}; }"""

HANDLE_JS = """(handle) => ({now: handle.getAttribute('aria-valuenow'),
  min: handle.getAttribute('aria-valuemin'), max: handle.getAttribute('aria-valuemax')})"""


@dataclass(frozen=True)
class KeypressTiming:
    """One keypress: milliseconds to the new picture in the page and to it decoded.

    Both None when no new picture came within the wait (the slider was at an end, the
    model refused the combination, or the picture came out the same).
    """

    key: str
    to_dom_ms: float | None
    to_decoded_ms: float | None


def slider_counts(page) -> list[int]:
    """How many sliders each lesson panel on the page has, in page order."""
    return page.evaluate("""() => [...document.querySelectorAll('.chemo-panel')]
        .map(p => p.querySelectorAll('.noUi-handle').length)""")


def time_keypress(page, panel_index: int, slider_index: int, direction: int,
                  timeout_ms: float) -> KeypressTiming:
    """Focus a slider's handle and press ArrowRight (direction 1) or ArrowLeft (-1).

    At the slider's end the key that moves it back is pressed instead. Waits at most
    ``timeout_ms`` for the panel's new picture.
    """
    panel = page.locator(".chemo-panel").nth(panel_index)
    handle = panel.locator(".noUi-handle").nth(slider_index)
    handle.scroll_into_view_if_needed()
    handle.focus()
    where = handle.evaluate(HANDLE_JS)
    if where["now"] is not None and where["now"] == (where["max"] if direction > 0
                                                     else where["min"]):
        direction = -direction
    key = "ArrowRight" if direction > 0 else "ArrowLeft"
    page.evaluate(ARM_JS, [panel_index])
    handle.press(key)
    if not page.evaluate(DONE_JS, timeout_ms):
        page.evaluate(READ_JS)
        return KeypressTiming(key, None, None)
    times = page.evaluate(READ_JS)
    return KeypressTiming(key, times["dom"] - times["key"], times["decoded"] - times["key"])

"""Lesson pages in the browser: waiting for them and checking what they show.

Shared by the app-mode (Voila) and JupyterLab browser tests: every panel has a figure with
alt text and a caption, every slider moved with the keyboard changes them, errors on the
page, axe-core findings, and a Tab walk through every control. ``page`` is a Playwright
page throughout.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

__all__ = [
    "PAGE_TIMEOUT_MS",
    "assert_panels_render",
    "font_sizes_px",
    "panel_fits",
    "slider_voices",
    "slider_voice_problems",
    "wait_for_presentation",
    "error_outputs",
    "exercise_sliders",
    "expected_panel_count",
    "full_page_screenshot",
    "keyboard_walk",
    "move_slider_with_keyboard",
    "panel_states",
    "serious_axe_violations",
    "voila_loading_text",
    "wait_for_voila_page",
]

# Generous: a shared two-core machine can be slow, and a lesson page starts a kernel
# and runs every cell before it shows.
PAGE_TIMEOUT_MS = 240_000


# --- Voila page helpers ------------------------------------------------------

# True once Voila has shown the executed cells and every output on the page has
# been filled in: widget outputs start as empty boxes (their cell-output script
# consumed) and get their widget a moment later.
VOILA_READY_JS = """() => {
  const cells = document.getElementById('rendered_cells');
  if (!cells || cells.style.display === 'none' || document.getElementById('loading')) {
    return false;
  }
  if (cells.querySelector('script[type="application/vnd.voila.cell-output+json"]')) {
    return false;
  }
  return [...cells.querySelectorAll('.jp-OutputArea-output')].every(
    out => out.childElementCount > 0 || out.textContent.trim() !== '');
}"""


def wait_for_voila_page(page, timeout_ms: int = PAGE_TIMEOUT_MS) -> None:
    page.wait_for_function(VOILA_READY_JS, timeout=timeout_ms, polling=250)


def voila_loading_text(page) -> str:
    try:
        return page.evaluate(
            "() => (document.getElementById('loading_text') || {}).textContent || ''")
    except Exception:  # noqa: BLE001 - the page may be gone
        return ""


# --- Checks shared by app mode and JupyterLab ------------------------------------

def expected_panel_count(lesson: Path) -> int:
    """How many lesson panels the notebook builds (``SomethingPanel(`` in code cells)."""
    notebook = json.loads(lesson.read_text())
    return sum(
        len(re.findall(r"\b\w+Panel\(", "".join(cell["source"])))
        for cell in notebook["cells"] if cell["cell_type"] == "code"
    )


PANELS_JS = """(root) => [...root.querySelectorAll('.chemo-panel')].map(panel => {
  const img = panel.querySelector('.chemo-figure img');
  const caption = panel.querySelector('.chemo-caption');
  return {
    alt: img ? (img.getAttribute('alt') || '').trim() : null,
    src: img ? img.getAttribute('src') || '' : null,
    caption: caption ? caption.innerText.trim() : null,
    sliders: panel.querySelectorAll('.noUi-handle').length,
  };
})"""


def panel_states(page, root_selector: str = "body") -> list[dict]:
    return page.locator(root_selector).evaluate(PANELS_JS)


def assert_panels_render(page, lesson: Path, root_selector: str = "body") -> list[dict]:
    expected = expected_panel_count(lesson)
    try:  # widgets appear a moment after the cells; wait generously for them
        page.wait_for_function(
            """([rootSel, n]) => document.querySelector(rootSel)
                 .querySelectorAll('.chemo-panel .chemo-figure img').length >= n""",
            arg=[root_selector, expected], timeout=PAGE_TIMEOUT_MS, polling=250)
    except PlaywrightTimeoutError:
        pass  # the assertion below says what is missing
    panels = panel_states(page, root_selector)
    assert len(panels) == expected, f"{lesson.name}: {len(panels)} panels shown, {expected} built"
    for number, panel in enumerate(panels, start=1):
        assert panel["src"] and panel["src"].startswith("data:image/png;base64,"), (
            f"{lesson.name} panel {number}: no figure image")
        assert panel["alt"], f"{lesson.name} panel {number}: figure has no alt text"
        assert panel["caption"], f"{lesson.name} panel {number}: empty caption"
    return panels


def move_slider_with_keyboard(page, panel_index: int, slider_index: int,
                              root_selector: str = "body",
                              figure_wait_ms: int = PAGE_TIMEOUT_MS) -> tuple[dict, dict]:
    """Focus one slider handle, press End (or Home if already at the end).

    Returns the panel's state before and after. Waits up to ``figure_wait_ms``
    for the figure to change (a slider may have no effect in some states, e.g.
    "which cycle is changed" while nothing is changed), then a little for the
    caption, which is written in the same update just after the figure.
    """
    panel = page.locator(root_selector).locator(".chemo-panel").nth(panel_index)
    handle = panel.locator(".noUi-handle").nth(slider_index)
    before = panel_states(page, root_selector)[panel_index]
    handle.scroll_into_view_if_needed()
    handle.focus()
    start = handle.get_attribute("aria-valuenow")
    handle.press("End")
    if handle.get_attribute("aria-valuenow") == start:
        handle.press("Home")
    assert handle.get_attribute("aria-valuenow") != start, "the slider did not move"
    for key, old, wait in (("src", before["src"], figure_wait_ms),
                           ("caption", before["caption"], 15_000)):
        try:
            page.wait_for_function(
                """([rootSel, i, key, old]) => {
                     const p = document.querySelector(rootSel)
                       .querySelectorAll('.chemo-panel')[i];
                     if (!p) return false;
                     const now = key === 'src'
                       ? (p.querySelector('.chemo-figure img') || {}).src
                       : (p.querySelector('.chemo-caption') || {}).innerText;
                     return now !== undefined && (key === 'src' ? now : now.trim()) !== old;
                   }""",
                arg=[root_selector, panel_index, key, old], timeout=wait, polling=200)
        except PlaywrightTimeoutError:
            pass
    after = panel_states(page, root_selector)[panel_index]
    return before, after


def exercise_sliders(page, panels: list[dict], root_selector: str) -> list[str]:
    """Move every slider of every panel with the keyboard; return what went wrong.

    A slider that leaves the figure as it was gets a second go after all the
    others have moved (its effect may depend on them). Every slider must change
    the figure in one of the two goes, and in every panel the caption must
    follow at least one slider.
    """
    problems, retry, caption_moved = [], [], [False] * len(panels)
    for p, panel in enumerate(panels):
        if panel["sliders"] == 0:
            problems.append(f"panel {p + 1} has no slider")
        for s in range(panel["sliders"]):
            before, after = move_slider_with_keyboard(page, p, s, root_selector, 20_000)
            if after["src"] == before["src"]:
                retry.append((p, s))
            caption_moved[p] |= after["caption"] != before["caption"]
            if not after["alt"]:
                problems.append(f"panel {p + 1} slider {s + 1}: alt text lost")
    for p, s in retry:
        before, after = move_slider_with_keyboard(page, p, s, root_selector, 60_000)
        if after["src"] == before["src"]:
            problems.append(f"panel {p + 1} slider {s + 1}: the figure never changed")
        caption_moved[p] |= after["caption"] != before["caption"]
    problems += [f"panel {p + 1}: no slider changed the caption"
                 for p, moved in enumerate(caption_moved) if not moved]
    return problems


def full_page_screenshot(page, path: Path) -> None:
    """Screenshot of the whole lesson (Voila and JupyterLab scroll inside an element)."""
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight,
             ...[...document.querySelectorAll('#rendered_cells, .jp-WindowedPanel-outer')]
                .map(el => el.scrollHeight + el.getBoundingClientRect().top))""")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 16000)})
    page.wait_for_timeout(500)  # let the page lay itself out at the new size
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)


def error_outputs(page) -> list[str]:
    """Text of error or warning outputs (stderr, tracebacks) on the page."""
    return page.locator(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).all_inner_texts()


def serious_axe_violations(page, context: str | dict | None = None) -> list[str]:
    """axe-core (bundled with axe-playwright-python, no CDN) serious/critical findings.

    ``context``: what to audit, as axe takes it (a CSS selector, or {"include": [...]});
    None audits the whole page.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in ("serious", "critical"):
            targets = [node.get("target") for node in violation.get("nodes", [])][:5]
            found.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) "
                         f"at {targets}")
    return found


# Focusable controls inside the lesson; the test tabs through them all.
CONTROLS_SELECTOR = (
    ".noUi-handle, select, button, input:not([type=hidden]), textarea, a[href], "
    "[contenteditable=true]"
)


def keyboard_walk(page, root_selector: str, max_presses: int | None = None) -> dict:
    """Press Tab through the page; report controls never reached and ones without
    a visible focus change (a screenshot of the control, focused vs. not)."""
    count = page.evaluate(
        """([rootSel, sel]) => {
             const controls = [...document.querySelector(rootSel).querySelectorAll(sel)]
               .filter(el => el.offsetParent !== null && !el.disabled);
             controls.forEach((el, i) => el.setAttribute('data-kbd-id', String(i)));
             return controls.length;
           }""",
        [root_selector, CONTROLS_SELECTOR])
    reached, no_visible_focus = set(), []
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); "
                  "window.scrollTo(0, 0); }")
    page.locator("body").focus()
    for _ in range(max_presses or count * 3 + 30):
        page.keyboard.press("Tab")
        ident = page.evaluate(
            "() => document.activeElement && document.activeElement.getAttribute('data-kbd-id')")
        if ident is None or ident in reached:
            if len(reached) == count:
                break
            continue
        reached.add(ident)
        element = page.locator(f'[data-kbd-id="{ident}"]')
        box = element.bounding_box()
        if not box or box["width"] == 0:
            continue
        clip = {"x": max(box["x"] - 6, 0), "y": max(box["y"] - 6, 0),
                "width": box["width"] + 12, "height": box["height"] + 12}
        focused = page.screenshot(clip=clip, animations="disabled", caret="hide")
        page.evaluate("() => document.activeElement.blur()")
        unfocused = page.screenshot(clip=clip, animations="disabled", caret="hide")
        if focused == unfocused:
            no_visible_focus.append(page.evaluate(
                "(id) => { const el = document.querySelector(`[data-kbd-id=\"${id}\"]`);"
                " return el.tagName + '.' + el.className + ' ' + "
                "(el.getAttribute('aria-label') || el.innerText || '').slice(0, 40); }", ident))
    unreached = page.evaluate(
        """([rootSel, ids]) => [...document.querySelector(rootSel)
             .querySelectorAll('[data-kbd-id]')]
             .filter(el => !ids.includes(el.getAttribute('data-kbd-id')))
             .map(el => el.tagName + '.' + el.className)""",
        [root_selector, sorted(reached)])
    return {"count": count, "unreached": unreached, "no_visible_focus": no_visible_focus}


# --- What sliders say to a screen reader ----------------------------------------------

SLIDER_VOICES_JS = """(root) => [...root.querySelectorAll('.chemo-panel .widget-slider')].map(s => {
  const handle = s.querySelector('.noUi-handle');
  const label = s.querySelector('.widget-label');
  const readout = s.querySelector('.widget-readout');
  return {
    label: label ? label.textContent.trim() : '',
    readout: readout ? readout.textContent.trim() : '',
    name: handle ? handle.getAttribute('aria-label') || '' : '',
    text: handle ? handle.getAttribute('aria-valuetext') || '' : '',
  };
})"""


def slider_voices(page, root_selector: str = "body") -> list[dict]:
    """Each lesson slider's visible label and readout, and its handle's name and value text."""
    return page.locator(root_selector).evaluate(SLIDER_VOICES_JS)


def slider_voice_problems(voices: list[dict]) -> list[str]:
    """Sliders a screen reader would announce badly: no name, or a value text that is not
    the value on screen (a number slider: the same number, maybe with a unit; a slider
    over named options: exactly the option shown)."""
    problems = []
    for voice in voices:
        where = f"slider {voice['label']!r}"
        if not voice["name"] or voice["name"] != voice["label"].rstrip(":"):
            problems.append(f"{where}: handle named {voice['name']!r}")
        text, readout = voice["text"], voice["readout"]
        try:
            shown = float(readout.replace("\u2212", "-"))
        except ValueError:  # a slider over named options: its label is its value
            if text != readout:
                problems.append(f"{where}: says {text!r} while showing {readout!r}")
            continue
        said = re.match(r"-?\d+(\.\d+)?", text.replace("\u2212", "-"))
        if not said or abs(float(said.group(0)) - shown) > 1e-6 * max(1.0, abs(shown)):
            problems.append(f"{where}: says {text!r} while showing {readout!r}")
    return problems


# --- Presentation mode ------------------------------------------------------------------

def wait_for_presentation(page, projector: bool, root_selector: str = "body",
                          timeout_ms: int = PAGE_TIMEOUT_MS) -> None:
    """Wait until the switch, the page and every panel (figure rebuilt) show ``projector``.

    A panel's figure is rebuilt by the kernel: its picture is wider in projector mode.
    """
    page.wait_for_function(
        """([rootSel, on]) => {
             const root = document.querySelector(rootSel);
             const box = root && root.querySelector('.chemo-presentation-switch input');
             if (!box || box.checked !== on) return false;
             const page = box.closest('.jp-Notebook') || document.body;
             if (page.classList.contains('chemo-projector') !== on) return false;
             const panels = [...root.querySelectorAll('.chemo-panel')];
             return panels.length > 0 && panels.every(p => {
               const img = p.querySelector('.chemo-figure img');
               return p.classList.contains('chemo-projector') === on && img && img.complete
                 && img.naturalWidth > 0 && (img.naturalWidth > 800) === on;
             });
           }""",
        arg=[root_selector, projector], timeout=timeout_ms, polling=250)


FONT_SIZES_JS = """([rootSel, targets]) => {
  const root = document.querySelector(rootSel);
  const out = {};
  for (const [name, sel] of Object.entries(targets)) {
    const el = root.querySelector(sel);
    out[name] = el ? parseFloat(getComputedStyle(el).fontSize) : null;
  }
  return out;
}"""

# What "everything on the page" means in the font-size check.
TEXT_TARGETS = {
    "control label": ".chemo-panel .widget-label",
    "slider readout": ".chemo-panel .widget-readout",
    "menu": ".chemo-panel select",
    "caption": ".chemo-panel .chemo-caption p",
    "quiz": ".chemo-quiz .widget-radio-box label",
    "markdown": ".jp-RenderedMarkdown p",
}


def font_sizes_px(page, root_selector: str = "body") -> dict[str, float | None]:
    """Computed font size (CSS px) of the first element of each kind in TEXT_TARGETS."""
    return page.evaluate(FONT_SIZES_JS, [root_selector, TEXT_TARGETS])


PANEL_FIT_JS = """(root) => [...root.querySelectorAll('.chemo-panel')].map(p => {
  const top = (p.querySelector('.chemo-buttons') || p).getBoundingClientRect();
  const caption = p.querySelector('.chemo-caption').getBoundingClientRect();
  const img = p.querySelector('.chemo-figure img');
  const box = img.getBoundingClientRect();
  const right = Math.max(...[...p.querySelectorAll('.chemo-buttons, .chemo-controls, '
    + '.chemo-figure img, .chemo-caption')].map(e => e.getBoundingClientRect().right));
  return {height: Math.max(caption.bottom, box.bottom) - top.top, right: right,
          left: Math.min(top.left, box.left),
          picture_scale: box.height / img.naturalHeight};
})"""


def panel_fits(page, root_selector: str = "body") -> list[dict]:
    """Per panel: the height from its example menu to the end of its caption or picture
    (whichever ends lower: controls, picture and caption), its leftmost and rightmost
    edge, and how far its picture is shrunk (1 = natural size)."""
    return page.locator(root_selector).evaluate(PANEL_FIT_JS)

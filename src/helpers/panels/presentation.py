"""One presentation mode per page: standard, or large text for a projector.

A lesson page (one kernel: a Voila page or a JupyterLab notebook) has ONE switch,
shown near the top of the lesson by ``presentation_switch()``. The switch lives in
the browser: it remembers the choice in the browser's ``localStorage`` (so it holds
across reloads and from one lesson to the next), puts the class ``chemo-projector``
on the page (Voila: the page body; JupyterLab: that notebook), which enlarges every
piece of text on it through CSS (markdown, controls, captions, quizzes, tables), and
tells the kernel. The kernel side is ``presentation``, one object per page:

    from helpers.panels.presentation import presentation

    presentation.projector          # True while the page is in projector mode
    presentation.theme              # "projector" or "standard" (a figure theme name)
    presentation.subscribe(on_change)   # on_change(projector: bool) after each change

A widget that draws something the CSS cannot enlarge (a figure) reads
``presentation.projector`` when it is built and subscribes to hear of changes.
A bound method is held weakly, so a panel that is no longer shown can be
garbage-collected. Lesson panels do this in ``panels.base``.

What it leaves out: each browser (and each address: app mode and JupyterLab run on
different ports) keeps its own memory of the choice.
"""

from __future__ import annotations

import inspect
import json
import weakref
from collections.abc import Callable
from typing import Any

import anywidget
import traitlets

__all__ = ["PRESENTATION_CSS", "Presentation", "PresentationSwitch", "presentation",
           "presentation_switch"]

#: The browser's localStorage key holding "projector" or "standard".
STORAGE_KEY = "chemo-series-presentation"

# Projector mode, by CSS class: on the page root (.jp-Notebook is Voila's <body> and
# JupyterLab's notebook) every font size the page uses is raised. Custom properties
# inherit, so one rule reaches markdown, widgets, captions, quizzes and tables.
PRESENTATION_CSS = """
.chemo-projector {
  --jp-content-font-size1: 21px;
  --jp-content-line-height: 1.45;
  --jp-ui-font-size0: 16px;
  --jp-ui-font-size1: 20px;
  --jp-ui-font-size2: 23px;
  --jp-ui-font-size3: 27px;
  --jp-code-font-size: 18px;
  --jp-widgets-font-size: 20px;
  --jp-widgets-inline-height: 38px;
  --jp-widgets-slider-handle-size: 24px;
  --jp-widgets-slider-track-thickness: 7px;
  --jp-widgets-radio-item-height: 34px;
}
.chemo-projector .jp-RenderedHTMLCommon,
.chemo-projector .chemo-caption,
.chemo-projector .chemo-story,
.chemo-projector .chemo-table,
.chemo-projector .chemo-quiz {
  font-size: var(--jp-content-font-size1);
  line-height: var(--jp-content-line-height);
}
/* ipywidgets sets an HTML widget's line height to a control's height: too loose
   for sentences at this size. */
.chemo-projector .chemo-caption .widget-html-content,
.chemo-projector .chemo-story .widget-html-content {
  line-height: 1.35;
}
.chemo-projector .chemo-quiz .widget-html-content {
  line-height: var(--jp-content-line-height);
}
.chemo-projector .chemo-caption p,
.chemo-projector .chemo-story p {
  margin: 0.3em 0;
}
.chemo-projector .chemo-quiz .widget-radio-box label,
.chemo-projector .chemo-quiz .widget-html-content,
.chemo-projector .chemo-quiz button,
.chemo-projector .chemo-table table {
  font-size: var(--jp-content-font-size1);
}
.chemo-projector .chemo-quiz .widget-radio-box label {
  line-height: 1.3;
  height: auto;
}
.chemo-projector .widget-label,
.chemo-projector .widget-readout,
.chemo-projector .widget-dropdown > select,
.chemo-projector .widget-button {
  font-size: var(--jp-widgets-font-size);
}
/* Long control labels wrap instead of being cut off with "...". */
.chemo-projector .chemo-panel .widget-label {
  white-space: normal;
  line-height: 1.15;
  height: auto;
  min-height: var(--jp-widgets-inline-height);
  display: flex;
  align-items: center;
  justify-content: flex-start;
  text-align: left;
}
/* A panel's controls in two columns where the screen is wide enough, so the
   controls, the picture and the caption fit on one 1024 x 768 screen together. */
.chemo-projector .chemo-controls {
  display: grid !important;
  grid-template-columns: repeat(auto-fit, minmax(max(430px, 45%), 1fr));
  column-gap: 16px;
}
.chemo-projector .chemo-controls > .widget-inline-hbox {
  width: auto !important;
  min-width: 0;
  height: auto;
  min-height: var(--jp-widgets-inline-height);
}
.chemo-projector .chemo-controls .widget-label {
  width: 48% !important;
  flex: 0 0 48%;
}
/* A control with long words (set by the panel) takes a whole row; its label lines up
   with the labels of the two columns. */
.chemo-projector .chemo-controls > .chemo-wide {
  grid-column: 1 / -1;
}
.chemo-projector .chemo-controls > .chemo-wide .widget-label {
  width: calc((100% - 16px) * 0.24) !important;
  flex: 0 0 calc((100% - 16px) * 0.24);
}
.chemo-projector .chemo-controls .widget-dropdown > select {
  min-width: 0;
}
.chemo-projector .chemo-controls .widget-readout {
  max-width: none;
  flex: 0 0 auto;
}
.chemo-projector .chemo-controls .slider-container {
  min-width: 80px;
}
.chemo-projector .chemo-buttons .widget-label,
.chemo-projector .chemo-buttons .widget-button {
  width: auto !important;
  flex: 0 0 auto;
}
.chemo-projector .chemo-buttons .widget-button {
  padding: 0 0.8em;
}
/* The picture fills what the screen has left (set per panel by its front end). */
.chemo-projector .chemo-figure img {
  max-height: var(--chemo-figure-max-height, none);
  width: auto !important;
  max-width: 100%;
}
/* The caption beside the picture, when that leaves the picture clearly larger
   (decided per panel by its front end). */
.chemo-projector .chemo-panel.chemo-caption-beside {
  display: grid !important;
  grid-template-columns: auto minmax(300px, 1fr);
  column-gap: 16px;
  align-items: start;
}
.chemo-projector .chemo-panel.chemo-caption-beside > * {
  grid-column: 1 / -1;
}
.chemo-projector .chemo-panel.chemo-caption-beside > .chemo-figure {
  grid-column: 1;
}
.chemo-projector .chemo-panel.chemo-caption-beside > .chemo-caption {
  grid-column: 2;
}
.chemo-presentation-switch {
  font-family: var(--jp-ui-font-family, system-ui, sans-serif);
  font-size: var(--jp-content-font-size1, 14px);
  padding: 0.4em 0.6em;
  border: 2px solid #5a5a5a;
  border-radius: 6px;
  display: inline-flex;
  gap: 0.6em;
  align-items: center;
  background: var(--jp-layout-color0, #ffffff);
}
.chemo-presentation-switch input {
  width: 1.3em;
  height: 1.3em;
  margin: 0;
}
.chemo-presentation-switch input:focus-visible {
  outline: 3px solid #0b57d0;
  outline-offset: 2px;
}
"""

# The switch in the browser. On first draw it takes the remembered choice from
# localStorage and tells the kernel; a click (or Python setting ``projector``)
# updates the page, the memory and every other lesson open in this browser.
_SWITCH_ESM = f"const KEY = {json.dumps(STORAGE_KEY)};\n" + """
const EVENT = "chemo-presentation";

function remembered() {
  try { return window.localStorage.getItem(KEY) === "projector"; } catch (e) { return false; }
}
function remember(on) {
  try { window.localStorage.setItem(KEY, on ? "projector" : "standard"); } catch (e) {}
}
function pageRoot(el) {
  return el.closest(".jp-Notebook") || document.body;
}

function render({ model, el }) {
  const box = document.createElement("label");
  box.className = "chemo-presentation-switch";
  const input = document.createElement("input");
  input.type = "checkbox";
  const text = document.createElement("span");
  text.textContent = "Large text for a projector (this whole page; remembered for every lesson)";
  box.append(input, text);
  el.append(box);

  function show(on) {
    input.checked = on;
    const root = el.isConnected ? pageRoot(el) : null;
    if (root) root.classList.toggle("chemo-projector", on);
  }
  function choose(on) {
    // Page and kernel first, then the memory, then the other switches in this tab
    // (which find themselves up to date and stop there).
    show(on);
    if (model.get("projector") !== on) {
      model.set("projector", on);
      model.save_changes();
    }
    remember(on);
    window.dispatchEvent(new CustomEvent(EVENT, { detail: on }));
  }
  input.addEventListener("change", () => choose(input.checked));
  const onModel = () => {
    const on = model.get("projector");
    if (on !== remembered()) remember(on);
    show(on);
  };
  model.on("change:projector", onModel);
  // Another lesson in this browser (another tab: "storage"; this tab: EVENT).
  const onOther = (event) => {
    if (event.type === "storage" && event.key !== KEY) return;
    const on = remembered();
    if (on !== input.checked || model.get("projector") !== on) choose(on);
  };
  window.addEventListener("storage", onOther);
  window.addEventListener(EVENT, onOther);

  // The element is put on the page just after render: wait for it, then apply.
  let tries = 0;
  (function start() {
    if (!el.isConnected && tries++ < 200) { setTimeout(start, 50); return; }
    choose(remembered());
  })();
  return () => {
    model.off("change:projector", onModel);
    window.removeEventListener("storage", onOther);
    window.removeEventListener(EVENT, onOther);
  };
}
export default { render };
"""


class Presentation:
    """The page's presentation mode, as the kernel knows it (one per kernel = per page)."""

    def __init__(self) -> None:
        self._projector = False
        self._listeners: list[Callable[[], Callable[[bool], None] | None]] = []
        self._switch: PresentationSwitch | None = None

    @property
    def projector(self) -> bool:
        """True while the page shows large text for a projector."""
        return self._projector

    @projector.setter
    def projector(self, on: bool) -> None:
        if not isinstance(on, bool):
            raise ValueError(f"projector must be True or False; got {on!r}")
        if on == self._projector:
            return
        self._projector = on
        if self._switch is not None:
            self._switch.projector = on
        alive = []
        for reference in self._listeners:
            listener = reference()
            if listener is not None:
                alive.append(reference)
                listener(on)
        self._listeners = alive

    @property
    def theme(self) -> str:
        """The figure theme for the current mode: "projector" or "standard"."""
        return "projector" if self._projector else "standard"

    def subscribe(self, listener: Callable[[bool], None]) -> None:
        """Call ``listener(projector)`` after every change of mode (not now).

        A bound method is held weakly (its object may go away); any other callable
        is held for the life of the page.
        """
        if not callable(listener):
            raise ValueError(f"listener must be callable; got {listener!r}")
        if inspect.ismethod(listener):
            self._listeners.append(weakref.WeakMethod(listener))
        else:
            self._listeners.append(lambda: listener)

    def switch(self) -> PresentationSwitch:
        """The page's one switch widget (made on first use)."""
        if self._switch is None:
            self._switch = PresentationSwitch(projector=self._projector)
            self._switch.observe(self._from_browser, names="projector")
        return self._switch

    def _from_browser(self, change: dict[str, Any]) -> None:
        self.projector = bool(change["new"])


class PresentationSwitch(anywidget.AnyWidget):
    """The checkbox "Large text for a projector", remembered by the browser."""

    _esm = _SWITCH_ESM
    _css = PRESENTATION_CSS
    projector = traitlets.Bool(False).tag(sync=True)


#: The page's presentation mode (this kernel serves one page).
presentation = Presentation()


def presentation_switch() -> PresentationSwitch:
    """The switch to show once near the top of a lesson (a notebook's first code cell)."""
    return presentation.switch()

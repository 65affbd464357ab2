"""A panel's small helper in the browser: slider voices and a picture that fits the screen.

Every lesson panel carries one ``PanelFrontEnd`` (hidden; it draws nothing). In the
browser it finds its panel and:

- names each slider handle after its label (``aria-label``) and sets the value a
  screen reader says (``aria-valuetext``: "21 days", not "2"), from the words the
  Python side gives (``controls.spoken_positions``); ipywidgets' slider resets these
  on every move, so they are put back each time;
- in projector mode, caps the picture's height so that the panel's controls, picture
  and caption fit on the screen together (the CSS variable
  ``--chemo-figure-max-height``, used by ``presentation.PRESENTATION_CSS``), and puts
  the caption beside the picture (class ``chemo-caption-beside``) when that leaves the
  picture clearly larger. A picture is never shrunk below 0.6 of its size: its text
  would be no larger than in the standard picture.

Works the same in app mode (Voila) and JupyterLab: it is an ``anywidget``, plain
JavaScript sent with the widget, no build step, nothing fetched.
"""

from __future__ import annotations

from typing import Any

import anywidget
import traitlets

from .presentation import PRESENTATION_CSS

__all__ = ["PanelFrontEnd"]

_PANEL_ESM = """
// The smallest share of its own size a picture is shrunk to: below about 0.6 the
// projector picture's text is no larger than the standard picture's.
const SMALLEST_PICTURE_SCALE = 0.6;

function render({ model, el }) {
  let panel = null;
  const watchers = [];

  function voice() {
    if (!panel) return;
    for (const s of model.get("sliders")) {
      const control = panel.querySelector("." + s.control);
      if (!control) continue;
      for (const handle of control.querySelectorAll(".noUi-handle")) {
        if (handle.getAttribute("aria-label") !== s.label) {
          handle.setAttribute("aria-label", s.label);
        }
        const now = parseFloat(handle.getAttribute("aria-valuenow"));
        if (Number.isNaN(now)) continue;
        const i = Math.min(Math.max(Math.round((now - s.min) / s.step), 0), s.texts.length - 1);
        const text = s.texts[i];
        if (text !== undefined && handle.getAttribute("aria-valuetext") !== text) {
          handle.setAttribute("aria-valuetext", text);
        }
      }
    }
  }

  // Kept free below the panel, between picture and caption, and the narrowest caption
  // column beside a picture, in CSS pixels.
  const MARGIN_PX = 16;
  const GAP_PX = 16;
  const NARROWEST_CAPTION_PX = 300;

  function fit() {
    if (!panel) return;
    const img = panel.querySelector(".chemo-figure img");
    const figure = panel.querySelector(".chemo-figure");
    const caption = panel.querySelector(".chemo-caption");
    const top = panel.querySelector(".chemo-buttons") || panel;
    if (!img || !figure || !caption || !img.naturalHeight) return;
    // JupyterLab scrolls the notebook inside its own box; Voila scrolls the window.
    const scroller = panel.closest(".jp-WindowedPanel-outer");
    const screen = scroller ? scroller.clientHeight : window.innerHeight;
    const width = panel.clientWidth;
    const nw = img.naturalWidth, nh = img.naturalHeight;
    // What sits above the picture (menu, story, controls) stays; the picture and the
    // caption share the rest of the screen, the caption under the picture or beside it.
    const room = screen - (figure.getBoundingClientRect().top - top.getBoundingClientRect().top)
      - MARGIN_PX;
    const box = caption.getBoundingClientRect();
    const captionArea = box.width * box.height;  // about the same in any shape
    const under = Math.min(1, width / nw, (room - captionArea / width) / nh);
    // Beside: the caption's column must be wide enough for it to fit the height
    // (with a little to spare, as lines break unevenly); the picture takes the rest.
    const column = Math.max(NARROWEST_CAPTION_PX, 1.15 * captionArea / room);
    const besideScale = Math.min(1, room / nh, (width - GAP_PX - column) / nw);
    const beside = !!panel.closest(".chemo-projector") && besideScale > 1.15 * under
      && besideScale >= SMALLEST_PICTURE_SCALE;
    const scale = Math.max(beside ? besideScale : under, SMALLEST_PICTURE_SCALE);
    panel.classList.toggle("chemo-caption-beside", beside);
    const height = Math.floor(scale * nh) + "px";
    if (panel.style.getPropertyValue("--chemo-figure-max-height") !== height) {
      panel.style.setProperty("--chemo-figure-max-height", height);
    }
  }

  function onChange() {
    voice();
    fit();
    // A new picture has its size only once loaded.
    for (const img of panel.querySelectorAll(".chemo-figure img")) {
      if (!img.complete) img.addEventListener("load", fit, { once: true });
    }
  }

  function start() {
    panel = el.closest(".chemo-panel");
    if (!panel) return false;
    const mutations = new MutationObserver(onChange);
    mutations.observe(panel, { subtree: true, childList: true, attributes: true,
                               attributeFilter: ["aria-valuenow", "aria-valuetext"] });
    const sizes = new ResizeObserver(() => fit());
    sizes.observe(panel);
    window.addEventListener("resize", fit);
    watchers.push(() => mutations.disconnect(), () => sizes.disconnect(),
                  () => window.removeEventListener("resize", fit));
    onChange();
    return true;
  }
  // The element is put into its panel just after render: wait for it.
  let tries = 0;
  (function wait() {
    if (!start() && tries++ < 200) setTimeout(wait, 50);
  })();
  model.on("change:sliders", voice);
  return () => {
    model.off("change:sliders", voice);
    watchers.forEach((stop) => stop());
  };
}
export default { render };
"""


class PanelFrontEnd(anywidget.AnyWidget):
    """Hidden helper of one panel; ``sliders`` lists what each slider says.

    Each entry: ``control`` (the CSS class on that control), ``label`` (its
    accessible name), ``min`` and ``step`` (how the browser counts its positions)
    and ``texts`` (the words for each position).
    """

    _esm = _PANEL_ESM
    _css = PRESENTATION_CSS
    sliders = traitlets.List(traitlets.Dict()).tag(sync=True)

    def __init__(self, sliders: list[dict[str, Any]]) -> None:
        super().__init__(sliders=sliders, layout={"display": "none"})

"""The frame of every kit page: one self-contained HTML file, styled for screen and paper.

Nothing is fetched: no script, web font or style sheet from anywhere, so a page opens
from the folder (file://) and prints the same offline. Colours are the series' Okabe-Ito
blue and black on white, so a page reads in greyscale too.
"""

from __future__ import annotations

import html

__all__ = ["NOT_ADVICE", "SERIES_TITLE", "escape", "figure_html", "page"]

SERIES_TITLE = "Why can a cancer still grow during chemotherapy?"
NOT_ADVICE = ("<p class='note'><b>For education, not medical advice.</b> These are simple "
              "teaching models. They show why things can happen; they cannot say what will "
              "happen to any one person. Questions about a person's own care belong with "
              "their cancer team.</p>")

_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a; line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif;
  font-size: 17px; }
main { max-width: 48em; margin: 0 auto; padding: 1.5em 1.25em 3em; }
h1 { font-size: 1.7em; line-height: 1.2; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.3em; margin: 1.4em 0 0.4em; border-bottom: 2px solid #0072b2; }
h3 { font-size: 1.1em; margin: 1.1em 0 0.3em; }
a { color: #003e6b; }
a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.kicker { margin: 0; font-weight: 700; color: #404040; }
.note { border-left: 6px solid #0072b2; background: #eef5fb; padding: 0.6em 0.9em; }
blockquote { border-left: 6px solid #0072b2; background: #eef5fb; margin: 1em 0;
  padding: 0.1em 0.9em; }
figure { margin: 1em 0 1.4em; break-inside: avoid; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #bbb; }
figcaption { margin-top: 0.4em; }
figcaption p { margin: 0.3em 0; }
.example { font-size: 0.95em; }
.patient { border: 2px solid #1a1a1a; padding: 0.5em 0.9em; break-inside: avoid; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #777; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
.write { border: 1px solid #777; border-radius: 4px; margin: 0.4em 0 1em;
  background: repeating-linear-gradient(#fff 0 1.9em, #bbb 1.9em calc(1.9em + 1px)); }
.question { break-inside: avoid; margin-bottom: 0.6em; }
.choices { list-style: none; padding-left: 0.5em; }
.choices li::before { content: "\\2610"; margin-right: 0.5em; font-size: 1.15em; }
ul.lessons { list-style: none; padding: 0; }
ul.lessons li { margin: 0 0 0.7em; }
.muted { color: #404040; font-size: 0.92em; }
footer { margin-top: 2em; font-size: 0.9em; color: #404040; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .screen-only { display: none; }
  h2, h3 { break-after: avoid; }
}
"""


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def page(title: str, body: str, extra_css: str = "") -> str:
    """A whole HTML page called ``title`` around ``body`` (already HTML)."""
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{escape(title)}</title>\n<link rel='icon' href='data:,'>\n"
        f"<style>{_CSS}{extra_css}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
        "</body>\n</html>\n"
    )


def figure_html(example, src: str) -> str:
    """One named example's figure: picture with alt text, the example's story, caption."""
    table = f"<div class='table'>{example.extra_html}</div>" if example.extra_html else ""
    return (
        f"<figure>\n<img src='{escape(src)}' alt='{escape(example.alt_text)}'>\n"
        f"<figcaption>\n<p class='example'><b>Example: {escape(example.name)}.</b> "
        f"{escape(example.story)}</p>\n<p class='caption'>{example.caption_html}</p>\n"
        f"</figcaption>\n{table}</figure>"
    )

"""The notebooks' markdown as HTML (mistune, the renderer nbconvert and Voila use).

Links to another lesson notebook ("01_what_chemo_is_meant_to_do.ipynb") point to that
lesson's page in the kit's static site instead.
"""

from __future__ import annotations

import re

import mistune

__all__ = ["to_html", "inline_html"]

_RENDER = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])
_NOTEBOOK_LINK = re.compile(r'href="(\d\d_[\w-]+)\.ipynb"')


def to_html(markdown: str, lessons_href: str = "") -> str:
    """``markdown`` as HTML; lesson links go to ``lessons_href`` + "NN_name.html"."""
    html = str(_RENDER(markdown))
    return _NOTEBOOK_LINK.sub(lambda m: f'href="{lessons_href}{m.group(1)}.html"', html)


def inline_html(markdown: str) -> str:
    """One line of markdown as HTML without the surrounding paragraph."""
    html = to_html(markdown).strip()
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return html

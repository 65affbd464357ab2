"""The gate's own pages: the passcode form, and the "room is full" notice.

Plain HTML with inline style: nothing is fetched from anywhere, and each page works
with a screen reader (one labelled field, a heading, an alert for a wrong passcode).
"""

from __future__ import annotations

import html

__all__ = ["full_page", "passcode_page"]

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 32em; margin: 3em auto;
       padding: 0 1em; line-height: 1.5; color: #1a1a1a; }
h1 { font-size: 1.6em; }
label { display: block; font-weight: bold; margin-bottom: 0.3em; }
input { font-size: 1.6em; letter-spacing: 0.2em; width: 9em; padding: 0.2em; }
button { font-size: 1.2em; padding: 0.3em 1em; margin-top: 0.8em; }
input:focus-visible, button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.problem { color: #a50e0e; font-weight: bold; }
"""


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title><link rel='icon' href='data:;base64,='>"
            f"<style>{_STYLE}</style></head><body><main>{body}</main></body></html>")


def passcode_page(next_path: str = "/", problem: str = "") -> str:
    """The form a learner sees first. ``problem``: why the last try failed (or "")."""
    said = (f"<p class='problem' role='alert'>{html.escape(problem)}</p>" if problem else "")
    return _page("Enter the room passcode", f"""
<h1>Why can a cancer grow during chemotherapy?</h1>
<p>Type the room passcode your facilitator gave you.</p>
{said}
<form method="post" action="/room/passcode">
  <label for="passcode">Room passcode</label>
  <input id="passcode" name="passcode" inputmode="numeric" autocomplete="off"
         autofocus required>
  <input type="hidden" name="next" value="{html.escape(next_path, quote=True)}">
  <div><button type="submit">Open the lessons</button></div>
</form>""")


def full_page(reason: str) -> str:
    """Why a new lesson page cannot open now (the room, or this learner, is at its cap)."""
    if reason == "learner-full":
        text = ("You already have the most lessons open that one device may have. "
                "Close a lesson tab, then reload this page.")
    else:
        text = "The room is full — please wait a minute and reload."
    return _page("Please wait", f"""
<h1>Please wait</h1>
<p role="alert">{html.escape(text)}</p>
<p><a href="/">Back to the list of lessons</a></p>""")

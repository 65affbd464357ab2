"""App mode's side of the kit: serve the built kit folder and say which files it holds.

``python3 run.py app`` loads app/voila.py, which calls ``serve_kit`` (a route
``/chemo-kit/...`` onto the kit folder) and gives the landing page template
``kit_files``, so each lesson lists its handout and worksheet once the kit is built.
Nothing here fails when the kit is not built: the route answers 404, the page lists
no printouts.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["KIT_ROUTE", "kit_files", "serve_kit"]

#: Where app mode serves the kit folder (below its base URL).
KIT_ROUTE = "chemo-kit"


def kit_files(kit_dir: Path, lesson: str) -> dict[str, str]:
    """Lesson ``lesson``'s printouts in the built kit, as paths below the app's base URL.

    {"handout": "chemo-kit/handouts/lesson-02.pdf", "worksheet": ...}; a printout that is
    not built is left out, so an unbuilt kit gives {}.
    """
    found = {}
    for kind, folder in (("handout", "handouts"), ("worksheet", "worksheets")):
        if (kit_dir / folder / f"lesson-{lesson}.pdf").is_file():
            found[kind] = f"{KIT_ROUTE}/{folder}/lesson-{lesson}.pdf"
    return found


def serve_kit(voila_class: type, kit_dir: Path) -> None:
    """Make Voila serve ``kit_dir`` read-only at ``/chemo-kit/`` (once, however often called).

    Voila has no setting for an extra folder of files, so its handler list is extended.
    """
    from jupyter_server.utils import url_path_join
    from tornado.web import StaticFileHandler

    original = voila_class.init_handlers
    if getattr(original, "serves_kit", False):
        return

    def init_handlers(self):
        route = url_path_join(self.server_url, rf"/{KIT_ROUTE}/(.*)")
        # First, so Voila's catch-all routes do not take these addresses.
        return [(route, StaticFileHandler, {"path": str(kit_dir)}), *original(self)]

    init_handlers.serves_kit = True  # type: ignore[attr-defined]
    voila_class.init_handlers = init_handlers

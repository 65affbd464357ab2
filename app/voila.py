"""Voila configuration for the series' app mode (loaded by ``python3 run.py app``).

run.py passes ``--Voila.config_file_paths=<this folder>``, so Voila reads this
file; its other settings are on run.py's command line (``voila_command``).
"""

import os

from room import PREHEAT_ENV
from room.warm_kernels import PROVISIONER_NAME


def give_page_an_xsrf_cookie(request_handler, notebook, cwd):
    """Let a lesson page shut its own kernel down when the learner leaves it.

    On leaving a lesson, Voila's page posts to /voila/api/shutdown/<kernel>
    with the ``_xsrf`` cookie as its proof. Voila 0.5 sets that cookie only on
    the landing page, so a lesson opened directly (a bookmark, a shared link,
    a reload after the server restarted) was refused with 403 and its kernel
    kept running. Reading ``xsrf_token`` makes Tornado set the cookie on the
    lesson page too. The notebook is left as it is.
    """
    request_handler.xsrf_token  # noqa: B018 - read for its side effect
    return None


c = get_config()  # noqa: F821 - provided by traitlets when it loads this file
# Room mode with pre-heated kernels (``python3 run.py room --warm N``) sets this: Voila
# refuses pre-heating beside a prelaunch hook, and there the room's gate sets the XSRF
# cookie itself when the passcode is typed. Everything else in this file still applies.
if os.environ.get(PREHEAT_ENV) != "1":
    c.VoilaConfiguration.prelaunch_hook = give_page_an_xsrf_cookie
# A closing lesson's kernel steps aside (lowest processor priority) for the ones in use.
c.AsyncMappingKernelManager.kernel_manager_class = "room.kernels.YieldingKernelManager"
# Lesson kernels forked from a warm parent that has done the imports: a lesson's first
# picture comes sooner, and a room's kernels share the imported libraries' memory.
c.KernelProvisionerFactory.default_provisioner_name = PROVISIONER_NAME


def _link_the_workshop_kit(config) -> None:
    """Serve the workshop kit (``python3 run.py kit``, built into kit/) at /chemo-kit/, and
    let the landing page list each lesson's handout and worksheet once they are built."""
    from pathlib import Path

    from voila.app import Voila

    from workshop_kit.app_links import kit_files, serve_kit

    kit_dir = Path(__file__).resolve().parents[1] / "kit"
    serve_kit(Voila, kit_dir)
    config.Voila.tornado_settings = {
        "jinja_template_vars": {"chemo_kit": lambda lesson: kit_files(kit_dir, lesson)}}


_link_the_workshop_kit(c)

"""Voila configuration for the series' app mode (loaded by ``python3 run.py app``).

run.py passes ``--Voila.config_file_paths=<this folder>``, so Voila reads this
file; its other settings are on run.py's command line (``voila_command``).
"""


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
c.VoilaConfiguration.prelaunch_hook = give_page_an_xsrf_cookie

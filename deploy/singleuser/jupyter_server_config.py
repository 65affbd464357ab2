"""Each learner's own Jupyter server on a JupyterHub: the series' app mode and JupyterLab.

JupyterHub starts one Jupyter server per learner (``jupyterhub-singleuser``). This file makes
that server show the lessons the way ``python3 run.py app`` and ``python3 run.py lab`` do:

- app mode at ``/user/<name>/voila/render/<lesson>.ipynb`` (Voila as a server extension):
  the series' page template, code hidden;
- JupyterLab at ``/user/<name>/lab/tree/<lesson>.ipynb``, lessons opening unmodified;
- kernels whose page was closed without saying so are shut down after two idle minutes.

Found through ``JUPYTER_CONFIG_PATH`` (the container image and the local hub test set it to
this folder). The series' own files are found relative to this file, so keep the checkout's
layout: ``<series>/deploy/singleuser/`` here, ``<series>/app/`` beside ``deploy/``; the
template itself is found through ``JUPYTER_PATH=<series>/app``.

The values repeat ``run.py``'s ``voila_command`` flags (the server extension cannot take
Voila's command line); tests/test_deploy_z2jh.py fails if the two ever differ.
"""

from pathlib import Path

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file

APP_DIR = Path(__file__).resolve().parents[2] / "app"

# The series' template: a landing page listing the lessons in order, and lesson pages that
# fetch nothing from the internet. Code hidden, as in `python3 run.py app`.
c.VoilaConfiguration.template = "chemo"
c.VoilaConfiguration.classic_tree = True
c.VoilaConfiguration.strip_sources = True
# Voila as a server extension otherwise has the lesson page fetch MathJax from a CDN. Its
# standalone app (what `run.py app` runs) leaves both settings empty, and then nothing is
# fetched: nothing on a lesson page may come from the internet (hospital networks block
# it, and it would tell a third party who is learning what).
c.ServerApp.tornado_settings = {"mathjax_url": None, "mathjax_config": None}

# A kernel whose page was closed without saying so (a crashed tab, a sleeping laptop) is shut
# down after two idle minutes: on a hub, a learner who opens lessons one after another would
# otherwise keep a kernel of 100 to 130 MB for each until the hub stops the whole server.
c.MappingKernelManager.cull_idle_timeout = 120
c.MappingKernelManager.cull_interval = 30
c.MappingKernelManager.cull_connected = False

# The app's Voila settings (a lesson page can shut its own kernel down) and JupyterLab's
# (lessons open without "unsaved changes"): the same files run.py loads, so one home each.
load_subconfig("voila.py", path=str(APP_DIR))  # noqa: F821 - provided by traitlets
load_subconfig("lab_config.py", path=str(APP_DIR))  # noqa: F821 - provided by traitlets

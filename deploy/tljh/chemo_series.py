"""JupyterHub settings that open the series for every learner (The Littlest JupyterHub route).

Copy into /opt/tljh/config/jupyterhub_config.d/ (deploy/tljh/install.sh does) and run
``sudo tljh-config reload``. Every learner who logs in then lands on the lesson list in app
mode (Voila, code hidden); each learner's server reads the series' own settings from
``<series>/deploy/singleuser`` (page template, idle kernels shut down after two minutes).

``<series>`` is /srv/chemo-series unless the environment variable CHEMO_SERIES_DIR says
otherwise. tests/browser/test_jupyterhub.py loads this same file into a local JupyterHub
with CHEMO_SERIES_DIR set to the repository.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file

SERIES_DIR = Path(os.environ.get("CHEMO_SERIES_DIR", "/srv/chemo-series"))

# The lessons are read from the series' folder (readable by every learner; nobody writes
# there in app mode). For JupyterLab instead, "/lab/tree/00_start_here.ipynb": learners can
# then run the lessons but not save over them.
c.Spawner.notebook_dir = str(SERIES_DIR / "notebooks")
c.Spawner.default_url = "/voila/tree"
c.Spawner.environment.update({
    "JUPYTER_CONFIG_PATH": str(SERIES_DIR / "deploy" / "singleuser"),
    "JUPYTER_PATH": str(SERIES_DIR / "app"),
})

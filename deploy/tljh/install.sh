#!/usr/bin/env bash
# The series on The Littlest JupyterHub (TLJH): one server for a course of up to a few dozen
# learners. Run as root on the TLJH server, from a checkout of this repository, after TLJH
# itself is installed (see deploy/README.md, "Route 3"):
#
#   sudo bash deploy/tljh/install.sh
#
# It copies the series to /srv/chemo-series, installs it into TLJH's learner environment,
# opens app mode for every learner, and sets memory and CPU limits and idle culling from
# the measured per-learner figures (the arithmetic is in deploy/z2jh/config.yaml).
set -euo pipefail

SERIES_DIR=/srv/chemo-series
TLJH_USER_PIP=/opt/tljh/user/bin/pip
TLJH_CONFIG_D=/opt/tljh/config/jupyterhub_config.d
REPO="$(cd "$(dirname "$0")/../.." && pwd)"

if [ "$(id -u)" -ne 0 ]; then
    echo "Run this as root: sudo bash deploy/tljh/install.sh" >&2
    exit 1
fi
if [ ! -x "$TLJH_USER_PIP" ] || ! command -v tljh-config >/dev/null; then
    echo "The Littlest JupyterHub is not installed here (no $TLJH_USER_PIP or tljh-config)." >&2
    exit 1
fi

# 1. The series' files: lessons, page template, learners' server settings (readable by all).
install -d -m 755 "$SERIES_DIR/deploy"
cp -r "$REPO/pyproject.toml" "$REPO/README.md" "$REPO/LICENSE" "$REPO/LICENSE-CONTENT.md" \
      "$REPO/src" "$REPO/app" "$REPO/notebooks" "$SERIES_DIR/"
cp -r "$REPO/deploy/singleuser" "$SERIES_DIR/deploy/"
chmod -R a+rX "$SERIES_DIR"

# 2. The series with app mode (Voila), into the environment every learner's server runs in.
"$TLJH_USER_PIP" install --quiet "$SERIES_DIR[app]"

# 3. Every learner lands on the lesson list in app mode.
install -d "$TLJH_CONFIG_D"
cp "$REPO/deploy/tljh/chemo_series.py" "$TLJH_CONFIG_D/chemo_series.py"

# 4. Limits per learner (server + up to four lessons open) and idle culling: stop a
#    learner's server after 30 minutes idle, and any server after 8 hours.
tljh-config set limits.memory 768M
tljh-config set limits.cpu 1
tljh-config set services.cull.timeout 1800
tljh-config set services.cull.every 300
tljh-config set services.cull.max_age 28800
tljh-config reload

echo "Done. Learners log in at this server's address and land on the lesson list."

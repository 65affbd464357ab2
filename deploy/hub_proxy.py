"""Install JupyterHub's proxy (the npm package configurable-http-proxy) for the local hub test.

JupyterHub puts a small Node.js proxy in front of itself and of every learner's server. The
test in tests/browser/test_jupyterhub.py starts a real JupyterHub on this computer, so it
needs that proxy; tests may not reach the network, so it is installed beforehand, here:

    python3 deploy/hub_proxy.py          # installs (once) and prints the proxy's path

``python3 run.py test`` calls :func:`ensure_hub_proxy` before the browser tests. The version
is pinned in deploy/hub-proxy/package.json and, with every dependency, in its
package-lock.json; ``npm ci`` installs exactly that into ``.cache/node/hub-proxy`` (not
committed). A stamp holding the lock file's hash skips the install when it is up to date.

Needs Node.js 20 or newer and npm. Standard library only (run.py imports nothing else).
A site running the series on Kubernetes or on The Littlest JupyterHub does not need this:
those bring their own proxy.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = ROOT / "deploy" / "hub-proxy"
INSTALL_DIR = ROOT / ".cache" / "node" / "hub-proxy"
STAMP_NAME = ".installed-lock-sha256"
PACKAGE_FILES = ("package.json", "package-lock.json")


def proxy_path(install_dir: Path = INSTALL_DIR) -> Path:
    """Where the installed proxy's command is (it may not be installed yet)."""
    return install_dir / "node_modules" / ".bin" / "configurable-http-proxy"


def _wanted_stamp() -> str:
    digest = hashlib.sha256()
    for name in PACKAGE_FILES:
        digest.update((PACKAGE_DIR / name).read_bytes())
    return digest.hexdigest()


def is_installed(install_dir: Path = INSTALL_DIR) -> bool:
    """True when the pinned proxy is installed and matches the committed lock file."""
    stamp = install_dir / STAMP_NAME
    return (proxy_path(install_dir).exists() and stamp.exists()
            and stamp.read_text().strip() == _wanted_stamp())


def ensure_hub_proxy(install_dir: Path = INSTALL_DIR) -> Path:
    """Install the pinned configurable-http-proxy with ``npm ci`` unless it is there already.

    Returns the path of its command. Raises RuntimeError (saying what to do) when npm is
    missing or the install fails. Reaches the npm registry only when it installs.
    """
    if is_installed(install_dir):
        return proxy_path(install_dir)
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "The JupyterHub test needs Node.js 20 or newer and npm, which are missing. "
            "Install them (Debian: apt-get install -y nodejs npm) and run this again.")
    install_dir.mkdir(parents=True, exist_ok=True)
    for name in PACKAGE_FILES:
        shutil.copyfile(PACKAGE_DIR / name, install_dir / name)
    print("Installing JupyterHub's proxy (configurable-http-proxy, npm) for the hub test ...",
          flush=True)
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                          cwd=install_dir)
    if done.returncode != 0 or not proxy_path(install_dir).exists():
        raise RuntimeError(f"'npm ci' in {install_dir} failed (exit {done.returncode}).")
    (install_dir / STAMP_NAME).write_text(_wanted_stamp() + "\n")
    return proxy_path(install_dir)


if __name__ == "__main__":
    try:
        print(ensure_hub_proxy())
    except RuntimeError as problem:
        print(problem, file=sys.stderr)
        sys.exit(1)

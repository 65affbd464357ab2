"""Browser-test support: servers, Chromium and page checks for the lessons.

Shared by tests/browser and the browser benchmarks (app_load_stress.py,
browser_keypress.py). Split by concern:

- ``paths``: where the repository, lessons and artifacts are; run.py loaded as a module.
- ``servers``: Voila and JupyterLab started as ``python3 run.py`` starts them, on free
  loopback ports, and the kernels they have running.
- ``chromium``: Debian's Chromium launched through Playwright; what a page fetched and logged.
- ``pages``: waiting for a lesson page and checking its panels, sliders, keyboard use and
  accessibility.
- ``timing``: keypress to new figure, timed with the page's own clock.

``paths`` and ``servers`` need only the standard library; ``pages`` needs Playwright.
Nothing here contacts anything but 127.0.0.1. Nothing in ``helpers`` imports this package.
"""

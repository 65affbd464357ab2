"""Development checks of the lessons that are not part of the ``helpers`` package.

``lesson_checks.fuzz`` drives every lesson panel with random control sequences and counts
what goes wrong (used by ``tests/test_panel_fuzz.py`` and ``benchmarks/fuzz_panels.py``).
Nothing in ``helpers`` imports this package.
"""

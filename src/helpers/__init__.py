"""Helpers for the chemotherapy growth series.

Layers, from the bottom up (each imports only from the layers below it):

- ``models``: cells, growth, doses, clones (pure functions, frozen dataclasses).
- ``plain_words``: numbers said the way a person would say them.
- ``clinic`` and ``scenarios``: what scans and tests show; the named teaching
  scenarios.
- ``plots`` and ``panels``: figures and the interactive widgets the lessons use.

For education, not medical advice.
"""

__version__ = "0.1.0"

"""Helpers for the chemotherapy growth series.

Layers, from the bottom up (each imports only from the layers below it;
docs/architecture.md shows them and the flow of one control change):

- ``models`` and ``plain_words``: biology (pure functions, frozen dataclasses)
  and numbers said in plain words.
- ``clinic``: what the team measures; the only home of the response rule.
- ``scenarios``: the named teaching cases and the teaching constants.
- ``lessons``: the state layer (typed control values in, a frozen state out,
  the named examples).
- ``words`` and ``quizzes``: captions and alt text as pure functions of a
  state; checks for understanding as data.
- ``plots``: figures drawn from arrays (matplotlib).
- ``panels``: the widgets the lessons show (ipywidgets), thin wiring only.

For education, not medical advice.
"""

__version__ = "0.1.0"

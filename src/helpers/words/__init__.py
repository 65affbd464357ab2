"""The words layer: captions and alt text as plain functions of a state.

One module per interaction, each with ``caption(state) -> str`` (plain words,
may hold <b>) and ``alt_text(state) -> str`` (what the figure shows, for
screen readers). Every sentence a lesson's picture says lives here, so it can
be tested by building a state directly: no widgets, no figure.

Pure: no matplotlib, no ipywidgets. Numbers are said with ``plain_words``.
"""

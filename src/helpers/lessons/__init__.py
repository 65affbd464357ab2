"""The state layer: one module per interaction (a panel's picture and caption).

Each module holds, for its interaction:

- ``...Values``: a frozen dataclass of the control values, one field per
  control, named for the quantity and its unit (``doubling_time_days``,
  ``fitness_cost_percent``). Its defaults are the controls' starting
  positions; ``__post_init__`` refuses a value no control offers with a
  ``ValueError`` that names the field, the value and what is allowed.
- the option tables and ranges the controls offer (their one home);
- ``compute(values) -> ...State``: runs the models, clinic and scenarios and
  returns a frozen state holding everything the figure and the words need;
- ``PRESETS``: the named examples, as ``Preset(values, story)``.

Pure: no matplotlib, no ipywidgets. Words about a state live in ``words``;
drawing lives in ``plots``; wiring lives in ``panels``.
"""

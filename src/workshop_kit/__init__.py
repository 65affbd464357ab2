"""The workshop kit: handouts, worksheets, an answer key, a checklist and a static site.

Built from the lessons as they are (notebooks, presets, words, plots and quizzes in
``helpers``) by ``python3 run.py kit``; see ``build``. Not part of ``helpers``: it reads the
series and writes files, and holds no sentence of a lesson.
"""

"""The lesson panels (ipywidgets), on one base (``base.LessonPanel``).

``presentation`` is the page's one presentation mode (standard or projector) and
``presentation_switch()`` the switch a lesson shows near its top; see
``panels.presentation``.
"""

from .presentation import presentation, presentation_switch

__all__ = ["presentation", "presentation_switch"]

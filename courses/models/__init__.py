"""Models of the courses app: content pages (Wagtail) and learner state (plain models)."""

from courses.models.h5p import H5PPackage, H5PResult, H5PState
from courses.models.learning import Enrolment, LessonProgress
from courses.models.pages import AudienceGroup, AudioLanguage, CourseIndexPage, CoursePage, LessonPage

__all__ = [
    "AudienceGroup",
    "AudioLanguage",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "H5PPackage",
    "H5PResult",
    "H5PState",
    "LessonPage",
    "LessonProgress",
]

"""Models of the assessments app: question banks (content) and attempts (learner state)."""

from assessments.models.attempts import Attempt, Response
from assessments.models.followup import FollowupReminder
from assessments.models.offline import OfflineDevice, OfflinePin
from assessments.models.questions import Question, QuestionBank, QuestionKind
from assessments.models.tests import Test, TestForm, TestItem

__all__ = [
    "Attempt",
    "FollowupReminder",
    "OfflineDevice",
    "OfflinePin",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "Response",
    "Test",
    "TestForm",
    "TestItem",
]

"""Sex and age band: the groups UN reporting disaggregates by, shared by events' head counts and the
trainee's own profile (lms.User.sex, age_band).

One definition here, in the core, so that the events app (head counts) and the evaluation and
training apps (breakdowns of trainees) use the same codes and labels without importing each other.
On a profile both are optional and self-declared: empty means "not stated" (prefer not to say).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "female", _("Women and girls")
    MALE = "male", _("Men and boys")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    FROM_18_TO_35 = "18_35", _("18–35")
    OVER_35 = "over_35", _("Over 35")


# How one person's answer reads on their own profile (the counts' labels speak of groups).
PERSON_SEX_LABELS = {Sex.FEMALE: _("Woman or girl"), Sex.MALE: _("Man or boy")}

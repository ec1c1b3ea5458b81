"""One factory per model (tests/test_factories.py checks each builds a valid object)."""

import factory
from django.conf import settings
from django.utils import timezone

from lms.models import AdministrativeRegion, Audience, Prefecture, User


class AdministrativeRegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeRegion
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"region-{n}")
    name = factory.Sequence(lambda n: f"Région {n}")


class PrefectureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prefecture
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"prefecture-{n}")
    name = factory.Sequence(lambda n: f"Préfecture {n}")
    region = factory.SubFactory(AdministrativeRegionFactory)
    natural_region = "upper"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"apprenant{n}")
    display_name = factory.Faker("name", locale="fr_FR")
    audience = Audience.CIVIL_SOCIETY
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = settings.CONSENT_VERSION
    password = factory.django.Password("motdepasse-123")

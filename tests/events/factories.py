"""One factory per model of the events app (test_factories.py checks each builds a valid object)."""

import datetime

import factory
from django.utils import timezone

from tests.factories import PrefectureFactory, UserFactory


class EventFactory(factory.django.DjangoModelFactory):
    """A one-day workshop in a prefecture of its own, yesterday."""

    class Meta:
        model = "events.Event"

    kind = "workshop"
    title = factory.Sequence(lambda n: f"Atelier {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    place = "prefecture"
    prefecture = factory.SubFactory(PrefectureFactory)
    organiser = "OIM"
    created_by = factory.SubFactory(UserFactory)


class RegistrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Registrant"

    event = factory.SubFactory(EventFactory, kind="webinar", place="online", prefecture=None)
    name = factory.Faker("name", locale="fr_FR")
    organisation = "ONG partenaire"
    country = "GN"
    email = factory.Sequence(lambda n: f"inscrit{n}@example.org")
    consent_given_at = factory.LazyFunction(timezone.now)


class OutreachLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.OutreachLog"

    ambassador = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    prefecture = factory.SubFactory(PrefectureFactory)
    locality = "Quartier"
    topics = ["safe_migration"]


class HeadCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.HeadCount"

    log = factory.SubFactory(OutreachLogFactory)
    audience = "community"
    sex = "female"
    age_band = "18_35"
    count = 10


class IndicatorTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.IndicatorTarget"

    indicator = "reached"
    value = 1500

"""The printed list of demo logins names what each account is for (issue 19, item 7)."""

from django.utils import translation

from lms import demo, roles


def test_the_coordinator_is_listed_as_the_regions_coordinator_not_as_a_trainer():
    accounts = {account.username: account for account in demo.DEMO_ACCOUNTS}
    with translation.override("fr"):
        coordinator = accounts["coordinateur"].role_label
        assert coordinator == "Coordinateur régional (Kankan)\u00a0: suit les sessions de la région"
        assert accounts["formateur"].role_label == str(roles.ROLE_LABELS[roles.TRAINER]) == "Formateur"
    labels = [account.role_label for account in demo.DEMO_ACCOUNTS]
    assert len(set(labels)) == len(labels)  # no two accounts listed alike

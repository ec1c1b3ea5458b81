"""The reaction demo: ten of session DEMO1's participants give their view of the module (two groups
of five, so evaluators and the trainer see the session's summary). Idempotent: whoever has answered
is skipped (their receipt says so)."""

from __future__ import annotations

from evaluation.reaction import selectors, services

# (relevance, confidence, trainer, conditions, open answer); some open answers name someone or give
# a phone number, so the demo shows the masking.
ANSWERS = [
    (5, 4, 5, 3, "Très utile pour mon travail au commissariat. Merci à M. Doumbouya pour les exemples."),
    (4, 4, 5, 2, "La salle était trop petite et il faisait chaud l’après-midi."),
    (5, 5, 4, 3, ""),
    (4, 3, 4, 4, "J’aimerais une suite sur l’orientation des victimes. Appelez-moi au 622 45 67 89."),
    (5, 4, 5, 4, "Les études de cas m’ont aidé à comprendre la différence entre traite et trafic illicite."),
    (3, 3, 4, 2, "Il faudrait plus de temps pour les exercices."),
    (4, 4, 4, 3, ""),
    (5, 5, 5, 4, "Bonne formation, à refaire dans les préfectures."),
    (4, 3, 3, 2, "Les horaires étaient difficiles pour ceux qui viennent de loin."),
    (5, 4, 4, 3, "La formatrice a bien expliqué le Protocole de Palerme."),
]
KEYS = ("relevance", "confidence", "trainer", "conditions")


def seed() -> int:
    """Answers for DEMO1 (training.demo), when the session and a questionnaire exist; how many were added."""
    from importlib import import_module

    from django.apps import apps

    from training.demo import CODE
    from training.models import Participant

    # The programme's questionnaire, as its data migration makes it: a database emptied since (a
    # flush between tests, a restored dump) has none, and nobody could answer.
    import_module("evaluation.migrations.0002_reaction_questionnaire").create_programme_questionnaire(apps, None)

    participants = (
        Participant.objects.filter(session__code=CODE, user__username__startswith="demo.participant")
        .select_related("user")
        .order_by("user__username")
    )
    added = 0
    for participant, answer in zip(participants, ANSWERS, strict=False):
        for course in participant.session.courses.all():
            if selectors.questionnaire_to_answer(user=participant.user, course_id=course.pk) is None:
                continue
            *ratings, comment = answer
            services.reaction_submit(
                user=participant.user,
                course_id=course.pk,
                ratings=dict(zip(KEYS, ratings, strict=True)),
                comment=comment,
            )
            added += 1
    return added

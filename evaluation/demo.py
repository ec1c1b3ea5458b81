"""The evaluation demo: synthetic pre/post (and follow-up) results so evaluators see every group of the report."""

from evaluation import synthetic, synthetic_followup


def seed() -> None:
    """Run by seed_demo after assessments.demo (INSTALLED_APPS order): its tests must exist."""
    synthetic.seed_demo()
    synthetic_followup.seed_demo()  # follow-up results for part of the cohort (the rest: attrition)

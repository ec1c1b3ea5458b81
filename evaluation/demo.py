"""The evaluation demo: synthetic pre/post (and follow-up) results so evaluators see every group of the report."""

from evaluation import synthetic, synthetic_followup
from evaluation.reaction import demo as reaction_demo


def seed() -> None:
    """Run by seed_demo after assessments.demo (INSTALLED_APPS order): its tests must exist."""
    synthetic.seed_demo()
    reaction_demo.seed()  # participants' views of session DEMO1 (after training.demo)
    synthetic_followup.seed_demo()  # follow-up results for part of the cohort (the rest: attrition)

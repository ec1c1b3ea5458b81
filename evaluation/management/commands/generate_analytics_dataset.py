from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.models import Test
from evaluation import synthetic


class Command(BaseCommand):
    help = "Add clearly synthetic trainees with pre- and post-test results to a module (for bench/)."

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=5000)
        parser.add_argument("--course", default="outils-de-protection", help="slug of a module with both tests")
        parser.add_argument("--seed", type=int, default=6)

    def handle(self, *args, **options):
        test = Test.objects.filter(course__slug=options["course"], kind=Test.Kind.PRE).first()
        if test is None:
            raise CommandError(_("No module with a pre-test has this slug; run seed_demo first."))
        created = synthetic.generate(course_id=test.course_id, trainees=options["trainees"], seed=options["seed"])
        self.stdout.write(_("%(count)d synthetic trainees added.") % {"count": created})

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from assessments.models import Test
from evaluation import exports, presentation
from evaluation.access_log import report_access_log
from evaluation.disclosure import disclosed_report
from evaluation.filters import InvalidFilter, ReportFilters
from evaluation.selectors import filter_choices, matched_data
from lms import csv_export
from lms.models import StaffAccess


class Command(BaseCommand):
    help = "Print the pre/post report's numbers (the same the evaluation page shows), as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--course", help="module slug")
        parser.add_argument("--region", help="administrative region, by name or code")
        parser.add_argument("--natural-region", dest="natural_region", help="maritime, middle, upper or forest")
        parser.add_argument("--audience", help="audience code, e.g. police")
        parser.add_argument("--session", help="training session code, e.g. DEMO1")
        parser.add_argument("--prefecture", help="prefecture code, e.g. siguiri")
        parser.add_argument("--language", help="fr or en")
        parser.add_argument("--mode", help="online or paper")
        parser.add_argument("--form", help="A, B or - (a single form)")
        parser.add_argument("--trainer", help="user id of a trainer")
        parser.add_argument("--sex", help="female or male (as trainees declared it)")
        parser.add_argument("--age-band", dest="age_band", help="under_18, 18_35 or over_35 (as declared)")
        parser.add_argument("--date-from", dest="date_from", help="ISO date, e.g. 2026-01-31; rounded down to the 1st")
        parser.add_argument("--date-to", dest="date_to", help="ISO date; rounded up to the end of its month")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, **options):
        names = ("region", "natural_region", "audience", "session", "prefecture", "language", "mode", "form")
        names += ("sex", "age_band")
        query = {name: options[name] for name in (*names, "trainer", "date_from", "date_to") if options.get(name)}
        if options.get("course"):
            test = Test.objects.filter(course__slug=options["course"], kind=Test.Kind.PRE).first()
            if test is None:
                raise CommandError(_("No module with a pre-test has this slug."))
            query["course"] = str(test.course_id)
        try:
            filters = ReportFilters.from_query(query, choices=filter_choices())
        except InvalidFilter as error:
            raise CommandError(error.message) from None
        report_access_log(user=None, what=StaffAccess.What.EVALUATION_COMMAND, filters=filters)
        # Fewer than 5 trainees, or 1 to 4 apart from a wider selection: the count band only.
        report = disclosed_report(filters=filters, read=matched_data, labels=presentation.group_labels())
        if options["format"] == "json":
            data = exports.report_json(report, filters=filters.as_log())
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        writer = csv_export.writer(self.stdout, lineterminator="\n")
        writer.writerows(exports.summary_rows(report))

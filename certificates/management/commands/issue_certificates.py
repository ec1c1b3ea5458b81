from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates import services
from courses.models import CoursePage


class Command(BaseCommand):
    help = "Issue every earned certificate not issued yet and print them; running it twice issues nothing new."

    def add_arguments(self, parser):
        parser.add_argument("--course", metavar="SLUG", help="Only this module (its slug).")

    def handle(self, *args, **options):
        slug = options.get("course")
        if slug and not CoursePage.objects.filter(slug=slug).exists():
            raise CommandError(_("No module has the slug %(slug)s.") % {"slug": slug})
        issued = services.certificates_sweep(course_slug=slug, enqueue=False)
        for certificate in issued:
            self.stdout.write(
                f"{certificate.grouped_code}  {certificate.get_kind_display()}  "
                f"{certificate.enrolment.course.slug}  {certificate.holder_name}"
            )
        self.stdout.write(
            ngettext("%(count)s certificate issued.", "%(count)s certificates issued.", len(issued))
            % {"count": len(issued)}
        )

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates import services
from courses.models import CoursePage


class Command(BaseCommand):
    help = "Issue every earned certificate not issued yet and print them; running it twice issues nothing new."

    def add_arguments(self, parser):
        parser.add_argument("--course", metavar="SLUG", help="Only this module (its slug).")
        parser.add_argument("--session", metavar="CODE", help="Only this training session's participants.")

    def handle(self, *args, **options):
        slug = options.get("course")
        if slug and not CoursePage.objects.filter(slug=slug).exists():
            raise CommandError(_("No module has the slug %(slug)s.") % {"slug": slug})
        enrolments = None
        if options.get("session"):
            from certificates.sessions import session_enrolments
            from training.models import TrainingSession

            session = TrainingSession.objects.filter(code=options["session"].strip().upper()).first()
            if session is None:
                raise CommandError(_("No training session has the code %(code)s.") % {"code": options["session"]})
            enrolments = session_enrolments(session=session)
        issued = services.certificates_sweep(enrolments=enrolments, course_slug=slug, enqueue=False)
        for certificate in issued:
            self.stdout.write(
                f"{certificate.grouped_code}  {certificate.get_kind_display()}  "
                f"{certificate.enrolment.course.slug}  {certificate.holder_name}"
            )
        self.stdout.write(
            ngettext("%(count)s certificate issued.", "%(count)s certificates issued.", len(issued))
            % {"count": len(issued)}
        )

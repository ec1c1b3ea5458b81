"""Bytes a phone downloads for key pages: the first HTML response and the page with its CSS and JS,
gzip-compressed, beside the budgets (first HTML ≤ 14 KB; whole page ≤ 100 KB without opt-in media).

Usage: .venv/bin/python bench/page_weight.py
"""

import gzip
import re
from pathlib import Path

from _setup import BASE_DIR, setup


def main() -> None:
    setup()
    from django.contrib.staticfiles import finders
    from django.test import Client

    from assessments import services as assessment_services
    from courses import services
    from tests.factories import UserFactory, assessment_setup, course_tree, h5p_package

    course, lessons, pre, _post = assessment_setup(lessons=3)
    h5p_course, h5p_lessons = course_tree(h5p_package=h5p_package())
    user = UserFactory()
    for module in (course, h5p_course):
        services.enrolment_create(user=user, course=module)
    attempt, _ = assessment_services.attempt_start(user=user, test=pre)
    assessment_services.attempt_submit(user=user, attempt_id=attempt.pk)
    client = Client()
    client.force_login(user)
    frame = Path(BASE_DIR, "node_modules/h5p-standalone/dist")

    def weigh(label, url, extra=()):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200, (url, response.status_code)
        body = response.content
        html = gzip.decompress(body).decode() if response.get("Content-Encoding") == "gzip" else body.decode()
        first = len(body) if response.get("Content-Encoding") == "gzip" else len(gzip.compress(body))
        assets = 0
        for src in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
            assets += len(gzip.compress(Path(finders.find(src)).read_bytes()))
        assets += sum(len(gzip.compress((frame / name).read_bytes())) for name in extra)
        print(
            f"{label:<28} first HTML {first / 1024:5.1f} KB (≤ 14)"
            f"   whole page {(first + assets) / 1024:5.1f} KB (≤ 100)"
        )

    weigh("home", "/fr/")
    weigh("catalogue", "/fr/modules/")
    weigh("module page", course.url)
    weigh("lesson without H5P", lessons[1].url)
    weigh("lesson with H5P + player", h5p_lessons[0].url, extra=("frame.bundle.js", "styles/h5p.css"))
    weigh("dashboard", "/fr/dashboard/")
    weigh("pre-test result", f"/fr/attempts/{attempt.pk}/")


if __name__ == "__main__":
    main()

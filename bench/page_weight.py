"""Bytes a phone downloads for key pages, headers included: the first HTML response and the page with
its CSS and JS, beside the budgets (first HTML ≤ 14 KB; whole page ≤ 100 KB without opt-in media).

Usage: .venv/bin/python bench/page_weight.py
What it counts: every response as it would travel (status line, headers, cookies, and the body gzipped
when compressible, as WhiteNoise and the gzip middleware send it): the page, each static file it names
(served by WhiteNoise, as in production), and on an H5P lesson the player's files and every file of
the H5P package itself (the package's own JSON, libraries' scripts and styles, as `h5p_file` serves
them: an upper bound of what the player fetches). Baseline: the budgets above (there is no peer page
here). Prints the load average, and per page the first HTML, the whole page and the headers' share.
"""

import gzip
import re
from pathlib import Path

from _setup import BASE_DIR, bench_row, load_average, setup

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg")


def wire_size(response) -> tuple[int, int]:
    """(bytes on the wire, of which headers) for a Django test response."""
    lines = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
    lines += [f"{name}: {value}" for name, value in response.items()]
    lines += [f"Set-Cookie: {morsel.OutputString()}" for morsel in response.cookies.values()]
    headers = len(("\r\n".join(lines) + "\r\n\r\n").encode())
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if not response.get("Content-Encoding") and kind.startswith(COMPRESSIBLE):
        body = gzip.compress(body)
    return headers + len(body), headers


def main() -> None:
    setup()
    from django.conf import settings

    settings.WHITENOISE_USE_FINDERS = True  # static files through WhiteNoise, with its headers
    settings.WHITENOISE_AUTOREFRESH = True
    from django.test import Client

    from assessments import services as assessment_services
    from courses import services
    from lms.storage import private_storage
    from tests.factories import UserFactory, assessment_setup, course_tree, h5p_package

    course, lessons, pre, _post = assessment_setup(lessons=3)
    package = h5p_package()
    h5p_course, h5p_lessons = course_tree(h5p_package=package)
    user = UserFactory()
    for module in (course, h5p_course):
        services.enrolment_create(user=user, course=module)
    attempt, _ = assessment_services.attempt_start(user=user, test=pre)
    assessment_services.attempt_submit(user=user, attempt_id=attempt.pk)
    client = Client()
    client.force_login(user)
    package_root = Path(private_storage().path(package.storage_prefix))
    package_files = sorted(
        path.relative_to(package_root).as_posix() for path in package_root.rglob("*") if path.is_file()
    )
    assert Path(BASE_DIR, "node_modules/h5p-standalone/dist").is_dir(), "npm ci first (the H5P player)"
    print(f"load average (1, 5, 15 min): {load_average()}")
    print("page                          first HTML   whole page   of which headers   files")

    def get(url):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200, (url, response.status_code)
        return response

    def weigh(label, url, lesson=None):
        response = get(url)
        first, headers = wire_size(response)
        body = response.content
        html = gzip.decompress(body).decode() if response.get("Content-Encoding") == "gzip" else body.decode()
        urls = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
        if lesson is not None:
            urls |= {"/static/h5p-standalone/frame.bundle.js", "/static/h5p-standalone/styles/h5p.css"}
            urls |= {f"/h5p/{lesson.pk}/{package.pk}/{name}" for name in package_files}
        total = first
        for asset in sorted(urls):
            size, asset_headers = wire_size(get(asset))
            total, headers = total + size, headers + asset_headers
        print(
            f"{label:<29} {first / 1024:6.1f} KB    {total / 1024:6.1f} KB    {headers / 1024:6.1f} KB"
            f"          {len(urls) + 1}"
        )
        bench_row(f"page weight: {label}, whole page with headers", total / 1024, None, target_value=100, unit="KB")
        return first

    firsts = [
        weigh("home", "/fr/"),
        weigh("catalogue", "/fr/modules/"),
        weigh("module page", course.url),
        weigh("lesson without H5P", lessons[1].url),
        weigh("lesson with H5P + package", h5p_lessons[0].url, lesson=h5p_lessons[0]),
        weigh("dashboard", "/fr/dashboard/"),
        weigh("pre-test result", f"/fr/attempts/{attempt.pk}/"),
    ]
    bench_row("page weight: largest first HTML with headers", max(firsts) / 1024, None, target_value=14, unit="KB")


if __name__ == "__main__":
    main()

"""Which real H5P packages import and play here: the compatibility table of docs/h5p.md (issue 17, item 6).

Usage: .venv/bin/python bench/h5p_compat.py FOLDER [--2g]
FOLDER holds `.h5p` files exported by others (the H5P hub's examples, a partner's Lumi or Moodle
exports). They are read from there and never copied into the repository. Each package is imported as
an editor's upload is (courses.services.h5p_package_import: every check, phone copies of large images),
placed in a one-lesson module, and opened by an enrolled trainee in Debian's Chromium at 360×640, served
as production does (collectstatic, WhiteNoise, DEBUG off). The lesson page records the frame's outcome
(`data-h5p-outcome`: "ready" once the player made an instance, "failed" with the reason otherwise,
courses/static/courses/h5p-player.js). With --2g each lesson is opened on emulated Regular 2G, empty
cache, and the time until the frame is ready is printed too.

Prints one Markdown row per package: file, main library and version, imported or refused (and why),
plays (ready / failed: reason), reports a score (from its libraries: courses/h5p/scoring.py), first-load
weight (courses/h5p/weight.py), phone copies made, remote resources; then the totals and load average.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _setup import load_average, setup
from page_2g import CHROMIUM, LAUNCH_ARGS, REGULAR_2G, served_site_with_trainee

READY = "() => !!document.querySelector('iframe.h5p-frame[data-h5p-outcome]')"


def imported(path: Path):
    """(package, None) or (None, the refusal as an editor reads it)."""
    from django.core.exceptions import ValidationError

    from courses import services
    from courses.h5p.errors import PackageError

    try:
        package, _created = services.h5p_package_import(source=path.read_bytes())
    except PackageError as refusal:
        return None, str(refusal.message)[:160]
    except ValidationError as refusal:
        return None, " ".join(refusal.messages)[:160]
    return package, None


def phone_copies(package) -> int:
    from courses.h5p import images
    from lms.storage import private_storage

    storage = private_storage()
    folder = f"{package.storage_prefix}/{images.PHONE_FOLDER}/content"

    def count(prefix: str) -> int:
        if not storage.exists(prefix):
            return 0
        folders, files = storage.listdir(prefix)
        return len(files) + sum(count(f"{prefix}/{name}") for name in folders)

    return count(folder)


def play(browser, url: str, cookie: dict, *, slow: bool) -> tuple[str, float]:
    """(outcome, seconds until the frame said it) for one empty-cache visit."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    context.add_cookies([cookie])
    page = context.new_page()
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", REGULAR_2G)
    start = time.perf_counter()
    page.goto(url, wait_until="load", timeout=120_000)
    try:
        page.wait_for_function(READY, polling=100, timeout=120_000 if slow else 45_000)
    except PlaywrightTimeout:
        context.close()
        return "no answer from the frame", time.perf_counter() - start
    seconds = time.perf_counter() - start
    outcome = page.locator("iframe.h5p-frame").get_attribute("data-h5p-outcome")
    if outcome == "failed":
        frame = next((f for f in page.frames if "/h5p/play/" in f.url), None)
        reason = frame.evaluate("() => window.lmsH5PFailure || ''") if frame else ""
        outcome = f"failed: {reason[:120]}"
    context.close()
    return outcome, seconds


def main() -> None:
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--2g", dest="slow", action="store_true", help="open each lesson on emulated Regular 2G")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.h5p"))
    if not files:
        sys.exit(f"no .h5p file in {args.folder}")
    os.environ["STATIC_ROOT"] = tempfile.mkdtemp(prefix="lms-bench-static-")
    setup()

    from courses import services
    from tests.factories import course_tree

    trainee, server, base, cookie = served_site_with_trainee("bench-h5p")

    from playwright.sync_api import sync_playwright

    print(f"{len(files)} packages from {args.folder}; load average (1, 5, 15 min): {load_average()}")
    print("| file | main library | imports | plays | reports a score | first load | phone copies | remote |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    counts = {"imported": 0, "ready": 0}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for path in files:
            package, refusal = imported(path)
            if package is None:
                print(f"| {path.name} | — | no: {refusal} | — | — | — | — | — |")
                continue
            counts["imported"] += 1
            course, (lesson,) = course_tree(lessons=1, h5p_package=package, title=path.stem)
            services.enrolment_create(user=trainee, course=course)
            outcome, seconds = play(browser, base + lesson.url, cookie, slow=args.slow)
            counts["ready"] += outcome == "ready"
            shown = f"{outcome} ({seconds:.1f} s on 2G)" if args.slow else outcome
            print(
                f"| {path.name} | {package.main_library} | yes | {shown} | {'yes' if package.reports_score else 'no'} "
                f"| {package.first_load_bytes / 1024:.0f} KB | {phone_copies(package)} "
                f"| {len(package.remote_resources)} |"
            )
        browser.close()
    server.shutdown()
    print(f"imported {counts['imported']} of {len(files)}; ready {counts['ready']} of {counts['imported']}")
    print(f"load average (1, 5, 15 min): {load_average()}")


if __name__ == "__main__":
    main()

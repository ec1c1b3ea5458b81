"""First load of a lesson whose H5P activity shows a large photo, before and after phone-sized copies.

Usage: .venv/bin/python bench/h5p_images_2g.py [--repeat 2]
Issue 17, item 5. One package whose activity shows a 2400×1600 JPEG (1.3 MB, like the 1 MB photo of a
real TrueFalse package) is imported twice in the same run: AFTER keeps the phone-sized copy made at
import (courses/h5p/images.py) and the player gets that; BEFORE has its copy removed, so the original
is served, as before the change. The demo site is served as production does (collectstatic,
WhiteNoise, DEBUG off, bench/page_2g.py) and each lesson is opened with an empty cache in Debian's
Chromium at 360×640 on emulated Regular 2G (250 kbit/s down, 50 kbit/s up, 300 ms latency, through the
DevTools protocol), BEFORE and AFTER alternating. Prints, per case, the bytes transferred (lesson page
and activity frame together, and the photo alone) and the time until the photo is drawn in the frame
(median of the repeats); and the load average. Target: under 5 s, activity included.

Sandboxed frames run in their own renderer process by default (IsolateSandboxedIframes); here they stay
in the page's, so that the throttling set on the page applies to the frame's requests too.
"""

import argparse
import io
import json
import os
import statistics
import tempfile
import time

from _setup import bench_row, load_average, setup
from page_2g import CHROMIUM, LAUNCH_ARGS, REGULAR_2G, served_site_with_trainee

PHOTO_SHOWN = """() => {
    const img = document.querySelector('img.bench-photo');
    return !!img && img.complete && img.naturalWidth > 0;
}"""
# A minimal content type that shows its image as H5P's own do (H5P.getPath on the content's path).
PHOTO_JS = b"""
var H5P = H5P || {};
H5P.BenchPhoto = function (params, contentId) {
    H5P.EventDispatcher.call(this);
    this.attach = function ($container) {
        var img = document.createElement("img");
        img.className = "bench-photo";
        img.alt = params.alt;
        img.style.maxWidth = "100%";
        img.src = H5P.getPath(params.image.path, contentId);
        $container.get(0).appendChild(img);
    };
};
H5P.BenchPhoto.prototype = Object.create(H5P.EventDispatcher.prototype);
H5P.BenchPhoto.prototype.constructor = H5P.BenchPhoto;
"""


def photo_package(title: str) -> bytes:
    from PIL import Image, ImageFilter

    from courses.h5p.builder import build_package

    photo = io.BytesIO()
    # Slightly blurred noise compresses about as a real photo does: 1.3 MB at quality 92.
    noise = Image.effect_noise((2400, 1600), 60).convert("RGB").filter(ImageFilter.GaussianBlur(1))
    noise.save(photo, "JPEG", quality=92)
    library = {
        "title": "Bench photo",
        "machineName": "H5P.BenchPhoto",
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": 0,
        "runnable": 1,
        "preloadedJs": [{"path": "photo.js"}],
    }
    content = {"alt": "Une gare routière", "image": {"path": "images/photo.jpg", "mime": "image/jpeg"}}
    return build_package(
        title=title,
        content=content,
        main_library="H5P.BenchPhoto",
        libraries={"H5P.BenchPhoto-1.0": {"library.json": json.dumps(library).encode(), "photo.js": PHOTO_JS}},
        extra_files={"content/images/photo.jpg": photo.getvalue()},
    )


def lessons(user) -> dict[str, tuple[str, int]]:
    """{case: (lesson URL, size of the photo the player will get)}, one module per case."""
    from courses import services
    from courses.h5p import images
    from lms.storage import private_storage
    from tests.factories import course_tree

    cases = {}
    for case in ("BEFORE (original)", "AFTER (phone copy)"):
        package, _created = services.h5p_package_import(source=photo_package(f"Photo {case}"))
        storage = private_storage()
        copy = f"{package.storage_prefix}/{images.PHONE_FOLDER}/content/images/photo.jpg"
        original = f"{package.storage_prefix}/content/images/photo.jpg"
        assert storage.exists(copy), "no phone copy was made at import"
        if case.startswith("BEFORE"):
            storage.delete(copy)
        served = storage.size(copy) if storage.exists(copy) else storage.size(original)
        course, (lesson,) = course_tree(lessons=1, h5p_package=package, title=f"Bench {case}")
        services.enrolment_create(user=user, course=course)
        cases[case] = (lesson.url, served)
    return cases


def load(browser, url: str, cookie: dict) -> tuple[int, float]:
    """(bytes transferred, seconds until the photo is drawn) for one empty-cache visit on 2G."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    context.add_cookies([cookie])
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", REGULAR_2G)
    transferred = []
    cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
    start = time.perf_counter()
    response = page.goto(url, wait_until="load", timeout=120_000)
    assert response.status == 200 and page.url == url, (url, response.status, page.url)
    frame = next(f for f in page.frames if "/h5p/play/" in f.url)
    frame.wait_for_function(PHOTO_SHOWN, polling=100, timeout=120_000)
    seconds = time.perf_counter() - start
    context.close()
    return sum(transferred), seconds


def main() -> None:
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    os.environ["STATIC_ROOT"] = tempfile.mkdtemp(prefix="lms-bench-static-")
    setup()

    user, server, base, cookie = served_site_with_trainee("bench-photo")
    cases = lessons(user)

    from playwright.sync_api import sync_playwright

    results: dict[str, list[tuple[int, float]]] = {case: [] for case in cases}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for _ in range(args.repeat):
            for case, (url, _served) in cases.items():
                results[case].append(load(browser, base + url, cookie))
        browser.close()
    server.shutdown()

    print("Regular 2G (250 kbit/s down, 50 kbit/s up, 300 ms), Chromium 360×640, empty cache, WhiteNoise + gzip")
    print(f"load average (1, 5, 15 min): {load_average()}")
    print(f"{'lesson with a 2400×1600 photo':30} {'first load':>12} {'photo':>10} {'photo drawn':>12}")
    before_bytes = None
    for case, runs in results.items():
        transferred = statistics.median(b for b, _s in runs)
        seconds = statistics.median(s for _b, s in runs)
        verdict = "ok" if seconds < 5 else "OVER 5 s"
        print(f"{case:30} {transferred:10.0f} B {cases[case][1]:8} B {seconds:10.2f} s  {verdict}")
        bench_row(f"2G: H5P lesson with a large photo, {case}, bytes", transferred, before_bytes, unit="B")
        bench_row(f"2G: H5P lesson with a large photo, {case}, photo drawn", seconds, None, target_value=5, unit="s")
        before_bytes = before_bytes or transferred


if __name__ == "__main__":
    main()

"""Importing a 10 MB .h5p: time and peak memory (targets: under 5 s and under 200 MB).

Usage: .venv/bin/python bench/h5p_import.py [--megabytes 10] [--repeat 5]
Prints the median import time, the peak Python memory during an import (tracemalloc), and a baseline:
reading and unzipping the same bytes with zipfile alone, in the same process.
"""

import argparse
import io
import os
import tracemalloc
import zipfile

from _setup import median, setup, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup()

    from courses import services
    from courses.h5p.builder import build_package
    from courses.models import H5PPackage

    def package_bytes(seed: int) -> bytes:
        # Incompressible media, as photos and audio are: the .h5p is as large as its content.
        files = {f"content/images/photo-{i}.jpg": os.urandom(512 * 1024) for i in range(args.megabytes * 2)}
        files["content/images/seed.txt"] = str(seed).encode()
        content = {"scenario": "<p>Cas</p>", "questions": []}
        return build_package(title=f"Bench {seed}", content=content, extra_files=files)

    payloads = [package_bytes(i) for i in range(args.repeat + 1)]
    size_mb = len(payloads[0]) / 1e6

    def run(index):
        _package, created = services.h5p_package_import(source=io.BytesIO(payloads[index]))
        assert created

    counter = iter(range(args.repeat + 1))
    tracemalloc.start()
    run(next(counter))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    times = timed(lambda: run(next(counter)), repeat=args.repeat)

    def unzip_only():
        with zipfile.ZipFile(io.BytesIO(payloads[0])) as archive:
            for name in archive.namelist():
                archive.read(name)

    floor = timed(unzip_only, repeat=args.repeat)
    print(f"package: {size_mb:.1f} MB, {len(zipfile.ZipFile(io.BytesIO(payloads[0])).namelist())} files")
    print(f"import (validate + extract + row): median {median(times) / 1000:.2f} s (target < 5 s)")
    print(f"peak Python memory during one import: {peak / 1e6:.1f} MB (target < 200 MB)")
    print(f"baseline, unzip only: median {median(floor) / 1000:.2f} s; ratio {median(times) / median(floor):.1f}x")
    print(f"packages stored: {H5PPackage.objects.count()}")


if __name__ == "__main__":
    main()

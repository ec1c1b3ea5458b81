"""Importing a 10 MB .h5p: time and peak memory (targets: under 5 s and under 200 MB).

Usage: .venv/bin/python bench/h5p_import.py [--megabytes 10] [--repeat 5]
Prints the median import time, the peak Python memory during an import (tracemalloc), and a baseline:
reading and unzipping the same bytes with zipfile alone, in the same process, interleaved with the
imports (import, unzip, import, ...); and the load average.
"""

import argparse
import io
import os
import tracemalloc
import zipfile

from _setup import bench_row, load_average, median, setup, timed


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

    def unzip_only():
        with zipfile.ZipFile(io.BytesIO(payloads[0])) as archive:
            for name in archive.namelist():
                archive.read(name)

    times, floor = [], []
    for _ in range(args.repeat):  # interleaved: an import, then the baseline
        times += timed(lambda: run(next(counter)), repeat=1)
        floor += timed(unzip_only, repeat=1)
    print(f"package: {size_mb:.1f} MB, {len(zipfile.ZipFile(io.BytesIO(payloads[0])).namelist())} files")
    print(f"import (validate + extract + row): median {median(times) / 1000:.2f} s (target < 5 s)")
    print(f"peak Python memory during one import: {peak / 1e6:.1f} MB (target < 200 MB)")
    print(f"baseline, unzip only: median {median(floor) / 1000:.2f} s; ratio {median(times) / median(floor):.1f}x")
    print(f"packages stored: {H5PPackage.objects.count()}; load average (1, 5, 15 min): {load_average()}")
    bench_row("H5P import (10 MB) ÷ unzip only", median(times) / 1000, median(floor) / 1000, unit="s")
    bench_row("H5P import (10 MB), time", median(times) / 1000, None, target_value=5, unit="s")
    bench_row("H5P import (10 MB), peak memory", peak / 1e6, None, target_value=200, unit="MB")


if __name__ == "__main__":
    main()

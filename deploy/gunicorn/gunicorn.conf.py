"""gunicorn's settings for a web node (docs/operations.md); tests/faults/test_health_and_metrics.py
starts gunicorn with this same file.

Run: gunicorn -c deploy/gunicorn/gunicorn.conf.py lms.wsgi:application
Environment: GUNICORN_BIND (127.0.0.1:8000), GUNICORN_WORKERS (2 per core), and
PROMETHEUS_MULTIPROC_DIR, an empty folder of this node's own that the workers write their metrics to
(emptied at each start by the unit file: docs/operations.md).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * multiprocessing.cpu_count())))
# A hand-in that waits for a locked row or a slow disk must not be killed before the phone's own
# timeout: the phone then retries, and the second answer is the same (the intake is idempotent).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# nginx's access log carries the request id and the client; gunicorn's would repeat it.
accesslog = None
# Workers restart after this many requests (with jitter), so a slow leak cannot grow for ever.
max_requests = 2000
max_requests_jitter = 200


def child_exit(server, worker):
    """A worker that stops leaves its metric files behind; its live gauges must stop counting."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)

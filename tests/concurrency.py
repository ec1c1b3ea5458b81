"""Running functions at the same instant, for the tests of what must happen exactly once."""

import threading

from django.db import connections


def run_together(functions, *, timeout: float = 60):
    """Start every function at the same instant in its own thread; return (results, errors).

    Each thread closes its database connections when done, so the test database can be dropped.
    """
    barrier = threading.Barrier(len(functions))
    results, errors = [], []

    def run(function):
        try:
            barrier.wait(timeout=10)
            results.append(function())
        except Exception as error:  # collected and asserted by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results, errors

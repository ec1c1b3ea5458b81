"""Fault scenarios shared by the fault tests (short) and the fault bench scripts (full length)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from tests.faults.services import PrivateRedis, Processes, Trainee, query, seed, wait_until


@dataclass
class OutageFigures:
    outage_seconds: float = 0.0
    trainees_during_outage: int = 0
    saves_acknowledged: int = 0
    saves_failed: int = 0
    save_ms: list[float] = field(default_factory=list)
    submits_ok: int = 0
    submit_ms: list[float] = field(default_factory=list)
    certificates_during_outage: int = 0
    certificates_due: int = 0
    seconds_to_all_certificates: float | None = None
    certificates_per_enrolment: dict[int, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        def p(values, q):
            return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else (values or [0])[0]

        return [
            f"redis stopped for {self.outage_seconds:.0f} s; {self.trainees_during_outage} trainees answered meanwhile",
            f"saves acknowledged {self.saves_acknowledged}, failed {self.saves_failed}; "
            f"median {statistics.median(self.save_ms):.0f} ms, p95 {p(self.save_ms, 95):.0f} ms",
            f"submissions accepted {self.submits_ok}/{self.trainees_during_outage}; "
            f"median {statistics.median(self.submit_ms):.0f} ms, max {max(self.submit_ms):.0f} ms",
            f"certificates issued during the outage: {self.certificates_during_outage}",
            f"certificates due: {self.certificates_due}; all issued {self.seconds_to_all_certificates} s "
            f"after Redis returned; per enrolment: {sorted(set(self.certificates_per_enrolment.values()))}",
        ]


def _certificates(database_url: str, enrolments: list[int]) -> dict[int, int]:
    rows = query(
        database_url,
        "SELECT enrolment_id, count(*) FROM certificates_certificate"
        " WHERE enrolment_id = ANY(%s) GROUP BY enrolment_id",
        [enrolments],
    )
    return dict(rows)


def redis_outage(
    *, group: Processes, redis: PrivateRedis, database_url: str, trainees: int, outage: float, deadline: float, folder
) -> OutageFigures:
    """The site, a worker and beat on `redis`; Redis stopped for `outage` seconds while `trainees`
    trainees save every answer and submit; then the time until each has exactly one certificate."""
    people = seed(group, trainees + 1)
    web = group.web(workers=2)
    group.worker("outage-worker")
    group.beat(folder)
    clients = [Trainee(web.url, data) for data in people]
    for client in clients:
        client.open_test()
    # Before the outage: a submission reaches the worker, which issues the certificate.
    first = clients[0]
    for question, answer in first.data["answers"].items():
        assert first.save(int(question), answer, 1)
    assert first.submit().status_code == 302
    assert wait_until(lambda: _certificates(database_url, [first.data["enrolment"]]), seconds=60, step=0.5)

    figures = OutageFigures(trainees_during_outage=trainees)
    others = clients[1:]
    enrolments = [client.data["enrolment"] for client in others]
    redis.stop()
    stopped = time.monotonic()
    seq = 1
    # Trainees spread their answers over the outage, one round of saves per pause.
    answers = list(first.data["answers"].items())
    pause = max(outage / (len(answers) + 2), 0.1)
    for question, answer in answers:
        seq += 1
        for client in others:
            start = time.monotonic()
            if client.save(int(question), answer, seq):
                figures.saves_acknowledged += 1
            else:
                figures.saves_failed += 1
            figures.save_ms.append((time.monotonic() - start) * 1000)
        time.sleep(max(0.0, stopped + pause * (seq - 1) - time.monotonic()))
    for client in others:
        start = time.monotonic()
        response = client.submit()
        figures.submit_ms.append((time.monotonic() - start) * 1000)
        figures.submits_ok += response.status_code == 302
    time.sleep(max(0.0, stopped + outage - time.monotonic()))
    figures.certificates_during_outage = sum(_certificates(database_url, enrolments).values())
    redis.start()
    figures.outage_seconds = time.monotonic() - stopped
    returned = time.monotonic()
    submitted = query(
        database_url,
        "SELECT count(*) FROM assessments_attempt WHERE id::text = ANY(%s) AND status = 'submitted'",
        [[client.data["attempt"] for client in others]],
    )[0][0]
    assert submitted == len(others), "every submission made during the outage is in the database"
    figures.certificates_due = len(enrolments)
    if wait_until(lambda: len(_certificates(database_url, enrolments)) == len(enrolments), seconds=deadline, step=1):
        figures.seconds_to_all_certificates = round(time.monotonic() - returned, 1)
    time.sleep(2)  # anything still queued must not add a second certificate
    figures.certificates_per_enrolment = _certificates(database_url, enrolments)
    return figures

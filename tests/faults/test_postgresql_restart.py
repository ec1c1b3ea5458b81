"""PostgreSQL restarted under a running site: the site recovers by itself and loses no saved answer.

The site runs as in production (gunicorn, two worker processes, persistent database connections)
against a private PostgreSQL cluster. Trainees save their answers through the autosave API while the
cluster is restarted (`pg_ctl restart -m fast`): a save that fails is sent again, as autosave.js does.
"""

import threading
import time

import pytest

from tests.faults.services import Trainee, query, seed

pytestmark = pytest.mark.faults

RETRY_PAUSE = 0.5  # seconds; autosave.js retries every few seconds, the test a little faster


class Saver:
    """Sends answers one after the other, each until it is acknowledged (as autosave.js does)."""

    def __init__(self, trainee):
        self.trainee = trainee
        self.acknowledged: dict[tuple[str, int], int] = {}  # (attempt, question) -> highest acknowledged seq
        self.failures: list[float] = []  # when each failed request was sent
        self.seq = 0

    def save_until_acknowledged(self, question: int, answer) -> None:
        self.seq += 1
        while True:
            sent = time.monotonic()
            try:
                if self.trainee.save(question, answer, self.seq, timeout=10):
                    self.acknowledged[(self.trainee.data["attempt"], question)] = self.seq
                    return
            except OSError:
                pass
            self.failures.append(sent)
            time.sleep(RETRY_PAUSE)


def test_a_restart_of_postgresql_costs_no_answer_and_the_site_recovers_alone(app_database, processes, private_postgres):
    group = processes(database_url=app_database, DATABASE_CONN_MAX_AGE="600")
    trainees = seed(group, 4)
    web = group.web(workers=2)
    clients = [Trainee(web.url, data) for data in trainees]
    for client in clients:
        client.open_test()
    savers = [Saver(client) for client in clients]
    questions = [(int(q), answer) for q, answer in trainees[0]["answers"].items()]

    # Before: every save is acknowledged at the first try, on persistent connections.
    for saver in savers:
        for question, answer in questions[:3]:
            saver.save_until_acknowledged(int(question), answer)
    assert all(not saver.failures for saver in savers)
    connections_before = query(
        app_database,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )[0][0]
    assert connections_before >= 1, "gunicorn's workers keep their connections open (CONN_MAX_AGE)"

    # A restart while nobody saves: the next saves succeed at the first try. Each gunicorn worker
    # finds its persistent connection dead before using it (CONN_HEALTH_CHECKS) and opens a new one.
    private_postgres.restart(mode="fast")
    quiet = time.monotonic()
    for _round in range(3):  # more requests than gunicorn workers: each worker meets the restart
        for saver in savers:
            question, answer = questions[3]
            saver.save_until_acknowledged(question, answer)
    assert [failure for saver in savers for failure in saver.failures if failure >= quiet] == []

    # A restart while two trainees keep saving: saves sent while the server is down fail and are sent
    # again; once it is back, at most one more fails per trainee.
    stop = threading.Event()

    def keep_saving(saver):
        while not stop.is_set():
            for question, answer in questions:
                saver.save_until_acknowledged(question, answer)

    threads = [threading.Thread(target=keep_saving, args=(saver,)) for saver in savers[:2]]
    for thread in threads:
        thread.start()
    time.sleep(1)
    restart_started = time.monotonic()
    private_postgres.restart(mode="fast")
    restart_done = time.monotonic()
    time.sleep(2)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    for saver in savers[:2]:
        late = [failure for failure in saver.failures if failure > restart_done]
        assert len(late) <= 1, f"more than one failed save after the restart: {late}"

    # After: every trainee finishes the test with no restart of gunicorn.
    after = time.monotonic()
    for saver in savers:
        for question, answer in questions[3:]:
            saver.save_until_acknowledged(question, answer)
    assert [failure for saver in savers for failure in saver.failures if failure >= after] == []
    assert web.process.poll() is None

    # Every acknowledged answer is in the database, with the acknowledged sequence number or newer.
    stored = {
        (str(attempt), question): seq
        for attempt, question, seq in query(
            app_database, "SELECT attempt_id, question_id, seq FROM assessments_response"
        )
    }
    acknowledged = {key: seq for saver in savers for key, seq in saver.acknowledged.items()}
    assert len(acknowledged) == len(savers) * len(questions)
    lost = {key: seq for key, seq in acknowledged.items() if stored.get(key, -1) < seq}
    assert lost == {}

    # Submitting works too, and each trainee passes.
    for client in clients:
        assert client.submit().status_code == 302
    statuses = query(
        app_database,
        "SELECT status, score >= max_score * 0.7 FROM assessments_attempt WHERE test_id = %s",
        [trainees[0]["test"]],
    )
    assert sorted(statuses) == [("submitted", True)] * len(clients)
    failed = sum(len(saver.failures) for saver in savers)
    print(
        f"\npostgresql restart: {restart_done - restart_started:.2f} s; {failed} failed save(s) retried during it; "
        f"{len(acknowledged)} acknowledged answers, 0 lost; gunicorn pid {web.process.pid} never restarted"
    )

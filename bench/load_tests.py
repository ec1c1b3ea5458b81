"""A room (or several) taking the post-test at once, against a real server; the database checked after.

Usage:
    .venv/bin/python bench/load_tests.py                      # PostgreSQL + PgBouncer + gunicorn, 200 trainees
    .venv/bin/python bench/load_tests.py --nodes 1,2 --rooms 50,100,200   # 1 then 2 web nodes, growing rooms
    .venv/bin/python bench/load_tests.py --backend sqlite     # SQLite + runserver (embedded default), 30
Options (--help lists them all): --trainees N; --workers W --threads T (gunicorn; default 2 x 1);
    --server gunicorn|runserver; --login-first (everyone logs in before the test opens);
    --race-submit (each trainee's last save is sent at the same moment as the submit);
    --sqlite-options "timeout=20&transaction_mode=IMMEDIATE&init_command=PRAGMA journal_mode=WAL;"
    (appended to the SQLite DATABASE_URL, which the settings read); --wsgi module:app --pythonpath DIR
    (serve a candidate change without touching the code); --wait-quiet S; --log FILE (keep the server log);
    --nodes 1,2 (web nodes: gunicorn processes on their own ports with their own media folders, each
    with --workers; the load generator sends each request to the next node, round-robin, no sticky
    sessions); --rooms 50,100,200 (room sizes tried in turn on each configuration, fresh trainees each
    time, stopping at the first that misses a target); --pooler pgbouncer|none (default pgbouncer:
    the nodes reach PostgreSQL through PgBouncer in transaction mode, DATABASE_POOLER=pgbouncer, the
    shipped deploy/pgbouncer/pgbouncer.ini on a free loopback port; migrations and seeding go direct).

What it does: a fresh database of its own (PostgreSQL `lms_load_<pid>_<random>` on 127.0.0.1:5432,
dropped at the end, its cache keys under the prefix `lms-load-<pid>_<random>` in Redis database 12
removed likewise, nothing else touched; or a temporary SQLite file), `manage.py migrate`, then in this
process a module with a pre-test and a 20-question post-test, N trainees (one PBKDF2 hash copied to all)
enrolled with the pre-test submitted and every lesson completed. A few extra trainees then go through the
flow in this process with Django's test client to measure the CPU each request costs (--cpu-model). Then
the server (production settings: DEBUG off, Redis cache, persistent connections); --step-trainees more
go through it one at a time, the CPU of the server's processes and of the database's sessions read
around each request (/proc/<pid>/schedstat): CPU-s per trainee by step (login, start, 20 saves,
submit). Then N simulated trainees, their starts spread over --spread seconds, each: login page, login,
start, test page, 20 autosaves about a second apart, submit (the form as a browser posts it: every
answer again and autosave.js's counter), result page. Rooms of --room-size trainees share one IP address
(X-Forwarded-For behind one trusted proxy, as in production), so the per-IP login limit applies per room.
Afterwards the database is compared with every answer sent.

Prints, for each room: requests and failures, answers lost and duplicated, attempts submitted once with the score
recomputed from the answers sent, latency p50/p95/max per request kind, throughput, server log
counts ("database is locked", tracebacks) and the CPU taken by the server, PostgreSQL, this script and
other processes (the machine may be shared), beside the targets; then one table of every room
(web nodes, trainees, answers lost, p50/p95 of save and submit, CPU-s per trainee, load average) and
the largest room each configuration held. Nothing is asserted.
The server, the bench database and the temporary files are removed at the end, even on failure.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from _load import Plan, Trainee, percentile, run_trainees
from _servers import CpuMeter, Nodes, ProcessCpu, Processes, start_pgbouncer
from _setup import bench_row, load_average

BASE_DIR = Path(__file__).resolve().parent.parent
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
# Resources of this run only, named after it: the machine's PostgreSQL and Redis are shared, so the
# bench creates its own database and cache key prefix and removes exactly those afterwards (never a
# fixed name another run or engineer may use, never a whole Redis database).
RUN_TAG = f"{os.getpid()}_{secrets.token_hex(3)}"
PG_NAME = f"lms_load_{RUN_TAG}"
REDIS_DB = 12
CACHE_PREFIX = f"lms-load-{RUN_TAG}"
PASSWORD = "banc-essai-2026"  # noqa: S105 - the bench trainees' password
QUESTIONS = 20
TARGETS = {
    "postgres": {"trainees": 200, "save_p95": 300, "submit_p95": 800},
    "sqlite": {"trainees": 30, "save_p95": None, "submit_p95": None},
}


# --- Database ----------------------------------------------------------------------------------


class Postgres:
    name = "postgres"

    def __init__(self, workdir: Path):
        self.url = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=10) as connection:
            connection.execute(sql)

    def create(self) -> None:
        self._admin(f"CREATE DATABASE {PG_NAME}")

    def drop(self) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")


class Sqlite:
    name = "sqlite"

    def __init__(self, workdir: Path, options: str = ""):
        self.url = f"sqlite:///{workdir / 'bench.sqlite3'}" + (f"?{options.replace(' ', '%20')}" if options else "")

    def create(self) -> None:
        pass  # the file is created by migrate and removed with the work folder

    def drop(self) -> None:
        pass


# --- Seeding (in this process, on the bench database) ------------------------------------------


@dataclass
class Seed:
    post_id: int
    usernames: dict[str, int]  # username -> user id
    correct: dict[int, str]  # question id -> correct option


def seed(*, trainees: int, rng: random.Random) -> Seed:
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from assessments import services as assessment_services
    from assessments.models import Attempt, QuestionBank, Response
    from courses import services as course_services
    from courses.models import Enrolment, LessonProgress
    from lms.models import Audience, User
    from tests.factories import course_tree

    course, lessons = course_tree(lessons=3, title="Module banc d'essai")
    bank = QuestionBank.objects.create(course=course, title="Banque du banc d'essai")
    correct, references = {}, []
    for number in range(1, QUESTIONS + 1):
        reference = f"BANC-{number:02d}"
        options = {option: f"Réponse {option.upper()} à la question {number}" for option in "abcd"}
        text = {"text": f"Question {number} : quel est l'indicateur de traite ?", "options": options}
        question = assessment_services.question_save(
            bank=bank,
            reference=reference,
            kind="single",
            objective=f"Objectif {(number - 1) // 5 + 1}",
            content={"fr": text, "en": text},
            key={"correct": rng.choice("abcd")},
        )
        correct[question.pk] = question.key["correct"]
        references.append(reference)
    pre = assessment_services.test_define(course=course, kind="pre", forms={"": references}, pass_mark=0)
    post = assessment_services.test_define(course=course, kind="post", forms={"": references}, pass_mark=70)

    # The server checks passwords with the normal hasher: hash once, give every trainee the same hash.
    hashed = make_password(PASSWORD)
    now = timezone.now()
    users = User.objects.bulk_create(
        User(
            username=f"banc{number:04d}",
            display_name=f"Apprenant Banc {number}",
            password=hashed,
            audience=Audience.CIVIL_SOCIETY,
            consent_given_at=now,
            consent_version=settings.CONSENT_VERSION,
        )
        for number in range(1, trainees + 1)
    )
    enrolments = [course_services.enrolment_create(user=user, course=course)[0] for user in users]
    LessonProgress.objects.bulk_create(
        LessonProgress(enrolment=enrolment, lesson=lesson, last_viewed_at=now, completed_at=now)
        for enrolment in enrolments
        for lesson in lessons
    )
    Enrolment.objects.filter(pk__in=[e.pk for e in enrolments]).update(
        status=Enrolment.Status.COMPLETED, completed_at=now, last_activity_at=now
    )
    # The pre-test, submitted, with answers (the result page compares pre and post per objective).
    pre_form = pre.forms.get()
    layout = [{"question": pk, "options": list("abcd")} for pk in correct]
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=user,
            test=pre,
            form=pre_form,
            status=Attempt.Status.SUBMITTED,
            layout=layout,
            finished_at=now,
            score=0,
            max_score=QUESTIONS,
        )
        for user in users
    )
    rows, scores = [], {}
    for attempt in attempts:
        for pk in correct:
            answer = rng.choice("abcd")
            score = float(answer == correct[pk])
            scores[attempt.pk] = scores.get(attempt.pk, 0) + score
            rows.append(Response(attempt=attempt, question_id=pk, answer=answer, seq=1, score=score))
    Response.objects.bulk_create(rows, batch_size=2000)
    for attempt in attempts:
        attempt.score = scores[attempt.pk]
    Attempt.objects.bulk_update(attempts, ["score"], batch_size=500)
    return Seed(post.pk, {user.username: user.pk for user in users}, correct)


# --- CPU cost per request, in this process (independent of other load on the machine) -------------


def cpu_model(*, usernames: list[str], post_id: int) -> dict[str, list[tuple[float, float]]]:
    """The flow of each trainee in `usernames` through Django's test client; CPU ms per request kind.

    For each request: (CPU of this thread, CPU of its PostgreSQL backend) in milliseconds. CPU time,
    unlike wall time, hardly changes when other processes share the machine.
    """
    import json as _json
    import uuid

    from _load import ATTEMPT_ACTION, RADIO
    from django.db import connection
    from django.test import Client

    backend = None
    tick = os.sysconf("SC_CLK_TCK")

    def db_cpu() -> float:
        if backend is None:
            return 0.0
        fields = Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    costs: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def measure(kind, call):
        cpu, db = time.thread_time(), db_cpu()
        response = call()
        costs[kind].append(((time.thread_time() - cpu) * 1000, (db_cpu() - db) * 1000))
        return response

    test_path = f"/fr/tests/{post_id}/"

    def flow(client: Client, username: str, login_kind: str) -> None:
        measure(login_kind, lambda: client.post("/fr/accounts/login/", {"login": username, "password": PASSWORD}))
        measure("login_page", lambda: client.get("/fr/accounts/login/"))
        measure("start", lambda: client.post(test_path))
        html = measure("test_page", lambda: client.get(test_path)).content.decode()
        attempt = ATTEMPT_ACTION.search(html).group(1)
        seq = int(time.time() * 1000)
        answers = {}
        for index, (question, option) in enumerate(dict(RADIO.findall(html)).items()):
            answers[f"q{question}"] = option
            body = _json.dumps({"question": int(question), "answer": option, "seq": seq + index})
            measure("save", lambda b=body: client.post(f"/api/attempts/{attempt}/responses/", b, "application/json"))
        # The form as the browser posts it: every answer again, and the page's counter.
        form = {"submission_key": str(uuid.uuid4()), "seq": seq + QUESTIONS, **answers, "submit": 1}
        measure("submit", lambda: client.post(f"/fr/attempts/{attempt}/submit/", form))
        measure("result", lambda: client.get(f"/fr/attempts/{attempt}/"))

    for number, username in enumerate(usernames):
        client = Client(HTTP_HOST="127.0.0.1")
        client.get("/fr/accounts/login/")
        if backend is None and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                backend = cursor.fetchone()[0]
        # The first flow pays for imports and template compilation: kept apart.
        flow(client, username, "login" if number else "login (first)")
    return costs


def print_cpu_model(costs: dict, *, trainees: int, window: float) -> None:
    """Median CPU of the app per request kind; the database's as a mean (/proc counts 10 ms ticks)."""
    import statistics

    flows = len(costs["login"])
    print(f"CPU per request over {flows} flows in this process (app median ms + database mean ms):")
    per_flow = 0.0
    for kind in ["login (first)", "login_page", "login", "start", "test_page", "save", "submit", "result"]:
        values = costs.get(kind) or []
        if not values:
            continue
        app = statistics.median(v[0] for v in values)
        db = statistics.fmean(v[1] for v in values)
        if kind != "login (first)":
            per_flow += (app + db) * (QUESTIONS if kind == "save" else 1)
        print(f"  {kind:<14}{app:7.1f} + {db:5.1f}" + (f"  (x{QUESTIONS} per trainee)" if kind == "save" else ""))
    cores = os.cpu_count() or 1
    print(
        f"  one trainee's flow: {per_flow / 1000:.2f} CPU s; {trainees} trainees in ~{window:.0f} s need "
        f"{per_flow / 1000 * trainees / window:.1f} cores on average (this machine: {cores}), before HTTP and gzip"
    )


# --- Server ------------------------------------------------------------------------------------


# The steps of a trainee's flow, and the requests each sends.
STEPS = {
    "login": ("login_page", "login"),
    "start": ("start", "test_page"),
    f"{QUESTIONS} saves": ("save",),
    "submit": ("submit", "result"),
}


def server_steps(*, port, usernames: list[str], post_id: int, processes: Processes) -> dict[str, float]:
    """CPU seconds per trainee by step, as the real server and database spend them: trainees run one
    at a time (the same flow as the load, no pauses), the CPU of those processes read around each
    request. Printed, and returned with the total."""
    meter = ProcessCpu(processes)
    plan = Plan(
        port=port, test_id=post_id, password=PASSWORD, save_interval=0.0, changes=0, follow_result=True,
        race_submit=False, timeout=30.0, deadline=time.monotonic() + 600,
    )  # fmt: skip
    trainees = []
    for index, username in enumerate(usernames):
        trainee = Trainee(username=username, start_at=0.0, client_ip="10.254.0.1", seed=index, cpu_meter=meter)
        trainee.run(plan)
        trainees.append(trainee)
    failed = [t.stopped_at for t in trainees if t.stopped_at]
    per_step = {
        step: sum(r.cpu for t in trainees for r in t.requests if r.kind in kinds) / len(trainees)
        for step, kinds in STEPS.items()
    }
    per_step["total"] = sum(per_step.values())
    print(
        f"CPU-s per trainee by step, server + PgBouncer + database ({len(trainees)} trainees one at a time, "
        "gzip and HTTP in):"
    )
    print("  " + ", ".join(f"{step} {seconds:.3f}" for step, seconds in per_step.items()))
    if failed:
        print(f"  flows stopped early: {failed[:3]}")
    return per_step


def flush_cache() -> None:
    """Remove this run's cache keys (its prefix) and nothing else of the shared Redis."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB, socket_timeout=5)
    for key in client.scan_iter(match=f"{CACHE_PREFIX}:*", count=1000):
        client.delete(key)


# --- Checking the database against what was sent -----------------------------------------------


def check(trainees: list[Trainee], seeded: Seed) -> dict:
    from assessments.models import Attempt, Response

    found = Counter()
    attempts = {
        str(a.pk): a
        for a in Attempt.objects.filter(test_id=seeded.post_id, user_id__in=list(seeded.usernames.values()))
    }
    per_user = Counter(a.user_id for a in attempts.values())
    stored: dict[str, dict[int, tuple]] = defaultdict(dict)
    for attempt_id, question_id, answer, seq, score in Response.objects.filter(attempt__in=list(attempts)).values_list(
        "attempt_id", "question_id", "answer", "seq", "score"
    ):
        if question_id in stored[str(attempt_id)]:
            found["duplicated"] += 1
        stored[str(attempt_id)][question_id] = (answer, seq, score)
    for trainee in trainees:
        found["answers sent"] += len(trainee.sent)
        if not trainee.attempt_id:
            continue
        rows = stored.get(trainee.attempt_id, {})
        for question, (answer, seq) in trainee.sent.items():
            row = rows.get(question)
            # Saved by its autosave, or written from the form (numbered after every save) when it
            # was not stored yet as the form was handed in.
            if row is None or row[0] != answer or row[1] not in (seq, trainee.form_seq):
                found["lost"] += 1
        found["unexpected rows"] += len(set(rows) - set(trainee.sent))
        attempt = attempts.get(trainee.attempt_id)
        if attempt is None:
            found["attempt missing"] += 1
            continue
        if per_user[attempt.user_id] != 1:
            found["several attempts for one trainee"] += 1
        if not trainee.submitted:
            continue
        found["submits sent"] += 1
        if attempt.status == Attempt.Status.SUBMITTED and str(attempt.submission_key) == trainee.submission_key:
            found["submitted once"] += 1
        expected = sum(1.0 for question, (answer, _seq) in trainee.sent.items() if seeded.correct[question] == answer)
        if attempt.score != expected or attempt.max_score != QUESTIONS:
            found["score differs from answers sent"] += 1
        stored_scores = [row[2] for row in rows.values()]
        found["responses of a submitted attempt never scored"] += stored_scores.count(None)
        if None in stored_scores or attempt.score != sum(stored_scores):
            found["score differs from responses stored"] += 1
    found["attempts in database"] = len(attempts)
    found["attempts left open"] = sum(1 for a in attempts.values() if a.status == Attempt.Status.OPEN)
    return found


def server_log_counts(text: str) -> dict:
    return {
        "database is locked": len(re.findall(r"^django\.db\.utils\.OperationalError: database is locked", text, re.M)),
        "tracebacks": text.count("Traceback (most recent call last)"),
        "worker timeouts": text.count("WORKER TIMEOUT"),
    }


# --- Report ------------------------------------------------------------------------------------

KINDS = ["login_page", "login", "start", "test_page", "save", "race_save", "submit", "result"]


def report(args, trainees: list[Trainee], wall: float, found: dict, log: dict, cpu: dict, steps: dict) -> dict:
    targets = TARGETS[args.backend]
    requests = [r for t in trainees for r in t.requests]
    failed = [r for r in requests if not r.ok]
    server_errors = sum(1 for r in requests if r.status and r.status >= 500)
    finished = sum(1 for t in trainees if not t.stopped_at)
    print(f"\n=== {args.backend}: {args.server_label}; {args.run_label} ===")
    print(f"trainees: {len(trainees)} (target {targets['trainees']}); finished the whole flow: {finished}")
    print(f"requests: {len(requests)} in {wall:.1f} s = {len(requests) / wall:.1f} req/s", end="")
    saves = [r for r in requests if r.kind == "save"]
    print(f"; saves {len(saves)} = {len(saves) / wall:.1f}/s on average")
    if saves:
        # Saves are paced (one per trainee per interval), so the offered rate peaks when every trainee
        # is saving at once; the served rate shows whether the server keeps up.
        offered = Counter(int(r.at) for r in saves)
        served = Counter(int(r.at + r.ms / 1000) for r in saves if r.ok)
        print(f"saves per second: offered at most {max(offered.values())}, served at most {max(served.values())}")
    print(f"failed requests: {len(failed)}; server errors (5xx): {server_errors} (target 0)")
    if failed:
        print(f"  by kind and status: {dict(Counter((r.kind, r.status or r.error[:40]) for r in failed))}")
    print(f"answers sent: {found['answers sent']}; lost: {found['lost']} (target 0); "
          f"duplicated: {found['duplicated']} (target 0); unexpected rows: {found['unexpected rows']}")  # fmt: skip
    print(
        f"attempts: {found['attempts in database']} in the database; submits sent {found['submits sent']}, "
        f"submitted exactly once with the key sent {found['submitted once']}; left open {found['attempts left open']}; "
        f"several per trainee {found['several attempts for one trainee']}"
    )
    print(
        f"scores: {found['score differs from answers sent']} differ from the answers sent, "
        f"{found['score differs from responses stored']} from the responses stored; "
        f"responses stored after scoring (score empty): {found['responses of a submitted attempt never scored']}"
    )
    print(f"{'latency ms':<12}{'n':>6}{'p50':>8}{'p95':>8}{'max':>8}")
    for kind in KINDS:
        values = [r.ms for r in requests if r.kind == kind]
        if not values:
            continue
        target = {"save": targets["save_p95"], "submit": targets["submit_p95"]}.get(kind)
        line = f"{kind:<12}{len(values):>6}{percentile(values, 0.5):>8.0f}{percentile(values, 0.95):>8.0f}"
        line += f"{max(values):>8.0f}"
        print(line + (f"   (target p95 < {target} ms)" if target else ""))
    logins = [r.at for r in requests if r.kind == "login"]
    if logins and saves:
        during = [r.ms for r in saves if r.at <= max(logins)]
        after = [r.ms for r in saves if r.at > max(logins)]
        print(
            f"save p95 while trainees are still logging in: {percentile(during, 0.95):.0f} ms (n={len(during)}); "
            f"after the last login: {percentile(after, 0.95):.0f} ms (n={len(after)})"
        )
    lock_target = " (target 0)" if args.backend == "sqlite" else ""
    print(
        f'server log: "database is locked" {log["database is locked"]}{lock_target}, '
        f"tracebacks {log['tracebacks']}, worker timeouts {log['worker timeouts']}"
    )
    cores = os.cpu_count() or 1
    print(
        f"CPU seconds over the run ({cores} cores x {wall:.0f} s = {cores * wall:.0f} available): "
        + ", ".join(f"{name} {seconds:.0f}" for name, seconds in cpu.items())
    )
    if cpu["other processes"] > 0.2 * cores * wall:
        print("  note: other processes took over a fifth of the machine; the latencies are pessimistic.")
    print(f"load average (1, 5, 15 min) at the end: {load_average()}")
    per_trainee = (cpu["server"] + cpu["postgres"] + cpu.get("pgbouncer", 0.0)) / max(len(trainees), 1)
    print(f"server + PgBouncer + database CPU per trainee: {per_trainee:.2f} s (target <= 0.25)")
    if finished < len(trainees):
        # Flows cut short cost less than whole ones: the figure above says nothing of a whole flow.
        print(f"  only {finished} of {len(trainees)} flows finished: per trainee, read the figures by step")
        per_trainee = steps.get("total", float("nan"))
    if steps:
        by_step = ", ".join(f"{step} {seconds:.3f}" for step, seconds in steps.items())
        print(f"  by step (trainees one at a time, before the run): {by_step}")
    label = f"load ({args.backend}, {args.run_label}, {len(trainees)} trainees)"
    bench_row(f"{label}: CPU-s per trainee (server + db)", per_trainee, None, target_value=0.25, unit="s")
    if finished < len(trainees):
        bench_row(f"{label}: flows finished", finished, None, target_value=len(trainees), unit="trainees",
                  higher_is_better=True)  # fmt: skip
    for kind in ("save", "submit"):
        values = [r.ms for r in requests if r.kind == kind]
        target = {"save": targets["save_p95"], "submit": targets["submit_p95"]}[kind]
        if values:
            bench_row(f"{label}: {kind} p95", percentile(values, 0.95), None, target_value=target, unit="ms")
    bench_row(f"{label}: wall time", wall, None, target_value=60, unit="s")
    raced = Counter(t.raced for t in trainees if t.raced)
    if raced:
        print(f"saves sent with the submit: {dict(raced)} (an accepted one must be in the score)")
    stopped = Counter(t.stopped_at.split(":")[0] for t in trainees if t.stopped_at)
    if stopped:
        print(f"flows stopped early: {dict(stopped)}")
        for reason, count in Counter(t.stopped_at for t in trainees if t.stopped_at).most_common(5):
            print(f"  {count} x {reason}")
    return summary(args, trainees, found, failed=len(failed), errors=server_errors, per_trainee=per_trainee, wall=wall)


def summary(args, trainees: list[Trainee], found: dict, *, failed: int, errors: int, per_trainee: float, wall: float):
    """One line of the rooms table: a room holds when every flow finished, nothing was lost or failed
    and the p95 targets are met."""
    targets = TARGETS[args.backend]
    requests = [r for t in trainees for r in t.requests]
    row = {"nodes": args.run_label, "trainees": len(trainees), "finished": sum(1 for t in trainees if not t.stopped_at)}
    for kind in ("save", "submit"):
        values = [r.ms for r in requests if r.kind == kind]
        row[f"{kind} p50"], row[f"{kind} p95"] = percentile(values, 0.5), percentile(values, 0.95)
    row.update(lost=found["lost"], duplicated=found["duplicated"], failed=failed, errors=errors)
    row.update(cpu=per_trainee, wall=wall, load=load_average())
    limits = (("save", targets["save_p95"]), ("submit", targets["submit_p95"]))
    within = all(row[f"{kind} p95"] < target for kind, target in limits if target)
    row["holds"] = within and row["finished"] == len(trainees) and not (row["lost"] or row["duplicated"] or failed)
    return row


def print_rooms(rows: list[dict]) -> None:
    """The table of every run, and the largest room each configuration held."""
    print("\n=== rooms (p95 save < 300 ms, submit < 800 ms, every flow finished, nothing lost) ===")
    head = ["web nodes", "trainees", "finished", "lost", "save p50/p95 ms", "submit p50/p95 ms", "CPU-s/trainee",
            "wall s", "load avg (1, 5, 15)", "holds"]  # fmt: skip
    print(" | ".join(head))
    for r in rows:
        print(" | ".join([
            r["nodes"], str(r["trainees"]), str(r["finished"]), str(r["lost"]),
            f"{r['save p50']:.0f} / {r['save p95']:.0f}", f"{r['submit p50']:.0f} / {r['submit p95']:.0f}",
            f"{r['cpu']:.2f}", f"{r['wall']:.0f}", r["load"], "yes" if r["holds"] else "NO",
        ]))  # fmt: skip
    for nodes in dict.fromkeys(r["nodes"] for r in rows):
        held = [r["trainees"] for r in rows if r["nodes"] == nodes and r["holds"]]
        print(f"largest room held, {nodes}: {max(held) if held else 'none of those tried'}")
        bench_row(f"load: largest room within the p95 targets, {nodes}", max(held, default=0), None, unit="trainees")


# --- Main --------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--trainees", type=int, help="default 200 (postgres) or 30 (sqlite)")
    parser.add_argument("--server", choices=["gunicorn", "runserver"], help="default: gunicorn, runserver (sqlite)")
    parser.add_argument("--workers", type=int, help="gunicorn workers: default 2 (postgres), 1 (sqlite)")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (>1: gthread)")
    parser.add_argument("--spread", type=float, default=20.0, help="seconds over which trainees start")
    parser.add_argument("--save-interval", type=float, default=1.0, help="seconds between a trainee's saves")
    parser.add_argument(
        "--login-first",
        action="store_true",
        help="everyone logs in (spread over --spread s) before the test opens, then the test starts as usual",
    )
    parser.add_argument(
        "--race-submit",
        action="store_true",
        help="send each trainee's last save at the same moment as the submit; a save accepted must be scored",
    )
    parser.add_argument("--changes", type=int, default=0, help="extra saves per trainee that change an answer")
    parser.add_argument("--room-size", type=int, default=50, help="trainees sharing one IP address")
    parser.add_argument("--no-result-page", action="store_true", help="do not GET the result page after submit")
    parser.add_argument("--wsgi", default="lms.wsgi:application", help="gunicorn: the application to serve")
    parser.add_argument("--pythonpath", help="gunicorn: a folder to import --wsgi from (to try a change)")
    parser.add_argument("--sqlite-options", default="", help="query string appended to the SQLite DATABASE_URL")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument(
        "--cpu-model", type=int, default=5, help="extra trainees run in this process first to measure CPU per request"
    )
    parser.add_argument(
        "--step-trainees",
        type=int,
        default=10,
        help="extra trainees run one at a time against the server first: its CPU per trainee by step",
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        help="wait up to this many seconds for the 1-minute load average to fall below 1 before the run",
    )
    parser.add_argument("--log", type=Path, help="copy the servers' log to this file")
    parser.add_argument(
        "--nodes", default="1", help="web nodes (gunicorn processes on their own ports, requests round-robin); "
        "several configurations one after the other: 1,2",
    )  # fmt: skip
    parser.add_argument(
        "--rooms", default="", help="room sizes tried in turn on each configuration, stopping at the first that "
        "misses a target (default: --trainees): 50,100,150",
    )  # fmt: skip
    parser.add_argument(
        "--pooler", choices=["pgbouncer", "none"], help="between the nodes and PostgreSQL: default pgbouncer (postgres)"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.trainees = args.trainees or TARGETS[args.backend]["trainees"]
    args.server = args.server or ("gunicorn" if args.backend == "postgres" else "runserver")
    args.workers = args.workers or (2 if args.backend == "postgres" else 1)
    args.server_label = (
        "runserver --noreload (threaded)"
        if args.server == "runserver"
        else f"gunicorn {args.workers} workers x {args.threads} threads"
    ) + ("; log-ins before the test opens" if args.login_first else "")
    args.nodes = [int(n) for n in args.nodes.split(",")]
    args.rooms = [int(n) for n in args.rooms.split(",")] if args.rooms else [args.trainees]
    args.pooler = args.pooler or ("pgbouncer" if args.backend == "postgres" else "none")
    if not all(1 <= n <= 1000 for n in args.rooms) or not all(1 <= n <= 4 for n in args.nodes):
        parser.error("rooms of 1 to 1000 trainees, 1 to 4 web nodes")
    if args.backend == "sqlite" and args.nodes != [1]:
        parser.error("several web nodes share a PostgreSQL database, not a SQLite file")
    return args


def server_env(args, database, bouncer) -> dict:
    """The web nodes' environment: production settings, the bench's database (through PgBouncer
    when there is one), Redis cache under this run's prefix."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CACHE_", "CELERY_", "ACCOUNT_", "ALLAUTH_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings",
        DATABASE_URL=database.url,
        DATABASE_CONN_MAX_AGE="60",
        DJANGO_SECRET_KEY="bench-" + "k3y-n0t-s3cr3t-" * 4,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_DEBUG="false",
        CACHE_URL=f"rediscache://127.0.0.1:6379/{REDIS_DB}?key_prefix={CACHE_PREFIX}",
        DJANGO_TRUSTED_PROXIES="127.0.0.1",  # as in production (.env.example): rate limits per client IP
        PYTHONUNBUFFERED="1",
    )
    if bouncer is not None:
        env.update(DATABASE_URL=bouncer.url(database.url), DATABASE_POOLER="pgbouncer")
    return env


def run_room(args, nodes: Nodes, processes: Processes, usernames: list[str], seeded: Seed) -> dict:
    """One room of `usernames` through the nodes; the database checked; the report printed."""
    waited = time.monotonic()
    while time.monotonic() - waited < args.wait_quiet and os.getloadavg()[0] >= 1.0:
        time.sleep(5)
    print(f"\n{len(usernames)} trainees on {args.run_label}; load average before: {load_average()}", flush=True)
    meter = CpuMeter(processes)
    meter.start()
    now = time.monotonic()
    opens = now + (args.spread + 5 if args.login_first else 0)  # when the test phase begins
    trainees = [
        Trainee(
            username=username,
            start_at=now + index * args.spread / len(usernames),
            test_at=opens + index * args.spread / len(usernames) if args.login_first else 0.0,
            client_ip=f"10.{len(args.nodes_done)}.{index // args.room_size}.1",
            seed=args.seed * 100_000 + index,
        )
        for index, username in enumerate(usernames)
    ]
    plan = Plan(
        port=nodes.ports, test_id=seeded.post_id, password=PASSWORD, save_interval=args.save_interval,
        changes=args.changes, follow_result=not args.no_result_page, race_submit=args.race_submit,
        timeout=args.timeout,
        # Spread + flow (saves + submit) + a margin for slow answers; nothing is sent after it.
        deadline=opens + args.spread + (QUESTIONS + args.changes + 2) * args.save_interval + 90,
    )  # fmt: skip
    wall = run_trainees(trainees, plan)
    cpu = meter.stop()
    found = check(trainees, Seed(seeded.post_id, {u: seeded.usernames[u] for u in usernames}, seeded.correct))
    log = "\n".join(path.read_text(errors="replace") for path in nodes.logs if path.exists())
    return report(args, trainees, wall, found, server_log_counts(log), cpu, args.steps)


def serve_rooms(args, env: dict, workdir: Path, processes: Processes, users: list[str], seeded: Seed) -> list[dict]:
    """For each number of web nodes: start them, measure CPU by step, then rooms of growing size
    until one misses a target."""
    rows: list[dict] = []
    args.nodes_done = []
    for count in args.nodes:
        args.run_label = f"{count} web node{'s' if count > 1 else ''}" + (" + PgBouncer" if processes.pgbouncer else "")
        nodes = Nodes(args, count=count, env=env, workdir=workdir / f"{count}-nodes", cwd=BASE_DIR)
        try:
            nodes.start()
            processes.servers = nodes.pids
            print(f"{args.run_label} up on ports {nodes.ports} ({args.server_label})", flush=True)
            steps_users, users = users[: args.step_trainees], users[args.step_trainees :]
            args.steps = {}
            if steps_users:
                args.steps = server_steps(port=nodes.ports, usernames=steps_users, post_id=seeded.post_id,
                                          processes=processes)  # fmt: skip
            for size in args.rooms:
                room, users = users[:size], users[size:]
                rows.append(run_room(args, nodes, processes, room, seeded))
                if not rows[-1]["holds"]:
                    break
        finally:
            log = nodes.stop()
            if args.log:
                args.log.write_text(log)
        args.nodes_done.append(count)
    return rows


def main() -> None:
    args = parse_args()
    rng = random.Random(args.seed)  # noqa: S311 - answers and keys, not secrets
    # `timeout` or a service manager stops with SIGTERM: clean up as after Ctrl+C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = Path(tempfile.mkdtemp(prefix="lms-load-"))
    database = Postgres(workdir) if args.backend == "postgres" else Sqlite(workdir, args.sqlite_options)
    bouncer = None
    created = False
    try:
        bouncer = start_pgbouncer(BASE_DIR) if args.pooler == "pgbouncer" else None
        env = server_env(args, database, bouncer)
        direct = {**env, "DATABASE_URL": database.url, "MEDIA_ROOT": str(workdir / "media")}
        direct.pop("DATABASE_POOLER", None)
        print(f"{args.backend}: creating the database and migrating…", flush=True)
        database.create()
        created = True
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
            cwd=BASE_DIR, env=direct, check=True, timeout=900,
        )  # fmt: skip
        os.environ.clear()
        os.environ.update(direct)
        sys.path.insert(0, str(BASE_DIR))
        import django

        django.setup()
        from django.db import connections

        started = time.monotonic()
        total = args.cpu_model + len(args.nodes) * (args.step_trainees + sum(args.rooms))
        seeded = seed(trainees=total, rng=rng)
        print(f"seeded {total} trainees in {time.monotonic() - started:.1f} s", flush=True)
        usernames = list(seeded.usernames)
        if args.cpu_model:
            costs = cpu_model(usernames=usernames[: args.cpu_model], post_id=seeded.post_id)
            window = args.spread + (QUESTIONS + args.changes + 2) * args.save_interval
            print_cpu_model(costs, trainees=max(args.rooms), window=window)
        connections.close_all()
        flush_cache()
        processes = Processes(database=PG_NAME, pgbouncer=bouncer.process.pid if bouncer else None)
        rows = serve_rooms(args, env, workdir, processes, usernames[args.cpu_model :], seeded)
        connections.close_all()
        print_rooms(rows)
        print(f"load average (1, 5, 15 min) at the end: {load_average()}")
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if bouncer is not None:
            bouncer.stop()
        if created:
            database.drop()
        try:
            flush_cache()
        except Exception as error:
            print(f"could not remove this run's cache keys ({CACHE_PREFIX}:*): {error}")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

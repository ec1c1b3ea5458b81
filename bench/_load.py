"""Simulated trainees for bench/load_tests.py: a minimal browser over http.client and the test flow.

Standard library only. Each trainee runs in its own thread and talks to 127.0.0.1 only, one request
at a time, on a new connection per request (as nginx does towards gunicorn); with several web nodes
(ports) each request goes to the next node in turn, as a load balancer without sticky sessions. Nothing is asserted:
every request is recorded (kind, status, milliseconds, error) and every answer sent is kept, so that
the caller can compare them with the database afterwards.
"""

from __future__ import annotations

import gzip
import http.client
import json
import math
import random
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

ATTEMPT_ACTION = re.compile(r'action="/fr/attempts/([0-9a-f-]{36})/submit/"')
RADIO = re.compile(r'<input type="radio" name="q(\d+)" value="([^"]+)"')
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Request:
    kind: str  # login_page, login, start, test_page, save, submit, result
    status: int | None  # None: no answer (timeout, connection refused or reset)
    ms: float
    ok: bool  # the status the flow expects
    at: float = 0.0  # time.monotonic() when it was sent
    error: str = ""
    cpu: float = 0.0  # with Trainee.cpu_meter: CPU seconds the server and database spent meanwhile


@dataclass
class Reply:
    status: int | None
    headers: dict
    body: bytes
    error: str = ""

    @property
    def location(self) -> str:
        return urlsplit(self.headers.get("location", "")).path

    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Browser:
    """Cookies, CSRF origin and a client IP (X-Forwarded-For: the room's router, as nginx passes it)."""

    def __init__(self, *, port: int | tuple[int, ...], client_ip: str, timeout: float, turn: int = 0):
        # Several ports: several web nodes, each request sent to the next one (round-robin, no
        # stickiness: sessions, rate limits and answers must be shared through PostgreSQL and Redis).
        self.ports = (port,) if isinstance(port, int) else tuple(port)
        self.turn = turn
        self.client_ip = client_ip
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    @property
    def port(self) -> int:
        """The node the next request goes to."""
        return self.ports[self.turn % len(self.ports)]

    def _store_cookies(self, response: http.client.HTTPResponse) -> None:
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def request(self, method: str, path: str, *, form: dict | None = None, payload=None, headers=None) -> Reply:
        body = None
        port = self.port
        self.turn += 1
        origin = f"http://127.0.0.1:{port}"
        sent = {
            "Host": f"127.0.0.1:{port}",
            "Connection": "close",
            "Accept-Encoding": "gzip",
            "User-Agent": "lms-load-test",
            "X-Forwarded-For": self.client_ip,
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if method == "POST":
            sent["Origin"] = origin
            sent["Referer"] = origin + path
        if form is not None:
            body = urlencode(form).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        elif payload is not None:
            body = json.dumps(payload).encode()
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            data = response.read()
            self._store_cookies(response)
            if response.getheader("Content-Encoding") == "gzip":
                data = gzip.decompress(data)
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
        except (OSError, http.client.HTTPException) as error:
            return Reply(None, {}, b"", f"{type(error).__name__}: {error}")
        finally:
            connection.close()


@dataclass
class Plan:
    port: int | tuple[int, ...]  # several: the web nodes, driven round-robin request by request
    test_id: int
    password: str
    save_interval: float  # seconds between two saves of one trainee
    changes: int  # extra saves that change an answer already given (0: one save per question)
    follow_result: bool  # GET the result page after the submit redirect, as a browser does
    race_submit: bool  # send the last save at the same moment as the submit (an autosave still in flight)
    timeout: float  # per request
    deadline: float  # time.monotonic() after which a trainee sends nothing more


@dataclass
class Trainee:
    username: str
    start_at: float  # time.monotonic()
    client_ip: str
    seed: int
    test_at: float = 0.0  # with log-ins first: when this trainee starts the test (time.monotonic())
    requests: list[Request] = field(default_factory=list)
    attempt_id: str = ""
    sent: dict[int, tuple[str, int]] = field(default_factory=dict)  # question id -> last (answer, seq) sent
    saves_sent: int = 0
    submission_key: str = ""
    submitted: bool = False  # the submit request was sent (whatever its answer)
    raced: str = ""  # with race_submit: how the server answered the save sent with the submit
    stopped_at: str = ""  # the step where the flow stopped, if it did not finish
    form_seq: int = 0  # the sequence number posted with the form (autosave.js: after every save)
    # Only for trainees run one at a time: CPU seconds used so far by the server and its database.
    cpu_meter: Callable[[], float] | None = None

    def _timed(self, browser: Browser, kind: str, method: str, path: str, expect, **kwargs) -> Reply:
        cpu = self.cpu_meter() if self.cpu_meter else 0.0
        at, start = time.monotonic(), time.perf_counter()
        reply = browser.request(method, path, **kwargs)
        ms = (time.perf_counter() - start) * 1000
        cpu = self.cpu_meter() - cpu if self.cpu_meter else 0.0
        ok = reply.status is not None and expect(reply)
        self.requests.append(Request(kind, reply.status, ms, ok, at, reply.error, cpu))
        return reply

    def _wait_until(self, moment: float, plan: Plan) -> bool:
        """Sleep until `moment`; False if the run's deadline comes first."""
        delay = moment - time.monotonic()
        if delay > 0:
            time.sleep(min(delay, max(0.0, plan.deadline - time.monotonic())))
        return time.monotonic() < plan.deadline

    def _race_save(self, browser: Browser, path: str, csrf: str, save: tuple[int, str], seq: int) -> None:
        """The last save, sent with the submit: accepted (then it must be scored) or refused with 409."""
        question, answer = save
        other = Browser(port=browser.ports, client_ip=browser.client_ip, timeout=browser.timeout, turn=browser.turn + 1)
        other.cookies = dict(browser.cookies)
        reply = self._timed(
            other, "race_save", "POST", path, lambda r: r.status in (200, 409),
            payload={"question": question, "answer": answer, "seq": seq}, headers={"X-CSRFToken": csrf},
        )  # fmt: skip
        self.saves_sent += 1
        if reply.status == 200 and b'"saved": true' in reply.body:
            self.raced = "accepted"
        else:
            self.raced = f"refused {reply.status}"

    def run(self, plan: Plan) -> None:
        try:
            self._run(plan)
        except Exception as error:  # a bug in the bench must not hide the other trainees' figures
            self.stopped_at = f"bench error: {type(error).__name__}: {error}"

    def _run(self, plan: Plan) -> None:
        rng = random.Random(self.seed)  # noqa: S311 - answers, not secrets
        browser = Browser(port=plan.port, client_ip=self.client_ip, timeout=plan.timeout, turn=self.seed)
        test_path = f"/fr/tests/{plan.test_id}/"
        if not self._wait_until(self.start_at, plan):
            self.stopped_at = "deadline before start"
            return
        reply = self._timed(browser, "login_page", "GET", "/fr/accounts/login/", lambda r: r.status == 200)
        if reply.status != 200 or "csrftoken" not in browser.cookies:
            self.stopped_at = f"login page: {reply.status} {reply.error}"
            return
        form = {"login": self.username, "password": plan.password, "csrfmiddlewaretoken": browser.cookies["csrftoken"]}
        reply = self._timed(
            browser, "login", "POST", "/fr/accounts/login/", lambda r: r.status == 302 and "/login" not in r.location,
            form=form,
        )  # fmt: skip
        if not self.requests[-1].ok:
            self.stopped_at = f"login: {reply.status} {reply.error} {form_errors(reply.text())}"
            return
        if not self._wait_until(self.test_at, plan):
            self.stopped_at = "deadline before the test opened"
            return
        # Start: the introduction's button posts to the test page, which redirects to itself.
        reply = self._timed(
            browser, "start", "POST", test_path, lambda r: r.status == 302 and r.location == test_path,
            form={"csrfmiddlewaretoken": browser.cookies.get("csrftoken", "")},
        )  # fmt: skip
        if not self.requests[-1].ok:
            self.stopped_at = f"start: {reply.status} -> {reply.location} {reply.error}"
            return
        reply = self._timed(browser, "test_page", "GET", test_path, lambda r: r.status == 200)
        html = reply.text()
        attempt = ATTEMPT_ACTION.search(html)
        token = CSRF_FIELD.search(html)
        options: dict[int, list[str]] = {}
        for question, option in RADIO.findall(html):
            options.setdefault(int(question), []).append(option)
        if reply.status != 200 or attempt is None or token is None or not options:
            self.stopped_at = f"test page: {reply.status} {reply.error}"
            return
        self.attempt_id = attempt.group(1)
        csrf = token.group(1)
        # One save per question in page order, then `changes` saves that change an earlier answer.
        saves = [(question, rng.choice(choices)) for question, choices in options.items()]
        for question in rng.sample(list(options), min(plan.changes, len(options))):
            saves.append((question, rng.choice([o for o in options[question] if o != dict(saves)[question]])))
        save_path = f"/api/attempts/{self.attempt_id}/responses/"
        page_at = time.monotonic()
        last_seq = 0
        raced = saves.pop() if plan.race_submit else None
        for number, (question, answer) in enumerate(saves, start=1):
            # Saves follow a schedule (a trainee reads, then taps), one at a time like autosave.js.
            if not self._wait_until(page_at + number * plan.save_interval + rng.uniform(-0.2, 0.2), plan):
                self.stopped_at = f"deadline after {self.saves_sent} saves"
                return
            last_seq = max(int(time.time() * 1000), last_seq + 1)
            self.sent[question] = (answer, last_seq)
            self.saves_sent += 1
            self._timed(
                browser, "save", "POST", save_path, lambda r: r.status == 200,
                payload={"question": question, "answer": answer, "seq": last_seq}, headers={"X-CSRFToken": csrf},
            )  # fmt: skip
        if not self._wait_until(page_at + (len(saves) + 1) * plan.save_interval, plan):
            self.stopped_at = "deadline before submit"
            return
        self.submission_key = str(uuid.uuid4())
        self.submitted = True
        # The form, as a browser posts it: the answer checked for each question (the latest given,
        # the one still in flight too) and autosave.js's counter, one past every save it numbered.
        if raced is not None:
            self.sent[raced[0]] = (raced[1], last_seq + 1)  # saved, or written from the form: it counts
        self.form_seq = last_seq + 2
        answers = {f"q{question}": answer for question, (answer, _seq) in self.sent.items()}
        result_path = f"/fr/attempts/{self.attempt_id}/"
        race = None
        if raced is not None:
            race = threading.Thread(target=self._race_save, args=(browser, save_path, csrf, raced, last_seq + 1))
            race.start()
        reply = self._timed(
            browser, "submit", "POST", f"/fr/attempts/{self.attempt_id}/submit/",
            lambda r: r.status == 302 and r.location == result_path,
            form={
                "csrfmiddlewaretoken": csrf, "submission_key": self.submission_key, "seq": str(self.form_seq),
                **answers, "submit": "1",
            },
        )  # fmt: skip
        if race is not None:
            race.join(timeout=plan.timeout + 5)
        if not (reply.status == 302 and reply.location == result_path):
            self.stopped_at = f"submit: {reply.status} -> {reply.location} {reply.error}"
            return
        if plan.follow_result:
            self._timed(browser, "result", "GET", result_path, lambda r: r.status == 200)


def form_errors(html: str) -> str:
    """The text of a page's form errors (Django's errorlist), to say why a form was refused."""
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    return " | ".join(re.sub(r"<[^>]+>", "", item).strip() for item in found)[:300]


def run_trainees(trainees: list[Trainee], plan: Plan) -> float:
    """Run every trainee in its own thread; return the wall time in seconds. Bounded by plan.deadline."""
    threads = [threading.Thread(target=t.run, args=(plan,), name=t.username, daemon=True) for t in trainees]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        # Every request has a timeout and nothing starts after the deadline: the join is bounded.
        thread.join(timeout=max(0.0, plan.deadline - time.monotonic()) + plan.timeout + 5)
    return time.monotonic() - start


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of `values`; 0 for an empty list."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(share * len(ordered))))
    return ordered[rank - 1]

"""Text messages (SMS) through a pluggable backend, as Django sends e-mail.

The gateway lies outside the machine: `settings.SMS_BACKEND` names a class with
`send_messages(messages) -> int`. Two come with the project:
- `lms.sms.ConsoleBackend` (the default): writes each message to standard output, as Django's
  console e-mail backend does, so a development machine or the demo shows what would be sent;
- `lms.sms.LocmemBackend`: keeps the messages in `lms.sms.outbox`, for tests.
A real gateway (an operator's HTTP API) is one more class with the same method; set its dotted path
in SMS_BACKEND (environment variable of the same name).
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SmsMessage:
    to: str  # a phone number as the trainee gave it
    body: str


class BaseSmsBackend:
    """What a backend implements: send the messages, return how many were sent."""

    def send_messages(self, messages: list[SmsMessage]) -> int:
        raise NotImplementedError


class ConsoleBackend(BaseSmsBackend):
    """Writes each message to a stream (standard output by default) instead of sending it."""

    _lock = threading.Lock()

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send_messages(self, messages: list[SmsMessage]) -> int:
        with self._lock:
            for message in messages:
                self.stream.write(f"SMS to {message.to}\n{message.body}\n{'-' * 40}\n")
            self.stream.flush()
        return len(messages)


# What LocmemBackend sent, in order (tests empty it).
outbox: list[SmsMessage] = []


class LocmemBackend(BaseSmsBackend):
    """Keeps the messages in `lms.sms.outbox`."""

    def send_messages(self, messages: list[SmsMessage]) -> int:
        outbox.extend(messages)
        return len(messages)


def get_backend() -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, to: str, body: str) -> int:
    """Send one text message through the configured backend; 1 when sent."""
    return get_backend().send_messages([SmsMessage(to=to, body=body)])

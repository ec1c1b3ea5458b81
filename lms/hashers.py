"""Password hashing that a 2-core server can afford when a whole room logs in at once.

Django's default, PBKDF2-SHA256 with a million iterations, costs about 240 ms of CPU per login here:
60 trainees logging in during the first minute of a session take a whole core for a minute. Argon2id
is memory-hard, so it reaches the same resistance to guessing with far less CPU. We use the
parameters OWASP's Password Storage Cheat Sheet gives as its first Argon2id configuration (19 MiB of
memory, 2 iterations, 1 lane): about 20 ms per login here. Older PBKDF2 hashes still verify and are
upgraded to Argon2id at the next login (Django does this for any hasher listed after the first).

One-time passwords printed on a roster sheet get a cheaper hash: they are random (about 50 bits),
replaced at the first login, and a room of 500 needs them hashed in seconds, not minutes.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    """Argon2id, m=19 MiB, t=2, p=1 (OWASP Password Storage Cheat Sheet, "Argon2id")."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1


class OneTimePasswordHasher(PBKDF2PasswordHasher):
    algorithm = "pbkdf2_sha256_onetime"
    iterations = 20_000

"""A cheaper hash for one-time passwords printed on a roster sheet.

They are random (about 50 bits), replaced at the first login, and a room of 500 needs them hashed in
seconds, not minutes: PBKDF2 with fewer rounds is enough for them. Django re-hashes with the default
hasher as soon as the person chooses their own password.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class OneTimePasswordHasher(PBKDF2PasswordHasher):
    algorithm = "pbkdf2_sha256_onetime"
    iterations = 20_000

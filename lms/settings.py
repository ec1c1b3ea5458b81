"""The one settings module, driven by environment variables.

It boots with an empty environment as the embedded default: a SQLite file, Celery tasks run eagerly,
e-mail printed to the console and media on the local disk. Production sets the variables listed, each
with a comment, in `.env.example`; `manage.py check --deploy --fail-level WARNING` proves the result.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from lms.pooler import for_pooler

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local `.env` file is a convenience for developers; the real environment always wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# An empty environment is a developer's machine: a fixed, obviously unsafe key is fine there, and
# `check --deploy` refuses it in production because it is short and prefixed "django-insecure".
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="django-insecure-embedded-default-key-change-me")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# A refused form shows the site's own page, in the visitor's language (lms.errors), not Django's English one.
CSRF_FAILURE_VIEW = "lms.errors.csrf_failure"

# --- Applications -------------------------------------------------------------------------------

INSTALLED_APPS = [
    # Our apps come first so that their templates override those of the packages below.
    "lms",
    "courses",
    "assessments",
    "training",
    "evaluation",
    "certificates",
    "privacy",
    "events",
    "xapi",
    "lti",
    "lti_tool",  # django-lti, used by the lti app: platform registrations, deployments, keys, launches.
    # Wagtail, with wagtail-localize for translating pages (it replaces wagtail.locales).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.apps.LmsUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    # Accounts.
    "allauth",
    "allauth.account",
    # A second factor (TOTP and recovery codes) for staff: lms.middleware.StaffSecondFactorMiddleware.
    "allauth.mfa",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # A request id on every response, log line and task it starts; the request's log line and
    # metrics (lms/request_id.py, lms/metrics.py, docs/operations.md).
    "lms.request_id.RequestIdMiddleware",
    # Content-Security-Policy and Permissions-Policy on documents only (lms/csp.py, docs/security.md);
    # outermost, so it also takes Django's document-only headers off static files and JSON.
    "lms.csp.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compress HTML: the home page must fit in the first 14 KB a 2G connection delivers.
    "django.middleware.gzip.GZipMiddleware",
    # Django's, except that a failed session write never undoes a committed response (lms/middleware.py).
    "lms.middleware.CommittedResponseSessionMiddleware",
    "lms.locale_middleware.LocaleMiddleware",
    # A NUL in the path, query string or form data is a 400 here, not a 500 in PostgreSQL.
    "lms.parsing.NulRefusalMiddleware",
    # Django's empty 405 (a form's address opened as a page) becomes the site's page.
    "lms.errors.MethodNotAllowedPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lms.middleware.SessionIdleTimeoutMiddleware",
    "lms.middleware.PasswordChangeRequiredMiddleware",
    "lms.middleware.StaffSecondFactorMiddleware",
    "lms.middleware.ConsentRenewalMiddleware",
    "lms.middleware.StorageFullMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default serves a training room too: writers queue (IMMEDIATE transactions and a
    # busy timeout) instead of failing with "database is locked", and readers never wait (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=20, init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
# A persistent connection to a server is checked before a request reuses it, so a database server
# restarted under the site costs no request an error (tests/faults/test_postgresql_restart.py). A
# SQLite file has no server to lose.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = not DATABASES["default"]["ENGINE"].endswith("sqlite3")
# A read replica for the evaluators' reports and exports (lms/replica.py): a streaming standby of
# the primary. Tests mirror it onto the default database.
if env.str("REPLICA_DATABASE_URL", default=""):
    DATABASES["replica"] = env.db_url("REPLICA_DATABASE_URL")
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["lms.replica.ReplicaRouter"]
# PgBouncer in transaction mode in front of PostgreSQL (lms/pooler.py, deploy/pgbouncer, docs/operations.md).
DATABASE_POOLER = env.str("DATABASE_POOLER", default="")
for _database in DATABASES.values():
    for_pooler(_database, DATABASE_POOLER)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits and sessions must be shared by every web process in production: point CACHE_URL at
# Redis there. The embedded default runs one process, so memory is enough.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # While Redis is away the site works without a cache instead of failing (lms/cache.py).
    CACHES["default"]["BACKEND"] = "lms.cache.ResilientRedisCache"
# With a shared cache, a request reads its session from the cache instead of the database (writes go
# to both, so a cache flush logs nobody out). A per-process memory cache cannot be shared, so the
# embedded default keeps plain database sessions.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if "CACHE_URL" in env else "django.contrib.sessions.backends.db"
)

AUTH_USER_MODEL = "lms.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id first (new and upgraded hashes); PBKDF2 still verifies older ones; one-time passwords
# from a roster sheet have their own cheaper hash, only ever used for a first login. See lms/hashers.py.
PASSWORD_HASHERS = [
    "lms.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "lms.hashers.OneTimePasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# --- Languages ----------------------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Page slugs in plain ASCII: a French title "Leçon" gives "lecon", not "le%C3%A7on" in every link a
# trainee shares by SMS or types on a phone.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our date formats per language (lms/formats/<lang>/formats.py): English day-month ("6 December 2026",
# "06/12/2026"); what they leave out falls back to Django's.
FORMAT_MODULE_PATH = ["lms.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Conakry"
LANGUAGE_COOKIE_NAME = "lang"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

# --- Static and media files ----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Files only some people may see (certificate PDFs, H5P packages): a root outside MEDIA_ROOT that no web
# server location publishes. Views hand them over as PRIVATE_MEDIA_DELIVERY says: "django" streams them,
# "x-accel-redirect" lets nginx send them (docs/operations.md). Default root: beside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(MEDIA_ROOT.parent / "private-media")))
PRIVATE_MEDIA_DELIVERY = env.str("PRIVATE_MEDIA_DELIVERY", default="django")
PRIVATE_MEDIA_ACCEL_PREFIX = env.str("PRIVATE_MEDIA_ACCEL_PREFIX", default="/private-media/")
# Object storage instead of the disk when S3_PUBLIC_BUCKET is set (lms/object_storage.py, operations.md).
_S3_NAMES = ("ENDPOINT_URL", "REGION", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY", "PUBLIC_BUCKET", "PRIVATE_BUCKET")
S3 = {name: env.str(f"S3_{name}", default="") for name in _S3_NAMES}
_STORE = "lms.object_storage" if S3["PUBLIC_BUCKET"] else "lms.storage"
# Front-end packages come from npm (`npm ci`), never committed; only built files templates name are published.
NPM_STATIC_DIRS = {"h5p-standalone": BASE_DIR / "node_modules" / "h5p-standalone" / "dist"}
STATICFILES_DIRS = [(name, path) for name, path in NPM_STATIC_DIRS.items() if path.is_dir()]

STORAGES = {
    # The local disk or an S3-compatible bucket, written all or nothing (lms.storage, lms.object_storage).
    "default": {"BACKEND": env.str("DJANGO_STORAGE_BACKEND", default="") or f"{_STORE}.MediaStorage"},
    # Private files (PRIVATE_MEDIA_ROOT above, or the private bucket), all or nothing; never given a URL.
    "private": {"BACKEND": env.str("DJANGO_PRIVATE_STORAGE_BACKEND", default="") or f"{_STORE}.PrivateMediaStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "DJANGO_STATICFILES_BACKEND",
            # Fingerprinted names and pre-compressed copies (gzip) made at collectstatic, served by
            # WhiteNoise and cached for a year; plain names where collectstatic has not run (tests).
            default="lms.storage.StaticStorage",
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- E-mail -------------------------------------------------------------------------------------

EMAIL_BACKEND = env.str("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="formation@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Text messages (lms/sms.py): the console backend writes them out; a gateway is one class away.
SMS_BACKEND = env.str("SMS_BACKEND", default="lms.sms.ConsoleBackend")

# --- Security -----------------------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("DJANGO_BEHIND_PROXY", default=False) else None
)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
# The load balancer probes each node over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail marks its preview views SAMEORIGIN itself; everything else refuses to be framed.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Cookies: Secure in production (with the HTTPS redirect), SameSite=Lax everywhere. The CSRF cookie
# stays readable by scripts: the H5P player and the autosave send it back in a header.
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SECURE_SSL_REDIRECT
LANGUAGE_COOKIE_HTTPONLY = True
# No page uses the camera, the microphone, location or payments; checking in is by a scanned link.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# A shared phone in a training room: sessions end with the browser unless "remember me" is ticked.
SESSION_COOKIE_AGE = 14 * 24 * 3600
# And they end after a time without any request (lms.middleware.SessionIdleTimeoutMiddleware): sooner
# for staff, whose pages show other people's data. Offline tests sync with a token of their own, so
# an expired session loses no answer.
SESSION_IDLE_SECONDS = env.int("DJANGO_SESSION_IDLE_SECONDS", default=3 * 24 * 3600)
SESSION_STAFF_IDLE_SECONDS = env.int("DJANGO_SESSION_STAFF_IDLE_SECONDS", default=2 * 3600)
SILENCED_SYSTEM_CHECKS = env.list("DJANGO_SILENCED_SYSTEM_CHECKS", default=[])

# --- Accounts (django-allauth) ------------------------------------------------------------------

LOGIN_URL = "account_login"
ACCOUNT_ADAPTER = "lms.adapters.AccountAdapter"
# Many trainees have no e-mail address: a username is enough; an e-mail, when given, also logs in.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_FORMS = {"signup": "lms.forms.AccountSignupForm"}
# Sign-up, login and password reset never say whether an email address has an account: for this
# programme that would confirm that a person took part (lms.forms.AccountSignupForm).
ACCOUNT_PREVENT_ENUMERATION = True
# A room of 60 trainees shares one IP address (the venue's router or a phone's hotspot), so the
# per-IP limits are generous; guessing one account's password is what the per-account limit stops:
# the sixth wrong password for an account within five minutes is refused.
ACCOUNT_RATE_LIMITS = {
    "login": env.str("ACCOUNT_RATE_LIMIT_LOGIN", default="120/m/ip"),
    "login_failed": env.str("ACCOUNT_RATE_LIMIT_LOGIN_FAILED", default="60/m/ip,5/5m/key"),
    "signup": env.str("ACCOUNT_RATE_LIMIT_SIGNUP", default="90/m/ip"),
}
# The reverse proxies in front of the site (addresses or networks, e.g. 127.0.0.1 for nginx on the
# same machine). Only from them is X-Forwarded-For / X-Real-IP believed: every rate limit (login,
# sign-up, certificate verification, webinar registration, join codes, PINs) counts the client's
# address from lms.ratelimit.client_ip. Empty: no proxy, the peer's own address counts.
TRUSTED_PROXIES = env.list("DJANGO_TRUSTED_PROXIES", default=[])
# allauth asks lms.adapters.AccountAdapter.get_client_ip, which reads TRUSTED_PROXIES; its own
# header parsing stays off so that it can never believe a header on its own.
ALLAUTH_TRUSTED_PROXY_COUNT = 0
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = None
# The version of the consent text shown at sign-up; recorded with each consent.
CONSENT_VERSION = env.str("CONSENT_VERSION", default="2026-12")

# Staff (lms.roles.is_staff_account) must enrol an authenticator app before any other page; the
# code is asked at each login. Passkeys (WebAuthn) are left out: they need the fido2 package and a
# phone that holds passkeys, which the programme's staff do not all have.
MFA_ADAPTER = "lms.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# The name a staff member's authenticator app shows on their phone: the programme, not its subject.
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Sécurité humaine")
MFA_TOTP_TOLERANCE = 1

# --- Wagtail ------------------------------------------------------------------------------------

# The admin's title bar and tab titles: discreet like the site's ("TdP" spelt out the subject, issue 19).
WAGTAIL_SITE_NAME = "Programme de sécurité humaine"
# The site's public address, from one setting: links in emails, the Wagtail admin's links, and the address
# printed on certificates and in their QR codes. `make run` passes the address it serves (LMS_SERVED_AT,
# e.g. `make run PORT=8766`); PUBLIC_BASE_URL, in the environment or .env, wins.
PUBLIC_BASE_URL = (
    env.str("PUBLIC_BASE_URL", default="") or env.str("LMS_SERVED_AT", default="") or "http://127.0.0.1:8000"
)
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=PUBLIC_BASE_URL)
# Staff log in through the same, rate-limited form as everyone else: the admin, the front end's
# private pages (lms.urls sends Wagtail's own login there too). Shared passwords for pages and
# documents are off: they would be a way in with no account, no rate limit and no second factor.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents include lesson media: audio clips in national languages, videos and their captions.
WAGTAILDOCS_EXTENSIONS = [
    *("csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "mp4", "webm", "vtt"),
    *("mp3", "ogg", "oga", "opus", "m4a", "wav"),  # the formats courses.audio accepts for a clip
]
WAGTAILIMAGES_WEBP_QUALITY = 60
# Documents through Wagtail's view, which checks their collection's privacy (not a redirect to the object).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Wagtail's own background work (search index and reference index updates) goes through Django's
# task framework. The immediate backend runs it in the request, which needs no worker and loses
# nothing; our own asynchronous work goes through Celery below.
TASKS = {
    "default": {"BACKEND": env.str("WAGTAIL_TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}
}

# --- Celery -------------------------------------------------------------------------------------

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
# Without a broker every task runs at once, in the process that sent it: the embedded default.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# With Redis, a message a worker took but never acknowledged (the worker was killed) goes back to the
# queue after this many seconds. Longer than any task's run plus its longest retry countdown (300 s),
# or a task waiting for its retry would be delivered twice (harmless: every task is idempotent).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600)}
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The queue tasks are sent to and a worker reads by default. The test suite run in several processes
# (pytest-xdist) gives each its own, so that one process's worker never runs another's tasks.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_BEAT_SCHEDULE: dict = {
    "finish-expired-attempts": {"task": "assessments.finish_expired_attempts", "schedule": 60.0},
    # Re-queues every enrolment that earns a certificate it does not have: a lost message or a
    # broker outage delays a certificate by at most this long.
    "certificates-sweep": {
        "task": "certificates.sweep",
        # Two minutes: a certificate due during a broker outage is issued within five minutes of its
        # return (the sweep's period, plus the worker's reconnection and the issuing).
        "schedule": env.float("CERTIFICATE_SWEEP_SECONDS", default=120.0),
    },
}

# --- Certificates (lms/settings_certificates.py) -------------------------------------------------

from lms import settings_certificates as _certificates  # noqa: E402

CERTIFICATE_SIGNING_KEY = _certificates.CERTIFICATE_SIGNING_KEY
CERTIFICATE_SIGNING_KEY_FILE = _certificates.CERTIFICATE_SIGNING_KEY_FILE
CERTIFICATE_RETIRED_KEYS = _certificates.CERTIFICATE_RETIRED_KEYS
CERTIFICATE_PDF_SIGNING_CERT = _certificates.CERTIFICATE_PDF_SIGNING_CERT
CERTIFICATE_PDF_SIGNING_KEY = _certificates.CERTIFICATE_PDF_SIGNING_KEY
CERTIFICATE_FONT_DIR = _certificates.CERTIFICATE_FONT_DIR
CERTIFICATE_ISSUER_NAME = _certificates.CERTIFICATE_ISSUER_NAME
CERTIFICATE_ORPHAN_PDF_SECONDS = _certificates.CERTIFICATE_ORPHAN_PDF_SECONDS
CERTIFICATE_VERIFY_RATE = _certificates.CERTIFICATE_VERIFY_RATE

# Public address printed on certificates and held by their QR codes: the site's own unless set.
CERTIFICATE_BASE_URL = _certificates.CERTIFICATE_BASE_URL or WAGTAILADMIN_BASE_URL
# Join codes typed per client address in 10 minutes (a room of trainees shares one address; one
# account may type 10, training.views.join.JOIN_CODE_ATTEMPTS_PER_ACCOUNT).
JOIN_CODE_RATE = env.int("JOIN_CODE_RATE", default=120)
# Wrong shared-phone PINs per client address (across participants) in 15 minutes before every PIN
# from that address is refused for the rest of the 15 minutes (assessments.offline._pin_check).
OFFLINE_PIN_FAILURES_PER_IP = env.int("OFFLINE_PIN_FAILURES_PER_IP", default=30)

# --- Logging ------------------------------------------------------------------------------------

# Every line names the request it belongs to (or the request that started the task); each request
# leaves one JSON line on `lms.request` (route, method, status, time; no address, no person) unless
# REQUEST_LOG is off. docs/operations.md, "Logs".
REQUEST_LOG = env.bool("REQUEST_LOG", default=not DEBUG)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "lms.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s [request %(request_id)s] %(message)s"},
        "json": {"()": "lms.request_id.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "plain"},
        "requests": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
    "loggers": {"lms.request": {"handlers": ["requests"], "level": "INFO", "propagate": False}},
}
# /metrics/ answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it is off (lms/metrics.py).
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")

# --- Data protection: retention (privacy.services.apply_retention, daily from Celery beat) ---------

# Each value is a number of days; 0 keeps that data for ever. See docs/data-protection.md.
# Trainee accounts not used for this long are erased (anonymised; statistics are kept). 3 years.
RETENTION_INACTIVE_ACCOUNT_DAYS = env.int("RETENTION_INACTIVE_ACCOUNT_DAYS", default=3 * 365)
# Logs of staff access to personal data and to evaluation reports. 2 years.
RETENTION_ACCESS_LOG_DAYS = env.int("RETENTION_ACCESS_LOG_DAYS", default=2 * 365)
# Offline test downloads (device tokens) this long after they stopped being valid.
RETENTION_OFFLINE_DEVICE_DAYS = env.int("RETENTION_OFFLINE_DEVICE_DAYS", default=30)
# The Django admin's change history. 2 years.
RETENTION_ADMIN_LOG_DAYS = env.int("RETENTION_ADMIN_LOG_DAYS", default=2 * 365)
# Follow-up tests (training/followup.py): days after the post-test when a module's follow-up test
# opens for a trainee who takes it through no session (a session sets its own), and how often the
# reminders that it has opened are sent (each once).
FOLLOWUP_DEFAULT_DAYS = env.int("FOLLOWUP_DEFAULT_DAYS", default=90)
CELERY_BEAT_SCHEDULE["training-followup-reminders"] = {
    "task": "training.send_followup_reminders",
    "schedule": env.float("FOLLOWUP_REMINDER_SECONDS", default=3600.0),
}
CELERY_BEAT_SCHEDULE["privacy-apply-retention"] = {
    "task": "privacy.apply_retention",
    "schedule": env.float("RETENTION_RUN_SECONDS", default=24 * 3600.0),
}

# --- xAPI to a learning record store (xapi app, docs/interop.md) ---------------------------------
# The LRS itself is configured in the admin (disabled by default). While it is away, the outbox
# waits: first retry after XAPI_RETRY_BASE_SECONDS, doubling up to XAPI_RETRY_MAX_SECONDS.
XAPI_RETRY_BASE_SECONDS = env.float("XAPI_RETRY_BASE_SECONDS", default=30.0)
XAPI_RETRY_MAX_SECONDS = env.float("XAPI_RETRY_MAX_SECONDS", default=900.0)
CELERY_BEAT_SCHEDULE["xapi-forward"] = {"task": "xapi.forward", "schedule": 60.0}

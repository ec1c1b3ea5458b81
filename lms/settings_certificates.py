"""Settings of the certificates app, read from the environment (imported by lms.settings, which has
run `.env` into it already; every variable is documented in .env.example and docs/certificates.md)."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# The Ed25519 signing key: base64 of its 32 raw bytes, or a PEM. Empty: read from the key file,
# which `manage.py certificate_keys` creates for the embedded default (git-ignored).
CERTIFICATE_SIGNING_KEY = env.str("CERTIFICATE_SIGNING_KEY", default="")
CERTIFICATE_SIGNING_KEY_FILE = Path(
    env.str("CERTIFICATE_SIGNING_KEY_FILE", default=str(BASE_DIR / "var" / "certificate-signing.key"))
)
# Public parts (JWK x values, comma-separated) of keys retired by a rotation when the current key comes
# from CERTIFICATE_SIGNING_KEY: they keep verifying the certificates they signed (docs/certificates.md).
CERTIFICATE_RETIRED_KEYS = env.str("CERTIFICATE_RETIRED_KEYS", default="")
# DejaVu Sans (Debian's fonts-dejavu-core) covers the letters of Guinea's national languages.
# The X.509 certificate and key (PEM files) that sign certificate PDFs (PAdES), so PDF readers show
# them as signed; a self-signed pair is created at these paths when neither exists (docs/certificates.md).
CERTIFICATE_PDF_SIGNING_CERT = Path(
    env.str("CERTIFICATE_PDF_SIGNING_CERT", default=str(BASE_DIR / "var" / "certificate-pdf-signing.crt"))
)
CERTIFICATE_PDF_SIGNING_KEY = Path(
    env.str("CERTIFICATE_PDF_SIGNING_KEY", default=str(BASE_DIR / "var" / "certificate-pdf-signing.key"))
)
CERTIFICATE_FONT_DIR = Path(env.str("CERTIFICATE_FONT_DIR", default="/usr/share/fonts/truetype/dejavu/"))
# Public address printed on certificates and held by their QR codes.
CERTIFICATE_BASE_URL = env.str("CERTIFICATE_BASE_URL", default="")  # empty: WAGTAILADMIN_BASE_URL
# The issuer named on certificates: neutral, so a certificate does not reveal the programme's subject.
CERTIFICATE_ISSUER_NAME = env.str("CERTIFICATE_ISSUER_NAME", default="Programme de sécurité humaine – Guinée")
# A certificate PDF no certificate points at (its issuing was interrupted) is removed by the sweep
# once it is this many seconds old.
CERTIFICATE_ORPHAN_PDF_SECONDS = env.int("CERTIFICATE_ORPHAN_PDF_SECONDS", default=3600)
# Public verification: lookups per IP address and minute.
CERTIFICATE_VERIFY_RATE = env.int("CERTIFICATE_VERIFY_RATE", default=30)

"""Certificate pages: My certificates and downloads (the holder), and public verification.

The verification pages show only what the issue allows: status (revocation date, never the
reason), the module's public title, issue and expiry dates, the issuer, and the holder's initials,
with a check of the name typed from the paper. They are never indexed and are rate-limited per IP.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from certificates import access, badges, codes, open_badges, selectors, signing
from certificates.models import Certificate
from lms.access_log import staff_access_log
from lms.http import file_response
from lms.models import StaffAccess
from lms.private_files import private_file_response
from lms.text import fold

# A code that looks like nothing we issued still costs one lookup, so timing says nothing.
_NEVER_ISSUED = "0" * 14


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response


def initials(name: str) -> str:
    """ "Fatoumata Ɓinta Diallo" → "F. Ɓ. D." (the only trace of the holder shown publicly)."""
    return " ".join(f"{part[0].upper()}." for part in name.split() if part)


def _render(request, context: dict, status: int = 200) -> HttpResponse:
    context = {"issuer_name": settings.CERTIFICATE_ISSUER_NAME, **context}
    return _noindex(TemplateResponse(request, "certificates/verify.html", context, status=status))


def _too_many(request) -> HttpResponse:
    response = _render(request, {"limited": True}, status=429)
    response["Retry-After"] = "60"
    return response


@require_http_methods(["GET"])
def verify(request: HttpRequest) -> HttpResponse:
    """The entry page: type a code."""
    typed = request.GET.get("code", "").strip()
    if not typed:
        return _render(request, {})
    code = codes.read(typed)
    if code is None:
        if not access.verification_allowed(request):
            return _too_many(request)
        selectors.certificate_by_code(code=_NEVER_ISSUED)
        return _render(request, {"unknown": True, "typed": typed})
    return redirect("verification:code", code=code)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    """One certificate's status, and (POST) whether a typed name matches the holder's.

    The name check needs no CSRF token: it only reads (nothing is saved, nobody is signed in, the
    answer goes to whoever asked) and is rate-limited per IP like the page itself. With a token it
    always failed in a browser: the page's `Referrer-Policy: no-referrer`, which keeps the code in
    the address from leaking to other sites, makes Chromium send `Origin: null`, which Django's CSRF
    check refuses. Loosening the policy to `same-origin` would have fixed it too, but the page would
    then need a cookie, and a verifier's browser should keep nothing from it.
    """
    if not access.verification_allowed(request):
        return _too_many(request)
    normalised = codes.read(code)
    certificate = selectors.certificate_by_code(code=normalised or _NEVER_ISSUED)
    if certificate is None:
        return _render(request, {"unknown": True, "typed": code})
    if normalised != code:
        return redirect("verification:code", code=normalised)
    name_check = None
    if request.method == "POST":
        typed = request.POST.get("name", "")
        name_check = bool(typed.strip()) and fold(typed) == fold(certificate.holder_name)
    context = {
        "certificate": certificate,
        "status": certificate.public_status,
        "initials": initials(certificate.holder_name),
        "issuer": settings.CERTIFICATE_ISSUER_NAME,
        "name_check": name_check,
    }
    return _render(request, context)


@require_GET
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "certificates/mine.html", {"certificates": selectors.certificates_of(user=request.user)}
    )


def _own(request: HttpRequest, code: str) -> Certificate:
    """The holder's own certificate; anyone else's is "not found" (not even "forbidden")."""
    certificate = (
        Certificate.objects.select_related("enrolment").filter(code=code, enrolment__user=request.user).first()
    )
    if certificate is None:
        raise Http404
    return certificate


@require_GET
@login_required
def download(request: HttpRequest, code: str) -> HttpResponse:
    """The frozen PDF, byte for byte as issued; none for a revoked or erased certificate (its PDF
    is deleted). Never kept by a cache: a shared phone's browser must not keep a copy."""
    certificate = _own(request, code)
    if not certificate.pdf:
        raise Http404
    response = private_file_response(
        name=certificate.pdf.name, content_type="application/pdf", filename=f"{code}.pdf", attachment=True
    )
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def badge(request: HttpRequest, code: str) -> HttpResponse:
    """The Open Badges 3.0 credential as a VC-JWT (`?format=json` for the unsigned JSON). Only for a
    valid certificate: a revoked or replaced one is not handed out freshly signed (its earlier badges
    fail their status check)."""
    from certificates.services import badge_facts

    certificate = _own(request, code)
    if certificate.status != Certificate.Status.VALID:
        raise Http404
    credential = badges.credential(badge_facts(certificate))
    if request.GET.get("format") == "json":
        response = HttpResponse(json.dumps(credential, ensure_ascii=False, indent=2), content_type="application/json")
    else:
        key = signing.private_key()
        token = badges.sign_jwt(credential, key=key, key_url=open_badges.key_url(key.public_key()))
        response = HttpResponse(token, content_type="application/vc+jwt")
    response["Content-Disposition"] = f'attachment; filename="{code}.{"json" if "format" in request.GET else "jwt"}"'
    return response


def _public_json(data: dict, *, content_type: str = "application/json", max_age: int = 3600) -> HttpResponse:
    """A document any verifier may fetch, from any origin; never indexed."""
    response = _noindex(HttpResponse(json.dumps(data, ensure_ascii=False), content_type=content_type))
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def public_keys(request: HttpRequest) -> JsonResponse:
    """/.well-known/certificate-keys.json: every Ed25519 public key, current first, then the retired
    ones (they still verify what they signed), as a JWK set."""
    response = JsonResponse({"keys": [signing.jwk(key) for key in signing.public_keys()]})
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def public_key(request: HttpRequest, kid: str) -> HttpResponse:
    """One public key as a JWK: what a badge's `kid` names (current or retired key)."""
    key = signing.key_by_id(kid)
    if key is None:
        raise Http404
    return _public_json(signing.jwk(key), content_type="application/jwk+json")


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "json" in accept and "text/html" not in accept


@require_GET
def issuer(request: HttpRequest) -> HttpResponse:
    """The issuer of the badges: its OB 3.0 Profile for a verifier (Accept: JSON), else a page as
    neutral as the verification page (the issuer's name, nothing about the programme's subject)."""
    profile = badges.profile(issuer_url=open_badges.issuer_url(), issuer_name=settings.CERTIFICATE_ISSUER_NAME)
    if _wants_json(request):
        response = _public_json(profile, content_type="application/ld+json")
    else:
        response = _noindex(
            TemplateResponse(request, "certificates/issuer.html", {"issuer_name": settings.CERTIFICATE_ISSUER_NAME})
        )
    response["Vary"] = "Accept"
    return response


@require_GET
def achievement(request: HttpRequest, course_id: int, kind: str) -> HttpResponse:
    """The Achievement a badge names: as in the latest certificate issued for it (its public title,
    whatever that certificate's status: a revoked badge's achievement still resolves)."""
    from certificates.services import badge_facts

    certificate = (
        Certificate.objects.select_related("enrolment")
        .filter(enrolment__course_id=course_id, kind=kind)
        .order_by("-issued_at")
        .first()
    )
    if certificate is None:
        raise Http404
    data = {"@context": badges.CONTEXT, **badges.achievement(badge_facts(certificate, with_status=False))}
    return _public_json(data, content_type="application/ld+json")


@require_GET
def status_list(request: HttpRequest) -> HttpResponse:
    """The revocation status list (W3C Bitstring Status List), signed, as of now."""
    response = _noindex(HttpResponse(open_badges.status_list_token(), content_type="application/vc+jwt"))
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def robots(request: HttpRequest) -> HttpResponse:
    return HttpResponse("User-agent: *\nDisallow: /v/\nDisallow: /verify/\n", content_type="text/plain")


@require_GET
@login_required
def session_zip(request: HttpRequest, code: str) -> HttpResponse:
    """Every current certificate of a session, as stored, in one zip for the trainer to hand out."""
    from certificates import sessions
    from training.models import TrainingSession
    from training.selectors import session_for

    try:
        session = session_for(user=request.user, code=code)
    except TrainingSession.DoesNotExist as missing:
        raise Http404 from missing
    staff_access_log(user=request.user, what=StaffAccess.What.CERTIFICATES_ZIP, subject=session.code)
    data, count = sessions.session_certificates_zip(session=session)
    if not count:
        # An empty zip would download as a file of a few bytes that opens on nothing: say so instead.
        messages.info(request, _("Nobody in this session has a certificate yet: there is nothing to download."))
        return redirect("training:session", code=session.code)
    return file_response(data, content_type="application/zip", filename=f"{session.code}-certificates.zip")

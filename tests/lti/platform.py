"""An independent LTI 1.3 platform for the tests: PyPI's `lti1p3platform` (its OIDC login, launch
messages, deep-linking validation, access tokens and grade service), served by a real HTTP server on
this machine for what our tool calls (its key set, its token endpoint, its line item's scores).

The test plays the browser: it follows our OIDC redirect, has the platform build and sign the
id_token, and posts it to our launch URL. Nothing here is our code: the platform checks what we sign
(deep-linking answers, client assertions) against the key set our tool publishes.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request
from lti1p3platform.score import UpdateScoreStatus
from lti1p3platform.service_connector import AssignmentsGradesService

CLIENT_ID = "outil-lms"
DEPLOYMENT_ID = "deploiement-1"
REGISTRATION_TOKEN = "jeton-d-inscription"
TOOL = "http://testserver"


def private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def public_key_pem(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


class PlatformRequest(Request):
    def build_metadata(self, request):
        return {
            "method": request.get("method", "GET"),
            "form_data": request.get("form_data", {}),
            "get_data": request.get("get_data", {}),
            "headers": request.get("headers", {}),
            "content_type": request.get("content_type"),
            "path": request.get("path", "/"),
            "json": request.get("json"),
        }


class PlatformConf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, **kwargs):
        private = kwargs["private_key"]
        self._registration = (
            Registration()
            .set_iss(kwargs["issuer"])
            .set_client_id(CLIENT_ID)
            .set_deployment_id(DEPLOYMENT_ID)
            .set_oidc_login_url(f"{TOOL}/lti/login/")
            .set_launch_url(f"{TOOL}/lti/launch/")
            .set_deeplink_launch_url(f"{TOOL}/lti/launch/")
            .set_platform_private_key(private)
            .set_platform_public_key(public_key_pem(private))
        )

    def get_registration_by_params(self, **kwargs):
        return self._registration


class OIDCLogin(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs):
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url):
        return url


class MessageLaunch(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data, **kwargs):
        return launch_data


class Gradebook(AssignmentsGradesService):
    """The platform's grade service: the scores it accepted, by line item."""

    def __init__(self, request, platform_config, lineitems_url, received):
        super().__init__(request, platform_config, lineitems_url)
        self.received = received

    def update_score(self, line_item_id, score):
        self.received.setdefault(line_item_id, []).append(score)
        return UpdateScoreStatus.SUCCESS

    def find_lineitems(self, page=1, limit=None):
        return {"content": [], "has_next": False, "next": None}

    def get_results(self, line_item_id, page=1, limit=None, user_id=None):
        return {"content": [], "has_next": False, "next": None}

    # Line items are the platform's own (the teacher's placement made them): not managed by the tool.
    def find_lineitem(self, line_item_id):
        raise NotImplementedError

    create_lineitem = update_lineitem = delete_lineitem = find_lineitem


class Platform:
    """The partner's platform, at http://127.0.0.1:<port>: key set, token endpoint, gradebook."""

    def __init__(self):
        self.private_key = private_key_pem()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.conf = PlatformConf(issuer=self.url, private_key=self.private_key)
        self.conf.get_registration()
        self.scores: dict[str, list] = {}
        self.score_requests = 0
        self.fail_scores = 0  # how many score requests to answer 503 before accepting
        self.registered_tools: list[dict] = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @property
    def registration(self) -> Registration:
        return self.conf.get_registration()

    def lineitem_url(self, name: str = "1") -> str:
        return f"{self.url}/lineitems/{name}/lineitem"

    def trust_tool_keys(self, jwks: dict) -> None:
        """What the platform fetched from the tool's public keyset URL."""
        self.registration.set_tool_key_set(jwks)

    def _handler(self):
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, body=None):
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/jwks":
                    return self._answer(200, platform.conf.get_jwks())
                if self.path == "/.well-known/openid-configuration":
                    if self.headers.get("Authorization") != f"Bearer {REGISTRATION_TOKEN}":
                        return self._answer(401)
                    return self._answer(200, platform.openid_configuration())
                return self._answer(404)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if self.path == "/register":
                    if self.headers.get("Authorization") != f"Bearer {REGISTRATION_TOKEN}":
                        return self._answer(401)
                    return self._answer(*platform.register_tool(json.loads(body)))
                if self.path == "/token":
                    try:
                        return self._answer(200, platform.conf.get_access_token(dict(parse_qsl(body))))
                    except Exception as error:  # the platform refuses the client assertion
                        return self._answer(400, {"error": "invalid_client", "detail": str(error)})
                if self.path.endswith("/lineitem/scores"):
                    platform.score_requests += 1
                    if platform.fail_scores > 0:
                        platform.fail_scores -= 1
                        return self._answer(503, {"error": "maintenance"})
                    line_item = self.path.split("/")[2]
                    request = PlatformRequest(
                        {"method": "POST", "headers": dict(self.headers), "json": json.loads(body), "path": self.path}
                    )
                    service = Gradebook(request, platform.conf, f"{platform.url}/lineitems", platform.scores)
                    response = service.handle_resp(service.handle_update_score, line_item_id=line_item)
                    return self._answer(response.code, {"message": response.message})
                return self._answer(404)

        return Handler

    # --- LTI Dynamic Registration 1.0 (the platform side, which lti1p3platform does not have) ---

    def openid_configuration(self) -> dict:
        """The platform's configuration, with the fields the spec requires (section 3.4)."""
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/auth",
            "token_endpoint": f"{self.url}/token",
            "jwks_uri": f"{self.url}/jwks",
            "registration_endpoint": f"{self.url}/register",
            "scopes_supported": ["openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "claims_supported": ["sub", "iss", "name", "email"],
            "https://purl.imsglobal.org/spec/lti-platform-configuration": {
                "product_family_code": "moodle",
                "version": "4.5",
                "messages_supported": [{"type": "LtiResourceLinkRequest"}, {"type": "LtiDeepLinkingRequest"}],
            },
        }

    def register_tool(self, request: dict) -> tuple[int, dict]:
        """The client registration request checked as the spec says a platform must (section 3.5)."""
        tool = request.get("https://purl.imsglobal.org/spec/lti-tool-configuration") or {}
        problems = [
            name
            for name, ok in [
                ("application_type", request.get("application_type") == "web"),
                ("grant_types", {"implicit", "client_credentials"} <= set(request.get("grant_types", []))),
                ("response_types", request.get("response_types") == ["id_token"]),
                ("token_endpoint_auth_method", request.get("token_endpoint_auth_method") == "private_key_jwt"),
                ("redirect_uris", bool(request.get("redirect_uris"))),
                ("initiate_login_uri", str(request.get("initiate_login_uri", "")).startswith("http")),
                ("jwks_uri", str(request.get("jwks_uri", "")).startswith("http")),
                ("domain", bool(tool.get("domain"))),
                ("target_link_uri", tool.get("target_link_uri") in request.get("redirect_uris", [])),
            ]
            if not ok
        ]
        if problems:
            return 400, {"error": "invalid_client_metadata", "fields": problems}
        self.registered_tools.append(request)
        return 200, {
            **request,
            "client_id": CLIENT_ID,
            "https://purl.imsglobal.org/spec/lti-tool-configuration": {**tool, "deployment_id": DEPLOYMENT_ID},
        }

    # --- launches -----------------------------------------------------------------------------

    def login_url(self, hint: str) -> str:
        """Step 1: the platform sends the browser to the tool's OIDC login initiation URL."""
        login = OIDCLogin(None, self.conf)
        login.set_lti_message_hint(hint=hint)
        return login.prepare_preflight_url("learner-1")

    def launch(
        self,
        auth_request_url: str,
        *,
        sub: str = "etudiant-42",
        custom=None,
        ags=None,
        deep_link=None,
        expiration: int = 300,
    ) -> dict:
        """Step 2: the tool redirected the browser to our authorisation URL; the platform answers with
        a signed id_token (the dict the auto-submitted form would post: id_token, state, launch_url)."""
        query = dict(parse_qsl(urlsplit(auth_request_url).query))
        message = MessageLaunch(PlatformRequest({"get_data": query}), self.conf)
        message.set_user_data(
            sub,
            ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            full_name="Aïssatou Camara",
            email_address="aissatou@example.org",
        )
        message.set_resource_link_claim("placement-7", title="Comprendre la traite")
        message.set_launch_context_claim("cours-3", context_title="Formation IOM")
        message.set_id_token_expiration(expiration)
        if custom:
            message.set_custom_parameters_claim(custom)
        if ags:
            message.set_ags(lineitems_url=f"{self.url}/lineitems", lineitem_url=ags, allow_creating_lineitems=False)
        if deep_link:
            message.set_dl(deep_link, title="Choisir", accept_types={"ltiResourceLink"})
        return message.lti_launch()


# --- the browser between the platform and our tool -------------------------------------------


def start(visitor, platform, **launch) -> dict:
    """The browser goes to our login initiation URL, follows our redirect to the platform, which signs."""
    response = visitor.get(platform.login_url(hint="placement-7"))
    assert response.status_code == 302, response.content[:500]
    auth_request = response["Location"]
    assert auth_request.startswith(f"{platform.url}/auth?")
    params = dict(parse_qsl(urlsplit(auth_request).query))
    assert params["response_type"] == "id_token" and params["client_id"] == CLIENT_ID and params["nonce"]
    return platform.launch(auth_request, **launch)


def post_launch(visitor, form: dict):
    return visitor.post(urlsplit(form["launch_url"]).path, {"id_token": form["id_token"], "state": form["state"]})

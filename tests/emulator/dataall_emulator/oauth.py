"""Sign-in like a Cognito user pool's Hosted UI and OIDC: authorization code with PKCE (S256),
refresh tokens, userInfo, and the API authorizer's checks on the access token."""

import base64
import hashlib
import hmac
import html
import json
import secrets
import threading
import time
import urllib.parse
import uuid

CLIENT_ID = "sluiceemulatorclient000001"
CODE_SECONDS = 300
SCOPES = ["openid", "email", "profile", "phone", "aws.cognito.signin.user.admin"]


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jwt_encode(claims, key):
    head = b64url(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "emulator"},
                             separators=(",", ":")).encode())
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    sig = hmac.new(key, ("%s.%s" % (head, body)).encode(), hashlib.sha256).digest()
    return "%s.%s.%s" % (head, body, b64url(sig))


def jwt_decode(token, key):
    """Claims of a token signed with `key`, or None."""
    try:
        head, body, sig = token.split(".")
        if json.loads(b64url_decode(head)).get("alg") != "HS256":
            return None
        want = hmac.new(key, ("%s.%s" % (head, body)).encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(want, b64url_decode(sig)):
            return None
        claims = json.loads(b64url_decode(body))
        return claims if isinstance(claims, dict) else None
    except (ValueError, TypeError, UnicodeError):
        return None


class OAuth:
    def __init__(self, store, issuer, token_ttl=3600, auto_approve=None, redirect_uri=None):
        self.store = store
        self.issuer = issuer
        self.token_ttl = token_ttl
        self.auto_approve = auto_approve
        self.redirect_uri = redirect_uri
        self.key = secrets.token_bytes(32)
        self.lock = threading.Lock()
        self.codes = {}
        self.refresh_tokens = {}
        self.issued = set()
        self.revoked = set()
        self.handed_out = {"access_tokens": [], "id_tokens": [], "refresh_tokens": [],
                           "codes": []}

    def discovery(self):
        base = self.issuer
        return {
            "issuer": base,
            "authorization_endpoint": base + "/oauth2/authorize",
            "token_endpoint": base + "/oauth2/token",
            "userinfo_endpoint": base + "/oauth2/userInfo",
            "revocation_endpoint": base + "/oauth2/revoke",
            "end_session_endpoint": base + "/logout",
            "jwks_uri": base + "/.well-known/jwks.json",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": SCOPES,
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["HS256"],
            "token_endpoint_auth_methods_supported": ["none"],
            "claims_supported": ["sub", "email", "email_verified", "cognito:groups", "iss",
                                 "aud", "exp", "iat", "auth_time"],
        }

    def redirect_allowed(self, uri):
        if self.redirect_uri is not None:
            return uri == self.redirect_uri
        try:
            u = urllib.parse.urlsplit(uri)
            return (u.scheme == "http" and u.hostname in ("localhost", "127.0.0.1")
                    and u.port is not None and u.path.startswith("/") and not u.fragment)
        except ValueError:
            return False

    # -- /oauth2/authorize --------------------------------------------------------------------
    def authorize(self, params, method):
        """(status, headers, body) for the authorize endpoint, GET (page) or POST (decision)."""
        p = {k: v[-1] for k, v in params.items()}
        if p.get("client_id") != CLIENT_ID:
            return self._page(400, "Error: invalid_client", "The client_id is not known.")
        redirect = p.get("redirect_uri", "")
        if not self.redirect_allowed(redirect):
            return self._page(400, "Error: redirect_mismatch",
                              "The redirect_uri is not allowed for this client.")
        state = p.get("state")
        if p.get("response_type") != "code":
            return self._redirect(redirect, {"error": "unsupported_response_type",
                                             "state": state})
        if not p.get("code_challenge") or p.get("code_challenge_method") != "S256":
            return self._redirect(redirect, {
                "error": "invalid_request",
                "error_description": "PKCE with code_challenge_method S256 is required",
                "state": state})
        requested = (p.get("scope") or " ".join(SCOPES)).split()
        if any(s not in SCOPES for s in requested):
            return self._redirect(redirect, {"error": "invalid_scope", "state": state})
        email = None
        if method == "POST":
            if p.get("decision") != "approve":
                return self._redirect(redirect, {"error": "access_denied", "state": state})
            email = p.get("email")
        elif self.auto_approve:
            email = self.auto_approve
        if email is None:
            return self._login_page(p)
        with self.store.lock:
            user = self.store.user(email)
        if user is None:
            return self._login_page(p, "Unknown user %s" % email)
        code = str(uuid.uuid4())
        with self.lock:
            self.codes[code] = {"email": email, "redirect_uri": redirect,
                                "challenge": p["code_challenge"], "scope": requested,
                                "nonce": p.get("nonce"), "expires": time.time() + CODE_SECONDS}
            self.handed_out["codes"].append(code)
        return self._redirect(redirect, {"code": code, "state": state})

    def _redirect(self, uri, params):
        query = urllib.parse.urlencode([(k, v) for k, v in params.items() if v is not None])
        sep = "&" if urllib.parse.urlsplit(uri).query else "?"
        return 302, {"Location": uri + sep + query}, b""

    def _page(self, status, title, text):
        body = ("<!doctype html><html><head><title>%s</title></head><body><h1>%s</h1><p>%s</p>"
                "</body></html>" % (html.escape(title), html.escape(title), html.escape(text)))
        return status, {"Content-Type": "text/html; charset=utf-8"}, body.encode()

    def _login_page(self, params, error=None):
        with self.store.lock:
            users = self.store.users()
        hidden = "".join('<input type="hidden" name="%s" value="%s">'
                         % (html.escape(k), html.escape(v)) for k, v in params.items()
                         if k not in ("email", "decision"))
        options = "".join(
            '<p><label><input type="radio" name="email" value="%s"%s> %s &lt;%s&gt; (%s)</label></p>'
            % (html.escape(u["email"]), " checked" if i == 0 else "", html.escape(u["name"]),
               html.escape(u["email"]), html.escape(", ".join(u["groups"])))
            for i, u in enumerate(users))
        body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign in</title></head>"
                "<body><h1>Sign in to the data.all emulator</h1>%s"
                "<form method=\"post\" action=\"/oauth2/authorize\">%s%s"
                "<button type=\"submit\" name=\"decision\" value=\"approve\">Sign in</button> "
                "<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button>"
                "</form></body></html>"
                % ("<p><strong>%s</strong></p>" % html.escape(error) if error else "",
                   hidden, options))
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()

    # -- /oauth2/token ------------------------------------------------------------------------
    def token(self, form):
        """(status, JSON object) for a token request."""
        f = {k: v[-1] for k, v in form.items()}
        if f.get("client_id") != CLIENT_ID:
            return 400, {"error": "invalid_client"}
        grant = f.get("grant_type")
        if grant == "authorization_code":
            with self.lock:
                grant_data = self.codes.pop(f.get("code", ""), None)
            if grant_data is None or grant_data["expires"] < time.time():
                return 400, {"error": "invalid_grant"}
            if f.get("redirect_uri") != grant_data["redirect_uri"]:
                return 400, {"error": "invalid_grant",
                             "error_description": "redirect_uri does not match"}
            verifier = f.get("code_verifier", "")
            if not 43 <= len(verifier) <= 128 or not hmac.compare_digest(
                    b64url(hashlib.sha256(verifier.encode()).digest()), grant_data["challenge"]):
                return 400, {"error": "invalid_grant",
                             "error_description": "code_verifier does not match"}
            refresh = b64url(secrets.token_bytes(48))
            session = {"email": grant_data["email"], "scope": grant_data["scope"],
                       "auth_time": int(time.time()), "nonce": grant_data["nonce"]}
            with self.lock:
                self.refresh_tokens[refresh] = session
                self.handed_out["refresh_tokens"].append(refresh)
            out = self._tokens(session)
            out["refresh_token"] = refresh
            return 200, out
        if grant == "refresh_token":
            with self.lock:
                session = self.refresh_tokens.get(f.get("refresh_token", ""))
            if session is None:
                return 400, {"error": "invalid_grant"}
            return 200, self._tokens(session)
        return 400, {"error": "unsupported_grant_type"}

    def _tokens(self, session):
        with self.store.lock:
            user = self.store.user(session["email"])
        now = int(time.time())
        jti = str(uuid.uuid4())
        common = {"sub": user["sub"], "cognito:groups": user["groups"], "iss": self.issuer,
                  "auth_time": session["auth_time"], "iat": now, "exp": now + self.token_ttl,
                  "email": user["email"]}
        access = dict(common, client_id=CLIENT_ID, token_use="access",
                      scope=" ".join(session["scope"]), jti=jti, username=user["email"],
                      version=2, origin_jti=jti)
        ident = dict(common, aud=CLIENT_ID, token_use="id", email_verified=True,
                     name=user["name"], jti=str(uuid.uuid4()),
                     **{"cognito:username": user["email"]})
        if session.get("nonce"):
            ident["nonce"] = session["nonce"]
        out = {"access_token": jwt_encode(access, self.key),
               "id_token": jwt_encode(ident, self.key), "token_type": "Bearer",
               "expires_in": self.token_ttl}
        with self.lock:
            self.issued.add(jti)
            self.handed_out["access_tokens"].append(out["access_token"])
            self.handed_out["id_tokens"].append(out["id_token"])
        return out

    # -- checks on an access token -----------------------------------------------------------
    def access_claims(self, header):
        """Claims of a valid access token given as the exact header `Bearer <jwt>`, else None."""
        if not header or not header.startswith("Bearer "):
            return None
        claims = jwt_decode(header[7:], self.key)
        if claims is None:
            return None
        if any(c not in claims for c in ("iat", "exp", "iss", "sub", "jti")):
            return None
        if claims["iss"] != self.issuer or claims.get("client_id", CLIENT_ID) != CLIENT_ID:
            return None
        if claims.get("token_use") != "access" or "openid" not in str(claims.get("scope")).split():
            return None
        if not isinstance(claims["exp"], (int, float)) or claims["exp"] <= time.time():
            return None
        with self.lock:
            if claims["jti"] in self.revoked:
                return None
        return claims

    def api_user(self, header):
        claims = self.access_claims(header)
        if claims is None or not isinstance(claims.get("email"), str):
            return None
        groups = claims.get("cognito:groups") or []
        return {"email": claims["email"], "groups": [g for g in groups if isinstance(g, str)],
                "claims": claims}

    def userinfo(self, header):
        claims = self.access_claims(header)
        if claims is None:
            return 401, {"error": "invalid_token",
                         "error_description": "Access token is missing, expired or revoked"}
        with self.store.lock:
            user = self.store.user(claims.get("email"))
        if user is None:
            return 401, {"error": "invalid_token"}
        return 200, {"sub": user["sub"], "email": user["email"], "email_verified": "true",
                     "name": user["name"], "username": user["email"]}

    def revoke(self, form):
        """/oauth2/revoke: forget a refresh token (Cognito answers 200 even if unknown)."""
        f = {k: v[-1] for k, v in form.items()}
        if f.get("client_id") != CLIENT_ID:
            return 400, {"error": "invalid_client"}
        with self.lock:
            self.refresh_tokens.pop(f.get("token", ""), None)
        return 200, {}

    def logout(self, params):
        """/logout?client_id=..&logout_uri=..: back to the app, as the Hosted UI does."""
        p = {k: v[-1] for k, v in params.items()}
        target = p.get("logout_uri") or p.get("redirect_uri") or ""
        if p.get("client_id") != CLIENT_ID or not self.redirect_allowed(target):
            return self._page(400, "Error: invalid_request", "Unknown client or logout_uri.")
        return 302, {"Location": target}, b""

    def issued_secrets(self):
        """Copies of every token and authorization code handed out so far."""
        with self.lock:
            return {k: list(v) for k, v in self.handed_out.items()}

    def expire_all(self):
        """Revoke every access token issued so far (refresh tokens keep working)."""
        with self.lock:
            self.revoked |= self.issued
            self.issued = set()

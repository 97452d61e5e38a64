#!/usr/bin/python3
"""Sign-in: OIDC discovery, the authorization code flow with PKCE S256, refresh, userInfo,
redirect URI rules, token lifetime and the access token's claims."""

import base64
import json
import secrets
import time
import unittest
import urllib.parse

from emutest import ANALYST, ENGINEER, LIST, REDIRECT, Emulator, EmulatorTestCase


def claims(jwt):
    body = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


class Flow(EmulatorTestCase):
    def code_for(self, email, verifier, redirect=REDIRECT):
        return self.emu.approve(email, verifier, redirect)["code"]

    def exchange(self, code, verifier, redirect=REDIRECT, **kw):
        form = dict(grant_type="authorization_code", code=code,
                    client_id=self.emu.info["client_id"], redirect_uri=redirect,
                    code_verifier=verifier)
        form.update(kw)
        return self.emu.token_request(**form)

    def test_discovery(self):
        info = self.emu.info
        self.assertEqual(info["graphql"], info["url"] + "/graphql/api")
        self.assertTrue(info["url"].startswith("http://127.0.0.1:"))
        r = self.emu.request("GET", "/.well-known/openid-configuration")
        self.assertEqual(r.status, 200)
        d = r.json()
        self.assertEqual(d["issuer"], info["oauth"])
        self.assertEqual(d["authorization_endpoint"], info["oauth"] + "/oauth2/authorize")
        self.assertEqual(d["token_endpoint"], info["oauth"] + "/oauth2/token")
        self.assertEqual(d["userinfo_endpoint"], info["oauth"] + "/oauth2/userInfo")
        self.assertEqual(d["code_challenge_methods_supported"], ["S256"])

    def test_login_page_then_pkce_flow(self):
        verifier = secrets.token_urlsafe(64)
        params = self.emu.authorize_params(verifier)
        r = self.emu.request("GET", "/oauth2/authorize?" + urllib.parse.urlencode(params))
        self.assertEqual(r.status, 200)
        page = r.body.decode()
        for email in self.emu.info["users"]:
            self.assertIn(email, page)
        self.assertIn('method="post"', page)
        q = self.emu.approve(ENGINEER, verifier)
        self.assertEqual(q["state"], "st4te")
        before = int(time.time())
        r = self.exchange(q["code"], verifier)
        self.assertEqual(r.status, 200, r.body)
        tok = r.json()
        self.assertEqual((tok["token_type"], tok["expires_in"]), ("Bearer", 3600))
        for key in ("access_token", "id_token", "refresh_token"):
            self.assertTrue(tok[key])
        c = claims(tok["access_token"])
        self.assertEqual(json.loads(base64.urlsafe_b64decode(
            tok["access_token"].split(".")[0] + "=="))["alg"], "HS256")
        self.assertEqual((c["iss"], c["email"], c["client_id"], c["token_use"]),
                         (self.emu.info["oauth"], ENGINEER, self.emu.info["client_id"], "access"))
        self.assertEqual(c["cognito:groups"], ["DataEngineers", "Scientists"])
        self.assertEqual(c["scope"].split(), ["openid", "email", "profile"])
        self.assertEqual(c["exp"] - c["iat"], 3600)
        self.assertLessEqual(abs(c["iat"] - before), 2)
        self.assertLessEqual(c["auth_time"], c["iat"])
        self.assertTrue(c["jti"] and c["sub"])
        ident = claims(tok["id_token"])
        self.assertEqual((ident["aud"], ident["token_use"], ident["email"]),
                         (self.emu.info["client_id"], "id", ENGINEER))
        # the token works on the API and on userInfo
        auth = {"Authorization": "Bearer " + tok["access_token"]}
        r = self.emu.request("POST", "/graphql/api", {"operationName": "ListDataPipelines",
                                                      "query": LIST, "variables": {}}, auth)
        self.assertEqual(r.status, 200)
        r = self.emu.request("GET", "/oauth2/userInfo", headers=auth)
        self.assertEqual((r.status, r.json()["email"]), (200, ENGINEER))
        r = self.emu.request("GET", "/oauth2/userInfo")
        self.assertEqual(r.status, 401)
        # the code is single use
        r = self.exchange(q["code"], verifier)
        self.assertEqual((r.status, r.json()["error"]), (400, "invalid_grant"))
        # refresh: a new access token, same sign-in time, no new refresh token
        r = self.emu.token_request(grant_type="refresh_token", refresh_token=tok["refresh_token"],
                                   client_id=self.emu.info["client_id"])
        self.assertEqual(r.status, 200, r.body)
        new = r.json()
        self.assertNotIn("refresh_token", new)
        c2 = claims(new["access_token"])
        self.assertNotEqual(c2["jti"], c["jti"])
        self.assertEqual(c2["auth_time"], c["auth_time"])
        r = self.emu.token_request(grant_type="refresh_token", refresh_token="nope",
                                   client_id=self.emu.info["client_id"])
        self.assertEqual((r.status, r.json()["error"]), (400, "invalid_grant"))
        # sign-out: revoke the refresh token, then the Hosted UI's /logout
        r = self.emu.request("POST", "/oauth2/revoke", urllib.parse.urlencode(
            {"token": tok["refresh_token"], "client_id": self.emu.info["client_id"]}),
            {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 200)
        r = self.emu.token_request(grant_type="refresh_token", refresh_token=tok["refresh_token"],
                                   client_id=self.emu.info["client_id"])
        self.assertEqual(r.status, 400)
        r = self.emu.request("GET", "/logout?" + urllib.parse.urlencode(
            {"client_id": self.emu.info["client_id"], "logout_uri": REDIRECT}))
        self.assertEqual((r.status, r.headers.get("Location")), (302, REDIRECT))

    def test_wrong_verifier_refused(self):
        verifier = secrets.token_urlsafe(48)
        code = self.code_for(ENGINEER, verifier)
        r = self.exchange(code, secrets.token_urlsafe(48))
        self.assertEqual((r.status, r.json()["error"]), (400, "invalid_grant"))
        r = self.exchange(code, verifier)  # spent by the failed attempt
        self.assertEqual(r.status, 400)
        code = self.code_for(ENGINEER, verifier)
        r = self.exchange(code, "")
        self.assertEqual(r.status, 400)

    def test_wrong_redirect_refused(self):
        verifier = secrets.token_urlsafe(48)
        code = self.code_for(ENGINEER, verifier)
        r = self.exchange(code, verifier, redirect="http://localhost:8765/other")
        self.assertEqual((r.status, r.json()["error"]), (400, "invalid_grant"))
        for bad in ("https://evil.example/callback", "http://localhost/callback",
                    "http://example.com:8765/callback", "javascript:alert(1)", ""):
            p = self.emu.authorize_params(verifier, redirect=bad)
            r = self.emu.request("GET", "/oauth2/authorize?" + urllib.parse.urlencode(p))
            self.assertEqual(r.status, 400, bad)
            self.assertNotIn("Location", r.headers)
        # both loopback spellings with a port are fine without --redirect-uri
        for good in ("http://127.0.0.1:9/cb", "http://localhost:65000/callback"):
            self.assertIn("code", self.emu.approve(ENGINEER, verifier, good))

    def test_other_refusals(self):
        verifier = secrets.token_urlsafe(48)
        p = self.emu.authorize_params(verifier, client_id="other")
        r = self.emu.request("GET", "/oauth2/authorize?" + urllib.parse.urlencode(p))
        self.assertEqual(r.status, 400)
        for extra, error in (({"code_challenge_method": "plain"}, "invalid_request"),
                             ({"response_type": "token"}, "unsupported_response_type"),
                             ({"scope": "openid admin"}, "invalid_scope")):
            p = self.emu.authorize_params(verifier, **extra)
            r = self.emu.request("GET", "/oauth2/authorize?" + urllib.parse.urlencode(p))
            self.assertEqual(r.status, 302)
            q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(r.headers["Location"]).query))
            self.assertEqual((q["error"], q["state"]), (error, "st4te"))
        p = self.emu.authorize_params(verifier)
        p["decision"] = "deny"
        r = self.emu.request("POST", "/oauth2/authorize", urllib.parse.urlencode(p),
                             {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertIn("error=access_denied", r.headers["Location"])
        r = self.emu.token_request(grant_type="password", client_id=self.emu.info["client_id"])
        self.assertEqual(r.json()["error"], "unsupported_grant_type")
        r = self.emu.token_request(grant_type="authorization_code", client_id="x")
        self.assertEqual(r.json()["error"], "invalid_client")
        # a token without the openid scope is refused by the API, as Cognito's userInfo does
        p = self.emu.authorize_params(verifier, scope="email")
        p.update(email=ENGINEER, decision="approve")
        r = self.emu.request("POST", "/oauth2/authorize", urllib.parse.urlencode(p),
                             {"Content-Type": "application/x-www-form-urlencoded"})
        code = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(
            r.headers["Location"]).query))["code"]
        tok = self.exchange(code, verifier).json()["access_token"]
        r = self.emu.request("POST", "/graphql/api", {"operationName": "ListDataPipelines",
                                                      "query": LIST, "variables": {}},
                             {"Authorization": "Bearer " + tok})
        self.assertEqual(r.status, 403)


class AutoApproveAndExactRedirect(EmulatorTestCase):
    emulator_args = ("--auto-approve", ANALYST, "--redirect-uri", REDIRECT, "--token-ttl", "1")

    def test_auto_approve_exact_redirect_and_ttl(self):
        verifier = secrets.token_urlsafe(48)
        p = self.emu.authorize_params(verifier)
        r = self.emu.request("GET", "/oauth2/authorize?" + urllib.parse.urlencode(p))
        self.assertEqual(r.status, 302)
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(r.headers["Location"]).query))
        self.assertEqual(q["state"], "st4te")
        r = self.emu.token_request(grant_type="authorization_code", code=q["code"],
                                   client_id=self.emu.info["client_id"], redirect_uri=REDIRECT,
                                   code_verifier=verifier)
        tok = r.json()
        self.assertEqual(claims(tok["access_token"])["email"], ANALYST)
        self.assertEqual(tok["expires_in"], 1)
        p = self.emu.authorize_params(verifier, redirect="http://localhost:8766/callback")
        r = self.emu.request("GET", "/oauth2/authorize?" + urllib.parse.urlencode(p))
        self.assertEqual(r.status, 400)
        body = {"operationName": "ListDataPipelines", "query": LIST, "variables": {}}
        auth = {"Authorization": "Bearer " + tok["access_token"]}
        self.assertEqual(self.emu.request("POST", "/graphql/api", body, auth).status, 200)
        time.sleep(2.1)
        r = self.emu.request("POST", "/graphql/api", body, auth)
        self.assertEqual(r.status, 403)
        self.assertEqual(self.emu.request("GET", "/oauth2/userInfo", headers=auth).status, 401)
        r = self.emu.token_request(grant_type="refresh_token", refresh_token=tok["refresh_token"],
                                   client_id=self.emu.info["client_id"])
        auth = {"Authorization": "Bearer " + r.json()["access_token"]}
        self.assertEqual(self.emu.request("POST", "/graphql/api", body, auth).status, 200)


class Startup(unittest.TestCase):
    def test_first_line_and_sigterm(self):
        t = time.monotonic()
        emu = Emulator("--seed", "empty")
        started = time.monotonic() - t
        self.assertEqual(sorted(emu.info), ["client_id", "codecommit", "codepipeline", "graphql",
                                            "oauth", "url", "users"])
        self.assertNotEqual(emu.info["codepipeline"], emu.info["url"])  # a port of its own
        self.assertEqual(emu.info["users"], ["admin@example.com", "engineer@example.com",
                                             "analyst@example.com"])
        self.assertLess(started, 5)
        self.assertEqual(emu.stop(), 0)

    def test_unknown_auto_approve_user_fails(self):
        with self.assertRaises(RuntimeError):
            Emulator("--auto-approve", "nobody@example.com")


if __name__ == "__main__":
    unittest.main()

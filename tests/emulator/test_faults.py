#!/usr/bin/python3
"""Faults on request through POST /_emulator/faults: each kind, count, match and skip."""

import http.client
import json
import time
import unittest

from emutest import CREATE_ENV, ENGINEER, LIST, EmulatorTestCase


class Faults(EmulatorTestCase):
    def setUp(self):
        self.emu.control("DELETE", "faults")
        self.emu.sign_in(ENGINEER)

    def fault(self, **spec):
        return self.emu.control("POST", "faults", spec)

    def call(self):
        return self.emu.gql(ENGINEER, LIST, {"filter": {"pageSize": 1}}, check=False)

    def test_slow(self):
        self.fault(kind="slow", delay_ms=400, match="ListDataPipelines")
        t = time.monotonic()
        r = self.call()
        self.assertGreaterEqual(time.monotonic() - t, 0.4)
        self.assertEqual(r.status, 200)
        t = time.monotonic()
        self.assertEqual(self.call().status, 200)
        self.assertLess(time.monotonic() - t, 0.4)

    def test_http500_count(self):
        self.fault(kind="http500", count=2)
        self.assertEqual(self.emu.control("GET", "state")["faults"][0]["count"], 2)
        self.assertEqual([self.call().status for _ in range(3)], [500, 500, 200])
        self.assertEqual(self.emu.control("GET", "state")["faults"], [])

    def test_malformed(self):
        self.fault(kind="malformed", match="ListDataPipelines")
        r = self.call()
        self.assertEqual(r.status, 200)
        with self.assertRaises(ValueError):
            r.json()
        self.assertEqual(self.call().json()["data"]["listDataPipelines"]["page"], 1)

    def test_drop(self):
        self.fault(kind="drop")
        with self.assertRaises((http.client.RemoteDisconnected, ConnectionError)):
            self.call()
        self.assertEqual(self.call().status, 200)

    def test_reauth(self):
        self.fault(kind="reauth", match="ListDataPipelines")
        r = self.call()
        self.assertEqual(r.status, 401)
        self.assertEqual(r.json(), {
            "data": {"ListDataPipelines": None},
            "errors": [{"message": "ReAuth Required To Perform This Action ListDataPipelines",
                        "locations": None, "path": ["ListDataPipelines"],
                        "extensions": {"code": "REAUTH"}}]})
        self.assertEqual(self.call().status, 200)

    def test_expire_tokens(self):
        old = self.emu.tokens[ENGINEER]
        self.fault(kind="expire-tokens")
        self.assertEqual(self.call().status, 403)
        self.assertEqual(self.call().status, 403)  # the token stays invalid
        r = self.emu.token_request(grant_type="refresh_token", refresh_token=old["refresh_token"],
                                   client_id=self.emu.info["client_id"])
        self.assertEqual(r.status, 200)
        self.emu.tokens[ENGINEER] = dict(old, access_token=r.json()["access_token"])
        self.assertEqual(self.call().status, 200)

    def test_error(self):
        self.fault(kind="error", match="ListDataPipelines", message="\n  An error occurred "
                   "(UnauthorizedOperation) when calling X operation:\n  No.\n")
        r = self.call()
        self.assertEqual(r.status, 200)
        out = r.json()
        self.assertEqual(out["data"], {"ListDataPipelines": None})
        self.assertEqual(out["errors"][0]["message"],
                         "\n  An error occurred (UnauthorizedOperation) when calling X operation:\n  No.\n")
        self.assertEqual(out["errors"][0]["path"], ["ListDataPipelines"])
        self.assertEqual(self.call().json()["data"]["listDataPipelines"]["page"], 1)
        self.fault(kind="error")
        self.assertIn("(UnauthorizedOperation)", self.call().json()["errors"][0]["message"])

    def test_forbidden(self):
        self.fault(kind="forbidden", match="ListDataPipelines", count=2)
        for _ in range(2):
            r = self.call()
            self.assertEqual(r.status, 403)
            self.assertEqual(r.json(), {"Message": "User is not authorized to access this "
                                                   "resource with an explicit deny"})
            self.assertEqual(r.headers.get("x-amzn-ErrorType"), "AccessDeniedException")
            self.assertTrue(r.headers.get("x-amzn-RequestId"))
        self.assertEqual(self.call().status, 200)  # the token itself was never refused

    def test_throttle(self):
        self.fault(kind="throttle", match="ListDataPipelines")
        r = self.call()
        self.assertEqual(r.status, 429)
        self.assertEqual(r.json(), {"message": "Too Many Requests"})
        self.assertEqual(r.headers.get("x-amzn-ErrorType"), "TooManyRequestsException")
        self.assertTrue(r.headers.get("x-amzn-RequestId"))
        self.assertTrue(r.headers.get("x-amz-apigw-id"))
        self.assertIsNone(r.headers.get("Retry-After"))
        self.assertEqual(self.call().status, 200)

    def test_request_counts(self):
        before = self.emu.control("GET", "state")["requests"]
        self.fault(kind="http500", match="ListDataPipelines")
        self.call()
        self.call()
        self.emu.request("GET", "/.well-known/openid-configuration")
        after = self.emu.control("GET", "state")["requests"]
        self.assertEqual(after.get("ListDataPipelines", 0) - before.get("ListDataPipelines", 0), 2)
        self.assertEqual(after.get("/.well-known/openid-configuration", 0)
                         - before.get("/.well-known/openid-configuration", 0), 1)
        self.assertNotIn("/_emulator/state", after)  # test hooks are not counted

    def test_secrets_lists_what_was_handed_out(self):
        tokens = self.emu.tokens[ENGINEER]
        out = self.emu.control("GET", "secrets")
        self.assertIn(tokens["access_token"], out["access_tokens"])
        self.assertIn(tokens["id_token"], out["id_tokens"])
        self.assertIn(tokens["refresh_token"], out["refresh_tokens"])
        self.assertTrue(out["codes"])
        pipes = self.emu.data(ENGINEER, LIST, {"filter": {"pageSize": 1}})
        uri = pipes["listDataPipelines"]["nodes"][0]["DataPipelineUri"]
        creds = json.loads(self.emu.data(ENGINEER, """query GetDataPipelineCredsLinux(
            $DataPipelineUri: String!) { getDataPipelineCredsLinux(
            DataPipelineUri: $DataPipelineUri) }""", {"DataPipelineUri": uri})[
            "getDataPipelineCredsLinux"])
        keys = self.emu.control("GET", "secrets")["aws_keys"]
        self.assertIn({"AccessKeyId": creds["AWS_ACCESS_KEY_ID"],
                       "SecretAccessKey": creds["AWS_SECRET_ACCESS_KEY"],
                       "SessionToken": creds["AWS_SESSION_TOKEN"]}, keys)

    def test_fail_exactly_the_second_matching_request(self):
        env = self.emu.data(ENGINEER, """query ListValidEnvironments($filter: EnvironmentFilter) {
            listValidEnvironments(filter: $filter) { nodes { environmentUri label } } }""", {})
        envs = {e["label"]: e["environmentUri"] for e in env["listValidEnvironments"]["nodes"]}
        p = self.emu.data(ENGINEER, """mutation CreateDataPipeline($input: NewDataPipelineInput!) {
            createDataPipeline(input: $input) { DataPipelineUri } }""", {"input": {
            "label": "faulty", "environmentUri": envs["CICD"], "SamlGroupName": "DataEngineers",
            "devStrategy": "trunk"}})["createDataPipeline"]
        self.fault(kind="http500", match="createDataPipelineEnvironment", skip=1, count=1)
        statuses = []
        for order, (stage, label) in enumerate((("dev", "DEV"), ("test", "TEST"),
                                                ("prod", "PROD")), 1):
            self.assertEqual(self.call().status, 200)  # other operations are not touched
            statuses.append(self.emu.gql(ENGINEER, CREATE_ENV, {"input": {
                "stage": stage, "order": order, "pipelineUri": p["DataPipelineUri"],
                "environmentLabel": label, "environmentUri": envs[label],
                "samlGroupName": "DataEngineers"}}).status)
        self.assertEqual(statuses, [200, 500, 200])

    def test_match_path_prefix(self):
        self.fault(kind="http500", match="/oauth2/")
        r = self.emu.request("GET", "/oauth2/userInfo")
        self.assertEqual(r.status, 500)
        self.assertEqual(self.call().status, 200)
        self.assertEqual(self.emu.request("GET", "/.well-known/openid-configuration").status, 200)

    def test_bad_specs(self):
        for spec in ({"kind": "explode"}, {"kind": "slow", "count": 0}, {"kind": "drop",
                                                                          "match": 5}, [1], {},
                     {"kind": "error", "message": ""}, {"kind": "error", "message": 5}):
            r = self.emu.request("POST", "/_emulator/faults", spec)
            self.assertEqual(r.status, 400, spec)
        r = self.emu.request("POST", "/_emulator/faults", "not json")
        self.assertEqual(r.status, 400)


if __name__ == "__main__":
    unittest.main()

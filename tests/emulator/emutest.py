"""Helpers shared by the emulator tests: spawn, raw HTTP, the PKCE sign-in and GraphQL calls."""

import base64
import hashlib
import http.client
import json
import os
import secrets
import sys
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.dont_write_bytecode = True

from emulator_spawn import start_emulator, stop_emulator  # noqa: E402

from graphql import parse, validate  # noqa: E402

sys.path.insert(0, HERE)
from dataall_emulator.api import load_schema_document  # noqa: E402
from graphql import build_ast_schema  # noqa: E402

UA = "sluice-tests/1.0"
REDIRECT = "http://localhost:8765/callback"
_schemas = {}


def schema_for(legacy=False):
    if legacy not in _schemas:
        _schemas[legacy] = build_ast_schema(load_schema_document(legacy=legacy))
    return _schemas[legacy]


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body)


class Emulator:
    """One running emulator; `validate_legacy` selects the schema queries are checked against."""

    def __init__(self, *args):
        self.args = args
        self.proc, self.info = start_emulator(*args)
        u = urllib.parse.urlsplit(self.info["url"])
        self.host, self.port = u.hostname, u.port
        self.legacy = "--legacy-fields" in args
        self.tokens = {}

    def stop(self):
        return stop_emulator(self.proc)

    def request(self, method, path, body=None, headers=None, timeout=30, conn=None):
        """One request; on a fresh connection unless `conn` (kept open) is given."""
        own = conn is None
        if own:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            if isinstance(body, (dict, list)):
                body = json.dumps(body)
            if isinstance(body, str):
                body = body.encode()
            hdrs = {"User-Agent": UA}
            hdrs.update(headers or {})
            for k in [k for k, v in hdrs.items() if v is None]:
                del hdrs[k]
            conn.request(method, path, body=body, headers=hdrs)
            r = conn.getresponse()
            return Response(r.status, dict(r.getheaders()), r.read())
        finally:
            if own:
                conn.close()

    # -- sign-in as a user does: authorize page, pick a user, code + PKCE verifier ------------
    def authorize_params(self, verifier, redirect=REDIRECT, state="st4te", **extra):
        challenge = base64.urlsafe_b64encode(
            hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        p = {"response_type": "code", "client_id": self.info["client_id"],
             "redirect_uri": redirect, "state": state, "code_challenge": challenge,
             "code_challenge_method": "S256", "scope": "openid email profile"}
        p.update(extra)
        return p

    def approve(self, email, verifier, redirect=REDIRECT):
        """POST the login form; returns the redirect's query parameters."""
        p = self.authorize_params(verifier, redirect)
        p.update(email=email, decision="approve")
        r = self.request("POST", "/oauth2/authorize", urllib.parse.urlencode(p),
                         {"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 302, (r.status, r.body)
        loc = urllib.parse.urlsplit(r.headers["Location"])
        assert loc.geturl().startswith(redirect), loc
        return dict(urllib.parse.parse_qsl(loc.query))

    def token_request(self, **form):
        return self.request("POST", "/oauth2/token", urllib.parse.urlencode(form),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def sign_in(self, email):
        if email not in self.tokens:
            verifier = secrets.token_urlsafe(48)
            q = self.approve(email, verifier)
            r = self.token_request(grant_type="authorization_code", code=q["code"],
                                   client_id=self.info["client_id"], redirect_uri=REDIRECT,
                                   code_verifier=verifier)
            assert r.status == 200, r.body
            self.tokens[email] = r.json()
        return self.tokens[email]["access_token"]

    # -- GraphQL ------------------------------------------------------------------------------
    def gql(self, email, query, variables=None, op=None, check=True, headers=None, conn=None):
        """POST a document as `email`; the document must be valid against the schema."""
        if op is None or check:
            doc = parse(query)
            op = op or doc.definitions[0].name.value
        if check:
            errs = validate(schema_for(self.legacy), doc)
            assert not errs, [str(e) for e in errs]
        hdrs = {"Content-Type": "application/json",
                "Authorization": "Bearer " + self.sign_in(email)}
        hdrs.update(headers or {})
        return self.request("POST", "/graphql/api", {"operationName": op, "query": query,
                                                     "variables": variables or {}}, hdrs,
                            conn=conn)

    def data(self, email, query, variables=None):
        """Data of a call that must succeed without errors."""
        r = self.gql(email, query, variables)
        assert r.status == 200, (r.status, r.body)
        out = r.json()
        assert "errors" not in out, out["errors"]
        return out["data"]

    def error(self, email, query, variables=None):
        """(message, path) of a call that must answer 200 with a resolver error."""
        r = self.gql(email, query, variables)
        assert r.status == 200, (r.status, r.body)
        out = r.json()
        assert out.get("errors"), out
        return out["errors"][0]["message"], out["errors"][0].get("path")

    def control(self, method, path, body=None):
        r = self.request(method, "/_emulator/" + path, body)
        assert r.status == 200, (r.status, r.body)
        return r.json()


class EmulatorTestCase(unittest.TestCase):
    """One emulator per test class, started with `emulator_args`."""
    emulator_args = ()

    @classmethod
    def setUpClass(cls):
        cls.emu = Emulator(*cls.emulator_args)

    @classmethod
    def tearDownClass(cls):
        code = cls.emu.stop()
        assert code == 0, "emulator exited with %s on SIGTERM" % code

    def assertCode(self, message, code):
        """data.all messages: trimmed, they contain the '(Code)' token."""
        self.assertIn("(%s)" % code, message.strip(), message)


ADMIN, ENGINEER, ANALYST = "admin@example.com", "engineer@example.com", "analyst@example.com"


# -- documents, as the Sluice client and data.all's frontend send them ------------------------
LIST = """query ListDataPipelines($filter: DataPipelineFilter) {
  listDataPipelines(filter: $filter) {
    count page pages hasNext hasPrevious
    nodes { DataPipelineUri label owner SamlGroupName devStrategy tags userRoleForPipeline
            environment { AwsAccountId region } stack { status } }
  }
}"""

GET = """query GetDataPipeline($DataPipelineUri: String!) {
  getDataPipeline(DataPipelineUri: $DataPipelineUri) {
    DataPipelineUri name label description tags owner repo SamlGroupName devStrategy template
    cloneUrlHttp userRoleForPipeline created updated
    organization { organizationUri label name }
    environment { environmentUri label AwsAccountId region SamlGroupName
                  parameters { key value } }
    developmentEnvironments { count nodes { envPipelineUri environmentUri environmentLabel
      pipelineUri pipelineLabel stage order region AwsAccountId samlGroupName } }
    stack { stackUri status stackid name outputs resources link EcsTaskArn canViewLogs }
  }
}"""

CREDS = """query GetDataPipelineCredsLinux($DataPipelineUri: String!) {
  getDataPipelineCredsLinux(DataPipelineUri: $DataPipelineUri)
}"""

CREATE = """mutation CreateDataPipeline($input: NewDataPipelineInput!) {
  createDataPipeline(input: $input) {
    DataPipelineUri label name repo owner description tags devStrategy template SamlGroupName
    cloneUrlHttp userRoleForPipeline stack { status stack name stackid }
  }
}"""

UPDATE = """mutation UpdateDataPipeline($DataPipelineUri: String!, $input: UpdateDataPipelineInput) {
  updateDataPipeline(DataPipelineUri: $DataPipelineUri, input: $input) {
    DataPipelineUri label name description tags stack { status }
  }
}"""

DELETE = """mutation deleteDataPipeline($DataPipelineUri: String!, $deleteFromAWS: Boolean) {
  deleteDataPipeline(DataPipelineUri: $DataPipelineUri, deleteFromAWS: $deleteFromAWS)
}"""

CREATE_ENV = """mutation createDataPipelineEnvironment($input: NewDataPipelineEnvironmentInput!) {
  createDataPipelineEnvironment(input: $input) {
    envPipelineUri environmentUri environmentLabel pipelineUri pipelineLabel stage order
    region AwsAccountId samlGroupName
  }
}"""

UPDATE_ENV = """mutation updateDataPipelineEnvironment($input: NewDataPipelineEnvironmentInput!) {
  updateDataPipelineEnvironment(input: $input) {
    envPipelineUri environmentUri stage order samlGroupName environmentLabel
  }
}"""

DELETE_ENV = """mutation deleteDataPipelineEnvironment($envPipelineUri: String!) {
  deleteDataPipelineEnvironment(envPipelineUri: $envPipelineUri)
}"""

VALID_ENVS = """query ListValidEnvironments($filter: EnvironmentFilter) {
  listValidEnvironments(filter: $filter) {
    count nodes { environmentUri label region organization { organizationUri label name } }
  }
}"""

ENV_GROUPS = """query listEnvironmentGroups($filter: GroupFilter, $environmentUri: String!) {
  listEnvironmentGroups(environmentUri: $environmentUri, filter: $filter) {
    count page pages hasNext hasPrevious
    nodes { groupUri invitedBy environmentIAMRoleArn environmentAthenaWorkGroup
            environmentPermissions(environmentUri: $environmentUri) { name }
            tenantPermissions { name } }
  }
}"""

GET_ENV = """query GetEnvironment($environmentUri: String!) {
  getEnvironment(environmentUri: $environmentUri) {
    environmentUri label AwsAccountId region SamlGroupName resourcePrefix userRoleInEnvironment
    EnvironmentDefaultIAMRoleArn parameters { key value }
    organization { organizationUri label name } stack { status }
  }
}"""

GET_STACK = """query getStack($environmentUri: String, $stackUri: String!, $targetUri: String!,
                         $targetType: String!) {
  getStack(environmentUri: $environmentUri, stackUri: $stackUri, targetUri: $targetUri,
           targetType: $targetType) {
    stackUri targetUri stack environmentUri name accountid region status stackid link
    outputs resources error events EcsTaskArn EcsTaskId canViewLogs
  }
}"""

STACK_LOGS = """query getStackLogs($targetUri: String!, $targetType: String!) {
  getStackLogs(targetUri: $targetUri, targetType: $targetType) {
    logStream logGroup timestamp message
  }
}"""

UPDATE_STACK = """mutation updateStack($targetUri: String!, $targetType: String!) {
  updateStack(targetUri: $targetUri, targetType: $targetType) { stackUri targetUri name status }
}"""

LIST_TAGS = """query listKeyValueTags($targetUri: String!, $targetType: String!) {
  listKeyValueTags(targetUri: $targetUri, targetType: $targetType) {
    tagUri targetUri targetType key value cascade
  }
}"""

UPDATE_TAGS = """mutation updateKeyValueTags($input: UpdateKeyValueTagsInput!) {
  updateKeyValueTags(input: $input) { tagUri targetUri targetType key value cascade }
}"""

GET_FEED = """query GetFeed($targetUri: String!, $targetType: String!, $filter: FeedMessageFilter) {
  getFeed(targetUri: $targetUri, targetType: $targetType) {
    feedTargetUri feedTargetType
    messages(filter: $filter) { count page pages nodes { feedMessageUri creator content created } }
  }
}"""

POST_FEED = """mutation PostFeedMessage($targetUri: String!, $targetType: String!,
                                $input: FeedMessageInput!) {
  postFeedMessage(targetUri: $targetUri, targetType: $targetType, input: $input) {
    feedMessageUri creator content created
  }
}"""

DATASETS = """query listS3DatasetsOwnedByEnvGroup($filter: DatasetFilter, $environmentUri: String!,
                                           $groupUri: String!) {
  listS3DatasetsOwnedByEnvGroup(environmentUri: $environmentUri, groupUri: $groupUri,
                                filter: $filter) {
    count page pages nodes { datasetUri label name SamlAdminGroupName
      environment { environmentUri label } restricted { AwsAccountId region S3BucketName } }
  }
}"""


def squash(message):
    """A data.all message with its triple-quote whitespace folded, for exact comparison."""
    return " ".join(message.split())

#!/usr/bin/python3
"""CodePipeline: every operation through botocore (the way a real AWS client signs and parses),
the layouts of the three strategies, executions on the emulated clock, approvals, `[fail]`, a
missing branch, pushes starting executions, faults, every error, and --generate-history."""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import uuid
import warnings

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

from emutest import (CREATE, CREATE_ENV, CREDS, DELETE_ENV, ENGINEER, HERE, VALID_ENVS,
                     EmulatorTestCase)

HELPER = os.path.join(HERE, "git-credential-emulator-test")
LONG_KEY = ("AKIAEMULATORCPLONG01", "long/term+secret")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class CodePipelineCase(EmulatorTestCase):
    emulator_args = ("--aws-key", "%s:%s" % LONG_KEY)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.envs = {e["label"]: e["environmentUri"] for e in cls.emu.data(
            ENGINEER, VALID_ENVS, {})["listValidEnvironments"]["nodes"]}
        cls.tmp = tempfile.mkdtemp(prefix="emu-cp-test-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()

    def setUp(self):
        self.emu.control("DELETE", "faults")
        warnings.simplefilter("ignore", ResourceWarning)  # botocore keeps its connections

    # -- helpers ------------------------------------------------------------------------------
    def creds(self, uri):
        return json.loads(self.emu.data(ENGINEER, CREDS, {"DataPipelineUri": uri})
                          ["getDataPipelineCredsLinux"])

    def client(self, creds=None, uri=None, region="eu-west-1", **override):
        """A botocore client as any AWS SDK user makes one, signing with the given keys."""
        if creds is None:
            creds = self.creds(uri)
        creds = dict(creds, **override)
        session = botocore.session.get_session()
        return session.create_client(
            "codepipeline", endpoint_url=self.emu.info["codepipeline"], region_name=region,
            aws_access_key_id=creds["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=creds["AWS_SECRET_ACCESS_KEY"],
            aws_session_token=creds.get("AWS_SESSION_TOKEN"),
            config=Config(retries={"total_max_attempts": 1}))

    def long_client(self, region="eu-west-1"):
        return self.client({"AWS_ACCESS_KEY_ID": LONG_KEY[0],
                            "AWS_SECRET_ACCESS_KEY": LONG_KEY[1]}, region=region)

    def advance(self, seconds):
        self.emu.control("POST", "clock", {"advance": seconds})
        self.emu.tokens.clear()  # sign in again: access tokens expire on the emulated clock

    def now(self):
        return self.emu.control("GET", "state")["now"]

    def make(self, label, strategy, stages, complete=True):
        """A new data.all pipeline with stages [(stage, env label)]; its stack completed."""
        p = self.emu.data(ENGINEER, CREATE, {"input": {
            "label": label, "environmentUri": self.envs["CICD"],
            "SamlGroupName": "DataEngineers", "devStrategy": strategy}})["createDataPipeline"]
        for order, (stage, env) in enumerate(stages, 1):
            self.emu.data(ENGINEER, CREATE_ENV, {"input": {
                "stage": stage, "order": order, "pipelineUri": p["DataPipelineUri"],
                "environmentLabel": env, "environmentUri": self.envs[env],
                "samlGroupName": "DataEngineers"}})
        if complete:
            self.advance(181)
        return p["DataPipelineUri"], p["name"]

    def stages(self, cp, name):
        return {s["stageName"]: s for s in cp.get_pipeline_state(name=name)["stageStates"]}

    def status(self, cp, name):
        return [(s["stageName"], s.get("latestExecution", {}).get("status"))
                for s in cp.get_pipeline_state(name=name)["stageStates"]]

    def assertAws(self, ctx, type_, status=400, message=None):
        err = ctx.exception.response
        self.assertEqual(err["Error"]["Code"], type_, err)
        self.assertEqual(err["ResponseMetadata"]["HTTPStatusCode"], status, err)
        self.assertTrue(UUID_RE.match(err["ResponseMetadata"]["RequestId"]), err)
        if message is not None:
            self.assertIn(message, err["Error"]["Message"])

    def git(self, *args, creds=None, cwd=None):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.tmp,
               "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
               "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com",
               "EMU_TIME": str(self.now())}
        if creds:
            env.update(EMU_AKID=creds["AWS_ACCESS_KEY_ID"],
                       EMU_SECRET=creds["AWS_SECRET_ACCESS_KEY"],
                       EMU_TOKEN=creds.get("AWS_SESSION_TOKEN") or "", EMU_REGION="eu-west-1")
        cmd = ["git", "-c", "credential.helper=", "-c", "credential.helper=" + HELPER,
               "-c", "credential.useHttpPath=true", "-c", "init.defaultBranch=main"] + list(args)
        r = subprocess.run(cmd, cwd=cwd or self.tmp, env=env, capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def push_commit(self, uri, repo, branch, message, base="main"):
        """Clone, commit on `branch` (made from `base` if new), push; the new commit id."""
        creds = self.creds(uri)
        work = tempfile.mkdtemp(dir=self.tmp)
        self.git("clone", "-q", "%s/v1/repos/%s" % (self.emu.info["codecommit"], repo), work,
                 creds=creds)
        heads = self.git("branch", "-r", cwd=work)
        if "origin/%s" % branch in heads:
            self.git("checkout", "-q", branch, cwd=work)
        else:
            self.git("checkout", "-q", "-b", branch, "origin/" + base, cwd=work)
        with open(os.path.join(work, "change-%s.txt" % uuid.uuid4().hex[:8]), "w") as f:
            f.write(message)
        self.git("add", "-A", cwd=work)
        self.git("commit", "-q", "-m", message, cwd=work)
        self.git("push", "-q", "origin", branch, creds=creds, cwd=work)
        return self.git("rev-parse", "HEAD", cwd=work).strip()


    def raw(self, op, body, sign=None, tamper=False, service="codepipeline", skew=0,
            authorization=None):
        """One request signed by botocore's SigV4Auth, sent as is: (status, parsed body)."""
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        import datetime
        import http.client
        import urllib.parse
        url = self.emu.info["codepipeline"] + "/"
        headers = {"X-Amz-Target": "CodePipeline_20150709." + op,
                   "Content-Type": "application/x-amz-json-1.1"}
        if sign:
            req = AWSRequest(method="POST", url=url, data=body.encode(), headers=headers)
            auth = SigV4Auth(Credentials(sign["AWS_ACCESS_KEY_ID"], sign["AWS_SECRET_ACCESS_KEY"],
                                         sign.get("AWS_SESSION_TOKEN")), service, "eu-west-1")
            if skew:
                stamp = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(
                    seconds=skew)
                req.context["timestamp"] = stamp.strftime("%Y%m%dT%H%M%SZ")
                auth._modify_request_before_signing(req)
                creq = auth.canonical_request(req)
                auth._inject_signature_to_request(
                    req, auth.signature(auth.string_to_sign(req, creq), req))
            else:
                auth.add_auth(req)
            headers = dict(req.headers.items())
        if tamper:
            body = body.replace("}", ' "maxResults": 1}')
        if authorization:
            headers["Authorization"] = authorization
        u = urllib.parse.urlsplit(url)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        try:
            conn.request("POST", "/", body=body.encode(), headers=headers)
            r = conn.getresponse()
            self.assertEqual(r.getheader("Content-Type"), "application/x-amz-json-1.1")
            self.assertTrue(r.getheader("x-amzn-RequestId"))
            return r.status, json.loads(r.read())
        finally:
            conn.close()


class Layouts(CodePipelineCase):
    def test_trunk(self):
        uri, name = self.make("lay-trunk", "trunk", [("dev", "DEV"), ("test", "TEST"),
                                                      ("prod", "PROD")])
        cp = self.client(uri=uri)
        p = cp.get_pipeline(name=name)
        stages = [(s["name"], [a["name"] for a in s["actions"]]) for s in p["pipeline"]["stages"]]
        self.assertEqual(stages, [
            ("Source", ["CodeCommit"]),
            ("Deploy-Stage-dev", ["deploy-dev"]), ("ManualApproval-dev", ["ManualApproval-dev"]),
            ("Deploy-Stage-test", ["deploy-test"]),
            ("ManualApproval-test", ["ManualApproval-test"]),
            ("Deploy-Stage-prod", ["deploy-prod"])])
        src = p["pipeline"]["stages"][0]["actions"][0]
        self.assertEqual(src["actionTypeId"], {"category": "Source", "owner": "AWS",
                                               "provider": "CodeCommit", "version": "1"})
        self.assertEqual(src["configuration"], {"RepositoryName": name, "BranchName": "main",
                                                "PollForSourceChanges": "true"})
        self.assertEqual(p["pipeline"]["stages"][2]["actions"][0]["actionTypeId"],
                         {"category": "Approval", "owner": "AWS", "provider": "Manual",
                          "version": "1"})
        self.assertEqual(p["pipeline"]["stages"][1]["actions"][0]["actionTypeId"]["provider"],
                         "CodeBuild")
        self.assertEqual(p["metadata"]["pipelineArn"],
                         "arn:aws:codepipeline:eu-west-1:111111111111:%s" % name)
        self.assertEqual(p["pipeline"]["version"], 1)
        # a stage added: the pipeline changes (version 2), a stage removed: again
        added = self.emu.data(ENGINEER, CREATE_ENV, {"input": {
            "stage": "val", "order": 4, "pipelineUri": uri, "environmentLabel": "TEST",
            "environmentUri": self.envs["TEST"], "samlGroupName": "DataEngineers"}})
        p = cp.get_pipeline(name=name)
        self.assertEqual(p["pipeline"]["version"], 2)
        self.assertEqual([s["name"] for s in p["pipeline"]["stages"]][-3:],
                         ["Deploy-Stage-prod", "ManualApproval-prod", "Deploy-Stage-val"])
        self.assertEqual(len(cp.get_pipeline(name=name, version=1)["pipeline"]["stages"]), 6)
        with self.assertRaises(ClientError) as ctx:
            cp.get_pipeline(name=name, version=9)
        self.assertAws(ctx, "PipelineVersionNotFoundException")
        # data.all's ddk.json commit on main started an execution of the new layout
        ex = cp.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"]
        self.assertEqual(ex[0]["sourceRevisions"][0]["revisionSummary"],
                         "Update ddk.json with the development environments")
        self.assertEqual(ex[0]["trigger"]["triggerType"], "PollForSourceChanges")
        self.assertEqual(ex[1]["status"], "Cancelled")  # the definition changed under it
        self.emu.data(ENGINEER, DELETE_ENV, {"envPipelineUri": added[
            "createDataPipelineEnvironment"]["envPipelineUri"]})
        self.assertEqual(cp.get_pipeline(name=name)["pipeline"]["version"], 3)
        self.assertEqual(len(cp.get_pipeline_state(name=name)["stageStates"]), 6)

    def test_gitflow(self):
        uri, name = self.make("lay-gitflow", "gitflow", [("dev", "DEV"), ("prod", "PROD")])
        cp = self.client(uri=uri)
        names = [p["name"] for p in cp.list_pipelines()["pipelines"]]
        self.assertIn(name + "-dev", names)
        self.assertIn(name + "-prod", names)
        self.assertNotIn(name, names)
        for stage, branch in (("dev", "dev"), ("prod", "main")):
            p = cp.get_pipeline(name="%s-%s" % (name, stage))["pipeline"]
            self.assertEqual([(s["name"], [a["name"] for a in s["actions"]]) for s in
                              p["stages"]], [("Source-%s" % stage, ["CodeCommit"]),
                                             ("Deploy-Stage-%s" % stage, ["deploy-" + stage])])
            self.assertEqual(p["stages"][0]["actions"][0]["configuration"]["BranchName"], branch)
        with self.assertRaises(ClientError) as ctx:
            cp.get_pipeline(name=name)
        self.assertAws(ctx, "PipelineNotFoundException")
        # a new stage brings a new pipeline
        self.emu.data(ENGINEER, CREATE_ENV, {"input": {
            "stage": "test", "order": 3, "pipelineUri": uri, "environmentLabel": "TEST",
            "environmentUri": self.envs["TEST"], "samlGroupName": "DataEngineers"}})
        p = cp.get_pipeline(name=name + "-test")["pipeline"]
        self.assertEqual(p["stages"][0]["name"], "Source-test")

    def test_cdk_trunk(self):
        uri, name = self.make("lay-cdk", "cdk-trunk", [("dev", "DEV"), ("prod", "PROD")])
        cp = self.client(uri=uri)
        p = cp.get_pipeline(name=name)["pipeline"]
        self.assertEqual([(s["name"], [a["name"] for a in s["actions"]]) for s in p["stages"]], [
            ("Source", [name]), ("Build", ["Synth"]), ("UpdatePipeline", ["SelfMutate"]),
            ("dataall-Dev", ["Prepare", "Deploy"]), ("dataall-Prod", ["Prepare", "Deploy"])])
        self.assertEqual([a["runOrder"] for a in p["stages"][3]["actions"]], [1, 2])
        self.assertEqual(p["stages"][0]["actions"][0]["configuration"]["PollForSourceChanges"],
                         "false")

    def test_not_before_the_stack_completes(self):
        uri, name = self.make("lay-early", "trunk", [("dev", "DEV")], complete=False)
        cp = self.client(uri=uri)
        self.assertNotIn(name, [p["name"] for p in cp.list_pipelines()["pipelines"]])
        with self.assertRaises(ClientError) as ctx:
            cp.get_pipeline_state(name=name)
        self.assertAws(ctx, "PipelineNotFoundException",
                       message="Account '111111111111' does not have a pipeline with name")
        self.advance(181)
        self.assertEqual(cp.get_pipeline_state(name=name)["pipelineName"], name)

    def test_main_port_answers_too(self):
        uri, name = self.make("lay-main-port", "trunk", [("dev", "DEV")])
        creds = self.creds(uri)
        cp = botocore.session.get_session().create_client(
            "codepipeline", endpoint_url=self.emu.info["url"], region_name="eu-west-1",
            aws_access_key_id=creds["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=creds["AWS_SECRET_ACCESS_KEY"],
            aws_session_token=creds["AWS_SESSION_TOKEN"])
        self.assertEqual(cp.get_pipeline_state(name=name)["pipelineName"], name)
        # without the target header, the main port's root is still API Gateway's
        self.assertEqual(self.emu.request("POST", "/", "{}").status, 403)

    def test_deleted_with_its_stack(self):
        from emutest import DELETE
        uri, name = self.make("lay-deleted", "trunk", [("dev", "DEV")])
        cp = self.long_client()
        self.assertEqual(cp.get_pipeline(name=name)["pipeline"]["name"], name)
        self.assertTrue(self.emu.data(ENGINEER, DELETE, {"DataPipelineUri": uri,
                                                         "deleteFromAWS": True}))
        with self.assertRaises(ClientError) as ctx:
            cp.get_pipeline(name=name)
        self.assertAws(ctx, "PipelineNotFoundException")
        self.assertNotIn(name, [p["name"] for p in cp.list_pipelines(maxResults=1000)
                                ["pipelines"]])

    def test_list_pages_and_regions(self):
        cp = self.long_client()
        first = cp.list_pipelines(maxResults=2)
        self.assertEqual(len(first["pipelines"]), 2)
        rest = cp.list_pipelines(nextToken=first["nextToken"], maxResults=1000)
        names = [p["name"] for p in first["pipelines"] + rest["pipelines"]]
        self.assertEqual(names, sorted(names))
        self.assertEqual(len(names), len(set(names)))
        status, out = self.raw("ListPipelines", "{}", sign={
            "AWS_ACCESS_KEY_ID": LONG_KEY[0], "AWS_SECRET_ACCESS_KEY": LONG_KEY[1]})
        self.assertEqual([p["name"] for p in out["pipelines"]], names)
        self.assertEqual({(p["pipelineType"], p["executionMode"]) for p in out["pipelines"]},
                         {("V2", "SUPERSEDED")})
        self.assertIsInstance(out["pipelines"][0]["created"], (int, float))  # epoch seconds
        self.assertEqual(self.long_client("eu-central-1").list_pipelines()["pipelines"], [])
        with self.assertRaises(ClientError) as ctx:
            cp.list_pipelines(nextToken="not-a-token")
        self.assertAws(ctx, "InvalidNextTokenException")


class Executions(CodePipelineCase):
    def test_trunk_runs_waits_for_approval_and_succeeds(self):
        uri, name = self.make("run-trunk", "trunk", [("dev", "DEV"), ("prod", "PROD")],
                              complete=False)
        self.advance(180)  # the stack completes now: the pipeline is created and runs
        cp = self.client(uri=uri)
        self.assertEqual(self.status(cp, name)[0], ("Source", "InProgress"))
        ex = cp.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"]
        self.assertEqual(len(ex), 1)
        self.assertEqual(ex[0]["status"], "InProgress")
        self.assertEqual(ex[0]["trigger"]["triggerType"], "CreatePipeline")
        self.assertEqual(ex[0]["sourceRevisions"][0]["actionName"], "CodeCommit")
        self.assertEqual(ex[0]["sourceRevisions"][0]["revisionSummary"],
                         "Initial commit by data.all")
        self.assertRegex(ex[0]["sourceRevisions"][0]["revisionId"], "^[0-9a-f]{40}$")
        self.advance(11)
        st = self.stages(cp, name)
        self.assertEqual(st["Source"]["latestExecution"]["status"], "Succeeded")
        self.assertEqual(st["Source"]["actionStates"][0]["currentRevision"]["revisionId"],
                         ex[0]["sourceRevisions"][0]["revisionId"])
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["status"], "InProgress")
        self.assertNotIn("latestExecution", st["Deploy-Stage-prod"])
        self.advance(120)
        st = self.stages(cp, name)
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["status"], "Succeeded")
        approval = st["ManualApproval-dev"]["actionStates"][0]["latestExecution"]
        self.assertEqual(approval["status"], "InProgress")
        self.assertTrue(UUID_RE.match(approval["token"]))
        # it waits, however long (short of 7 days)
        self.advance(3000)
        cp = self.client(uri=uri)
        st = self.stages(cp, name)
        self.assertEqual(st["ManualApproval-dev"]["latestExecution"]["status"], "InProgress")
        out = cp.put_approval_result(pipelineName=name, stageName="ManualApproval-dev",
                                     actionName="ManualApproval-dev",
                                     result={"summary": "Looks good", "status": "Approved"},
                                     token=approval["token"])
        self.assertIn("approvedAt", out)
        st = self.stages(cp, name)
        done = st["ManualApproval-dev"]["actionStates"][0]["latestExecution"]
        self.assertEqual(done["status"], "Succeeded")
        self.assertEqual(done["summary"], "Looks good")
        self.assertIn(":assumed-role/", done["lastUpdatedBy"])
        self.assertNotIn("token", done)
        self.assertEqual(st["Deploy-Stage-prod"]["latestExecution"]["status"], "InProgress")
        # the used token again: the approval is answered
        with self.assertRaises(ClientError) as ctx:
            cp.put_approval_result(pipelineName=name, stageName="ManualApproval-dev",
                                   actionName="ManualApproval-dev",
                                   result={"summary": "again", "status": "Approved"},
                                   token=approval["token"])
        self.assertAws(ctx, "ApprovalAlreadyCompletedException")
        self.advance(121)
        self.assertEqual([s for _, s in self.status(cp, name)], ["Succeeded"] * 4)
        ex = cp.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"]
        self.assertEqual(ex[0]["status"], "Succeeded")
        self.assertGreater(ex[0]["lastUpdateTime"], ex[0]["startTime"])
        # (botocore 1.29's model has no filter yet: sent as it is)
        status, filtered = self.raw("ListPipelineExecutions", json.dumps({
            "pipelineName": name, "filter": {"succeededInStage": {
                "stageName": "Deploy-Stage-prod"}}}), sign=self.creds(uri))
        self.assertEqual(status, 200)
        self.assertEqual([e["pipelineExecutionId"] for e in
                          filtered["pipelineExecutionSummaries"]], [ex[0]["pipelineExecutionId"]])

    def test_reject_and_stale_token(self):
        uri, name = self.make("run-reject", "trunk", [("dev", "DEV"), ("prod", "PROD")])
        cp = self.client(uri=uri)
        self.advance(200)
        first = self.stages(cp, name)["ManualApproval-dev"]["actionStates"][0]["latestExecution"]
        kw = dict(pipelineName=name, stageName="ManualApproval-dev",
                  actionName="ManualApproval-dev")
        with self.assertRaises(ClientError) as ctx:  # a token that was never this approval's
            cp.put_approval_result(token=str(uuid.uuid4()),
                                   result={"summary": "x", "status": "Approved"}, **kw)
        self.assertAws(ctx, "InvalidApprovalTokenException",
                       message="already received a response or has expired")
        for bad in ({"token": "not-a-uuid", "result": {"summary": "x", "status": "Approved"}},
                    {"token": first["token"], "result": {"summary": "x", "status": "Maybe"}},
                    {"token": first["token"], "result": {"summary": "x" * 513,
                                                         "status": "Approved"}}):
            with self.assertRaises(ClientError) as ctx:
                cp.put_approval_result(**dict(kw, **bad))
            self.assertAws(ctx, "ValidationException", message="1 validation error detected")
        with self.assertRaises(ClientError) as ctx:
            cp.put_approval_result(**dict(kw, actionName="NoSuchAction", token=first["token"],
                                          result={"summary": "x", "status": "Approved"}))
        self.assertAws(ctx, "ActionNotFoundException")
        with self.assertRaises(ClientError) as ctx:
            cp.put_approval_result(**dict(kw, stageName="NoSuchStage", token=first["token"],
                                          result={"summary": "x", "status": "Approved"}))
        self.assertAws(ctx, "StageNotFoundException")
        cp.put_approval_result(token=first["token"], result={"summary": "Not yet",
                                                             "status": "Rejected"}, **kw)
        st = self.stages(cp, name)
        self.assertEqual(st["ManualApproval-dev"]["latestExecution"]["status"], "Failed")
        le = st["ManualApproval-dev"]["actionStates"][0]["latestExecution"]
        self.assertEqual(le["status"], "Failed")
        self.assertEqual(le["summary"], "Not yet")
        self.assertNotIn("latestExecution", st["Deploy-Stage-prod"])
        ex = cp.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"][0]
        self.assertEqual(ex["status"], "Failed")
        # a newer run waits at the approval: the old token is stale for it
        cp.start_pipeline_execution(name=name)
        self.advance(200)
        second = self.stages(cp, name)["ManualApproval-dev"]["actionStates"][0][
            "latestExecution"]
        self.assertNotEqual(second["token"], first["token"])
        with self.assertRaises(ClientError) as ctx:
            cp.put_approval_result(token=first["token"],
                                   result={"summary": "x", "status": "Approved"}, **kw)
        self.assertAws(ctx, "InvalidApprovalTokenException")
        # an approval not answered within 7 days fails
        self.advance(7 * 86400 + 1)
        cp = self.client(uri=uri)
        st = self.stages(cp, name)
        self.assertEqual(st["ManualApproval-dev"]["latestExecution"]["status"], "Failed")
        self.assertIn("7 days", st["ManualApproval-dev"]["actionStates"][0]["latestExecution"]
                      ["errorDetails"]["message"])

    def test_fail_in_commit_message_and_retry(self):
        uri, name = self.make("run-fail", "trunk", [("dev", "DEV"), ("prod", "PROD")])
        cp = self.client(uri=uri)
        sha = self.push_commit(uri, name, "main", "Break the build [fail]")
        ex = cp.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"]
        self.assertEqual(ex[0]["trigger"]["triggerType"], "PollForSourceChanges")
        self.assertEqual(ex[0]["sourceRevisions"][0]["revisionId"], sha)
        self.assertEqual(ex[0]["sourceRevisions"][0]["revisionSummary"], "Break the build [fail]")
        exec_id = ex[0]["pipelineExecutionId"]
        self.advance(131)
        st = self.stages(cp, name)
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"],
                         {"pipelineExecutionId": exec_id, "status": "Failed"})
        le = st["Deploy-Stage-dev"]["actionStates"][0]["latestExecution"]
        self.assertEqual(le["status"], "Failed")
        self.assertEqual(le["errorDetails"]["code"], "JobFailed")
        self.assertIn("Build terminated with state: FAILED", le["errorDetails"]["message"])
        self.assertTrue(le["externalExecutionId"].startswith(
            cp.get_pipeline(name=name)["pipeline"]["stages"][1]["actions"][0]["configuration"]
            ["ProjectName"] + ":"))
        status, out = self.raw("ListPipelineExecutions", json.dumps({"pipelineName": name}),
                               sign=self.creds(uri))
        ex = out["pipelineExecutionSummaries"][0]
        self.assertEqual(ex["status"], "Failed")
        self.assertIn("Build terminated", ex["statusSummary"])  # not in botocore 1.29's model
        # retry: the same commit fails again
        kw = dict(pipelineName=name, stageName="Deploy-Stage-dev", pipelineExecutionId=exec_id)
        with self.assertRaises(ClientError) as ctx:
            cp.retry_stage_execution(retryMode="SOME_ACTIONS", **kw)
        self.assertAws(ctx, "ValidationException")
        self.assertEqual(cp.retry_stage_execution(retryMode="FAILED_ACTIONS", **kw)
                         ["pipelineExecutionId"], exec_id)
        self.assertEqual(self.stages(cp, name)["Deploy-Stage-dev"]["latestExecution"]["status"],
                         "InProgress")
        with self.assertRaises(ClientError) as ctx:  # not failed (any more)
            cp.retry_stage_execution(retryMode="FAILED_ACTIONS", **kw)
        self.assertAws(ctx, "StageNotRetryableException")
        self.advance(121)
        self.assertEqual(self.stages(cp, name)["Deploy-Stage-dev"]["latestExecution"]["status"],
                         "Failed")
        # a fault aimed at the action fails a good commit once; retried, it succeeds
        self.emu.control("POST", "faults", {"kind": "action-failure", "match": "deploy-dev",
                                            "message": "Emulated deploy failure"})
        self.push_commit(uri, name, "main", "Fix the build")
        good = cp.list_pipeline_executions(pipelineName=name)[
            "pipelineExecutionSummaries"][0]["pipelineExecutionId"]
        self.advance(131)
        st = self.stages(cp, name)
        self.assertEqual(st["Deploy-Stage-dev"]["actionStates"][0]["latestExecution"]
                         ["errorDetails"]["message"], "Emulated deploy failure")
        with self.assertRaises(ClientError) as ctx:  # the older run is not the latest there
            cp.retry_stage_execution(retryMode="FAILED_ACTIONS", **kw)
        self.assertAws(ctx, "NotLatestPipelineExecutionException")
        cp.retry_stage_execution(retryMode="ALL_ACTIONS", **dict(kw, pipelineExecutionId=good))
        self.advance(121)
        st = self.stages(cp, name)
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["status"], "Succeeded")
        self.assertEqual(st["ManualApproval-dev"]["latestExecution"]["status"], "InProgress")
        with self.assertRaises(ClientError) as ctx:
            cp.retry_stage_execution(retryMode="FAILED_ACTIONS",
                                     **dict(kw, pipelineExecutionId=str(uuid.uuid4())))
        self.assertAws(ctx, "PipelineExecutionNotFoundException")

    def test_fail_aimed_at_a_stage(self):
        uri, name = self.make("run-fail-prod", "cdk-trunk", [("dev", "DEV"), ("prod", "PROD")])
        cp = self.client(uri=uri)
        self.push_commit(uri, name, "main", "Only prod breaks [fail:prod]")
        self.advance(10 + 90 + 45 + 80 + 81)
        st = self.stages(cp, name)
        self.assertEqual(st["dataall-Dev"]["latestExecution"]["status"], "Succeeded")
        self.assertEqual(st["dataall-Prod"]["latestExecution"]["status"], "Failed")
        prepare, deploy = st["dataall-Prod"]["actionStates"]
        self.assertEqual(prepare["latestExecution"]["status"], "Succeeded")
        self.assertEqual(deploy["latestExecution"]["status"], "Failed")
        ex = cp.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"][0]
        self.assertEqual(ex["trigger"]["triggerType"], "CloudWatchEvent")
        self.assertEqual(ex["sourceRevisions"][0]["actionName"], name)

    def test_gitflow_missing_branch_then_pushed(self):
        uri, name = self.make("run-gitflow", "gitflow", [("dev", "DEV"), ("prod", "PROD")])
        cp = self.client(uri=uri)
        self.advance(11)
        st = self.stages(cp, name + "-dev")
        self.assertEqual(st["Source-dev"]["latestExecution"]["status"], "Failed")
        err = st["Source-dev"]["actionStates"][0]["latestExecution"]["errorDetails"]
        self.assertIn("no branch named dev was found", err["message"])
        ex = cp.list_pipeline_executions(pipelineName=name + "-dev")[
            "pipelineExecutionSummaries"]
        self.assertEqual(ex[0]["sourceRevisions"], [])
        self.assertEqual(self.stages(cp, name + "-prod")["Source-prod"]["latestExecution"]
                         ["status"], "Succeeded")
        sha = self.push_commit(uri, name, "dev", "First work on dev")
        ex = cp.list_pipeline_executions(pipelineName=name + "-dev")[
            "pipelineExecutionSummaries"]
        self.assertEqual(len(ex), 2)
        self.assertEqual(ex[0]["sourceRevisions"][0]["revisionId"], sha)
        # the prod pipeline watches main, which did not move
        self.assertEqual(len(cp.list_pipeline_executions(pipelineName=name + "-prod")[
            "pipelineExecutionSummaries"]), 1)
        self.advance(131)
        self.assertEqual([s for _, s in self.status(cp, name + "-dev")],
                         ["Succeeded", "Succeeded"])

    def test_start_stop_and_supersede(self):
        uri, name = self.make("run-stop", "trunk", [("dev", "DEV"), ("prod", "PROD")])
        cp = self.client(uri=uri)
        self.advance(20)   # the creation run is deploying dev
        first = cp.list_pipeline_executions(pipelineName=name)[
            "pipelineExecutionSummaries"][0]["pipelineExecutionId"]
        second = cp.start_pipeline_execution(name=name)["pipelineExecutionId"]
        self.assertTrue(UUID_RE.match(second))
        ex = cp.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"][0]
        self.assertEqual(ex["trigger"]["triggerType"], "StartPipelineExecution")
        self.assertIn("assumed-role", ex["trigger"]["triggerDetail"])
        third = cp.start_pipeline_execution(name=name)["pipelineExecutionId"]
        by_id = {e["pipelineExecutionId"]: e["status"] for e in cp.list_pipeline_executions(
            pipelineName=name)["pipelineExecutionSummaries"]}
        self.assertEqual(by_id[second], "Superseded")  # overtaken in Source by the third
        self.advance(11)   # the third waits for the first to leave Deploy-Stage-dev
        st = self.stages(cp, name)
        self.assertEqual(st["Deploy-Stage-dev"]["inboundExecution"]["pipelineExecutionId"],
                         third)
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["pipelineExecutionId"], first)
        # stop and wait: the running deploy finishes first
        cp.stop_pipeline_execution(pipelineName=name, pipelineExecutionId=first,
                                   reason="Wrong commit")
        with self.assertRaises(ClientError) as ctx:
            cp.stop_pipeline_execution(pipelineName=name, pipelineExecutionId=first)
        self.assertAws(ctx, "DuplicatedStopRequestException")
        st = self.stages(cp, name)
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["status"], "Stopping")
        self.advance(130)
        st = self.stages(cp, name)
        by_id = {e["pipelineExecutionId"]: e for e in cp.list_pipeline_executions(
            pipelineName=name)["pipelineExecutionSummaries"]}
        self.assertEqual(by_id[first]["status"], "Stopped")
        self.assertEqual(by_id[first]["stopTrigger"], {"reason": "Wrong commit"})
        # the third entered once the stage was free
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["pipelineExecutionId"], third)
        with self.assertRaises(ClientError) as ctx:
            cp.stop_pipeline_execution(pipelineName=name, pipelineExecutionId=first)
        self.assertAws(ctx, "PipelineExecutionNotStoppableException")
        # stop and abandon: at once
        cp.stop_pipeline_execution(pipelineName=name, pipelineExecutionId=third, abandon=True,
                                   reason="Abandon it")
        st = self.stages(cp, name)
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["status"], "Stopped")
        self.assertEqual(st["Deploy-Stage-dev"]["actionStates"][0]["latestExecution"]["status"],
                         "Abandoned")
        with self.assertRaises(ClientError) as ctx:
            cp.stop_pipeline_execution(pipelineName=name, pipelineExecutionId="nope")
        self.assertAws(ctx, "ValidationException")

    def test_transitions(self):
        uri, name = self.make("run-transition", "trunk", [("dev", "DEV"), ("prod", "PROD")])
        cp = self.client(uri=uri)
        cp.disable_stage_transition(pipelineName=name, stageName="Deploy-Stage-dev",
                                    transitionType="Inbound", reason="Freeze (release 1.2)")
        st = self.stages(cp, name)
        t = st["Deploy-Stage-dev"]["inboundTransitionState"]
        self.assertFalse(t["enabled"])
        self.assertEqual(t["disabledReason"], "Freeze (release 1.2)")
        self.assertIn("assumed-role", t["lastChangedBy"])
        self.assertIn("lastChangedAt", t)
        self.assertNotIn("inboundTransitionState", st["Source"])
        self.assertTrue(st["ManualApproval-dev"]["inboundTransitionState"]["enabled"])
        self.advance(200)
        st = self.stages(cp, name)
        self.assertEqual(st["Source"]["latestExecution"]["status"], "Succeeded")
        self.assertNotIn("latestExecution", st["Deploy-Stage-dev"])
        self.assertEqual(st["Deploy-Stage-dev"]["inboundExecution"]["status"], "InProgress")
        cp.enable_stage_transition(pipelineName=name, stageName="Deploy-Stage-dev",
                                   transitionType="Inbound")
        st = self.stages(cp, name)
        self.assertTrue(st["Deploy-Stage-dev"]["inboundTransitionState"]["enabled"])
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["status"], "InProgress")
        # the outbound transition of a stage holds what leaves it
        cp.disable_stage_transition(pipelineName=name, stageName="Deploy-Stage-dev",
                                    transitionType="Outbound", reason="Hold")
        self.advance(121)
        st = self.stages(cp, name)
        self.assertEqual(st["Deploy-Stage-dev"]["latestExecution"]["status"], "Succeeded")
        self.assertNotIn("latestExecution", st["ManualApproval-dev"])
        for bad in ({"reason": "No, not now"}, {"reason": "x" * 301},
                    {"reason": "ok", "transitionType": "Sideways"},
                    {"reason": "ok", "stageName": "Source", "transitionType": "Inbound"}):
            args = dict(pipelineName=name, stageName="Deploy-Stage-prod",
                        transitionType="Inbound")
            args.update(bad)
            with self.assertRaises(ClientError) as ctx:
                cp.disable_stage_transition(**args)
            self.assertAws(ctx, "ValidationException")
        with self.assertRaises(ClientError) as ctx:
            cp.enable_stage_transition(pipelineName=name, stageName="Nope",
                                       transitionType="Inbound")
        self.assertAws(ctx, "StageNotFoundException")


class Errors(CodePipelineCase):
    def test_auth_errors(self):
        uri = self.make("err-auth", "trunk", [("dev", "DEV")])[0]
        creds = self.creds(uri)
        self.assertIn("pipelines", self.client(creds).list_pipelines())
        cases = [
            (dict(AWS_SECRET_ACCESS_KEY="x" * 40), "InvalidSignatureException",
             "The request signature we calculated does not match"),
            (dict(AWS_ACCESS_KEY_ID="ASIAUNKNOWNKEY000000"), "UnrecognizedClientException",
             "The security token included in the request is invalid"),
            (dict(AWS_SESSION_TOKEN=None), "UnrecognizedClientException", None),
            (dict(AWS_SESSION_TOKEN="IQoJwrong"), "UnrecognizedClientException", None),
        ]
        for override, type_, message in cases:
            with self.assertRaises(ClientError) as ctx:
                self.client(creds, **override).list_pipelines()
            self.assertAws(ctx, type_, message=message)
        # unsigned, and a signature over a body that was changed on the way
        r = self.raw("ListPipelines", "{}", sign=None)
        self.assertEqual((r[0], r[1]["__type"]), (400, "MissingAuthenticationTokenException"))
        status, out = self.raw("ListPipelines", "{}", sign=creds, tamper=True)
        self.assertEqual((status, out["__type"]), (400, "InvalidSignatureException"))
        status, out = self.raw("ListPipelines", "{}", sign=creds,
                               authorization="AWS4-HMAC-SHA256 Credential=%s"
                               % creds["AWS_ACCESS_KEY_ID"])
        self.assertEqual((status, out["__type"]), (400, "IncompleteSignatureException"))
        status, out = self.raw("NoSuchOperation", "{}", sign=creds)
        self.assertEqual((status, out["__type"]), (400, "UnknownOperationException"))
        status, out = self.raw("ListPipelines", "[1, 2", sign=creds)
        self.assertEqual((status, out["__type"]), (400, "SerializationException"))
        status, out = self.raw("ListPipelines", "{}", sign=creds, service="codecommit")
        self.assertEqual((status, out["__type"]), (400, "InvalidSignatureException"))
        self.assertIn("codepipeline", out["message"])
        status, out = self.raw("ListPipelines", "{}", sign=creds, skew=-600)
        self.assertEqual((status, out["__type"]), (400, "InvalidSignatureException"))
        self.assertIn("Signature expired", out["message"])
        # the keys expire one emulated hour after they were issued
        self.advance(3601)
        with self.assertRaises(ClientError) as ctx:
            self.client(creds).list_pipelines()
        self.assertAws(ctx, "ExpiredTokenException",
                       message="The security token included in the request is expired")
        self.assertIn("pipelines", self.client(uri=uri).list_pipelines())

    def test_unknown_pipeline_and_other_accounts(self):
        uri, name = self.make("err-notfound", "trunk", [("dev", "DEV")])
        cp = self.client(uri=uri)
        for call in (lambda: cp.get_pipeline(name="no-such-pipeline"),
                     lambda: cp.get_pipeline_state(name="no-such-pipeline"),
                     lambda: cp.list_pipeline_executions(pipelineName="no-such-pipeline"),
                     lambda: cp.start_pipeline_execution(name="no-such-pipeline"),
                     lambda: cp.enable_stage_transition(pipelineName="no-such-pipeline",
                                                        stageName="Source",
                                                        transitionType="Inbound")):
            with self.assertRaises(ClientError) as ctx:
                call()
            self.assertAws(ctx, "PipelineNotFoundException",
                           message="does not have a pipeline with name 'no-such-pipeline'")
        # another region does not see it
        with self.assertRaises(ClientError) as ctx:
            self.client(uri=uri, region="eu-central-1").get_pipeline(name=name)
        self.assertAws(ctx, "PipelineNotFoundException")
        for bad in ("has space", "x" * 101):
            with self.assertRaises(ClientError) as ctx:
                cp.get_pipeline_state(name=bad)
            self.assertAws(ctx, "ValidationException", message="at 'name' failed to satisfy")
        with self.assertRaises(ClientError) as ctx:
            cp.list_pipelines(maxResults=1001)
        self.assertAws(ctx, "ValidationException")

    def test_faults_aim_at_operations(self):
        uri, name = self.make("err-faults", "trunk", [("dev", "DEV")])
        cp = self.client(uri=uri)
        self.emu.control("POST", "faults", {"kind": "http500", "match": "GetPipelineState"})
        self.assertEqual(cp.get_pipeline(name=name)["pipeline"]["name"], name)
        with self.assertRaises(ClientError) as ctx:
            cp.get_pipeline_state(name=name)
        self.assertAws(ctx, "InternalFailure", status=500)
        self.assertEqual(cp.get_pipeline_state(name=name)["pipelineName"], name)
        self.emu.control("POST", "faults", {"kind": "error", "match": "ListPipelineExecutions",
                                            "message": "Rate exceeded"})
        with self.assertRaises(ClientError) as ctx:
            cp.list_pipeline_executions(pipelineName=name)
        self.assertAws(ctx, "ThrottlingException", message="Rate exceeded")
        self.emu.control("POST", "faults", {"kind": "slow", "delay_ms": 300,
                                            "match": "ListPipelines"})
        t = time.monotonic()
        cp.list_pipelines()
        self.assertGreaterEqual(time.monotonic() - t, 0.3)
        self.emu.control("POST", "faults", {"kind": "expire-tokens", "match": "GetPipeline"})
        with self.assertRaises(ClientError) as ctx:
            cp.get_pipeline(name=name)
        self.assertAws(ctx, "ExpiredTokenException")
        cp = self.client(uri=uri)
        self.emu.control("POST", "faults", {"kind": "malformed", "match": "GetPipelineState"})
        with self.assertRaises(ValueError):
            self.raw("GetPipelineState", json.dumps({"name": name}), sign=self.creds(uri))
        r = self.emu.request("POST", "/_emulator/faults", {"kind": "action-failure"})
        self.assertEqual(r.status, 400)

    def test_gateway_faults_as_aws_answers_them(self):
        uri, name = self.make("err-gateway", "trunk", [("dev", "DEV")])
        cp = self.client(uri=uri)
        before = self.emu.control("GET", "state")["requests"].get("GetPipelineState", 0)
        self.emu.control("POST", "faults", {"kind": "forbidden", "match": "GetPipelineState"})
        with self.assertRaises(ClientError) as ctx:
            cp.get_pipeline_state(name=name)
        self.assertAws(ctx, "AccessDeniedException", status=403)
        self.emu.control("POST", "faults", {"kind": "throttle", "match": "GetPipelineState"})
        with self.assertRaises(ClientError) as ctx:
            cp.get_pipeline_state(name=name)
        self.assertAws(ctx, "ThrottlingException", status=400)
        self.assertEqual(cp.get_pipeline_state(name=name)["pipelineName"], name)
        # counted by operation, as the GraphQL requests are (botocore does not retry here)
        after = self.emu.control("GET", "state")["requests"]["GetPipelineState"]
        self.assertEqual(after - before, 3)


class History(CodePipelineCase):
    emulator_args = ("--generate-history", "5000")

    def test_generated_history(self):
        uri, name = self.make("history", "trunk", [("dev", "DEV")], complete=False)
        work = os.path.join(self.tmp, "clone")
        t = time.monotonic()
        self.git("clone", "-q", "--bare", "%s/v1/repos/%s" % (self.emu.info["codecommit"], name),
                 work, creds=self.creds(uri))
        took = time.monotonic() - t
        self.assertEqual(self.git("rev-list", "--count", "main", cwd=work).strip(), "5000")
        log = self.git("log", "--format=%s", "main", cwd=work).splitlines()
        self.assertEqual(log[-1], "Initial commit by data.all")
        self.assertEqual(log[0], "Change 4999 of the generated history")
        files = self.git("ls-tree", "--name-only", "main", cwd=work).split()
        self.assertIn("ddk.json", files)
        self.assertLess(took, 30)
        print("emulator_generate_clone_5000 %.2f s" % took)


if __name__ == "__main__":
    unittest.main()

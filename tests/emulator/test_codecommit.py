#!/usr/bin/python3
"""CodeCommit: the GIT SigV4 password check, `git clone`/`git push` by the system git through a
credential helper signing with botocore, the repositories data.all seeds, and their ddk.json."""

import base64
import datetime
import json
import os
import random
import shutil
import string
import subprocess
import tempfile
import unittest

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from dataall_emulator.codecommit import git_signature
from emutest import (CREATE, CREATE_ENV, CREDS, DELETE_ENV, ENGINEER, HERE, LIST, VALID_ENVS,
                     EmulatorTestCase)

HELPER = os.path.join(HERE, "git-credential-emulator-test")


def botocore_signature(akid, secret, token, region, host, path, timestamp):
    """git-remote-codecommit's sign(), run on botocore: the independent reference."""
    request = AWSRequest(method="GIT", url="https://%s%s" % (host, path))
    request.context["timestamp"] = timestamp
    signer = SigV4Auth(Credentials(akid, secret, token), "codecommit", region)
    canonical = "GIT\n%s\n\nhost:%s\n\nhost\n" % (path, host)
    return signer.signature(signer.string_to_sign(request, canonical), request)


class Signer(unittest.TestCase):
    def test_documented_vectors(self):
        self.assertEqual(
            git_signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1",
                          "git-codecommit.us-east-1.amazonaws.com", "/v1/repos/my-pipeline-repo",
                          "20150830T123600"),
            "1566350dd79cffa3c445369d9a367cac84de05f7671be917064465e38a4ca871")
        self.assertEqual(
            git_signature("secret", "us-west-2", "git-codecommit.us-west-2.amazonaws.com",
                          "/v1/repos/test_repo", "20171224T115320"),
            "b6df2d758a8023b2f000a546417007b65494f3ce8ad0300fd45fcfa173f1959a")
        self.assertEqual(
            git_signature("secret", "us-west-2", "land.called.honahlee", "/v1/repos/test_repo",
                          "20171224T115320"),
            "a14a37a53035bbceb6e1748247b143124fe7326cdffd3d418236a592ce6158a0")

    def test_agrees_with_botocore(self):
        rng = random.Random(3)
        for _ in range(25):
            secret = "".join(rng.choice(string.ascii_letters + "+/") for _ in range(40))
            region = rng.choice(["eu-west-1", "us-east-1", "ap-southeast-2", "cn-north-1"])
            host = rng.choice(["127.0.0.1", "localhost", "git-codecommit.%s.amazonaws.com"
                               % region])
            path = "/v1/repos/" + "".join(rng.choice("abc-_0") for _ in range(12))
            ts = datetime.datetime(2020 + rng.randrange(8), 1 + rng.randrange(12),
                                   1 + rng.randrange(28), rng.randrange(24), rng.randrange(60),
                                   rng.randrange(60)).strftime("%Y%m%dT%H%M%S")
            self.assertEqual(git_signature(secret, region, host, path, ts),
                             botocore_signature("AKID", secret, "tok", region, host, path, ts))


class GitTestCase(EmulatorTestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="emu-git-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def git(self, *args, creds=None, cwd=None, **env_extra):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.tmp,
               "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
               "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com"}
        if creds:
            env.update(EMU_AKID=creds["AWS_ACCESS_KEY_ID"],
                       EMU_SECRET=creds["AWS_SECRET_ACCESS_KEY"],
                       EMU_TOKEN=creds.get("AWS_SESSION_TOKEN") or "", EMU_REGION=creds["region"])
        env.update(env_extra)
        cmd = ["git", "-c", "credential.helper=", "-c", "credential.helper=" + HELPER,
               "-c", "credential.useHttpPath=true", "-c", "init.defaultBranch=main"] + list(args)
        return subprocess.run(cmd, cwd=cwd or self.tmp, env=env, capture_output=True, text=True,
                              timeout=60)

    def pipeline(self, label):
        d = self.emu.data(ENGINEER, LIST, {"filter": {"term": label}})
        return d["listDataPipelines"]["nodes"][0]["DataPipelineUri"]

    def creds(self, uri, region="eu-west-1"):
        raw = self.emu.data(ENGINEER, CREDS, {"DataPipelineUri": uri})
        return dict(json.loads(raw["getDataPipelineCredsLinux"]), region=region)

    def repo_url(self, uri):
        q = """query GetDataPipeline($DataPipelineUri: String!) {
            getDataPipeline(DataPipelineUri: $DataPipelineUri) { repo cloneUrlHttp } }"""
        p = self.emu.data(ENGINEER, q, {"DataPipelineUri": uri})["getDataPipeline"]
        region = p["cloneUrlHttp"].split("::")[1].split(":")[0]
        return "%s/v1/repos/%s" % (self.emu.info["codecommit"], p["repo"]), region


class Clone(GitTestCase):
    emulator_args = ("--generate-pipelines", "30", "--aws-key", "AKIAEMULATORLONGTERM:s3cr3t/key")

    def test_clone_pull_push(self):
        uri = self.pipeline("customer-360")
        url, region = self.repo_url(uri)
        self.assertEqual(region, "eu-west-1")
        creds = self.creds(uri, region)
        r = self.git("clone", "-q", url, "repo", creds=creds)
        self.assertEqual(r.returncode, 0, r.stderr)
        work = os.path.join(self.tmp, "repo")
        self.assertEqual(sorted(f for f in os.listdir(work) if f != ".git"),
                         ["README.md", "app.py", "ddk.json", "deploy_buildspec.yaml",
                          "requirements.txt"])
        with open(os.path.join(work, "ddk.json")) as f:
            ddk = json.load(f)
        name = url.rsplit("/", 1)[1]
        self.assertEqual(ddk["tags"], {"dataall": "true", "Target": name})
        self.assertEqual(list(ddk["environments"]), ["cicd", "dev", "test", "prod"])
        self.assertEqual(ddk["environments"]["cicd"], {"account": "111111111111",
                                                       "region": "eu-west-1"})
        self.assertEqual(ddk["environments"]["test"], {
            "account": "333333333333", "region": "eu-central-1", "tags": {"Team": "Scientists"}})
        log = self.git("log", "--format=%an|%s", "main", cwd=work).stdout.splitlines()
        self.assertEqual(log, ["data.all|Initial commit by data.all"])
        self.assertEqual(self.git("branch", "--show-current", cwd=work).stdout.strip(), "main")
        # a stage change rewrites ddk.json on main
        envs = {e["label"]: e["environmentUri"] for e in self.emu.data(
            ENGINEER, VALID_ENVS, {})["listValidEnvironments"]["nodes"]}
        stage = self.emu.data(ENGINEER, CREATE_ENV, {"input": {
            "stage": "val", "order": 4, "pipelineUri": uri, "environmentLabel": "TEST",
            "environmentUri": envs["TEST"], "samlGroupName": "Scientists"}})
        r = self.git("pull", "-q", creds=creds, cwd=work)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(work, "ddk.json")) as f:
            self.assertEqual(list(json.load(f)["environments"]),
                             ["cicd", "dev", "test", "prod", "val"])
        self.emu.data(ENGINEER, DELETE_ENV, {"envPipelineUri": stage[
            "createDataPipelineEnvironment"]["envPipelineUri"]})
        self.assertEqual(self.git("pull", "-q", creds=creds, cwd=work).returncode, 0)
        with open(os.path.join(work, "ddk.json")) as f:
            self.assertNotIn("val", json.load(f)["environments"])
        self.assertEqual(len(self.git("log", "--format=%H", cwd=work).stdout.split()), 3)
        # pushing a branch works (gitflow stages track branches named after them)
        self.git("checkout", "-q", "-b", "dev", cwd=work)
        with open(os.path.join(work, "NOTES.md"), "w") as f:
            # over http.postBuffer (1 MiB): git sends the pack with chunked encoding
            f.write(base64.b64encode(random.Random(1).randbytes(1500000)).decode())
        self.git("add", "NOTES.md", cwd=work)
        self.assertEqual(self.git("commit", "-q", "-m", "notes", cwd=work).returncode, 0)
        r = self.git("push", "-q", "origin", "dev", creds=creds, cwd=work)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.git("ls-remote", "--heads", url, creds=creds)
        self.assertEqual(sorted(line.split("\t")[1] for line in r.stdout.splitlines()),
                         ["refs/heads/dev", "refs/heads/main"])

    def test_new_and_generated_pipelines_get_repos(self):
        envs = {e["label"]: e["environmentUri"] for e in self.emu.data(
            ENGINEER, VALID_ENVS, {})["listValidEnvironments"]["nodes"]}
        p = self.emu.data(ENGINEER, CREATE, {"input": {
            "label": "fresh", "environmentUri": envs["CICD"], "SamlGroupName": "DataEngineers",
            "devStrategy": "gitflow"}})["createDataPipeline"]
        for uri in (p["DataPipelineUri"], self.pipeline("generated-00017")):
            url, region = self.repo_url(uri)
            dest = "clone-" + uri
            r = self.git("clone", "-q", url, dest, creds=self.creds(uri, region))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(os.path.exists(os.path.join(self.tmp, dest, "ddk.json")))

    def test_long_term_key(self):
        url, region = self.repo_url(self.pipeline("sales-ingest"))
        key = {"AWS_ACCESS_KEY_ID": "AKIAEMULATORLONGTERM", "AWS_SECRET_ACCESS_KEY":
               "s3cr3t/key", "region": region}
        r = self.git("ls-remote", url, creds=key)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("refs/heads/main", r.stdout)
        r = self.git("ls-remote", url, creds=dict(key, AWS_SESSION_TOKEN="bogus"))
        self.assertNotEqual(r.returncode, 0)

    def test_refusals(self):
        uri = self.pipeline("sales-ingest")
        url, region = self.repo_url(uri)
        creds = self.creds(uri, region)
        r = self.git("ls-remote", url, creds=creds, EMU_CORRUPT="1")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("403", r.stderr)
        for bad in (dict(creds, region="us-east-1"),                 # wrong region
                    dict(creds, AWS_SESSION_TOKEN=""),               # token left out
                    dict(creds, AWS_SECRET_ACCESS_KEY="x" * 40),     # wrong secret
                    dict(creds, AWS_ACCESS_KEY_ID="ASIAUNKNOWNKEY000000")):
            r = self.git("ls-remote", url, creds=bad)
            self.assertNotEqual(r.returncode, 0, bad)
        # a signature more than 15 minutes away from the server's clock
        now = self.emu.control("GET", "state")["now"]
        r = self.git("ls-remote", url, creds=creds, EMU_TIME=str(now - 16 * 60))
        self.assertNotEqual(r.returncode, 0)
        r = self.git("ls-remote", url, creds=creds, EMU_TIME=str(now - 10 * 60))
        self.assertEqual(r.returncode, 0, r.stderr)
        # without credentials: 401 and a Basic challenge, so that git asks for them
        path = url[len(self.emu.info["codecommit"]):]
        r = self.emu.request("GET", path + "/info/refs?service=git-upload-pack")
        self.assertEqual(r.status, 401)
        self.assertTrue(r.headers["WWW-Authenticate"].startswith("Basic realm="))
        # the host is signed without its port
        ts = datetime.datetime.fromtimestamp(now, datetime.timezone.utc).strftime("%Y%m%dT%H%M%S")
        name = path.rsplit("/", 1)[1]
        for host, status in (("127.0.0.1", 200), (self.emu.info["url"][7:], 403)):
            sig = git_signature(creds["AWS_SECRET_ACCESS_KEY"], region, host, path, ts)
            user = "%s%%%s" % (creds["AWS_ACCESS_KEY_ID"], creds["AWS_SESSION_TOKEN"])
            auth = base64.b64encode(("%s:%sZ%s" % (user, ts, sig)).encode()).decode()
            r = self.emu.request("GET", path + "/info/refs?service=git-upload-pack",
                                 headers={"Authorization": "Basic " + auth})
            self.assertEqual(r.status, status, (host, r.body))
        self.assertTrue(name)
        r = self.emu.request("GET", "/v1/repos/no-such-repo/info/refs?service=git-upload-pack",
                             headers={"Authorization": "Basic " + auth})
        self.assertEqual(r.status, 404)


    def test_faults_as_codecommit_answers_them(self):
        uri = self.pipeline("sales-ingest")
        url, region = self.repo_url(uri)
        creds = self.creds(uri, region)
        path = url[len(self.emu.info["codecommit"]):]
        for kind, status, needle in (("forbidden", 403, "403"), ("http500", 500, "500"),
                                     ("reauth", 401, None)):
            self.emu.control("POST", "faults", {"kind": kind, "match": path + "/", "count": 5})
            r = self.emu.request("GET", path + "/info/refs?service=git-upload-pack")
            self.assertEqual(r.status, status, kind)
            self.assertTrue(r.headers["Content-Type"].startswith("text/plain"), kind)
            if status == 401:
                self.assertTrue(r.headers["WWW-Authenticate"].startswith("Basic realm="))
            r = self.git("ls-remote", url, creds=creds)
            self.assertNotEqual(r.returncode, 0, kind)
            if needle:
                self.assertIn(needle, r.stderr)
            self.emu.control("DELETE", "faults")
        self.assertEqual(self.git("ls-remote", url, creds=creds).returncode, 0)


class Expiry(GitTestCase):
    def test_expired_key_refused(self):
        uri = self.pipeline("customer-360")
        url, region = self.repo_url(uri)
        creds = self.creds(uri, region)
        self.assertEqual(self.git("ls-remote", url, creds=creds).returncode, 0)
        self.emu.control("POST", "clock", {"advance": 3590})
        now = self.emu.control("GET", "state")["now"]
        r = self.git("ls-remote", url, creds=creds, EMU_TIME=str(now))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.emu.control("POST", "clock", {"advance": 20})
        now = self.emu.control("GET", "state")["now"]
        r = self.git("ls-remote", url, creds=creds, EMU_TIME=str(now))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("403", r.stderr)
        # fresh credentials work again
        r = self.git("ls-remote", url, creds=self.creds(uri, region), EMU_TIME=str(now))
        self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    unittest.main()

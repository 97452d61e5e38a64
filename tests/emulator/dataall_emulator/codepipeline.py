"""AWS CodePipeline: the JSON 1.1 API (SigV4, service `codepipeline`) over the pipelines that
data.all's stacks create, laid out per strategy as ../shared/reference/codepipeline-git-ddk-notes.md
(sections 1 and 2) describes them, with executions that advance on the emulated clock.

Executions are stored as rows with their per-stage state as JSON, and are brought up to the
emulated `now` lazily, event by event, whenever a pipeline is read or changed: an execution that
started a day ago has simply run through its stages (and waits at its first approval).
"""

import base64
import datetime
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import uuid

from .store import CREATE_SECONDS, stack_status

TARGET_PREFIX = "CodePipeline_20150709."
OPERATIONS = ("ListPipelines", "GetPipeline", "GetPipelineState", "ListPipelineExecutions",
              "PutApprovalResult", "StartPipelineExecution", "RetryStageExecution",
              "StopPipelineExecution", "DisableStageTransition", "EnableStageTransition")
CONTENT_TYPE = "application/x-amz-json-1.1"

# How long actions run, in emulated seconds (by provider, or by action name for CDK Pipelines)
SOURCE_SECONDS = 10
DEPLOY_SECONDS = 120     # data.all's CodeBuild deploy-<stage> (cdk deploy)
SYNTH_SECONDS = 90
SELF_MUTATE_SECONDS = 45
PREPARE_SECONDS = 20     # CloudFormation change set
CFN_DEPLOY_SECONDS = 60
APPROVAL_TIMEOUT = 7 * 86400   # an unanswered approval fails after 7 days (console user guide)
SIGNATURE_WINDOW = 5 * 60

ACTIVE = ("InProgress", "Stopping")
NAME_PATTERN = r"[A-Za-z0-9.@\-_]+"
NAME_RE = re.compile(r"^%s$" % NAME_PATTERN)
TOKEN_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
REASON_PATTERN = r"[a-zA-Z0-9!@ \(\)\.\*\?\-]+"
EXECUTION_ID_PATTERN = TOKEN_PATTERN
AUTH_RE = re.compile(r"^AWS4-HMAC-SHA256 +(.*)$")
FAIL_RE = re.compile(r"\[fail(?::([^\]]+))?\]")

CP_SCHEMA = """
CREATE TABLE IF NOT EXISTS cp_pipeline (name TEXT PRIMARY KEY, pipelineUri TEXT, repo TEXT,
    branch TEXT, strategy TEXT, account TEXT, region TEXT, version INTEGER, created REAL,
    updated REAL, definition TEXT, versions TEXT, transitions TEXT);
CREATE INDEX IF NOT EXISTS cp_pipeline_uri ON cp_pipeline (pipelineUri);
CREATE TABLE IF NOT EXISTS cp_execution (id TEXT PRIMARY KEY, pipeline TEXT, status TEXT,
    start REAL, updated REAL, trigger_type TEXT, trigger_detail TEXT, revision TEXT,
    summary TEXT, stop_reason TEXT, version INTEGER, state TEXT);
CREATE INDEX IF NOT EXISTS cp_execution_pipeline ON cp_execution (pipeline, start);
CREATE INDEX IF NOT EXISTS pipeline_name ON pipeline (name);
"""

# The messages AWS's own services send for these (as seen from JSON 1.1 services; CodePipeline's
# own texts for its modeled exceptions are not in the model: ours are marked [unverified]).
BAD_SIGNATURE = ("The request signature we calculated does not match the signature you "
                 "provided. Check your AWS Secret Access Key and signing method. Consult the "
                 "service documentation for details.")
BAD_TOKEN = "The security token included in the request is invalid."
EXPIRED_TOKEN = "The security token included in the request is expired"


class ApiError(Exception):
    """An AWS error answer: `{"__type": type, "message": message}` with `status`.

    Modeled CodePipeline errors are 400 (the model gives none an httpStatusCode). The auth
    errors are also 400, as JSON 1.1 services are observed to answer UnrecognizedClientException
    (notes, section 1); that CodePipeline does the same for InvalidSignatureException and
    ExpiredTokenException is [unverified]."""

    def __init__(self, type_, message, status=400):
        super().__init__(message)
        self.type, self.message, self.status = type_, message, status


def validation(value, member, constraint):
    shown = "null" if value is None else "'%s'" % value
    return ApiError("ValidationException", "1 validation error detected: Value %s at '%s' "
                    "failed to satisfy constraint: Member must %s" % (shown, member, constraint))


# -- the pipelines data.all and DDK create ----------------------------------------------------
def _action(name, category, provider, configuration, run_order=1, inputs=(), outputs=()):
    return {"name": name, "actionTypeId": {"category": category, "owner": "AWS",
                                           "provider": provider, "version": "1"},
            "runOrder": run_order, "configuration": configuration,
            "outputArtifacts": [{"name": n} for n in outputs],
            "inputArtifacts": [{"name": n} for n in inputs]}


def _project(name, stage):
    """A CloudFormation-generated CodeBuild project name (data.all sets no project_name)."""
    digest = hashlib.sha256(("%s/%s" % (name, stage)).encode()).hexdigest()[:12].upper()
    return "%sbuild%sPipel-%s" % (re.sub(r"[^A-Za-z0-9]", "", name)[:40], stage, digest)


def layouts(p, stages):
    """[(CodePipeline name, watched branch, stage declarations)] of a data.all pipeline."""
    name, repo, strategy = p["name"], p["repo"], p["devStrategy"]
    ordered = sorted(stages, key=lambda s: (s["order"], s["stage"]))
    if strategy == "trunk":
        decl = [{"name": "Source", "actions": [_action(
            "CodeCommit", "Source", "CodeCommit",
            {"RepositoryName": repo, "BranchName": "main", "PollForSourceChanges": "true"},
            outputs=["source"])]}]
        for i, s in enumerate(ordered):
            st = s["stage"]
            decl.append({"name": "Deploy-Stage-%s" % st, "actions": [_action(
                "deploy-%s" % st, "Build", "CodeBuild", {"ProjectName": _project(name, st)},
                inputs=["source"])]})
            if i < len(ordered) - 1:  # data.all: only while env.order < count
                decl.append({"name": "ManualApproval-%s" % st, "actions": [_action(
                    "ManualApproval-%s" % st, "Approval", "Manual", {})]})
        return [(name, "main", decl)]
    if strategy == "cdk-trunk":
        decl = [
            {"name": "Source", "actions": [_action(
                repo, "Source", "CodeCommit",
                {"RepositoryName": repo, "BranchName": "main", "PollForSourceChanges": "false"},
                outputs=["%s_Source" % re.sub(r"[^A-Za-z0-9_]", "_", repo)])]},
            {"name": "Build", "actions": [_action(
                "Synth", "Build", "CodeBuild", {"ProjectName": _project(name, "Synth")},
                inputs=["%s_Source" % re.sub(r"[^A-Za-z0-9_]", "_", repo)],
                outputs=["Synth_Output"])]},
            {"name": "UpdatePipeline", "actions": [_action(
                "SelfMutate", "Build", "CodeBuild", {"ProjectName": "%s-selfupdate" % name},
                inputs=["Synth_Output"])]},
        ]
        for s in ordered:
            stage_name = "dataall-%s" % s["stage"].title()
            stack = "%s-DataallPipelineStack" % stage_name
            decl.append({"name": stage_name, "actions": [
                _action("Prepare", "Deploy", "CloudFormation",
                        {"ActionMode": "CHANGE_SET_REPLACE", "StackName": stack,
                         "ChangeSetName": "PipelineChange"}, 1, inputs=["Synth_Output"]),
                _action("Deploy", "Deploy", "CloudFormation",
                        {"ActionMode": "CHANGE_SET_EXECUTE", "StackName": stack,
                         "ChangeSetName": "PipelineChange"}, 2)]})
        return [(name, "main", decl)]
    out = []  # gitflow (any strategy other than trunk in data.all's pipeline stack)
    for s in ordered:
        st = s["stage"]
        branch = "main" if st == "prod" else st
        out.append(("%s-%s" % (name, st), branch, [
            {"name": "Source-%s" % st, "actions": [_action(
                "CodeCommit", "Source", "CodeCommit",
                {"RepositoryName": repo, "BranchName": branch, "PollForSourceChanges": "true"},
                outputs=["source"])]},
            {"name": "Deploy-Stage-%s" % st, "actions": [_action(
                "deploy-%s" % st, "Build", "CodeBuild", {"ProjectName": _project(name, st)},
                inputs=["source"])]}]))
    return out


def _duration(action):
    t = action["actionTypeId"]
    if t["category"] == "Source":
        return SOURCE_SECONDS
    if t["category"] == "Approval":
        return None
    if t["provider"] == "CloudFormation":
        return PREPARE_SECONDS if action["name"] == "Prepare" else CFN_DEPLOY_SECONDS
    if action["name"] == "Synth":
        return SYNTH_SECONDS
    if action["name"] == "SelfMutate":
        return SELF_MUTATE_SECONDS
    return DEPLOY_SECONDS


def _is_deploy(stage_name, action):
    """The actions a `[fail]` commit message fails: data.all's deploy-<stage>, CDK's Deploy."""
    return action["name"].startswith("deploy-") or (
        stage_name.startswith("dataall-") and action["name"] == "Deploy")


def _deploy_stage(stage_name, action):
    if action["name"].startswith("deploy-"):
        return action["name"][len("deploy-"):]
    return stage_name[len("dataall-"):]


def _console(region):
    return "https://%s.console.aws.amazon.com" % region


# -- SigV4 ------------------------------------------------------------------------------------
def _hmac(key, msg):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def _canonical_query(query):
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
    enc = [(urllib.parse.quote(k, safe="-_.~"), urllib.parse.quote(v, safe="-_.~"))
           for k, v in pairs]
    return "&".join("%s=%s" % kv for kv in sorted(enc))


def _header_value(headers, name):
    values = headers.get_all(name) or []
    return ",".join(" ".join(v.split()) for v in values)


# -- the service ------------------------------------------------------------------------------
class CodePipeline:
    def __init__(self, emulator):
        self.emu = emulator
        self.store = emulator.store
        self.clock = emulator.clock
        self.repos = emulator.repos
        self.long_term = emulator.codecommit.long_term
        with self.store.lock:
            self.store.db.executescript(CP_SCHEMA)

    # -- the HTTP exchange --------------------------------------------------------------------
    def handle(self, method, path, query, headers, body, op):
        """(status, body dict) of one request (the caller adds the request id)."""
        try:
            if method != "POST":
                raise ApiError("UnknownOperationException", None, 404)
            caller = self.authenticate(method, path, query, headers, body)
            if op not in OPERATIONS:
                # [unverified] 400 rather than the Common Errors page's 404 for JSON services
                raise ApiError("UnknownOperationException", None)
            try:
                req = json.loads(body.decode("utf-8")) if body else {}
            except ValueError:
                raise ApiError("SerializationException", "Start of structure or map found "
                               "where not expected.")
            if not isinstance(req, dict):
                raise ApiError("SerializationException", "Start of structure or map found "
                               "where not expected.")
            with self.store.lock:
                self.store.x("BEGIN")
                try:
                    out = getattr(self, "op_" + op)(caller, req)
                except ApiError:
                    # what was brought up to date before the refusal stays (consumed faults)
                    self.store.x("COMMIT")
                    raise
                except BaseException:
                    self.store.x("ROLLBACK")
                    raise
                self.store.x("COMMIT")
            return 200, out
        except ApiError as e:
            out = {"__type": e.type}
            if e.message is not None:
                out["message"] = e.message
            return e.status, out

    def authenticate(self, method, path, query, headers, body):
        """The caller {akid, account, region, arn}, or an ApiError as AWS words it."""
        auth = headers.get("Authorization")
        if not auth:
            raise ApiError("MissingAuthenticationTokenException", "Missing Authentication Token")
        m = AUTH_RE.match(auth.strip())
        parts = {}
        if m:
            for item in m.group(1).split(","):
                k, _, v = item.strip().partition("=")
                parts[k] = v
        if not m or not all(k in parts for k in ("Credential", "SignedHeaders", "Signature")):
            raise ApiError("IncompleteSignatureException",
                           "Authorization header requires 'Credential', 'SignedHeaders' and "
                           "'Signature' parameters. Authorization=%s" % auth.split(" ")[0])
        scope = parts["Credential"].split("/")
        if len(scope) != 5 or scope[4] != "aws4_request":
            raise ApiError("IncompleteSignatureException", "Credential must have exactly 5 "
                           "slash-delimited elements, e.g. keyid/date/region/service/term")
        akid, day, region, service, _ = scope
        if service != "codepipeline":
            raise ApiError("InvalidSignatureException", "Credential should be scoped to correct "
                           "service: 'codepipeline'. ")
        if not re.match(r"^[a-z]{2}(-[a-z]+)+-\d$", region):
            raise ApiError("InvalidSignatureException",
                           "Credential should be scoped to a valid region. ")
        amz_date = headers.get("X-Amz-Date", "")
        try:
            ts = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(
                tzinfo=datetime.timezone.utc).timestamp()
        except ValueError:
            raise ApiError("IncompleteSignatureException", "Authorization header requires "
                           "existence of either a 'X-Amz-Date' or a 'Date' header.")
        # The signing time is checked against the real clock, not the emulated one: clients
        # sign with the time of day, and tests move the emulated clock on (--time-scale, the
        # clock hook). Key expiry below is on the emulated clock.
        now = time.time()
        if abs(ts - now) > SIGNATURE_WINDOW:
            fmt = "%Y%m%dT%H%M%SZ"
            limit = datetime.datetime.fromtimestamp(now - SIGNATURE_WINDOW if ts < now else
                                                    now + SIGNATURE_WINDOW,
                                                    datetime.timezone.utc).strftime(fmt)
            raise ApiError("InvalidSignatureException", "Signature expired: %s is now %s than "
                           "%s (%s %s 5 min.)" % (amz_date, "earlier" if ts < now else "later",
                                                  limit, datetime.datetime.fromtimestamp(
                                                      now, datetime.timezone.utc).strftime(fmt),
                                                  "-" if ts < now else "+"))
        token = headers.get("X-Amz-Security-Token")
        if akid in self.long_term:
            key = {"secret": self.long_term[akid], "token": None, "account": None,
                   "expires": None}
        else:
            with self.store.lock:
                key = self.store.q1("SELECT * FROM aws_key WHERE akid=?", (akid,))
        if key is None or (key["token"] or None) != (token or None):
            raise ApiError("UnrecognizedClientException", BAD_TOKEN)
        signed = parts["SignedHeaders"].split(";")
        if "host" not in signed:
            raise ApiError("InvalidSignatureException", "'Host' must be a 'SignedHeader' in the "
                           "AWS Authorization.")
        canonical = "\n".join([
            method, urllib.parse.quote(urllib.parse.unquote(path) or "/", safe="/~"),
            _canonical_query(query),
            "".join("%s:%s\n" % (h, _header_value(headers, h)) for h in signed),
            parts["SignedHeaders"], hashlib.sha256(body).hexdigest()])
        scope_str = "/".join(scope[1:])
        sts = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope_str,
                         hashlib.sha256(canonical.encode("utf-8")).hexdigest()])
        k = _hmac(("AWS4" + key["secret"]).encode(), day)
        for part in (region, service, "aws4_request"):
            k = _hmac(k, part)
        want = hmac.new(k, sts.encode("utf-8"), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(want, parts["Signature"]) or day != amz_date[:8]:
            if os.environ.get("DATAALL_EMULATOR_LOG"):
                shown = re.sub(r"(?m)^(x-amz-security-token:).*$", r"\1<redacted>", canonical)
                sys.stderr.write("dataall-emulator: SigV4 mismatch, canonical request:\n%s\n"
                                 % shown)
            raise ApiError("InvalidSignatureException", BAD_SIGNATURE)
        if key["expires"] is not None and key["expires"] <= self.clock.now():
            raise ApiError("ExpiredTokenException", EXPIRED_TOKEN)
        if key["account"] is None:
            arn = "arn:aws:iam::%s:user/%s" % ("000000000000", akid)
        else:
            envs = [e for e in self.store.environments().values()
                    if e["AwsAccountId"] == key["account"]]
            role = ("dataall-%s-%s" % (envs[0]["label"].lower(), envs[0]["environmentUri"])
                    if envs else "dataall-pipeline")
            arn = "arn:aws:sts::%s:assumed-role/%s/%s" % (key["account"], role, akid)
        return {"akid": akid, "account": key["account"], "region": region, "arn": arn}

    def expire_session_keys(self):
        """The `expire-tokens` fault on a CodePipeline request: every issued key expires."""
        with self.store.lock:
            self.store.x("UPDATE aws_key SET expires=? WHERE expires > ?",
                         (self.clock.now() - 1, self.clock.now() - 1))

    # -- data.all's pipelines to CodePipelines ----------------------------------------------
    def _deployed_since(self, stack):
        """When a data.all stack's CodePipelines came into being, or None (not yet, failed)."""
        if stack is None:
            return None
        status = stack_status(stack, self.clock.now())
        if status == "CREATE_COMPLETE" or status.startswith("UPDATE_"):
            if stack["fixed_status"]:
                return stack["phase_start"]
            if stack["phase"] == "create":
                return stack["phase_start"] + CREATE_SECONDS
            return stack["phase_start"] - 3600.0  # an update of a stack made earlier
        return None

    def sync(self, pipeline_uri):
        """Make the CodePipelines of a data.all pipeline exist and match its stages."""
        s = self.store
        p = s.q1("SELECT * FROM pipeline WHERE DataPipelineUri=?", (pipeline_uri,))
        if p is None:
            return
        stack = s.q1("SELECT * FROM stack WHERE targetUri=?", (pipeline_uri,))
        since = self._deployed_since(stack)
        if since is None:
            return
        stages = s.q("SELECT * FROM pipeline_env WHERE pipelineUri=?", (pipeline_uri,))
        wanted = layouts(p, stages)
        existing = {r["name"]: r for r in
                    s.q("SELECT * FROM cp_pipeline WHERE pipelineUri=?", (pipeline_uri,))}
        now = self.clock.now()
        first = not existing and not self._any(pipeline_uri)
        for name, branch, decl in wanted:
            row = existing.pop(name, None)
            text = json.dumps(decl, sort_keys=True)
            if row is None:
                created = min(since, now) if first else now
                s.insert("cp_pipeline", {
                    "name": name, "pipelineUri": pipeline_uri, "repo": p["repo"],
                    "branch": branch, "strategy": p["devStrategy"], "account": p["AwsAccountId"],
                    "region": p["region"], "version": 1, "created": created, "updated": created,
                    "definition": text, "versions": "[]", "transitions": "{}"})
                self.start_execution(s.q1("SELECT * FROM cp_pipeline WHERE name=?", (name,)),
                                     created, "CreatePipeline",
                                     "arn:aws:sts::%s:assumed-role/cdk-hnb659fds-cfn-exec-role-"
                                     "%s-%s/AWSCloudFormation" % (p["AwsAccountId"],
                                                                  p["AwsAccountId"], p["region"]))
            elif row["definition"] != text:
                self._advance(row, now)
                versions = json.loads(row["versions"]) + [json.loads(row["definition"])]
                s.x("UPDATE cp_pipeline SET definition=?, versions=?, version=version+1, "
                    "updated=?, branch=? WHERE name=?",
                    (text, json.dumps(versions), now, branch, name))
                # "Cancelled: the pipeline's definition was updated before the pipeline
                # execution could be completed" (PipelineExecution.status)
                for e in self._executions(name, active=True):
                    self._finish(e, "Cancelled", now, stage_status="Cancelled")
                    self._save(e)
        for name in existing:  # a gitflow stage removed: its pipeline goes with the stack update
            s.x("DELETE FROM cp_pipeline WHERE name=?", (name,))
            s.x("DELETE FROM cp_execution WHERE pipeline=?", (name,))

    def forget(self, pipeline_uri):
        """The stack is deleted: its CodePipelines and their history are gone."""
        with self.store.lock:
            for row in self.store.q("SELECT name FROM cp_pipeline WHERE pipelineUri=?",
                                    (pipeline_uri,)):
                self.store.x("DELETE FROM cp_execution WHERE pipeline=?", (row["name"],))
            self.store.x("DELETE FROM cp_pipeline WHERE pipelineUri=?", (pipeline_uri,))

    def _any(self, pipeline_uri):
        return self.store.q1("SELECT 1 FROM cp_execution e JOIN cp_pipeline p ON "
                             "e.pipeline=p.name WHERE p.pipelineUri=?", (pipeline_uri,))

    def _pipeline_uri_for(self, name):
        """The data.all pipeline a CodePipeline name belongs to (its own, or `<name>-<stage>`)."""
        s = self.store
        row = s.q1("SELECT pipelineUri FROM cp_pipeline WHERE name=?", (name,))
        if row:
            return row["pipelineUri"]
        candidates = [name] + [name[:i] for i, ch in enumerate(name) if ch == "-"]
        for c in candidates:
            row = s.q1("SELECT DataPipelineUri FROM pipeline WHERE name=?", (c,))
            if row:
                return row["DataPipelineUri"]
        return None

    def pipeline(self, caller, name, member="name"):
        """The CodePipeline row `name` as the caller's account sees it, brought up to now."""
        self._check_name(name, member)
        uri = self._pipeline_uri_for(name)
        if uri:
            self.sync(uri)
        row = self.store.q1("SELECT * FROM cp_pipeline WHERE name=?", (name,))
        if row is None or not self._visible(caller, row):
            raise ApiError("PipelineNotFoundException", "Account '%s' does not have a pipeline "
                           "with name '%s'" % (caller["account"] or "000000000000", name))
        self._advance(row, self.clock.now())
        return self.store.q1("SELECT * FROM cp_pipeline WHERE name=?", (name,))

    @staticmethod
    def _visible(caller, row):
        return row["region"] == caller["region"] and caller["account"] in (None, row["account"])

    def on_push(self, repo, branch, sha):
        """A branch of a repository moved (a push, or data.all's ddk.json commit): the
        CodePipelines watching it start an execution (after those made by the push itself)."""
        with self.store.lock:
            r = self.store.q1("SELECT pipelineUri FROM repo WHERE name=?", (repo,))
            if r is None:
                return
            self.sync(r["pipelineUri"])
            now = self.clock.now()
            for row in self.store.q("SELECT * FROM cp_pipeline WHERE repo=? AND branch=?",
                                    (repo, branch)):
                self._advance(row, now)
                # data.all's trunk and gitflow poll (POLL); CDK Pipelines' source uses events
                if row["strategy"] == "cdk-trunk":
                    trigger = ("CloudWatchEvent", "arn:aws:events:%s:%s:rule/%s-EventsRule"
                               % (row["region"], row["account"], row["name"]))
                else:
                    trigger = ("PollForSourceChanges", "%s/%s" % (repo, branch))
                self.start_execution(row, now, trigger[0], trigger[1], sha=sha)

    # -- executions ---------------------------------------------------------------------------
    def _revision(self, repo, pipeline_uri, branch, sha=None):
        """(commit id, message) of a branch head or a commit, None if it does not exist."""
        path = self.repos.ensure(repo, pipeline_uri)
        proc = subprocess.run(["git", "log", "-1", "--format=%H%n%B", sha or
                               ("refs/heads/" + branch), "--"],
                              env=dict(self.repos.git_env(), GIT_DIR=path),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if proc.returncode != 0 or not proc.stdout.strip():
            return None
        commit, _, message = proc.stdout.decode("utf-8", "replace").partition("\n")
        return commit.strip(), message.strip()

    def _executions(self, name, active=False):
        sql = "SELECT * FROM cp_execution WHERE pipeline=?"
        if active:
            sql += " AND status IN ('InProgress', 'Stopping')"
        rows = self.store.q(sql + " ORDER BY start, rowid", (name,))
        for r in rows:
            r["state"] = json.loads(r["state"])
        return rows

    def _save(self, e):
        self.store.x("UPDATE cp_execution SET status=?, updated=?, stop_reason=?, state=? "
                     "WHERE id=?", (e["status"], e["updated"], e["stop_reason"],
                                    json.dumps(e["state"]), e["id"]))

    def start_execution(self, row, t, trigger_type, trigger_detail, sha=None):
        rev = self._revision(row["repo"], row["pipelineUri"], row["branch"], sha)
        exec_id = str(uuid.uuid4())
        e = {"id": exec_id, "pipeline": row["name"], "status": "InProgress", "start": t,
             "updated": t, "trigger_type": trigger_type, "trigger_detail": trigger_detail,
             "revision": rev[0] if rev else None, "summary": rev[1] if rev else None,
             "stop_reason": None, "version": row["version"],
             "state": {"pos": 0, "waiting": False, "stopping": False, "stages": {}}}
        decl = json.loads(row["definition"])
        # One execution per stage: a newer one overtakes whatever is still in Source
        # (SUPERSEDED mode).
        for other in self._executions(row["name"], active=True):
            if other["state"]["pos"] == 0 and not other["state"]["waiting"]:
                self._finish(other, "Superseded", t, stage_status="Cancelled")
                self._save(other)
        self.store.x("INSERT INTO cp_execution VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     (e["id"], e["pipeline"], e["status"], e["start"], e["updated"],
                      e["trigger_type"], e["trigger_detail"], e["revision"], e["summary"],
                      None, e["version"], "{}"))
        self._enter(e, decl, 0, t)
        self._save(e)
        return exec_id

    def _enter(self, e, decl, idx, t):
        st = e["state"]
        st["pos"], st["waiting"] = idx, False
        stage = decl[idx]
        st["stages"][stage["name"]] = {"status": "InProgress", "entered": t, "actions": {}}
        self._start_group(e, decl, idx, t)

    def _start_group(self, e, decl, idx, t):
        """Start the lowest run order's actions that have not succeeded; False if none left."""
        stage = decl[idx]
        rec = e["state"]["stages"][stage["name"]]
        todo = [a for a in stage["actions"]
                if rec["actions"].get(a["name"], {}).get("status") != "Succeeded"]
        if not todo:
            return False
        order = min(a["runOrder"] for a in todo)
        for a in todo:
            if a["runOrder"] != order:
                continue
            d = _duration(a)
            rec["actions"][a["name"]] = {
                "status": "InProgress", "start": t, "changed": t,
                "end": t + d if d is not None else None,
                "id": str(uuid.uuid4()),
                "token": str(uuid.uuid4()) if a["actionTypeId"]["category"] == "Approval"
                else None}
        e["updated"] = t
        return True

    def _finish(self, e, status, t, stage_status=None, action_status="Abandoned"):
        """End an execution; its stage in progress (if any) gets `stage_status`."""
        st = e["state"]
        e["status"], e["updated"] = status, t
        for rec in st["stages"].values():
            if rec["status"] in ("InProgress", "Stopping"):
                rec["status"] = stage_status or status
                for a in rec["actions"].values():
                    if a["status"] == "InProgress":
                        a["status"], a["changed"], a["token"] = action_status, t, None

    def _gate_open(self, row, decl, idx):
        trans = json.loads(row["transitions"])
        inbound = trans.get(decl[idx]["name"], {}).get("Inbound", {})
        outbound = trans.get(decl[idx - 1]["name"], {}).get("Outbound", {}) if idx else {}
        return inbound.get("enabled", True) and outbound.get("enabled", True)

    def _advance(self, row, now):
        """Run every active execution of `row` up to the emulated `now`, event by event."""
        decl = json.loads(row["definition"])
        execs = [e for e in self._executions(row["name"], active=True)]
        dirty = set()
        first = True
        while True:
            # executions waiting at a gate enter when it is open and the stage is free
            self._admit(row, decl, execs, dirty, now if first else None)
            first = False
            best = None
            for e in execs:
                if e["status"] not in ACTIVE or e["state"]["waiting"]:
                    continue
                stage = decl[e["state"]["pos"]] if e["state"]["pos"] < len(decl) else None
                if stage is None:
                    continue
                rec = e["state"]["stages"].get(stage["name"], {"actions": {}})
                for a in stage["actions"]:
                    ar = rec["actions"].get(a["name"])
                    if not ar or ar["status"] != "InProgress":
                        continue
                    due = ar["end"] if ar["end"] is not None else ar["start"] + APPROVAL_TIMEOUT
                    if due <= now and (best is None or due < best[0]):
                        best = (due, e, stage, a)
            if best is None:
                break
            t, e, stage, a = best
            self._complete(row, decl, e, stage, a, t)
            dirty.add(e["id"])
            self._admit(row, decl, execs, dirty, t)
        for e in execs:
            if e["id"] in dirty:
                self._save(e)

    def _admit(self, row, decl, execs, dirty, t):
        """Waiting executions enter their stage once it is open and free (at `t`, but not
        before they started waiting). Of two waiting at one gate the older one gives way
        (SUPERSEDED mode)."""
        changed = True
        while changed:
            changed = False
            gates = {}
            for e in execs:
                if e["status"] == "InProgress" and e["state"]["waiting"]:
                    gates.setdefault(e["state"]["pos"], []).append(e)
            for idx, waiting in gates.items():
                waiting.sort(key=lambda x: x["start"])
                for old in waiting[:-1]:
                    old["status"] = "Superseded"
                    old["updated"] = max(x["state"].get("since", 0) for x in waiting)
                    dirty.add(old["id"])
                e = waiting[-1]
                busy = any(o is not e and o["status"] in ACTIVE and o["state"]["pos"] == idx
                           and not o["state"]["waiting"] for o in execs)
                if not busy and self._gate_open(row, decl, idx):
                    self._enter(e, decl, idx, max(t or 0, e["state"].get("since", 0)))
                    dirty.add(e["id"])
                    changed = True

    def _complete(self, row, decl, e, stage, action, t):
        st = e["state"]
        rec = st["stages"][stage["name"]]
        ar = rec["actions"][action["name"]]
        ar["changed"] = t
        kind = action["actionTypeId"]
        failure = None
        if kind["category"] == "Source":
            if e["revision"] is None:
                # [unverified] wording, as reported for a CodeCommit source with no such branch
                failure = ("JobFailed", "The action failed because no branch named %s was found "
                           "in the selected AWS CodeCommit repository %s. Make sure you are "
                           "using the correct branch name, and then try again. Error: null"
                           % (action["configuration"]["BranchName"], row["repo"]))
            else:
                ar["summary"] = e["summary"]
                ar["external"] = e["revision"]
        elif kind["category"] == "Approval":
            failure = ("JobFailed", "The approval action has timed out: it received no "
                       "response within 7 days")  # [unverified] wording
        else:
            fault = self.emu.faults.take("", action["name"], kinds=("action-failure",))
            m = FAIL_RE.search(e["summary"] or "") if _is_deploy(stage["name"], action) else None
            if fault:
                failure = ("JobFailed", fault.get("message") or "Build terminated with state: "
                           "FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR")
            elif m and (m.group(1) is None or m.group(1).lower() ==
                        _deploy_stage(stage["name"], action).lower()):
                if kind["provider"] == "CloudFormation":
                    failure = ("JobFailed", "Stack %s failed: the commit asked for a failure "
                               "([fail])" % action["configuration"]["StackName"])
                else:
                    failure = ("JobFailed", "Build terminated with state: FAILED. Phase: BUILD, "
                               "Code: COMMAND_EXECUTION_ERROR, Message: Error while executing "
                               "command: cdk deploy --all --require-approval never. Reason: "
                               "exit status 1")
            if kind["provider"] == "CodeBuild":
                ar["external"] = "%s:%s" % (action["configuration"]["ProjectName"], ar["id"])
        if failure:
            ar["status"], ar["error"] = "Failed", {"code": failure[0], "message": failure[1]}
        else:
            ar["status"] = "Succeeded"
        self._after_action(row, decl, e, t)

    def _after_action(self, row, decl, e, t):
        st = e["state"]
        idx = st["pos"]
        stage = decl[idx]
        rec = st["stages"][stage["name"]]
        e["updated"] = t
        if any(a["status"] == "InProgress" for a in rec["actions"].values()):
            return
        if any(a["status"] in ("Failed",) for a in rec["actions"].values()):
            rec["status"] = "Failed"
            e["status"] = "Stopped" if st["stopping"] else "Failed"
            return
        if st["stopping"]:
            rec["status"] = "Stopped"
            e["status"] = "Stopped"
            return
        if self._start_group(e, decl, idx, t):
            return
        rec["status"] = "Succeeded"
        if idx + 1 >= len(decl):
            e["status"] = "Succeeded"
            return
        st["pos"], st["waiting"], st["since"] = idx + 1, True, t

    # -- request helpers ----------------------------------------------------------------------
    @staticmethod
    def _check_name(value, member):
        if value is None:
            raise validation(None, member, "not be null")
        if not isinstance(value, str):
            raise ApiError("SerializationException", "NUMBER_VALUE can not be converted to "
                           "String" if isinstance(value, (int, float)) else
                           "Start of structure or map found where not expected.")
        if not 1 <= len(value) <= 100:
            raise validation(value, member, "have length %s" % (
                "greater than or equal to 1" if not value else "less than or equal to 100"))
        if not NAME_RE.match(value):
            raise validation(value, member, "satisfy regular expression pattern: "
                             + NAME_PATTERN)

    @staticmethod
    def _string(req, member, required=True):
        v = req.get(member)
        if v is None:
            if required:
                raise validation(None, member, "not be null")
            return None
        if not isinstance(v, str):
            raise ApiError("SerializationException", "Start of structure or map found where "
                           "not expected.")
        return v

    @staticmethod
    def _enum(value, member, allowed):
        if value is None:
            raise validation(None, member, "not be null")
        if value not in allowed:
            raise validation(value, member, "satisfy enum value set: [%s]" % ", ".join(allowed))
        return value

    @staticmethod
    def _page(req, maximum, default):
        n = req.get("maxResults")
        if n is None:
            n = default
        if not isinstance(n, int) or isinstance(n, bool):
            raise ApiError("SerializationException", "STRING_VALUE can not be converted to an "
                           "Integer")
        if not 1 <= n <= maximum:
            raise validation(n, "maxResults", "have value %s" % (
                "greater than or equal to 1" if n < 1 else "less than or equal to %d" % maximum))
        start = 0
        token = req.get("nextToken")
        if token is not None:
            try:
                start = int(base64.b64decode(token.encode(), validate=True).decode())
            except (ValueError, AttributeError, UnicodeDecodeError):
                raise ApiError("InvalidNextTokenException",
                               "The next token was specified in an invalid format. Make sure "
                               "that the next token you provide is the token returned by a "
                               "previous call.")
        return start, n

    @staticmethod
    def _next(start, n, total):
        return base64.b64encode(str(start + n).encode()).decode() if start + n < total else None

    def _stage(self, row, name, member="stageName"):
        self._check_name(name, member)
        for i, s in enumerate(json.loads(row["definition"])):
            if s["name"] == name:
                return i, s
        raise ApiError("StageNotFoundException", "Stage %s not found in pipeline %s"
                       % (name, row["name"]))  # [unverified] wording

    def _execution(self, row, exec_id):
        if exec_id is None:
            raise validation(None, "pipelineExecutionId", "not be null")
        if not isinstance(exec_id, str) or not re.match("^%s$" % EXECUTION_ID_PATTERN, exec_id):
            raise validation(exec_id, "pipelineExecutionId", "satisfy regular expression "
                             "pattern: " + EXECUTION_ID_PATTERN)
        e = self.store.q1("SELECT * FROM cp_execution WHERE id=? AND pipeline=?",
                          (exec_id, row["name"]))
        if e is None:
            raise ApiError("PipelineExecutionNotFoundException", "Pipeline execution %s not "
                           "found for pipeline %s" % (exec_id, row["name"]))  # [unverified]
        e["state"] = json.loads(e["state"])
        return e

    def _latest_in(self, row, stage_name):
        """The execution that most recently entered a stage."""
        best = None
        for e in self._executions(row["name"]):
            rec = e["state"].get("stages", {}).get(stage_name)
            if rec and (best is None or rec["entered"] >= best[1]["entered"]):
                best = (e, rec)
        return best

    # -- operations ---------------------------------------------------------------------------
    def op_ListPipelines(self, caller, req):
        start, n = self._page(req, 1000, 100)
        s = self.store
        where, args = "p.region=?", [caller["region"]]
        if caller["account"] is not None:
            where += " AND p.AwsAccountId=?"
            args.append(caller["account"])
        made = {r["name"]: r for r in s.q("SELECT name, version, created, updated, account, "
                                          "region FROM cp_pipeline")}
        rows = s.db.execute(
            "SELECT p.DataPipelineUri, p.name, p.devStrategy, st.stage, st.\"order\", "
            "k.phase, k.phase_start, k.fixed_status FROM pipeline p JOIN stack k ON "
            "k.targetUri=p.DataPipelineUri LEFT JOIN pipeline_env st ON "
            "st.pipelineUri=p.DataPipelineUri AND p.devStrategy NOT IN ('trunk', 'cdk-trunk') "
            "WHERE " + where, args).fetchall()
        names = {}
        for r in rows:
            stack = {"phase": r[5], "phase_start": r[6], "fixed_status": r[7]}
            since = self._deployed_since(stack)
            if since is None:
                continue
            if r[2] in ("trunk", "cdk-trunk"):
                names[r[1]] = since
            elif r[3] is not None:
                names["%s-%s" % (r[1], r[3])] = since
        listed = []
        for name in sorted(set(names) | set(made)):
            m = made.get(name)
            if m is not None:
                if not self._visible(caller, m):
                    continue
                listed.append({"name": name, "version": m["version"], "pipelineType": "V2",
                               "executionMode": "SUPERSEDED", "created": m["created"],
                               "updated": m["updated"]})
            else:
                listed.append({"name": name, "version": 1, "pipelineType": "V2",
                               "executionMode": "SUPERSEDED", "created": names[name],
                               "updated": names[name]})
        out = {"pipelines": listed[start:start + n]}
        token = self._next(start, n, len(listed))
        if token:
            out["nextToken"] = token
        return out

    def op_GetPipeline(self, caller, req):
        row = self.pipeline(caller, req.get("name"))
        decl = json.loads(row["definition"])
        version = req.get("version")
        if version is not None:
            if not isinstance(version, int) or version < 1:
                raise validation(version, "version", "have value greater than or equal to 1")
            if version != row["version"]:
                old = json.loads(row["versions"])
                if version > len(old):
                    raise ApiError("PipelineVersionNotFoundException", "Pipeline version %d "
                                   "not found for pipeline %s" % (version, row["name"]))
                decl = old[version - 1]
        region, account = row["region"], row["account"]
        return {"pipeline": {
            "name": row["name"],
            "roleArn": "arn:aws:iam::%s:role/%s" % (account, row["name"][:64]),
            "artifactStore": {"type": "S3", "location": "%s-artifacts-bucket" % row["name"]},
            "stages": decl, "version": version or row["version"],
            "executionMode": "SUPERSEDED", "pipelineType": "V2"},
            "metadata": {"pipelineArn": "arn:aws:codepipeline:%s:%s:%s"
                         % (region, account, row["name"]),
                         "created": row["created"], "updated": row["updated"]}}

    def op_GetPipelineState(self, caller, req):
        row = self.pipeline(caller, req.get("name"))
        decl = json.loads(row["definition"])
        trans = json.loads(row["transitions"])
        execs = self._executions(row["name"])
        region, console = row["region"], _console(row["region"])
        states = []
        for idx, stage in enumerate(decl):
            out = {"stageName": stage["name"]}
            if idx:
                t = trans.get(stage["name"], {}).get("Inbound", {"enabled": True})
                out["inboundTransitionState"] = {k: v for k, v in (
                    ("enabled", t.get("enabled", True)), ("lastChangedBy", t.get("by")),
                    ("lastChangedAt", t.get("at")), ("disabledReason", t.get("reason")))
                    if v is not None}
            waiting = [e for e in execs if e["status"] == "InProgress"
                       and e["state"]["waiting"] and e["state"]["pos"] == idx]
            if waiting:
                ie = {"pipelineExecutionId": waiting[-1]["id"], "status": "InProgress",
                      "type": "STANDARD"}
                out["inboundExecution"] = ie
                out["inboundExecutions"] = [ie]
            latest = None
            for e in execs:
                rec = e["state"]["stages"].get(stage["name"])
                if rec and (latest is None or rec["entered"] >= latest[1]["entered"]):
                    latest = (e, rec)
            actions = []
            for a in stage["actions"]:
                cfg = a["configuration"]
                ao = {"actionName": a["name"]}
                if a["actionTypeId"]["provider"] == "CodeCommit":
                    ao["entityUrl"] = ("%s/codesuite/codecommit/repositories/%s/browse/refs/"
                                       "heads/%s?region=%s" % (console, cfg["RepositoryName"],
                                                                cfg["BranchName"], region))
                elif a["actionTypeId"]["provider"] == "CodeBuild":
                    ao["entityUrl"] = ("%s/codebuild/home?region=%s#/projects/%s/view"
                                       % (console, region, cfg["ProjectName"]))
                ar = latest[1]["actions"].get(a["name"]) if latest else None
                if ar:
                    e = latest[0]
                    le = {"actionExecutionId": ar["id"], "status": ar["status"],
                          "lastStatusChange": ar["changed"]}
                    if ar.get("summary"):
                        le["summary"] = ar["summary"]
                    if ar.get("token") and ar["status"] == "InProgress":
                        le["token"] = ar["token"]
                    if ar.get("by"):
                        le["lastUpdatedBy"] = ar["by"]
                    if ar.get("external"):
                        le["externalExecutionId"] = ar["external"]
                        if a["actionTypeId"]["provider"] == "CodeBuild":
                            le["externalExecutionUrl"] = (
                                "%s/codebuild/home?region=%s#/builds/%s/view/new"
                                % (console, region, urllib.parse.quote(ar["external"])))
                    if ar.get("error"):
                        le["errorDetails"] = ar["error"]
                    if ar["status"] == "InProgress" and ar["end"]:
                        le["percentComplete"] = max(0, min(99, int(
                            100 * (self.clock.now() - ar["start"]) / (ar["end"] - ar["start"]))))
                    ao["latestExecution"] = le
                    if a["actionTypeId"]["category"] == "Source" and e["revision"] \
                            and ar["status"] == "Succeeded":
                        ao["currentRevision"] = {"revisionId": e["revision"],
                                                 "revisionChangeId": e["revision"],
                                                 "created": ar["changed"]}
                        ao["revisionUrl"] = ("%s/codesuite/codecommit/repositories/%s/commit/"
                                             "%s?region=%s" % (console, cfg["RepositoryName"],
                                                               e["revision"], region))
                actions.append(ao)
            out["actionStates"] = actions
            if latest:
                out["latestExecution"] = {"pipelineExecutionId": latest[0]["id"],
                                          "status": latest[1]["status"], "type": "STANDARD"}
            states.append(out)
        return {"pipelineName": row["name"], "pipelineVersion": row["version"],
                "stageStates": states, "created": row["created"], "updated": row["updated"]}

    def _summary(self, row, e):
        decl = json.loads(row["definition"])
        src = decl[0]["actions"][0]
        out = {"pipelineExecutionId": e["id"], "status": e["status"], "startTime": e["start"],
               "lastUpdateTime": e["updated"], "executionMode": "SUPERSEDED",
               "executionType": "STANDARD",
               "trigger": {"triggerType": e["trigger_type"],
                           "triggerDetail": e["trigger_detail"]},
               "sourceRevisions": []}
        if e["revision"]:
            out["sourceRevisions"].append({
                "actionName": src["name"], "revisionId": e["revision"],
                "revisionSummary": e["summary"],
                "revisionUrl": "%s/codesuite/codecommit/repositories/%s/commit/%s?region=%s"
                % (_console(row["region"]), row["repo"], e["revision"], row["region"])})
        if e["stop_reason"] is not None:
            out["stopTrigger"] = {"reason": e["stop_reason"]}
        failed = [a for rec in e["state"]["stages"].values() for a in rec["actions"].values()
                  if a["status"] == "Failed" and a.get("error")]
        if e["status"] == "Failed" and failed:
            out["statusSummary"] = failed[-1]["error"]["message"]
        return out

    def op_ListPipelineExecutions(self, caller, req):
        row = self.pipeline(caller, req.get("pipelineName"), "pipelineName")
        start, n = self._page(req, 100, 100)
        execs = list(reversed(self._executions(row["name"])))
        f = req.get("filter")
        if f is not None:
            stage = (f.get("succeededInStage") or {}).get("stageName") \
                if isinstance(f, dict) else None
            self._check_name(stage, "filter.succeededInStage.stageName")
            execs = [e for e in execs
                     if e["state"]["stages"].get(stage, {}).get("status") == "Succeeded"]
        out = {"pipelineExecutionSummaries": [self._summary(row, e)
                                              for e in execs[start:start + n]]}
        token = self._next(start, n, len(execs))
        if token:
            out["nextToken"] = token
        return out

    def op_StartPipelineExecution(self, caller, req):
        row = self.pipeline(caller, req.get("name"))
        return {"pipelineExecutionId": self.start_execution(
            row, self.clock.now(), "StartPipelineExecution", caller["arn"])}

    def op_PutApprovalResult(self, caller, req):
        row = self.pipeline(caller, req.get("pipelineName"), "pipelineName")
        idx, stage = self._stage(row, req.get("stageName"))
        action_name = req.get("actionName")
        self._check_name(action_name, "actionName")
        action = next((a for a in stage["actions"] if a["name"] == action_name), None)
        if action is None:
            raise ApiError("ActionNotFoundException", "Action %s not found in stage %s"
                           % (action_name, stage["name"]))  # [unverified] wording
        result = req.get("result")
        if not isinstance(result, dict):
            raise validation(None, "result", "not be null")
        summary = self._string(result, "summary")
        if len(summary) > 512:
            raise validation(summary, "result.summary", "have length less than or equal to 512")
        status = self._enum(result.get("status"), "result.status", ("Approved", "Rejected"))
        token = self._string(req, "token")
        if not re.match("^%s$" % TOKEN_PATTERN, token):
            raise validation(token, "token", "satisfy regular expression pattern: "
                             + TOKEN_PATTERN)
        latest = self._latest_in(row, stage["name"])
        ar = latest[1]["actions"].get(action_name) if latest else None
        if action["actionTypeId"]["category"] != "Approval" or ar is None \
                or ar["status"] != "InProgress" or latest[0]["status"] not in ACTIVE:
            # no approval open at this action ([unverified] wording)
            raise ApiError("ApprovalAlreadyCompletedException", "The approval action %s in "
                           "stage %s of pipeline %s has no pending approval: it has already "
                           "been completed" % (action_name, stage["name"], row["name"]))
        if token != ar["token"]:
            raise ApiError("InvalidApprovalTokenException", "The approval token %s is not valid "
                           "for action %s: the approval has already received a response or has "
                           "expired" % (token, action_name))  # [unverified] wording
        now = self.clock.now()
        e = latest[0]
        ar["summary"], ar["by"], ar["changed"], ar["token"] = summary, caller["arn"], now, None
        if status == "Approved":
            ar["status"] = "Succeeded"
        else:
            ar["status"] = "Failed"
            ar["error"] = {"code": "JobFailed", "message": "Rejected by %s: %s"
                           % (caller["arn"], summary)}  # [unverified] wording
        self._after_action(row, json.loads(row["definition"]), e, now)
        self._save(e)
        self._advance(self.store.q1("SELECT * FROM cp_pipeline WHERE name=?", (row["name"],)),
                      now)
        return {"approvedAt": now}

    def op_RetryStageExecution(self, caller, req):
        row = self.pipeline(caller, req.get("pipelineName"), "pipelineName")
        idx, stage = self._stage(row, req.get("stageName"))
        e = self._execution(row, req.get("pipelineExecutionId"))
        mode = self._enum(req.get("retryMode"), "retryMode", ("FAILED_ACTIONS", "ALL_ACTIONS"))
        latest = self._latest_in(row, stage["name"])
        if latest is None or latest[0]["id"] != e["id"]:
            raise ApiError("NotLatestPipelineExecutionException", "Execution %s is not the "
                           "latest execution in stage %s; the stage has run again since"
                           % (e["id"], stage["name"]))  # [unverified] wording
        rec = e["state"]["stages"][stage["name"]]
        if rec["status"] not in ("Failed", "Stopped") or e["status"] not in (
                "Failed", "Stopped") or e["version"] != row["version"]:
            raise ApiError("StageNotRetryableException", "Stage %s of execution %s cannot be "
                           "retried: it has not failed or been stopped, or the pipeline has "
                           "changed since" % (stage["name"], e["id"]))  # [unverified] wording
        for other in self._executions(row["name"], active=True):
            if other["state"]["pos"] == idx and not other["state"]["waiting"]:
                raise ApiError("ConflictException", "Stage %s is busy with execution %s"
                               % (stage["name"], other["id"]))
        now = self.clock.now()
        if idx == 0 and e["revision"] is None:  # the branch may exist by now
            rev = self._revision(row["repo"], row["pipelineUri"], row["branch"])
            if rev:
                e["revision"], e["summary"] = rev
                self.store.x("UPDATE cp_execution SET revision=?, summary=? WHERE id=?",
                             (rev[0], rev[1], e["id"]))
        if mode == "ALL_ACTIONS":
            rec["actions"] = {}
        else:
            rec["actions"] = {k: v for k, v in rec["actions"].items()
                              if v["status"] == "Succeeded"}
        rec["status"], rec["entered"] = "InProgress", now
        e["status"], e["stop_reason"] = "InProgress", None
        e["state"]["pos"], e["state"]["waiting"], e["state"]["stopping"] = idx, False, False
        self._start_group(e, json.loads(row["definition"]), idx, now)
        self._save(e)
        return {"pipelineExecutionId": e["id"]}

    def op_StopPipelineExecution(self, caller, req):
        row = self.pipeline(caller, req.get("pipelineName"), "pipelineName")
        e = self._execution(row, req.get("pipelineExecutionId"))
        abandon = req.get("abandon", False)
        reason = self._string(req, "reason", required=False)
        if reason is not None and len(reason) > 200:
            raise validation(reason, "reason", "have length less than or equal to 200")
        if e["status"] == "Stopping":
            raise ApiError("DuplicatedStopRequestException", "Execution %s is already being "
                           "stopped" % e["id"])  # [unverified] wording
        if e["status"] != "InProgress":
            raise ApiError("PipelineExecutionNotStoppableException", "Execution %s cannot be "
                           "stopped: it is %s" % (e["id"], e["status"]))  # [unverified] wording
        now = self.clock.now()
        e["stop_reason"] = reason or ""
        st = e["state"]
        decl = json.loads(row["definition"])
        if abandon or st["waiting"]:
            self._finish(e, "Stopped", now, stage_status="Stopped")
        else:
            e["status"], e["updated"] = "Stopping", now
            st["stopping"] = True
            rec = st["stages"][decl[st["pos"]]["name"]]
            rec["status"] = "Stopping"
            for a in rec["actions"].values():  # an approval has nothing to finish
                if a["status"] == "InProgress" and a["end"] is None:
                    a["status"], a["changed"], a["token"] = "Abandoned", now, None
            if not any(a["status"] == "InProgress" for a in rec["actions"].values()):
                rec["status"] = "Stopped"
                e["status"] = "Stopped"
        self._save(e)
        self._advance(self.store.q1("SELECT * FROM cp_pipeline WHERE name=?", (row["name"],)),
                      now)
        return {"pipelineExecutionId": e["id"]}

    def _transition(self, caller, req, enabled):
        row = self.pipeline(caller, req.get("pipelineName"), "pipelineName")
        idx, stage = self._stage(row, req.get("stageName"))
        kind = self._enum(req.get("transitionType"), "transitionType", ("Inbound", "Outbound"))
        reason = None
        if not enabled:
            reason = self._string(req, "reason")
            if not 1 <= len(reason) <= 300:
                raise validation(reason, "reason", "have length %s" % (
                    "greater than or equal to 1" if not reason else "less than or equal to 300"))
            if not re.match("^%s$" % REASON_PATTERN, reason):
                raise validation(reason, "reason", "satisfy regular expression pattern: "
                                 + REASON_PATTERN)
        if kind == "Inbound" and idx == 0:
            # [unverified]: the console offers no transition before the first stage
            raise validation(stage["name"], "stageName", "not name the first stage for an "
                             "Inbound transition")
        trans = json.loads(row["transitions"])
        now = self.clock.now()
        entry = {"enabled": enabled, "by": caller["arn"], "at": now}
        if reason:
            entry["reason"] = reason
        trans.setdefault(stage["name"], {})[kind] = entry
        self.store.x("UPDATE cp_pipeline SET transitions=? WHERE name=?",
                     (json.dumps(trans), row["name"]))
        self._advance(self.store.q1("SELECT * FROM cp_pipeline WHERE name=?", (row["name"],)),
                      now)
        return {}

    def op_DisableStageTransition(self, caller, req):
        return self._transition(caller, req, False)

    def op_EnableStageTransition(self, caller, req):
        return self._transition(caller, req, True)

"""State: the emulated clock and the SQLite database, with the demo seed and the generator."""

import datetime
import json
import random
import re
import sqlite3
import string
import threading
import time
import unicodedata

ID_ALPHABET = string.ascii_lowercase + string.digits

# data.all's tenant permission and the environment/pipeline permissions it grants
MANAGE_PIPELINES = "MANAGE_PIPELINES"
CREATE_PIPELINE = "CREATE_PIPELINE"
ENVIRONMENT_ADMIN_PERMS = ["CREATE_PIPELINE", "CREATE_DATASET", "LIST_ENVIRONMENT_GROUPS",
                           "LIST_ENVIRONMENT_DATASETS", "GET_ENVIRONMENT", "UPDATE_ENVIRONMENT",
                           "INVITE_ENVIRONMENT_GROUP"]
ENVIRONMENT_INVITED_PERMS = ["CREATE_PIPELINE", "CREATE_DATASET", "LIST_ENVIRONMENT_GROUPS",
                             "LIST_ENVIRONMENT_DATASETS", "GET_ENVIRONMENT"]
ADMIN_GROUP = "DAAdministrators"

# Stack timeline on the emulated clock, in seconds from the start of a deployment
PENDING_SECONDS = 30
CREATE_SECONDS = 180
UPDATE_SECONDS = 90
AWS_KEY_SECONDS = 3600

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS app_user (email TEXT PRIMARY KEY, sub TEXT, name TEXT, groups TEXT,
    position INTEGER);
CREATE TABLE IF NOT EXISTS tenant_group (groupUri TEXT PRIMARY KEY, manage_pipelines INTEGER);
CREATE TABLE IF NOT EXISTS organization (organizationUri TEXT PRIMARY KEY, label TEXT, name TEXT,
    description TEXT, owner TEXT, SamlGroupName TEXT, tags TEXT, created TEXT, updated TEXT);
CREATE TABLE IF NOT EXISTS environment (environmentUri TEXT PRIMARY KEY, organizationUri TEXT,
    label TEXT, name TEXT, description TEXT, owner TEXT, SamlGroupName TEXT, AwsAccountId TEXT,
    region TEXT, resourcePrefix TEXT, environmentType TEXT, tags TEXT, pipelinesEnabled INTEGER,
    created TEXT, updated TEXT, position INTEGER);
CREATE TABLE IF NOT EXISTS env_group (environmentUri TEXT, groupUri TEXT, invitedBy TEXT,
    permissions TEXT, created TEXT, PRIMARY KEY (environmentUri, groupUri));
CREATE TABLE IF NOT EXISTS dataset (datasetUri TEXT PRIMARY KEY, label TEXT, name TEXT,
    description TEXT, tags TEXT, owner TEXT, environmentUri TEXT, SamlAdminGroupName TEXT,
    created TEXT, updated TEXT);
CREATE TABLE IF NOT EXISTS pipeline (DataPipelineUri TEXT PRIMARY KEY, label TEXT, name TEXT,
    description TEXT, tags TEXT, created TEXT, updated TEXT, owner TEXT, repo TEXT,
    SamlGroupName TEXT, environmentUri TEXT, organizationUri TEXT, region TEXT, AwsAccountId TEXT,
    devStrategy TEXT, template TEXT, adminGroup TEXT, inputDatasetUri TEXT,
    outputDatasetUri TEXT);
-- listDataPipelines scans this covering index in label order, then fetches one page of rows
CREATE INDEX IF NOT EXISTS pipeline_list ON pipeline (label, DataPipelineUri, owner,
    SamlGroupName, region, devStrategy, description);
CREATE INDEX IF NOT EXISTS pipeline_owner ON pipeline (owner);
CREATE INDEX IF NOT EXISTS pipeline_team ON pipeline (SamlGroupName, label);
CREATE TABLE IF NOT EXISTS pipeline_tag (pipelineUri TEXT, tag TEXT);
CREATE INDEX IF NOT EXISTS pipeline_tag_tag ON pipeline_tag (tag, pipelineUri);
CREATE INDEX IF NOT EXISTS pipeline_tag_uri ON pipeline_tag (pipelineUri);
CREATE TABLE IF NOT EXISTS pipeline_env (envPipelineUri TEXT PRIMARY KEY, pipelineUri TEXT,
    pipelineLabel TEXT, environmentUri TEXT, environmentLabel TEXT, stage TEXT,
    "order" INTEGER, region TEXT, AwsAccountId TEXT, samlGroupName TEXT);
CREATE INDEX IF NOT EXISTS pipeline_env_uri ON pipeline_env (pipelineUri, stage);
CREATE TABLE IF NOT EXISTS stack (stackUri TEXT PRIMARY KEY, targetUri TEXT, stack TEXT,
    environmentUri TEXT, name TEXT, accountid TEXT, region TEXT, phase TEXT, phase_start REAL,
    fixed_status TEXT, stack_uuid TEXT, task_id TEXT);
CREATE INDEX IF NOT EXISTS stack_target ON stack (targetUri);
CREATE TABLE IF NOT EXISTS kv_tag (tagUri TEXT PRIMARY KEY, targetUri TEXT, targetType TEXT,
    key TEXT, value TEXT, cascade INTEGER, position INTEGER);
CREATE INDEX IF NOT EXISTS kv_tag_target ON kv_tag (targetUri, targetType);
CREATE TABLE IF NOT EXISTS feed_message (feedMessageUri TEXT PRIMARY KEY, targetUri TEXT,
    targetType TEXT, creator TEXT, content TEXT, created TEXT);
CREATE TABLE IF NOT EXISTS repo (name TEXT PRIMARY KEY, pipelineUri TEXT, region TEXT,
    account TEXT);
CREATE TABLE IF NOT EXISTS aws_key (akid TEXT PRIMARY KEY, secret TEXT, token TEXT,
    account TEXT, expires REAL);
"""


class Clock:
    """Emulated time: starts at real time, runs `scale` emulated seconds per real second."""

    def __init__(self, scale=1.0):
        self.scale = scale
        self._real0 = time.time()
        self._emu0 = self._real0
        self._lock = threading.Lock()

    def now(self):
        with self._lock:
            return self._emu0 + (time.time() - self._real0) * self.scale

    def advance(self, seconds):
        with self._lock:
            self._emu0 += seconds

    def datetime(self):
        return utc(self.now())

    def stamp(self):
        return str(self.datetime())


def utc(epoch):
    """Naive UTC datetime, as data.all stores and prints them."""
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).replace(tzinfo=None)


def new_uri(rng=random):
    return "".join(rng.choice(ID_ALPHABET) for _ in range(8))


def slugify(text, regex=r"[^a-zA-Z0-9-_]", separator="-"):
    """python-slugify as data.all calls it (lowercase, one separator between words)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("'", "")
    text = re.sub(regex, separator, text)
    text = re.sub("%s+" % re.escape(separator), separator, text)
    return text.strip(separator)


def compliant_name(prefix, label, uri, max_length=63):
    """NamingConventionService.build_compliant_name with the DEFAULT pattern."""
    return slugify(prefix + "-" + label[:max_length - len(prefix + uri)] + "-" + uri)


def stack_status(row, now):
    """Status of a stack row at emulated time `now` (CloudFormation strings, or 'pending')."""
    if row["fixed_status"]:
        return row["fixed_status"]
    elapsed = now - row["phase_start"]
    if row["phase"] == "update":
        return "UPDATE_IN_PROGRESS" if elapsed < UPDATE_SECONDS else "UPDATE_COMPLETE"
    if elapsed < PENDING_SECONDS:
        return "pending"
    return "CREATE_IN_PROGRESS" if elapsed < CREATE_SECONDS else "CREATE_COMPLETE"


class Store:
    """One SQLite connection shared by all threads; callers hold `lock` around each use."""

    def __init__(self, path, clock):
        self.clock = clock
        self.lock = threading.RLock()
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(SCHEMA_SQL)
        self._env_cache = None
        self._org_cache = None

    # -- small helpers ------------------------------------------------------------------------
    def q(self, sql, args=()):
        return [dict(r) for r in self.db.execute(sql, args)]

    def q1(self, sql, args=()):
        row = self.db.execute(sql, args).fetchone()
        return dict(row) if row else None

    def x(self, sql, args=()):
        return self.db.execute(sql, args)

    def meta(self, key, default=None):
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key, value):
        self.x("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, value))

    def users(self):
        rows = self.q("SELECT * FROM app_user ORDER BY position")
        for r in rows:
            r["groups"] = json.loads(r["groups"])
        return rows

    def user(self, email):
        r = self.q1("SELECT * FROM app_user WHERE email=?", (email,))
        if r:
            r["groups"] = json.loads(r["groups"])
        return r

    # Environments and organizations never change while running: cache them for nested fields.
    def environments(self):
        if self._env_cache is None:
            envs = self.q("SELECT * FROM environment ORDER BY position")
            for e in envs:
                e["tags"] = json.loads(e["tags"])
                e["groups"] = {}
            for g in self.q("SELECT * FROM env_group"):
                for e in envs:
                    if e["environmentUri"] == g["environmentUri"]:
                        e["groups"][g["groupUri"]] = g
            self._env_cache = {e["environmentUri"]: e for e in envs}
        return self._env_cache

    def organizations(self):
        if self._org_cache is None:
            orgs = self.q("SELECT * FROM organization")
            for o in orgs:
                o["tags"] = json.loads(o["tags"])
            self._org_cache = {o["organizationUri"]: o for o in orgs}
        return self._org_cache

    def stacks_for(self, uris):
        if not uris:
            return {}
        marks = ",".join("?" * len(uris))
        return {r["targetUri"]: r for r in
                self.q("SELECT * FROM stack WHERE targetUri IN (%s)" % marks, list(uris))}

    def pipeline_envs_for(self, uris):
        out = {u: [] for u in uris}
        if not uris:
            return out
        marks = ",".join("?" * len(uris))
        for r in self.q('SELECT * FROM pipeline_env WHERE pipelineUri IN (%s) ORDER BY stage'
                        % marks, list(uris)):
            out[r["pipelineUri"]].append(r)
        return out

    # -- writes -------------------------------------------------------------------------------
    def insert(self, table, row):
        cols = list(row)
        self.x('INSERT INTO %s (%s) VALUES (%s)' % (
            table, ",".join('"%s"' % c for c in cols), ",".join("?" * len(cols))),
            [row[c] for c in cols])

    def pipeline_rows(self, pipeline_uri, label, env, team, owner, description, tags, strategy,
                      created, phase, phase_start, fixed_status=None, rng=random,
                      input_ds=None, output_ds=None):
        """Rows of a new pipeline: (pipeline, tags, stack, repo), names as data.all builds them."""
        name = compliant_name(env["resourcePrefix"], label, pipeline_uri)
        pipeline = {
            "DataPipelineUri": pipeline_uri, "label": label, "name": name,
            "description": description, "tags": json.dumps(tags), "created": created,
            "updated": created, "owner": owner, "repo": name, "SamlGroupName": team,
            "environmentUri": env["environmentUri"], "organizationUri": env["organizationUri"],
            "region": env["region"], "AwsAccountId": env["AwsAccountId"],
            "devStrategy": strategy, "template": "", "adminGroup": env["SamlGroupName"],
            "inputDatasetUri": input_ds, "outputDatasetUri": output_ds}
        kind = "cdkpipeline" if strategy == "cdk-trunk" else "pipeline"
        stack = {
            "stackUri": new_uri(rng), "targetUri": pipeline_uri, "stack": kind,
            "environmentUri": env["environmentUri"],
            "name": "%s-%s-%s" % (env["resourcePrefix"], kind, pipeline_uri),
            "accountid": env["AwsAccountId"], "region": env["region"], "phase": phase,
            "phase_start": phase_start, "fixed_status": fixed_status,
            "stack_uuid": "%08x-%04x-11ee-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16),
                                                          rng.getrandbits(16), rng.getrandbits(48)),
            "task_id": "%032x" % rng.getrandbits(128)}
        repo = {"name": name, "pipelineUri": pipeline_uri, "region": env["region"],
                "account": env["AwsAccountId"]}
        return pipeline, [(pipeline_uri, t) for t in tags], stack, repo

    def pipeline_env_row(self, pipeline, env, stage, order, team):
        return {
            "envPipelineUri": pipeline["DataPipelineUri"] + env["environmentUri"] + stage,
            "pipelineUri": pipeline["DataPipelineUri"], "pipelineLabel": pipeline["label"],
            "environmentUri": env["environmentUri"], "environmentLabel": env["label"],
            "stage": stage, "order": order, "region": env["region"],
            "AwsAccountId": env["AwsAccountId"], "samlGroupName": team}

    # -- seeding ------------------------------------------------------------------------------
    def seed(self, kind, number=20240611):
        """`empty`: users, organization, environments and teams; `demo` adds datasets,
        pipelines with stages, tags and chat."""
        if self.meta("seeded"):
            return
        rng = random.Random(number)  # --seed-number: other ids, for tests sharing a keyring
        now = self.clock.now()
        created = self.clock.stamp()
        self.x("BEGIN")
        users = [
            ("admin@example.com", "Ada Admin", [ADMIN_GROUP, "DataEngineers"]),
            ("engineer@example.com", "Eric Engineer", ["DataEngineers", "Scientists"]),
            ("analyst@example.com", "Ana Analyst", ["Analysts"]),
        ]
        for pos, (email, name, groups) in enumerate(users):
            self.insert("app_user", {"email": email, "name": name, "groups": json.dumps(groups),
                                     "sub": "%08x-0000-4000-8000-%012x" % (pos + 1, pos + 1),
                                     "position": pos})
        for group, manage in ((ADMIN_GROUP, 1), ("DataEngineers", 1), ("Scientists", 1),
                              ("Analysts", 0)):
            self.insert("tenant_group", {"groupUri": group, "manage_pipelines": manage})
        org = {"organizationUri": new_uri(rng), "label": "Acme Data Platform",
               "name": "acme-data-platform", "description": "Demo organization",
               "owner": "admin@example.com", "SamlGroupName": ADMIN_GROUP,
               "tags": json.dumps(["demo"]), "created": created, "updated": created}
        self.insert("organization", org)
        env_specs = [
            # label, account, region, admin team, pipelinesEnabled, invited teams (with perms)
            ("CICD", "111111111111", "eu-west-1", "DataEngineers", 1,
             {"Scientists": ENVIRONMENT_INVITED_PERMS}),
            ("DEV", "222222222222", "eu-west-1", "DataEngineers", 1,
             {"Scientists": ENVIRONMENT_INVITED_PERMS,
              "Analysts": [p for p in ENVIRONMENT_INVITED_PERMS if p != CREATE_PIPELINE]}),
            ("TEST", "333333333333", "eu-central-1", "DataEngineers", 1,
             {"Scientists": ENVIRONMENT_INVITED_PERMS}),
            ("PROD", "444444444444", "eu-central-1", "DataEngineers", 1, {}),
            ("SANDBOX", "555555555555", "eu-west-1", "DataEngineers", 0,
             {"Scientists": ENVIRONMENT_INVITED_PERMS}),
        ]
        envs = {}
        for pos, (label, account, region, admin, enabled, invited) in enumerate(env_specs):
            uri = new_uri(rng)
            env = {"environmentUri": uri, "organizationUri": org["organizationUri"],
                   "label": label, "name": compliant_name("dataall", label, uri),
                   "description": "%s environment" % label, "owner": "admin@example.com",
                   "SamlGroupName": admin, "AwsAccountId": account, "region": region,
                   "resourcePrefix": "dataall", "environmentType": "Data",
                   "tags": json.dumps([label.lower()]), "pipelinesEnabled": enabled,
                   "created": created, "updated": created, "position": pos}
            self.insert("environment", env)
            self.insert("env_group", {"environmentUri": uri, "groupUri": admin,
                                      "invitedBy": "admin@example.com",
                                      "permissions": ",".join(ENVIRONMENT_ADMIN_PERMS),
                                      "created": created})
            for team, perms in invited.items():
                self.insert("env_group", {"environmentUri": uri, "groupUri": team,
                                          "invitedBy": "admin@example.com",
                                          "permissions": ",".join(perms), "created": created})
            envs[label] = env
        if kind == "demo":
            for env_label, team, ds_label in (
                    ("CICD", "DataEngineers", "landing_zone"),
                    ("DEV", "DataEngineers", "raw_customers"),
                    ("DEV", "Scientists", "feature_store"),
                    ("TEST", "Scientists", "experiments"),
                    ("PROD", "DataEngineers", "curated_sales")):
                env = envs[env_label]
                uri = new_uri(rng)
                self.insert("dataset", {
                    "datasetUri": uri, "label": ds_label,
                    "name": compliant_name("dataall", ds_label, uri),
                    "description": "%s owned by %s" % (ds_label, team), "tags": "[]",
                    "owner": "admin@example.com", "environmentUri": env["environmentUri"],
                    "SamlAdminGroupName": team, "created": created, "updated": created})
            demo = [
                # label, strategy, team, owner, tags, stages, phase, seconds ago, fixed status
                ("customer-360", "cdk-trunk", "DataEngineers", "engineer@example.com",
                 ["analytics", "customer"],
                 [("dev", "DEV", "DataEngineers"), ("test", "TEST", "Scientists"),
                  ("prod", "PROD", "DataEngineers")], "create", 86400.0, None),
                ("sales-ingest", "trunk", "DataEngineers", "admin@example.com", ["sales"],
                 [("dev", "DEV", "DataEngineers"), ("prod", "PROD", "DataEngineers")],
                 "update", 10.0, None),
                ("ml-features", "gitflow", "Scientists", "engineer@example.com", ["ml"],
                 [("dev", "DEV", "Scientists"), ("test", "TEST", "Scientists"),
                  ("prod", "PROD", "DataEngineers")], "create", 0.0, None),
            ]
            for label, strategy, team, owner, tags, stages, phase, ago, fixed in demo:
                uri = new_uri(rng)
                p, ptags, stack, repo = self.pipeline_rows(
                    uri, label, envs["CICD"], team, owner, "Demo %s pipeline" % strategy,
                    tags, strategy, created, phase, now - ago, fixed, rng)
                self.insert("pipeline", p)
                self.db.executemany("INSERT INTO pipeline_tag VALUES (?,?)", ptags)
                self.insert("stack", stack)
                self.insert("repo", repo)
                for order, (stage, env_label, stage_team) in enumerate(stages, 1):
                    self.insert("pipeline_env",
                                self.pipeline_env_row(p, envs[env_label], stage, order,
                                                      stage_team))
                if label == "customer-360":
                    self.insert("kv_tag", {"tagUri": new_uri(rng), "targetUri": uri,
                                           "targetType": "pipeline", "key": "cost-center",
                                           "value": "4711", "cascade": 0, "position": 0})
                    self.insert("feed_message", {
                        "feedMessageUri": new_uri(rng), "targetUri": uri,
                        "targetType": "DataPipeline", "creator": "admin@example.com",
                        "content": "Prod deploys on Tuesdays.", "created": created})
        self.set_meta("seeded", kind)
        self.x("COMMIT")

    def generate_pipelines(self, count):
        """`count` more pipelines over the pipeline-enabled environments, in one transaction.
        Repositories are not created here but on first use."""
        if count <= 0:
            return
        start = int(self.meta("generated", "0"))
        rng = random.Random(start * 1000003 + count)
        envs = [e for e in self.environments().values() if e["pipelinesEnabled"]]
        if not envs:
            return
        cicd = envs[0]
        now = self.clock.now()
        created = self.clock.stamp()
        strategies = ["cdk-trunk", "trunk", "gitflow"]
        teams = ["DataEngineers", "Scientists"]
        owners = ["engineer@example.com", "admin@example.com"]
        tag_pool = ["etl", "finance", "marketing", "ml", "streaming", "batch", "gdpr", "pii"]
        pipelines, tags, stacks, repos, stages = [], [], [], [], []
        used = {r[0] for r in self.db.execute("SELECT DataPipelineUri FROM pipeline")}
        for i in range(start, start + count):
            uri = new_uri(rng)
            while uri in used:
                uri = new_uri(rng)
            used.add(uri)
            fixed = None
            phase, ago = "create", 3600.0 * (1 + i % 48)
            if i % 97 == 5:
                fixed = "CREATE_FAILED"
            elif i % 53 == 7:
                phase, ago = "update", 0.0
            p, ptags, stack, repo = self.pipeline_rows(
                uri, "generated-%05d" % (i + 1), cicd, teams[i % 2], owners[i % 3 == 0],
                "Generated pipeline number %d" % (i + 1),
                rng.sample(tag_pool, 1 + i % 2), strategies[i % 3], created, phase,
                now - ago, fixed, rng)
            pipelines.append(p)
            tags.extend(ptags)
            stacks.append(stack)
            repos.append(repo)
            for order, env in enumerate(envs[1:1 + 1 + i % 3], 1):
                stages.append(self.pipeline_env_row(p, env, ["dev", "test", "prod"][order - 1],
                                                    order, teams[i % 2]))
        with self.lock:
            self.x("BEGIN")
            for table, rows in (("pipeline", pipelines), ("stack", stacks), ("repo", repos),
                                ("pipeline_env", stages)):
                cols = list(rows[0])
                self.db.executemany('INSERT INTO %s (%s) VALUES (%s)' % (
                    table, ",".join('"%s"' % c for c in cols), ",".join("?" * len(cols))),
                    [[r[c] for c in cols] for r in rows])
            self.db.executemany("INSERT INTO pipeline_tag VALUES (?,?)", tags)
            self.set_meta("generated", str(start + count))
            self.x("COMMIT")

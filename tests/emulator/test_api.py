#!/usr/bin/python3
"""GraphQL API of the emulator: every operation's happy path and its permission failure,
data.all's naming, messages and HTTP codes, the emulated stack clock, the module switch and
the legacy fields."""

import json
import os
import time
import unittest

from emutest import (ADMIN, ANALYST, CREATE, CREATE_ENV, CREDS, DATASETS, DELETE, DELETE_ENV,
                     ENGINEER, ENV_GROUPS, GET, GET_ENV, GET_FEED, GET_STACK, HERE, LIST,
                     LIST_TAGS, POST_FEED, STACK_LOGS, UPDATE, UPDATE_ENV, UPDATE_STACK,
                     UPDATE_TAGS, VALID_ENVS, EmulatorTestCase, build_ast_schema, parse, squash)

REPO_ROOT = os.path.dirname(os.path.dirname(HERE))


class Seeded(EmulatorTestCase):
    """Shared helpers over the demo seed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        envs = cls.emu.data(ENGINEER, VALID_ENVS, {"filter": {"page": 1, "pageSize": 10000}})
        cls.envs = {e["label"]: e["environmentUri"]
                    for e in envs["listValidEnvironments"]["nodes"]}
        nodes = cls.emu.data(ENGINEER, LIST, {"filter": {"pageSize": 100}})
        cls.seed = {p["label"]: p for p in nodes["listDataPipelines"]["nodes"]}

    def uri(self, label):
        return self.seed[label]["DataPipelineUri"]

    def create(self, email=ENGINEER, **kw):
        inp = {"label": "new pipeline", "environmentUri": self.envs["CICD"],
               "SamlGroupName": "DataEngineers", "devStrategy": "trunk"}
        inp.update(kw)
        return self.emu.gql(email, CREATE, {"input": inp})

    def created(self, **kw):
        r = self.create(**kw)
        self.assertEqual(r.status, 200, r.body)
        out = r.json()
        self.assertNotIn("errors", out)
        return out["data"]["createDataPipeline"]

    def stage_input(self, pipeline_uri, stage="dev", env="DEV", order=1, team="DataEngineers"):
        return {"input": {"stage": stage, "order": order, "pipelineUri": pipeline_uri,
                          "environmentLabel": env, "environmentUri": self.envs[env],
                          "samlGroupName": team}}


class SchemaCopy(unittest.TestCase):
    def test_schema_parses_and_matches_reference(self):
        for name in ("dataall-pipelines.graphql", "dataall-legacy-fields.graphql"):
            with open(os.path.join(HERE, name), "rb") as f:
                ours = f.read()
            ref = os.path.join(os.path.dirname(REPO_ROOT), "shared", "reference", name)
            if os.path.exists(ref):
                with open(ref, "rb") as f:
                    self.assertEqual(ours, f.read(), "%s differs from %s" % (name, ref))
        with open(os.path.join(HERE, "dataall-pipelines.graphql"), encoding="utf-8") as f:
            schema = build_ast_schema(parse(f.read()))
        self.assertIn("listDataPipelines", schema.get_query_type().fields)
        self.assertIn("createDataPipeline", schema.get_mutation_type().fields)


class Queries(Seeded):
    def test_list_sees_own_and_team_pipelines_ordered_by_label(self):
        labels = sorted(self.seed)
        self.assertEqual(labels, ["customer-360", "ml-features", "sales-ingest"])
        self.assertEqual(list(self.seed), labels)
        d = self.emu.data(ADMIN, LIST, {"filter": {"term": "", "pageSize": 100}})
        # admin: team DataEngineers and own pipelines, not the Scientists' one
        got = {p["label"]: p["userRoleForPipeline"] for p in d["listDataPipelines"]["nodes"]}
        self.assertEqual(got.get("sales-ingest"), "Creator")
        self.assertEqual(got.get("customer-360"), "Admin")
        self.assertNotIn("ml-features", got)
        # a user of no pipeline team sees nothing: the list has no permission check
        d = self.emu.data(ANALYST, LIST, {})
        self.assertEqual(d["listDataPipelines"]["count"], 0)
        self.assertEqual(d["listDataPipelines"]["nodes"], [])

    def test_list_filters_and_paging(self):
        def labels(f):
            d = self.emu.data(ENGINEER, LIST, {"filter": f})["listDataPipelines"]
            return [p["label"] for p in d["nodes"]]
        self.assertEqual(labels({"term": "CUST"}), ["customer-360"])
        self.assertEqual(labels({"term": "demo gitflow"}), ["ml-features"])  # description
        self.assertEqual(labels({"term": "360"}), [])  # prefix match only
        self.assertEqual(labels({"type": ["gitflow", "trunk"]}), ["ml-features", "sales-ingest"])
        self.assertEqual(labels({"tags": ["sales", "ml"]}), ["ml-features", "sales-ingest"])
        self.assertEqual(labels({"region": ["eu-central-1"]}), [])
        self.assertEqual(labels({"region": ["eu-west-1"], "term": "sal"}), ["sales-ingest"])
        d = self.emu.data(ENGINEER, LIST, {"filter": {"type": ["cdk-trunk", "trunk", "gitflow"],
                                                      "page": 2, "pageSize": 1}})
        page = d["listDataPipelines"]
        self.assertEqual((page["count"], page["page"], page["pages"], page["hasNext"],
                          page["hasPrevious"]), (3, 2, 3, True, True))
        self.assertEqual([p["label"] for p in page["nodes"]], ["ml-features"])
        d = self.emu.data(ENGINEER, LIST, {"filter": None})["listDataPipelines"]
        self.assertEqual((d["page"], d["hasPrevious"]), (1, False))

    def test_get_pipeline(self):
        uri = self.uri("customer-360")
        p = self.emu.data(ENGINEER, GET, {"DataPipelineUri": uri})["getDataPipeline"]
        self.assertRegex(uri, r"^[a-z0-9]{8}$")
        self.assertEqual(p["name"], "dataall-customer-360-" + uri)
        self.assertEqual(p["repo"], p["name"])
        self.assertEqual(p["cloneUrlHttp"], "codecommit::eu-west-1://" + p["repo"])
        self.assertEqual(p["template"], "")
        self.assertEqual(p["devStrategy"], "cdk-trunk")
        self.assertEqual(p["userRoleForPipeline"], "Creator")
        self.assertEqual(p["environment"]["label"], "CICD")
        self.assertEqual(p["environment"]["AwsAccountId"], "111111111111")
        self.assertEqual(p["environment"]["parameters"],
                         [{"key": "pipelinesEnabled", "value": "true"}])
        self.assertEqual(p["organization"]["label"], "Acme Data Platform")
        self.assertRegex(p["created"], r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$")
        stages = p["developmentEnvironments"]
        self.assertEqual(stages["count"], 3)
        self.assertEqual([s["stage"] for s in stages["nodes"]], ["dev", "prod", "test"])
        dev = stages["nodes"][0]
        self.assertEqual(dev["envPipelineUri"], uri + self.envs["DEV"] + "dev")
        self.assertEqual((dev["AwsAccountId"], dev["region"], dev["order"]),
                         ("222222222222", "eu-west-1", 1))
        self.assertEqual(dev["pipelineLabel"], "customer-360")
        stack = p["stack"]
        self.assertEqual(stack["status"], "CREATE_COMPLETE")
        self.assertEqual(stack["name"], "dataall-cdkpipeline-" + uri)
        self.assertTrue(stack["stackid"].startswith(
            "arn:aws:cloudformation:eu-west-1:111111111111:stack/dataall-cdkpipeline-"))
        self.assertIn("resources", json.loads(stack["resources"]))
        # a stage team gets nothing on the pipeline, the CICD admin team does
        p = self.emu.data(ADMIN, GET, {"DataPipelineUri": self.uri("ml-features")})
        self.assertEqual(p["getDataPipeline"]["userRoleForPipeline"], "NoPermission")

    def test_get_pipeline_refused(self):
        uri = self.uri("customer-360")
        msg, path = self.emu.error(ANALYST, GET, {"DataPipelineUri": uri})
        self.assertTrue(msg.startswith("\n"), repr(msg))
        self.assertEqual(squash(msg), "An error occurred (UnauthorizedOperation) when calling "
                         "GET_PIPELINE operation: User: analyst@example.com is not authorized "
                         "to perform: GET_PIPELINE on resource: " + uri)
        self.assertEqual(path, ["getDataPipeline"])
        # unknown URIs fail the permission check too, not a lookup
        msg, _ = self.emu.error(ENGINEER, GET, {"DataPipelineUri": "zzzzzzzz"})
        self.assertCode(msg, "UnauthorizedOperation")

    def test_credentials(self):
        out = self.emu.data(ENGINEER, CREDS, {"DataPipelineUri": self.uri("customer-360")})
        raw = out["getDataPipelineCredsLinux"]
        self.assertIsInstance(raw, str)
        creds = json.loads(raw)
        self.assertEqual(list(creds), ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                       "AWS_SESSION_TOKEN"])
        self.assertRegex(creds["AWS_ACCESS_KEY_ID"], r"^ASIA[A-Z0-9]{16}$")
        self.assertEqual(len(creds["AWS_SECRET_ACCESS_KEY"]), 40)
        self.assertGreater(len(creds["AWS_SESSION_TOKEN"]), 100)

    def test_credentials_refused(self):
        msg, _ = self.emu.error(ANALYST, CREDS, {"DataPipelineUri": self.uri("customer-360")})
        self.assertEqual(squash(msg), "An error occurred (UnauthorizedOperation) when calling "
                         "MANAGE_PIPELINES operation: User: analyst@example.com is not "
                         "authorized to perform: MANAGE_PIPELINES on dataall")
        msg, _ = self.emu.error(ENGINEER, CREDS, {"DataPipelineUri": "zzzzzzzz"})
        self.assertIn("CREDENTIALS_PIPELINE", msg)
        self.assertCode(msg, "UnauthorizedOperation")

    def test_valid_environments(self):
        self.assertEqual(sorted(self.envs), ["CICD", "DEV", "PROD", "SANDBOX", "TEST"])
        d = self.emu.data(ANALYST, VALID_ENVS, {"filter": {"page": 1, "pageSize": 10000}})
        self.assertEqual([e["label"] for e in d["listValidEnvironments"]["nodes"]], ["DEV"])
        d = self.emu.data(ENGINEER, VALID_ENVS, {"filter": {"term": "pr"}})
        self.assertEqual(d["listValidEnvironments"]["count"], 1)
        self.assertEqual(d["listValidEnvironments"]["nodes"][0]["region"], "eu-central-1")

    def test_environment_groups(self):
        d = self.emu.data(ENGINEER, ENV_GROUPS, {"environmentUri": self.envs["DEV"],
                                                 "filter": {"page": 1, "pageSize": 10000}})
        groups = {g["groupUri"]: g for g in d["listEnvironmentGroups"]["nodes"]}
        self.assertEqual(sorted(groups), ["DataEngineers", "Scientists"])
        self.assertIn("CREATE_PIPELINE", [p["name"] for p in
                                          groups["Scientists"]["environmentPermissions"]])
        self.assertTrue(groups["DataEngineers"]["environmentIAMRoleArn"].startswith(
            "arn:aws:iam::222222222222:role/"))
        d = self.emu.data(ANALYST, ENV_GROUPS, {"environmentUri": self.envs["DEV"]})
        node = d["listEnvironmentGroups"]["nodes"][0]
        self.assertEqual(node["groupUri"], "Analysts")
        self.assertNotIn("CREATE_PIPELINE", [p["name"] for p in node["environmentPermissions"]])
        self.assertEqual(node["tenantPermissions"], [])
        msg, _ = self.emu.error(ANALYST, ENV_GROUPS, {"environmentUri": self.envs["PROD"]})
        self.assertIn("LIST_ENVIRONMENT_GROUPS", msg)
        self.assertCode(msg, "UnauthorizedOperation")

    def test_get_environment(self):
        e = self.emu.data(ENGINEER, GET_ENV, {"environmentUri": self.envs["SANDBOX"]})
        e = e["getEnvironment"]
        self.assertEqual(e["parameters"], [{"key": "pipelinesEnabled", "value": "false"}])
        self.assertEqual((e["AwsAccountId"], e["userRoleInEnvironment"]),
                         ("555555555555", "Admin"))
        self.assertEqual(e["stack"]["status"], "CREATE_COMPLETE")
        accounts = {self.emu.data(ENGINEER, GET_ENV, {"environmentUri": u})["getEnvironment"]
                    ["AwsAccountId"] for u in self.envs.values()}
        self.assertEqual(len(accounts), 5)
        msg, _ = self.emu.error(ANALYST, GET_ENV, {"environmentUri": self.envs["CICD"]})
        self.assertIn("GET_ENVIRONMENT", msg)

    def test_datasets_owned_by_env_group(self):
        d = self.emu.data(ENGINEER, DATASETS, {"environmentUri": self.envs["DEV"],
                                               "groupUri": "Scientists"})
        nodes = d["listS3DatasetsOwnedByEnvGroup"]["nodes"]
        self.assertEqual([n["label"] for n in nodes], ["feature_store"])
        self.assertEqual(nodes[0]["restricted"]["AwsAccountId"], "222222222222")
        msg, _ = self.emu.error(ANALYST, DATASETS, {"environmentUri": self.envs["CICD"],
                                                    "groupUri": "DataEngineers"})
        self.assertCode(msg, "UnauthorizedOperation")

    def test_stack_and_logs(self):
        uri = self.uri("customer-360")
        args = {"targetUri": uri, "targetType": "cdkpipeline", "stackUri": "x",
                "environmentUri": self.envs["CICD"]}
        s = self.emu.data(ENGINEER, GET_STACK, args)["getStack"]
        self.assertEqual((s["stack"], s["accountid"]), ("cdkpipeline", "111111111111"))
        self.assertIn(s["status"], ("CREATE_COMPLETE", "UPDATE_IN_PROGRESS"))
        self.assertTrue(s["link"].startswith("https://eu-west-1.console.aws.amazon.com/"))
        self.assertEqual(json.loads(s["error"]), {})
        types = [r["ResourceType"] for r in json.loads(s["resources"])["resources"]]
        self.assertIn("AWS::CodeCommit::Repository", types)
        logs = self.emu.data(ENGINEER, STACK_LOGS, {"targetUri": uri,
                                                    "targetType": "cdkpipeline"})
        self.assertGreaterEqual(len(logs["getStackLogs"]), 1)
        self.assertIn("dataall-cdkpipeline-" + uri, logs["getStackLogs"][0]["message"])
        for q, a in ((GET_STACK, args), (STACK_LOGS, {"targetUri": uri,
                                                      "targetType": "cdkpipeline"})):
            msg, _ = self.emu.error(ANALYST, q, a)
            self.assertIn("GET_PIPELINE", msg)
        # a trunk stack has the CodePipeline outputs once complete
        s = self.emu.data(ENGINEER, GET_STACK, dict(args, targetUri=self.uri("sales-ingest"),
                                                    targetType="pipeline"))["getStack"]
        self.assertIn(s["status"], ("UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"))

    def test_logs_not_found_while_pending(self):
        p = self.created(label="logs-pending")
        self.assertEqual(p["stack"]["status"], "pending")
        self.assertIsNone(p["stack"]["stackid"])
        msg, path = self.emu.error(ENGINEER, STACK_LOGS, {"targetUri": p["DataPipelineUri"],
                                                          "targetType": "pipeline"})
        self.assertEqual(squash(msg), "An error occurred (AWSResourceNotFound) when calling "
                         "GET_STACK_LOGS operation: Logs could not be found for this stack")
        self.assertEqual(path, ["getStackLogs"])

    def test_key_value_tags(self):
        uri = self.uri("customer-360")
        tags = self.emu.data(ENGINEER, LIST_TAGS, {"targetUri": uri, "targetType": "pipeline"})
        self.assertEqual([(t["key"], t["value"], t["cascade"]) for t in tags["listKeyValueTags"]],
                         [("cost-center", "4711", False)])
        new = [{"key": "owner", "value": "eric", "cascade": True},
               {"key": "cost-center", "value": "42", "cascade": False}]
        out = self.emu.data(ENGINEER, UPDATE_TAGS, {"input": {
            "targetUri": uri, "targetType": "pipeline", "tags": new}})
        self.assertEqual([(t["key"], t["value"], t["cascade"]) for t in out["updateKeyValueTags"]],
                         [("owner", "eric", True), ("cost-center", "42", False)])
        # saving tags redeploys the stack
        p = self.emu.data(ENGINEER, GET, {"DataPipelineUri": uri})["getDataPipeline"]
        self.assertEqual(p["stack"]["status"], "UPDATE_IN_PROGRESS")
        msg, _ = self.emu.error(ENGINEER, UPDATE_TAGS, {"input": {
            "targetUri": uri, "targetType": "pipeline",
            "tags": [{"key": "A", "value": "1", "cascade": False},
                     {"key": "a", "value": "2", "cascade": False}]}})
        self.assertIn("Duplicate tag keys", msg)
        msg, _ = self.emu.error(ANALYST, UPDATE_TAGS, {"input": {
            "targetUri": uri, "targetType": "pipeline", "tags": []}})
        self.assertIn("MANAGE_PIPELINES", msg)
        msg, _ = self.emu.error(ANALYST, LIST_TAGS, {"targetUri": uri, "targetType": "pipeline"})
        self.assertIn("GET_PIPELINE", msg)

    def test_feed(self):
        uri = self.uri("customer-360")
        out = self.emu.data(ENGINEER, POST_FEED, {"targetUri": uri, "targetType": "DataPipeline",
                                                  "input": {"content": "hello"}})
        self.assertEqual(out["postFeedMessage"]["creator"], ENGINEER)
        feed = self.emu.data(ENGINEER, GET_FEED, {"targetUri": uri, "targetType": "DataPipeline",
                                                  "filter": {"page": 1, "pageSize": 10}})
        contents = [m["content"] for m in feed["getFeed"]["messages"]["nodes"]]
        self.assertIn("hello", contents)
        self.assertIn("Prod deploys on Tuesdays.", contents)
        for q, a in ((GET_FEED, {"targetUri": uri, "targetType": "DataPipeline"}),
                     (POST_FEED, {"targetUri": uri, "targetType": "DataPipeline",
                                  "input": {"content": "x"}})):
            msg, _ = self.emu.error(ANALYST, q, a)
            self.assertIn("GET_PIPELINE", msg)


class Mutations(Seeded):
    def test_create_pipeline(self):
        p = self.created(label="My New Pipeline!", tags=["a", "b"])
        uri = p["DataPipelineUri"]
        self.assertRegex(uri, r"^[a-z0-9]{8}$")
        self.assertEqual(p["name"], "dataall-my-new-pipeline-" + uri)
        self.assertEqual(p["repo"], p["name"])
        self.assertEqual(p["cloneUrlHttp"], "codecommit::eu-west-1://" + p["name"])
        self.assertEqual(p["description"], "No description provided")
        self.assertEqual((p["owner"], p["userRoleForPipeline"], p["template"]),
                         (ENGINEER, "Creator", ""))
        self.assertEqual(p["stack"]["status"], "pending")
        self.assertEqual((p["stack"]["stack"], p["stack"]["name"]),
                         ("pipeline", "dataall-pipeline-" + uri))
        p = self.created(label="x" * 80, devStrategy="cdk-trunk")
        # data.all truncates the label to 63 - len(prefix + uri): the name may exceed 63
        self.assertEqual(p["name"], "dataall-" + "x" * 48 + "-" + p["DataPipelineUri"])
        self.assertEqual(p["stack"]["stack"], "cdkpipeline")
        labels = [n["label"] for n in self.emu.data(ENGINEER, LIST, {"filter": {
            "term": "my new"}})["listDataPipelines"]["nodes"]]
        self.assertEqual(labels, ["My New Pipeline!"])

    def test_create_pipeline_refused(self):
        r = self.create(email=ANALYST).json()
        self.assertIsNone(r["data"]["createDataPipeline"])
        self.assertIn("MANAGE_PIPELINES on dataall", squash(r["errors"][0]["message"]))
        cases = [
            ({"label": ""}, "An error occurred (RequiredParameter): label is required"),
            ({"SamlGroupName": ""}, "An error occurred (RequiredParameter): group is required"),
            ({"SamlGroupName": "Analysts"}, "User: engineer@example.com is not a member of the "
                                            "team Analysts"),
            ({"environmentUri": self.envs["PROD"], "SamlGroupName": "Scientists"},
             "Team: Scientists is not a member of the environment " + self.envs["PROD"]),
            ({"environmentUri": self.envs["SANDBOX"]},
             "Pipelines feature is disabled for the environment SANDBOX"),
            ({"environmentUri": "nosuchen"}, "User: engineer@example.com is not authorized to "
                                             "perform: CREATE_PIPELINE on resource: nosuchen"),
        ]
        for kw, text in cases:
            r = self.create(**kw)
            self.assertEqual(r.status, 200)
            out = r.json()
            self.assertEqual(out["data"], {"createDataPipeline": None})
            self.assertIn(text, squash(out["errors"][0]["message"]), kw)

    def test_stage_lifecycle(self):
        p = self.created(label="stages")
        uri = p["DataPipelineUri"]
        e = self.emu.data(ENGINEER, CREATE_ENV, self.stage_input(uri))
        e = e["createDataPipelineEnvironment"]
        self.assertEqual(e["envPipelineUri"], uri + self.envs["DEV"] + "dev")
        self.assertEqual((e["AwsAccountId"], e["region"], e["pipelineLabel"]),
                         ("222222222222", "eu-west-1", "stages"))
        self.emu.data(ENGINEER, CREATE_ENV, self.stage_input(uri, "prod", "PROD", 2))
        out = self.emu.data(ENGINEER, UPDATE_ENV, self.stage_input(uri, "dev", "DEV", 5,
                                                                   "Scientists"))
        self.assertEqual((out["updateDataPipelineEnvironment"]["order"],
                          out["updateDataPipelineEnvironment"]["samlGroupName"]), (5, "Scientists"))
        got = self.emu.data(ENGINEER, GET, {"DataPipelineUri": uri})["getDataPipeline"]
        self.assertEqual([(s["stage"], s["order"]) for s in got["developmentEnvironments"]
                          ["nodes"]], [("dev", 5), ("prod", 2)])
        out = self.emu.data(ENGINEER, DELETE_ENV, {"envPipelineUri": e["envPipelineUri"]})
        self.assertIs(out["deleteDataPipelineEnvironment"], True)
        got = self.emu.data(ENGINEER, GET, {"DataPipelineUri": uri})["getDataPipeline"]
        self.assertEqual(got["developmentEnvironments"]["count"], 1)
        # a duplicate stage is a database error, reported as a resolver error
        msg, _ = self.emu.error(ENGINEER, CREATE_ENV, self.stage_input(uri, "prod", "PROD", 2))
        self.assertIn("duplicate key", msg)

    def test_stage_refused(self):
        uri = self.uri("customer-360")
        msg, _ = self.emu.error(ANALYST, CREATE_ENV, self.stage_input(uri))
        self.assertIn("MANAGE_PIPELINES", msg)
        msg, _ = self.emu.error(ENGINEER, CREATE_ENV, self.stage_input(uri, team="Analysts"))
        self.assertIn("is not a member of the team Analysts", msg)
        msg, _ = self.emu.error(ENGINEER, CREATE_ENV, self.stage_input(uri, "val", "SANDBOX"))
        self.assertIn("Pipelines feature is disabled for the environment SANDBOX", msg)
        msg, _ = self.emu.error(ANALYST, UPDATE_ENV, self.stage_input(uri))
        self.assertIn("MANAGE_PIPELINES", msg)
        msg, _ = self.emu.error(ENGINEER, UPDATE_ENV, self.stage_input(uri, "val", "TEST"))
        self.assertEqual(msg, "'NoneType' object has no attribute 'stage'")
        msg, _ = self.emu.error(ANALYST, DELETE_ENV, {"envPipelineUri": uri + "x"})
        self.assertIn("MANAGE_PIPELINES", msg)
        msg, _ = self.emu.error(ENGINEER, DELETE_ENV, {"envPipelineUri": uri + "x"})
        self.assertEqual(squash(msg), "An error occurred (ResourceNotFound): Resource "
                         "PipelineEnvironment with URI %sx not found" % uri)

    def test_update_and_delete_pipeline(self):
        uri = self.created(label="to-update")["DataPipelineUri"]
        out = self.emu.data(ENGINEER, UPDATE, {"DataPipelineUri": uri, "input": {
            "label": "renamed", "description": "d", "tags": ["t1"]}})["updateDataPipeline"]
        self.assertEqual((out["label"], out["description"], out["tags"]), ("renamed", "d", ["t1"]))
        self.assertEqual(out["name"], "dataall-to-update-" + uri)  # the name never changes
        out = self.emu.data(ENGINEER, UPDATE, {"DataPipelineUri": uri})["updateDataPipeline"]
        self.assertEqual(out["label"], "renamed")
        msg, _ = self.emu.error(ANALYST, UPDATE, {"DataPipelineUri": uri, "input": {}})
        self.assertIn("MANAGE_PIPELINES", msg)
        msg, _ = self.emu.error(ANALYST, DELETE, {"DataPipelineUri": uri})
        self.assertIn("MANAGE_PIPELINES", msg)
        msg, _ = self.emu.error(ENGINEER, DELETE, {"DataPipelineUri": "zzzzzzzz"})
        self.assertIn("DELETE_PIPELINE", msg)
        out = self.emu.data(ENGINEER, DELETE, {"DataPipelineUri": uri, "deleteFromAWS": True})
        self.assertIs(out["deleteDataPipeline"], True)
        msg, _ = self.emu.error(ENGINEER, GET, {"DataPipelineUri": uri})
        self.assertCode(msg, "UnauthorizedOperation")

    def test_update_stack(self):
        uri = self.uri("sales-ingest")
        out = self.emu.data(ADMIN, UPDATE_STACK, {"targetUri": uri, "targetType": "pipeline"})
        self.assertEqual(out["updateStack"]["status"][:7], "UPDATE_")
        msg, _ = self.emu.error(ANALYST, UPDATE_STACK, {"targetUri": uri,
                                                        "targetType": "pipeline"})
        self.assertIn("MANAGE_PIPELINES", msg)
        msg, _ = self.emu.error(ENGINEER, UPDATE_STACK, {"targetUri": "zzzzzzzz",
                                                         "targetType": "pipeline"})
        self.assertIn("UPDATE_PIPELINE", msg)


class StackClock(Seeded):
    """The stack moves on the emulated clock: pending, CREATE_IN_PROGRESS, CREATE_COMPLETE, and
    UPDATE_IN_PROGRESS/UPDATE_COMPLETE after a redeploy; AWS keys age on the same clock."""

    def status(self, uri):
        return self.emu.data(ENGINEER, GET, {"DataPipelineUri": uri})["getDataPipeline"][
            "stack"]["status"]

    def test_timeline(self):
        uri = self.created(label="clock")["DataPipelineUri"]
        self.assertEqual(self.status(uri), "pending")
        self.emu.control("POST", "clock", {"advance": 60})
        self.assertEqual(self.status(uri), "CREATE_IN_PROGRESS")
        logs = self.emu.data(ENGINEER, STACK_LOGS, {"targetUri": uri, "targetType": "pipeline"})
        self.assertTrue(logs["getStackLogs"])
        self.emu.control("POST", "clock", {"advance": 600})
        self.assertEqual(self.status(uri), "CREATE_COMPLETE")
        logs = self.emu.data(ENGINEER, STACK_LOGS, {"targetUri": uri, "targetType": "pipeline"})
        self.assertEqual(logs["getStackLogs"][-1]["message"],
                         "Deployment finished for dataall-pipeline-" + uri)
        s = self.emu.data(ENGINEER, GET_STACK, {"targetUri": uri, "targetType": "pipeline",
                                                "stackUri": "x"})["getStack"]
        self.assertEqual(json.loads(s["outputs"])["RepoNameOutput"], "dataall-clock-" + uri)
        self.emu.data(ENGINEER, UPDATE, {"DataPipelineUri": uri, "input": {"description": "x"}})
        self.assertEqual(self.status(uri), "UPDATE_IN_PROGRESS")
        self.emu.control("POST", "clock", {"advance": 600})
        self.assertEqual(self.status(uri), "UPDATE_COMPLETE")

    def test_describe_through_a_redeploy(self):
        """getStack's JSON strings tell the story CloudFormation would: resources with their
        statuses, events newest first, the error while the stack does not exist yet."""
        uri = self.created(label="story", devStrategy="gitflow")["DataPipelineUri"]
        self.emu.data(ENGINEER, CREATE_ENV, self.stage_input(uri))

        def stack():
            s = self.emu.data(ENGINEER, GET_STACK, {"targetUri": uri, "targetType": "pipeline",
                                                    "stackUri": "x"})["getStack"]
            return (s["status"], json.loads(s["resources"]), json.loads(s["events"]),
                    json.loads(s["outputs"]), json.loads(s["error"]))

        status, resources, events, outputs, error = stack()
        self.assertEqual((status, resources, events, outputs), ("pending", {}, {}, {}))
        self.assertEqual(error, {"error": "Stack with id dataall-pipeline-%s does not exist"
                                 % uri})
        self.emu.control("POST", "clock", {"advance": 60})
        status, resources, events, outputs, error = stack()
        self.assertEqual((status, error, outputs), ("CREATE_IN_PROGRESS", {}, {}))
        self.assertEqual({r["ResourceStatus"] for r in resources["resources"]},
                         {"CREATE_IN_PROGRESS"})
        self.assertIn(("CodePipeline0", "AWS::CodePipeline::Pipeline", "dataall-story-%s-dev"
                       % uri), [(r["LogicalResourceId"], r["ResourceType"],
                                 r["PhysicalResourceId"]) for r in resources["resources"]])
        self.assertEqual(events["events"][-1]["ResourceStatus"], "CREATE_IN_PROGRESS")
        self.assertEqual(events["events"][-1]["ResourceStatusReason"], "User Initiated")
        self.emu.control("POST", "clock", {"advance": 600})
        status, resources, events, outputs, _ = stack()
        self.assertEqual(status, "CREATE_COMPLETE")
        self.assertEqual({r["ResourceStatus"] for r in resources["resources"]},
                         {"CREATE_COMPLETE"})
        first = events["events"][0]
        self.assertEqual((first["LogicalResourceId"], first["ResourceStatus"]),
                         ("dataall-pipeline-" + uri, "CREATE_COMPLETE"))
        self.assertEqual(outputs["PipelineNameOutput"], "dataall-story-" + uri)
        self.emu.data(ENGINEER, UPDATE_TAGS, {"input": {
            "targetUri": uri, "targetType": "pipeline",
            "tags": [{"key": "team", "value": "story", "cascade": False}]}})
        status, resources, events, _, _ = stack()
        self.assertEqual(status, "UPDATE_IN_PROGRESS")
        by_id = {r["LogicalResourceId"]: r["ResourceStatus"] for r in resources["resources"]}
        self.assertEqual((by_id["CodePipeline0"], by_id["CodeBuildRole"], by_id["ArtifactsBucket"]),
                         ("UPDATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "CREATE_COMPLETE"))
        self.assertEqual(events["events"][0]["ResourceStatus"], "UPDATE_IN_PROGRESS")
        self.emu.control("POST", "clock", {"advance": 600})
        status, resources, events, _, _ = stack()
        self.assertEqual(status, "UPDATE_COMPLETE")
        self.assertEqual([e["ResourceStatus"] for e in events["events"][:2]],
                         ["UPDATE_COMPLETE", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"])
        ids = [e["EventId"] for e in events["events"]]
        self.assertEqual(len(ids), len(set(ids)))
        logs = self.emu.data(ENGINEER, STACK_LOGS, {"targetUri": uri, "targetType": "pipeline"})
        stamps = [line["timestamp"] for line in logs["getStackLogs"]]
        self.assertEqual(stamps, sorted(stamps))  # newest last, as CloudWatch Insights sorts

    def test_time_scale(self):
        from emutest import Emulator
        fast = Emulator("--time-scale", "600", "--seed", "empty")
        try:
            t0 = fast.control("GET", "state")["now"]
            time.sleep(0.5)
            t1 = fast.control("GET", "state")["now"]
        finally:
            fast.stop()
        self.assertGreater(t1 - t0, 250)
        self.assertLess(t1 - t0, 600)


class ModuleDisabled(EmulatorTestCase):
    emulator_args = ("--pipelines-disabled",)

    def test_pipeline_fields_fail_validation(self):
        for doc, variables in ((LIST, {}), (GET, {"DataPipelineUri": "x"})):
            r = self.emu.gql(ENGINEER, doc, variables, check=False)
            self.assertEqual(r.status, 400)
            out = r.json()
            self.assertNotIn("data", out)
            self.assertTrue(any("DataPipeline" in e["message"] for e in out["errors"]), out)
        envs = self.emu.data(ENGINEER, VALID_ENVS, {})
        self.assertEqual(envs["listValidEnvironments"]["count"], 5)


LEGACY_CREATE = """mutation CreateDataPipeline($input: NewDataPipelineInput!) {
  createDataPipeline(input: $input) { DataPipelineUri template inputDatasetUri outputDatasetUri }
}"""


class LegacyFieldsRefused(Seeded):
    def test_legacy_fields_refused(self):
        legacy = {"label": "legacy", "environmentUri": self.envs["CICD"],
                  "SamlGroupName": "DataEngineers", "devStrategy": "trunk",
                  "inputDatasetUri": "abc"}
        # the output fields fail validation
        r = self.emu.gql(ENGINEER, LEGACY_CREATE, {"input": legacy}, check=False)
        self.assertEqual(r.status, 400)
        self.assertIn("inputDatasetUri", r.body.decode())
        # unknown input fields in the variables: graphql-core 2.3 raises; still a 400
        r = self.emu.gql(ENGINEER, CREATE, {"input": legacy})
        self.assertEqual(r.status, 400, r.body)
        self.assertTrue(r.json()["errors"])
        # and in a literal
        doc = CREATE.replace("($input: NewDataPipelineInput!)", "").replace(
            "input: $input", 'input: {label: "l", environmentUri: "e", SamlGroupName: "g", '
                             'devStrategy: "trunk", template: "t"}')
        r = self.emu.gql(ENGINEER, doc, {}, check=False)
        self.assertEqual(r.status, 400)
        self.assertIn("template", r.body.decode())


class LegacyFieldsAccepted(Seeded):
    emulator_args = ("--legacy-fields",)

    def test_legacy_fields_accepted(self):
        ds = self.emu.data(ENGINEER, DATASETS, {"environmentUri": self.envs["CICD"],
                                                "groupUri": "DataEngineers"})
        ds_uri = ds["listS3DatasetsOwnedByEnvGroup"]["nodes"][0]["datasetUri"]
        inp = {"label": "legacy", "environmentUri": self.envs["CICD"],
               "SamlGroupName": "DataEngineers", "devStrategy": "trunk", "template": "tmpl",
               "inputDatasetUri": ds_uri, "outputDatasetUri": ds_uri}
        out = self.emu.data(ENGINEER, LEGACY_CREATE, {"input": inp})["createDataPipeline"]
        self.assertEqual((out["template"], out["inputDatasetUri"], out["outputDatasetUri"]),
                         ("tmpl", ds_uri, ds_uri))
        msg, _ = self.emu.error(ENGINEER, LEGACY_CREATE,
                                {"input": dict(inp, inputDatasetUri="nosuchds")})
        self.assertIn("Resource Dataset with URI nosuchds not found", squash(msg))
        # the plain documents stay valid against the legacy schema
        self.emu.data(ENGINEER, LIST, {})


class RequestRules(Seeded):
    """API Gateway, WAF and the authorizer in front of the Lambda."""

    def post(self, body, headers=None, auth=True):
        hdrs = {"Content-Type": "application/json"}
        if auth:
            hdrs["Authorization"] = "Bearer " + self.emu.sign_in(ENGINEER)
        hdrs.update(headers or {})
        return self.emu.request("POST", "/graphql/api", body, hdrs)

    def ok_body(self, **kw):
        body = {"operationName": "ListDataPipelines", "query": LIST, "variables": {}}
        body.update(kw)
        return body

    def test_ok(self):
        r = self.post(self.ok_body())
        self.assertEqual(r.status, 200)
        self.assertGreaterEqual(r.json()["data"]["listDataPipelines"]["count"], 3)
        self.assertEqual(r.headers.get("Content-Type"), "application/json")

    def test_gateway_denies(self):
        deny = {"Message": "User is not authorized to access this resource with an explicit deny"}
        token = self.emu.sign_in(ENGINEER)
        for auth in (None, token, "bearer " + token, "Bearer  " + token, "Bearer x.y.z",
                     "Bearer " + token[:-4] + "AAAA", "Basic abc"):
            r = self.post(self.ok_body(), {"Authorization": auth}, auth=False)
            self.assertEqual(r.status, 403, auth)
            self.assertEqual(r.json(), deny)
        # the id token is not an access token
        id_token = self.emu.tokens[ENGINEER]["id_token"]
        r = self.post(self.ok_body(), {"Authorization": "Bearer " + id_token}, auth=False)
        self.assertEqual(r.status, 403)
        # WAF: no User-Agent, body over 8 KB
        r = self.post(self.ok_body(), {"User-Agent": None})
        self.assertEqual(r.status, 403)
        r = self.post(self.ok_body(variables={"filter": {"term": "x" * 9000}}))
        self.assertEqual(r.status, 403)
        r = self.post(self.ok_body(variables={"filter": {"term": "x" * 7000}}))
        self.assertEqual(r.status, 200)
        # only POST is routed
        r = self.emu.request("GET", "/graphql/api")
        self.assertEqual((r.status, r.json()), (403, {"message": "Missing Authentication Token"}))
        r = self.emu.request("POST", "/nope", "{}")
        self.assertEqual(r.status, 403)

    def test_body_model(self):
        bad = [b"not json", b"[]", b'"x"', {"query": LIST, "variables": {}},
               self.ok_body(operationName=None), self.ok_body(operationName=3),
               {"operationName": "ListDataPipelines", "query": LIST},
               self.ok_body(variables=None), self.ok_body(variables=[]),
               self.ok_body(variables="{}"), self.ok_body(query=None), self.ok_body(query=7)]
        for body in bad:
            r = self.post(body)
            self.assertEqual(r.status, 400, body)
            self.assertEqual(r.json(), {"message": "Invalid request body"})

    def test_graphql_errors_are_400(self):
        cases = [self.ok_body(query="query ListDataPipelines { listDataPipelines { nope } }"),
                 self.ok_body(query="query {"),
                 self.ok_body(operationName="Other"),
                 self.ok_body(variables={"filter": {"pageSize": "ten"}}),
                 self.ok_body(variables={"filter": {"unknownField": 1}}),
                 self.ok_body(query=GET, operationName="GetDataPipeline"),  # missing variable
                 self.ok_body(query="subscription S { x }", operationName="S")]
        for body in cases:
            r = self.post(body)
            self.assertEqual(r.status, 400, (body, r.body))
            out = r.json()
            self.assertNotIn("data", out)
            self.assertTrue(out["errors"] and all("message" in e for e in out["errors"]), out)

    def test_fuzz_never_crashes(self):
        import random
        rng = random.Random(7)
        atoms = [None, True, 0, -1, 1.5, "", "x", "query", [], {}, [None], {"a": {}}, "\u0000",
                 "query Q { listDataPipelines(filter: {page: -5, pageSize: 0}) { count } }",
                 "mutation M { deleteDataPipeline(DataPipelineUri: \"\") }",
                 "{ __schema { types { name } } }"]
        for _ in range(120):
            body = {k: rng.choice(atoms) for k in ("operationName", "query", "variables", "extra")
                    if rng.random() < 0.8}
            if rng.random() < 0.2:
                raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60)))
                r = self.post(raw)
            else:
                r = self.post(body)
            self.assertIn(r.status, (200, 400, 403), (body, r.body))
            json.loads(r.body)
        # still alive and well
        self.assertEqual(self.post(self.ok_body()).status, 200)


if __name__ == "__main__":
    unittest.main()

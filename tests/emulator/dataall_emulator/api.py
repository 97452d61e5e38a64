"""The GraphQL API: the schema subset executed by graphql-core 2.3 with data.all's rules."""

import base64
import json
import logging
import math
import os
import secrets
import string

from graphql import build_ast_schema, parse, validate
from graphql.execution import execute
from graphql.execution import executor as gql_executor
from graphql.error import GraphQLError, format_error
from graphql.language import ast as gast
from graphql.type import GraphQLScalarType

from . import errors as E
from .store import (ADMIN_GROUP, AWS_KEY_SECONDS, CREATE_PIPELINE, MANAGE_PIPELINES, new_uri,
                    stack_status, utc)

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_FILE = os.path.join(HERE, "dataall-pipelines.graphql")
LEGACY_FILE = os.path.join(HERE, "dataall-legacy-fields.graphql")

PIPELINE_TARGETS = ("pipeline", "cdkpipeline")
# graphql-core 2.3 logs every resolver exception with a traceback; those are answers, not bugs
logging.getLogger("graphql").setLevel(logging.CRITICAL)


# graphql-core 2.3 spends ~10 us on every field (a ResolveInfo, argument values, promise
# checks). A plain scalar read from a dict by the default resolver gives the same result
# without all that, so such fields take a short cut; anything else (errors included) goes the
# normal way.
_resolve_field = gql_executor.resolve_field


def _fast_resolve_field(exe_context, parent_type, source, field_asts, parent_info, field_path):
    if type(source) is dict:
        name = field_asts[0].name.value
        field_def = parent_type.fields.get(name)
        if (field_def is not None and field_def.resolver is None
                and type(field_def.type) is GraphQLScalarType and not exe_context.middleware):
            value = source.get(name)
            if value is None:
                return None
            if not callable(value):
                try:
                    out = field_def.type.serialize(value)
                except Exception:
                    out = None
                if out is not None:
                    return out
    return _resolve_field(exe_context, parent_type, source, field_asts, parent_info, field_path)


gql_executor.resolve_field = _fast_resolve_field


# -- schema ---------------------------------------------------------------------------------
def load_schema_document(legacy=False, pipelines_disabled=False):
    """The schema AST: legacy definitions replace their namesakes (`legacy` "template": without
    the datasets); with the module off, every
    DataPipeline* type and field is gone, as on a data.all >= 2.7 with default config."""
    with open(SCHEMA_FILE, encoding="utf-8") as f:
        doc = parse(f.read())
    defs = list(doc.definitions)
    if legacy:
        with open(LEGACY_FILE, encoding="utf-8") as f:
            legacy_defs = {d.name.value: d for d in parse(f.read()).definitions}
        if legacy == "template":
            # data.all 1.3 to 1.5.1: the template, the datasets already gone.
            for d in legacy_defs.values():
                d.fields = [fl for fl in d.fields
                            if fl.name.value not in ("inputDatasetUri", "outputDatasetUri")]
        defs = [legacy_defs.get(getattr(d, "name", None) and d.name.value, d) for d in defs]
    if pipelines_disabled:
        kept = []
        for d in defs:
            name = getattr(d, "name", None) and d.name.value
            if name and name.startswith("DataPipeline") or name in (
                    "NewDataPipelineInput", "NewDataPipelineEnvironmentInput",
                    "UpdateDataPipelineInput"):
                continue
            if name in ("Query", "Mutation"):
                d.fields = [fl for fl in d.fields if "DataPipeline" not in fl.name.value]
            kept.append(d)
        defs = kept
    return gast.Document(definitions=defs)


class Api:
    def __init__(self, emulator, legacy=False, pipelines_disabled=False):
        self.emu = emulator
        self.legacy = legacy
        self.schema = build_ast_schema(load_schema_document(legacy, pipelines_disabled))
        for (type_name, field), fn in RESOLVERS.items():
            t = self.schema.get_type(type_name)
            if t is not None and field in t.fields:
                t.fields[field].resolver = fn
        self._documents = {}

    def document(self, query):
        """Parsed and validated document, cached by query text: (ast, errors)."""
        hit = self._documents.get(query)
        if hit is None:
            try:
                ast = parse(query)
                errs = validate(self.schema, ast)
            except GraphQLError as e:
                ast, errs = None, [e]
            hit = (ast, [format_error(e) for e in errs])
            if len(self._documents) < 2000:
                self._documents[query] = hit
        return hit

    def run(self, user, body):
        """(HTTP status, response object) for a request body that passed the gateway checks."""
        ast, errs = self.document(body["query"])
        if errs:
            return 400, {"errors": errs}
        ctx = Context(self.emu, user)
        try:
            with self.emu.store.lock:
                result = execute(self.schema, ast, context_value=ctx,
                                 variable_values=body["variables"],
                                 operation_name=body["operationName"] or None)
        except GraphQLError as e:  # bad variables, unknown operation
            return 400, {"errors": [format_error(e)]}
        except Exception as e:  # graphql-core 2.3 raises on unknown input fields in variables
            return 400, {"errors": [{"message": str(e) or e.__class__.__name__}]}
        if result.invalid or result.data is None:  # nothing executed: a bad request
            return 400, {"errors": [format_error(e) for e in result.errors or []]}
        out = {"data": result.data}
        if result.errors:
            out["errors"] = [format_error(e) for e in result.errors]
        return 200, out


class Context:
    def __init__(self, emu, user):
        self.emu = emu
        self.store = emu.store
        self.email = user["email"]
        self.groups = list(user["groups"])
        self.now = emu.clock.now()


# -- permission checks (data.all's decorators, in their order) -----------------------------------
def check_tenant(ctx, perm=MANAGE_PIPELINES):
    if ADMIN_GROUP in ctx.groups:
        return
    rows = {r["groupUri"]: r["manage_pipelines"] for r in ctx.store.q("SELECT * FROM tenant_group")}
    # data.all grants TENANT_ALL to a group the first time it sees it
    if any(rows.get(g, 1) for g in ctx.groups):
        return
    raise E.TenantUnauthorized(ctx.email, perm)


def pipeline_allowed(ctx, p):
    return p is not None and (p["SamlGroupName"] in ctx.groups or p["adminGroup"] in ctx.groups)


def check_pipeline(ctx, uri, perm):
    """Resource permission on a pipeline; checked before the lookup, as data.all does."""
    p = get_pipeline_row(ctx, uri)
    if not pipeline_allowed(ctx, p):
        raise E.ResourceUnauthorized(ctx.email, perm, uri)
    return p


def env_permissions(env, groups):
    perms = set()
    for g in groups:
        eg = env["groups"].get(g)
        if eg:
            perms.update(eg["permissions"].split(","))
    return perms


def check_env(ctx, uri, perm):
    env = ctx.store.environments().get(uri)
    if env is None or perm not in env_permissions(env, ctx.groups):
        raise E.ResourceUnauthorized(ctx.email, perm, uri)
    return env


def check_group_on_env(ctx, env_uri, group, perm):
    if group not in ctx.groups:
        raise E.UnauthorizedOperation(perm, "User: %s is not a member of the team %s"
                                      % (ctx.email, group))
    env = ctx.store.environments().get(env_uri)
    if env is None or group not in env["groups"]:
        raise E.UnauthorizedOperation(perm, "Team: %s is not a member of the environment %s"
                                      % (group, env_uri))
    if perm not in env_permissions(env, [group]):
        raise E.ResourceUnauthorized(group, perm, env_uri)
    return env


def check_pipelines_enabled(env):
    if not env["pipelinesEnabled"]:
        raise E.UnauthorizedOperation(
            CREATE_PIPELINE, "Pipelines feature is disabled for the environment %s" % env["label"])


# -- views ------------------------------------------------------------------------------------
def get_pipeline_row(ctx, uri):
    p = ctx.store.q1("SELECT * FROM pipeline WHERE DataPipelineUri=?", (uri,))
    return pipeline_view(p) if p else None


def pipeline_view(row):
    row["tags"] = json.loads(row["tags"]) if row["tags"] else []
    row["cloneUrlHttp"] = "codecommit::%s://%s" % (row["region"], row["repo"])
    return row


def env_view(env):
    """Environment as the API returns it (user-independent fields)."""
    v = env.get("_view")
    if v is None:
        acct, uri = env["AwsAccountId"], env["environmentUri"]
        role = "dataall-%s-%s" % (env["label"].lower(), uri)
        v = dict((k, env[k]) for k in (
            "environmentUri", "label", "name", "description", "owner", "created", "updated",
            "tags", "environmentType", "AwsAccountId", "region", "SamlGroupName",
            "resourcePrefix"))
        v.update({
            "deleted": None, "admins": [env["SamlGroupName"]],
            "EnvironmentDefaultIAMRoleArn": "arn:aws:iam::%s:role/%s" % (acct, role),
            "EnvironmentDefaultIAMRoleName": role, "EnvironmentDefaultIAMRoleImported": False,
            "datasets": "", "validated": True, "roleCreated": True,
            "isOrganizationDefaultEnvironment": False, "subscriptionsEnabled": False,
            "subscriptionsProducersTopicImported": False,
            "subscriptionsConsumersTopicImported": False,
            "subscriptionsConsumersTopicName": None, "subscriptionsProducersTopicName": None,
            "EnvironmentDefaultBucketName": "dataall-%s-%s" % (env["label"].lower(), uri),
            "EnvironmentLogsBucketName": "dataall-%s-logs-%s" % (env["label"].lower(), uri),
            "EnvironmentDefaultAthenaWorkGroup": "dataall-%s-%s" % (env["label"].lower(), uri),
            "PermissionsBoundaryPolicyArn": "arn:aws:iam::%s:policy/DataAllPermissionsBoundary"
                                            % acct,
            "networks": [],
            "parameters": [{"key": "pipelinesEnabled",
                            "value": "true" if env["pipelinesEnabled"] else "false"}],
            "_env": env,
            "stack": {"stackUri": "env" + uri[3:], "targetUri": uri, "stack": "environment",
                      "environmentUri": uri, "name": "dataall-env-%s" % uri, "accountid": acct,
                      "region": env["region"], "status": "CREATE_COMPLETE",
                      "stackid": "arn:aws:cloudformation:%s:%s:stack/dataall-env-%s/%s" % (
                          env["region"], acct, uri, uri), "updated": env["updated"],
                      "link": None, "outputs": "{}", "resources": "{}", "error": "{}",
                      "events": "{}", "EcsTaskArn": None, "EcsTaskId": None,
                      "canViewLogs": False},
        })
        env["_view"] = v
    return v


def org_view(ctx, uri):
    o = ctx.store.organizations().get(uri)
    return dict(o) if o else None


def stack_view(ctx, row, pipeline=None):
    """Stack as the API returns it; the describe-like JSON fields are made on demand."""
    status = stack_status(row, ctx.now)
    region, acct = row["region"], row["accountid"]
    started = status != "pending"
    stackid = ("arn:aws:cloudformation:%s:%s:stack/%s/%s" % (region, acct, row["name"],
                                                              row["stack_uuid"])
               if started else None)
    return {
        "stackUri": row["stackUri"], "targetUri": row["targetUri"], "stack": row["stack"],
        "environmentUri": row["environmentUri"], "name": row["name"], "accountid": acct,
        "region": region, "status": status, "stackid": stackid,
        "updated": str(utc(row["phase_start"])),
        "link": ("https://%s.console.aws.amazon.com/cloudformation/home?region=%s#/stacks/"
                 "stackinfo?stackId=%s" % (region, region, stackid)) if stackid else None,
        "EcsTaskArn": ("arn:aws:ecs:%s:%s:task/dataall-cluster/%s" % (region, acct, row["task_id"])
                       if started else None),
        "EcsTaskId": row["task_id"] if started else None,
        "canViewLogs": ADMIN_GROUP in ctx.groups or (pipeline is not None and
                                                     pipeline["adminGroup"] in ctx.groups),
        "_row": row, "_pipeline": pipeline,
    }


def stack_detail(ctx, view):
    """outputs, resources, events and error of a pipeline stack, as CloudFormation would say:
    resources in template order, events newest first (describe_stack_events' order)."""
    detail = view.get("_detail")
    if detail is not None:
        return detail
    row, pipeline, status = view["_row"], view["_pipeline"], view["status"]
    stackid = view["stackid"]
    outputs, resources, events, error = {}, {}, {}, {}
    if pipeline is not None and not stackid:
        # data.all keeps what its last describe said: the stack does not exist yet
        error = {"error": "Stack with id %s does not exist" % row["name"]}
    if stackid and pipeline is not None:
        names = [pipeline["name"]]
        if row["stack"] == "pipeline" and pipeline["devStrategy"] != "trunk":
            uri = pipeline["DataPipelineUri"]
            batch = pipeline.get("_batch")
            stages = (batch.envs() if batch else ctx.store.pipeline_envs_for([uri]))[uri]
            names = ["%s-%s" % (pipeline["name"], e["stage"])
                     for e in sorted(stages, key=lambda e: e["order"])]
        res = [("CodeCommitRepository", "AWS::CodeCommit::Repository", pipeline["repo"]),
               ("PipelineKey", "AWS::KMS::Key", row["stack_uuid"]),
               ("CodeBuildRole", "AWS::IAM::Role", pipeline["name"]),
               ("ArtifactsBucket", "AWS::S3::Bucket", "%s-artifacts" % pipeline["name"])]
        res += [("CodePipeline%d" % i, "AWS::CodePipeline::Pipeline", n)
                for i, n in enumerate(names)]
        # What a redeploy changes: the pipelines and the role their stages assume.
        changed = {lid for lid, rtype, _ in res
                   if rtype in ("AWS::CodePipeline::Pipeline", "AWS::IAM::Role")}
        failed = "ArtifactsBucket" if status == "CREATE_FAILED" else None

        def res_status(lid):
            if status == "CREATE_IN_PROGRESS":
                return "CREATE_IN_PROGRESS"
            if lid == failed:
                return "CREATE_FAILED"
            if status.startswith("UPDATE_") and lid in changed:
                return "UPDATE_IN_PROGRESS" if status == "UPDATE_IN_PROGRESS" else "UPDATE_COMPLETE"
            return "CREATE_COMPLETE"

        resources = {"resources": [
            {"ResourceStatus": res_status(lid), "LogicalResourceId": lid,
             "PhysicalResourceId": pid, "ResourceType": rtype, "StackName": row["name"],
             "StackId": stackid}
            for lid, rtype, pid in res]}

        # The story so far, oldest first: (logical id, type, physical id, status, reason).
        stack_ev = (row["name"], "AWS::CloudFormation::Stack", stackid)
        story = [stack_ev + ("CREATE_IN_PROGRESS", "User Initiated")]
        story += [(lid, rtype, "", "CREATE_IN_PROGRESS", None) for lid, rtype, _ in res]
        if failed:
            story.append((failed, "AWS::S3::Bucket", "", "CREATE_FAILED",
                          "Resource handler returned message: \"Bucket already exists\""))
            story.append(stack_ev + ("CREATE_FAILED", "The following resource(s) failed to "
                                     "create: [%s]." % failed))
            error = {"error": "Resource handler returned message: \"Bucket already exists\""}
        elif status != "CREATE_IN_PROGRESS":
            story += [(lid, rtype, pid, "CREATE_COMPLETE", None) for lid, rtype, pid in res]
            story.append(stack_ev + ("CREATE_COMPLETE", None))
        if status.startswith("UPDATE_"):
            story.append(stack_ev + ("UPDATE_IN_PROGRESS", "User Initiated"))
            story += [(lid, rtype, pid, "UPDATE_IN_PROGRESS", None)
                      for lid, rtype, pid in res if lid in changed]
            if status == "UPDATE_COMPLETE":
                story += [(lid, rtype, pid, "UPDATE_COMPLETE", None)
                          for lid, rtype, pid in res if lid in changed]
                story.append(stack_ev + ("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", None))
                story.append(stack_ev + ("UPDATE_COMPLETE", None))
        events = {"events": [
            {"ResourceStatus": s, "LogicalResourceId": lid, "PhysicalResourceId": pid,
             "ResourceType": rtype, "StackName": row["name"], "StackId": stackid,
             "EventId": "%s-%s-%d" % (lid, row["task_id"] or row["stack_uuid"], i),
             "ResourceStatusReason": reason}
            for i, (lid, rtype, pid, s, reason) in reversed(list(enumerate(story)))]}
        if status.endswith("_COMPLETE") and row["stack"] == "pipeline":
            outputs = {"RepoNameOutput": pipeline["repo"], "PipelineNameOutput": pipeline["name"]}
    detail = {"outputs": json.dumps(outputs), "resources": json.dumps(resources),
              "events": json.dumps(events), "error": json.dumps(error)}
    view["_detail"] = detail
    return detail


def stack_json_field(name):
    def resolve(view, info):
        if "_row" not in view:
            return view.get(name, "{}")
        return stack_detail(info.context, view)[name]
    return resolve


def redeploy(ctx, pipeline_uri):
    """data.all's deploy_stack: a new ECS task; CloudFormation then updates the stack."""
    row = ctx.store.q1("SELECT * FROM stack WHERE targetUri=?", (pipeline_uri,))
    if row is None:
        return
    status = stack_status(row, ctx.now)
    if status in ("pending", "CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS"):
        return  # the running deployment picks the change up
    ctx.store.x("UPDATE stack SET phase='update', phase_start=?, fixed_status=NULL, task_id=? "
                "WHERE stackUri=?", (ctx.now, secrets.token_hex(16), row["stackUri"]))


def paged(items, page, page_size):
    count = len(items)
    page = max(1, page or 1)
    page_size = max(1, page_size or 10)
    pages = int(math.ceil(count / float(page_size)))
    return {"count": count, "page": page, "pages": pages, "hasNext": page < pages,
            "hasPrevious": page > 1,
            "nodes": items[(page - 1) * page_size: page * page_size]}


# -- Query ------------------------------------------------------------------------------------
class PageBatch:
    """Nested fields of one page of pipelines, loaded with one query each on first use."""

    def __init__(self, store, uris):
        self.store, self.uris = store, uris
        self._stacks = self._envs = None

    def stacks(self):
        if self._stacks is None:
            self._stacks = self.store.stacks_for(self.uris)
        return self._stacks

    def envs(self):
        if self._envs is None:
            self._envs = self.store.pipeline_envs_for(self.uris)
        return self._envs


def list_data_pipelines(_root, info, filter=None):
    ctx = info.context
    f = filter or {}
    where = ["(owner = ? OR SamlGroupName IN (%s))" % ",".join("?" * len(ctx.groups))]
    args = [ctx.email] + ctx.groups
    if f.get("term"):
        term = f["term"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(label LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')")
        args += [term, term]
    for key, col in (("region", "region"), ("type", "devStrategy")):
        if f.get(key):
            where.append("%s IN (%s)" % (col, ",".join("?" * len(f[key]))))
            args += f[key]
    if f.get("tags"):
        where.append("DataPipelineUri IN (SELECT pipelineUri FROM pipeline_tag WHERE tag IN (%s))"
                     % ",".join("?" * len(f["tags"])))
        args += f["tags"]
    sql_where = " AND ".join(where)
    page = max(1, f.get("page") or 1)
    page_size = max(1, f.get("pageSize") or 10)
    store = ctx.store
    count = store.db.execute("SELECT COUNT(*) FROM pipeline INDEXED BY pipeline_list WHERE "
                             + sql_where, args).fetchone()[0]
    uris = [r[0] for r in store.db.execute(
        "SELECT DataPipelineUri FROM pipeline INDEXED BY pipeline_list WHERE %s "
        "ORDER BY label, DataPipelineUri LIMIT ? OFFSET ?" % sql_where,
        args + [page_size, (page - 1) * page_size])]
    by_uri = {r["DataPipelineUri"]: r for r in store.q(
        "SELECT * FROM pipeline WHERE DataPipelineUri IN (%s)" % ",".join("?" * len(uris)), uris)}
    rows = [by_uri[u] for u in uris]
    batch = PageBatch(store, [r["DataPipelineUri"] for r in rows])
    for r in rows:
        pipeline_view(r)["_batch"] = batch
    pages = int(math.ceil(count / float(page_size)))
    return {"count": count, "page": page, "pages": pages, "hasNext": page < pages,
            "hasPrevious": page > 1, "nodes": rows}


def get_data_pipeline(_root, info, DataPipelineUri):
    return check_pipeline(info.context, DataPipelineUri, "GET_PIPELINE")


def get_creds_linux(_root, info, DataPipelineUri):
    ctx = info.context
    check_tenant(ctx)
    p = check_pipeline(ctx, DataPipelineUri, "CREDENTIALS_PIPELINE")
    alnum = string.ascii_uppercase + string.digits
    akid = "ASIA" + "".join(secrets.choice(alnum) for _ in range(16))
    secret = "".join(secrets.choice(string.ascii_letters + string.digits + "+/")
                     for _ in range(40))
    token = "IQoJb3JpZ2luX2VjE" + base64.b64encode(secrets.token_bytes(240)).decode()
    ctx.store.x("INSERT INTO aws_key VALUES (?,?,?,?,?)",
                (akid, secret, token, p["AwsAccountId"], ctx.now + AWS_KEY_SECONDS))
    return json.dumps({"AWS_ACCESS_KEY_ID": akid, "AWS_SECRET_ACCESS_KEY": secret,
                       "AWS_SESSION_TOKEN": token})


def user_envs(ctx):
    return [e for e in ctx.store.environments().values()
            if any(g in e["groups"] for g in ctx.groups)]


def list_valid_environments(_root, info, filter=None):
    ctx = info.context
    f = filter or {}
    envs = user_envs(ctx)
    if f.get("term"):
        envs = [e for e in envs if e["label"].lower().startswith(f["term"].lower())]
    res = paged([env_view(e) for e in envs], f.get("page"), f.get("pageSize"))
    return {"count": res["count"], "nodes": res["nodes"]}


def group_view(env, eg):
    acct, label = env["AwsAccountId"], eg["groupUri"]
    role = "dataall-%s-%s" % (label.lower(), env["environmentUri"])
    return {"groupUri": label, "invitedBy": eg["invitedBy"], "owner": eg["invitedBy"],
            "label": label, "name": label, "description": "Team %s" % label, "tags": [],
            "created": eg["created"], "updated": eg["created"],
            "environmentIAMRoleArn": "arn:aws:iam::%s:role/%s" % (acct, role),
            "environmentIAMRoleName": role,
            "environmentAthenaWorkGroup": "dataall-%s" % label.lower()}


def list_environment_groups(_root, info, environmentUri, filter=None):
    ctx = info.context
    env = check_env(ctx, environmentUri, "LIST_ENVIRONMENT_GROUPS")
    f = filter or {}
    groups = [group_view(env, eg) for g, eg in sorted(env["groups"].items()) if g in ctx.groups]
    if f.get("term"):
        groups = [g for g in groups if g["groupUri"].lower().startswith(f["term"].lower())]
    return paged(groups, f.get("page"), f.get("pageSize"))


def get_environment(_root, info, environmentUri):
    return env_view(check_env(info.context, environmentUri, "GET_ENVIRONMENT"))


def target_pipeline(ctx, targetUri, targetType, perm, types=PIPELINE_TARGETS):
    if targetType not in types:
        raise E.InvalidInput("targetType", targetType, "one of %s" % ", ".join(types))
    return check_pipeline(ctx, targetUri, perm)


def stack_row(ctx, uri):
    row = ctx.store.q1("SELECT * FROM stack WHERE targetUri=?", (uri,))
    if row is None:
        raise E.ObjectNotFound("Stack", uri)
    return row


def get_stack(_root, info, stackUri, targetUri, targetType, environmentUri=None):
    ctx = info.context
    p = target_pipeline(ctx, targetUri, targetType, "GET_PIPELINE")
    return stack_view(ctx, stack_row(ctx, targetUri), p)


LOG_LINES = [
    (0, "Starting deployment of stack {name}"),
    (5, "cdk synth: synthesizing {kind} stack for pipeline {repo}"),
    (20, "{name}: deploying..."),
    (40, "{name}: creating CloudFormation changeset..."),
    (90, " {name} | CodeCommit repository {repo} ready"),
    (150, " ✅  {name}"),
    (151, "Deployment finished for {name}"),
]


def get_stack_logs(_root, info, targetUri, targetType):
    ctx = info.context
    p = target_pipeline(ctx, targetUri, targetType, "GET_PIPELINE")
    row = stack_row(ctx, targetUri)
    if stack_status(row, ctx.now) == "pending":
        raise E.AWSResourceNotFound("GET_STACK_LOGS", "Logs could not be found for this stack")
    start = row["phase_start"] + (0 if row["phase"] == "update" else 30)
    out = []
    for offset, text in LOG_LINES:
        if start + offset > ctx.now and not row["fixed_status"]:
            break
        ts = utc(start + offset).strftime("%Y-%m-%d %H:%M:%S.%f")
        out.append({"logStream": "cdkproxy/cdkproxy/%s" % row["task_id"],
                    "logGroup": "/dataall/emulator/ecs/cdkproxy", "timestamp": ts[:-3],
                    "message": text.format(name=row["name"], kind=row["stack"], repo=p["repo"])})
    return out


def kv_tags(ctx, uri, target_type):
    return [dict(r, cascade=bool(r["cascade"])) for r in ctx.store.q(
        "SELECT * FROM kv_tag WHERE targetUri=? AND targetType=? ORDER BY position",
        (uri, target_type))]


def list_key_value_tags(_root, info, targetUri, targetType):
    ctx = info.context
    target_pipeline(ctx, targetUri, targetType, "GET_PIPELINE", ("pipeline",))
    return kv_tags(ctx, targetUri, targetType)


def feed_target(ctx, targetUri, targetType):
    if targetType != "DataPipeline":
        raise E.InvalidInput("targetType", targetType, "DataPipeline")
    return check_pipeline(ctx, targetUri, "GET_PIPELINE")


def get_feed(_root, info, targetUri, targetType):
    feed_target(info.context, targetUri, targetType)
    return {"feedTargetUri": targetUri, "feedTargetType": targetType}


def feed_messages(feed, info, filter=None):
    f = filter or {}
    rows = info.context.store.q(
        "SELECT * FROM feed_message WHERE targetUri=? AND targetType=? ORDER BY created DESC",
        (feed["feedTargetUri"], feed["feedTargetType"]))
    if f.get("term"):
        rows = [r for r in rows if f["term"].lower() in (r["content"] or "").lower()]
    return paged(rows, f.get("page"), f.get("pageSize"))


def dataset_view(ctx, d):
    env = ctx.store.environments()[d["environmentUri"]]
    d["tags"] = json.loads(d["tags"])
    d["_env"] = env
    return d


def list_datasets_owned(_root, info, environmentUri, groupUri, filter=None):
    ctx = info.context
    check_env(ctx, environmentUri, "LIST_ENVIRONMENT_DATASETS")
    f = filter or {}
    rows = ctx.store.q("SELECT * FROM dataset WHERE environmentUri=? AND SamlAdminGroupName=? "
                       "ORDER BY label", (environmentUri, groupUri))
    if f.get("term"):
        rows = [r for r in rows if r["label"].lower().startswith(f["term"].lower())]
    res = paged([dataset_view(ctx, r) for r in rows], f.get("page"), f.get("pageSize"))
    res["pageSize"] = max(1, f.get("pageSize") or 10)
    res["nextPage"] = res["page"] + 1 if res["hasNext"] else None
    res["previousPage"] = res["page"] - 1 if res["hasPrevious"] else None
    return res


# -- Mutation ---------------------------------------------------------------------------------
def create_data_pipeline(_root, info, input):
    ctx = info.context
    for key, name in (("environmentUri", "environmentUri"), ("SamlGroupName", "group"),
                      ("label", "label")):
        if not input.get(key):
            raise E.RequiredParameter(name)
    check_tenant(ctx)
    check_env(ctx, input["environmentUri"], CREATE_PIPELINE)
    env = check_group_on_env(ctx, input["environmentUri"], input["SamlGroupName"],
                             CREATE_PIPELINE)
    check_pipelines_enabled(env)
    for key in ("inputDatasetUri", "outputDatasetUri"):
        uri = input.get(key)
        if uri and not ctx.store.q1("SELECT 1 FROM dataset WHERE datasetUri=?", (uri,)):
            raise E.ObjectNotFound("Dataset", uri)
    store = ctx.store
    uri = new_uri()
    while store.q1("SELECT 1 FROM pipeline WHERE DataPipelineUri=?", (uri,)):
        uri = new_uri()
    p, tags, stack, repo = store.pipeline_rows(
        uri, input["label"], env, input["SamlGroupName"], ctx.email,
        input.get("description") or "No description provided", input.get("tags") or [],
        input["devStrategy"], str(ctx.emu.clock.datetime()), "create", ctx.now,
        input_ds=input.get("inputDatasetUri"), output_ds=input.get("outputDatasetUri"))
    if input.get("template"):
        p["template"] = input["template"]
    store.insert("pipeline", p)
    store.db.executemany("INSERT INTO pipeline_tag VALUES (?,?)", tags)
    store.insert("stack", stack)
    store.x("INSERT OR REPLACE INTO repo VALUES (?,?,?,?)",
            (repo["name"], repo["pipelineUri"], repo["region"], repo["account"]))
    return get_pipeline_row(ctx, uri)


def update_data_pipeline(_root, info, DataPipelineUri, input=None):
    ctx = info.context
    check_tenant(ctx)
    check_pipeline(ctx, DataPipelineUri, "UPDATE_PIPELINE")
    input = input or {}
    sets, args = ["updated=?"], [str(ctx.emu.clock.datetime())]
    for key in ("label", "description"):
        if key in input and input[key] is not None:
            sets.append("%s=?" % key)
            args.append(input[key])
    if input.get("tags") is not None:
        sets.append("tags=?")
        args.append(json.dumps(input["tags"]))
        ctx.store.x("DELETE FROM pipeline_tag WHERE pipelineUri=?", (DataPipelineUri,))
        ctx.store.db.executemany("INSERT INTO pipeline_tag VALUES (?,?)",
                                 [(DataPipelineUri, t) for t in input["tags"]])
    ctx.store.x("UPDATE pipeline SET %s WHERE DataPipelineUri=?" % ",".join(sets),
                args + [DataPipelineUri])
    if "label" in input and input["label"] is not None:
        ctx.store.x("UPDATE pipeline_env SET pipelineLabel=? WHERE pipelineUri=?",
                    (input["label"], DataPipelineUri))
    redeploy(ctx, DataPipelineUri)
    return get_pipeline_row(ctx, DataPipelineUri)


def delete_data_pipeline(_root, info, DataPipelineUri, deleteFromAWS=None):
    ctx = info.context
    check_tenant(ctx)
    p = check_pipeline(ctx, DataPipelineUri, "DELETE_PIPELINE")
    s = ctx.store
    for sql in ("DELETE FROM pipeline WHERE DataPipelineUri=?",
                "DELETE FROM pipeline_env WHERE pipelineUri=?",
                "DELETE FROM pipeline_tag WHERE pipelineUri=?",
                "DELETE FROM kv_tag WHERE targetUri=?"):
        s.x(sql, (DataPipelineUri,))
    if deleteFromAWS:
        s.x("DELETE FROM stack WHERE targetUri=?", (DataPipelineUri,))
        s.x("DELETE FROM repo WHERE name=?", (p["repo"],))
        ctx.emu.repos.delete(p["repo"])
        ctx.emu.codepipeline.forget(DataPipelineUri)  # the stack's CodePipelines go with it
    return True


def create_pipeline_environment(_root, info, input):
    ctx = info.context
    check_tenant(ctx)
    check_env(ctx, input["environmentUri"], CREATE_PIPELINE)
    env = check_group_on_env(ctx, input["environmentUri"], input["samlGroupName"],
                             CREATE_PIPELINE)
    check_pipelines_enabled(env)
    p = get_pipeline_row(ctx, input["pipelineUri"])
    row = {"envPipelineUri": input["pipelineUri"] + input["environmentUri"] + input["stage"],
           "pipelineUri": input["pipelineUri"], "pipelineLabel": p["label"] if p else None,
           "environmentUri": input["environmentUri"],
           "environmentLabel": input["environmentLabel"], "stage": input["stage"],
           "order": input["order"], "region": env["region"], "AwsAccountId": env["AwsAccountId"],
           "samlGroupName": input["samlGroupName"]}
    if ctx.store.q1("SELECT 1 FROM pipeline_env WHERE envPipelineUri=?", (row["envPipelineUri"],)):
        raise Exception('(psycopg2.errors.UniqueViolation) duplicate key value violates unique '
                        'constraint "datapipelineenvironments_pkey"\nDETAIL:  Key '
                        '("envPipelineUri")=(%s) already exists.' % row["envPipelineUri"])
    ctx.store.insert("pipeline_env", row)
    if p:
        ctx.emu.repos.stages_changed(p["DataPipelineUri"])
    return row


def update_pipeline_environment(_root, info, input):
    ctx = info.context
    check_tenant(ctx)
    check_pipeline(ctx, input["pipelineUri"], "UPDATE_PIPELINE")
    row = ctx.store.q1("SELECT * FROM pipeline_env WHERE pipelineUri=? AND environmentUri=? "
                       "AND stage=?", (input["pipelineUri"], input["environmentUri"],
                                       input["stage"]))
    if row is None:
        raise Exception("'NoneType' object has no attribute 'stage'")
    ctx.store.x('UPDATE pipeline_env SET "order"=?, environmentLabel=?, samlGroupName=? '
                "WHERE envPipelineUri=?", (input["order"], input["environmentLabel"],
                                           input["samlGroupName"], row["envPipelineUri"]))
    ctx.emu.repos.stages_changed(input["pipelineUri"])
    return ctx.store.q1("SELECT * FROM pipeline_env WHERE envPipelineUri=?",
                        (row["envPipelineUri"],))


def delete_pipeline_environment(_root, info, envPipelineUri):
    ctx = info.context
    check_tenant(ctx)
    row = ctx.store.q1("SELECT * FROM pipeline_env WHERE envPipelineUri=?", (envPipelineUri,))
    if row is None:
        raise E.ObjectNotFound("PipelineEnvironment", envPipelineUri)
    check_pipeline(ctx, row["pipelineUri"], "UPDATE_PIPELINE")
    ctx.store.x("DELETE FROM pipeline_env WHERE envPipelineUri=?", (envPipelineUri,))
    ctx.emu.repos.stages_changed(row["pipelineUri"])
    return True


def update_stack(_root, info, targetUri, targetType):
    ctx = info.context
    if targetType not in PIPELINE_TARGETS:
        raise E.InvalidInput("targetType", targetType, "one of pipeline, cdkpipeline")
    check_tenant(ctx)
    p = check_pipeline(ctx, targetUri, "UPDATE_PIPELINE")
    stack_row(ctx, targetUri)
    redeploy(ctx, targetUri)
    return stack_view(ctx, stack_row(ctx, targetUri), p)


def update_key_value_tags(_root, info, input):
    ctx = info.context
    uri, target_type = input["targetUri"], input["targetType"]
    if target_type != "pipeline":
        raise E.InvalidInput("targetType", target_type, "pipeline")
    check_tenant(ctx)
    check_pipeline(ctx, uri, "UPDATE_PIPELINE")
    tags = input.get("tags") or []
    keys = [t["key"].lower() for t in tags]
    if len(keys) != len(set(keys)):
        raise E.UnauthorizedOperation(
            "SAVE_KEY_VALUE_TAGS",
            "Duplicate tag keys found. Please note that Tag keys are case insensitive")
    ctx.store.x("DELETE FROM kv_tag WHERE targetUri=? AND targetType=?", (uri, target_type))
    for pos, t in enumerate(tags):
        ctx.store.insert("kv_tag", {"tagUri": new_uri(), "targetUri": uri,
                                    "targetType": target_type, "key": t["key"],
                                    "value": t["value"], "cascade": int(bool(t["cascade"])),
                                    "position": pos})
    redeploy(ctx, uri)
    return kv_tags(ctx, uri, target_type)


def post_feed_message(_root, info, targetUri, targetType, input=None):
    ctx = info.context
    feed_target(ctx, targetUri, targetType)
    msg = {"feedMessageUri": new_uri(), "targetUri": targetUri, "targetType": targetType,
           "creator": ctx.email, "content": (input or {}).get("content"),
           "created": str(ctx.emu.clock.datetime())}
    ctx.store.insert("feed_message", msg)
    return msg


# -- nested fields ------------------------------------------------------------------------------
def dp_environment(p, info):
    env = info.context.store.environments().get(p["environmentUri"])
    return env_view(env) if env else None


def dp_organization(p, info):
    return org_view(info.context, p["organizationUri"])


def dp_dev_envs(p, info):
    batch = p.get("_batch")
    if batch is not None:
        rows = batch.envs()[p["DataPipelineUri"]]
    else:
        rows = info.context.store.pipeline_envs_for([p["DataPipelineUri"]])[p["DataPipelineUri"]]
    return paged(rows, 1, 10)


def dp_stack(p, info):
    ctx = info.context
    if not pipeline_allowed(ctx, p):
        raise E.ResourceUnauthorized(ctx.email, "GET_PIPELINE", p["DataPipelineUri"])
    batch = p.get("_batch")
    row = (batch.stacks() if batch is not None
           else ctx.store.stacks_for([p["DataPipelineUri"]])).get(p["DataPipelineUri"])
    if row is None:
        return {"stack": "environment", "targetUri": p["DataPipelineUri"],
                "accountid": p["AwsAccountId"], "region": p["region"]}
    return stack_view(ctx, row, p)


def dp_role(p, info):
    ctx = info.context
    if p["owner"] == ctx.email:
        return "Creator"
    if p["SamlGroupName"] in ctx.groups:
        return "Admin"
    return "NoPermission"


def env_organization(e, info):
    o = info.context.store.organizations().get(e["_env"]["organizationUri"])
    return {"organizationUri": o["organizationUri"], "label": o["label"], "name": o["name"]} \
        if o else None


def env_user_role(e, info):
    ctx = info.context
    env = e["_env"]
    if env["owner"] == ctx.email:
        return "Owner"
    if env["SamlGroupName"] in ctx.groups:
        return "Admin"
    if any(g in env["groups"] for g in ctx.groups):
        return "Invited"
    return "NotInvited"


def org_environments(o, info, filter=None):
    ctx = info.context
    f = filter or {}
    envs = [env_view(e) for e in user_envs(ctx) if e["organizationUri"] == o["organizationUri"]]
    res = paged(envs, f.get("page"), f.get("pageSize"))
    res["pageSize"] = max(1, f.get("pageSize") or 10)
    res["nextPage"] = res["page"] + 1 if res["hasNext"] else None
    res["previousPage"] = res["page"] - 1 if res["hasPrevious"] else None
    return res


def org_user_role(o, info):
    ctx = info.context
    if o["owner"] == ctx.email:
        return "Owner"
    if o["SamlGroupName"] in ctx.groups:
        return "Admin"
    return "Member" if user_envs(ctx) else "NotMember"


def org_stats(o, info):
    store = info.context.store
    envs = [e for e in store.environments().values()
            if e["organizationUri"] == o["organizationUri"]]
    groups = {g for e in envs for g in e["groups"]}
    return {"groups": len(groups), "users": len(store.users()), "environments": len(envs)}


def permission(name, kind):
    return {"permissionUri": name.lower(), "type": kind, "name": name,
            "description": name.replace("_", " ").capitalize()}


def group_env_permissions(g, info, environmentUri):
    env = info.context.store.environments().get(environmentUri)
    if env is None or g["groupUri"] not in env["groups"]:
        return []
    return [permission(p, "RESOURCE") for p in
            env["groups"][g["groupUri"]]["permissions"].split(",")]


def group_tenant_permissions(g, info):
    row = info.context.store.q1("SELECT * FROM tenant_group WHERE groupUri=?", (g["groupUri"],))
    return [permission(MANAGE_PIPELINES, "TENANT")] if row is None or row["manage_pipelines"] \
        else []


def dataset_environment(d, info):
    env = d["_env"]
    return {"environmentUri": env["environmentUri"], "label": env["label"],
            "region": env["region"], "_env": env, "networks": []}


def dataset_restricted(d, info):
    env = d["_env"]
    return {"AwsAccountId": env["AwsAccountId"], "region": env["region"],
            "S3BucketName": d["name"], "GlueDatabaseName": d["name"].replace("-", "_"),
            "GlueCrawlerName": d["name"] + "-crawler",
            "IAMDatasetAdminRoleArn": "arn:aws:iam::%s:role/%s" % (env["AwsAccountId"], d["name"]),
            "KmsAlias": d["name"], "importedS3Bucket": False, "importedGlueDatabase": False,
            "importedKmsKey": False, "importedAdminRole": False}


def dataset_role(d, info):
    ctx = info.context
    if d["owner"] == ctx.email:
        return "Creator"
    return "Admin" if d["SamlAdminGroupName"] in ctx.groups else "NoPermission"


def dataset_stack(d, info):
    env = d["_env"]
    return {"stackUri": d["datasetUri"], "targetUri": d["datasetUri"], "stack": "dataset",
            "environmentUri": env["environmentUri"], "name": "dataall-dataset-" + d["datasetUri"],
            "accountid": env["AwsAccountId"], "region": env["region"], "status": "CREATE_COMPLETE",
            "canViewLogs": False}


RESOLVERS = {
    ("Query", "listDataPipelines"): list_data_pipelines,
    ("Query", "getDataPipeline"): get_data_pipeline,
    ("Query", "getDataPipelineCredsLinux"): get_creds_linux,
    ("Query", "listValidEnvironments"): list_valid_environments,
    ("Query", "listEnvironmentGroups"): list_environment_groups,
    ("Query", "getEnvironment"): get_environment,
    ("Query", "getStack"): get_stack,
    ("Query", "getStackLogs"): get_stack_logs,
    ("Query", "listKeyValueTags"): list_key_value_tags,
    ("Query", "getFeed"): get_feed,
    ("Query", "listS3DatasetsOwnedByEnvGroup"): list_datasets_owned,
    ("Mutation", "createDataPipeline"): create_data_pipeline,
    ("Mutation", "updateDataPipeline"): update_data_pipeline,
    ("Mutation", "deleteDataPipeline"): delete_data_pipeline,
    ("Mutation", "createDataPipelineEnvironment"): create_pipeline_environment,
    ("Mutation", "deleteDataPipelineEnvironment"): delete_pipeline_environment,
    ("Mutation", "updateDataPipelineEnvironment"): update_pipeline_environment,
    ("Mutation", "updateStack"): update_stack,
    ("Mutation", "updateKeyValueTags"): update_key_value_tags,
    ("Mutation", "postFeedMessage"): post_feed_message,
    ("DataPipeline", "environment"): dp_environment,
    ("DataPipeline", "organization"): dp_organization,
    ("DataPipeline", "developmentEnvironments"): dp_dev_envs,
    ("DataPipeline", "stack"): dp_stack,
    ("DataPipeline", "userRoleForPipeline"): dp_role,
    ("Environment", "organization"): env_organization,
    ("Environment", "userRoleInEnvironment"): env_user_role,
    ("EnvironmentSimplified", "organization"): env_organization,
    ("Organization", "environments"): org_environments,
    ("Organization", "userRoleInOrganization"): org_user_role,
    ("Organization", "stats"): org_stats,
    ("Group", "environmentPermissions"): group_env_permissions,
    ("Group", "tenantPermissions"): group_tenant_permissions,
    ("Feed", "messages"): feed_messages,
    ("Dataset", "environment"): dataset_environment,
    ("Dataset", "restricted"): dataset_restricted,
    ("Dataset", "userRoleForDataset"): dataset_role,
    ("Dataset", "stack"): dataset_stack,
}
for _name in ("outputs", "resources", "events", "error"):
    RESOLVERS[("Stack", _name)] = stack_json_field(_name)

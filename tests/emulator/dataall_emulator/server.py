"""HTTP front: API Gateway + WAF + authorizer rules, sign-in, CodeCommit, the fault hooks, and
CodePipeline on a port of its own."""

import argparse
import base64
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .api import Api
from .codecommit import CodeCommit, Repos
from .codepipeline import CONTENT_TYPE as CP_CONTENT_TYPE, TARGET_PREFIX, CodePipeline
from .oauth import CLIENT_ID, OAuth
from .store import Clock, Store

MAX_API_BODY = 8192
MAX_BODY = 256 * 1024 * 1024
# A resolver error as data.all words them (errors.py): a newline, indentation, the (Code) token.
DEFAULT_FAULT_ERROR = ("\n            An error occurred (UnauthorizedOperation) when calling EMULATED_FAULT "
                       "operation:\n            The emulator was asked to refuse this request\n        ")
DENY = {"Message": "User is not authorized to access this resource with an explicit deny"}
FAULT_KINDS = ("slow", "http500", "malformed", "drop", "reauth", "expire-tokens", "error",
               "forbidden", "throttle", "action-failure")
# Kinds a request can suffer; `action-failure` is taken by a CodePipeline action instead.
REQUEST_FAULTS = FAULT_KINDS[:-1]
# API Gateway's throttling answer (default gateway response THROTTLED): no Retry-After.
THROTTLED = {"message": "Too Many Requests"}
# CodeCommit's git smart HTTP answers its refusals as plain text, not as API Gateway's JSON:
# 401 with a Basic challenge (no or stale credentials), 403 (a signature it refuses), 500.
GIT_FAULTS = {
    "reauth": lambda h: h.send(401, "Unauthorized\n",
                               [("WWW-Authenticate", 'Basic realm="AWS CodeCommit"')], "text/plain"),
    "forbidden": lambda h: h.send(403, "Forbidden\n", None, "text/plain"),
    "http500": lambda h: h.send(500, "Internal Server Error\n", None, "text/plain"),
}


class Faults:
    def __init__(self):
        self.lock = threading.Lock()
        self.items = []

    def add(self, spec):
        if not isinstance(spec, dict) or spec.get("kind") not in FAULT_KINDS:
            raise ValueError("kind must be one of " + ", ".join(FAULT_KINDS))
        fault = {"kind": spec["kind"], "count": int(spec.get("count", 1)),
                 "match": spec.get("match") or "", "skip": int(spec.get("skip", 0)),
                 "delay_ms": int(spec.get("delay_ms", 2000 if spec["kind"] == "slow" else 0))}
        if not isinstance(fault["match"], str) or fault["count"] < 1 or fault["skip"] < 0 \
                or fault["delay_ms"] < 0:
            raise ValueError("bad count, skip, delay_ms or match")
        if fault["kind"] == "error":
            fault["message"] = spec.get("message", DEFAULT_FAULT_ERROR)
            if not isinstance(fault["message"], str) or not fault["message"]:
                raise ValueError("message must be a non-empty string")
            # on a CodePipeline request: the AWS error's __type (message: its message)
            fault["type"] = spec.get("type", "ThrottlingException")
            if not isinstance(fault["type"], str) or not fault["type"]:
                raise ValueError("type must be a non-empty string")
        if fault["kind"] == "action-failure":
            if not fault["match"]:
                raise ValueError("action-failure needs match: an action name")
            if "message" in spec:
                if not isinstance(spec["message"], str) or not spec["message"]:
                    raise ValueError("message must be a non-empty string")
                fault["message"] = spec["message"]
        with self.lock:
            self.items.append(fault)
        return fault

    def take(self, path, operation, kinds=REQUEST_FAULTS):
        """The fault this request must suffer, if any (consumes one count)."""
        with self.lock:
            for fault in self.items:
                if fault["kind"] not in kinds:
                    continue
                m = fault["match"]
                if m and not (path.startswith(m) if m.startswith("/") else operation == m):
                    continue
                if fault["skip"]:
                    fault["skip"] -= 1
                    return None
                fault["count"] -= 1
                if fault["count"] == 0:
                    self.items.remove(fault)
                return dict(fault)
        return None


class Emulator:
    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.clock = Clock(args.time_scale)
        db_path = args.db or os.path.join(workdir, "dataall.sqlite")
        self.store = Store(db_path, self.clock)
        self.store.seed(args.seed, args.seed_number)
        self.store.generate_pipelines(args.generate_pipelines)
        repo_root = (db_path + ".repos") if args.db else os.path.join(workdir, "repos")
        self.repos = Repos(repo_root, self.store, self.clock)
        keys = []
        for spec in args.aws_key or []:
            akid, _, secret = spec.partition(":")
            if not akid or not secret:
                raise SystemExit("--aws-key wants ID:SECRET")
            keys.append((akid, secret))
        self.codecommit = CodeCommit(self.store, self.clock, self.repos, keys)
        self.repos.history = args.generate_history
        self.codepipeline = CodePipeline(self)
        self.repos.on_commit = self.codepipeline.on_push
        self.api = Api(self, legacy=args.legacy_fields,
                       pipelines_disabled=args.pipelines_disabled)
        self.faults = Faults()
        self.requests = {}  # operationName (GraphQL) or path (anything else) -> count
        self.requests_lock = threading.Lock()
        self.oauth = None  # needs the URL, set once the socket is bound

    def state(self):
        with self.store.lock:
            pipelines = self.store.db.execute("SELECT COUNT(*) FROM pipeline").fetchone()[0]
        with self.faults.lock:
            faults = [dict(f) for f in self.faults.items]
        with self.requests_lock:
            requests = dict(self.requests)
        return {"now": self.clock.now(), "time_scale": self.clock.scale, "pipelines": pipelines,
                "faults": faults, "requests": requests}

    def count_request(self, key):
        with self.requests_lock:
            self.requests[key] = self.requests.get(key, 0) + 1

    def secrets(self):
        """Every token and AWS key handed out so far (for the secrets audit)."""
        with self.store.lock:
            rows = self.store.db.execute("SELECT akid, secret, token FROM aws_key").fetchall()
        out = self.oauth.issued_secrets()
        out["aws_keys"] = [{"AccessKeyId": r[0], "SecretAccessKey": r[1], "SessionToken": r[2]}
                           for r in rows]
        return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "dataall-emulator"

    def version_string(self):
        return self.server_version

    def log_message(self, fmt, *args):
        if os.environ.get("DATAALL_EMULATOR_LOG"):
            sys.stderr.write("dataall-emulator: %s\n" % (fmt % args))

    @property
    def emu(self):
        return self.server.emulator

    # -- plumbing -----------------------------------------------------------------------------
    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks, total = [], 0
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                total += size
                if total > MAX_BODY:
                    raise ValueError("body too large")
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0 or length > MAX_BODY:
            raise ValueError("bad Content-Length")
        return self.rfile.read(length) if length else b""

    def send(self, status, body=b"", headers=None, content_type="application/json"):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        names = {k.lower() for k, _ in (headers or [])}
        if content_type and "content-type" not in names:
            self.send_header("Content-Type", content_type)
        for k, v in headers or []:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def do_GET(self):
        self.dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    def dispatch(self):
        try:
            self._dispatch()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as e:  # never let a request kill the emulator
            sys.stderr.write("dataall-emulator: internal error on %s %s: %r\n"
                             % (self.command, self.path, e))
            try:
                self.send(500, {"message": "Internal server error"})
            except OSError:
                pass
            self.close_connection = True

    def _dispatch(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        try:
            body = self.read_body()
        except ValueError:
            self.send(400, {"message": "Bad request body framing or size"})
            self.close_connection = True
            return
        if getattr(self.server, "codepipeline", False) or (
                path == "/" and self.headers.get("X-Amz-Target", "").startswith(TARGET_PREFIX)):
            # its own port; also the main one, so that one endpoint override (the account's
            # AWS endpoint) reaches both CodeCommit and CodePipeline
            return self.codepipeline(path, url.query, body)
        if path.startswith("/_emulator/"):
            return self.control(path, body)
        operation = None
        if path == "/graphql/api" and self.command == "POST":
            try:
                parsed = json.loads(body)
                if isinstance(parsed, dict) and isinstance(parsed.get("operationName"), str):
                    operation = parsed["operationName"]
            except ValueError:
                pass
        self.emu.count_request(operation if operation is not None else path)
        fault = self.emu.faults.take(path, operation)
        if fault:
            if fault["delay_ms"]:
                time.sleep(fault["delay_ms"] / 1000.0)
            kind = fault["kind"]
            if path.startswith("/v1/repos/") and kind in GIT_FAULTS:
                return GIT_FAULTS[kind](self)
            if kind == "http500":
                return self.send(500, {"message": "Internal server error"})
            if kind == "malformed":
                return self.send(200, b'{"data": {"' + (operation or "x").encode() + b'": {"cou')
            if kind == "drop":
                return self.drop()
            if kind == "reauth":
                op = operation or "operation"
                return self.send(401, {"data": {op: None}, "errors": [{
                    "message": "ReAuth Required To Perform This Action %s" % op,
                    "locations": None, "path": [op], "extensions": {"code": "REAUTH"}}]})
            if kind == "expire-tokens":
                self.emu.oauth.expire_all()
            if kind == "forbidden":  # the authorizer's deny, as API Gateway sends it
                return self.send(403, DENY, [("Access-Control-Allow-Origin", "*"),
                                             ("x-amzn-ErrorType", "AccessDeniedException"),
                                             ("x-amzn-RequestId", str(uuid.uuid4()))])
            if kind == "throttle":
                return self.send(429, THROTTLED, [
                    ("x-amzn-ErrorType", "TooManyRequestsException"),
                    ("x-amzn-RequestId", str(uuid.uuid4())),
                    ("x-amz-apigw-id", base64.b64encode(os.urandom(12)).decode()[:16])])
            if kind == "error":
                op = operation or "operation"
                return self.send(200, {"data": {op: None}, "errors": [{
                    "message": fault["message"], "locations": [{"line": 2, "column": 3}],
                    "path": [op]}]})
        if path == "/graphql/api":
            return self.graphql(body)
        if path == "/.well-known/openid-configuration" and self.command == "GET":
            return self.send(200, self.emu.oauth.discovery())
        if path == "/.well-known/jwks.json" and self.command == "GET":
            return self.send(200, {"keys": []})
        if path == "/oauth2/authorize" and self.command in ("GET", "POST"):
            params = urllib.parse.parse_qs(url.query)
            if self.command == "POST":
                params = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            status, headers, page = self.emu.oauth.authorize(params, self.command)
            return self.send(status, page, list(headers.items()), content_type=None)
        if path in ("/oauth2/token", "/oauth2/revoke") and self.command == "POST":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            auth = self.headers.get("Authorization", "")
            if "client_id" not in form and auth.startswith("Basic "):
                try:  # a client may authenticate as HTTP Basic client_id:secret
                    form["client_id"] = [base64.b64decode(auth[6:]).decode().partition(":")[0]]
                except ValueError:
                    pass
            if path == "/oauth2/revoke":
                status, out = self.emu.oauth.revoke(form)
            else:
                status, out = self.emu.oauth.token(form)
            return self.send(status, out, [("Cache-Control", "no-store")])
        if path == "/logout" and self.command == "GET":
            status, headers, page = self.emu.oauth.logout(urllib.parse.parse_qs(url.query))
            return self.send(status, page, list(headers.items()), content_type=None)
        if path == "/oauth2/userInfo" and self.command in ("GET", "POST"):
            status, out = self.emu.oauth.userinfo(self.headers.get("Authorization"))
            headers = [("WWW-Authenticate", 'Bearer error="invalid_token"')] \
                if status == 401 else []
            return self.send(status, out, headers)
        if path.startswith("/v1/repos/"):
            return self.git(path, url.query, body)
        self.send(403, {"message": "Missing Authentication Token"})

    # -- GraphQL ----------------------------------------------------------------------------------
    def graphql(self, body):
        if self.command == "OPTIONS":
            return self.send(204, b"", [
                ("Access-Control-Allow-Origin", "*"),
                ("Access-Control-Allow-Methods", "POST,OPTIONS"),
                ("Access-Control-Allow-Headers", "Content-Type,Authorization,AccessKeyId,"
                                                 "SecretKey,User-Agent")], content_type=None)
        if self.command != "POST":
            return self.send(403, {"message": "Missing Authentication Token"})
        cors = [("Access-Control-Allow-Origin", "*")]
        # WAF (AWS managed common rule set)
        if not self.headers.get("User-Agent") or len(body) > MAX_API_BODY:
            return self.send(403, {"message": "Forbidden"}, cors)
        user = self.emu.oauth.api_user(self.headers.get("Authorization"))
        if user is None:
            return self.send(403, DENY, cors + [("x-amzn-ErrorType", "AccessDeniedException")])
        # API Gateway request validator (GraphQLValidationModel)
        try:
            req = json.loads(body)
        except ValueError:
            req = None
        if not (isinstance(req, dict) and isinstance(req.get("operationName"), str)
                and isinstance(req.get("query"), str) and isinstance(req.get("variables"), dict)):
            return self.send(400, {"message": "Invalid request body"}, cors)
        status, out = self.emu.api.run(user, req)
        self.send(status, out, cors)

    # -- CodeCommit -------------------------------------------------------------------------------
    def git(self, path, query, body):
        name, _, rest = path[len("/v1/repos/"):].partition("/")
        rest = "/" + rest if rest else ""
        auth = self.headers.get("Authorization", "")
        challenge = [("WWW-Authenticate", 'Basic realm="AWS CodeCommit"')]
        if not auth.startswith("Basic "):
            return self.send(401, "Unauthorized\n", challenge, "text/plain")
        try:
            username, _, password = base64.b64decode(auth[6:]).decode("utf-8").partition(":")
        except ValueError:
            return self.send(401, "Unauthorized\n", challenge, "text/plain")
        with self.emu.store.lock:
            repo = self.emu.store.q1("SELECT * FROM repo WHERE name=?", (name,))
        if repo is None or not name:
            return self.send(404, "Repository %s does not exist\n" % name, None, "text/plain")
        reason = self.emu.codecommit.check(username, password, self.headers.get("Host", ""), repo)
        if reason:
            self.log_message("git auth refused: %s", reason)
            return self.send(403, "Forbidden: %s\n" % reason, None, "text/plain")
        repo_path = self.emu.repos.ensure(name, repo["pipelineUri"])
        pushing = rest == "/git-receive-pack" and self.command == "POST"
        before = self.emu.repos.heads(repo_path) if pushing else None
        status, headers, payload = self.emu.codecommit.cgi(
            repo_path, name, rest, self.command, query, self.headers, body,
            username.partition("%")[0])
        if pushing and status == 200:
            # every branch the push moved starts the CodePipelines watching it, before the
            # answer, so that a client that pushed sees the execution at once
            after = self.emu.repos.heads(repo_path)
            for branch, sha in sorted(after.items()):
                if before.get(branch) != sha:
                    try:
                        self.emu.codepipeline.on_push(name, branch, sha)
                    except Exception as e:  # the push itself went through
                        sys.stderr.write("dataall-emulator: CodePipeline on push to %s/%s: %r\n"
                                         % (name, branch, e))
        self.send(status, payload, headers, content_type=None)

    # -- CodePipeline (its own port) -------------------------------------------------------------
    def codepipeline(self, path, query, body):
        target = self.headers.get("X-Amz-Target", "")
        op = target[len(TARGET_PREFIX):] if target.startswith(TARGET_PREFIX) else None
        request_id = str(uuid.uuid4())
        hdrs = [("x-amzn-RequestId", request_id)]
        # counted by operation (X-Amz-Target), as the GraphQL requests are by operationName
        self.emu.count_request(op if op is not None else path)
        fault = self.emu.faults.take(path, op)
        if fault:
            if fault["delay_ms"]:
                time.sleep(fault["delay_ms"] / 1000.0)
            kind = fault["kind"]
            if kind == "http500":
                return self.send(500, {"__type": "InternalFailure", "message": "We encountered "
                                       "an internal error. Please try again."}, hdrs,
                                 CP_CONTENT_TYPE)
            if kind == "malformed":
                return self.send(200, b'{"pipelineName": "x", "stageStat', hdrs,
                                 CP_CONTENT_TYPE)
            if kind == "drop":
                return self.drop()
            if kind == "reauth":  # no sign-in here: the closest is a refused session token
                self.emu.codepipeline.expire_session_keys()
            if kind == "expire-tokens":  # here: the AWS keys issued so far, not sign-ins
                self.emu.codepipeline.expire_session_keys()
            # The gateway's kinds as AWS JSON 1.1 services answer them: a __type, HTTP 400 for
            # throttling, 403 for a refusal ([unverified] exact message texts; clients branch
            # on __type only).
            if kind == "throttle":
                return self.send(400, {"__type": "ThrottlingException", "message": "Rate exceeded"},
                                 hdrs, CP_CONTENT_TYPE)
            if kind == "forbidden":  # 403, as the current Common Errors page lists it
                return self.send(403, {"__type": "AccessDeniedException", "message": "User is not "
                                       "authorized to perform this action"}, hdrs, CP_CONTENT_TYPE)
            if kind == "error":
                return self.send(400, {"__type": fault["type"], "message": fault["message"]},
                                 hdrs, CP_CONTENT_TYPE)
        status, out = self.emu.codepipeline.handle(self.command, path, query, self.headers,
                                                   body, op)
        self.send(status, out, hdrs, CP_CONTENT_TYPE)

    # -- test hooks -------------------------------------------------------------------------------
    def control(self, path, body):
        emu = self.emu
        try:
            spec = json.loads(body) if body else {}
        except ValueError:
            return self.send(400, {"error": "body is not JSON"})
        if path == "/_emulator/faults":
            if self.command == "POST":
                try:
                    return self.send(200, emu.faults.add(spec))
                except (ValueError, TypeError) as e:
                    return self.send(400, {"error": str(e)})
            if self.command == "DELETE":
                with emu.faults.lock:
                    emu.faults.items.clear()
                return self.send(200, {"faults": []})
            return self.send(200, {"faults": emu.state()["faults"]})
        if path == "/_emulator/state" and self.command == "GET":
            return self.send(200, emu.state())
        if path == "/_emulator/secrets" and self.command == "GET":
            return self.send(200, emu.secrets())
        if path == "/_emulator/clock" and self.command == "POST":
            try:
                emu.clock.advance(float(spec.get("advance", 0)))
            except (ValueError, TypeError, AttributeError):
                return self.send(400, {"error": "advance must be a number of seconds"})
            return self.send(200, emu.state())
        self.send(404, {"error": "unknown control endpoint"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="dataall-emulator",
                                 description="Local data.all Pipelines emulator")
    ap.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free)")
    ap.add_argument("--db", help="SQLite file (default: a temporary file)")
    ap.add_argument("--seed", choices=("demo", "empty"), default="demo")
    ap.add_argument("--seed-number", type=int, default=20240611, metavar="N",
                    help="the seed's random number seed: other ids for the same data")
    ap.add_argument("--generate-pipelines", type=int, default=0, metavar="N")
    ap.add_argument("--generate-history", type=int, default=1, metavar="N",
                    help="every repository starts with N commits on main (default 1)")
    ap.add_argument("--codepipeline-port", type=int, default=0, metavar="N",
                    help="TCP port of the CodePipeline endpoint (0: any free)")
    ap.add_argument("--auto-approve", metavar="EMAIL",
                    help="sign this user in at once, without the login page")
    ap.add_argument("--redirect-uri", metavar="URI",
                    help="the only redirect URI accepted (default: any http://localhost:PORT/"
                         " or http://127.0.0.1:PORT/ URI)")
    ap.add_argument("--time-scale", type=float, default=1.0, metavar="X",
                    help="emulated seconds per real second")
    ap.add_argument("--token-ttl", type=int, default=3600, metavar="SECONDS")
    ap.add_argument("--aws-key", action="append", metavar="ID:SECRET",
                    help="a long-term AWS key CodeCommit accepts (repeatable)")
    ap.add_argument("--pipelines-disabled", action="store_true",
                    help="the pipelines module switched off (data.all >= 2.7 default)")
    ap.add_argument("--legacy-fields", nargs="?", const="all", default=None,
                    choices=["all", "template"],
                    help="accept inputDatasetUri, outputDatasetUri and template (data.all 1.1), "
                         "or only template (1.3 to 1.5.1)")
    args = ap.parse_args(argv)
    if args.time_scale <= 0 or args.token_ttl <= 0 or args.generate_pipelines < 0 \
            or args.generate_history < 1:
        ap.error("--time-scale and --token-ttl must be positive, --generate-pipelines >= 0, "
                 "--generate-history >= 1")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    workdir = tempfile.mkdtemp(prefix="dataall-emulator-")
    server = cp_server = None
    try:
        emu = Emulator(args, workdir)
        if args.auto_approve:
            with emu.store.lock:
                if emu.store.user(args.auto_approve) is None:
                    raise SystemExit("--auto-approve: unknown user %s" % args.auto_approve)
        server = Server(("127.0.0.1", args.port), Handler)
        server.emulator = emu
        cp_server = Server(("127.0.0.1", args.codepipeline_port), Handler)
        cp_server.emulator = emu
        cp_server.codepipeline = True
        url = "http://127.0.0.1:%d" % server.server_address[1]
        emu.oauth = OAuth(emu.store, url, args.token_ttl, args.auto_approve, args.redirect_uri)
        with emu.store.lock:
            users = [u["email"] for u in emu.store.users()]
        info = {"url": url, "graphql": url + "/graphql/api", "oauth": url,
                "client_id": CLIENT_ID, "users": users, "codecommit": url,
                "codepipeline": "http://127.0.0.1:%d" % cp_server.server_address[1]}
        cp_thread = threading.Thread(target=cp_server.serve_forever, args=(0.2,), daemon=True)
        cp_thread.start()

        def stop(_signum, _frame):
            def both():
                cp_server.shutdown()
                server.shutdown()
            threading.Thread(target=both, daemon=True).start()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        sys.stdout.write(json.dumps(info) + "\n")
        sys.stdout.flush()
        server.serve_forever(poll_interval=0.2)
    finally:
        if server is not None:
            server.server_close()
        if cp_server is not None:
            cp_server.server_close()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0

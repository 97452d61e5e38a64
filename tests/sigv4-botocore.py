#!/usr/bin/python3
"""Signs requests with botocore's SigV4Auth, the independent signer the C signer must agree with.

Usage: sigv4-botocore.py REQUESTS.json
REQUESTS.json is a list of {"method", "host", "path", "params": [[name, value]...],
"headers": [[name, value]...], "body", "access_key", "secret_key", "token" (or null), "region",
"service", "timestamp" ("YYYYMMDDTHHMMSSZ")}. Prints a JSON list of {"creq", "sts", "authz"}.
"""

import json
import sys

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def sign(r):
    creds = Credentials(r["access_key"], r["secret_key"], r.get("token") or None)
    request = AWSRequest(method=r["method"], url="https://%s%s" % (r["host"], r["path"]),
                         data=r["body"].encode("utf-8"),
                         params=[tuple(p) for p in r["params"]])
    for name, value in r["headers"]:
        request.headers[name] = value  # appends: repeated names are kept, in order
    request.context["timestamp"] = r["timestamp"]
    auth = SigV4Auth(creds, r["service"], r["region"])
    # add_auth() without its utcnow(): the same steps with the given timestamp.
    auth._modify_request_before_signing(request)
    creq = auth.canonical_request(request)
    sts = auth.string_to_sign(request, creq)
    auth._inject_signature_to_request(request, auth.signature(sts, request))
    return {"creq": creq, "sts": sts, "authz": request.headers["Authorization"]}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        requests = json.load(f)
    json.dump([sign(r) for r in requests], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

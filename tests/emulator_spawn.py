"""Start a local data.all emulator for a test and read where it listens.

    from emulator_spawn import start_emulator, stop_emulator
    proc, info = start_emulator("--seed", "demo")
    ...  # info["graphql"], info["oauth"], info["client_id"], info["users"], info["codecommit"],
    #     info["codepipeline"]
    stop_emulator(proc)

The emulator is `$SLUICE_EMULATOR` if set, else tests/emulator/dataall-emulator beside this file.
Every emulator started here is also stopped when the Python process exits.
"""

import atexit
import json
import os
import selectors
import subprocess
import time

DEFAULT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "emulator", "dataall-emulator")
_running = []


def emulator_path():
    return os.environ.get("SLUICE_EMULATOR") or DEFAULT_PATH


def start_emulator(*args, timeout=20.0):
    """Spawn an emulator on a free port; returns (Popen, info dict from its first line)."""
    argv = [emulator_path()]
    if "--port" not in args:
        argv += ["--port", "0"]
    argv += list(args)
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    _running.append(proc)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    line = b""
    deadline = time.monotonic() + timeout
    try:
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                raise RuntimeError("emulator did not print its JSON line within %.0f s" % timeout)
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError("emulator exited (status %s) before its JSON line"
                                   % proc.wait())
            line += chunk
        info = json.loads(line.decode("utf-8").split("\n", 1)[0])
    except BaseException:
        stop_emulator(proc)
        raise
    finally:
        sel.close()
    return proc, info


def stop_emulator(proc, timeout=10.0):
    """SIGTERM, then SIGKILL if it does not stop; returns its exit status."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stdout:
        proc.stdout.close()
    if proc in _running:
        _running.remove(proc)
    return proc.returncode


@atexit.register
def _stop_all():
    for proc in list(_running):
        stop_emulator(proc)

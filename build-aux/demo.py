#!/usr/bin/python3
"""build-aux/dev demo: start the local data.all emulator with demo data and run Sluice against it.

--interactive  run Sluice on the user's display until it quits.
--screenshots DIR  (no display: inside Xvfb) walk through the main pages as a user would, through
               the accessibility bus, and save a PNG of each into DIR.
The emulator's JSON line (its endpoints) is echoed on stdout so that a script driving the demo
knows where it is; the emulator runs until Sluice quits.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

root = pathlib.Path(os.environ.get('SLUICE_SOURCE_ROOT', pathlib.Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(root / 'tests' / 'e2e'))
sys.path.insert(0, str(root / 'tests'))


def start_emulator():
    emulator = root / 'tests' / 'emulator' / 'dataall-emulator'
    if not emulator.exists():
        print('demo: the data.all emulator is not part of this checkout yet', file=sys.stderr)
        return None, None
    proc = subprocess.Popen([str(emulator), '--port', '0', '--seed', 'demo'],
                            stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    line = proc.stdout.readline()
    if not line:
        proc.wait()
        raise SystemExit(f'demo: the emulator exited with status {proc.returncode} before it was ready')
    info = json.loads(line)
    print(line.strip(), flush=True)
    return proc, info


def stop(proc):
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def window_id(pid, title, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid), '--name', f'^{title}$'],
                             capture_output=True, text=True).stdout.split()
        if out:
            return out[-1]
        time.sleep(0.05)
    raise SystemExit(f'demo: no window titled {title!r} appeared')


def shoot(pid, title, path):
    # Let animations (crossfades, popovers) finish before the picture is taken.
    time.sleep(0.6)
    subprocess.run(['import', '-window', window_id(pid, title), str(path)], check=True)
    print(f'demo: wrote {path}', file=sys.stderr)


def screenshots(out):
    import sluice_atspi as atspi

    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    env = {'GSK_RENDERER': os.environ.get('GSK_RENDERER', 'cairo'), 'ADW_DISABLE_PORTAL': '1'}
    with atspi.App(env=env) as app:
        pid = app.proc.pid
        frame = app.wait('frame', 'Sluice', timeout=20)
        app.wait('push button', 'Connect to data.all…')
        shoot(pid, 'Sluice', out / 'main-window.png')

        app.click(app.wait('list item', 'Credentials'))
        shoot(pid, 'Sluice', out / 'credentials.png')

        app.point_at(frame)
        app.key('comma', ['control'])
        prefs = app.wait('frame', 'Preferences')
        shoot(pid, 'Preferences', out / 'preferences.png')
        app.click(app.wait('check box', 'Dark', root=prefs))
        app.point_at(prefs)
        app.key('Escape')
        app.gone('frame', 'Preferences')

        app.click(app.wait('list item', 'Pipelines'))
        shoot(pid, 'Sluice', out / 'main-window-dark.png')

        app.click(app.wait('push button', 'Main Menu'))
        app.action(app.wait('menu item', 'Keyboard Shortcuts'))
        app.wait('frame', 'Keyboard Shortcuts')
        shoot(pid, 'Keyboard Shortcuts', out / 'shortcuts.png')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--interactive', action='store_true')
    parser.add_argument('--screenshots', metavar='DIR')
    args = parser.parse_args()

    emulator, _info = start_emulator()
    try:
        if args.screenshots:
            screenshots(args.screenshots)
        else:
            subprocess.run([os.environ['SLUICE_BINARY']], check=False)
    finally:
        stop(emulator)


if __name__ == '__main__':
    main()

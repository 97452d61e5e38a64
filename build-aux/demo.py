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
import urllib.request

root = pathlib.Path(os.environ.get('SLUICE_SOURCE_ROOT', pathlib.Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(root / 'tests' / 'e2e'))
sys.path.insert(0, str(root / 'tests'))


DEMO_USER = 'engineer@example.com'


def start_emulator():
    emulator = root / 'tests' / 'emulator' / 'dataall-emulator'
    # --auto-approve stands in for the person approving the sign-in in the browser;
    # --legacy-fields lets the wizard's datasets through, as data.all 1.1 did.
    proc = subprocess.Popen([str(emulator), '--port', '0', '--seed', 'demo', '--auto-approve', DEMO_USER,
                             '--legacy-fields'],
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


def window_area(wid):
    out = subprocess.run(['xdotool', 'getwindowgeometry', wid], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if 'Geometry:' in line:
            w, h = line.split()[-1].split('x')
            return int(w) * int(h)
    return 0


def window_id(pid, title, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = subprocess.run(['xdotool', 'search', '--all', '--onlyvisible', '--pid', str(pid), '--name', f'^{title}$'],
                             capture_output=True, text=True).stdout.split()
        if out:
            # Tooltips and popovers are windows too, and may carry the same title. (--all: the
            # pid *and* the title; xdotool's default is either, which picked the main window.)
            return max(out, key=window_area)
        time.sleep(0.05)
    raise SystemExit(f'demo: no window titled {title!r} appeared')


def shoot(pid, title, path):
    # No pointer over a button (no tooltip in the picture), and animations finished.
    subprocess.run(['xdotool', 'mousemove', '1279', '799'], check=False)
    time.sleep(0.8)
    subprocess.run(['import', '-window', window_id(pid, title), str(path)], check=True)
    print(f'demo: wrote {path}', file=sys.stderr)


def window_gone(pid, title, timeout=30):
    """Waits until no window of `pid` has `title`. It asks the X server, not the accessibility
    tree: GTK 4.8 can crash answering a query about a window it is destroying."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = subprocess.run(['xdotool', 'search', '--all', '--onlyvisible', '--pid', str(pid), '--name', f'^{title}$'],
                             capture_output=True, text=True).stdout.split()
        if not out:
            return
        time.sleep(0.1)
    raise SystemExit(f'demo: the window {title!r} did not close')


def add_fault(info, fault):
    """One of the emulator's test hooks (tests/emulator/README.md)."""
    request = urllib.request.Request(info['url'] + '/_emulator/faults', data=json.dumps(fault).encode(),
                                     headers={'Content-Type': 'application/json', 'User-Agent': 'sluice-demo'})
    urllib.request.urlopen(request, timeout=10).read()


def wizard_screenshots(app, out, info):
    """The New Pipeline wizard, step by step, then the pipeline it created."""
    import sluice_atspi as atspi
    from sluice_wizard import Wizard

    pid = app.proc.pid
    app.action(app.wait('push button', 'New Pipeline'))
    wizard = Wizard(app, app.wait('frame', 'New Pipeline'))
    wizard.fill_details('Orders ETL', 'Loads the web shop’s orders of the day into the data lake, every night.',
                        tags=('orders', 'finance', 'nightly'))
    shoot(pid, 'New Pipeline', out / 'wizard-details.png')
    wizard.next(2)
    wizard.fill_cicd(strategy='CodePipeline, GitFlow')
    shoot(pid, 'New Pipeline', out / 'wizard-cicd.png')
    wizard.next(3)
    wizard.fill_three_stages()
    # Tidy: dev and test closed, prod open, from the top.
    wizard.toggle_stage(1, 'dev')
    wizard.toggle_stage(2, 'test')
    wizard.visible(wizard.wait('label', 'Stages', 'stages'), 'stages')
    shoot(pid, 'New Pipeline', out / 'wizard-stages.png')
    wizard.next(4)
    app.choose(wizard.wait('combo box', 'Input dataset', 'datasets'), 'landing_zone')
    shoot(pid, 'New Pipeline', out / 'wizard-datasets.png')
    wizard.next(5)
    shoot(pid, 'New Pipeline', out / 'wizard-review.png')
    # Further down: the CodePipelines data.all will make of it, the last rows of the page.
    rows = [n for n in atspi.walk(wizard.page('review')) if atspi.role_name(n) == 'list item']
    wizard.visible(rows[-1], 'review')
    shoot(pid, 'New Pipeline', out / 'wizard-review-plan.png')
    # Hold the second stage a few seconds, for a picture of the creation under way.
    add_fault(info, {'kind': 'slow', 'match': 'createDataPipelineEnvironment', 'skip': 1, 'delay_ms': 6000})
    wizard.next(6)
    wizard.wait('label', 'In progress…', 'progress', timeout=20)
    shoot(pid, 'New Pipeline', out / 'wizard-progress.png')
    # Done: the wizard closes and the window opens the new pipeline.
    window_gone(pid, 'New Pipeline')
    time.sleep(1)
    app.wait('label', 'Orders ETL', timeout=20)
    shoot(pid, 'Sluice', out / 'wizard-created.png')
    pipeline_screenshots(app, out)


def pipeline_screenshots(app, out):
    """The pipeline page's Stack and Tags tabs, and its Edit dialog."""
    pid = app.proc.pid
    # Without a window manager the keyboard goes where the pointer is, which shoot() moved away.
    app.point_at(app.wait('label', 'Orders ETL'))
    app.key('2', ('alt',))
    app.wait('label', 'Resources', timeout=20)
    shoot(pid, 'Sluice', out / 'pipeline-stack.png')
    app.point_at(app.wait('label', 'Orders ETL'))
    app.key('3', ('alt',))
    app.wait('label', 'Key/Value Tags', timeout=20)
    shoot(pid, 'Sluice', out / 'pipeline-tags.png')
    app.point_at(app.wait('label', 'Orders ETL'))
    app.key('1', ('alt',))
    app.key('e', ('control',))
    app.wait('frame', 'Edit Pipeline', timeout=20)
    app.wait('label', 'Stage 3: prod', timeout=20)
    shoot(pid, 'Edit Pipeline', out / 'pipeline-edit.png')
    app.key('Escape')
    window_gone(pid, 'Edit Pipeline')


def move_clock(info, seconds):
    """Moves the emulator's clock on (a test hook): the newest pipeline's stack completes."""
    request = urllib.request.Request(info['url'] + '/_emulator/clock', data=json.dumps({'advance': seconds}).encode(),
                                     headers={'Content-Type': 'application/json', 'User-Agent': 'sluice-demo'})
    urllib.request.urlopen(request, timeout=10).read()


def shoot_dialog(pid, path):
    """A dialog without a title of its own (an AdwMessageDialog): the smaller of the app's two
    visible windows."""
    import sluice_atspi as atspi

    subprocess.run(['xdotool', 'mousemove', '1279', '799'], check=False)
    time.sleep(0.8)
    windows = atspi.wait_for(lambda: (lambda w: w if len(w) >= 2 else None)(atspi.x_windows(pid)), timeout=10,
                             what='the dialog window')
    wid = min(windows, key=lambda w: w[3] * w[4])[0]
    subprocess.run(['import', '-window', wid, str(path)], check=True)
    print(f'demo: wrote {path}', file=sys.stderr)


def stages_screenshots(app, out):
    """The Stages tab of each strategy's demo pipeline, and the Review dialog of trunk's approval."""
    import sluice_atspi as atspi

    pid = app.proc.pid
    for label, strategy, node in (('sales-ingest', 'trunk', 'ManualApproval-dev: Waiting for approval'),
                                  ('ml-features', 'gitflow', 'Branch dev: Missing'),
                                  ('customer-360', 'cdk-trunk', 'Stage prod: Succeeded')):
        app.click(app.wait('label', label, timeout=20))
        app.click(app.wait('page tab', 'Stages Stages', timeout=20))
        found = app.wait('push button', node, timeout=60)
        # the history and what is where come with the same answers; a moment for the frame
        time.sleep(1)
        shoot(pid, 'Sluice', out / f'stages-tab-{strategy}.png')
        if strategy == 'trunk':
            app.click(found)
            app.action(app.wait('push button', lambda n: n.replace('_', '') in ('Review…', 'Review… Review…'),
                                timeout=15))
            app.wait('text', lambda n: n.startswith('Comments'), timeout=15)
            atspi.Atspi.generate_keyboard_event(0, 'Checked in dev: the row counts match.',
                                                atspi.Atspi.KeySynthType.STRING)
            shoot_dialog(pid, out / 'stages-review.png')
            app.key('Escape')
            time.sleep(1.5)  # the dialog gone before the tree is read again (GTK 4.8)
        app.click(app.wait('push button', 'Back to Pipelines', timeout=15))
        time.sleep(0.5)


def aws_endpoints(info):
    """The emulator's CodePipeline and CodeCommit, where Sluice's AWS calls go instead of AWS."""
    return {'AWS_ENDPOINT_URL_CODEPIPELINE': info['codepipeline'], 'AWS_ENDPOINT_URL_CODECOMMIT': info['codecommit']}


def connect_args(info):
    return ['--connect', info['url'], '--issuer', info['oauth'], '--client-id', info['client_id']]


def screenshots(out, info):
    import sluice_atspi as atspi

    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    env = {'GSK_RENDERER': os.environ.get('GSK_RENDERER', 'cairo'), 'ADW_DISABLE_PORTAL': '1', **aws_endpoints(info)}

    # The stand-in browser answers for the person at the browser, in the private XDG folders
    # that build-aux/dev made for this session (it refuses the user's own).
    subprocess.run([str(root / 'tests' / 'install-stand-in-browser')], check=True)

    with atspi.App(env=env) as app:
        pid = app.proc.pid
        frame = app.wait('frame', 'Sluice', timeout=20)
        app.wait('push button', 'Connect to data.all…')
        shoot(pid, 'Sluice', out / 'main-window.png')

        app.click(app.wait('push button', 'Connect to data.all…'))
        dialog = app.wait('frame', 'Connect to data.all')
        app.wait('text', 'Name', root=dialog).set_text_contents('Demo data.all')
        app.wait('text', 'API URL', root=dialog).set_text_contents(info['url'])
        app.wait('text', 'Cognito domain', root=dialog).set_text_contents(info['oauth'])
        shoot(pid, 'Connect to data.all', out / 'connect.png')
        app.action(app.wait('push button', 'Cancel', root=dialog))
        time.sleep(1)

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

    # Back to the system style for the last picture, as a user who tried Dark might.
    subprocess.run(['gsettings', 'reset', 'io.github.sluice.Sluice', 'style-variant'], check=False)

    # The demo ends signed in, through `sluice --connect` and the real PKCE sign-in.
    app = atspi.App(*connect_args(info), env=env)
    pid = app.proc.pid
    accounts = pathlib.Path(os.environ['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
    atspi.wait_for(accounts.exists, timeout=30, what='the sign-in to finish')
    time.sleep(1)
    app.wait('label', 'customer-360', timeout=20)
    shoot(pid, 'Sluice', out / 'pipelines.png')
    # ml-features was made just now: its stack completes (and its CodePipelines start) 180 s on.
    move_clock(info, 200)
    stages_screenshots(app, out)
    wizard_screenshots(app, out, info)
    app.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--interactive', action='store_true')
    parser.add_argument('--screenshots', metavar='DIR')
    args = parser.parse_args()

    emulator, info = start_emulator()
    try:
        if args.screenshots:
            screenshots(args.screenshots, info)
        else:
            # On a desktop the system's browser opens; the emulator approves at once.
            subprocess.run([os.environ['SLUICE_BINARY'], *connect_args(info)], env={**os.environ, **aws_endpoints(info)},
                           check=False)
    finally:
        stop(emulator)


if __name__ == '__main__':
    main()

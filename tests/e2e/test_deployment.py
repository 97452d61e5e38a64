#!/usr/bin/python3
"""The Deployment tab, clicked through as a person would.

Against the emulator: sign in, open customer-360, open its Deployment tab, clone the
repository from there, give the dev stage an AWS account of its own and change its bucket's
versioning, then Review and Save, which commits ddk.json ("Configure multi-account
deployment") and pushes it to main. The pushed file is read back with the system git from the
emulator's repository.

Set SLUICE_SCREENSHOT_DIR to also save a picture of each step.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import sluice_atspi as atspi

TESTS = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS / 'emulator'))
from emutest import Emulator  # noqa: E402

ENGINEER = 'engineer@example.com'
LABEL = 'customer-360'
DEV_ACCOUNT = '210987654321'
LIST = '''query ListDataPipelines($filter: DataPipelineFilter) {
  listDataPipelines(filter: $filter) { count nodes { DataPipelineUri label repo } }
}'''


class DeploymentTest(unittest.TestCase):
    def setUp(self):
        if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
            self.skipTest('no session bus: run through build-aux/dev test')
        if shutil.which('git') is None:
            self.skipTest('git is not installed')
        self.home = tempfile.mkdtemp(prefix='sluice-e2e-deployment-')
        self.addCleanup(shutil.rmtree, self.home, ignore_errors=True)
        self.db = os.path.join(self.home, 'emulator.db')
        self.emu = Emulator('--auto-approve', ENGINEER, '--db', self.db)
        self.addCleanup(self.emu.stop)
        self.env = {
            # The Clone dialog's default folder is ~/Projects/<repository>: here, not the user's.
            'HOME': self.home,
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            'GSETTINGS_BACKEND': 'keyfile',
            'AWS_ENDPOINT_URL_CODECOMMIT': self.emu.info['codecommit'],
        }
        self.shots = os.environ.get('SLUICE_SCREENSHOT_DIR')
        subprocess.run([str(TESTS / 'install-stand-in-browser')], env={**os.environ, **self.env}, check=True)

    def shoot(self, app, title, name):
        if not self.shots:
            return
        subprocess.run(['xdotool', 'mousemove', '1279', '799'], check=False)
        time.sleep(0.8)
        ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app.proc.pid), '--name', f'^{title}$'],
                             capture_output=True, text=True).stdout.split()
        if ids:
            pathlib.Path(self.shots).mkdir(parents=True, exist_ok=True)
            subprocess.run(['import', '-window', ids[-1], os.path.join(self.shots, name)], check=False)

    def repo(self):
        nodes = self.emu.data(ENGINEER, LIST, {'filter': {}})['listDataPipelines']['nodes']
        return next(n['repo'] for n in nodes if n['label'] == LABEL)

    def server_git(self, *args):
        """The system git on the emulator's own (bare) repository: what the server has."""
        bare = f'{self.db}.repos/{self.repo()}'
        env = {'PATH': os.environ.get('PATH', '/usr/bin:/bin'), 'HOME': self.home, 'GIT_CONFIG_NOSYSTEM': '1',
               'LC_ALL': 'C'}
        r = subprocess.run(['git', '--git-dir', bare, *args], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def pushed_config(self):
        return json.loads(self.server_git('show', 'main:ddk.json'))

    @staticmethod
    def named(root, name, roles):
        """The visible controls of one of `roles` whose accessible name is exactly `name`:
        read once, as a screen reader says it (not "name name")."""
        try:
            root.clear_cache()
        except Exception:
            pass
        return [node for node in atspi.walk(root)
                if atspi.role_name(node) in roles and atspi.is_visible(node)
                and atspi.name_of(node) == name]

    def wait_named(self, app, name, roles, what):
        try:
            return atspi.wait_for(lambda: self.named(app.accessible, name, roles), what=what)
        except atspi.Timeout:
            # Everything, roles and all, for whoever reads the failure.
            if os.environ.get('SLUICE_E2E_DUMP'):
                with open(os.environ['SLUICE_E2E_DUMP'], 'w') as file:
                    atspi.dump(app.accessible, file)
            self.shoot(app, 'Sluice', 'e2e-deployment-timeout.png')
            raise

    @staticmethod
    def sensitive(node):
        return node.get_state_set().contains(atspi.Atspi.StateType.SENSITIVE)

    def start_signed_in(self):
        app = atspi.App('--connect', self.emu.info['url'], '--issuer', self.emu.info['oauth'],
                        '--client-id', self.emu.info['client_id'], env=self.env)
        self.addCleanup(app.close)
        accounts = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
        atspi.wait_for(accounts.exists, timeout=30, what='the sign-in to finish')
        time.sleep(1)
        return app

    def test_dev_account_and_bucket(self):
        app = self.start_signed_in()
        app.click(app.wait('label', LABEL, timeout=20))
        app.wait('list item', 'Repository URL', timeout=15)

        # The Deployment tab: no clone yet, so it offers one. The first "Clone…" is the page
        # header's: the tab opens a clone made from there too.
        app.click(app.wait('label', 'Deployment', timeout=15))
        clone = app.wait('push button', 'Clone…', timeout=15)
        app.wait('push button', 'Choose a Local Clone…')
        self.shoot(app, 'Sluice', 'e2e-deployment-no-clone.png')
        app.click(clone)
        dialog = app.wait('frame', 'Clone Repository', timeout=15)
        # GTK 4.8 names a header bar's mnemonic button by its markup and its text.
        start = app.wait('push button', lambda n: n in ('Clone', 'C_lone Clone'), root=dialog)
        atspi.wait_for(lambda: self.sensitive(start), timeout=30, what='the branches listed')
        app.action(start)
        app.wait('label', 'Repository Cloned', timeout=60)
        app.action(app.wait('push button', lambda n: n in ('Close', '_Close Close'), root=dialog))
        time.sleep(1.5)

        # The clone's ddk.json as a form.
        save = app.wait('push button', 'Review and Save…', timeout=30)
        clone_dir = pathlib.Path(self.home, 'Projects', self.repo())
        self.assertTrue((clone_dir / 'ddk.json').exists())
        # The emulator makes a repository when it is first reached: now it exists.
        before = self.pushed_config()
        versioned_before = bool(before['environments'].get('dev', {}).get('resources', {})
                                .get('ddk-bucket', {}).get('versioned', False))
        head_before = self.server_git('rev-parse', 'main').strip()

        # The dev stage (the first stage) into an account of its own.
        own = self.wait_named(app, 'Deploys to Its Own Account', ('toggle button', 'switch', 'check box'),
                              'the stages’ own-account switches')
        accounts = self.wait_named(app, 'AWS Account', ('text',), 'the account fields')
        dev_account = accounts[1]          # the CI/CD account's comes first
        if not self.sensitive(dev_account):
            app.action(own[0])
            atspi.wait_for(lambda: self.sensitive(dev_account), what='the dev account field enabled')
        dev_account.set_text_contents(DEV_ACCOUNT)

        # A resource setting: the dev bucket's versioning, the other way round.
        versioning = self.wait_named(app, 'Bucket Versioning', ('toggle button', 'switch', 'check box'),
                                     'the buckets’ versioning switches')
        app.action(versioning[0])
        time.sleep(0.5)
        self.shoot(app, 'Sluice', 'e2e-deployment-form.png')

        # Review and Save: the change to look at, then the commit and the push.
        app.action(save)
        # The dialog's Save (a response button, named by its markup and its text).
        confirm = app.wait('push button', '_Save Save', timeout=15)
        self.shoot(app, 'Save ddk.json?', 'e2e-deployment-diff.png')
        app.action(confirm)

        atspi.wait_for(lambda: self.server_git('rev-parse', 'main').strip() != head_before, timeout=60,
                       what='a new commit on the server’s main')
        pushed = self.pushed_config()
        dev = pushed['environments']['dev']
        self.assertEqual(dev['account'], DEV_ACCOUNT)
        self.assertEqual(dev['resources']['ddk-bucket']['versioned'], not versioned_before)
        self.assertEqual(self.server_git('log', '-1', '--format=%s', 'main').strip(),
                         'Configure multi-account deployment')
        # Only ddk.json changed.
        self.assertEqual(self.server_git('diff', '--name-only', head_before, 'main').split(), ['ddk.json'])
        time.sleep(1)
        self.shoot(app, 'Sluice', 'e2e-deployment-pushed.png')


if __name__ == '__main__':
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stderr, verbosity=2))

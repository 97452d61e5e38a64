#!/usr/bin/python3
"""Cloning from the pipeline page, clicked through as a person would.

Against the emulator, whose repositories get a 15,000-commit history (long enough to cancel halfway) (--generate-history): open
a pipeline, click Clone…, pick a folder, watch the progress go by phase, and find the clone on
disk with its files and without any AWS key or token in it (git-credential-sluice signs git's
requests; nothing is written down). Then a second clone, into another folder, started with
Ctrl+Shift+C and cancelled halfway: no partial folder may remain.

GTK 4.8 can crash answering an accessibility query about a window it is destroying: after a
dialog closes, the test waits for an outside sign (the disk) and a moment before it looks again.

Set SLUICE_SCREENSHOT_DIR to also save a picture of each step.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import gi

import sluice_atspi as atspi

gi.require_version('Secret', '1')
from gi.repository import Secret  # noqa: E402

TESTS = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS / 'emulator'))
from emutest import Emulator  # noqa: E402

ENGINEER = 'engineer@example.com'
LABEL = 'clone-e2e'
SCHEMA = Secret.Schema.new('io.github.sluice.Sluice.AwsCredentials', Secret.SchemaFlags.NONE, {
    'name': Secret.SchemaAttributeType.STRING,
    'pipeline-uri': Secret.SchemaAttributeType.STRING,
})

LIST_ENVIRONMENTS = '''query ListValidEnvironments($filter: EnvironmentFilter) {
  listValidEnvironments(filter: $filter) { nodes { environmentUri label } }
}'''
CREATE = '''mutation CreateDataPipeline($input: NewDataPipelineInput!) {
  createDataPipeline(input: $input) { DataPipelineUri repo }
}'''
CREATE_STAGE = '''mutation createDataPipelineEnvironment($input: NewDataPipelineEnvironmentInput!) {
  createDataPipelineEnvironment(input: $input) { envPipelineUri }
}'''
PHASES = ('Receiving objects', 'Resolving deltas', 'Checking out files')
KEY_PATTERN = re.compile(rb'(AKIA|ASIA)[A-Z0-9]{12,}')


def secrets_of(uri):
    """The values of the AWS credentials Sluice stored for the pipeline (to look for them)."""
    service = Secret.Service.get_sync(Secret.ServiceFlags.LOAD_COLLECTIONS, None)
    items = service.search_sync(SCHEMA, {'pipeline-uri': uri},
                                Secret.SearchFlags.ALL | Secret.SearchFlags.UNLOCK | Secret.SearchFlags.LOAD_SECRETS,
                                None)
    values = []
    for item in items:
        secret = item.get_secret()
        text = secret.get_text() if secret is not None else ''
        try:
            parsed = json.loads(text)
            if isinstance(parsed, dict):
                values += [v for k, v in parsed.items()
                           if isinstance(v, str) and re.search('key|token|secret', k, re.I)]
        except ValueError:
            values.append(text)
    return [v for v in values if len(v) >= 8]


class CloneTest(unittest.TestCase):
    def setUp(self):
        if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
            self.skipTest('no session bus: run through build-aux/dev test')
        self.home = tempfile.mkdtemp(prefix='sluice-e2e-clone-')
        self.addCleanup(shutil.rmtree, self.home, ignore_errors=True)
        self.emu = Emulator('--auto-approve', ENGINEER, '--generate-history', '15000')
        self.addCleanup(self.emu.stop)
        self.env = {
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
        time.sleep(0.5)
        ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app.proc.pid), '--name', f'^{title}$'],
                             capture_output=True, text=True).stdout.split()
        if ids:
            pathlib.Path(self.shots).mkdir(parents=True, exist_ok=True)
            subprocess.run(['import', '-window', ids[-1], os.path.join(self.shots, name)], check=False)

    def create_pipeline(self):
        envs = {e['label']: e['environmentUri']
                for e in self.emu.data(ENGINEER, LIST_ENVIRONMENTS, {'filter': {}})['listValidEnvironments']['nodes']}
        created = self.emu.data(ENGINEER, CREATE, {'input': {
            'label': LABEL, 'environmentUri': envs['CICD'], 'SamlGroupName': 'DataEngineers',
            'devStrategy': 'trunk', 'description': 'Cloned end to end.', 'tags': []}})['createDataPipeline']
        self.emu.data(ENGINEER, CREATE_STAGE, {'input': {
            'stage': 'dev', 'order': 1, 'pipelineUri': created['DataPipelineUri'],
            'environmentLabel': 'DEV', 'environmentUri': envs['DEV'], 'samlGroupName': 'DataEngineers'}})
        return created

    def start_signed_in(self):
        app = atspi.App('--connect', self.emu.info['url'], '--issuer', self.emu.info['oauth'],
                        '--client-id', self.emu.info['client_id'], env=self.env)
        self.addCleanup(app.close)
        accounts = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
        atspi.wait_for(accounts.exists, timeout=30, what='the sign-in to finish')
        time.sleep(1)
        return app

    def open_dialog_and_start(self, app, dest):
        dialog = app.wait('frame', 'Clone Repository', timeout=15)
        folder = app.wait('text', 'Folder', root=dialog)
        folder.set_text_contents(dest)
        clone = app.wait('push button', 'Clone', root=dialog, timeout=15)
        atspi.wait_for(lambda: clone.get_state_set().contains(atspi.Atspi.StateType.SENSITIVE), timeout=15,
                       what='Clone enabled for an empty destination')
        app.action(clone)
        return dialog

    @staticmethod
    def look(dialog):
        """The clone's phases (or percentages short of 100) the dialog shows, and whether it is done."""
        steps, done = [], False
        dialog.clear_cache()
        for node in atspi.walk(dialog):
            name = atspi.name_of(node) or ''
            if atspi.role_name(node) != 'label' or not atspi.is_visible(node):
                continue
            if name.startswith(PHASES):
                steps.append(name.split(':')[0])
            elif re.fullmatch(r'([1-9][0-9]?) %', name):
                steps.append(name)
            elif name == 'Repository Cloned':
                done = True
        return steps, done

    def remembered(self, path):
        """Whether Sluice remembered a clone at `path` in GSettings: it does once the clone is done."""
        keyfile = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings', 'keyfile')
        return keyfile.exists() and path in keyfile.read_text(errors='replace')

    def test_clone_then_cancel(self):
        created = self.create_pipeline()
        uri = created['DataPipelineUri']
        self.addCleanup(lambda: [Secret.password_clear_sync(SCHEMA, {'pipeline-uri': uri}, None)])
        first = os.path.join(self.home, 'work', 'first')
        second = os.path.join(self.home, 'work', 'second')
        app = self.start_signed_in()

        # The pipeline's page: the header offers Clone… (the first such button in the tree).
        app.click(app.wait('label', LABEL, timeout=20))
        app.wait('list item', 'Local Clone', timeout=15)
        app.click(app.wait('push button', 'Clone…', timeout=15))

        # The clone, watched: its phase and percentage beside the bar. GTK 4.8 hands AT-SPI a
        # label's new text late (and the bar's value not at all), so a look sees some steps.
        dialog = self.open_dialog_and_start(app, first)
        app.wait('label', f'Cloning “{LABEL}”', root=dialog, timeout=10)
        app.wait('progress bar', 'Clone progress', root=dialog, timeout=10)
        seen = []
        deadline = time.monotonic() + 120
        while True:
            self.assertLess(time.monotonic(), deadline, 'the clone to finish')
            steps, done = self.look(dialog)
            seen += [step for step in steps if step not in seen]
            if seen and len(seen) == len(steps):
                self.shoot(app, 'Clone Repository', 'e2e-clone-progress.png')
            if done and self.remembered(first):
                break
            time.sleep(0.1)
        # What GTK 4.8 let through of the phases (often one or two, sometimes none).
        print('progress seen:', seen, file=sys.stderr)
        self.shoot(app, 'Clone Repository', 'e2e-clone-done.png')

        # On disk: the files, the whole history, and no key or token anywhere.
        self.assertTrue(os.path.isfile(os.path.join(first, 'ddk.json')))
        count = subprocess.run(['git', '-C', first, 'rev-list', '--count', 'HEAD'], capture_output=True,
                               text=True, check=True).stdout.strip()
        self.assertGreaterEqual(int(count), 15000)
        secrets = secrets_of(uri)
        self.assertTrue(secrets, 'the pipeline keys in the keyring')
        config = pathlib.Path(first, '.git', 'config').read_bytes()
        self.assertIn(b'git-credential-sluice', config)
        self.assertIsNone(KEY_PATTERN.search(config))
        for path in pathlib.Path(first).rglob('*'):
            if path.is_file() and '/.git/objects/' not in str(path):
                data = path.read_bytes()
                for value in secrets:
                    self.assertNotIn(value.encode(), data, f'a key in {path}')

        # Closed, the page shows the clone and its header opens it.
        app.action(app.wait('push button', 'Close', root=dialog))
        time.sleep(1.5)
        app.wait('label', first, timeout=15)
        app.wait('push button', 'Open Folder', timeout=15)
        self.shoot(app, 'Sluice', 'e2e-clone-page.png')

        # A second clone into another folder, from the keyboard, cancelled halfway.
        app.key('c', ('control', 'shift'))
        dialog = app.wait('frame', 'Clone Repository', timeout=15)
        cancel = app.wait('push button', 'Cancel', root=dialog)
        self.open_dialog_and_start(app, second)
        # A look at the tree takes longer than part of the clone: Cancel, found beforehand, is
        # pressed a moment after the start, while the objects come in.
        atspi.wait_for(lambda: os.path.exists(second), timeout=20, interval=0.01, what='the second clone begun')
        time.sleep(0.2)
        app.action(cancel)
        app.wait('label', lambda n: (n or '').startswith('The clone was cancelled.'), root=dialog, timeout=30)
        self.assertFalse(os.path.exists(second), 'no partial folder left behind')
        self.assertTrue(os.path.isdir(os.path.join(first, '.git')), 'the first clone untouched')
        self.shoot(app, 'Clone Repository', 'e2e-clone-cancelled.png')


if __name__ == '__main__':
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stderr, verbosity=2))

#!/usr/bin/python3
"""The Stages tab, clicked through as a lead would, on the emulator with the clock in the test's hands.

A trunk pipeline (dev, prod) made through the API: the tab shows its dev stage in progress, then
succeeded and its approval waiting; the lead clicks the approval, reviews it (a comment,
Approve) and the tab shows prod run and succeed. A failed deploy (the emulator's
`action-failure` fault), retried from the app once the fault is cleared, then succeeds. A
GitFlow pipeline whose dev branch does not exist: the tab draws it as missing.

The emulated clock runs at real speed and the test moves it on (`POST /_emulator/clock`) at
each step, so what the tab must show does not depend on how fast the machine is: a deploy
takes 120 emulated seconds, and the test moves the clock past it once it has seen it running.

GTK 4.8 can crash answering an accessibility query about a window it is destroying: after a
dialog closes, the test waits for an outside sign (CodePipeline's state) before it looks again.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import warnings

import botocore.session
from botocore.config import Config

import sluice_atspi as atspi

TESTS = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS / 'emulator'))
from emutest import Emulator  # noqa: E402

ENGINEER = 'engineer@example.com'
LONG_KEY = ('AKIAEMULATORSTAGESE2', 'stages/e2e+secret')
COMMENT = 'Checked dev'
# The stack completes 180 s after it is created and the first execution starts then; Source
# takes 10 s and a deploy 120 s (tests/emulator/dataall_emulator/codepipeline.py).
STACK_DONE = 185
PAST_A_DEPLOY = 130

LIST_ENVIRONMENTS = '''query ListValidEnvironments($filter: EnvironmentFilter) {
  listValidEnvironments(filter: $filter) { nodes { environmentUri label } }
}'''
CREATE = '''mutation CreateDataPipeline($input: NewDataPipelineInput!) {
  createDataPipeline(input: $input) { DataPipelineUri name repo }
}'''
CREATE_STAGE = '''mutation createDataPipelineEnvironment($input: NewDataPipelineEnvironmentInput!) {
  createDataPipelineEnvironment(input: $input) { envPipelineUri }
}'''


def labelled(text):
    """Matches a dialog's control by its label: GTK 4.8 names a response button after its label
    with the mnemonic and then without ('_Close Close'), a text view with a mnemonic label
    after both of its labels ('Comments Comments')."""
    return lambda name: name.replace('_', '') in (text, f'{text} {text}')


class StagesTest(unittest.TestCase):
    def setUp(self):
        if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
            self.skipTest('no session bus: run through build-aux/dev test')
        warnings.simplefilter('ignore', ResourceWarning)  # botocore keeps its connections
        self.home = tempfile.mkdtemp(prefix='sluice-e2e-')
        self.addCleanup(shutil.rmtree, self.home, ignore_errors=True)
        self.emu = Emulator('--auto-approve', ENGINEER, '--aws-key', '%s:%s' % LONG_KEY)
        self.addCleanup(self.emu.stop)
        self.env = {
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            'GSETTINGS_BACKEND': 'keyfile',
            'AWS_ENDPOINT_URL_CODEPIPELINE': self.emu.info['codepipeline'],
            'AWS_ENDPOINT_URL_CODECOMMIT': self.emu.info['codecommit'],
        }
        subprocess.run([str(TESTS / 'install-stand-in-browser')], env={**os.environ, **self.env}, check=True)

    def codepipeline(self):
        session = botocore.session.get_session()
        return session.create_client('codepipeline', endpoint_url=self.emu.info['codepipeline'],
                                     region_name='eu-west-1', aws_access_key_id=LONG_KEY[0],
                                     aws_secret_access_key=LONG_KEY[1],
                                     config=Config(retries={'total_max_attempts': 1}))

    def create_pipeline(self, label, strategy, stages):
        envs = {e['label']: e['environmentUri']
                for e in self.emu.data(ENGINEER, LIST_ENVIRONMENTS, {'filter': {}})['listValidEnvironments']['nodes']}
        created = self.emu.data(ENGINEER, CREATE, {'input': {
            'label': label, 'environmentUri': envs['CICD'], 'SamlGroupName': 'DataEngineers',
            'devStrategy': strategy, 'description': 'For the Stages tab.', 'tags': ['stages']}})['createDataPipeline']
        for order, (stage, env) in enumerate(stages, start=1):
            self.emu.data(ENGINEER, CREATE_STAGE, {'input': {
                'stage': stage, 'order': order, 'pipelineUri': created['DataPipelineUri'],
                'environmentLabel': env, 'environmentUri': envs[env], 'samlGroupName': 'DataEngineers'}})
        return created

    def start_signed_in(self):
        app = atspi.App('--connect', self.emu.info['url'], '--issuer', self.emu.info['oauth'],
                        '--client-id', self.emu.info['client_id'], env=self.env)
        self.addCleanup(app.close)
        accounts = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
        atspi.wait_for(accounts.exists, timeout=30, what='the sign-in to finish')
        time.sleep(1)
        return app

    def advance(self, seconds):
        """Moves the emulated clock on, as if that much time had passed."""
        self.emu.control('POST', 'clock', {'advance': seconds})

    @staticmethod
    def node(app, name):
        """A node of the stages graph (role button) by its accessible name, or None."""
        return app.find('push button', name)

    def wait_node(self, app, name, timeout=60):
        """Waits for a node to show `name`, pressing F5 now and then as a lead would."""
        deadline = time.monotonic() + timeout
        last_f5 = time.monotonic()
        while time.monotonic() < deadline:
            found = self.node(app, name)
            if found is not None:
                return found
            if time.monotonic() - last_f5 > 4:
                app.key('F5')
                last_f5 = time.monotonic()
            time.sleep(0.3)
        try:
            shown = [atspi.name_of(n) for n in atspi.walk(app._find_application())
                     if atspi.role_name(n) == 'push button' and ':' in (atspi.name_of(n) or '')]
        except Exception:
            shown = []
        if os.environ.get('SLUICE_E2E_DUMP'):
            with open(os.environ['SLUICE_E2E_DUMP'], 'w') as file:
                atspi.dump(app._find_application(), file)
        raise atspi.Timeout(f'no node {name!r} in {timeout} s; shown: {shown}')

    def open_stages(self, app, label):
        app.click(app.wait('label', label, timeout=20))
        # AdwViewSwitcher's buttons: role page tab, named after their label twice
        app.click(app.wait('page tab', 'Stages Stages', timeout=20))

    @staticmethod
    def dialog(app):
        """The dialog open now: a window of the application other than the main one."""
        root = app._find_application()
        for i in range(root.get_child_count() if root is not None else 0):
            window = root.get_child_at_index(i)
            if window is not None and atspi.name_of(window) != 'Sluice' and atspi.is_visible(window):
                return window
        return None

    def in_dialog(self, app, role, name, timeout=15):
        """A control of the dialog open now; the main window has buttons of the same names."""
        def look():
            window = self.dialog(app)
            return app.find(role, name, root=window) if window is not None else None
        try:
            return atspi.wait_for(look, timeout=timeout, what=f'{role} {name!r} in a dialog')
        except atspi.Timeout:
            window = self.dialog(app)
            if window is not None:
                atspi.dump(window)
            raise

    def open_details(self, app, node):
        """Clicks a node with the pointer: its details open (a dialog of their own)."""
        app.click(node)
        return self.in_dialog(app, 'push button', labelled('Close'))

    def stage_state(self, pipeline, stage):
        state = self.codepipeline().get_pipeline_state(name=pipeline)
        return next(s for s in state['stageStates'] if s['stageName'] == stage)

    def approval_state(self, name):
        return self.stage_state(name, 'ManualApproval-dev')['actionStates'][0].get('latestExecution', {})

    def test_trunk_approve_then_prod(self):
        created = self.create_pipeline('stages-trunk-e2e', 'trunk', [('dev', 'DEV'), ('prod', 'PROD')])
        name = created['name'] or created['repo']
        self.advance(STACK_DONE)
        app = self.start_signed_in()
        self.open_stages(app, 'stages-trunk-e2e')

        # The first execution deploys dev; once the tab has shown it running, it finishes.
        self.wait_node(app, 'Stage dev: In progress', timeout=30)
        self.advance(PAST_A_DEPLOY)
        self.wait_node(app, 'Stage dev: Succeeded', timeout=30)
        approval = self.wait_node(app, 'ManualApproval-dev: Waiting for approval', timeout=30)

        # The lead clicks the approval, then Review…, writes a comment and approves.
        self.open_details(app, approval)
        app.action(self.in_dialog(app, 'push button', labelled('Review…')))
        comments = self.in_dialog(app, 'text', labelled('Comments'))
        # The Review dialog puts the keyboard in its comment box: the lead types.
        Atspi = atspi.Atspi
        Atspi.generate_keyboard_event(0, COMMENT, Atspi.KeySynthType.STRING)
        atspi.wait_for(lambda: comments.get_text(0, comments.get_character_count()) == COMMENT, timeout=10,
                       what='the comment typed into the Review dialog')
        app.action(self.in_dialog(app, 'push button', labelled('Approve')))

        # Outside sign first: CodePipeline has the answer and the comment.
        atspi.wait_for(lambda: self.approval_state(name).get('status') == 'Succeeded', timeout=20,
                       what='the approval answered in CodePipeline')
        self.assertEqual(self.approval_state(name).get('summary'), COMMENT)
        time.sleep(1)

        # Then prod runs, and succeeds.
        self.wait_node(app, 'ManualApproval-dev: Succeeded', timeout=30)
        self.wait_node(app, 'Stage prod: In progress', timeout=30)
        self.advance(PAST_A_DEPLOY)
        self.wait_node(app, 'Stage prod: Succeeded', timeout=30)

    def test_failed_stage_retried(self):
        created = self.create_pipeline('stages-retry-e2e', 'trunk', [('dev', 'DEV'), ('prod', 'PROD')])
        name = created['name'] or created['repo']
        # dev's deploy fails for as long as the fault is there (retries included)
        self.emu.control('POST', 'faults', {'kind': 'action-failure', 'match': 'deploy-dev', 'count': 10,
                                            'message': 'The stack update failed: the tables are locked'})
        self.advance(STACK_DONE)
        app = self.start_signed_in()
        self.open_stages(app, 'stages-retry-e2e')
        self.wait_node(app, 'Stage dev: In progress', timeout=30)
        self.advance(PAST_A_DEPLOY)
        failed = self.wait_node(app, 'Stage dev: Failed', timeout=30)
        execution = self.stage_state(name, 'Deploy-Stage-dev')['latestExecution']
        self.assertEqual(execution['status'], 'Failed')

        # The fault is cleared (the tables unlocked); the lead retries from the stage's details.
        self.emu.control('DELETE', 'faults')
        self.open_details(app, failed)
        app.action(self.in_dialog(app, 'push button', labelled('Retry…')))
        app.action(self.in_dialog(app, 'push button', labelled('Retry')))

        # Outside sign first: CodePipeline runs the same execution's failed action again.
        atspi.wait_for(lambda: self.stage_state(name, 'Deploy-Stage-dev')['latestExecution']['status'] == 'InProgress',
                       timeout=20, what='the stage retried in CodePipeline')
        retried = self.stage_state(name, 'Deploy-Stage-dev')['latestExecution']
        self.assertEqual(retried['pipelineExecutionId'], execution['pipelineExecutionId'])
        time.sleep(1)

        self.wait_node(app, 'Stage dev: In progress', timeout=30)
        self.advance(PAST_A_DEPLOY)
        self.wait_node(app, 'Stage dev: Succeeded', timeout=30)
        self.wait_node(app, 'ManualApproval-dev: Waiting for approval', timeout=30)

    def test_gitflow_missing_branch(self):
        self.create_pipeline('stages-gitflow-e2e', 'gitflow', [('dev', 'DEV'), ('prod', 'PROD')])
        self.advance(200)
        app = self.start_signed_in()
        self.open_stages(app, 'stages-gitflow-e2e')
        # Only main exists: dev's branch is drawn as missing, prod's as pushed.
        self.wait_node(app, 'Branch dev: Missing', timeout=60)
        self.wait_node(app, 'Branch main: Pushed', timeout=30)


if __name__ == '__main__':
    unittest.main(verbosity=2)

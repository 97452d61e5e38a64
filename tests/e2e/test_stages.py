#!/usr/bin/python3
"""The Stages tab, clicked through as a lead would, on the emulator with a fast clock.

A trunk pipeline (dev, prod) made through the API: its dev stage goes from In progress to
Succeeded, the test approves its approval with a comment through the Review dialog, and its
prod stage then succeeds; CodePipeline (asked through botocore, as any AWS client would) has
the comment. A GitFlow pipeline whose dev branch does not exist: the tab draws it as missing.

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
# 30 emulated seconds a second: the stack completes in 6 s, a deploy takes 4 s.
TIME_SCALE = '30'

LIST_ENVIRONMENTS = '''query ListValidEnvironments($filter: EnvironmentFilter) {
  listValidEnvironments(filter: $filter) { nodes { environmentUri label } }
}'''
CREATE = '''mutation CreateDataPipeline($input: NewDataPipelineInput!) {
  createDataPipeline(input: $input) { DataPipelineUri name repo }
}'''
CREATE_STAGE = '''mutation createDataPipelineEnvironment($input: NewDataPipelineEnvironmentInput!) {
  createDataPipelineEnvironment(input: $input) { envPipelineUri }
}'''


class StagesTest(unittest.TestCase):
    def setUp(self):
        if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
            self.skipTest('no session bus: run through build-aux/dev test')
        warnings.simplefilter('ignore', ResourceWarning)  # botocore keeps its connections
        self.home = tempfile.mkdtemp(prefix='sluice-e2e-')
        self.addCleanup(shutil.rmtree, self.home, ignore_errors=True)
        subprocess.run([str(TESTS / 'install-stand-in-browser')],
                       env={**os.environ, 'XDG_DATA_HOME': os.path.join(self.home, 'data')}, check=True)
        self.emu = Emulator('--auto-approve', ENGINEER, '--time-scale', TIME_SCALE,
                            '--aws-key', '%s:%s' % LONG_KEY)
        self.addCleanup(self.emu.stop)
        self.env = {
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            'GSETTINGS_BACKEND': 'keyfile',
            'AWS_ENDPOINT_URL_CODEPIPELINE': self.emu.info['codepipeline'],
            'AWS_ENDPOINT_URL_CODECOMMIT': self.emu.info['codecommit'],
        }

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

    @staticmethod
    def node(app, name):
        """A node of the stages graph (a button) by its accessible name, or None."""
        return app.find('push button', name) or app.find('button', name)

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
        raise atspi.Timeout(f'no node {name!r} in {timeout} s')

    def open_stages(self, app, label):
        app.click(app.wait('label', label, timeout=20))
        switch = None
        for role in ('toggle button', 'radio button', 'push button', 'page tab'):
            switch = app.find(role, 'Stages')
            if switch is not None:
                break
        self.assertIsNotNone(switch, 'the Stages tab in the switcher')
        app.click(switch)

    def approval_state(self, name):
        state = self.codepipeline().get_pipeline_state(name=name)
        stage = next(s for s in state['stageStates'] if s['stageName'] == 'ManualApproval-dev')
        return stage['actionStates'][0].get('latestExecution', {})

    def test_trunk_approve_then_prod(self):
        created = self.create_pipeline('stages-trunk-e2e', 'trunk', [('dev', 'DEV'), ('prod', 'PROD')])
        name = created['name'] or created['repo']
        app = self.start_signed_in()
        self.open_stages(app, 'stages-trunk-e2e')

        # The stack completes on the fast clock; the first execution runs dev.
        self.wait_node(app, 'Stage dev: In progress', timeout=60)
        self.wait_node(app, 'Stage dev: Succeeded', timeout=60)
        approval = self.wait_node(app, 'ManualApproval-dev: Waiting for approval', timeout=30)

        # Its details, then the Review dialog: a comment, Approve.
        app.click(approval)
        app.click(app.wait('push button', 'Review…', timeout=10))
        comments = app.wait('text', 'Comments', timeout=10)
        try:
            comments.set_text_contents(COMMENT)
        except Exception:
            app.click(comments)
            for ch in COMMENT:
                app.key('space' if ch == ' ' else ch)
        app.click(app.wait('push button', 'Approve'))

        # Outside sign first: CodePipeline has the answer and the comment.
        atspi.wait_for(lambda: self.approval_state(name).get('status') == 'Succeeded', timeout=20,
                       what='the approval answered in CodePipeline')
        self.assertEqual(self.approval_state(name).get('summary'), COMMENT)
        time.sleep(1)

        # Then prod runs, and succeeds.
        self.wait_node(app, 'Stage prod: Succeeded', timeout=60)

    def test_gitflow_missing_branch(self):
        self.create_pipeline('stages-gitflow-e2e', 'gitflow', [('dev', 'DEV'), ('prod', 'PROD')])
        app = self.start_signed_in()
        self.open_stages(app, 'stages-gitflow-e2e')
        # Only main exists: dev's branch is drawn as missing, prod's as pushed.
        self.wait_node(app, 'Branch dev: Missing', timeout=60)
        self.wait_node(app, 'Branch main: Pushed', timeout=30)


if __name__ == '__main__':
    unittest.main(verbosity=2)

#!/usr/bin/python3
"""Crash safety and sessions that end mid-action, in the New Pipeline wizard.

- Sluice killed with SIGKILL shortly after the user typed on each step (the draft is saved
  within SAVE_DELAY_MS, 300 ms, of the last change): after a restart the wizard holds what was
  typed, field by field.
- Sluice killed between the pipeline's creation and its stages (the second stage's mutation
  held by the emulator's slow fault, which data.all still carries out): the next start opens
  the wizard on what was done, with Retry Remaining Stages, and the retry adds only what is
  missing (data.all is asked, not the wizard).
- Sluice killed while createDataPipeline itself is under way (held by the slow fault; the draft
  keeps the pipelines that had the label before it was sent): the next start finds the one
  data.all made, says so, and Retry Remaining Stages adds the stages to it; no second pipeline.
- The refresh token revoked while creating: the wizard stays with everything in it and says
  "Sign in again"; its Sign In Again… button signs in, and the creation goes on by itself.

Prints "kills survived with nothing lost: N/M" for the closing note.
"""
import pathlib
import signal
import sys
import time

import sluice_atspi as atspi
from sluice_wizard import Wizard, WizardTestCase, main, text_of

NAME = 'Crash-proof ETL'
DESCRIPTION = 'Typed just before the power went.'
TAG = 'sturdy'

KILLS = {'done': 0, 'intact': 0}


class CrashTest(WizardTestCase):
    @classmethod
    def tearDownClass(cls):
        print(f'kills survived with nothing lost: {KILLS["intact"]}/{KILLS["done"]}', file=sys.stderr)

    # -- helpers ------------------------------------------------------------------------------
    def keyfile(self):
        path = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings', 'keyfile')
        return path.read_text() if path.exists() else ''

    def kill(self, app):
        """SIGKILL: no close-request, no dispose, nothing flushed on the way out."""
        app.proc.send_signal(signal.SIGKILL)
        self.assertEqual(app.proc.wait(timeout=10), -signal.SIGKILL)
        KILLS['done'] += 1

    def restart(self):
        app = self.start()
        main_window = app.wait('frame', 'Sluice', timeout=20)
        app.wait('label', 'customer-360', timeout=20)
        return app, main_window

    def reopen(self):
        app, main_window = self.restart()
        app.point_at(main_window)
        app.key('n', ['control'])
        return app, Wizard(app, app.wait('frame', 'New Pipeline'))

    # -- the tests ----------------------------------------------------------------------------
    def test_killed_after_typing_on_each_step(self):
        self.start_emulator()
        app = self.start_signed_in()
        wizard = self.open_wizard(app)

        # Details: killed 0.6 s after the last keystroke, without waiting for anything.
        wizard.fill_details(NAME, DESCRIPTION, tags=(TAG,))
        time.sleep(0.6)
        self.kill(app)
        app, wizard = self.reopen()
        self.assertEqual(text_of(wizard.wait('text', 'Name', 'details')), NAME)
        self.assertEqual(text_of(wizard.wait('text', 'Description', 'details')), DESCRIPTION)
        wizard.wait('push button', f'Remove tag {TAG}', 'details')
        KILLS['intact'] += 1

        # CI/CD: the environment and team chosen.
        wizard.next(2)
        wizard.fill_cicd(strategy='CodePipeline, GitFlow')
        time.sleep(0.6)
        self.kill(app)
        app, wizard = self.reopen()
        wizard.next(2)
        self.assertEqual(app.selected(wizard.wait('combo box', 'Environment', 'cicd')), 'CICD')
        atspi.wait_for(lambda: app.selected(wizard.wait('combo box', 'Team', 'cicd')) == 'DataEngineers',
                       what='the team to come back')
        self.assertTrue(wizard.wait('check box', 'CodePipeline, GitFlow', 'cicd').get_state_set().contains(
            atspi.Atspi.StateType.CHECKED))
        KILLS['intact'] += 1

        # Stages: three, in order, with their environments.
        wizard.next(3)
        wizard.fill_three_stages()
        time.sleep(0.6)
        self.kill(app)
        app, wizard = self.reopen()
        self.assertEqual(text_of(wizard.wait('text', 'Name', 'details')), NAME)
        wizard.next(2)
        wizard.next(3)
        for label in ('DEV', 'TEST', 'PROD'):
            wizard.wait('label', f'{label}, team DataEngineers', 'stages')
        wizard.stage('Stage 1: dev')
        wizard.stage('Stage 2: test')
        wizard.stage('Stage 3: prod')
        KILLS['intact'] += 1

        # And it still creates what was typed.
        wizard.next(4)
        wizard.next(5)
        wizard.next(6)
        pipeline = self.wait_created(NAME, 3)
        self.assertEqual(pipeline['description'], DESCRIPTION)
        self.assertEqual(pipeline['tags'], [TAG])
        self.assertEqual(pipeline['devStrategy'], 'gitflow')

    def test_killed_between_pipeline_and_stages(self):
        self.start_emulator()
        app = self.start_signed_in()
        wizard = self.open_wizard(app)
        wizard.fill_to_review(NAME, DESCRIPTION)
        # The first stage goes through; the second is held 3 s, and data.all adds it after.
        self.emu.control('POST', 'faults', {'kind': 'slow', 'delay_ms': 3000,
                                            'match': 'createDataPipelineEnvironment', 'skip': 1})
        wizard.next(6)
        atspi.wait_for(lambda: '"stagesCreated":1' in self.keyfile() and '"inFlight":true' in self.keyfile()
                       and self.emu.control('GET', 'state')['faults'] == [],
                       timeout=20, what='the second stage to be on its way, kept in the draft')
        self.kill(app)
        partial = atspi.wait_for(lambda: (lambda p: p if p and p['developmentEnvironments']['count'] == 2 else None)(
            self.pipeline(NAME)), timeout=15, interval=0.3, what='data.all to finish the held stage')

        # The next start says what happened, without being asked.
        app, _ = self.restart()
        wizard = Wizard(app, app.wait('frame', 'New Pipeline', timeout=20))
        retry = wizard.wait('push button', 'Retry Remaining Stages', 'progress', timeout=20)
        wizard.wait('label', lambda text: text.startswith('The pipeline was created, but not all of its stages:')
                    and 'Sluice was closed while adding this stage' in text, 'progress')
        wizard.wait('push button', 'Open Pipeline', 'progress')
        KILLS['intact'] += 1
        self.shoot('wizard-resumed-after-kill.png')

        app.action(retry)
        pipeline = self.wait_created(NAME, 3)
        self.assertEqual(pipeline['DataPipelineUri'], partial['DataPipelineUri'])
        self.assertEqual(self.stages_of(pipeline), [(1, 'dev', 'DEV', 'DataEngineers'),
                                                    (2, 'test', 'TEST', 'DataEngineers'),
                                                    (3, 'prod', 'PROD', 'DataEngineers')])
        self.assertNotIn('createdPipelineUri', self.keyfile(), 'the draft has served')

    def test_killed_while_creating_the_pipeline(self):
        self.start_emulator()
        app = self.start_signed_in()
        wizard = self.open_wizard(app)
        wizard.fill_to_review(NAME, DESCRIPTION)
        # createDataPipeline held 3 s: data.all creates the pipeline after Sluice is gone.
        self.emu.control('POST', 'faults', {'kind': 'slow', 'delay_ms': 3000, 'match': 'CreateDataPipeline'})
        wizard.next(6)
        atspi.wait_for(lambda: '"inFlight":true' in self.keyfile() and '"labelledBefore":[]' in self.keyfile()
                       and self.emu.control('GET', 'state')['faults'] == [],
                       timeout=20, what='createDataPipeline to be on its way, the labels kept in the draft')
        self.kill(app)
        made = atspi.wait_for(lambda: self.pipeline(NAME), timeout=15, interval=0.3,
                              what='data.all to finish the held createDataPipeline')

        app, _ = self.restart()
        wizard = Wizard(app, app.wait('frame', 'New Pipeline', timeout=20))
        retry = wizard.wait('push button', 'Retry Remaining Stages', 'progress', timeout=20)
        wizard.wait('label', 'Sluice found the pipeline it had created before it was closed.', 'progress')
        wizard.wait('label', lambda text: text.startswith('The pipeline was created, but not all of its stages:')
                    and 'Sluice was closed before this stage was added' in text, 'progress')
        KILLS['intact'] += 1
        self.shoot('wizard-adopted-after-kill.png')

        app.action(retry)
        pipeline = self.wait_created(NAME, 3)  # one pipeline with the label, or it fails
        self.assertEqual(pipeline['DataPipelineUri'], made['DataPipelineUri'])
        self.assertEqual(self.stages_of(pipeline), [(1, 'dev', 'DEV', 'DataEngineers'),
                                                    (2, 'test', 'TEST', 'DataEngineers'),
                                                    (3, 'prod', 'PROD', 'DataEngineers')])
        self.assertNotIn('labelledBefore', self.keyfile(), 'the draft has served')

    def test_refresh_token_revoked_while_creating(self):
        self.start_emulator()
        app = self.start_signed_in()
        wizard = self.open_wizard(app)
        wizard.fill_to_review(NAME, DESCRIPTION)

        # Signed out elsewhere: every refresh token revoked, and the access tokens expire on the
        # second stage's mutation.
        self.revoke_refresh_tokens()
        self.emu.control('POST', 'faults', {'kind': 'expire-tokens', 'match': 'createDataPipelineEnvironment',
                                            'skip': 1})
        wizard.next(6)

        sign_in = wizard.wait('push button', 'Sign In Again…', 'progress', timeout=20)
        wizard.wait('label', lambda text: 'Sign in again.' in text and 'Nothing you entered is lost' in text,
                    'progress')
        self.emu.tokens.clear()  # the test's own token expired too
        partial = self.pipeline(NAME)
        self.assertEqual(self.stages_of(partial), [(1, 'dev', 'DEV', 'DataEngineers')])
        self.shoot('wizard-signed-out.png')

        app.action(sign_in)
        dialog = app.wait('frame', 'Connect to data.all', timeout=15)
        app.wait('label', 'Sign In Again', root=dialog)
        app.action(app.wait('push button', 'Sign In with Browser', root=dialog))
        pipeline = self.wait_created(NAME, 3, timeout=40)
        self.assertEqual(pipeline['DataPipelineUri'], partial['DataPipelineUri'])
        self.assertEqual(pipeline['description'], DESCRIPTION)
        self.assertEqual(self.stages_of(pipeline), [(1, 'dev', 'DEV', 'DataEngineers'),
                                                    (2, 'test', 'TEST', 'DataEngineers'),
                                                    (3, 'prod', 'PROD', 'DataEngineers')])


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""The Edit dialog's unsaved edits when Sluice is killed, and when the sign-in ends on Save.

- Killed with SIGKILL 0.6 s after the last keystroke: opening Edit on the pipeline after a
  restart brings the edits back, says so, and Save applies them (checked through data.all).
- The refresh token revoked before Save: the dialog stays with the edits and says "Sign in
  again"; Sign In Again… signs in, and the save goes on by itself.

Prints "kills survived with nothing lost: N/M" for the closing note.
"""
import signal
import sys
import time

import sluice_atspi as atspi
import test_pipeline_page as page
from sluice_wizard import WizardTestCase, main, text_of

DESCRIPTION = 'Edited, then the lights went out.'

KILLS = {'done': 0, 'intact': 0}


class EditCrashTest(WizardTestCase):
    @classmethod
    def tearDownClass(cls):
        print(f'edit kills survived with nothing lost: {KILLS["intact"]}/{KILLS["done"]}', file=sys.stderr)

    def fetch(self, uri):
        return self.emu.data(page.ENGINEER, page.GET, {'DataPipelineUri': uri})['getDataPipeline']

    def open_editor(self, app):
        app.wait('label', page.LABEL, timeout=20)
        app.click(app.wait('label', page.LABEL))
        app.wait('push button', 'Copy Repository URL', timeout=15)
        app.click(app.wait('push button', 'Edit', timeout=15))
        return app.wait('frame', 'Edit Pipeline')

    def test_edit_survives_sigkill(self):
        self.start_emulator()
        uri = page.PipelinePageTest.create_pipeline(self)['DataPipelineUri']
        app = self.start_signed_in()
        dialog = self.open_editor(app)
        app.wait('text', 'Description', root=dialog).set_text_contents(DESCRIPTION)
        time.sleep(0.6)
        app.proc.send_signal(signal.SIGKILL)
        self.assertEqual(app.proc.wait(timeout=10), -signal.SIGKILL)
        KILLS['done'] += 1
        self.assertEqual(self.fetch(uri)['description'], 'Loads the orders.')

        app = self.start()
        dialog = self.open_editor(app)
        description = app.wait('text', 'Description', root=dialog)
        atspi.wait_for(lambda: text_of(description) == DESCRIPTION, what='the edit to come back')
        app.wait('label', lambda text: text.startswith('Your changes that were not saved when Sluice closed'),
                 root=dialog)
        KILLS['intact'] += 1
        self.shoot('edit-restored-after-kill.png')
        app.action(app.wait('push button', 'Save', root=dialog))
        atspi.wait_for(lambda: self.fetch(uri)['description'] == DESCRIPTION, timeout=20,
                       what='the restored edit on the server')
        # Saved: nothing is brought back the next time.
        time.sleep(1.5)
        dialog = self.open_editor(app)
        app.wait('text', 'Description', root=dialog)
        self.assertIsNone(app.find('label', lambda text: text.startswith('Your changes that were not saved'),
                                   root=dialog))

    def test_save_after_sign_in_again(self):
        self.start_emulator()
        uri = page.PipelinePageTest.create_pipeline(self)['DataPipelineUri']
        app = self.start_signed_in()
        dialog = self.open_editor(app)
        app.wait('text', 'Description', root=dialog).set_text_contents(DESCRIPTION)

        self.revoke_refresh_tokens()
        self.emu.control('POST', 'faults', {'kind': 'expire-tokens', 'match': 'UpdateDataPipeline'})
        app.action(app.wait('push button', 'Save', root=dialog))

        sign_in = app.wait('push button', 'Sign In Again…', root=dialog, timeout=20)
        app.wait('label', lambda text: 'Sign in again.' in text and 'Nothing you entered is lost' in text,
                 root=dialog)
        self.emu.tokens.clear()  # the test's own token expired too
        self.assertEqual(self.fetch(uri)['description'], 'Loads the orders.')
        self.shoot('edit-signed-out.png')

        app.action(sign_in)
        connect = app.wait('frame', 'Connect to data.all', timeout=15)
        app.wait('label', 'Sign In Again', root=connect)
        app.action(app.wait('push button', 'Sign In with Browser', root=connect))
        atspi.wait_for(lambda: self.fetch(uri)['description'] == DESCRIPTION, timeout=40, interval=0.3,
                       what='the edit saved after signing in again')


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""A half-filled New Pipeline wizard survives quitting Sluice: the draft is kept in the
settings (here the key file backend in a private XDG_CONFIG_HOME, as dconf keeps it for users)
and the wizard opens with it after a restart.
"""
import pathlib

import sluice_atspi as atspi
from sluice_wizard import Wizard, WizardTestCase, main, text_of

NAME = 'Half-typed ETL'
DESCRIPTION = 'Started before lunch, finished after.'


class DraftTest(WizardTestCase):
    def test_draft_survives_restart(self):
        self.start_emulator()
        app = self.start_signed_in()
        wizard = self.open_wizard(app)
        wizard.set_text('details', 'Name', NAME)
        wizard.set_text('details', 'Description', DESCRIPTION)
        # The wizard keeps the draft as the user types.
        keyfile = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings', 'keyfile')
        atspi.wait_for(lambda: keyfile.exists() and DESCRIPTION in keyfile.read_text(),
                       what='the draft in the settings key file')

        # Quit with the wizard open, as a user may.
        app.point_at(wizard.frame)
        app.key('q', ['control'])
        self.assertEqual(app.proc.wait(timeout=15), 0)

        app = self.start()
        main_window = app.wait('frame', 'Sluice', timeout=20)
        app.wait('label', 'customer-360', timeout=20)
        app.point_at(main_window)
        app.key('n', ['control'])
        wizard = Wizard(app, app.wait('frame', 'New Pipeline'))
        self.assertEqual(text_of(wizard.wait('text', 'Name', 'details')), NAME)
        self.assertEqual(text_of(wizard.wait('text', 'Description', 'details')), DESCRIPTION)
        wizard.wait('push button', 'Discard Draft', 'details')


if __name__ == '__main__':
    main()

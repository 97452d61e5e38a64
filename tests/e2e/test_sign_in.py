#!/usr/bin/python3
"""Connecting to data.all through the Connect form, as a person would, against the emulator.

The browser is tests/stand-in-browser, registered as the desktop's http handler in a private
XDG folder; the emulator's --auto-approve stands in for the person approving the sign-in. The
sign-in is the real PKCE flow through Sluice's loopback redirect, and the tokens go to the
private gnome-keyring that build-aux/dev test starts.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import sluice_atspi as atspi
from sluice_atspi import Atspi

TESTS = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))
from emulator_spawn import start_emulator, stop_emulator  # noqa: E402


def is_set(node, state):
    return node.get_state_set().contains(state)


class SignInTest(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix='sluice-e2e-')
        self.addCleanup(shutil.rmtree, self.home, ignore_errors=True)
        self.env = {
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            # Settings survive a restart, as the accounts must.
            'GSETTINGS_BACKEND': 'keyfile',
        }
        subprocess.run([str(TESTS / 'install-stand-in-browser')], env={**os.environ, **self.env}, check=True)
        self.emulator, self.info = start_emulator('--auto-approve', 'engineer@example.com')
        self.addCleanup(stop_emulator, self.emulator)

    def start(self, *args):
        app = atspi.App(*args, env=self.env)
        self.addCleanup(app.close)
        app.wait('frame', 'Sluice', timeout=20)
        return app

    def set_text(self, app, root, name, text):
        entry = app.wait('text', name, root=root)
        entry.set_text_contents(text)
        return entry

    def text_of(self, node):
        return node.get_text(0, node.get_character_count())

    def test_connect_sign_in_restart_sign_out(self):
        app = self.start()
        app.click(app.wait('push button', 'Connect to data.all…'))
        dialog = app.wait('frame', 'Connect to data.all')

        # Nothing filled in: the problems show at their fields, and the form stays.
        name = self.set_text(app, dialog, 'Name', 'Emulated data.all')
        app.action(app.wait('push button', 'Sign In with Browser', root=dialog))
        atspi.wait_for(lambda: app.find('label', 'Enter a web address.', root=dialog),
                       what='the field error under API URL')
        self.assertIsNotNone(app.find('label', 'Enter the client ID of data.all’s web app client.', root=dialog))
        self.assertEqual(self.text_of(name), 'Emulated data.all')

        # The emulator answers at Cognito's paths, so its address serves as the Cognito domain.
        self.set_text(app, dialog, 'API URL', self.info['url'])
        self.set_text(app, dialog, 'Cognito domain', self.info['oauth'])
        self.set_text(app, dialog, 'Client ID', self.info['client_id'])
        atspi.wait_for(lambda: app.find('label', 'Enter a web address.', root=dialog) is None,
                       what='the field errors to clear as the user types')

        app.action(app.wait('push button', 'Sign In with Browser', root=dialog))

        # GTK 4.8 can crash answering an accessibility query about a window it is destroying,
        # so wait for the sign-in to be saved, not by reading the tree while the dialog closes.
        accounts_file = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
        atspi.wait_for(lambda: accounts_file.exists(), timeout=20, what='the account to be saved')
        time.sleep(1)
        # The browser lists the demo seed's pipelines, one per development strategy.
        for label in ('customer-360', 'ml-features', 'sales-ingest'):
            app.wait('label', label, timeout=20)
        app.wait('push button', 'New Pipeline')
        self.assertIsNone(app.find('frame', 'Connect to data.all'))
        self.assertIsNotNone(app.find('push button', 'Account'))
        app.close()

        # The next start finds the account in its key file and the sign-in in the keyring.
        accounts = accounts_file.read_text()
        self.assertIn('Name=Emulated data.all', accounts)
        self.assertNotIn('eyJ', accounts, 'no token may be written outside the keyring')

        app = self.start()
        app.wait('label', 'customer-360', timeout=20)

        # Sign out from the account menu.
        app.click(app.wait('push button', 'Account'))
        app.action(app.wait('menu item', 'Sign Out'))
        app.wait('label', 'Signed Out')
        app.wait('push button', 'Sign In…')

    def test_connect_option_on_a_data_all_without_pipelines(self):
        # `sluice --connect` fills the form and signs in through the browser, as a user would;
        # this data.all has the Pipelines module switched off, as 2.7 and later by default.
        stop_emulator(self.emulator)
        self.emulator, self.info = start_emulator('--auto-approve', 'engineer@example.com', '--pipelines-disabled')
        app = self.start('--connect', self.info['url'], '--issuer', self.info['oauth'],
                         '--client-id', self.info['client_id'])
        accounts_file = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
        atspi.wait_for(lambda: accounts_file.exists(), timeout=20, what='the account to be saved')
        time.sleep(1)
        app.wait('label', 'Pipelines Are Switched Off')
        self.assertIn('Provider=oidc', accounts_file.read_text())

    def test_cancel_keeps_the_form(self):
        # A browser that never comes back: stop the emulator from approving by using a port
        # nobody answers on as the sign-in service.
        app = self.start()
        app.click(app.wait('push button', 'Connect to data.all…'))
        dialog = app.wait('frame', 'Connect to data.all')
        self.set_text(app, dialog, 'API URL', self.info['url'])
        self.set_text(app, dialog, 'Cognito domain', self.info['oauth'] + '/nowhere')
        self.set_text(app, dialog, 'Client ID', 'not-a-client')

        app.action(app.wait('push button', 'Sign In with Browser', root=dialog))
        # The emulator refuses an unknown client: the page says so and Sluice keeps waiting,
        # as it would for a person reading an error page. Cancel returns to the form.
        app.wait('label', 'Waiting for Your Browser…', root=dialog)
        app.action(app.wait('push button', 'Cancel', root=dialog))
        entry = app.wait('text', 'Client ID', root=dialog)
        self.assertEqual(self.text_of(entry), 'not-a-client')
        self.assertIsNotNone(app.find('push button', 'Sign In with Browser', root=dialog))


if __name__ == '__main__':
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stderr, verbosity=2))

#!/usr/bin/python3
"""Adding and deleting AWS credentials on the Credentials page, as a person would.

The keys go to the private gnome-keyring that build-aux/dev test starts; the test watches the
keyring itself (through libsecret) to know when a dialog has done its work, because GTK 4.8 can
crash answering an accessibility query about a window it is destroying.

Set SLUICE_SCREENSHOT_DIR to also save a picture of each step.
"""
import os
import pathlib
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
sys.path.insert(0, str(TESTS))
from emulator_spawn import start_emulator, stop_emulator  # noqa: E402

KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
SCHEMA = Secret.Schema.new('io.github.sluice.Sluice.AwsCredentials', Secret.SchemaFlags.NONE, {
    'name': Secret.SchemaAttributeType.STRING,
    'pipeline-uri': Secret.SchemaAttributeType.STRING,
})


def forget(name):
    Secret.password_clear_sync(SCHEMA, {'name': name}, None)


def stored(**attributes):
    """The names of the stored AWS credentials that match (never their secrets)."""
    service = Secret.Service.get_sync(Secret.ServiceFlags.NONE, None)
    items = service.search_sync(SCHEMA, attributes, Secret.SearchFlags.ALL, None)
    return sorted(item.get_attributes().get('name', '') for item in items)


class CredentialsTest(unittest.TestCase):
    def setUp(self):
        if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
            self.skipTest('no session bus: run through build-aux/dev test')
        self.home = tempfile.mkdtemp(prefix='sluice-e2e-')
        self.addCleanup(shutil.rmtree, self.home, ignore_errors=True)
        self.env = {
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            'GSETTINGS_BACKEND': 'keyfile',
            'AWS_SHARED_CREDENTIALS_FILE': os.path.join(self.home, 'aws', 'credentials'),
        }
        self.shots = os.environ.get('SLUICE_SCREENSHOT_DIR')
        subprocess.run([str(TESTS / 'install-stand-in-browser')], env={**os.environ, **self.env}, check=True)
        self.emulator, self.info = start_emulator('--auto-approve', 'engineer@example.com')
        self.addCleanup(stop_emulator, self.emulator)

    def shoot(self, app, title, name):
        if not self.shots:
            return
        subprocess.run(['xdotool', 'mousemove', '1279', '799'], check=False)
        time.sleep(0.8)
        ids = subprocess.run(['xdotool', 'search', '--all', '--onlyvisible', '--pid', str(app.proc.pid), '--name', f'^{title}$'],
                             capture_output=True, text=True).stdout.split()
        if ids:
            pathlib.Path(self.shots).mkdir(parents=True, exist_ok=True)
            subprocess.run(['import', '-window', ids[-1], os.path.join(self.shots, name)], check=False)

    def start_signed_in(self):
        app = atspi.App('--connect', self.info['url'], '--issuer', self.info['oauth'],
                        '--client-id', self.info['client_id'], env=self.env)
        self.addCleanup(app.close)
        accounts = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
        atspi.wait_for(accounts.exists, timeout=30, what='the sign-in to finish')
        time.sleep(1)
        app.wait('label', 'customer-360', timeout=20)
        return app

    def open_page(self, app):
        app.click(app.wait('list item', 'Credentials'))
        try:
            atspi.wait_for(lambda: app.find('push button', 'Add…'), timeout=5, what='the Credentials page')
        except atspi.Timeout:
            # Until the window embeds SluiceCredentialsPage its section shows a placeholder.
            self.skipTest('the Credentials page is not in the window yet')

    def text(self, app, name, root):
        return atspi.wait_for(lambda: app.find('text', name, root=root) or app.find('password text', name, root=root),
                              what=f'the field {name!r}')

    def test_add_and_delete(self):
        app = self.start_signed_in()
        self.open_page(app)
        app.wait('label', 'No Credentials Yet')
        app.wait('label', 'Signed in as engineer@example.com')
        self.shoot(app, 'Sluice', 'credentials-empty.png')

        app.click(app.wait('push button', 'Add…'))
        dialog = app.wait('frame', 'Add Credentials')
        name = self.text(app, 'Name', dialog)
        name.set_text_contents('Build keys')
        key = self.text(app, 'Access Key ID', dialog)
        key.set_text_contents('akia-not-a-key')
        # The check is at the field, as the user types.
        app.wait('label', 'An access key ID has only capital letters and digits, like AKIAIOSFODNN7EXAMPLE.', root=dialog)
        key.set_text_contents(KEY_ID)
        atspi.wait_for(lambda: app.find('label', 'An access key ID has only capital letters and digits, like AKIAIOSFODNN7EXAMPLE.',
                                        root=dialog) is None, what='the field error to clear')
        self.text(app, 'Secret Access Key', dialog).set_text_contents(SECRET)
        self.text(app, 'AWS Account', dialog).set_text_contents('123456789012')
        self.text(app, 'Region', dialog).set_text_contents('eu-west-1')
        self.shoot(app, 'Add Credentials', 'credentials-add.png')
        self.addCleanup(forget, 'Build keys')
        app.action(app.wait('push button', 'Add', root=dialog))

        atspi.wait_for(lambda: stored(name='Build keys') == ['Build keys'], timeout=20, what='the keys in the keyring')
        time.sleep(1)
        app.wait('label', 'Build keys')
        app.wait('label', 'Long-term keys · AWS account 123456789012')
        self.assertIsNone(app.find('label', SECRET), 'the secret is shown only on request')
        self.shoot(app, 'Sluice', 'credentials-list.png')

        app.click(app.wait('push button', 'Actions for “Build keys”'))
        app.action(app.wait('menu item', 'Delete…'))
        confirm = app.wait('label', 'Delete “Build keys”?')
        self.assertIsNotNone(confirm)
        self.shoot(app, '', 'credentials-delete.png')
        app.action(app.wait('push button', 'Delete'))

        atspi.wait_for(lambda: stored(name='Build keys') == [], timeout=20, what='the keys to leave the keyring')
        time.sleep(1)
        app.wait('label', 'No Credentials Yet')

    def test_pipeline_credentials(self):
        app = self.start_signed_in()
        self.open_page(app)
        row = app.wait('list item', 'Get Credentials for a Pipeline…')
        # Keys that earlier tests of the suite left in the shared keyring list above this row
        # and can push it below the window's edge: scroll it into view before clicking, as a
        # user would.
        pane = row.get_parent()
        while pane is not None and atspi.role_name(pane) != 'scroll pane':
            pane = pane.get_parent()
        if pane is not None:
            app.scroll_into_view(row, pane)
        app.click(row)
        dialog = app.wait('frame', 'Pipeline Credentials')
        app.click(app.wait('label', 'customer-360', root=dialog))
        get = app.wait('push button', 'Get Credentials', root=dialog)
        atspi.wait_for(lambda: get.get_state_set().contains(atspi.Atspi.StateType.SENSITIVE), what='Get Credentials enabled')
        self.shoot(app, 'Pipeline Credentials', 'credentials-pipeline.png')
        app.action(get)

        self.addCleanup(forget, 'customer-360 pipeline')
        atspi.wait_for(lambda: stored(name='customer-360 pipeline') == ['customer-360 pipeline'], timeout=20,
                       what='the pipeline keys in the keyring')
        time.sleep(1)
        app.wait('label', 'customer-360 pipeline')
        self.shoot(app, 'Sluice', 'credentials-session.png')


if __name__ == '__main__':
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stderr, verbosity=2))

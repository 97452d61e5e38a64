#!/usr/bin/python3
"""The secrets audit: a whole session as a user, then a search for every secret it saw.

Sluice is driven through the accessibility bus against the emulator: signed in with
`--connect` (the stand-in browser approves), the pipeline list, a pipeline's page, its AWS
credentials fetched and copied as environment variables, those keys exported to an AWS profile
(the one place the user asked for them to be written), the pipeline's repository cloned from
its page (Ctrl+Shift+C), and signed out. The app runs with G_MESSAGES_DEBUG=all, its stdout
and stderr kept in a file.

Then every token and AWS key the emulator handed out during the run (GET /_emulator/secrets)
is searched for in every file under the test's private HOME, XDG folders and temporary folder,
and in the app's output: zero hits expected. accounts.ini must be 0600, and the exported
profile must hold the asked-for keys and nothing else (no data.all token). The search is
first shown to find a key planted in a file, so that an empty result means something.

The test has a keyring of its own: a private D-Bus session bus with its own gnome-keyring
(unlocked with the empty password, as build-aux/dev does), its files in the test's
XDG_DATA_HOME/keyrings, the only files the search leaves out. So the keys found in the
keyring and the profile are the ones this emulator issued, whatever earlier tests stored in the
shared test keyring. The app still registers on the session's accessibility bus
(AT_SPI_BUS_ADDRESS), where the test finds it.
"""
import configparser
import json
import os
import pathlib
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

from gi.repository import Gio, GLib

import sluice_atspi as atspi

TESTS = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS / 'emulator'))
sys.path.insert(0, str(TESTS / 'e2e'))
from emutest import Emulator  # noqa: E402
import test_pipeline_page  # noqa: E402  (its clipboard reader; a module import keeps its tests out)

ENGINEER = 'engineer@example.com'
PROFILE = 'audit-profile'
# The names of the AWS credentials stored in the keyring of the bus it runs on (never their
# secrets): run in a child, on the test's private bus.
STORED = '''
import json, sys
import gi
gi.require_version('Secret', '1')
from gi.repository import Secret
schema = Secret.Schema.new('io.github.sluice.Sluice.AwsCredentials', Secret.SchemaFlags.NONE, {
    'name': Secret.SchemaAttributeType.STRING, 'pipeline-uri': Secret.SchemaAttributeType.STRING})
service = Secret.Service.get_sync(Secret.ServiceFlags.NONE, None)
items = service.search_sync(schema, json.loads(sys.argv[1]), Secret.SearchFlags.ALL, None)
print(json.dumps(sorted(item.get_attributes().get('name', '') for item in items)))
'''


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def needles(secrets):
    """(what, bytes) for every secret the emulator handed out, in the forms a leak could take."""
    out = []
    for kind in ('access_tokens', 'id_tokens', 'refresh_tokens', 'codes'):
        for value in secrets.get(kind, []):
            out.append((kind, value))
            if value.count('.') == 2:  # a JWT: its signature alone is as unique
                out.append((kind + ' (signature)', value.rsplit('.', 1)[1]))
    for key in secrets.get('aws_keys', []):
        out.append(('AccessKeyId', key['AccessKeyId']))
        out.append(('SecretAccessKey', key['SecretAccessKey']))
        out.append(('SessionToken', key['SessionToken']))
        out.append(('SessionToken (start)', key['SessionToken'][:48]))
    forms = []
    for what, value in out:
        forms.append((what, value.encode()))
        quoted = urllib.parse.quote(value, safe='')
        if quoted != value:
            forms.append((what + ' (percent-encoded)', quoted.encode()))
    return forms


def scan(roots, forms, skip=(), skip_dirs=()):
    """([(path, what)], files read) for every file under `roots` holding one of `forms`;
    `skip`: paths not read, `skip_dirs`: folders not read."""
    hits, files = [], 0
    for root in roots:
        for dirpath, _dirs, names in os.walk(root):
            if any(dirpath == d or dirpath.startswith(d + os.sep) for d in skip_dirs):
                continue
            for name in names:
                path = os.path.join(dirpath, name)
                if path in skip or os.path.islink(path) or not os.path.isfile(path):
                    continue
                try:
                    with open(path, 'rb') as f:
                        data = f.read()
                except OSError:
                    continue
                files += 1
                hits.extend((path, what) for what, form in forms if form in data)
    return hits, files


class SecretsAuditTest(unittest.TestCase):
    def setUp(self):
        if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
            self.skipTest('no session bus: run through build-aux/dev test')
        self.root = tempfile.mkdtemp(prefix='sluice-audit-')
        self.addCleanup(shutil.rmtree, self.root, ignore_errors=True)
        self.home = os.path.join(self.root, 'home')
        self.tmp = os.path.join(self.root, 'tmp')
        self.xdg = os.path.join(self.root, 'xdg')  # not ~/.local: install-stand-in-browser refuses it
        self.runtime = os.path.join(self.xdg, 'runtime')
        self.env = {
            'HOME': self.home,
            'XDG_DATA_HOME': os.path.join(self.xdg, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.xdg, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.xdg, 'cache'),
            'XDG_STATE_HOME': os.path.join(self.xdg, 'state'),
            'TMPDIR': self.tmp,
            'GSETTINGS_BACKEND': 'keyfile',
            'G_MESSAGES_DEBUG': 'all',
        }
        for path in (self.home, self.tmp, self.xdg):
            os.makedirs(path)
        os.makedirs(self.runtime, mode=0o700)
        self.keyrings = os.path.join(self.env['XDG_DATA_HOME'], 'keyrings')
        self.credentials_file = os.path.join(self.home, '.aws', 'credentials')
        self.clone_dir = os.path.join(self.home, 'work', 'customer-360')
        subprocess.run([str(TESTS / 'install-stand-in-browser')], env={**os.environ, **self.env}, check=True)
        self.emu = Emulator('--auto-approve', ENGINEER)
        self.addCleanup(self.emu.stop)
        self.env['AWS_ENDPOINT_URL_CODECOMMIT'] = self.emu.info['codecommit']
        self.start_private_keyring()
        # The app's stdout and stderr, outside the folders it may write to.
        self.log_path = os.path.join(self.root, 'sluice-output.log')

    def start_private_keyring(self):
        """A session bus of the test's own with its own unlocked gnome-keyring, for the app."""
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        a11y = session.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress', None,
                                 GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, 10000, None).unpack()[0]
        bus = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                               stdout=subprocess.PIPE, text=True)
        self.addCleanup(stop, bus)
        address = bus.stdout.readline().strip()
        self.assertTrue(address, 'the private bus says its address')
        self.env.update({'DBUS_SESSION_BUS_ADDRESS': address, 'XDG_RUNTIME_DIR': self.runtime,
                         'AT_SPI_BUS_ADDRESS': a11y})
        # A newline is the empty password: it creates the login keyring and unlocks it.
        keyring = subprocess.Popen(['gnome-keyring-daemon', '--foreground', '--unlock', '--components=secrets'],
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env={**os.environ, **self.env})
        self.addCleanup(stop, keyring)
        keyring.stdin.write(b'\n')
        keyring.stdin.close()
        private = Gio.DBusConnection.new_for_address_sync(
            address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
            None, None)
        self.addCleanup(private.close_sync, None)

        def owned():
            return private.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                                     'NameHasOwner', GLib.Variant('(s)', ('org.freedesktop.secrets',)),
                                     GLib.VariantType('(b)'), Gio.DBusCallFlags.NONE, 5000, None).unpack()[0]
        atspi.wait_for(owned, timeout=15, what='the private keyring on the private bus')

    def stored(self, **attributes):
        """The names of the AWS credentials in the test's keyring that match."""
        done = subprocess.run(['/usr/bin/python3', '-c', STORED, json.dumps(attributes)],
                              env={**os.environ, **self.env}, capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr)
        return json.loads(done.stdout.strip().splitlines()[-1])

    def clone(self, app):
        """The pipeline's repository cloned from its page (Clone… in its header; test_clone.py
        also opens the dialog with Ctrl+Shift+C)."""
        app.key('Escape')  # the AWS Credentials menu, if still open
        time.sleep(0.5)
        app.click(app.wait('push button', 'Clone…', timeout=15))
        dialog = app.wait('frame', 'Clone Repository', timeout=15)
        folder = app.wait('text', 'Folder', root=dialog)
        folder.set_text_contents(self.clone_dir)
        start = app.wait('push button', 'Clone', root=dialog, timeout=15)
        atspi.wait_for(lambda: start.get_state_set().contains(atspi.Atspi.StateType.SENSITIVE), timeout=15,
                       what='Clone enabled for an empty destination')
        app.action(start)
        atspi.wait_for(lambda: os.path.isfile(os.path.join(self.clone_dir, 'ddk.json')), timeout=60,
                       what='the clone on disk')
        app.wait('label', 'Repository Cloned', root=dialog, timeout=60)
        app.action(app.wait('push button', 'Close', root=dialog))
        time.sleep(1.5)
        app.wait('label', self.clone_dir, timeout=15)  # the page shows the local clone

    def start_app(self):
        log = open(self.log_path, 'w')
        self.addCleanup(log.close)
        saved, sys.stderr = sys.stderr, log  # atspi.App hands its own stderr to the app
        try:
            app = atspi.App('--connect', self.emu.info['url'], '--issuer', self.emu.info['oauth'],
                            '--client-id', self.emu.info['client_id'], env=self.env)
        finally:
            sys.stderr = saved
        self.addCleanup(app.close)
        return app

    def test_session_leaves_no_secret_behind(self):
        app = self.start_app()
        accounts = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')

        # Sign in (--connect: the stand-in browser approves), then the list.
        atspi.wait_for(accounts.exists, timeout=30, what='the sign-in to finish')
        time.sleep(1)
        app.wait('label', 'customer-360', timeout=20)

        # A pipeline's page; its AWS credentials, copied as environment variables.
        app.click(app.wait('label', 'customer-360'))
        app.wait('list item', 'Repository URL', timeout=15)
        app.click(app.wait('push button', 'AWS Credentials'))
        app.action(app.wait('menu item', 'Copy as Environment Variables'))
        atspi.wait_for(lambda: self.stored(name='customer-360 pipeline') != [], timeout=20,
                       what='the pipeline keys in the keyring')
        clip = atspi.wait_for(lambda: (lambda t: t if 'export AWS_ACCESS_KEY_ID=' in t else None)(test_pipeline_page.clipboard_text()),
                              timeout=15, what='the keys on the clipboard as export lines')
        issued = self.emu.control('GET', 'secrets')['aws_keys']
        self.assertTrue(any(k['AccessKeyId'] in clip and k['SecretAccessKey'] in clip for k in issued),
                        'the clipboard holds the keys the emulator issued')

        # The pipeline's repository, cloned: its files and .git/config are searched too.
        self.clone(app)

        # Export them to a profile, because the user asks for it.
        self.assertFalse(os.path.exists(self.credentials_file), 'nothing is exported unasked')
        app.click(app.wait('list item', 'Credentials'))
        app.click(app.wait('push button', 'Actions for “customer-360 pipeline”', timeout=15))
        app.action(app.wait('menu item', 'Export to an AWS Profile…'))
        dialog = app.wait('dialog', 'Export to an AWS Profile')
        name = atspi.wait_for(lambda: app.find('text', 'Profile Name', root=dialog), what='the profile name field')
        name.set_text_contents(PROFILE)
        time.sleep(0.5)
        # GTK 4.8 names an AdwMessageDialog's response button "<mnemonic label> <label>".
        app.action(app.wait('push button', lambda n: n in ('Export', '_Export Export'), root=dialog))
        atspi.wait_for(lambda: os.path.exists(self.credentials_file), timeout=20, what='the exported profile')
        time.sleep(1)

        # Sign out.
        app.action(app.wait('push button', 'Sign Out', timeout=15))
        atspi.wait_for(lambda: app.find('push button', 'Sign Out') is None, timeout=20, what='the sign-out')
        time.sleep(1)
        app.close()

        secrets = self.emu.control('GET', 'secrets')
        self.assertTrue(secrets['access_tokens'] and secrets['refresh_tokens'] and secrets['aws_keys'],
                        'the session was handed tokens and keys to look for')
        forms = needles(secrets)
        roots = [self.home, self.xdg, self.tmp]  # the runtime folder is under xdg
        skip_dirs = [self.keyrings]
        self.assertTrue(os.path.isfile(os.path.join(self.keyrings, 'login.keyring')),
                        'the test keyring kept its files where the search leaves them out')

        # The search finds a planted key: an empty result below means something.
        planted = os.path.join(self.env['XDG_CACHE_HOME'], 'planted')
        os.makedirs(os.path.dirname(planted), exist_ok=True)
        with open(planted, 'w') as f:
            f.write('x=' + secrets['aws_keys'][0]['SecretAccessKey'] + '\n')
        hits, _files = scan(roots, forms, skip={self.credentials_file}, skip_dirs=skip_dirs)
        self.assertEqual([h[0] for h in hits], [planted])
        os.unlink(planted)

        # Every file but the profile the user asked for, and the app's own output.
        hits, files = scan(roots, forms, skip={self.credentials_file}, skip_dirs=skip_dirs)
        clone_hits, clone_files = scan([self.clone_dir], forms)
        self.assertTrue(os.path.isfile(os.path.join(self.clone_dir, '.git', 'config')))
        self.assertGreater(clone_files, 1, 'the clone is among the files searched')
        log_hits, _ = scan([self.root], forms, skip=set())
        log_hits = [h for h in log_hits if h[0] == self.log_path]
        output_size = os.path.getsize(self.log_path)
        keyring_files = sum(len(names) for _d, _s, names in os.walk(self.keyrings))
        print(f'secrets audit: {sum(len(secrets.get(k, [])) for k in ("access_tokens", "id_tokens", "refresh_tokens", "codes"))} '
              f'tokens and codes and {len(secrets["aws_keys"])} AWS keys issued, {len(forms)} secret forms searched, '
              f'{files} files scanned ({clone_files} of them the clone\'s, {keyring_files} keyring files left out), '
              f'{output_size} bytes of output (G_MESSAGES_DEBUG=all), '
              f'{len(hits) + len(log_hits)} hits', file=sys.stderr)
        self.assertEqual(clone_hits, [])
        self.assertGreater(output_size, 0, 'the app logged at debug level')
        self.assertEqual(hits, [])
        self.assertEqual(log_hits, [])

        # accounts.ini: the user's only.
        self.assertEqual(stat.S_IMODE(os.stat(accounts).st_mode), 0o600)

        # The exported profile: readable only by the user, the asked-for keys and nothing else.
        self.assertEqual(stat.S_IMODE(os.stat(self.credentials_file).st_mode), 0o600)
        ini = configparser.ConfigParser(interpolation=None)
        ini.read(self.credentials_file)
        self.assertEqual(ini.sections(), [PROFILE])
        profile = dict(ini[PROFILE])
        key = next(k for k in secrets['aws_keys'] if k['AccessKeyId'] == profile.get('aws_access_key_id'))
        self.assertEqual(profile['aws_secret_access_key'], key['SecretAccessKey'])
        self.assertEqual(profile['aws_session_token'], key['SessionToken'])
        allowed = {'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'region',
                   'aws_account_id', 'x_security_token_expires', 'expiration'}
        self.assertLessEqual(set(profile), allowed, profile.keys())
        other = [f for f in forms if f[0] in ('access_tokens', 'id_tokens', 'refresh_tokens', 'codes',
                                              'access_tokens (signature)', 'id_tokens (signature)')]
        profile_hits, _ = scan([os.path.dirname(self.credentials_file)], other)
        self.assertEqual(profile_hits, [], 'no data.all token in the exported profile')


if __name__ == '__main__':
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stderr, verbosity=2))

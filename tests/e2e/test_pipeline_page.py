#!/usr/bin/python3
"""The pipelines browser and the pipeline page, clicked through as a person would.

Against the emulator: search for a pipeline, open it, copy its repository URL, fetch its AWS
credentials, follow its stack to CREATE_COMPLETE, edit its description and a stage, and delete
it. What the app did is checked where it lands: the clipboard, the keyring, the emulator's API.

GTK 4.8 can crash answering an accessibility query about a window it is destroying: after a
dialog closes, the test waits for an outside sign (the API, the keyring) before it looks again.

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
sys.path.insert(0, str(TESTS / 'emulator'))
from emutest import Emulator  # noqa: E402

ENGINEER = 'engineer@example.com'
LABEL = 'orders-e2e'
SCHEMA = Secret.Schema.new('io.github.sluice.Sluice.AwsCredentials', Secret.SchemaFlags.NONE, {
    'name': Secret.SchemaAttributeType.STRING,
    'pipeline-uri': Secret.SchemaAttributeType.STRING,
})

LIST_ENVIRONMENTS = '''query ListValidEnvironments($filter: EnvironmentFilter) {
  listValidEnvironments(filter: $filter) { nodes { environmentUri label } }
}'''
CREATE = '''mutation CreateDataPipeline($input: NewDataPipelineInput!) {
  createDataPipeline(input: $input) { DataPipelineUri repo cloneUrlHttp environment { region } }
}'''
CREATE_STAGE = '''mutation createDataPipelineEnvironment($input: NewDataPipelineEnvironmentInput!) {
  createDataPipelineEnvironment(input: $input) { envPipelineUri }
}'''
GET = '''query GetDataPipeline($DataPipelineUri: String!) {
  getDataPipeline(DataPipelineUri: $DataPipelineUri) {
    label description
    developmentEnvironments { nodes { stage order environmentLabel } }
  }
}'''
LIST = '''query ListDataPipelines($filter: DataPipelineFilter) {
  listDataPipelines(filter: $filter) { count nodes { DataPipelineUri label } }
}'''

# Reads the clipboard as another program on the same display would.
READ_CLIPBOARD = '''
import gi
gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import Gdk, GLib, Gtk
Gtk.init()
loop = GLib.MainLoop()
out = []
def done(clipboard, result):
    try:
        out.append(clipboard.read_text_finish(result) or "")
    except Exception:
        out.append("")
    loop.quit()
Gdk.Display.get_default().get_clipboard().read_text_async(None, done)
GLib.timeout_add_seconds(5, loop.quit)
loop.run()
print(out[0] if out else "", end="")
'''


def clipboard_text():
    env = dict(os.environ, NO_AT_BRIDGE='1', GDK_BACKEND='x11')
    return subprocess.run(['/usr/bin/python3', '-c', READ_CLIPBOARD], env=env, capture_output=True,
                          text=True, timeout=20).stdout


def stored(**attributes):
    """The names of the stored AWS credentials that match (never their secrets)."""
    service = Secret.Service.get_sync(Secret.ServiceFlags.NONE, None)
    items = service.search_sync(SCHEMA, attributes, Secret.SearchFlags.ALL, None)
    return sorted(item.get_attributes().get('name', '') for item in items)


class PipelinePageTest(unittest.TestCase):
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
        }
        self.shots = os.environ.get('SLUICE_SCREENSHOT_DIR')
        subprocess.run([str(TESTS / 'install-stand-in-browser')], env={**os.environ, **self.env}, check=True)
        self.emu = Emulator('--auto-approve', ENGINEER)
        self.addCleanup(self.emu.stop)

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

    def create_pipeline(self):
        """A GitFlow pipeline with dev, test and prod, made through the API as a colleague would."""
        envs = {e['label']: e['environmentUri']
                for e in self.emu.data(ENGINEER, LIST_ENVIRONMENTS, {'filter': {}})['listValidEnvironments']['nodes']}
        created = self.emu.data(ENGINEER, CREATE, {'input': {
            'label': LABEL, 'environmentUri': envs['CICD'], 'SamlGroupName': 'DataEngineers',
            'devStrategy': 'gitflow', 'description': 'Loads the orders.', 'tags': ['orders']}})['createDataPipeline']
        for order, (stage, env) in enumerate([('dev', 'DEV'), ('test', 'TEST'), ('prod', 'PROD')], start=1):
            self.emu.data(ENGINEER, CREATE_STAGE, {'input': {
                'stage': stage, 'order': order, 'pipelineUri': created['DataPipelineUri'],
                'environmentLabel': env, 'environmentUri': envs[env], 'samlGroupName': 'DataEngineers'}})
        return created

    def fetch(self, uri):
        r = self.emu.gql(ENGINEER, GET, {'DataPipelineUri': uri})
        out = r.json()
        return out['data']['getDataPipeline'] if out.get('data') else None

    def stages(self, uri):
        nodes = self.fetch(uri)['developmentEnvironments']['nodes']
        return [f"{n['order']}. {n['stage']}" for n in sorted(nodes, key=lambda n: n['order'])]

    @staticmethod
    def shown_fields(root, name):
        """The text fields named `name`, in the tree's order."""
        try:
            root.clear_cache()
        except Exception:
            pass
        return [node for node in atspi.walk(root)
                if atspi.role_name(node) == 'text' and atspi.name_of(node) == name and atspi.is_visible(node)]

    def start_signed_in(self):
        app = atspi.App('--connect', self.emu.info['url'], '--issuer', self.emu.info['oauth'],
                        '--client-id', self.emu.info['client_id'], env=self.env)
        self.addCleanup(app.close)
        accounts = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
        atspi.wait_for(accounts.exists, timeout=30, what='the sign-in to finish')
        time.sleep(1)
        return app

    def test_search_open_edit_delete(self):
        created = self.create_pipeline()
        uri = created['DataPipelineUri']
        app = self.start_signed_in()
        app.wait('label', LABEL, timeout=20)
        app.wait('label', 'customer-360')

        # Search as you type: only the matching pipeline stays.
        app.key('f', ('control',))
        search = app.wait('entry', 'Search pipelines')
        search.set_text_contents('orders-e')
        atspi.wait_for(lambda: app.find('label', 'customer-360') is None, what='the other pipelines to be filtered out')
        self.shoot(app, 'Sluice', 'e2e-search.png')

        # Open it with a click on its row.
        app.click(app.wait('label', LABEL))
        app.wait('push button', 'Copy Repository URL', timeout=15)
        self.shoot(app, 'Sluice', 'e2e-pipeline-page.png')

        # Copy the repository's HTTPS URL (plain git clones it through git-credential-sluice).
        app.action(app.wait('push button', 'Copy Repository URL'))
        expected = f"https://git-codecommit.{created['environment']['region']}.amazonaws.com/v1/repos/{created['repo']}"
        atspi.wait_for(lambda: clipboard_text() == expected, timeout=15, what=f'{expected!r} on the clipboard')

        # AWS credentials: fetched into the keyring and copied as environment variables.
        app.click(app.wait('push button', 'AWS Credentials'))
        app.action(app.wait('menu item', 'Copy as Environment Variables'))
        atspi.wait_for(lambda: stored(**{'pipeline-uri': uri}) != [], timeout=20, what='the pipeline keys in the keyring')
        atspi.wait_for(lambda: 'export AWS_ACCESS_KEY_ID=' in clipboard_text(), timeout=15,
                       what='the keys on the clipboard as export lines')
        self.addCleanup(lambda: [Secret.password_clear_sync(SCHEMA, {'pipeline-uri': uri}, None)])

        # The stack is followed until it settles: the emulator's deployment ends, the page sees it.
        self.emu.control('POST', 'clock', {'advance': 240})
        app.wait('label', 'Create complete', timeout=40)
        self.shoot(app, 'Sluice', 'e2e-stack-complete.png')

        # Edit the description and a stage ("test" becomes "qa").
        app.click(app.wait('push button', 'Edit'))
        dialog = app.wait('frame', 'Edit Pipeline')
        description = app.wait('text', 'Description', root=dialog)
        description.set_text_contents('Loads the orders, twice a day.')
        app.click_in_dialog(app.wait('list item', 'Stage 2: test', root=dialog, timeout=15))
        # GTK 4.8 tells neither a field's text nor whether a closed row hides it: the stages'
        # name fields come in the stages' order.
        fields = atspi.wait_for(lambda: self.shown_fields(dialog, 'Stage name'), what='the stages’ name fields')
        self.assertEqual(len(fields), 3)
        name = fields[1]
        name.set_text_contents('qa')
        app.wait('label', 'Stage 2: qa', root=dialog)
        self.shoot(app, 'Edit Pipeline', 'e2e-edit.png')
        app.action(app.wait('push button', 'Save', root=dialog))

        atspi.wait_for(lambda: self.fetch(uri)['description'] == 'Loads the orders, twice a day.', timeout=20,
                       what='the new description on the server')
        atspi.wait_for(lambda: self.stages(uri) == ['1. dev', '2. qa', '3. prod'], timeout=20,
                       what='stage 2 renamed on the server')
        time.sleep(1.5)
        app.wait('label', '2. qa', timeout=15)

        # Delete it: the name must be typed first.
        app.click(app.wait('push button', 'Delete Pipeline…'))
        entry = app.wait('text', 'Pipeline name')
        delete = app.wait('push button', 'Delete')
        self.assertFalse(delete.get_state_set().contains(atspi.Atspi.StateType.SENSITIVE))
        entry.set_text_contents(LABEL)
        atspi.wait_for(lambda: delete.get_state_set().contains(atspi.Atspi.StateType.SENSITIVE),
                       what='Delete enabled once the name is typed')
        app.action(delete)
        atspi.wait_for(lambda: self.fetch(uri) is None, timeout=20, what='the pipeline gone from the server')
        time.sleep(1.5)
        # Back in the list, without it.
        app.wait('entry', 'Search pipelines', timeout=15)
        atspi.wait_for(lambda: app.find('label', LABEL) is None, timeout=15, what='the pipeline gone from the list')


if __name__ == '__main__':
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stderr, verbosity=2))

"""The New Pipeline wizard, driven through the accessibility bus, and what its tests share.

`Wizard` fills the wizard's steps as a person would (build-aux/demo.py uses it too);
`WizardTestCase` starts the emulator and a signed-in Sluice, and asks data.all itself, through
GraphQL with a token of the test's own, what was recorded: what the wizard shows is not the
proof. Run with /usr/bin/python3 (Debian's gi and graphql-core).
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

import sluice_atspi as atspi
from sluice_atspi import Atspi

TESTS = pathlib.Path(__file__).resolve().parent.parent

USER = 'engineer@example.com'

# The steps, in the order of the wizard's stack.
PAGES = ('details', 'cicd', 'stages', 'datasets', 'review', 'progress')


def text_of(node):
    return node.get_text(0, node.get_character_count())


class Wizard:
    """The New Pipeline window. Its steps are the pages of a stack, all in the tree at once
    (GTK 4.8 marks hidden pages VISIBLE too), so every lookup is scoped to one page."""

    def __init__(self, app, frame):
        self.app = app
        self.frame = frame
        self.pages = atspi.wait_for(self._pages, what='the pages of the wizard')

    def _pages(self):
        self.frame.clear_cache()
        found = [n for n in atspi.walk(self.frame)
                 if atspi.role_name(n) == 'panel' and atspi.name_of(n) == 'GtkStackPage']
        return found if len(found) == len(PAGES) else None

    def page(self, name):
        return self.pages[PAGES.index(name)]

    def wait(self, role, name, page, timeout=10.0):
        return self.app.wait(role, name, root=self.page(page), timeout=timeout)

    def set_text(self, page, name, text):
        entry = self.wait('text', name, page)
        entry.set_text_contents(text)
        atspi.wait_for(lambda: text_of(entry) == text, what=f'{name!r} to hold {text!r}')
        return entry

    def sensitive(self, name):
        node = self.app.find('push button', name, root=self.frame)
        return node if node is not None and node.get_state_set().contains(Atspi.StateType.SENSITIVE) else None

    def next(self, step, timeout=15.0):
        """Clicks Next (Create Pipeline on the last step) once it is available, and waits for
        step `step` (6: creating)."""
        name = 'Create Pipeline' if step == 6 else 'Next'
        try:
            button = atspi.wait_for(lambda: self.sensitive(name), timeout=timeout, what=f'{name} to be available')
        except atspi.Timeout as error:
            raise atspi.Timeout(f'{error}; the wizard says: {self.reason()!r}') from None
        self.app.action(button)
        if step <= 5:
            self.app.wait('label', f'Step {step} of 5', root=self.frame)

    def reason(self):
        """The sentence at the bottom that says why Next is unavailable (the last label)."""
        labels = [atspi.name_of(n) for n in atspi.walk(self.frame) if atspi.role_name(n) == 'label']
        return labels[-1] if labels else ''

    def visible(self, node, page):
        """Scrolls the page until `node` shows, and returns it."""
        self.app.scroll_into_view(node, self.app.wait('scroll pane', None, root=self.page(page)))
        return node

    def stage(self, title):
        """The expander row of a stage: its header row is named after the stage, and the rows
        inside (name, environment, team) are the header's cousins."""
        node = self.wait('list item', title, 'stages')
        for _ in range(3):
            node = node.get_parent()
            if atspi.role_name(node) == 'list item':
                return node
        raise AssertionError(f'no expander row around {title!r}')

    # -- filling the steps ------------------------------------------------------------------------
    def fill_details(self, name, description=None, tags=()):
        self.set_text('details', 'Name', name)
        if description is not None:
            self.set_text('details', 'Description', description)
        for tag in tags:
            entry = self.set_text('details', 'Add tag', tag)
            # Enter in the field adds the tag, as its apply button does.
            self.app.click(entry)
            self.app.key('Return')
            self.wait('push button', f'Remove tag {tag}', 'details')

    def fill_cicd(self, environment='CICD', team='DataEngineers', strategy=None, template=None):
        app = self.app
        app.choose(self.wait('combo box', 'Environment', 'cicd'), environment)
        # The teams of the environment arrive after it is chosen.
        atspi.wait_for(lambda: app.find('label', 'Choose a team', root=self.page('cicd')),
                       what='the teams of the environment')
        app.choose(self.wait('combo box', 'Team', 'cicd'), team)
        if strategy is not None:
            check = self.wait('check box', strategy, 'cicd')
            app.click(check)
            atspi.wait_for(lambda: check.get_state_set().contains(Atspi.StateType.CHECKED),
                           what=f'{strategy!r} to be chosen')
        if template is not None:
            self.set_text('cicd', 'Template', template)

    def toggle_stage(self, index, name):
        """Opens or closes the row of stage `index` (1-based) by clicking its title."""
        self.app.click(self.visible(self.app.wait('label', f'Stage {index}: {name}', root=self.page('stages')),
                                    'stages'))

    def set_stage(self, index, name, environment, team='DataEngineers'):
        """Chooses the environment of stage `index` (1-based, its row open) and waits for its team."""
        app = self.app
        row = self.stage(f'Stage {index}: {name}')
        combo = self.visible(app.wait('combo box', 'Environment', root=row), 'stages')
        # Choosing rebuilds the rows, this one included: the check is the row's subtitle.
        app.choose(combo, environment, verify=False)
        # The pipeline's team is picked once the environment's teams arrive.
        atspi.wait_for(lambda: app.find('label', f'{environment}, team {team}', root=self.page('stages')),
                       what=f'stage {name!r} to deploy to {environment} with team {team}')

    def fill_three_stages(self):
        """dev, test and prod in DEV, TEST and PROD. The wizard starts with dev (open) and prod
        (closed); Add Stage appends test, which moves up between them."""
        self.set_stage(1, 'dev', 'DEV')
        self.app.action(self.wait('push button', 'Add Stage', 'stages'))
        self.set_stage(3, 'test', 'TEST')
        self.app.action(self.app.wait('push button', 'Move Up', root=self.stage('Stage 3: test')))
        self.stage('Stage 2: test')
        self.toggle_stage(3, 'prod')
        self.set_stage(3, 'prod', 'PROD')

    def fill_to_review(self, name, description=None):
        """Details, CI/CD in CICD for DataEngineers, dev, test and prod: up to the Review step."""
        self.fill_details(name, description)
        self.next(2)
        self.fill_cicd()
        self.next(3)
        self.fill_three_stages()
        self.next(4)
        self.next(5)

    def fill_datasets(self, input_dataset, output_dataset):
        self.app.choose(self.wait('combo box', 'Input dataset', 'datasets'), input_dataset)
        self.app.choose(self.wait('combo box', 'Output dataset', 'datasets'), output_dataset)


# -- the API, as the test's own user ----------------------------------------------------------------
LIST = '''query ListDataPipelines($filter: DataPipelineFilter) {
  listDataPipelines(filter: $filter) { count nodes { DataPipelineUri label } }
}'''

# The legacy schema's DataPipeline also has the datasets; the current one does not.
GET = '''query GetDataPipeline($DataPipelineUri: String!) {
  getDataPipeline(DataPipelineUri: $DataPipelineUri) {
    DataPipelineUri label description tags SamlGroupName devStrategy template repo %s
    environment { label }
    developmentEnvironments { count nodes { stage order environmentLabel samlGroupName } }
  }
}'''

DATASETS = '''query ListDatasetsOwnedByEnvGroup($environmentUri: String!, $groupUri: String!) {
  listS3DatasetsOwnedByEnvGroup(environmentUri: $environmentUri, groupUri: $groupUri) {
    nodes { datasetUri label }
  }
}'''

ENVIRONMENTS = '''query ListValidEnvironments {
  listValidEnvironments { nodes { environmentUri label } }
}'''


class WizardTestCase(unittest.TestCase):
    """A private home (settings in a key file, as they survive restarts), the stand-in browser,
    and an emulator per test. Set SLUICE_SCREENSHOT_DIR to also save a picture of each step."""

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

    def start_emulator(self, *args):
        sys.path.insert(0, str(TESTS / 'emulator'))
        from emutest import Emulator
        self.emu = Emulator('--auto-approve', USER, *args)
        self.addCleanup(self.emu.stop)

    def start(self, *args):
        app = atspi.App(*args, env=self.env)
        self.addCleanup(app.close)
        return app

    def start_signed_in(self):
        """Sluice through `--connect` and the real sign-in, showing the demo's pipelines."""
        info = self.emu.info
        app = self.start('--connect', info['url'], '--issuer', info['oauth'], '--client-id', info['client_id'])
        accounts = pathlib.Path(self.env['XDG_CONFIG_HOME'], 'sluice', 'accounts.ini')
        atspi.wait_for(accounts.exists, timeout=30, what='the sign-in to finish')
        # The Connect dialog is closing: give GTK a moment before the tree is read again.
        time.sleep(1)
        app.wait('label', 'customer-360', timeout=20)
        return app

    def open_wizard(self, app):
        app.action(app.wait('push button', 'New Pipeline'))
        return Wizard(app, app.wait('frame', 'New Pipeline'))

    def revoke_refresh_tokens(self):
        """Signed out elsewhere: every refresh token the emulator issued is revoked."""
        for token in self.emu.control('GET', 'secrets')['refresh_tokens']:
            r = self.emu.request('POST', '/oauth2/revoke', urllib.parse.urlencode(
                {'token': token, 'client_id': self.emu.info['client_id']}),
                {'Content-Type': 'application/x-www-form-urlencoded'})
            self.assertEqual(r.status, 200)

    def shoot(self, name):
        if not self.shots:
            return
        subprocess.run(['xdotool', 'mousemove', '1279', '799'], check=False)
        time.sleep(0.8)
        pathlib.Path(self.shots).mkdir(parents=True, exist_ok=True)
        subprocess.run(['import', '-window', 'root', os.path.join(self.shots, name)], check=False)

    # -- the API ----------------------------------------------------------------------------------
    def data(self, query, variables=None):
        return self.emu.data(USER, query, variables or {})

    def pipeline_uri(self, label):
        nodes = self.data(LIST, {'filter': {'term': label, 'page': 1, 'pageSize': 50}})['listDataPipelines']['nodes']
        uris = [n['DataPipelineUri'] for n in nodes if n['label'] == label]
        self.assertLessEqual(len(uris), 1, f'{label!r} was created more than once')
        return uris[0] if uris else None

    def pipeline(self, label, legacy=False):
        uri = self.pipeline_uri(label)
        fields = 'inputDatasetUri outputDatasetUri' if legacy else ''
        return self.data(GET % fields, {'DataPipelineUri': uri})['getDataPipeline'] if uri else None

    def wait_created(self, label, stages, legacy=False, timeout=30):
        """The pipeline once data.all has it and all its `stages`; the wizard then closes."""
        def created():
            p = self.pipeline(label, legacy)
            return p if p and p['developmentEnvironments']['count'] == stages else None
        pipeline = atspi.wait_for(created, timeout=timeout, interval=0.3,
                                  what=f'data.all to have {label!r} with {stages} stages')
        # GTK 4.8 can crash answering a query about a window it is destroying: give it a moment.
        time.sleep(1)
        return pipeline

    def environment_uri(self, label):
        nodes = self.data(ENVIRONMENTS)['listValidEnvironments']['nodes']
        return next(n['environmentUri'] for n in nodes if n['label'] == label)

    def dataset_uri(self, environment, team, label):
        nodes = self.data(DATASETS, {'environmentUri': self.environment_uri(environment),
                                     'groupUri': team})['listS3DatasetsOwnedByEnvGroup']['nodes']
        return next(n['datasetUri'] for n in nodes if n['label'] == label)

    @staticmethod
    def stages_of(pipeline):
        """(order, stage, environment, team) of each stage, in order."""
        nodes = pipeline['developmentEnvironments']['nodes']
        return sorted((n['order'], n['stage'], n['environmentLabel'], n['samlGroupName']) for n in nodes)


def main():
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stderr, verbosity=2))

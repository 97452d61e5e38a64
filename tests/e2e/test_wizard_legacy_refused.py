#!/usr/bin/python3
"""The New Pipeline wizard on a data.all without the legacy fields (the emulator's default, as
data.all 2.x): the server refuses the template and the datasets; the wizard says which and why,
and "Create Without Them" creates the pipeline without them.
"""
from sluice_wizard import WizardTestCase, main

REFUSED = ('This data.all refused the input and output datasets and the template: data.all 1.2 '
           'and later no longer accept datasets, and 1.5.2 and later no template. You can create '
           'the pipeline without them.')


class LegacyRefusedTest(WizardTestCase):
    def test_refused_then_created_without(self):
        self.start_emulator()
        app = self.start_signed_in()
        wizard = self.open_wizard(app)
        wizard.fill_details('Clicks ETL', 'Sessions of the web shop, by hour.', tags=('web',))
        wizard.next(2)
        wizard.fill_cicd(strategy='CodePipeline, trunk-based', template='data-lake-template')
        wizard.next(3)
        wizard.set_stage(1, 'dev', 'DEV')
        wizard.toggle_stage(2, 'prod')
        wizard.set_stage(2, 'prod', 'PROD')
        wizard.next(4)
        wizard.fill_datasets('landing_zone', 'landing_zone')
        wizard.next(5)
        wizard.next(6)

        wizard.wait('label', REFUSED, 'progress', timeout=20)
        self.assertIsNone(self.pipeline_uri('Clicks ETL'), 'nothing is created before the user agrees')
        self.shoot('wizard-refused.png')
        app.action(wizard.wait('push button', 'Create Without Them', 'progress'))

        pipeline = self.wait_created('Clicks ETL', 2)
        self.assertEqual(pipeline['description'], 'Sessions of the web shop, by hour.')
        self.assertEqual(pipeline['tags'], ['web'])
        self.assertEqual(pipeline['environment']['label'], 'CICD')
        self.assertEqual(pipeline['SamlGroupName'], 'DataEngineers')
        self.assertEqual(pipeline['devStrategy'], 'trunk')
        # This data.all's DataPipeline has no datasets to ask for; its template stays empty.
        self.assertEqual(pipeline['template'], '')
        self.assertEqual(self.stages_of(pipeline), [(1, 'dev', 'DEV', 'DataEngineers'),
                                                    (2, 'prod', 'PROD', 'DataEngineers')])
        app.wait('label', pipeline['repo'], timeout=20)


if __name__ == '__main__':
    main()

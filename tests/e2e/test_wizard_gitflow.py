#!/usr/bin/python3
"""The New Pipeline wizard, every field filled: a GitFlow pipeline with dev, test and prod on a
data.all that still takes the template and the datasets (the emulator's --legacy-fields).

data.all itself, asked through GraphQL, must have recorded every field and the three stages in
order.
"""
from sluice_wizard import WizardTestCase, main


class GitFlowTest(WizardTestCase):
    def test_gitflow_with_legacy_fields(self):
        self.start_emulator('--legacy-fields')
        app = self.start_signed_in()
        wizard = self.open_wizard(app)

        wizard.fill_details('Orders ETL', 'Loads the orders of the day into the lake.', tags=('orders', 'finance'))
        self.shoot('wizard-details.png')
        wizard.next(2)
        wizard.fill_cicd(strategy='CodePipeline, GitFlow', template='data-lake-template')
        self.shoot('wizard-cicd.png')
        wizard.next(3)
        wizard.fill_three_stages()
        self.shoot('wizard-stages.png')
        wizard.next(4)
        wizard.fill_datasets('landing_zone', 'landing_zone')
        self.shoot('wizard-datasets.png')
        wizard.next(5)

        review = wizard.page('review')
        for title, value in (('Name', 'Orders ETL'), ('Tags', 'orders, finance'),
                             ('Development strategy', 'CodePipeline, GitFlow'),
                             ('Template', 'data-lake-template'),
                             ('Stage 1: dev', 'DEV, team DataEngineers'),
                             ('Stage 2: test', 'TEST, team DataEngineers'),
                             ('Stage 3: prod', 'PROD, team DataEngineers'),
                             ('Input dataset', 'landing_zone'), ('Output dataset', 'landing_zone')):
            app.wait('label', value, root=app.wait('list item', title, root=review))
        self.shoot('wizard-review.png')
        wizard.next(6)

        pipeline = self.wait_created('Orders ETL', 3, legacy=True)
        landing_zone = self.dataset_uri('CICD', 'DataEngineers', 'landing_zone')
        self.assertEqual(pipeline['label'], 'Orders ETL')
        self.assertEqual(pipeline['description'], 'Loads the orders of the day into the lake.')
        self.assertEqual(sorted(pipeline['tags']), ['finance', 'orders'])
        self.assertEqual(pipeline['environment']['label'], 'CICD')
        self.assertEqual(pipeline['SamlGroupName'], 'DataEngineers')
        self.assertEqual(pipeline['devStrategy'], 'gitflow')
        self.assertEqual(pipeline['template'], 'data-lake-template')
        self.assertEqual(pipeline['inputDatasetUri'], landing_zone)
        self.assertEqual(pipeline['outputDatasetUri'], landing_zone)
        self.assertEqual(self.stages_of(pipeline), [(1, 'dev', 'DEV', 'DataEngineers'),
                                                    (2, 'test', 'TEST', 'DataEngineers'),
                                                    (3, 'prod', 'PROD', 'DataEngineers')])
        # The wizard has closed, and the window shows the new pipeline's page.
        app.wait('label', pipeline['repo'], timeout=20)
        self.assertIsNone(app.find('frame', 'New Pipeline'))
        self.shoot('wizard-created.png')


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""The New Pipeline wizard when the second stage fails (an HTTP 500 from the emulator's fault
hook): the pipeline and its first stage exist, the wizard says so, and Retry creates the stages
that remain, in order, without a second pipeline.
"""
from sluice_wizard import WizardTestCase, main


class StageRetryTest(WizardTestCase):
    def test_second_stage_fails_then_retry(self):
        self.start_emulator()
        app = self.start_signed_in()
        wizard = self.open_wizard(app)
        wizard.fill_to_review('Billing ETL')
        # Let the first createDataPipelineEnvironment through, fail the second.
        self.emu.control('POST', 'faults', {'kind': 'http500', 'match': 'createDataPipelineEnvironment', 'skip': 1})
        wizard.next(6)

        retry = wizard.wait('push button', 'Retry Remaining Stages', 'progress', timeout=20)
        wizard.wait('label', lambda text: text.startswith('The pipeline was created, but not all of its stages:'),
                    'progress')
        wizard.wait('push button', 'Open Pipeline', 'progress')
        partial = self.pipeline('Billing ETL')
        self.assertIsNotNone(partial)
        self.assertEqual(self.stages_of(partial), [(1, 'dev', 'DEV', 'DataEngineers')])
        self.assertEqual(self.emu.control('GET', 'state')['faults'], [], 'the fault was used')
        self.shoot('wizard-stage-failed.png')

        app.action(retry)
        pipeline = self.wait_created('Billing ETL', 3)
        self.assertEqual(pipeline['DataPipelineUri'], partial['DataPipelineUri'])
        self.assertEqual(self.stages_of(pipeline), [(1, 'dev', 'DEV', 'DataEngineers'),
                                                    (2, 'test', 'TEST', 'DataEngineers'),
                                                    (3, 'prod', 'PROD', 'DataEngineers')])
        app.wait('label', pipeline['repo'], timeout=20)


if __name__ == '__main__':
    main()

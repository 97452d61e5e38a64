#!/usr/bin/python3
"""The application shell, driven through AT-SPI as a user of assistive technology would.

Starts the real binary, finds the sidebar sections and the connect button by role and accessible
name, switches sections with the pointer and the keyboard, and changes the style in Preferences.
"""
import sys
import unittest

import sluice_atspi as atspi
from sluice_atspi import Atspi


def selected(node):
    return node.get_state_set().contains(Atspi.StateType.SELECTED)


def checked(node):
    return node.get_state_set().contains(Atspi.StateType.CHECKED)


class ShellTest(unittest.TestCase):
    def setUp(self):
        self.app = atspi.App()
        self.addCleanup(self.app.close)
        self.frame = self.app.wait('frame', 'Sluice', timeout=20)

    def test_sidebar_and_connect_button(self):
        app = self.app
        sections = app.wait('list', 'Sections')
        pipelines = app.wait('list item', 'Pipelines', root=sections)
        credentials = app.wait('list item', 'Credentials', root=sections)

        # The window opens on Pipelines, inviting the user to connect.
        self.assertTrue(selected(pipelines))
        self.assertFalse(selected(credentials))
        connect = app.wait('push button', 'Connect to data.all…')
        self.assertIsNotNone(app.find('label', 'Connect to data.all', root=self.frame))
        self.assertGreater(connect.get_extents(Atspi.CoordType.SCREEN).width, 0)

        # A click on Credentials shows that section and names it in the header bar.
        app.click(credentials)
        atspi.wait_for(lambda: selected(credentials), what='Credentials to be selected')
        self.assertFalse(selected(pipelines))
        atspi.wait_for(lambda: len([n for n in atspi.walk(self.frame)
                                    if atspi.role_name(n) == 'label' and atspi.name_of(n) == 'Credentials']) == 2,
                       what='the header bar to read Credentials')

        # Ctrl+1 goes back to Pipelines.
        app.point_at(self.frame)
        app.key('1', ['control'])
        atspi.wait_for(lambda: selected(pipelines), what='Pipelines to be selected by Ctrl+1')

    def test_main_menu(self):
        app = self.app
        menu_button = app.wait('push button', 'Main Menu')
        app.click(menu_button)
        for label in ('Preferences', 'Keyboard Shortcuts', 'About Sluice'):
            app.wait('menu item', label)
        app.key('Escape')

    def test_preferences_style(self):
        app = self.app
        app.point_at(self.frame)
        app.key('comma', ['control'])
        prefs = app.wait('frame', 'Preferences')

        follow = app.wait('check box', 'Follow System Style', root=prefs)
        dark = app.wait('check box', 'Dark', root=prefs)
        self.assertTrue(checked(follow))
        self.assertFalse(checked(dark))

        app.click(dark)
        atspi.wait_for(lambda: checked(dark), what='Dark to be checked')
        self.assertFalse(checked(follow))

        app.point_at(prefs)
        app.key('Escape')
        app.gone('frame', 'Preferences')


if __name__ == '__main__':
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stderr, verbosity=2))

"""Drive the real Sluice binary through the accessibility bus, as a user's assistive technology would.

Run with /usr/bin/python3 (Debian's gi). Needs a display and a D-Bus session bus; the accessibility
bus is started by D-Bus activation.
"""
import os
import subprocess
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402


# A call to an object GTK has just destroyed may never be answered (GTK 4.8): give up on it
# after two seconds instead of D-Bus's 25, and read the tree again.
Atspi.set_timeout(2000, 20000)


class Timeout(AssertionError):
    pass


def wait_for(predicate, timeout=10.0, interval=0.05, what='condition'):
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise Timeout(f'timed out after {timeout:.0f} s waiting for {what}')
        time.sleep(interval)


def role_name(node):
    try:
        return node.get_role_name()
    except Exception:
        return ''


def name_of(node):
    try:
        return node.get_name() or ''
    except Exception:
        return ''


def is_visible(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.VISIBLE)
    except Exception:
        return False


def walk(node, depth=0, max_depth=60, seen=None):
    """Every node under `node`, each once. GTK 4.8's tree is not always a tree: a popover or a
    list's row can appear again under one of its own descendants, and walking that cycle down
    to `max_depth` never ends for a test waiting on it (seen in test_wizard_crash.py). pygobject
    hands out one wrapper per accessible, so the wrappers themselves mark what was seen."""
    if node is None or depth > max_depth:
        return
    if seen is None:
        seen = set()
    if node in seen:
        return
    seen.add(node)
    yield node
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth, seen)


def dump(node, file=sys.stderr):
    for n in walk(node):
        print(f'{role_name(n)!r} {name_of(n)!r} visible={is_visible(n)}', file=file)


class App:
    """The Sluice process and its accessible application object."""

    def __init__(self, *args, env=None):
        binary = os.environ.get('SLUICE_BINARY')
        if not binary:
            raise RuntimeError('SLUICE_BINARY is not set')
        full_env = dict(os.environ)
        full_env.pop('NO_AT_BRIDGE', None)
        full_env.pop('GTK_A11Y', None)
        if env:
            full_env.update(env)
        self.proc = subprocess.Popen([binary, *args], env=full_env,
                                     stdout=sys.stderr, stderr=sys.stderr)
        self.accessible = wait_for(self._find_application, timeout=20, what='Sluice on the accessibility bus')

    def _find_application(self):
        if self.proc.poll() is not None:
            raise AssertionError(f'sluice exited early with status {self.proc.returncode}')
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == self.proc.pid and app.get_child_count() > 0:
                    return app
            except Exception:
                continue
        return None

    def find(self, role, name=None, visible=True, root=None):
        # The client caches the tree; windows come and go, so read it afresh each time.
        if root is None:
            self.accessible = self._find_application() or self.accessible
        try:
            (root or self.accessible).clear_cache()
        except Exception:
            pass
        for node in walk(root or self.accessible):
            if role_name(node) != role:
                continue
            if callable(name):
                if not name(name_of(node)):
                    continue
            elif name is not None and name_of(node) != name:
                continue
            if visible and not is_visible(node):
                continue
            return node
        return None

    def wait(self, role, name=None, timeout=10.0, root=None):
        try:
            return wait_for(lambda: self.find(role, name, root=root), timeout=timeout,
                            what=f'{role} named {name!r}')
        except Timeout:
            # What the user would have seen instead, for whoever reads the failure.
            if os.environ.get('SLUICE_E2E_DUMP'):
                # Everything, roles and all, for whoever writes the next test.
                with open(os.environ['SLUICE_E2E_DUMP'], 'w') as file:
                    dump(self.accessible, file)
            print('--- accessible tree at the time-out ---', file=sys.stderr)
            for node in walk(self.accessible):
                if name_of(node) and role_name(node) in ('frame', 'label', 'push button', 'text', 'list item'):
                    print(f'{role_name(node)} {name_of(node)!r}', file=sys.stderr)
            raise

    def gone(self, role, name=None, timeout=10.0):
        wait_for(lambda: self.find(role, name) is None, timeout=timeout,
                 what=f'{role} named {name!r} to disappear')

    def click(self, node):
        """Clicks with the pointer in the middle of the node, as a user would."""
        ext = node.get_extents(Atspi.CoordType.SCREEN)
        Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, 'b1c')

    def click_in_dialog(self, node):
        """Clicks in the middle of a node of a dialog. GTK 4.8 gives a dialog's nodes no screen
        position, only their place in their window, and without a window manager every window
        sits at the screen's corner: the window's coordinates are the screen's."""
        ext = node.get_extents(Atspi.CoordType.WINDOW)
        subprocess.run(['xdotool', 'mousemove', str(ext.x + ext.width // 2), str(ext.y + ext.height // 2),
                        'click', '1'], check=True)

    def action(self, node, index=0):
        node.do_action(index)

    def choose(self, combo, item, timeout=10.0, verify=True):
        """Picks `item` in a drop-down (AdwComboRow, GtkDropDown) with the pointer, as a user would.

        An AdwComboRow has no AT-SPI action, and GTK 4.8 reports the positions of the items in
        its popover relative to the popover's parent widget, not to the popover, which is a
        window of its own. So: click the row, find the item's label in the popover (part of the
        combo's own subtree), and click it at its place inside the popover's window, whose
        position the X server knows. Choosing by name, not by position, keeps tests readable.
        With `verify`, waits for the row to show the item; a caller whose rows are rebuilt on
        a choice checks the result its own way.
        """
        self.click(combo)
        popover = wait_for(lambda: self.find('filler', 'GtkPopover', root=combo), timeout=timeout,
                           what=f'the list of {name_of(combo)!r} to open')
        label = wait_for(lambda: self.find('label', item, root=popover), timeout=timeout,
                         what=f'{item!r} in the list of {name_of(combo)!r}')
        box = popover.get_extents(Atspi.CoordType.WINDOW)
        ext = label.get_extents(Atspi.CoordType.WINDOW)
        window = wait_for(lambda: [w for w in x_windows(self.proc.pid) if (w[3], w[4]) == (box.width, box.height)],
                          timeout=timeout, what=f'the window of the list of {name_of(combo)!r}')[-1]
        Atspi.generate_mouse_event(window[1] + ext.x - box.x + ext.width // 2,
                                   window[2] + ext.y - box.y + ext.height // 2, 'b1c')
        if verify:
            wait_for(lambda: self.selected(combo) == item, timeout=timeout,
                     what=f'{name_of(combo)!r} to show {item!r}')

    def selected(self, combo):
        """The item a drop-down shows: the first label in its first list (the popover comes after)."""
        try:
            combo.clear_cache()
        except Exception:
            pass
        for node in walk(combo):
            if role_name(node) == 'list':
                for inner in walk(node):
                    if role_name(inner) == 'label':
                        return name_of(inner)
                return None
        return None

    def scroll_into_view(self, node, viewport, tries=40):
        """Turns the mouse wheel over `viewport` (a scroll pane) until all of `node` shows in it."""
        for _ in range(tries):
            port = viewport.get_extents(Atspi.CoordType.SCREEN)
            ext = node.get_extents(Atspi.CoordType.SCREEN)
            if ext.y < port.y:
                button = 'b4c'
            elif ext.y + ext.height > port.y + port.height:
                button = 'b5c'
            else:
                return
            Atspi.generate_mouse_event(port.x + port.width // 2, port.y + port.height // 2, button)
            time.sleep(0.1)
        raise Timeout(f'could not scroll {name_of(node)!r} into view')

    def point_at(self, node):
        """Moves the pointer over a node: with no window manager, keyboard focus follows it."""
        ext = node.get_extents(Atspi.CoordType.SCREEN)
        Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, 'abs')

    def key(self, keysym_name, modifiers=()):
        """Presses a key, with modifiers held ('control', 'shift', 'alt'), as a user would."""
        mask = 0
        for mod in modifiers:
            mask |= _MODIFIERS[mod]
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
        try:
            Atspi.generate_keyboard_event(_keysym(keysym_name), None, Atspi.KeySynthType.SYM)
        finally:
            if mask:
                Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def x_windows(pid):
    """The mapped X windows of a process, as (id, x, y, width, height)."""
    ids = subprocess.run(['xdotool', 'search', '--all', '--onlyvisible', '--pid', str(pid), '--name', '.*'],
                         capture_output=True, text=True).stdout.split()
    windows = []
    for wid in ids:
        out = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', wid], capture_output=True, text=True).stdout
        geometry = dict(line.split('=', 1) for line in out.split() if '=' in line)
        try:
            windows.append((wid, int(geometry['X']), int(geometry['Y']), int(geometry['WIDTH']), int(geometry['HEIGHT'])))
        except (KeyError, ValueError):
            continue  # gone meanwhile
    return windows


# X11 modifier masks, as LOCKMODIFIERS takes them.
_MODIFIERS = {'shift': 1 << 0, 'control': 1 << 2, 'alt': 1 << 3}


def _keysym(name):
    gi.require_version('Gdk', '4.0')
    from gi.repository import Gdk
    value = Gdk.keyval_from_name(name)
    if value == 0xffffff:
        raise ValueError(f'unknown key {name}')
    return value

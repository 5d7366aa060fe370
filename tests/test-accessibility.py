#!/usr/bin/python3
"""Walks SahelBrief's accessibility tree the way a screen reader does
(AT-SPI) and checks that every control a person can reach has a name to
speak. Prints TAP.

Usage: test-accessibility.py PATH-TO-SAHELBRIEF
Needs a session bus; the accessibility bus is started on demand. The app
runs with the tile source "none": a test never asks a public tile server.
Skipped, with the package to install, without python3-pyatspi.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP python3-pyatspi is not installed: install it to walk the accessibility tree")
    sys.exit(0)

# Roles a person operates: each needs a name.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK,
    pyatspi.ROLE_MENU_ITEM,
}

# Names the window's main controls must have.
BUTTON_ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON}
EXPECTED = [
    (BUTTON_ROLES, "Show Actors"),
    (BUTTON_ROLES, "Search"),
    (BUTTON_ROLES, "Show Details and Source"),
    (BUTTON_ROLES, "Main Menu"),
    (BUTTON_ROLES, "Layers and Filters"),
    (BUTTON_ROLES, "Legend"),
    (BUTTON_ROLES, "Show Wagner group on the map"),
    ({pyatspi.ROLE_LIST_ITEM}, "Wagner group"),
    ({pyatspi.ROLE_LIST_ITEM}, "French armed forces"),
    ({pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX}, "Statements on the map"),
]


# A loaded machine takes its time to start the app and fill its window:
# the tree is walked again until it holds what is expected and stops
# changing, or this many seconds have passed.
SETTLE_TIMEOUT = 60


def find_app(name, timeout=SETTLE_TIMEOUT):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name and app.childCount > 0:
                return app
        time.sleep(0.3)
    return None


def walk(node, path, out, depth=0):
    if node is None or depth > 60:
        return
    try:
        role = node.getRole()
        name = node.name or ""
        states = node.getState()
    except Exception:
        return
    here = path + [f"{node.getRoleName()}[{name}]"]
    out.append((node, role, name, states, here))
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, here, out, depth + 1)


def accessibility_bus_address():
    from gi.repository import Gio, GLib
    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                              None, GLib.VariantType.new("(s)"), Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]
    except Exception:
        return None


def start_accessibility_bus():
    """The accessibility bus and its registry, ready: activated through the
    session bus as a desktop does, or started by hand where that cannot be."""
    process = None
    deadline = time.time() + SETTLE_TIMEOUT
    while accessibility_bus_address() is None:
        if process is None:
            process = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if time.time() > deadline:
            break
        time.sleep(0.5)
    # Asking for the desktop starts the registry on that bus.
    while time.time() < deadline:
        try:
            pyatspi.Registry.getDesktop(0).childCount
            break
        except Exception:
            time.sleep(0.5)
    return process


def has_expected(nodes):
    return all(any(r in roles and n == name for _, r, n, _, _ in nodes) for roles, name in EXPECTED)


def settled_tree(app):
    """The tree once the window is filled: every expected control there,
    and the same number of nodes on two walks a second apart."""
    deadline = time.time() + SETTLE_TIMEOUT
    previous = -1
    while True:
        nodes = []
        walk(app, [], nodes)
        if (has_expected(nodes) and len(nodes) == previous) or time.time() > deadline:
            return nodes
        previous = len(nodes) if has_expected(nodes) else -1
        time.sleep(1)


def main():
    if len(sys.argv) != 2:
        print("usage: test-accessibility.py PATH-TO-SAHELBRIEF", file=sys.stderr)
        return 2

    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    # Settings of the test's own, in a key file: no tiles from the network.
    config = tempfile.mkdtemp(prefix="sb-accessibility-")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w", encoding="utf-8") as f:
        f.write("[com/example/SahelBrief]\ntile-source='none'\n")
    env["GSETTINGS_BACKEND"] = "keyfile"
    env["XDG_CONFIG_HOME"] = config
    # The accessibility bus must be up before the app starts: an app that
    # finds none does not register, and was never found (on a loaded
    # machine, a second after starting the launcher was not enough).
    bus_process = start_accessibility_bus()
    app_process = subprocess.Popen([sys.argv[1]], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    try:
        app = find_app("sahelbrief")
        results.append((app is not None, "the application appears on the accessibility bus"))
        if app is None:
            return report(results)

        nodes = settled_tree(app)

        unnamed = []
        garbled = []
        for node, role, name, states, path in nodes:
            # Mnemonic underscores and widget class names are not speech.
            if role in CONTROL_ROLES and re.search(r"(^|\s)_\w|\bGtk[A-Z]|\bAdw[A-Z]", name):
                garbled.append(" > ".join(path[-3:]))
            if role not in CONTROL_ROLES:
                continue
            if not states.contains(pyatspi.STATE_SHOWING):
                continue
            if name.strip():
                continue
            # A list's rows speak for it; a text view speaks its text.
            if role in (pyatspi.ROLE_TEXT,) and node.queryText().characterCount > 0:
                continue
            unnamed.append(" > ".join(path[-4:]))

        results.append((len(nodes) > 50, f"the tree has {len(nodes)} nodes"))
        for line in unnamed:
            print(f"# unnamed: {line}")
        results.append((not unnamed, f"every visible control has a name ({len(unnamed)} without)"))
        for line in garbled:
            print(f"# not speech: {line}")
        results.append((not garbled, f"no name is a mnemonic or a class name ({len(garbled)} are)"))

        for roles, name in EXPECTED:
            found = any(r in roles and n == name for _, r, n, _, _ in nodes)
            results.append((found, f"“{name}” is there"))

        maps = [n for n in nodes if n[2] == "Map"]
        results.append((bool(maps), "the map has a name"))
        # OpenStreetMap's attribution shows only where its tiles are asked for.
        osm = [n for n in nodes if "OpenStreetMap" in n[2]]
        results.append((not osm, "the map asks no public tile server (tile source “none”)"))
    finally:
        for process in (app_process, bus_process):
            if process is None:
                continue
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(config, ignore_errors=True)

    return report(results)


def report(results):
    print(f"1..{len(results)}")
    failed = 0
    for i, (ok, text) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {text}")
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

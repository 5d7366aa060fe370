#!/usr/bin/env python3
"""`meson install` into a staging directory puts each desktop file where
desktops look for it, and under the folders Flatpak exports to the host it
puts exactly the files Flatpak exports: named after the app id.

    test-install.py MESON BUILD_ROOT APP_ID SAMPLE.sahelbrief

It installs the current build with --no-rebuild (meson test has built it)
and checks paths relative to the build's prefix: the layout below the
prefix does not depend on the prefix, so /usr/local here stands for /app in
the Flatpak.
"""

import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# flatpak build-finish exports these folders of /app to the host, and only
# the files in them whose names start with the app id.
EXPORTED_DIRS = [
    'share/applications',
    'share/mime/packages',
    'share/icons',
    'share/dbus-1/services',
    'share/gnome-shell/search-providers',
    'share/krunner/dbusplugins',
    'share/appdata',
    'share/metainfo',
]

tests = []


def check(ok, description, diagnostic=''):
    tests.append((ok, description, diagnostic))


def files_below(root):
    found = set()
    for directory, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(directory, name), root))
    return found


# Runs in a fresh process so that GIO reads only the staged MIME database
# and desktop file (it caches both on first use).
GIO_PROBE = r'''
import json, sys
import gi
gi.require_version('Gio', '2.0')
from gi.repository import Gio
desktop, sample = sys.argv[1:3]
with open(sample, 'rb') as f:
    head = f.read(4096)
by_name, _ = Gio.content_type_guess('Sahel 2022-08.sahelbrief', None)
by_data, _ = Gio.content_type_guess(None, head)
app = Gio.DesktopAppInfo.new_from_filename(desktop)
print(json.dumps({
    'by_name': by_name,
    'by_data': by_data,
    'is_json': Gio.content_type_is_a(by_name, 'application/json'),
    'icon': Gio.content_type_get_icon(by_name).to_string(),
    'description': Gio.content_type_get_description(by_name),
    'app_types': app.get_supported_types() if app else None,
}))
'''


def check_mime(share, bindir, desktop, sample, app_id):
    mime_type = 'application/x-sahelbrief+json'
    with tempfile.TemporaryDirectory() as mime_root:
        # The staged package plus the system's, so that application/json
        # exists as on any desktop.
        os.makedirs(os.path.join(mime_root, 'mime', 'packages'))
        staged = os.path.join(share, 'mime', 'packages', f'{app_id}.xml')
        os.symlink(staged, os.path.join(mime_root, 'mime', 'packages', f'{app_id}.xml'))
        for system in ('/usr/share/mime/packages/freedesktop.org.xml',):
            if os.path.exists(system):
                os.symlink(system, os.path.join(mime_root, 'mime', 'packages', os.path.basename(system)))
        # GIO finds the desktop file only when its Exec= is on PATH.
        env = dict(os.environ,
                   PATH=os.pathsep.join([bindir, os.environ.get('PATH', '')]),
                   XDG_DATA_DIRS=mime_root,
                   XDG_DATA_HOME=os.path.join(mime_root, 'home'))
        result = subprocess.run(['update-mime-database', os.path.join(mime_root, 'mime')], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check(result.returncode == 0 and not result.stdout.strip(),
              'update-mime-database accepts the MIME package without a word', result.stdout.strip())

        probe = subprocess.run([sys.executable, '-c', GIO_PROBE, desktop, sample], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if probe.returncode != 0:
            check(False, 'GIO reads the staged MIME database', probe.stderr.strip())
            return
        seen = json.loads(probe.stdout)
        check(seen['by_name'] == mime_type, f'a *.sahelbrief file is {mime_type}', seen['by_name'])
        check(seen['by_data'] == mime_type, f'a briefing without its extension is {mime_type}', seen['by_data'])
        check(seen['is_json'], 'it is a kind of application/json')
        check(app_id in seen['icon'], "its icon is the app's", seen['icon'])
        check(seen['description'] == 'SahelBrief briefing', 'its description', seen['description'])
        check(mime_type in (seen['app_types'] or []), 'the desktop file opens it', str(seen['app_types']))


def main():
    meson, build_root, app_id, sample = sys.argv[1:5]

    options = {o['name']: o['value'] for o in json.loads(subprocess.check_output(
        [meson, 'introspect', '--buildoptions', build_root]))}
    prefix, datadir, bindir = options['prefix'], options['datadir'], options['bindir']

    with tempfile.TemporaryDirectory() as destdir:
        result = subprocess.run([meson, 'install', '-C', build_root, '--no-rebuild', '--quiet',
                                 '--destdir', destdir],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check(result.returncode == 0, 'meson install into a staging directory', result.stdout.strip())
        root = os.path.join(destdir, prefix.lstrip('/'))
        share = os.path.join(root, datadir)

        expected = {
            f'share/applications/{app_id}.desktop',
            f'share/metainfo/{app_id}.metainfo.xml',
            f'share/icons/hicolor/scalable/apps/{app_id}.svg',
            f'share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg',
            f'share/dbus-1/services/{app_id}.service',
            f'share/mime/packages/{app_id}.xml',
        }
        exported = set()
        for folder in EXPORTED_DIRS:
            below = os.path.join(share, os.path.relpath(folder, 'share'))
            exported |= {os.path.join(folder, f) for f in files_below(below)}
        check(exported == expected, 'exactly the files Flatpak exports, and nothing else in its folders',
              f'unexpected: {sorted(exported - expected)}; missing: {sorted(expected - exported)}')
        check(all(os.path.basename(f).startswith(app_id) for f in exported),
              'every exported file is named after the app id')

        executable = os.path.join(root, bindir, 'sahelbrief')
        check(os.access(executable, os.X_OK), 'the executable is installed in bindir', executable)

        schema = os.path.join(share, 'glib-2.0', 'schemas', f'{app_id}.gschema.xml')
        check(os.path.exists(schema), 'the GSettings schema is installed', schema)
        if os.path.exists(schema):
            with tempfile.TemporaryDirectory() as target:
                compiled = subprocess.run(['glib-compile-schemas', '--strict', '--targetdir', target,
                                           os.path.dirname(schema)],
                                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                check(compiled.returncode == 0 and not compiled.stdout.strip(),
                      'the installed schemas compile strictly', compiled.stdout.strip())

        for icon, size in ((f'scalable/apps/{app_id}.svg', '128'),
                           (f'symbolic/apps/{app_id}-symbolic.svg', '16')):
            path = os.path.join(share, 'icons', 'hicolor', icon)
            try:
                svg = ET.parse(path).getroot()
                ok = (svg.tag == '{http://www.w3.org/2000/svg}svg'
                      and svg.get('width') == size and svg.get('height') == size
                      and svg.get('viewBox') == f'0 0 {size} {size}')
                check(ok, f'{icon} is an SVG on a {size}×{size} canvas',
                      f'{svg.tag} {svg.get("width")}×{svg.get("height")} {svg.get("viewBox")}')
            except (OSError, ET.ParseError) as e:
                check(False, f'{icon} is an SVG on a {size}×{size} canvas', str(e))

        check_mime(share, os.path.dirname(executable),
                   os.path.join(share, 'applications', f'{app_id}.desktop'), sample, app_id)

    print(f'1..{len(tests)}')
    for number, (ok, description, diagnostic) in enumerate(tests, 1):
        print(f'{"ok" if ok else "not ok"} {number} - {description}')
        if not ok and diagnostic:
            for line in diagnostic.splitlines():
                print(f'# {line}')
    return 0 if all(ok for ok, _, _ in tests) else 1


if __name__ == '__main__':
    sys.exit(main())

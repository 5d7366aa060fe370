#!/usr/bin/env python3
"""The D-Bus service file activates the app the desktop file names.

    test-dbus-service.py SERVICE_FILE DESKTOP_FILE APP_ID EXECUTABLE
"""

import configparser
import os
import shlex
import sys

tests = []


def check(ok, description, diagnostic=''):
    tests.append((ok, description, diagnostic))


def read_keyfile(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser


def main():
    service_path, desktop_path, app_id, executable = sys.argv[1:5]

    service = read_keyfile(service_path)
    check(service.sections() == ['D-BUS Service'],
          'the service file has exactly one [D-BUS Service] group',
          f'groups: {service.sections()}')
    group = service['D-BUS Service'] if service.has_section('D-BUS Service') else {}

    name = group.get('Name', '')
    check(name == app_id, 'Name= is the app id', f'Name={name!r}')
    check(os.path.basename(service_path) == f'{name}.service',
          'the file is named after Name=', os.path.basename(service_path))

    exec_line = shlex.split(group.get('Exec', ''))
    check(exec_line[:1] == [executable], 'Exec= starts the installed executable',
          f'Exec={group.get("Exec", "")!r}, expected {executable}')
    check('--gapplication-service' in exec_line,
          'Exec= starts it as a D-Bus service (--gapplication-service)')

    desktop = read_keyfile(desktop_path)
    entry = desktop['Desktop Entry']
    check(entry.get('DBusActivatable') == 'true', 'the desktop file is D-Bus activatable')
    check(os.path.basename(desktop_path) == f'{app_id}.desktop',
          'the desktop file is named after the app id', os.path.basename(desktop_path))

    print(f'1..{len(tests)}')
    for number, (ok, description, diagnostic) in enumerate(tests, 1):
        print(f'{"ok" if ok else "not ok"} {number} - {description}')
        if not ok and diagnostic:
            print(f'# {diagnostic}')
    return 0 if all(ok for ok, _, _ in tests) else 1


if __name__ == '__main__':
    sys.exit(main())

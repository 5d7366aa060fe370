#!/usr/bin/env python3
"""One licence, said the same everywhere, and every C file says what it is for.

    test-licence.py SOURCE_ROOT

The licence in meson.build is the one the AppStream metadata, the About
window, the README and COPYING give; every .c file opens with a comment
that names it, says in a line or more what it is for, and ends with an
SPDX-License-Identifier line naming that licence. Prints TAP.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import re
import sys

tests = []


def check(ok, description, diagnostic=''):
    tests.append((ok, description, diagnostic))


def read(root, *path):
    with open(os.path.join(root, *path), encoding='utf-8') as f:
        return f.read()


def c_files(root):
    for top in ('app', 'tests', 'build-aux'):
        for directory, subdirs, names in os.walk(os.path.join(root, top)):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith('.'))
            for name in sorted(names):
                if name.endswith('.c'):
                    yield os.path.relpath(os.path.join(directory, name), root)


def opening_problem(path, text, licence):
    """What is wrong with the file's opening comment, or None."""
    match = re.match(r'/\* (\S+)\n((?: \*.*\n)*?) \*/\n', text)
    if match is None:
        return 'does not open with a comment of its own lines'
    if match.group(1) != os.path.basename(path):
        return 'its opening comment names %s' % match.group(1)
    lines = [line[3:] if line.startswith(' * ') else '' for line in match.group(2).splitlines()]
    words = [line for line in lines if line and 'SPDX-License-Identifier' not in line
             and not line.startswith('Copyright')]
    if not words:
        return 'its opening comment does not say what it is for'
    spdx = [line for line in lines if line.startswith('SPDX-License-Identifier:')]
    if spdx != ['SPDX-License-Identifier: ' + licence]:
        return 'its opening comment has no line "SPDX-License-Identifier: %s"' % licence
    return None


def main():
    root = sys.argv[1]

    project = re.search(r"license:\s*'([^']+)'", read(root, 'meson.build'))
    licence = project.group(1) if project else None
    check(licence == 'GPL-3.0-or-later', 'meson.build gives the licence GPL-3.0-or-later', repr(licence))

    metainfo = read(root, 'data', 'com.example.SahelBrief.metainfo.xml.in')
    found = re.search(r'<project_license>([^<]+)</project_license>', metainfo)
    check(found is not None and found.group(1) == licence,
          'the AppStream metadata gives the same project_license',
          found.group(1) if found else 'no project_license')

    check('GTK_LICENSE_GPL_3_0' in read(root, 'app', 'sb-application.c'),
          'the About window names the GPL, version 3')

    copying = read(root, 'COPYING') if os.path.exists(os.path.join(root, 'COPYING')) else ''
    check('GNU GENERAL PUBLIC LICENSE' in copying and 'Version 3, 29 June 2007' in copying,
          'COPYING holds the text of the GPL, version 3')

    check(licence is not None and licence in read(root, 'README.md'), 'the README names the licence')

    for path in c_files(root):
        problem = opening_problem(path, read(root, path), licence)
        check(problem is None, '%s says what it is for and its licence' % path, problem or '')

    print('1..%d' % len(tests))
    for number, (ok, description, diagnostic) in enumerate(tests, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, description))
        if not ok and diagnostic:
            print('# ' + diagnostic)
    return 0 if all(ok for ok, _, _ in tests) else 1


if __name__ == '__main__':
    sys.exit(main())

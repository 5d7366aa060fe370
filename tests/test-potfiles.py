#!/usr/bin/python3
# Every source file with a translatable string is listed in po/POTFILES.in,
# and every file listed there exists: a string in a file not listed never
# reaches the translators.
#
#   test-potfiles.py SOURCE_ROOT
#
# Files are found by xgettext with the keywords meson's 'glib' preset uses;
# without xgettext, by a pattern for the same keywords.

import os
import re
import shutil
import subprocess
import sys
import tempfile

root = sys.argv[1]

SOURCE_DIRS = ['app', 'ui', 'data']
SOURCE_ROOT_FILES = ['com.example.SahelBrief.desktop']

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dgettext:2', 'g_dcgettext:2',
            'g_dngettext:2,3', 'g_dpgettext2:2c,3', 'ngettext:1,2']

C_PATTERN = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dgettext|g_dpgettext2)\s*\(\s*(GETTEXT_PACKAGE\s*,\s*)?"')
UI_PATTERN = re.compile(r'translatable="(yes|true|1)"')
XML_PATTERN = re.compile(r'<(summary|description|comment|p|li|caption|name|developer_name)[ >]')


def listed_files():
    path = os.path.join(root, 'po', 'POTFILES.in')
    with open(path, encoding='utf-8') as f:
        lines = [line.strip() for line in f]
    return [line for line in lines if line and not line.startswith('#')]


def candidates():
    for name in SOURCE_ROOT_FILES:
        yield name
    for top in SOURCE_DIRS:
        for directory, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if d not in ('basemap', 'briefings'))
            for name in sorted(files):
                path = os.path.relpath(os.path.join(directory, name), root)
                if name.endswith(('.c', '.ui')) or re.search(r'\.(desktop|metainfo\.xml|gschema\.xml|mime\.xml)(\.in)?$', name):
                    yield path


def has_strings_xgettext(path):
    full = os.path.join(root, path)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out.pot')
        args = ['xgettext', '--from-code=UTF-8', '--force-po', '-o', out]
        if path.endswith('.c'):
            args += ['--language=C'] + ['--keyword=' + k for k in KEYWORDS]
        elif path.endswith('.desktop') or path.endswith('.desktop.in'):
            args += ['--language=Desktop']
        args.append(full)
        result = subprocess.run(args, capture_output=True, text=True)
        if result.returncode != 0:
            # An older xgettext without ITS rules for this kind of file.
            return None
        with open(out, encoding='utf-8') as f:
            return len(re.findall(r'^msgid ', f.read(), re.M)) > 1


def has_strings_pattern(path):
    with open(os.path.join(root, path), encoding='utf-8', errors='replace') as f:
        text = f.read()
    if path.endswith('.c'):
        return C_PATTERN.search(text) is not None
    if path.endswith('.ui'):
        return UI_PATTERN.search(text) is not None
    if path.endswith('.desktop'):
        return re.search(r'^(Name|GenericName|Comment|Keywords)=', text, re.M) is not None
    return XML_PATTERN.search(text) is not None


def main():
    listed = listed_files()
    xgettext = shutil.which('xgettext')
    tests = []

    for path in listed:
        tests.append(('listed file exists: ' + path, os.path.isfile(os.path.join(root, path)), None))

    seen = set(listed)
    for path in candidates():
        found = has_strings_xgettext(path) if xgettext else None
        if found is None:
            found = has_strings_pattern(path)
        if found and path not in seen:
            tests.append(('translatable strings listed: ' + path, False,
                          path + ' has translatable strings but is missing from po/POTFILES.in'))
        elif found:
            tests.append(('translatable strings listed: ' + path, True, None))

    print('1..%d' % len(tests))
    failed = 0
    for number, (name, ok, message) in enumerate(tests, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, name))
        if not ok:
            failed += 1
            if message:
                print('# ' + message)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/python3
# Each translation is valid and complete: `msgfmt --check --statistics`
# finds no error, no fuzzy and no untranslated message in po/LANG.po, and
# none either once the catalogue is merged with a template extracted from
# the sources as they are now (a string added since the last update-po).
#
#   test-po.py SOURCE_ROOT [LANG…]     by default, every language in po/LINGUAS
#
# build-aux/update-po brings the catalogues up to date.

import os
import re
import shutil
import subprocess
import sys
import tempfile

root = sys.argv[1]
languages = sys.argv[2:]
if not languages:
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [word for line in f if not line.startswith('#') for word in line.split()]

XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    # Texts in a briefing's languages (app/model/sb-catalog.c; po/meson.build says the same).
    '--keyword=sb_catalog_gettext:2c,3', '--keyword=sb_catalog_ngettext:2c,3,4',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
]


def statistics(po):
    result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    text = result.stderr.strip()
    counts = {}
    for number, kind in re.findall(r'(\d+) (translated|fuzzy|untranslated)', text):
        counts[kind] = int(number)
    return result.returncode, text, counts


def untranslated(po):
    """The msgids of fuzzy or untranslated messages, for the log."""
    result = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', po],
                            capture_output=True, text=True)
    fuzzy = re.findall(r'^msgid "(.+)"$', result.stdout, re.M)
    result = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', po],
                            capture_output=True, text=True)
    missing = re.findall(r'^msgid "(.+)"$', result.stdout, re.M)
    return fuzzy, missing


def fresh_template(directory):
    pot = os.path.join(directory, 'fresh.pot')
    args = ['xgettext', '--package-name=sahelbrief', '-o', pot,
            '--directory=' + root, '--files-from=' + os.path.join(root, 'po', 'POTFILES.in')]
    result = subprocess.run(args + XGETTEXT_ARGS, capture_output=True, text=True)
    if result.returncode != 0:
        print('# xgettext failed: ' + result.stderr.strip().replace('\n', '\n# '))
        return None
    return pot


def main():
    tests = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = fresh_template(tmp) if shutil.which('xgettext') else None

        for language in languages:
            po = os.path.join(root, 'po', language + '.po')
            status, text, counts = statistics(po)
            ok = status == 0 and counts.get('fuzzy', 0) == 0 and counts.get('untranslated', 0) == 0 \
                and counts.get('translated', 0) > 0
            notes = [text]
            if not ok and status == 0:
                fuzzy, missing = untranslated(po)
                notes += ['fuzzy: ' + m for m in fuzzy] + ['untranslated: ' + m for m in missing]
            tests.append(('%s.po: %s' % (language, text), ok, notes))

            if pot is None:
                continue
            merged = os.path.join(tmp, language + '.po')
            subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot], check=True)
            status, text, counts = statistics(merged)
            ok = status == 0 and counts.get('fuzzy', 0) == 0 and counts.get('untranslated', 0) == 0
            notes = []
            if not ok:
                _, missing = untranslated(merged)
                notes = ['not in %s.po yet (run build-aux/update-po): %s' % (language, m) for m in missing]
            tests.append(('%s.po has every string of the sources' % language, ok, notes))

    print('1..%d' % len(tests))
    for number, (name, ok, notes) in enumerate(tests, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, name))
        for note in notes if not ok else []:
            print('# ' + note)
    if pot is None:
        print('# the catalogues were not compared with the sources: xgettext is missing or failed')
    return 0 if all(ok for _, ok, _ in tests) else 1


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""Checks the Flatpak manifest without building it (flatpak-builder needs
the network and the GNOME SDK).

    test-flatpak-manifest.py MANIFEST APP_ID           structure and permissions
    test-flatpak-manifest.py --pins MANIFEST APP_ID    every source is pinned
"""

import json
import re
import shutil
import subprocess
import sys

# What the app needs: maps tiles over the network, a display, GL. Files
# come and go through the portals, so no --filesystem.
ALLOWED_FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
}

tests = []


def check(ok, description, diagnostic=''):
    tests.append((ok, description, diagnostic))


def git_sources(modules):
    for module in modules:
        if isinstance(module, str):
            continue  # a module in its own file: not used here
        for source in module.get('sources', []):
            yield module.get('name', '?'), source
        yield from git_sources(module.get('modules', []))


def check_parsed_by_flatpak_builder(path):
    # flatpak-builder warns about any property it does not know.
    builder = shutil.which('flatpak-builder')
    if builder is None:
        check(True, 'flatpak-builder reads every property # SKIP flatpak-builder is not installed')
        return
    result = subprocess.run([builder, '--show-manifest', path],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    check(result.returncode == 0 and not result.stderr.strip(),
          'flatpak-builder reads every property', result.stderr.strip())


def check_structure(manifest, app_id):
    check(manifest.get('id', manifest.get('app-id')) == app_id, 'the id is the app id')
    check(manifest.get('runtime') == 'org.gnome.Platform'
          and manifest.get('sdk') == 'org.gnome.Sdk', 'the GNOME runtime and SDK')
    check(re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))) is not None,
          'a stable runtime branch', str(manifest.get('runtime-version')))
    check(manifest.get('command') == 'sahelbrief', 'the command is sahelbrief')

    finish_args = manifest.get('finish-args', [])
    check(set(finish_args) == ALLOWED_FINISH_ARGS and len(finish_args) == len(ALLOWED_FINISH_ARGS),
          'exactly the permissions the app needs',
          f'extra: {sorted(set(finish_args) - ALLOWED_FINISH_ARGS)}, '
          f'missing: {sorted(ALLOWED_FINISH_ARGS - set(finish_args))}')

    modules = manifest.get('modules', [])
    names = [m.get('name') if isinstance(m, dict) else m for m in modules]
    check(bool(modules) and names[-1] == 'sahelbrief', "the app's module is last", f'modules: {names}')
    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    check(app.get('buildsystem') == 'meson', 'the app builds with meson')
    check(app.get('sources', [{}])[0].get('type') == 'dir'
          and app.get('sources', [{}])[0].get('path') == '../..',
          'the app is built from this source tree (dir ../..)')

    shumate = next((m for m in modules if isinstance(m, dict) and m.get('name') == 'libshumate'), None)
    check(shumate is not None, 'libshumate is built as a module (the runtime lacks it)')
    if shumate is not None:
        options = set(shumate.get('config-opts', []))
        wanted = {'-Dgtk_doc=false', '-Dvapi=false', '-Dgir=false', '-Ddemos=false'}
        check(wanted <= options, 'libshumate without docs, Vala, introspection or demos',
              f'missing: {sorted(wanted - options)}')
        tags = [s.get('tag', '') for s in shumate.get('sources', []) if s.get('type') == 'git']
        # 1.0.x has no vector renderer; later ones need protobuf-c for it,
        # which the runtime lacks, unless it is left out.
        check(len(tags) == 1 and (tags[0].startswith('1.0.') or '-Dvector_renderer=false' in options),
              'libshumate without the vector renderer (no protobuf needed)', f'tags: {tags}')
        check(len(tags) == 1 and (tags[0].startswith('1.0.') or '-Dsysprof=disabled' in options),
              'libshumate fetches no subprojects while building (sysprof off)', f'options: {sorted(options)}')


def check_pins(manifest):
    for module, source in git_sources(manifest.get('modules', [])):
        kind = source.get('type')
        if kind == 'git':
            commit = source.get('commit', '')
            check(re.fullmatch(r'[0-9a-f]{40}', commit) is not None,
                  f'{module}: the git source is pinned by commit',
                  f'tag {source.get("tag")!r}, commit {commit!r}')
            check('branch' not in source, f'{module}: the git source follows no branch')
        elif kind in ('archive', 'file'):
            check(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
                  f'{module}: the {kind} source is pinned by sha256')
    if not tests:
        check(True, 'no sources to pin')


def main():
    args = sys.argv[1:]
    pins = args[:1] == ['--pins']
    if pins:
        args = args[1:]
    path, app_id = args

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
        check(isinstance(manifest, dict), 'the manifest is valid JSON')
    except (OSError, ValueError) as e:
        check(False, 'the manifest is valid JSON', str(e))
        manifest = {}

    if isinstance(manifest, dict):
        if pins:
            check_pins(manifest)
        else:
            check_structure(manifest, app_id)
            check_parsed_by_flatpak_builder(path)

    print(f'1..{len(tests)}')
    for number, (ok, description, diagnostic) in enumerate(tests, 1):
        print(f'{"ok" if ok else "not ok"} {number} - {description}')
        if not ok and diagnostic:
            print(f'# {diagnostic}')
    return 0 if all(ok for ok, _, _ in tests) else 1


if __name__ == '__main__':
    sys.exit(main())

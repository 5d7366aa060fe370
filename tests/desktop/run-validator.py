#!/usr/bin/env python3
"""Runs a validator and fails when it fails or prints anything at or above
a given severity, which some validators report but still exit 0 on.

    run-validator.py PATTERN COMMAND [ARGUMENT...]

PATTERN is a regular expression matched against each line of output.
"""

import re
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    pattern = re.compile(sys.argv[1])
    command = sys.argv[2:]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, check=False)
    print(result.stdout, end='')
    flagged = [line for line in result.stdout.splitlines() if pattern.search(line)]
    if result.returncode != 0:
        print(f'{command[0]} exited with {result.returncode}', file=sys.stderr)
        return 1
    if flagged:
        print(f'{len(flagged)} line(s) match {pattern.pattern!r}', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())

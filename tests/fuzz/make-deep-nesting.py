#!/usr/bin/env python3
# Two loader regressions too large to keep: 200,000 "[" after a comment
# holding a quote, and after a single-quoted string. The depth check did
# not see that nesting, and json-glib overflowed the stack.

import sys

brackets = '[' * 200000
with open(sys.argv[1], 'w') as out:
    out.write('/* " */' + brackets)
with open(sys.argv[2], 'w') as out:
    out.write("{'\"': " + brackets)

/* fuzz-acled.c
 *
 * The ACLED importer (and the CSV reader) under libFuzzer: see fuzz-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define FUZZ_IMPORT_FORMAT SB_IMPORT_FORMAT_ACLED

#include "fuzz-import.c"

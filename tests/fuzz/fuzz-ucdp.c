/* fuzz-ucdp.c
 *
 * The UCDP GED importer under libFuzzer: see fuzz-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define FUZZ_IMPORT_FORMAT SB_IMPORT_FORMAT_UCDP

#include "fuzz-import.c"

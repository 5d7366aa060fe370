/* fuzz-util.h
 *
 * What the fuzz targets share: logging that makes bugs abort, so that
 * libFuzzer keeps the input and prints the stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     fuzz_util_init                       (gboolean    ours_only);
gboolean fuzz_util_is_libsoup_length_critical (const char *message);
void     fuzz_fail                            (const char *format,
                                               ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

G_END_DECLS

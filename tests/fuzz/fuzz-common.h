/* fuzz-common.h
 *
 * What every fuzz target does when something is wrong: stop, so that
 * libFuzzer keeps the input and prints the stack. Each target is one
 * program, so these are static, for it alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

/* Warnings and criticals (a failed g_return_if_fail() among them) are
 * bugs: abort. Anything less is dropped to keep the fuzzer's output
 * readable.
 */
static GLogWriterOutput
fatal_log_writer (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  g_autofree char *line = NULL;

  if (!(log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    return G_LOG_WRITER_HANDLED;

  line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);
  fprintf (stderr, "%s\n", line);
  fflush (stderr);
  abort ();
}

G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN static void
fail (const char *format,
      ...)
{
  va_list args;

  fprintf (stderr, "%s: ", g_get_prgname () ? g_get_prgname () : "fuzz");
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

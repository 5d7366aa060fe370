/* fuzz-util.c
 *
 * What the fuzz targets share: which log messages are bugs, and how a
 * target fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-util.h"

#include <stdio.h>
#include <stdlib.h>

static gboolean only_ours;

/* Warnings and criticals (a failed g_return_if_fail() among them) are
 * bugs: abort. With ours_only, a library's warnings are its own (libsoup
 * warns about a negative Content-Length itself); its criticals are still
 * ours, as are our warnings. Anything less is dropped to keep the
 * fuzzer's output readable.
 */
static GLogWriterOutput
fatal_log_writer (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  g_autofree char *line = NULL;
  const char *domain = NULL;
  gboolean fatal;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;

  fatal = (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) != 0
          || ((log_level & G_LOG_LEVEL_WARNING) != 0
              && (!only_ours || (domain != NULL && g_str_has_prefix (domain, "sb-"))));
  if (!fatal)
    return G_LOG_WRITER_HANDLED;

  line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);
  fprintf (stderr, "%s\n", line);
  fflush (stderr);
  abort ();
}

/**
 * fuzz_util_init:
 * @ours_only: whether only our own warnings are fatal
 *
 * Call from LLVMFuzzerInitialize().
 */
void
fuzz_util_init (gboolean ours_only)
{
  only_ours = ours_only;

  /* Slices as plain malloc(), so that AddressSanitizer sees every block. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_log_set_writer_func (fatal_log_writer, NULL, NULL);
}

void
fuzz_fail (const char *format,
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

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
#include <string.h>

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
  const char *message = NULL;
  gboolean fatal;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      message = fields[i].value;

  if (only_ours && fuzz_util_is_libsoup_length_critical (message))
    return G_LOG_WRITER_HANDLED;

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
 * fuzz_util_is_libsoup_length_critical:
 *
 * libsoup 3.4 and later (Debian 13's 3.6) hand a negative Content-Length
 * from the server to a stream property that refuses it, with a critical
 * of GObject's, before the app sees the response: the library's bug, not
 * ours (3.2 warns instead). Only that message is let through.
 */
gboolean
fuzz_util_is_libsoup_length_critical (const char *message)
{
  return message != NULL && g_str_has_prefix (message, "value \"-") &&
         strstr (message, "for property 'content-length'") != NULL;
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
  /* The writer says what is fatal, not G_DEBUG=fatal-criticals. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
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

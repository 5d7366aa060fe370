/* sb-json-string.c
 *
 * RFC 8259 strings from UTF-8: quotes, backslashes and control characters
 * escaped, everything else as it is (JSON text is UTF-8, so nothing else
 * needs escaping, and the file stays readable).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-json-string"

#include "config.h"

#include <string.h>

#include "sb-json-string.h"

static inline gboolean
needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

/**
 * sb_json_append_escaped:
 * @string: UTF-8
 * @length: its length in bytes, or -1 when it is NUL-terminated
 *
 * Appends @string as the inside of a JSON string, without the quotes.
 */
void
sb_json_append_escaped (GString    *out,
                        const char *string,
                        gssize      length)
{
  const char *end = string + (length < 0 ? strlen (string) : (gsize) length);
  const char *run = string;

  for (const char *p = string; p < end; p++)
    {
      guchar c = *p;

      if (G_LIKELY (!needs_escape (c)))
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }

  g_string_append_len (out, run, end - run);
}

/**
 * sb_json_append_string:
 * @string: (nullable): UTF-8
 *
 * Appends @string quoted and escaped, or `null` when it is %NULL.
 */
void
sb_json_append_string (GString    *out,
                       const char *string)
{
  if (string == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  sb_json_append_escaped (out, string, -1);
  g_string_append_c (out, '"');
}

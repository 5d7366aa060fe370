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

#include <math.h>
#include <string.h>

#include "sb-json-string.h"

/**
 * sb_utf8_validate_len:
 * @end: (out) (optional): where the first invalid byte is
 *
 * What g_utf8_validate_len() says, sooner for text that is mostly ASCII,
 * as briefings are: eight bytes at a time where none is NUL or above
 * 0x7f, GLib's check on each run of other bytes (a character of several
 * bytes is made of those alone).
 *
 * Returns: whether @data is valid UTF-8 without NUL
 */
gboolean
sb_utf8_validate_len (const char  *data,
                      gsize        length,
                      const char **end)
{
  const guchar *p = (const guchar *) data;
  const guchar *limit = p + length;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (p < limit)
    {
      while (limit - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if (((word | ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word)) &
               G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          p += 8;
        }

      if (p == limit)
        break;

      if (*p == '\0')
        {
          if (end != NULL)
            *end = (const char *) p;
          return FALSE;
        }

      if (*p < 0x80)
        p++;
      else
        {
          const guchar *run = p;

          while (p < limit && *p >= 0x80)
            p++;
          if (!g_utf8_validate_len ((const char *) run, p - run, end))
            return FALSE;
        }
    }

  if (end != NULL)
    *end = (const char *) limit;
  return TRUE;
}

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
 * Bytes that are not UTF-8 become U+FFFD, so that what is written always
 * reads back.
 */
void
sb_json_append_escaped (GString    *out,
                        const char *string,
                        gssize      length)
{
  g_autofree char *valid = NULL;
  const char *end;
  const char *run;

  g_return_if_fail (out != NULL);
  g_return_if_fail (string != NULL);

  if (length < 0)
    length = strlen (string);
  if (!sb_utf8_validate_len (string, length, NULL))
    {
      string = valid = g_utf8_make_valid (string, length);
      length = strlen (valid);
    }

  end = string + length;
  run = string;

  for (const char *p = string; p < end; p++)
    {
      guchar c = *p;

      if (G_LIKELY (!needs_escape (c)))
        continue;

      sb_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          sb_string_append_literal (out, "\\\"");
          break;
        case '\\':
          sb_string_append_literal (out, "\\\\");
          break;
        case '\n':
          sb_string_append_literal (out, "\\n");
          break;
        case '\r':
          sb_string_append_literal (out, "\\r");
          break;
        case '\t':
          sb_string_append_literal (out, "\\t");
          break;
        case '\b':
          sb_string_append_literal (out, "\\b");
          break;
        case '\f':
          sb_string_append_literal (out, "\\f");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }

  sb_string_append_len (out, run, end - run);
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
  const char *end;
  guchar high;

  if (string == NULL)
    {
      sb_string_append_literal (out, "null");
      return;
    }

  /* Most strings written (names, ids, dates, text in any language) need
   * no escape: one pass finds out, and only bytes past ASCII are checked.
   */
  end = string;
  high = 0;
  while (!needs_escape (*end))
    high |= *end++;

  if (*end == '\0' && (high < 0x80 || sb_utf8_validate_len (string, end - string, NULL)))
    {
      g_string_append_c (out, '"');
      sb_string_append_len (out, string, end - string);
      g_string_append_c (out, '"');
      return;
    }

  g_string_append_c (out, '"');
  sb_json_append_escaped (out, string, -1);
  g_string_append_c (out, '"');
}

/**
 * sb_json_append_string_len:
 * @length: the length of @string in bytes, which has no NUL within it
 *
 * Appends the @length bytes at @string quoted and escaped, as
 * sb_json_append_string() appends the same bytes ending in a NUL.
 */
void
sb_json_append_string_len (GString    *out,
                           const char *string,
                           gsize       length)
{
  gsize plain = 0;
  guchar high = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (string != NULL || length == 0);

  while (plain < length && !needs_escape (string[plain]))
    high |= string[plain++];

  g_string_append_c (out, '"');
  if (plain == length && (high < 0x80 || sb_utf8_validate_len (string, length, NULL)))
    sb_string_append_len (out, string, length);
  else
    sb_json_append_escaped (out, string, length);
  g_string_append_c (out, '"');
}

/**
 * sb_format_int64:
 *
 * Writes @value in decimal, as printf's "%" G_GINT64_FORMAT does, with a
 * NUL after it.
 *
 * Returns: the number of characters before the NUL
 */
gsize
sb_format_int64 (gint64 value,
                 char   buffer[SB_INT64_BUF_SIZE])
{
  char digits[SB_INT64_BUF_SIZE];
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  gsize n = 0, length = 0;

  do
    {
      digits[n++] = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);

  if (value < 0)
    buffer[length++] = '-';
  while (n > 0)
    buffer[length++] = digits[--n];
  buffer[length] = '\0';

  return length;
}

void
sb_json_append_int64 (GString *out,
                      gint64   value)
{
  char buffer[SB_INT64_BUF_SIZE];
  gsize length = sb_format_int64 (value, buffer);

  sb_string_append_len (out, buffer, length);
}

/**
 * sb_json_append_number:
 *
 * Appends @value in the fewest digits that read back as the same double;
 * whole numbers without a fraction.
 */
void
sb_json_append_number (GString *out,
                       double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (out != NULL);

  if (!isfinite (value))
    {
      g_critical ("JSON has no number for %g; 0 written", value);
      g_string_append_c (out, '0');
      return;
    }

  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    {
      sb_json_append_int64 (out, (gint64) value);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

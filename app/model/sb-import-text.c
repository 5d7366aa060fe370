/* sb-import-text.c
 *
 * Text as data files hold it: white space as spreadsheets and web pages
 * leave it, numbers as data sets write them, Windows-1252 for files that
 * are not UTF-8, and the English texts of a briefing made from them. The
 * CSV reader and every importer use it; it knows nothing of either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sb-import-text.h"

/* Texts */

/**
 * _sb_import_text_new_take:
 * @string: (transfer full): UTF-8
 *
 * Control characters other than tab and line break have no place in a
 * briefing's text, and json-glib 1.6 writes U+001F unescaped, so that the
 * briefing would not load again once saved: they become spaces.
 *
 * Returns: (transfer full): an English text
 */
SbText *
_sb_import_text_new_take (char *string)
{
  for (char *p = string; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      *p = ' ';

  return sb_text_new_take ("en", string);
}

SbText *
_sb_import_text_new (const char *string)
{
  return _sb_import_text_new_take (g_strdup (string));
}

/* No-break spaces are what spreadsheets and web pages leave behind;
 * control characters become spaces in a briefing's texts.
 */
static gboolean
is_space (gunichar c)
{
  return c < 0x20 || g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0xFEFF;
}

/**
 * _sb_import_strip:
 * @string: valid UTF-8, changed in place
 *
 * Removes white space from both ends, no-break spaces included.
 *
 * Returns: @string
 */
char *
_sb_import_strip (char *string)
{
  char *start = string;
  char *end = string + strlen (string);

  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      char *previous = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  memmove (string, start, end - start);
  string[end - start] = '\0';
  return string;
}

/**
 * _sb_import_is_blank:
 * @string: valid UTF-8
 *
 * Returns: whether @string holds nothing but white space and control
 *   characters: what would be an empty text in a briefing
 */
gboolean
_sb_import_is_blank (const char *string)
{
  for (const char *p = string; *p != '\0'; p++)
    {
      guchar c = *p;

      /* Most fields start with a letter or a digit. */
      if (c > 0x20 && c < 0x7F)
        return FALSE;

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, -1);

          if (u == (gunichar) -1 || u == (gunichar) -2 || !is_space (u))
            return FALSE;
          p = g_utf8_next_char (p) - 1;
        }
    }

  return TRUE;
}

/* "12", " 12.0 ", "1e3": finite numbers as data sets and pandas write
 * them; "15,9333" as spreadsheets do where the comma is the decimal
 * separator.
 */
gboolean
_sb_import_parse_number (const char *value,
                         double     *number)
{
  char buffer[64];
  const char *comma;
  char *end;

  while (g_ascii_isspace (*value))
    value++;
  if (*value == '\0')
    return FALSE;

  *number = g_ascii_strtod (value, &end);

  /* Only where a comma stops the number, and it is the only one. */
  if (*end == ',' && (comma = end) != NULL && strchr (comma + 1, ',') == NULL &&
      strchr (value, '.') == NULL && strlen (value) < sizeof buffer)
    {
      strcpy (buffer, value);
      buffer[comma - value] = '.';
      value = buffer;
      *number = g_ascii_strtod (value, &end);
    }

  while (g_ascii_isspace (*end))
    end++;

  return *end == '\0' && end != value && isfinite (*number);
}

/* Windows-1252 as the WHATWG Encoding Standard maps it: 0x80–0x9F are
 * typographic characters, and the five bytes Windows leaves undefined
 * are the C1 controls of the same number, so that every byte converts.
 */
static const guint16 windows_1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/**
 * _sb_import_append_windows_1252:
 *
 * Appends @data, NULs and all, from Windows-1252 to @out as UTF-8.
 */
void
_sb_import_append_windows_1252 (GString    *out,
                                const char *data,
                                gsize       length)
{
  gsize start = out->len;
  char *w;

  /* At most three bytes of UTF-8 a byte: written in place. */
  g_string_set_size (out, start + 3 * length);
  w = out->str + start;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        *w++ = c;
      else
        w += g_unichar_to_utf8 (c < 0xA0 ? windows_1252_high[c - 0x80] : c, w);
    }

  g_string_set_size (out, w - out->str);
}

/**
 * _sb_import_windows_1252_to_utf8:
 * @out_length: (out): the length of the result, without its NUL
 *
 * Returns: (transfer full): @data, NULs and all, as UTF-8
 */
char *
_sb_import_windows_1252_to_utf8 (const char *data,
                                 gsize       length,
                                 gsize      *out_length)
{
  GString *out = g_string_sized_new (length + length / 8 + 1);

  _sb_import_append_windows_1252 (out, data, length);
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* sb-json-syntax.c
 *
 * A strict check of JSON syntax before json-glib sees the text.
 *
 * A recursive descent over the text that builds nothing but the outline:
 * nesting is bounded by the depth limit, so recursion is safe. The text is
 * known to be valid UTF-8 already.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-json-syntax"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-json-syntax.h"

typedef struct
{
  const char *data;
  const char *p;
  const char *end;
  guint depth;
  guint max_depth;
  SbJsonOutline *outline;
} Scanner;

static gboolean G_GNUC_PRINTF (3, 4)
fail (Scanner    *self,
      const char *at,
      const char *format,
      ...)
{
  va_list args;

  if (self->outline->error_message != NULL)
    return FALSE;

  va_start (args, format);
  self->outline->error_message = g_strdup_vprintf (format, args);
  va_end (args);
  self->outline->error_offset = at - self->data;

  return FALSE;
}

/* What stands at @at, for messages: a character, or the end of the file. */
static char *
describe (Scanner    *self,
          const char *at)
{
  if (at >= self->end)
    return g_strdup (_("the end of the file"));

  return g_strdup_printf ("“%.*s”", (int) (g_utf8_next_char (at) - at), at);
}

static void
skip_whitespace (Scanner *self)
{
  while (self->p < self->end &&
         (*self->p == ' ' || *self->p == '\n' || *self->p == '\r' || *self->p == '\t'))
    self->p++;
}

static gboolean
unexpected (Scanner    *self,
            const char *expected)
{
  g_autofree char *found = describe (self, self->p);

  if (self->p < self->end && *self->p == '/')
    return fail (self, self->p, _("JSON has no comments"));
  if (self->p < self->end && *self->p == '\'')
    return fail (self, self->p, _("strings are written in double quotes, not single quotes"));

  /* TRANSLATORS: "expected a value, found “}”" */
  return fail (self, self->p, _("expected %s, found %s"), expected, found);
}

/* A value not followed by a separator: most often a comma forgotten at the
 * end of its line, so the problem is placed where the comma belongs.
 */
static gboolean
missing_separator (Scanner    *self,
                   const char *value_end,
                   const char *expected)
{
  g_autofree char *found = describe (self, self->p);

  if (self->p < self->end && (*self->p == '/' || *self->p == '\''))
    return unexpected (self, expected);

  if (memchr (value_end, '\n', self->p - value_end) == NULL)
    return unexpected (self, expected);

  /* TRANSLATORS: "expected “,” or “}” after this value, found “"”" */
  return fail (self, value_end, _("expected %s after this value, found %s"), expected, found);
}

static int
hex_quad (const char *p,
          const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/* What a string holds as it is: not a quote, a backslash or a control character. */
static gboolean plain[256];

static void
init_plain (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint c = 0x20; c < G_N_ELEMENTS (plain); c++)
        plain[c] = c != '"' && c != '\\';
      g_once_init_leave (&done, 1);
    }
}

/* At an opening quote; leaves p after the closing one. */
static gboolean
scan_string (Scanner *self)
{
  const char *start = self->p++;

  for (;;)
    {
      const char *escape;
      int unit;

      /* The common case: a run of plain characters. */
      while (self->p < self->end && plain[(guchar) *self->p])
        self->p++;

      if (self->p >= self->end)
        return fail (self, start, _("the string that starts here is never closed"));

      if (*self->p == '"')
        {
          self->p++;
          return TRUE;
        }

      if ((guchar) *self->p < 0x20)
        {
          if (*self->p == '\n')
            return fail (self, start, _("the string that starts here runs past the end of its line: close it, or write a line break as \\n"));
          return fail (self, self->p, _("a control character (U+%04X) in a string must be written as an escape such as \\t or \\u%04X"),
                       (guchar) *self->p, (guchar) *self->p);
        }

      escape = self->p++;
      if (self->p >= self->end)
        return fail (self, start, _("the string that starts here is never closed"));

      if (strchr ("\"\\/bfnrt", *self->p) != NULL && *self->p != '\0')
        {
          self->p++;
          continue;
        }

      if (*self->p != 'u')
        {
          g_autofree char *found = g_strndup (self->p, g_utf8_next_char (self->p) - self->p);

          return fail (self, escape, _("unknown escape “\\%s” in a string: JSON has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by four hexadecimal digits"),
                       found);
        }

      unit = hex_quad (self->p + 1, self->end);
      if (unit < 0)
        return fail (self, escape, _("“\\u” must be followed by four hexadecimal digits"));
      self->p += 5;

      if (unit == 0)
        return fail (self, escape, _("a string may not contain the NUL character (\\u0000)"));

      if (unit >= 0xdc00 && unit <= 0xdfff)
        return fail (self, escape, _("“\\u%04X” is the second half of a UTF-16 surrogate pair, without the first"), unit);

      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          int low = self->end - self->p >= 6 && self->p[0] == '\\' && self->p[1] == 'u'
                    ? hex_quad (self->p + 2, self->end) : -1;

          if (low < 0xdc00 || low > 0xdfff)
            return fail (self, escape, _("“\\u%04X” is the first half of a UTF-16 surrogate pair, without the second"), unit);
          self->p += 6;
        }
    }
}

static gboolean
scan_digits (Scanner *self)
{
  const char *start = self->p;

  while (self->p < self->end && g_ascii_isdigit (*self->p))
    self->p++;

  return self->p > start;
}

static gboolean
scan_number (Scanner *self)
{
  const char *start = self->p;

  if (*self->p == '-')
    self->p++;

  if (self->p < self->end && *self->p == '0')
    {
      self->p++;
      if (self->p < self->end && (g_ascii_isdigit (*self->p) || *self->p == 'x' || *self->p == 'X'))
        return fail (self, start, _("a number may not start with 0 unless it is 0: JSON has no octal or hexadecimal numbers"));
    }
  else if (!scan_digits (self))
    return fail (self, start, _("a number needs digits after its sign"));

  if (self->p < self->end && *self->p == '.')
    {
      self->p++;
      if (!scan_digits (self))
        return fail (self, start, _("a number needs digits after its decimal point"));
    }

  if (self->p < self->end && (*self->p == 'e' || *self->p == 'E'))
    {
      self->p++;
      if (self->p < self->end && (*self->p == '+' || *self->p == '-'))
        self->p++;
      if (!scan_digits (self))
        return fail (self, start, _("a number needs digits in its exponent"));
    }

  if (self->p < self->end && (g_ascii_isalnum (*self->p) || *self->p == '.'))
    {
      g_autofree char *found = describe (self, self->p);

      return fail (self, self->p, _("unexpected %s in a number"), found);
    }

  return TRUE;
}

static gboolean
scan_literal (Scanner    *self,
              const char *literal)
{
  gsize length = strlen (literal);

  if ((gsize) (self->end - self->p) >= length && memcmp (self->p, literal, length) == 0 &&
      (self->p + length == self->end || !g_ascii_isalnum (self->p[length])))
    {
      self->p += length;
      return TRUE;
    }

  return unexpected (self, _("a value: an object, array, string, number, true, false or null"));
}

static gboolean scan_value (Scanner *self, GArray *elements);

static gboolean
enter (Scanner *self)
{
  if (++self->depth > self->max_depth)
    {
      self->outline->too_deep = TRUE;
      return fail (self, self->p, _("arrays and objects nest deeper than %u levels; a briefing never needs that many"),
                   self->max_depth);
    }

  return TRUE;
}

/* @elements, when not NULL, receives the span of each element. */
static gboolean
scan_array (Scanner *self,
            GArray  *elements)
{
  if (!enter (self))
    return FALSE;

  self->p++;
  skip_whitespace (self);

  if (self->p < self->end && *self->p == ']')
    {
      self->p++;
      self->depth--;
      return TRUE;
    }

  for (;;)
    {
      SbJsonSpan span;

      skip_whitespace (self);
      span.start = self->p - self->data;
      if (!scan_value (self, NULL))
        return FALSE;
      span.end = self->p - self->data;
      if (elements != NULL)
        g_array_append_val (elements, span);

      skip_whitespace (self);
      if (self->p < self->end && *self->p == ',')
        {
          const char *comma = self->p++;

          skip_whitespace (self);
          if (self->p < self->end && *self->p == ']')
            return fail (self, comma, _("a comma before “]”: JSON allows no comma after the last element"));
          continue;
        }
      if (self->p < self->end && *self->p == ']')
        {
          self->p++;
          self->depth--;
          return TRUE;
        }

      return missing_separator (self, self->data + span.end, _("“,” or “]”"));
    }
}

static char *
decode_name (const char *start,
             const char *end)
{
  g_autofree char *raw = g_strndup (start + 1, end - start - 2);

  /* Names with escapes are rare; GLib decodes all but \u. */
  if (strchr (raw, '\\') == NULL)
    return g_steal_pointer (&raw);

  return g_strcompress (raw);
}

/* @members, when not NULL, receives the top-level members. */
static gboolean
scan_object (Scanner *self,
             GArray  *members)
{
  if (!enter (self))
    return FALSE;

  self->p++;
  skip_whitespace (self);

  if (self->p < self->end && *self->p == '}')
    {
      self->p++;
      self->depth--;
      return TRUE;
    }

  for (;;)
    {
      const char *name_start, *name_end, *value_end;
      SbJsonMember member = { NULL, };

      skip_whitespace (self);
      if (self->p >= self->end || *self->p != '"')
        return unexpected (self, _("a member name in double quotes"));

      name_start = self->p;
      if (!scan_string (self))
        return FALSE;
      name_end = self->p;

      skip_whitespace (self);
      if (self->p >= self->end || *self->p != ':')
        return unexpected (self, _("“:” after the member name"));
      self->p++;
      skip_whitespace (self);

      if (members != NULL)
        {
          member.name = decode_name (name_start, name_end);
          member.value.start = self->p - self->data;
          if (self->p < self->end && *self->p == '[')
            member.elements = g_array_new (FALSE, FALSE, sizeof (SbJsonSpan));
        }

      if (!scan_value (self, member.elements))
        {
          g_free (member.name);
          g_clear_pointer (&member.elements, g_array_unref);
          return FALSE;
        }

      value_end = self->p;
      if (members != NULL)
        {
          member.value.end = self->p - self->data;
          g_array_append_val (members, member);
        }

      skip_whitespace (self);
      if (self->p < self->end && *self->p == ',')
        {
          const char *comma = self->p++;

          skip_whitespace (self);
          if (self->p < self->end && *self->p == '}')
            return fail (self, comma, _("a comma before “}”: JSON allows no comma after the last member"));
          continue;
        }
      if (self->p < self->end && *self->p == '}')
        {
          self->p++;
          self->depth--;
          return TRUE;
        }

      return missing_separator (self, value_end, _("“,” or “}”"));
    }
}

static gboolean
scan_value (Scanner *self,
            GArray  *elements)
{
  if (self->p >= self->end)
    return unexpected (self, _("a value"));

  switch (*self->p)
    {
    case '{':
      return scan_object (self, NULL);
    case '[':
      return scan_array (self, elements);
    case '"':
      return scan_string (self);
    case 't':
      return scan_literal (self, "true");
    case 'f':
      return scan_literal (self, "false");
    case 'n':
      return scan_literal (self, "null");
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (self);
    default:
      return unexpected (self, _("a value: an object, array, string, number, true, false or null"));
    }
}

/**
 * sb_json_syntax_check:
 * @outline: (out caller-allocates): the top-level members when the text
 *   is a JSON object, or where and what the first error is
 *
 * Returns: %TRUE if @data is one JSON value, strictly as RFC 8259 writes
 *   it, nested at most @max_depth deep, without NUL characters and with
 *   surrogates only in pairs
 */
gboolean
sb_json_syntax_check (const char    *data,
                      gsize          length,
                      guint          max_depth,
                      SbJsonOutline *outline)
{
  Scanner self = { data, data, data + length, 0, max_depth, outline };
  gboolean ok;

  init_plain ();
  memset (outline, 0, sizeof *outline);
  outline->members = g_array_new (FALSE, FALSE, sizeof (SbJsonMember));

  skip_whitespace (&self);
  if (self.p >= self.end)
    {
      outline->empty = TRUE;
      return TRUE;
    }

  outline->root_is_object = *self.p == '{';
  ok = outline->root_is_object ? scan_object (&self, outline->members) : scan_value (&self, NULL);
  if (!ok)
    return FALSE;

  skip_whitespace (&self);
  if (self.p < self.end)
    return fail (&self, self.p, _("a second value follows the first; a briefing file holds one JSON object"));

  return TRUE;
}

/**
 * sb_json_syntax_check_value:
 * @max_depth: how deep @data may nest, counted from @data itself
 *
 * The same check on one value, such as an element of a larger document,
 * without an outline or a message: the caller only needs to know.
 *
 * Returns: %TRUE if @data is exactly one value that passes the check
 */
gboolean
sb_json_syntax_check_value (const char *data,
                            gsize       length,
                            guint       max_depth)
{
  SbJsonOutline outline = { 0, };
  Scanner self = { data, data, data + length, 0, max_depth, &outline };
  gboolean ok;

  init_plain ();
  ok = scan_value (&self, NULL);
  if (ok)
    {
      skip_whitespace (&self);
      ok = self.p == self.end;
    }

  g_free (outline.error_message);
  return ok;
}

void
sb_json_outline_clear (SbJsonOutline *outline)
{
  for (guint i = 0; outline->members != NULL && i < outline->members->len; i++)
    {
      SbJsonMember *member = &g_array_index (outline->members, SbJsonMember, i);

      g_free (member->name);
      g_clear_pointer (&member->elements, g_array_unref);
    }

  g_clear_pointer (&outline->members, g_array_unref);
  g_clear_pointer (&outline->error_message, g_free);
}

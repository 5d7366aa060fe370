/* sb-json-string.h
 *
 * One way to write a JSON string (and a number), for everything that writes JSON as
 * text: the briefing writer's clean-up of json-glib's output, the GeoJSON
 * export and the benchmarks' generators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* g_string_append_len() without its check for a string inside itself:
 * the writers append millions of short pieces.
 */
static inline void
sb_string_append_len (GString    *out,
                      const char *text,
                      gsize       length)
{
  if (G_LIKELY (out->len + length < out->allocated_len))
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, length);
}

#define sb_string_append_literal(out, literal) \
  sb_string_append_len ((out), "" literal, sizeof (literal) - 1)

#define SB_INT64_BUF_SIZE 21

gsize sb_format_int64 (gint64 value,
                       char   buffer[SB_INT64_BUF_SIZE]);
void  sb_json_append_int64 (GString *out,
                            gint64   value);

gboolean sb_utf8_validate_len (const char  *data,
                               gsize        length,
                               const char **end);

void sb_json_append_escaped (GString    *out,
                             const char *string,
                             gssize      length);
void sb_json_append_string  (GString    *out,
                             const char *string);
void sb_json_append_string_len (GString    *out,
                                const char *string,
                                gsize       length);
void sb_json_append_number  (GString    *out,
                             double      value);

G_END_DECLS

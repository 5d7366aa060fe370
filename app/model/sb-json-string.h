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

G_BEGIN_DECLS

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

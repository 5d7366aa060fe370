/* sb-json-scan.h
 *
 * JSON paths, and where in the text a path lies: json-glib's nodes carry
 * no positions.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     sb_json_path_append_member (GString    *path,
                                     const char *member);
void     sb_json_path_append_index  (GString    *path,
                                     guint       index);
void     sb_json_locate_problems    (const char *data,
                                     gsize       length,
                                     GPtrArray  *problems);
void     sb_json_offset_to_position (const char *data,
                                     gsize       offset,
                                     guint      *line,
                                     guint      *column);

G_END_DECLS

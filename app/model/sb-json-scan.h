/* sb-json-scan.h
 *
 * What json-glib does not tell: how deep a document nests before it is
 * parsed (json-glib recurses and would overflow the stack), and where in
 * the text a JSON path lies (its nodes carry no positions).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sb_json_scan_depth         (const char *data,
                                     gsize       length,
                                     guint       max_depth,
                                     gsize      *offending_offset);
gboolean sb_json_scan_strings       (const char *data,
                                     gsize       length,
                                     gsize      *offending_offset);
gboolean sb_json_scan_single_value  (const char *data,
                                     gsize       length,
                                     gsize      *offending_offset);
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

/* sb-json-writer.h
 *
 * JSON text written as it is made, indented for people to read, with
 * long arrays of numbers (coordinates) on one line each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SbJsonWriter SbJsonWriter;

SbJsonWriter *sb_json_writer_new                 (GOutputStream  *stream,
                                                  guint64         max_size,
                                                  GCancellable   *cancellable);
void          sb_json_writer_free                (SbJsonWriter   *self);
void          sb_json_writer_begin_object        (SbJsonWriter   *self);
void          sb_json_writer_end_object          (SbJsonWriter   *self);
void          sb_json_writer_begin_array         (SbJsonWriter   *self);
void          sb_json_writer_begin_compact_array (SbJsonWriter   *self);
void          sb_json_writer_end_array           (SbJsonWriter   *self);
void          sb_json_writer_member              (SbJsonWriter   *self,
                                                  const char     *name);
void          sb_json_writer_string              (SbJsonWriter   *self,
                                                  const char     *value);
void          sb_json_writer_string_len          (SbJsonWriter   *self,
                                                  const char     *value,
                                                  gsize           length);
void          sb_json_writer_int                 (SbJsonWriter   *self,
                                                  gint64          value);
void          sb_json_writer_number              (SbJsonWriter   *self,
                                                  double          value);
void          sb_json_writer_boolean             (SbJsonWriter   *self,
                                                  gboolean        value);
SbJsonWriter *sb_json_writer_new_elements        (guint           depth,
                                                  gboolean        first);
void          sb_json_writer_reset_elements      (SbJsonWriter   *self,
                                                  guint           depth,
                                                  gboolean        first);
guint         sb_json_writer_get_depth           (SbJsonWriter   *self);
gboolean      sb_json_writer_append_elements     (SbJsonWriter   *self,
                                                  SbJsonWriter   *elements,
                                                  guint           n_elements);
gboolean      sb_json_writer_finish              (SbJsonWriter   *self,
                                                  GError        **error);
char         *sb_json_writer_steal_text          (SbJsonWriter   *self,
                                                  gsize          *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbJsonWriter, sb_json_writer_free)

G_END_DECLS

/* sb-json-writer.c
 *
 * json-glib's generator builds a tree of the whole document first (about
 * five times the text) and puts every number of a pretty-printed array on
 * a line of its own: a 237 MB polygon once became a 1.08 GB briefing that
 * the loader, limited to 1 GiB, refused. Here the text is written as it
 * is made, flushed to the stream in pieces, numbers in their shortest
 * form that reads back the same, and a compact array on one line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-json-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sb-json-string.h"
#include "sb-json-writer.h"

#define FLUSH_SIZE (256 * 1024)
#define INDENT 2

typedef struct
{
  guint n_values;
  gboolean is_object;
  gboolean compact;
} Level;

struct _SbJsonWriter
{
  GString *out;
  GOutputStream *stream;        /* nullable: the text is kept */
  GCancellable *cancellable;
  guint64 max_size;             /* 0: no limit */
  guint64 flushed;
  GArray *levels;               /* of Level */
  gboolean after_member;        /* the value goes on the member's line */
  GError *error;                /* the first, after which nothing is written */
};

/**
 * sb_json_writer_new:
 * @stream: (nullable): where the text goes as it is made; without one it
 *   is kept, for sb_json_writer_steal_text()
 * @max_size: the longest text allowed, or 0; a longer one fails with
 *   %G_IO_ERROR_MESSAGE_TOO_LARGE
 */
SbJsonWriter *
sb_json_writer_new (GOutputStream *stream,
                    guint64        max_size,
                    GCancellable  *cancellable)
{
  SbJsonWriter *self = g_new0 (SbJsonWriter, 1);

  self->out = g_string_sized_new (stream ? FLUSH_SIZE + 4096 : 4096);
  self->stream = stream ? g_object_ref (stream) : NULL;
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->max_size = max_size;
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));

  return self;
}

void
sb_json_writer_free (SbJsonWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_array_unref (self->levels);
  g_clear_error (&self->error);
  g_free (self);
}

static gboolean
check_size (SbJsonWriter *self)
{
  if (self->max_size > 0 && self->flushed + self->out->len > self->max_size)
    {
      g_autofree char *limit = g_format_size (self->max_size);

      g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the text would be larger than %s"), limit);
      return FALSE;
    }

  return TRUE;
}

static void
flush (SbJsonWriter *self)
{
  if (!check_size (self) || self->stream == NULL)
    return;

  if (!g_output_stream_write_all (self->stream, self->out->str, self->out->len, NULL,
                                  self->cancellable, &self->error))
    return;

  self->flushed += self->out->len;
  g_string_truncate (self->out, 0);
}

static void
maybe_flush (SbJsonWriter *self)
{
  if (self->out->len >= FLUSH_SIZE)
    flush (self);
}

static Level *
top (SbJsonWriter *self)
{
  if (self->levels->len == 0)
    return NULL;

  return &g_array_index (self->levels, Level, self->levels->len - 1);
}

static void
new_line (SbJsonWriter *self,
          guint         depth)
{
  static const char spaces[] = "\n                                                                ";
  guint n = depth * INDENT;

  if (n < sizeof spaces - 1)
    sb_string_append_len (self->out, spaces, n + 1);
  else
    {
      g_string_append_c (self->out, '\n');
      for (guint i = 0; i < n; i++)
        g_string_append_c (self->out, ' ');
    }
}

/* The separator and line before a value, unless it follows its member. */
static void
before_value (SbJsonWriter *self)
{
  Level *level = top (self);

  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }

  if (level == NULL)
    return;

  g_return_if_fail (!level->is_object);

  if (level->n_values++ > 0)
    g_string_append_c (self->out, ',');
  if (!level->compact)
    new_line (self, self->levels->len);
}

static void
begin (SbJsonWriter *self,
       gboolean      is_object,
       gboolean      compact)
{
  Level *parent = top (self);
  Level level = { 0, is_object, compact || (parent != NULL && parent->compact) };

  if (self->error != NULL)
    return;

  before_value (self);
  g_string_append_c (self->out, is_object ? '{' : '[');
  g_array_append_val (self->levels, level);
}

static void
end (SbJsonWriter *self,
     gboolean      is_object)
{
  Level level;

  if (self->error != NULL)
    return;

  g_return_if_fail (self->levels->len > 0);
  g_return_if_fail (!self->after_member);

  level = *top (self);
  g_return_if_fail (level.is_object == is_object);
  g_array_set_size (self->levels, self->levels->len - 1);

  if (level.n_values > 0 && !level.compact)
    new_line (self, self->levels->len);
  g_string_append_c (self->out, is_object ? '}' : ']');
  maybe_flush (self);
}

void
sb_json_writer_begin_object (SbJsonWriter *self)
{
  begin (self, TRUE, FALSE);
}

void
sb_json_writer_end_object (SbJsonWriter *self)
{
  end (self, TRUE);
}

void
sb_json_writer_begin_array (SbJsonWriter *self)
{
  begin (self, FALSE, FALSE);
}

/**
 * sb_json_writer_begin_compact_array:
 *
 * Begins an array written on one line with all it holds: for numbers.
 */
void
sb_json_writer_begin_compact_array (SbJsonWriter *self)
{
  begin (self, FALSE, TRUE);
}

void
sb_json_writer_end_array (SbJsonWriter *self)
{
  end (self, FALSE);
}

void
sb_json_writer_member (SbJsonWriter *self,
                       const char   *name)
{
  Level *level = top (self);

  if (self->error != NULL)
    return;

  g_return_if_fail (level != NULL && level->is_object);
  g_return_if_fail (!self->after_member);

  if (level->n_values++ > 0)
    g_string_append_c (self->out, ',');
  if (!level->compact)
    new_line (self, self->levels->len);
  sb_json_append_string (self->out, name);
  if (level->compact)
    g_string_append_c (self->out, ':');
  else
    sb_string_append_literal (self->out, ": ");
  self->after_member = TRUE;
}

void
sb_json_writer_string (SbJsonWriter *self,
                       const char   *value)
{
  if (self->error != NULL)
    return;

  before_value (self);
  sb_json_append_string (self->out, value);
  maybe_flush (self);
}

/* @length bytes of @value, with no NUL among them. */
void
sb_json_writer_string_len (SbJsonWriter *self,
                           const char   *value,
                           gsize         length)
{
  if (self->error != NULL)
    return;

  before_value (self);
  sb_json_append_string_len (self->out, value, length);
  maybe_flush (self);
}

void
sb_json_writer_int (SbJsonWriter *self,
                    gint64        value)
{
  if (self->error != NULL)
    return;

  before_value (self);
  sb_json_append_int64 (self->out, value);
  maybe_flush (self);
}

void
sb_json_writer_number (SbJsonWriter *self,
                       double        value)
{
  if (self->error != NULL)
    return;

  before_value (self);
  sb_json_append_number (self->out, value);
  maybe_flush (self);
}

void
sb_json_writer_boolean (SbJsonWriter *self,
                        gboolean      value)
{
  if (self->error != NULL)
    return;

  before_value (self);
  if (value)
    sb_string_append_literal (self->out, "true");
  else
    sb_string_append_literal (self->out, "false");
  maybe_flush (self);
}

/**
 * sb_json_writer_new_elements:
 * @depth: how many arrays and objects hold the elements, as
 *   sb_json_writer_get_depth() says inside their array
 * @first: whether they begin their array
 *
 * Makes a writer of a run of an array's elements apart from the writer
 * of the whole, indented as they are there: runs made on several threads
 * go in, in order, with sb_json_writer_append_elements().
 */
SbJsonWriter *
sb_json_writer_new_elements (guint    depth,
                             gboolean first)
{
  SbJsonWriter *self = sb_json_writer_new (NULL, 0, NULL);

  sb_json_writer_reset_elements (self, depth, first);

  return self;
}

/**
 * sb_json_writer_reset_elements:
 * @self: a writer of sb_json_writer_new_elements(), its run appended
 *
 * Empties @self for another run, as sb_json_writer_new_elements() makes
 * one, keeping the memory its text took: a run of a thousand incidents
 * is some megabytes, and fresh memory costs a page fault every 4 KiB.
 */
void
sb_json_writer_reset_elements (SbJsonWriter *self,
                               guint         depth,
                               gboolean      first)
{
  Level outer = { 1, TRUE, FALSE };
  Level array = { first ? 0 : 1, FALSE, FALSE };

  g_return_if_fail (self != NULL && self->stream == NULL);
  g_return_if_fail (depth > 0);

  g_string_truncate (self->out, 0);
  g_array_set_size (self->levels, 0);
  self->flushed = 0;
  self->after_member = FALSE;
  g_clear_error (&self->error);

  for (guint i = 1; i < depth; i++)
    g_array_append_val (self->levels, outer);
  g_array_append_val (self->levels, array);
}

/**
 * sb_json_writer_get_depth:
 *
 * Returns: how many arrays and objects are open
 */
guint
sb_json_writer_get_depth (SbJsonWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->levels->len;
}

/**
 * sb_json_writer_append_elements:
 * @elements: a writer of sb_json_writer_new_elements() with @n_elements
 *   elements of the array open in @self
 *
 * Returns: %FALSE when writing failed, now or before
 */
gboolean
sb_json_writer_append_elements (SbJsonWriter *self,
                                SbJsonWriter *elements,
                                guint         n_elements)
{
  Level *level = top (self);
  GString *text = elements->out;

  g_return_val_if_fail (level != NULL && !level->is_object && !level->compact, FALSE);

  if (self->error != NULL)
    return FALSE;

  if (self->stream == NULL)
    g_string_append_len (self->out, text->str, text->len);
  else
    {
      /* Straight to the stream: a run is as long as many flushes. */
      flush (self);
      if (self->error != NULL)
        return FALSE;
      if (self->max_size > 0 && self->flushed + text->len > self->max_size)
        {
          g_string_append_len (self->out, text->str, text->len);
          check_size (self);
          return FALSE;
        }
      if (!g_output_stream_write_all (self->stream, text->str, text->len, NULL, self->cancellable, &self->error))
        return FALSE;
      self->flushed += text->len;
    }

  level->n_values += n_elements;
  return check_size (self);
}

/**
 * sb_json_writer_finish:
 *
 * Ends the text with a line break and writes what is left to the stream.
 *
 * Returns: whether all of the text was written, within the size allowed
 */
gboolean
sb_json_writer_finish (SbJsonWriter  *self,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->error == NULL)
    {
      g_warn_if_fail (self->levels->len == 0);
      g_string_append_c (self->out, '\n');
      if (self->stream != NULL)
        flush (self);
      else
        check_size (self);
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      /* Still failed for any later call. */
      self->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "already failed");
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_json_writer_steal_text:
 * @length: (out) (optional):
 *
 * Returns: (transfer full): the text kept by a writer without a stream
 */
char *
sb_json_writer_steal_text (SbJsonWriter *self,
                           gsize        *length)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->stream == NULL, NULL);

  if (length != NULL)
    *length = self->out->len;
  text = g_string_free (self->out, FALSE);
  self->out = g_string_new (NULL);

  return text;
}

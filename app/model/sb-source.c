/* sb-source.c
 *
 * A source of the briefing: an article or document with its full text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-source"

#include "config.h"

#include "sb-model-private.h"

G_DEFINE_FINAL_TYPE (SbSource, sb_source, SB_TYPE_ENTITY)

static const char *
sb_source_get_label (SbEntity *entity)
{
  return sb_text_get (SB_SOURCE (entity)->title);
}

static void
sb_source_finalize (GObject *object)
{
  SbSource *self = (SbSource *)object;

  g_clear_pointer (&self->title, sb_text_unref);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->url, g_free);
  if (self->text != self->passages_text)
    g_free (self->text);
  self->text = NULL;
  g_clear_pointer (&self->passages_text, g_free);
  g_clear_pointer (&self->note, sb_text_unref);

  G_OBJECT_CLASS (sb_source_parent_class)->finalize (object);
}

static void
sb_source_class_init (SbSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SbEntityClass *entity_class = SB_ENTITY_CLASS (klass);

  object_class->finalize = sb_source_finalize;
  entity_class->get_label = sb_source_get_label;
}

static void
sb_source_init (SbSource *self)
{
}

SbSource *
_sb_source_new (const char *id)
{
  SbSource *self = g_object_new (SB_TYPE_SOURCE, NULL);

  _sb_entity_set_id (SB_ENTITY (self), id);
  return self;
}

SbText *
sb_source_get_title (SbSource *self)
{
  g_return_val_if_fail (SB_IS_SOURCE (self), NULL);

  return self->title;
}

const char *
sb_source_get_publisher (SbSource *self)
{
  g_return_val_if_fail (SB_IS_SOURCE (self), NULL);

  return self->publisher;
}

const char *
sb_source_get_author (SbSource *self)
{
  g_return_val_if_fail (SB_IS_SOURCE (self), NULL);

  return self->author;
}

const SbDate *
sb_source_get_date (SbSource *self)
{
  g_return_val_if_fail (SB_IS_SOURCE (self), NULL);

  return &self->date;
}

const char *
sb_source_get_language (SbSource *self)
{
  g_return_val_if_fail (SB_IS_SOURCE (self), NULL);

  return self->language;
}

const char *
sb_source_get_url (SbSource *self)
{
  g_return_val_if_fail (SB_IS_SOURCE (self), NULL);

  return self->url;
}

const char *
sb_source_get_text (SbSource *self)
{
  g_return_val_if_fail (SB_IS_SOURCE (self), NULL);

  return self->text;
}

SbText *
sb_source_get_note (SbSource *self)
{
  g_return_val_if_fail (SB_IS_SOURCE (self), NULL);

  return self->note;
}

/**
 * sb_source_same_publisher:
 *
 * Returns: whether @a and @b are one voice: the same source, or sources
 *   of the same publisher (told apart from case); a source whose
 *   publisher is not said is a voice of its own
 */
gboolean
sb_source_same_publisher (SbSource *a,
                          SbSource *b)
{
  const char *pa, *pb;

  g_return_val_if_fail (SB_IS_SOURCE (a), FALSE);
  g_return_val_if_fail (SB_IS_SOURCE (b), FALSE);

  pa = sb_source_get_publisher (a);
  pb = sb_source_get_publisher (b);
  if (pa == NULL || pb == NULL || *pa == '\0' || *pb == '\0')
    return a == b;

  return g_ascii_strcasecmp (pa, pb) == 0;
}

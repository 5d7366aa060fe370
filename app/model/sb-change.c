/* sb-change.c
 *
 * One difference between two versions of a briefing, and what it touches
 * in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-change"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-change.h"

struct _SbChange
{
  GObject parent_instance;

  SbChangeKind kind;
  SbEntity *before;        /* NULL when added */
  SbEntity *after;         /* NULL when removed */
  guint64 fields;          /* bits of the entity type's field enumeration */
  SbChangeAspects aspects;
};

G_DEFINE_FINAL_TYPE (SbChange, sb_change, G_TYPE_OBJECT)

static void
sb_change_finalize (GObject *object)
{
  SbChange *self = SB_CHANGE (object);

  g_clear_object (&self->before);
  g_clear_object (&self->after);

  G_OBJECT_CLASS (sb_change_parent_class)->finalize (object);
}

static void
sb_change_class_init (SbChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sb_change_finalize;
}

static void
sb_change_init (SbChange *self)
{
}

/**
 * sb_change_new:
 * @before: (nullable): the entity in the older version, NULL when added
 * @after: (nullable): the entity in the newer version, NULL when removed
 */
SbChange *
sb_change_new (SbChangeKind     kind,
               SbEntity        *before,
               SbEntity        *after,
               guint64          fields,
               SbChangeAspects  aspects)
{
  SbChange *self;

  g_return_val_if_fail (before != NULL || after != NULL, NULL);
  g_return_val_if_fail (kind != SB_CHANGE_ADDED || after != NULL, NULL);
  g_return_val_if_fail (kind != SB_CHANGE_REMOVED || before != NULL, NULL);

  self = g_object_new (SB_TYPE_CHANGE, NULL);
  self->kind = kind;
  self->before = before ? g_object_ref (before) : NULL;
  self->after = after ? g_object_ref (after) : NULL;
  self->fields = fields;
  self->aspects = aspects;

  return self;
}

SbChangeKind
sb_change_get_kind (SbChange *self)
{
  g_return_val_if_fail (SB_IS_CHANGE (self), SB_CHANGE_CHANGED);

  return self->kind;
}

SbEntity *
sb_change_get_before (SbChange *self)
{
  g_return_val_if_fail (SB_IS_CHANGE (self), NULL);

  return self->before;
}

SbEntity *
sb_change_get_after (SbChange *self)
{
  g_return_val_if_fail (SB_IS_CHANGE (self), NULL);

  return self->after;
}

/* The newer entity, or the removed one. */
SbEntity *
sb_change_get_entity (SbChange *self)
{
  g_return_val_if_fail (SB_IS_CHANGE (self), NULL);

  return self->after ? self->after : self->before;
}

const char *
sb_change_get_id (SbChange *self)
{
  g_return_val_if_fail (SB_IS_CHANGE (self), NULL);

  return sb_entity_get_id (sb_change_get_entity (self));
}

guint64
sb_change_get_fields (SbChange *self)
{
  g_return_val_if_fail (SB_IS_CHANGE (self), 0);

  return self->fields;
}

gboolean
sb_change_has_field (SbChange *self,
                     guint     field)
{
  g_return_val_if_fail (SB_IS_CHANGE (self), FALSE);
  g_return_val_if_fail (field < 64, FALSE);

  return (self->fields & (G_GUINT64_CONSTANT (1) << field)) != 0;
}

SbChangeAspects
sb_change_get_aspects (SbChange *self)
{
  g_return_val_if_fail (SB_IS_CHANGE (self), SB_CHANGE_ASPECT_NONE);

  return self->aspects;
}

/**
 * sb_change_describe_aspects:
 *
 * Returns: (transfer full): what changed in words, "place, dates and
 * citations", in the user's language; "" for none
 */
char *
sb_change_describe_aspects (SbChangeAspects aspects)
{
  static const struct {
    SbChangeAspects aspect;
    const char *label;
  } labels[] = {
    { SB_CHANGE_ASPECT_PLACE, N_("place") },
    { SB_CHANGE_ASPECT_DATES, N_("dates") },
    { SB_CHANGE_ASPECT_CERTAINTY, N_("certainty") },
    { SB_CHANGE_ASPECT_FIGURES, N_("figures") },
    { SB_CHANGE_ASPECT_CITATIONS, N_("citations") },
    { SB_CHANGE_ASPECT_TEXT, N_("text") },
    { SB_CHANGE_ASPECT_ACTORS, N_("actors") },
    { SB_CHANGE_ASPECT_KIND, N_("type or status") },
    { SB_CHANGE_ASPECT_RELATIONS, N_("relations") },
    { SB_CHANGE_ASPECT_REVISED, N_("revised by the publisher") },
  };
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (aspects & labels[i].aspect)
      g_ptr_array_add (parts, (gpointer) g_dgettext (GETTEXT_PACKAGE, labels[i].label));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0 && i == parts->len - 1)
        /* Translators: between the last two of a list of what changed: "place, dates and text" */
        g_string_append (text, _(" and "));
      else if (i > 0)
        /* Translators: between the others of a list of what changed */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }

  return g_string_free (text, FALSE);
}

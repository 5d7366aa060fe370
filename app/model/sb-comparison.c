/* sb-comparison.c
 *
 * Two versions of a briefing compared entity by entity, matched by id;
 * fields compared by value, references by id, places by where they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-comparison.h"
#include "sb-model-private.h"
#include "sb-text.h"

struct _SbComparison
{
  GObject parent_instance;

  SbBriefing *before;      /* snapshots */
  SbBriefing *after;
  GPtrArray *changes;      /* of SbChange: added, changed, removed */
  GHashTable *by_id;       /* id → unowned SbChange */
  GPtrArray *removed_items; /* of unowned SbItem of @before */
  guint n_revised;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbComparison, sb_comparison, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return SB_TYPE_CHANGE;
}

static guint
get_n_items (GListModel *model)
{
  return SB_COMPARISON (model)->changes->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SbComparison *self = SB_COMPARISON (model);

  if (position >= self->changes->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->changes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
sb_comparison_finalize (GObject *object)
{
  SbComparison *self = SB_COMPARISON (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->removed_items, g_ptr_array_unref);
  g_clear_object (&self->before);
  g_clear_object (&self->after);

  G_OBJECT_CLASS (sb_comparison_parent_class)->finalize (object);
}

static void
sb_comparison_class_init (SbComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sb_comparison_finalize;
}

static void
sb_comparison_init (SbComparison *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->removed_items = g_ptr_array_new ();
}

/* Values */

static gboolean
ids_equal (gpointer a,
           gpointer b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_str_equal (sb_entity_get_id (a), sb_entity_get_id (b));
}

/* A place is where it is: two files may give one place different ids. */
static gboolean
places_equal (SbPlace *a,
              SbPlace *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->lat == b->lat && a->lon == b->lon && a->precision == b->precision &&
         a->radius_km == b->radius_km && g_strcmp0 (a->country, b->country) == 0 &&
         sb_text_equal (a->name, b->name) && sb_geometry_equal (a->geometry, b->geometry);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  return g_strv_equal (a, b);
}

typedef gboolean (*EqualFunc) (gconstpointer a, gconstpointer b);

static gboolean
arrays_equal (GPtrArray *a,
              GPtrArray *b,
              EqualFunc  equal)
{
  guint a_len = a ? a->len : 0;
  guint b_len = b ? b->len : 0;

  if (a_len != b_len)
    return FALSE;

  for (guint i = 0; i < a_len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

static EqualFunc
array_element_equal (GType entity_type,
                     guint field)
{
  if (entity_type == SB_TYPE_ITEM)
    switch ((SbItemField) field)
      {
      case SB_ITEM_FIELD_CITATIONS:
        return (EqualFunc) sb_citation_equal;
      case SB_ITEM_FIELD_FIGURES:
        return (EqualFunc) sb_figure_equal;
      default:
        return (EqualFunc) ids_equal;
      }

  if (entity_type == SB_TYPE_ACTOR)
    switch ((SbActorField) field)
      {
      case SB_ACTOR_FIELD_CITATIONS:
        return (EqualFunc) sb_citation_equal;
      case SB_ACTOR_FIELD_FIGURES:
        return (EqualFunc) sb_figure_equal;
      case SB_ACTOR_FIELD_RELATIONS:
        return (EqualFunc) sb_relation_equal;
      default:
        break;
      }

  return (EqualFunc) ids_equal;
}

static gboolean
values_equal (GType         entity_type,
              guint         field,
              const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == SB_TYPE_TEXT)
    return sb_text_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_STRV)
    return strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  if (type == SB_TYPE_DATE)
    return sb_date_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == SB_TYPE_QUANTITY)
    return sb_quantity_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == SB_TYPE_GEOMETRY)
    return sb_geometry_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == SB_TYPE_STEP_CENTER)
    {
      const SbStepCenter *ca = g_value_get_boxed (a);
      const SbStepCenter *cb = g_value_get_boxed (b);

      if (ca == NULL || cb == NULL)
        return ca == cb;
      return ca->lat == cb->lat && ca->lon == cb->lon && ca->zoom == cb->zoom;
    }
  if (type == SB_TYPE_CITATION)
    {
      const SbCitation *ca = g_value_get_boxed (a);
      const SbCitation *cb = g_value_get_boxed (b);

      if (ca == NULL || cb == NULL)
        return ca == cb;
      return sb_citation_equal (ca, cb);
    }
  if (g_type_is_a (type, SB_TYPE_PLACE))
    return places_equal (g_value_get_object (a), g_value_get_object (b));
  if (g_type_is_a (type, SB_TYPE_ENTITY))
    return ids_equal (g_value_get_object (a), g_value_get_object (b));
  if (type == G_TYPE_PTR_ARRAY)
    return arrays_equal (g_value_get_boxed (a), g_value_get_boxed (b),
                         array_element_equal (entity_type, field));

  g_critical ("No comparison for a field of type %s", g_type_name (type));
  return TRUE;
}

static SbChangeAspects
item_field_aspect (SbItemField field)
{
  switch (field)
    {
    case SB_ITEM_FIELD_TITLE:
    case SB_ITEM_FIELD_DESCRIPTION:
    case SB_ITEM_FIELD_ROLE:
    case SB_ITEM_FIELD_NAME:
      return SB_CHANGE_ASPECT_TEXT;
    case SB_ITEM_FIELD_DATE:
      return SB_CHANGE_ASPECT_DATES;
    case SB_ITEM_FIELD_CERTAINTY:
    case SB_ITEM_FIELD_CLAIMED_BY:
      return SB_CHANGE_ASPECT_CERTAINTY;
    case SB_ITEM_FIELD_CITATIONS:
      return SB_CHANGE_ASPECT_CITATIONS;
    case SB_ITEM_FIELD_FIGURES:
    case SB_ITEM_FIELD_QUANTITY:
      return SB_CHANGE_ASPECT_FIGURES;
    case SB_ITEM_FIELD_ACTORS:
    case SB_ITEM_FIELD_TARGETS:
      return SB_CHANGE_ASPECT_ACTORS;
    case SB_ITEM_FIELD_PLACE:
    case SB_ITEM_FIELD_ORIGIN:
    case SB_ITEM_FIELD_GEOMETRY:
    case SB_ITEM_FIELD_BOUNDARY:
      return SB_CHANGE_ASPECT_PLACE;
    case SB_ITEM_FIELD_STATUS:
    case SB_ITEM_FIELD_SUBTYPE:
    default:
      return SB_CHANGE_ASPECT_KIND;
    }
}

static SbChangeAspects
actor_field_aspect (SbActorField field)
{
  switch (field)
    {
    case SB_ACTOR_FIELD_FIGURES:
      return SB_CHANGE_ASPECT_FIGURES;
    case SB_ACTOR_FIELD_RELATIONS:
      return SB_CHANGE_ASPECT_RELATIONS;
    case SB_ACTOR_FIELD_CITATIONS:
      return SB_CHANGE_ASPECT_CITATIONS;
    case SB_ACTOR_FIELD_KIND:
    case SB_ACTOR_FIELD_COLOUR:
      return SB_CHANGE_ASPECT_KIND;
    default:
      return SB_CHANGE_ASPECT_TEXT;
    }
}

static SbChangeAspects
source_field_aspect (SbSourceField field)
{
  return field == SB_SOURCE_FIELD_DATE ? SB_CHANGE_ASPECT_DATES : SB_CHANGE_ASPECT_TEXT;
}

static SbChangeAspects
field_aspect (GType entity_type,
              guint field)
{
  if (entity_type == SB_TYPE_ITEM)
    return item_field_aspect (field);
  if (entity_type == SB_TYPE_ACTOR)
    return actor_field_aspect (field);
  if (entity_type == SB_TYPE_SOURCE)
    return source_field_aspect (field);
  if (entity_type == SB_TYPE_PLACE)
    return SB_CHANGE_ASPECT_PLACE;

  return SB_CHANGE_ASPECT_TEXT;
}

#define DIFFERS(field, equal) \
  G_STMT_START { if (!(equal)) fields |= G_GUINT64_CONSTANT (1) << (field); } G_STMT_END

/* The same as the generic comparison below, without a GValue per field:
 * briefings have many items.
 */
static guint64
compare_items (SbItem *a,
               SbItem *b)
{
  guint64 fields = 0;

  DIFFERS (SB_ITEM_FIELD_TITLE, sb_text_equal (a->title, b->title));
  DIFFERS (SB_ITEM_FIELD_DESCRIPTION, sb_text_equal (a->description, b->description));
  DIFFERS (SB_ITEM_FIELD_DATE, sb_date_equal (&a->date, &b->date));
  DIFFERS (SB_ITEM_FIELD_CERTAINTY, a->evidence.certainty == b->evidence.certainty);
  DIFFERS (SB_ITEM_FIELD_CLAIMED_BY, ids_equal (a->evidence.claimed_by, b->evidence.claimed_by));
  DIFFERS (SB_ITEM_FIELD_CITATIONS, arrays_equal (a->evidence.citations, b->evidence.citations,
                                                  (EqualFunc) sb_citation_equal));
  DIFFERS (SB_ITEM_FIELD_FIGURES, arrays_equal (_sb_item_peek_extra (a)->figures, _sb_item_peek_extra (b)->figures, (EqualFunc) sb_figure_equal));
  DIFFERS (SB_ITEM_FIELD_ACTORS, arrays_equal (a->actors, b->actors, (EqualFunc) ids_equal));
  DIFFERS (SB_ITEM_FIELD_TARGETS, arrays_equal (_sb_item_peek_extra (a)->targets, _sb_item_peek_extra (b)->targets,
                                                (EqualFunc) ids_equal));
  DIFFERS (SB_ITEM_FIELD_PLACE, places_equal (a->place, b->place));
  DIFFERS (SB_ITEM_FIELD_ORIGIN, places_equal (_sb_item_peek_extra (a)->origin, _sb_item_peek_extra (b)->origin));
  DIFFERS (SB_ITEM_FIELD_STATUS, a->status == b->status);
  DIFFERS (SB_ITEM_FIELD_SUBTYPE, a->subtype == b->subtype && a->kind == b->kind);
  DIFFERS (SB_ITEM_FIELD_QUANTITY, sb_quantity_equal (&a->quantity, &b->quantity));
  DIFFERS (SB_ITEM_FIELD_ROLE, sb_text_equal (_sb_item_peek_extra (a)->role, _sb_item_peek_extra (b)->role));
  DIFFERS (SB_ITEM_FIELD_NAME, sb_text_equal (_sb_item_peek_extra (a)->name, _sb_item_peek_extra (b)->name));
  DIFFERS (SB_ITEM_FIELD_BOUNDARY, _sb_item_peek_extra (a)->boundary == _sb_item_peek_extra (b)->boundary);
  DIFFERS (SB_ITEM_FIELD_GEOMETRY, sb_geometry_equal (_sb_item_peek_extra (a)->geometry, _sb_item_peek_extra (b)->geometry));

  return fields;
}

static guint64
compare_generic (SbEntity *before,
                 SbEntity *after)
{
  GType type = G_OBJECT_TYPE (before);
  guint n_fields = MIN (sb_field_get_n_fields (type), 64);
  guint64 fields = 0;

  for (guint field = 0; field < n_fields; field++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      sb_entity_get_field (before, field, &a);
      sb_entity_get_field (after, field, &b);
      DIFFERS (field, values_equal (type, field, &a, &b));
    }

  return fields;
}

/**
 * sb_comparison_compare_fields:
 * @before: an entity of one version
 * @after: the entity of the same id and type in another
 * @aspects: (out) (optional): what the fields that differ touch
 *
 * Compares field by field; references to other entities by id, places
 * by where they are.
 *
 * Returns: the fields that differ, one bit per field of the entity
 *   type's field enumeration
 */
guint64
sb_comparison_compare_fields (SbEntity        *before,
                              SbEntity        *after,
                              SbChangeAspects *aspects)
{
  GType type;
  guint64 fields;
  SbChangeAspects found = SB_CHANGE_ASPECT_NONE;

  g_return_val_if_fail (SB_IS_ENTITY (before), 0);
  g_return_val_if_fail (SB_IS_ENTITY (after), 0);
  g_return_val_if_fail (G_OBJECT_TYPE (before) == G_OBJECT_TYPE (after), 0);

  type = G_OBJECT_TYPE (before);
  if (SB_IS_ITEM (before))
    fields = compare_items (SB_ITEM (before), SB_ITEM (after));
  else
    fields = compare_generic (before, after);

  for (guint field = 0; field < 64; field++)
    if (fields & (G_GUINT64_CONSTANT (1) << field))
      found |= field_aspect (type, field);

  if (aspects != NULL)
    *aspects = found;

  return fields;
}

/* ACLED's "timestamp": when ACLED last changed the event. */
static const char *
publisher_timestamp (SbItem *item)
{
  if (_sb_item_peek_extra (item)->properties == NULL || !g_str_has_prefix (sb_entity_get_id (SB_ENTITY (item)), "acled-"))
    return NULL;

  for (guint i = 0; _sb_item_peek_extra (item)->properties[i] != NULL && _sb_item_peek_extra (item)->properties[i + 1] != NULL; i += 2)
    if (g_str_equal (_sb_item_peek_extra (item)->properties[i], "timestamp"))
      return _sb_item_peek_extra (item)->properties[i + 1];

  return NULL;
}

/* Making */

static void
add_change (SbComparison *self,
            SbChange     *change)
{
  g_hash_table_insert (self->by_id, (char *) sb_change_get_id (change), change);
  g_ptr_array_add (self->changes, change);
}

static void
compare_entity (SbComparison *self,
                SbEntity     *before,
                SbEntity     *after,
                GPtrArray    *changed)
{
  SbChangeAspects aspects = SB_CHANGE_ASPECT_NONE;
  guint64 fields = sb_comparison_compare_fields (before, after, &aspects);

  if (SB_IS_ITEM (after))
    {
      const char *was = publisher_timestamp (SB_ITEM (before));
      const char *is = publisher_timestamp (SB_ITEM (after));

      if (was != NULL && is != NULL && !g_str_equal (was, is))
        {
          aspects |= SB_CHANGE_ASPECT_REVISED;
          self->n_revised++;
        }
    }

  if (fields != 0 || aspects != SB_CHANGE_ASPECT_NONE)
    g_ptr_array_add (changed, sb_change_new (SB_CHANGE_CHANGED, before, after, fields, aspects));
}

/* Entities of @type in @after, against those of @before. */
static void
compare_list (SbComparison *self,
              GListModel   *before_list,
              GListModel   *after_list,
              GPtrArray    *added,
              GPtrArray    *changed,
              GPtrArray    *removed)
{
  guint n_after = g_list_model_get_n_items (after_list);
  guint n_before = g_list_model_get_n_items (before_list);

  for (guint i = 0; i < n_after; i++)
    {
      g_autoptr(SbEntity) entity = g_list_model_get_item (after_list, i);
      SbEntity *old = sb_briefing_lookup (self->before, sb_entity_get_id (entity));

      if (old == NULL || G_OBJECT_TYPE (old) != G_OBJECT_TYPE (entity))
        g_ptr_array_add (added, sb_change_new (SB_CHANGE_ADDED, NULL, entity, 0, SB_CHANGE_ASPECT_NONE));
      else
        compare_entity (self, old, entity, changed);
    }

  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(SbEntity) entity = g_list_model_get_item (before_list, i);
      SbEntity *now = sb_briefing_lookup (self->after, sb_entity_get_id (entity));

      if (now == NULL || G_OBJECT_TYPE (now) != G_OBJECT_TYPE (entity))
        {
          g_ptr_array_add (removed, sb_change_new (SB_CHANGE_REMOVED, entity, NULL, 0, SB_CHANGE_ASPECT_NONE));
          if (SB_IS_ITEM (entity))
            g_ptr_array_add (self->removed_items, entity);
        }
    }
}

static void
take_all (SbComparison *self,
          GPtrArray    *changes)
{
  for (guint i = 0; i < changes->len; i++)
    add_change (self, g_object_ref (g_ptr_array_index (changes, i)));
}

/**
 * sb_comparison_new:
 * @before: the older version (or the one compared against)
 * @after: the newer version, usually the one open
 *
 * Compares the items, actors and sources of both; safe in a worker thread
 * (it keeps snapshots of both).
 */
SbComparison *
sb_comparison_new (SbBriefing *before,
                   SbBriefing *after)
{
  SbComparison *self;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SB_IS_BRIEFING (before), NULL);
  g_return_val_if_fail (SB_IS_BRIEFING (after), NULL);

  self = g_object_new (SB_TYPE_COMPARISON, NULL);
  self->before = sb_briefing_get_snapshot (before);
  self->after = sb_briefing_get_snapshot (after);

  compare_list (self, sb_briefing_get_all_items (self->before), sb_briefing_get_all_items (self->after),
                added, changed, removed);
  compare_list (self, sb_briefing_get_actors (self->before), sb_briefing_get_actors (self->after),
                added, changed, removed);
  compare_list (self, sb_briefing_get_sources (self->before), sb_briefing_get_sources (self->after),
                added, changed, removed);

  take_all (self, added);
  take_all (self, changed);
  take_all (self, removed);

  return self;
}

SbBriefing *
sb_comparison_get_before (SbComparison *self)
{
  g_return_val_if_fail (SB_IS_COMPARISON (self), NULL);

  return self->before;
}

SbBriefing *
sb_comparison_get_after (SbComparison *self)
{
  g_return_val_if_fail (SB_IS_COMPARISON (self), NULL);

  return self->after;
}

/**
 * sb_comparison_lookup:
 *
 * Returns: (transfer none) (nullable): the change of the entity with
 *   that id, NULL when it is the same in both
 */
SbChange *
sb_comparison_lookup (SbComparison *self,
                      const char   *id)
{
  g_return_val_if_fail (SB_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * sb_comparison_count:
 * @entity_type: SB_TYPE_ITEM, SB_TYPE_ACTOR, SB_TYPE_SOURCE, or
 *   SB_TYPE_ENTITY for all
 *
 * Returns: how many entities of that type were added, removed or changed
 */
guint
sb_comparison_count (SbComparison *self,
                     SbChangeKind  kind,
                     GType         entity_type)
{
  guint n = 0;

  g_return_val_if_fail (SB_IS_COMPARISON (self), 0);

  for (guint i = 0; i < self->changes->len; i++)
    {
      SbChange *change = g_ptr_array_index (self->changes, i);

      if (sb_change_get_kind (change) == kind &&
          g_type_is_a (G_OBJECT_TYPE (sb_change_get_entity (change)), entity_type))
        n++;
    }

  return n;
}

/* Items whose publisher revised them (ACLED's timestamp changed). */
guint
sb_comparison_count_revised (SbComparison *self)
{
  g_return_val_if_fail (SB_IS_COMPARISON (self), 0);

  return self->n_revised;
}

/**
 * sb_comparison_get_removed_items:
 *
 * Returns: (transfer none) (element-type SbItem): the items of the older
 *   version that the newer one no longer has
 */
GPtrArray *
sb_comparison_get_removed_items (SbComparison *self)
{
  g_return_val_if_fail (SB_IS_COMPARISON (self), NULL);

  return self->removed_items;
}

/**
 * sb_comparison_describe:
 *
 * Returns: (transfer full): the counts in words, "3 added, 2 changed,
 *   1 removed", or "No differences"
 */
char *
sb_comparison_describe (SbComparison *self)
{
  guint n_added, n_changed, n_removed;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SB_IS_COMPARISON (self), NULL);

  if (self->changes->len == 0)
    return g_strdup (_("No differences"));

  n_added = sb_comparison_count (self, SB_CHANGE_ADDED, SB_TYPE_ENTITY);
  n_changed = sb_comparison_count (self, SB_CHANGE_CHANGED, SB_TYPE_ENTITY);
  n_removed = sb_comparison_count (self, SB_CHANGE_REMOVED, SB_TYPE_ENTITY);

  if (n_added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", n_added), n_added));
  if (n_changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", n_changed), n_changed));
  if (self->n_revised > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u revised by the publisher",
                                                          "%u revised by the publisher", self->n_revised),
                                             self->n_revised));
  if (n_removed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", n_removed), n_removed));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between counts: "3 added, 2 changed" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

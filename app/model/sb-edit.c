/* sb-edit.c
 *
 * Edits: a small family of changes, each of which undoes itself. Setting
 * a field swaps the edit's value with the entity's, so applying and
 * undoing are the same step and both values stay alive as long as the
 * edit does; inserting and removing are each other's undoing; a group
 * applies its edits in order and undoes them in reverse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-briefing-private.h"
#include "sb-edit-private.h"
#include "sb-references.h"

#define MAX_LABEL_CHARS 40

G_DEFINE_BOXED_TYPE (SbEdit, sb_edit, sb_edit_ref, sb_edit_unref)
G_DEFINE_QUARK (sb-edit-error-quark, sb_edit_error)

static SbEdit *
edit_new (SbEditKind  kind,
          SbEntity   *entity)
{
  SbEdit *self = g_new0 (SbEdit, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->entity = entity ? g_object_ref (entity) : NULL;
  self->position = -1;

  return self;
}

SbEdit *
sb_edit_ref (SbEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sb_edit_unref (SbEdit *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (G_IS_VALUE (&self->value))
    g_value_unset (&self->value);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_object (&self->entity);
  g_clear_object (&self->select);
  g_clear_object (&self->selected_before);
  g_free (self->label);
  g_free (self);
}

/* The entity's label, short enough for a menu. */
static char *
short_label (SbEntity *entity)
{
  const char *label = sb_entity_get_label (entity);
  g_autofree char *line = NULL;
  char *newline;

  if (label == NULL || *label == '\0')
    label = sb_entity_get_id (entity);

  line = g_strdup (label);
  if ((newline = strchr (line, '\n')) != NULL)
    *newline = '\0';

  if (g_utf8_strlen (line, -1) <= MAX_LABEL_CHARS)
    return g_steal_pointer (&line);

  {
    g_autofree char *start = g_utf8_substring (line, 0, MAX_LABEL_CHARS - 1);

    return g_strconcat (g_strchomp (start), "…", NULL);
  }
}

static const char *
briefing_field_label (guint field)
{
  switch ((SbBriefingField) field)
    {
    case SB_BRIEFING_FIELD_TITLE:
      return _("Change Briefing Title");
    case SB_BRIEFING_FIELD_SUBTITLE:
      return _("Change Briefing Subtitle");
    case SB_BRIEFING_FIELD_DESCRIPTION:
      return _("Change Briefing Description");
    case SB_BRIEFING_FIELD_LANGUAGE:
      return _("Change Briefing Language");
    case SB_BRIEFING_FIELD_DATE:
      return _("Change Briefing Date");
    case SB_BRIEFING_FIELD_AUTHORS:
    default:
      return _("Change Authors");
    }
}

/* A format with one “%s”, the entity's label. */
static const char *
field_label_format (SbEntity *entity,
                    guint     field)
{
  if (SB_IS_SOURCE (entity))
    switch ((SbSourceField) field)
      {
      case SB_SOURCE_FIELD_TITLE: return _("Rename “%s”");
      case SB_SOURCE_FIELD_PUBLISHER: return _("Change Publisher of “%s”");
      case SB_SOURCE_FIELD_AUTHOR: return _("Change Author of “%s”");
      case SB_SOURCE_FIELD_DATE: return _("Change Date of “%s”");
      case SB_SOURCE_FIELD_LANGUAGE: return _("Change Language of “%s”");
      case SB_SOURCE_FIELD_URL: return _("Change Address of “%s”");
      case SB_SOURCE_FIELD_TEXT: return _("Change Text of “%s”");
      case SB_SOURCE_FIELD_NOTE: default: return _("Change Note on “%s”");
      }

  if (SB_IS_ACTOR (entity))
    switch ((SbActorField) field)
      {
      case SB_ACTOR_FIELD_NAME: return _("Rename “%s”");
      case SB_ACTOR_FIELD_SHORT_NAME: return _("Change Short Name of “%s”");
      case SB_ACTOR_FIELD_ALIASES: return _("Change Other Names of “%s”");
      case SB_ACTOR_FIELD_KIND: return _("Change Kind of “%s”");
      case SB_ACTOR_FIELD_AFFILIATION: return _("Change Affiliation of “%s”");
      case SB_ACTOR_FIELD_COUNTRY: return _("Change Country of “%s”");
      case SB_ACTOR_FIELD_COLOUR: return _("Change Colour of “%s”");
      case SB_ACTOR_FIELD_SUMMARY: return _("Change Summary of “%s”");
      case SB_ACTOR_FIELD_FIGURES: return _("Change Figures of “%s”");
      case SB_ACTOR_FIELD_RELATIONS: return _("Change Relations of “%s”");
      case SB_ACTOR_FIELD_CITATIONS: default: return _("Change Citations of “%s”");
      }

  if (SB_IS_PLACE (entity))
    switch ((SbPlaceField) field)
      {
      case SB_PLACE_FIELD_NAME: return _("Rename “%s”");
      case SB_PLACE_FIELD_LATITUDE:
      case SB_PLACE_FIELD_LONGITUDE: return _("Move “%s”");
      case SB_PLACE_FIELD_PRECISION: return _("Change Precision of “%s”");
      case SB_PLACE_FIELD_RADIUS: return _("Change Radius of “%s”");
      case SB_PLACE_FIELD_COUNTRY: default: return _("Change Country of “%s”");
      }

  if (SB_IS_ITEM (entity))
    switch ((SbItemField) field)
      {
      case SB_ITEM_FIELD_TITLE: return _("Change Title of “%s”");
      case SB_ITEM_FIELD_DESCRIPTION: return _("Change Description of “%s”");
      case SB_ITEM_FIELD_DATE: return _("Change Date of “%s”");
      case SB_ITEM_FIELD_CERTAINTY: return _("Change Certainty of “%s”");
      case SB_ITEM_FIELD_CLAIMED_BY: return _("Change Who Claims “%s”");
      case SB_ITEM_FIELD_CITATIONS: return _("Change Citations of “%s”");
      case SB_ITEM_FIELD_FIGURES: return _("Change Figures of “%s”");
      case SB_ITEM_FIELD_ACTORS: return _("Change Actors of “%s”");
      case SB_ITEM_FIELD_TARGETS: return _("Change Targets of “%s”");
      case SB_ITEM_FIELD_PLACE:
      case SB_ITEM_FIELD_ORIGIN: return _("Move “%s”");
      case SB_ITEM_FIELD_STATUS: return _("Change Status of “%s”");
      case SB_ITEM_FIELD_SUBTYPE: return _("Change Type of “%s”");
      case SB_ITEM_FIELD_QUANTITY:
        return SB_ITEM (entity)->kind == SB_ITEM_KIND_INCIDENT ? _("Change Fatalities of “%s”")
                                                               : _("Change Strength of “%s”");
      case SB_ITEM_FIELD_ROLE: return _("Change Role of “%s”");
      case SB_ITEM_FIELD_NAME: return _("Rename “%s”");
      case SB_ITEM_FIELD_BOUNDARY: return _("Change Boundary of “%s”");
      case SB_ITEM_FIELD_GEOMETRY: default: return _("Reshape “%s”");
      }

  switch ((SbStepField) field)
    {
    case SB_STEP_FIELD_TITLE: return _("Change Title of “%s”");
    case SB_STEP_FIELD_CAPTION: return _("Change Caption of “%s”");
    case SB_STEP_FIELD_NOTES: return _("Change Notes of “%s”");
    case SB_STEP_FIELD_CENTER:
    case SB_STEP_FIELD_FRAME: return _("Change View of “%s”");
    case SB_STEP_FIELD_LAYERS: return _("Change Layers of “%s”");
    case SB_STEP_FIELD_SHOW: return _("Change What “%s” Shows");
    case SB_STEP_FIELD_HIGHLIGHT: return _("Change What “%s” Highlights");
    case SB_STEP_FIELD_CITATION: default: return _("Change Passage Shown in Step “%s”");
    }
}

/* @format names the entity with its one “%s”. */
static char *
format_label (const char *format,
              SbEntity   *entity)
{
  g_autofree char *name = short_label (entity);
  g_autoptr(GString) label = g_string_new (format);

  g_string_replace (label, "%s", name, 1);
  return g_string_free (g_steal_pointer (&label), FALSE);
}

/**
 * sb_edit_new_set:
 * @entity: a source, actor, place, statement or step
 * @field: one of its fields, as %SB_ITEM_FIELD_DATE
 * @value: a value of the type sb_field_get_value_type() gives
 *
 * Returns: (transfer full): an edit that sets @field to @value
 */
SbEdit *
sb_edit_new_set (SbEntity     *entity,
                 guint         field,
                 const GValue *value)
{
  SbEdit *self;
  GType type;

  g_return_val_if_fail (SB_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  type = sb_field_get_value_type (G_OBJECT_TYPE (entity), field);
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);
  g_return_val_if_fail (G_VALUE_HOLDS (value, type), NULL);

  self = edit_new (SB_EDIT_SET, entity);
  self->field = field;
  g_value_init (&self->value, type);
  g_value_copy (value, &self->value);
  self->label = format_label (field_label_format (entity, field), entity);

  /* These lists are there even when empty. */
  if (type == G_TYPE_PTR_ARRAY && g_value_get_boxed (value) == NULL)
    {
      if ((SB_IS_ITEM (entity) && field == SB_ITEM_FIELD_CITATIONS) ||
          (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_CITATIONS))
        g_value_take_boxed (&self->value, g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref));
      else if (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_FIGURES)
        g_value_take_boxed (&self->value, g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free));
      else if (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_RELATIONS)
        g_value_take_boxed (&self->value, g_ptr_array_new_with_free_func ((GDestroyNotify) sb_relation_free));
    }

  return self;
}

/**
 * sb_edit_new_set_briefing:
 *
 * Returns: (transfer full): an edit that sets one of the briefing's own
 *   fields: its title, language, …
 */
SbEdit *
sb_edit_new_set_briefing (SbBriefingField  field,
                          const GValue    *value)
{
  SbEdit *self;
  GType type;

  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  type = sb_field_get_value_type (SB_TYPE_BRIEFING, field);
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);
  g_return_val_if_fail (G_VALUE_HOLDS (value, type), NULL);

  self = edit_new (SB_EDIT_SET, NULL);
  self->field = field;
  g_value_init (&self->value, type);
  g_value_copy (value, &self->value);
  self->label = g_strdup (briefing_field_label (field));

  return self;
}

/**
 * sb_edit_new_set_briefing_text:
 * @text: (nullable): the briefing's title, subtitle or description
 */
SbEdit *
sb_edit_new_set_briefing_text (SbBriefingField  field,
                               SbText          *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, SB_TYPE_TEXT);
  g_value_set_boxed (&value, text);
  return sb_edit_new_set_briefing (field, &value);
}

/**
 * sb_edit_new_set_text:
 * @text: (nullable): the text, or %NULL to leave it out
 */
SbEdit *
sb_edit_new_set_text (SbEntity *entity,
                      guint     field,
                      SbText   *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, SB_TYPE_TEXT);
  g_value_set_boxed (&value, text);
  return sb_edit_new_set (entity, field, &value);
}

/**
 * sb_edit_new_set_string:
 * @string: (nullable): the string, or %NULL to leave it out
 */
SbEdit *
sb_edit_new_set_string (SbEntity   *entity,
                        guint       field,
                        const char *string)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, string);
  return sb_edit_new_set (entity, field, &value);
}

SbEdit *
sb_edit_new_set_int (SbEntity *entity,
                     guint     field,
                     int       number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  return sb_edit_new_set (entity, field, &value);
}

SbEdit *
sb_edit_new_set_double (SbEntity *entity,
                        guint     field,
                        double    number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  return sb_edit_new_set (entity, field, &value);
}

SbEdit *
sb_edit_new_set_date (SbEntity     *entity,
                      guint         field,
                      const SbDate *date)
{
  g_auto(GValue) value = G_VALUE_INIT;
  SbDate unset = { 0, };

  g_value_init (&value, SB_TYPE_DATE);
  g_value_set_boxed (&value, date ? date : &unset);
  return sb_edit_new_set (entity, field, &value);
}

SbEdit *
sb_edit_new_set_quantity (SbEntity         *entity,
                          guint             field,
                          const SbQuantity *quantity)
{
  g_auto(GValue) value = G_VALUE_INIT;
  SbQuantity unset = { 0, };

  g_value_init (&value, SB_TYPE_QUANTITY);
  g_value_set_boxed (&value, quantity ? quantity : &unset);
  return sb_edit_new_set (entity, field, &value);
}

/**
 * sb_edit_new_set_entity:
 * @value: (nullable): the actor or place the field refers to
 */
SbEdit *
sb_edit_new_set_entity (SbEntity *entity,
                        guint     field,
                        SbEntity *target)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SB_IS_ENTITY (entity), NULL);

  g_value_init (&value, sb_field_get_value_type (G_OBJECT_TYPE (entity), field));
  g_value_set_object (&value, target);
  return sb_edit_new_set (entity, field, &value);
}

/**
 * sb_edit_new_set_array:
 * @array: (nullable): citations, figures, relations or entities, as the
 *   field holds them; the edit keeps a reference and it must not change
 */
SbEdit *
sb_edit_new_set_array (SbEntity  *entity,
                       guint      field,
                       GPtrArray *array)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, array);
  return sb_edit_new_set (entity, field, &value);
}

/**
 * sb_edit_new_set_position:
 *
 * Returns: (transfer full): one edit that moves @place: what placing it
 *   on the map or dragging it does
 */
SbEdit *
sb_edit_new_set_position (SbPlace *place,
                          double   latitude,
                          double   longitude)
{
  SbEdit *self;

  g_return_val_if_fail (SB_IS_PLACE (place), NULL);

  /* The first edit names the group: "Move “Gao”". */
  self = sb_edit_new_group (NULL);
  sb_edit_group_add (self, sb_edit_new_set_double (SB_ENTITY (place), SB_PLACE_FIELD_LATITUDE, latitude));
  sb_edit_group_add (self, sb_edit_new_set_double (SB_ENTITY (place), SB_PLACE_FIELD_LONGITUDE, longitude));

  return self;
}

static const char *
insert_label (SbEntity *entity)
{
  if (SB_IS_SOURCE (entity))
    return _("Add Source");
  if (SB_IS_ACTOR (entity))
    return _("Add Actor");
  if (SB_IS_PLACE (entity))
    return _("Add Place");
  if (SB_IS_STEP (entity))
    return _("Add Step");

  switch (SB_ITEM (entity)->kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      return _("Add Deployment");
    case SB_ITEM_KIND_MOVEMENT:
      return _("Add Movement");
    case SB_ITEM_KIND_INCIDENT:
      return _("Add Incident");
    case SB_ITEM_KIND_AREA:
    default:
      return _("Add Area");
    }
}

/**
 * sb_edit_new_insert:
 * @entity: an entity in no briefing, with an id none of the briefing's
 *   entities has (sb_briefing_make_id())
 * @position: where in its list; -1 for the end
 *
 * Returns: (transfer full): an edit that adds @entity; applying it
 *   selects it
 */
SbEdit *
sb_edit_new_insert (SbEntity *entity,
                    int       position)
{
  SbEdit *self;

  g_return_val_if_fail (SB_IS_ENTITY (entity), NULL);

  self = edit_new (SB_EDIT_INSERT, entity);
  self->position = position;
  self->label = g_strdup (insert_label (entity));
  self->select = g_object_ref (entity);

  return self;
}

static SbEdit *
remove_new (SbEntity *entity)
{
  SbEdit *self = edit_new (SB_EDIT_REMOVE, entity);

  self->label = format_label (_("Remove “%s”"), entity);
  return self;
}

/**
 * sb_edit_new_remove:
 *
 * Returns: (transfer full) (nullable): an edit that removes @entity, or
 *   %NULL with %SB_EDIT_ERROR_REFERENCED when something refers to it
 *   (then sb_edit_new_remove_with_references() removes both)
 */
SbEdit *
sb_edit_new_remove (SbBriefing  *briefing,
                    SbEntity    *entity,
                    GError     **error)
{
  g_autoptr(GPtrArray) referrers = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ENTITY (entity), NULL);

  referrers = sb_briefing_find_references (briefing, entity);
  if (referrers->len > 0)
    {
      g_autofree char *name = short_label (entity);

      g_set_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_REFERENCED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is referred to by %u other part of the briefing",
                                "“%s” is referred to by %u other parts of the briefing",
                                referrers->len),
                   name, referrers->len);
      return NULL;
    }

  return remove_new (entity);
}

/**
 * sb_edit_new_remove_with_references:
 *
 * Returns: (transfer full): one edit that takes every reference to
 *   @entity out of what refers to it (citations of a source, a statement's
 *   actor or place, a step's highlights, …), then removes @entity
 */
SbEdit *
sb_edit_new_remove_with_references (SbBriefing *briefing,
                                    SbEntity   *entity)
{
  g_autoptr(GPtrArray) referrers = NULL;
  g_autofree char *label = NULL;
  SbEdit *group;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ENTITY (entity), NULL);

  referrers = sb_briefing_find_references (briefing, entity);
  if (referrers->len == 0)
    return remove_new (entity);

  label = format_label (_("Remove “%s”"), entity);
  group = sb_edit_new_group (label);
  group->entity = g_object_ref (entity);
  for (guint i = 0; i < referrers->len; i++)
    {
      SbEntity *referrer = g_ptr_array_index (referrers, i);
      guint64 fields = sb_entity_get_referring_fields (referrer, entity);

      for (guint field = 0; field < 64; field++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          if ((fields & (G_GUINT64_CONSTANT (1) << field)) == 0)
            continue;
          sb_entity_get_field_without (referrer, field, entity, &value);
          sb_edit_group_add (group, sb_edit_new_set (referrer, field, &value));
        }
    }
  sb_edit_group_add (group, remove_new (entity));

  return group;
}

/**
 * sb_edit_new_move:
 * @position: the place in its list it moves to
 *
 * Returns: (transfer full): an edit that reorders: a step moved up or down
 */
SbEdit *
sb_edit_new_move (SbEntity *entity,
                  guint     position)
{
  SbEdit *self;

  g_return_val_if_fail (SB_IS_ENTITY (entity), NULL);

  self = edit_new (SB_EDIT_MOVE, entity);
  self->position = position;
  self->label = format_label (SB_IS_STEP (entity) ? _("Move Step “%s”") : _("Reorder “%s”"), entity);

  return self;
}

/**
 * sb_edit_new_group:
 * @label: (nullable): its name, as "Add Incident"; the first edit's when
 *   %NULL
 *
 * Returns: (transfer full): an edit made of several, applied in order
 *   and undone as one
 */
SbEdit *
sb_edit_new_group (const char *label)
{
  SbEdit *self = edit_new (SB_EDIT_GROUP, NULL);

  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_edit_unref);
  self->label = g_strdup (label);

  return self;
}

/**
 * sb_edit_group_add:
 * @edit: (transfer full): an edit not applied yet
 */
void
sb_edit_group_add (SbEdit *group,
                   SbEdit *edit)
{
  g_return_if_fail (group != NULL && group->kind == SB_EDIT_GROUP);
  g_return_if_fail (edit != NULL);
  g_return_if_fail (!group->applied);

  if (group->label == NULL)
    group->label = g_strdup (edit->label);
  if (group->select == NULL && edit->select != NULL)
    group->select = g_object_ref (edit->select);
  if (group->entity == NULL && edit->entity != NULL)
    group->entity = g_object_ref (edit->entity);

  g_ptr_array_add (group->children, edit);
}

guint
sb_edit_group_get_n_edits (SbEdit *group)
{
  g_return_val_if_fail (group != NULL, 0);

  return group->children ? group->children->len : 0;
}

/* An insert of @entity, and sets of its first fields, as one edit. */
static SbEdit *
insert_with (SbEntity *entity,
             int       position)
{
  SbEdit *group = sb_edit_new_group (insert_label (entity));

  sb_edit_group_add (group, sb_edit_new_insert (entity, position));
  return group;
}

/**
 * sb_edit_new_add_source:
 * @title: (nullable): its title
 * @language: (nullable): the language of its text; the briefing's when
 *   %NULL
 *
 * Returns: (transfer full): an edit that adds a new source; its text is
 *   set by a further edit
 */
SbEdit *
sb_edit_new_add_source (SbBriefing *briefing,
                        SbText     *title,
                        const char *language)
{
  g_autofree char *id = NULL;
  g_autoptr(SbSource) source = NULL;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  id = sb_briefing_make_id (briefing, "source");
  source = _sb_source_new (id);
  edit = insert_with (SB_ENTITY (source), -1);
  if (title != NULL)
    sb_edit_group_add (edit, sb_edit_new_set_text (SB_ENTITY (source), SB_SOURCE_FIELD_TITLE, title));
  sb_edit_group_add (edit, sb_edit_new_set_string (SB_ENTITY (source), SB_SOURCE_FIELD_LANGUAGE,
                                                   language ? language : sb_briefing_get_language (briefing)));
  return edit;
}

SbEdit *
sb_edit_new_add_actor (SbBriefing  *briefing,
                       SbText      *name,
                       SbActorKind  kind)
{
  g_autofree char *id = NULL;
  g_autoptr(SbActor) actor = NULL;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  id = sb_briefing_make_id (briefing, "actor");
  actor = _sb_actor_new (id);
  edit = insert_with (SB_ENTITY (actor), -1);
  if (name != NULL)
    sb_edit_group_add (edit, sb_edit_new_set_text (SB_ENTITY (actor), SB_ACTOR_FIELD_NAME, name));
  sb_edit_group_add (edit, sb_edit_new_set_int (SB_ENTITY (actor), SB_ACTOR_FIELD_KIND, kind));
  return edit;
}

/**
 * sb_edit_new_add_place:
 *
 * Returns: (transfer full): an edit that adds a place; give it to a
 *   statement with sb_edit_new_set_entity() in the same group
 */
SbEdit *
sb_edit_new_add_place (SbBriefing       *briefing,
                       SbText           *name,
                       double            latitude,
                       double            longitude,
                       SbPlacePrecision  precision)
{
  g_autofree char *id = NULL;
  g_autoptr(SbPlace) place = NULL;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  id = sb_briefing_make_id (briefing, "place");
  place = _sb_place_new (id);
  edit = insert_with (SB_ENTITY (place), -1);
  if (name != NULL)
    sb_edit_group_add (edit, sb_edit_new_set_text (SB_ENTITY (place), SB_PLACE_FIELD_NAME, name));
  sb_edit_group_add (edit, sb_edit_new_set_double (SB_ENTITY (place), SB_PLACE_FIELD_LATITUDE, latitude));
  sb_edit_group_add (edit, sb_edit_new_set_double (SB_ENTITY (place), SB_PLACE_FIELD_LONGITUDE, longitude));
  sb_edit_group_add (edit, sb_edit_new_set_int (SB_ENTITY (place), SB_PLACE_FIELD_PRECISION, precision));
  return edit;
}

static const char *
item_id_prefix (SbItemKind kind)
{
  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      return "deployment";
    case SB_ITEM_KIND_MOVEMENT:
      return "movement";
    case SB_ITEM_KIND_INCIDENT:
      return "incident";
    case SB_ITEM_KIND_AREA:
    default:
      return "area";
    }
}

/**
 * sb_edit_new_add_item:
 * @citation: (nullable): the passage it comes from: what Cite makes
 * @certainty: how certain the passage says it is
 *
 * Returns: (transfer full): an edit that adds a statement of @kind citing
 *   @citation, undated and unplaced: further edits of the same group or
 *   after it fill it in, and the Problems list says what it still lacks
 */
SbEdit *
sb_edit_new_add_item (SbBriefing  *briefing,
                      SbItemKind   kind,
                      SbCitation  *citation,
                      SbCertainty  certainty)
{
  g_autofree char *id = NULL;
  g_autoptr(SbItem) item = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (kind < SB_N_ITEM_KINDS, NULL);

  id = sb_briefing_make_id (briefing, item_id_prefix (kind));
  item = _sb_item_new (id, kind);
  item->evidence.certainty = certainty;
  item->evidence.citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  if (citation != NULL)
    g_ptr_array_add (item->evidence.citations, sb_citation_ref (citation));
  if (kind == SB_ITEM_KIND_AREA)
    _sb_item_extra (item)->boundary = SB_BOUNDARY_SCHEMATIC;

  return insert_with (SB_ENTITY (item), -1);
}

/**
 * sb_edit_new_add_step:
 * @position: where among the steps; -1 for the end
 * @title: (nullable): its title
 */
SbEdit *
sb_edit_new_add_step (SbBriefing *briefing,
                      int         position,
                      SbText     *title)
{
  g_autofree char *id = NULL;
  g_autoptr(SbStep) step = NULL;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  id = sb_briefing_make_id (briefing, "step");
  step = _sb_step_new (id);
  edit = insert_with (SB_ENTITY (step), position);
  if (title != NULL)
    sb_edit_group_add (edit, sb_edit_new_set_text (SB_ENTITY (step), SB_STEP_FIELD_TITLE, title));
  return edit;
}

/* The defaults of a kind's own fields. */
static int
default_subtype (SbItemKind kind)
{
  switch (kind)
    {
    case SB_ITEM_KIND_INCIDENT:
      return SB_INCIDENT_TYPE_OTHER;
    case SB_ITEM_KIND_AREA:
      return SB_AREA_KIND_OPERATIONS;
    case SB_ITEM_KIND_MOVEMENT:
    case SB_ITEM_KIND_DEPLOYMENT:
    default:
      return 0;
    }
}

/* A statement of @kind with what @item says that @kind can say. */
static SbItem *
item_as_kind (SbItem     *item,
              SbItemKind  kind)
{
  SbItem *copy = _sb_item_new (sb_entity_get_id (SB_ENTITY (item)), kind);
  gboolean one_actor = kind == SB_ITEM_KIND_DEPLOYMENT || kind == SB_ITEM_KIND_MOVEMENT;

  copy->title = item->title ? sb_text_ref (item->title) : NULL;
  copy->description = item->description ? sb_text_ref (item->description) : NULL;
  copy->date = item->date;
  copy->first_day = item->first_day;
  copy->evidence.certainty = item->evidence.certainty;
  copy->evidence.claimed_by = item->evidence.claimed_by;
  copy->evidence.citations = g_ptr_array_ref (item->evidence.citations);
  if (_sb_item_peek_extra (item)->figures != NULL)
    _sb_item_extra (copy)->figures = g_ptr_array_ref (item->extra->figures);

  if (item->actors != NULL && item->actors->len > 0)
    {
      copy->actors = g_ptr_array_new ();
      for (guint i = 0; i < item->actors->len && (!one_actor || i < 1); i++)
        g_ptr_array_add (copy->actors, g_ptr_array_index (item->actors, i));
    }

  if (kind != SB_ITEM_KIND_AREA)
    copy->place = item->place;
  if (kind == SB_ITEM_KIND_MOVEMENT && _sb_item_peek_extra (item)->origin != NULL)
    _sb_item_extra (copy)->origin = item->extra->origin;

  copy->subtype = item->kind == kind ? item->subtype : default_subtype (kind);
  copy->status = item->kind == kind ? item->status : 0;
  copy->quantity = item->quantity;
  if (kind == SB_ITEM_KIND_DEPLOYMENT && _sb_item_peek_extra (item)->role != NULL)
    _sb_item_extra (copy)->role = sb_text_ref (item->extra->role);
  if (kind == SB_ITEM_KIND_AREA)
    {
      const SbItemExtra *from = _sb_item_peek_extra (item);
      SbItemExtra *extra = _sb_item_extra (copy);

      extra->name = from->name ? sb_text_ref (from->name) : NULL;
      extra->boundary = item->kind == kind ? from->boundary : SB_BOUNDARY_SCHEMATIC;
      extra->geometry = from->geometry ? sb_geometry_copy (from->geometry) : NULL;
    }

  return copy;
}

/**
 * sb_edit_new_set_kind:
 *
 * Returns: (transfer full): one edit that makes @item a statement of
 *   @kind under the same id: what the kinds share is kept (texts, date,
 *   evidence, actors, place), steps refer to the new one; selects it
 */
SbEdit *
sb_edit_new_set_kind (SbBriefing *briefing,
                      SbItem     *item,
                      SbItemKind  kind)
{
  g_autoptr(SbItem) replacement = NULL;
  g_autoptr(GPtrArray) referrers = NULL;
  g_autofree char *label = NULL;
  SbEdit *group;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ITEM (item), NULL);
  g_return_val_if_fail (kind < SB_N_ITEM_KINDS, NULL);

  replacement = item_as_kind (item, kind);
  label = format_label (_("Change Kind of “%s”"), SB_ENTITY (item));
  group = sb_edit_new_group (label);
  group->entity = g_object_ref (SB_ENTITY (replacement));

  /* Steps show, highlight and frame the new one instead. */
  referrers = sb_briefing_find_references (briefing, SB_ENTITY (item));
  for (guint i = 0; i < referrers->len; i++)
    {
      SbEntity *step = g_ptr_array_index (referrers, i);
      guint64 fields = sb_entity_get_referring_fields (step, SB_ENTITY (item));

      for (guint field = 0; field < 64; field++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          GPtrArray *entities;

          if ((fields & (G_GUINT64_CONSTANT (1) << field)) == 0)
            continue;

          sb_entity_get_field (step, field, &value);
          entities = g_ptr_array_copy (g_value_get_boxed (&value), NULL, NULL);
          for (guint e = 0; e < entities->len; e++)
            if (g_ptr_array_index (entities, e) == (gpointer) item)
              entities->pdata[e] = replacement;
          sb_edit_group_add (group, sb_edit_new_set_array (step, field, entities));
          g_ptr_array_unref (entities);
        }
    }

  sb_edit_group_add (group, remove_new (SB_ENTITY (item)));
  sb_edit_group_add (group, sb_edit_new_insert (SB_ENTITY (replacement), -1));
  g_set_object (&group->select, SB_ENTITY (replacement));

  return group;
}

const char *
sb_edit_get_label (SbEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label ? self->label : "";
}

void
sb_edit_set_label (SbEdit     *self,
                   const char *label)
{
  g_return_if_fail (self != NULL);

  g_free (self->label);
  self->label = g_strdup (label);
}

/**
 * sb_edit_get_entity:
 *
 * Returns: (transfer none) (nullable): the entity the edit changes, adds
 *   or removes (the first of a group's); %NULL for the briefing's fields
 */
SbEntity *
sb_edit_get_entity (SbEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->entity;
}

/**
 * sb_edit_get_select:
 *
 * Returns: (transfer none) (nullable): what applying the edit selects
 */
SbEntity *
sb_edit_get_select (SbEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->select;
}

void
sb_edit_set_select (SbEdit   *self,
                    SbEntity *entity)
{
  g_return_if_fail (self != NULL);

  g_set_object (&self->select, entity);
}

static void
apply (SbEdit     *self,
       SbBriefing *briefing,
       gboolean    undo)
{
  switch (self->kind)
    {
    case SB_EDIT_SET:
      _sb_briefing_swap_field (briefing, self->entity, self->field, &self->value);
      break;

    case SB_EDIT_INSERT:
    case SB_EDIT_REMOVE:
      if ((self->kind == SB_EDIT_INSERT) != undo)
        {
          GPtrArray *array = _sb_briefing_array_for (briefing, self->entity, NULL, NULL);

          if (self->position < 0 || (guint) self->position > array->len)
            self->position = array->len;
          _sb_briefing_insert (briefing, self->entity, self->position);
        }
      else
        self->position = _sb_briefing_remove (briefing, self->entity);
      break;

    case SB_EDIT_MOVE:
      if (!undo)
        {
          GPtrArray *array = _sb_briefing_array_for (briefing, self->entity, NULL, NULL);
          guint from = 0;

          g_ptr_array_find (array, self->entity, &from);
          self->other = from;
          _sb_briefing_move (briefing, self->entity, MIN ((guint) self->position, array->len - 1));
        }
      else
        _sb_briefing_move (briefing, self->entity, self->other);
      break;

    case SB_EDIT_GROUP:
    default:
      for (guint i = 0; i < self->children->len; i++)
        apply (g_ptr_array_index (self->children, undo ? self->children->len - 1 - i : i),
               briefing, undo);
      break;
    }
}

/* What a group did to an id so far, as check() follows it. */
enum { UNTOUCHED, INSERTED, REMOVED };

/* Whether @self can be applied to @briefing as it is now. */
static gboolean
check (SbEdit      *self,
       SbBriefing  *briefing,
       GHashTable  *inserted,
       GError     **error)
{
  const char *id = self->entity ? sb_entity_get_id (self->entity) : NULL;

  switch (self->kind)
    {
    case SB_EDIT_INSERT:
      /* An id a removal earlier in the group gave up may be taken again. */
      if ((sb_briefing_lookup (briefing, id) != NULL &&
           GPOINTER_TO_INT (g_hash_table_lookup (inserted, id)) != REMOVED) ||
          GPOINTER_TO_INT (g_hash_table_lookup (inserted, id)) == INSERTED)
        {
          g_set_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_INVALID,
                       _("the briefing already has something with the id “%s”"),
                       sb_entity_get_id (self->entity));
          return FALSE;
        }
      g_hash_table_insert (inserted, (gpointer) id, GINT_TO_POINTER (INSERTED));
      return TRUE;

    case SB_EDIT_REMOVE:
    case SB_EDIT_MOVE:
      if ((sb_briefing_lookup (briefing, id) != self->entity ||
           GPOINTER_TO_INT (g_hash_table_lookup (inserted, id)) == REMOVED) &&
          GPOINTER_TO_INT (g_hash_table_lookup (inserted, id)) != INSERTED)
        {
          g_set_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_INVALID,
                       _("“%s” is not in the briefing"), id);
          return FALSE;
        }
      if (self->kind == SB_EDIT_REMOVE)
        g_hash_table_insert (inserted, (gpointer) id, GINT_TO_POINTER (REMOVED));
      return TRUE;

    case SB_EDIT_GROUP:
      for (guint i = 0; i < self->children->len; i++)
        if (!check (g_ptr_array_index (self->children, i), briefing, inserted, error))
          return FALSE;
      return TRUE;

    case SB_EDIT_SET:
    default:
      return TRUE;
    }
}

/**
 * _sb_edit_apply:
 *
 * Applies @self to @briefing, where it was not applied yet or was undone.
 *
 * Returns: %FALSE, changing nothing, when @self cannot apply
 */
gboolean
_sb_edit_apply (SbEdit      *self,
                SbBriefing  *briefing,
                GError     **error)
{
  g_autoptr(GHashTable) inserted = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (!self->applied, FALSE);

  if (!check (self, briefing, inserted, error))
    return FALSE;

  apply (self, briefing, FALSE);
  self->applied = TRUE;
  return TRUE;
}

void
_sb_edit_undo (SbEdit     *self,
               SbBriefing *briefing)
{
  g_return_if_fail (self->applied);

  apply (self, briefing, TRUE);
  self->applied = FALSE;
}

/**
 * _sb_edit_merge:
 * @next: an edit applied just after @self
 *
 * Makes @self, applied, stand for both when @next sets the same text
 * field of the same entity: consecutive typing undone in one step.
 *
 * Returns: whether @self now stands for @next as well
 */
gboolean
_sb_edit_merge (SbEdit *self,
                SbEdit *next)
{
  GType type;

  if (self->kind != SB_EDIT_SET || next->kind != SB_EDIT_SET ||
      self->entity != next->entity || self->field != next->field)
    return FALSE;

  type = self->entity ? G_OBJECT_TYPE (self->entity) : SB_TYPE_BRIEFING;
  if (!sb_field_is_text (type, self->field))
    return FALSE;

  /* @self keeps the value from before both. */
  return TRUE;
}

/**
 * _sb_edit_format_label:
 * @format: a label with a “%s” for @entity's short label
 *
 * Returns: (transfer full): @format with its first “%s” replaced
 */
char *
_sb_edit_format_label (const char *format,
                       SbEntity   *entity)
{
  return format_label (format, entity);
}

/* Removes @entity whatever refers to it: for edits that first move those
 * references elsewhere in the same group.
 */
SbEdit *
_sb_edit_new_remove_only (SbEntity *entity)
{
  return remove_new (entity);
}

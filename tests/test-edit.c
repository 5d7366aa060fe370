/* test-edit.c
 *
 * Editing a briefing: every field of every kind of entity set and undone,
 * inserting, removing (with and without references), moving, groups,
 * coalesced typing, the unsaved state, what "changed" says, snapshots
 * that do not change, the selection following edits, and the property
 * that random edits undone give the original file byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sb-changes.h"
#include "sb-document.h"
#include "sb-enums.h"
#include "sb-filter.h"
#include "sb-loader.h"
#include "sb-model-private.h"
#include "sb-quotes.h"
#include "sb-selection.h"
#include "sb-writer.h"
#include "sb-test-model.h"

static char *
write_out (SbBriefing *briefing)
{
  return sb_writer_to_data (briefing, NULL);
}

static gpointer
nth (GListModel *model,
     guint       position)
{
  gpointer item = g_list_model_get_item (model, position);

  g_object_unref (item);   /* the briefing holds it */
  return item;
}

/* Random values of every field type, from the briefing's own entities. */
typedef struct
{
  GRand *rand;
  SbBriefing *briefing;
} Random;

static const char *words[] = {
  "Gao", "Wagner", "Niamey", "de Franse troepen", "l’armée", "«MINUSMA»", "Ménaka",
  "line\nbreak", "tab\there", "emoji 🗺", "quote \"x\"", "",
};

static char *
random_string (Random *r)
{
  GString *string = g_string_new (NULL);
  guint n = g_rand_int_range (r->rand, 1, 4);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (string, "%s%s", i ? " " : "", words[g_rand_int_range (r->rand, 0, G_N_ELEMENTS (words))]);

  return g_string_free (string, FALSE);
}

static SbText *
random_text (Random *r)
{
  g_autofree char *a = random_string (r);
  SbText *text;

  if (g_rand_boolean (r->rand))
    return sb_text_new (sb_briefing_get_language (r->briefing) ? sb_briefing_get_language (r->briefing) : "nl", a);

  text = sb_text_new ("en", a);
  g_free (a);
  a = random_string (r);
  sb_text_add (text, "fr", a);
  return text;
}

static SbDate
random_date (Random *r)
{
  SbDate date = { 0, };

  date.start.year = g_rand_int_range (r->rand, 1990, 2030);
  date.start.precision = g_rand_int_range (r->rand, SB_DATE_PRECISION_YEAR, SB_DATE_PRECISION_DAY + 1);
  if (date.start.precision >= SB_DATE_PRECISION_MONTH)
    date.start.month = g_rand_int_range (r->rand, 1, 13);
  if (date.start.precision == SB_DATE_PRECISION_DAY)
    date.start.day = g_rand_int_range (r->rand, 1, 29);
  date.approximate = g_rand_boolean (r->rand);
  if (g_rand_int_range (r->rand, 0, 3) == 0)
    {
      date.is_span = TRUE;
      date.end = date.start;
      date.end.year += g_rand_int_range (r->rand, 0, 3);
    }

  return date;
}

static SbEntity *
random_entity (Random *r,
               GType   type)
{
  GListModel *model;
  guint n;

  if (type == SB_TYPE_SOURCE)
    model = sb_briefing_get_sources (r->briefing);
  else if (type == SB_TYPE_ACTOR)
    model = sb_briefing_get_actors (r->briefing);
  else if (type == SB_TYPE_PLACE)
    model = sb_briefing_get_places (r->briefing);
  else if (type == SB_TYPE_STEP)
    model = sb_briefing_get_steps (r->briefing);
  else
    model = sb_briefing_get_all_items (r->briefing);

  n = g_list_model_get_n_items (model);
  return n ? nth (model, g_rand_int_range (r->rand, 0, n)) : NULL;
}

static SbCitation *
random_citation (Random *r)
{
  SbSource *source = SB_SOURCE (random_entity (r, SB_TYPE_SOURCE));
  const char *text;
  gsize length, start, end;
  g_autofree char *quote = NULL;

  if (source == NULL)
    return NULL;

  text = sb_source_get_text (source);
  if (text == NULL)
    return sb_citation_new (source, NULL);

  length = g_utf8_strlen (text, -1);
  if (length < 2)
    return sb_citation_new (source, text);
  start = g_rand_int_range (r->rand, 0, length - 1);
  end = start + g_rand_int_range (r->rand, 1, 60);
  end = MIN (end, length);
  quote = g_utf8_substring (text, start, end);

  return sb_citation_new (source, quote);
}

static GPtrArray *
random_citations (Random *r)
{
  GPtrArray *citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  guint n = g_rand_int_range (r->rand, 0, 3);

  for (guint i = 0; i < n; i++)
    {
      SbCitation *citation = random_citation (r);

      if (citation != NULL)
        g_ptr_array_add (citations, citation);
    }

  return citations;
}

static void
random_evidence (Random     *r,
                 SbEvidence *evidence)
{
  evidence->certainty = g_rand_int_range (r->rand, 0, SB_N_CERTAINTIES);
  evidence->claimed_by = g_rand_boolean (r->rand) ? SB_ACTOR (random_entity (r, SB_TYPE_ACTOR)) : NULL;
  evidence->citations = random_citations (r);
}

static SbQuantity
random_quantity (Random *r)
{
  SbQuantity quantity = { 0, };

  if (g_rand_int_range (r->rand, 0, 4) == 0)
    return quantity;

  quantity.is_set = TRUE;
  quantity.min = g_rand_int_range (r->rand, 0, 5000);
  quantity.is_range = g_rand_boolean (r->rand);
  quantity.max = quantity.is_range ? quantity.min + g_rand_int_range (r->rand, 1, 500) : quantity.min;
  quantity.approximate = g_rand_boolean (r->rand);
  return quantity;
}

static GPtrArray *
random_figures (Random *r)
{
  GPtrArray *figures = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);
  guint n = g_rand_int_range (r->rand, 0, 3);

  for (guint i = 0; i < n; i++)
    {
      SbFigure *figure = sb_figure_new ();

      figure->measure = g_rand_int_range (r->rand, 0, SB_FIGURE_MEASURE_OTHER + 1);
      figure->label = g_rand_boolean (r->rand) ? random_text (r) : NULL;
      figure->value = random_quantity (r);
      figure->as_of = random_date (r);
      random_evidence (r, &figure->evidence);
      g_ptr_array_add (figures, figure);
    }

  return figures;
}

static GPtrArray *
random_relations (Random *r)
{
  GPtrArray *relations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_relation_free);
  guint n = g_rand_int_range (r->rand, 0, 3);

  for (guint i = 0; i < n; i++)
    {
      SbRelation *relation = sb_relation_new ();

      relation->type = g_rand_int_range (r->rand, 0, SB_RELATION_TYPE_HOSTS + 1);
      relation->target = SB_ACTOR (random_entity (r, SB_TYPE_ACTOR));
      relation->description = g_rand_boolean (r->rand) ? random_text (r) : NULL;
      if (g_rand_boolean (r->rand))
        relation->date = random_date (r);
      random_evidence (r, &relation->evidence);
      g_ptr_array_add (relations, relation);
    }

  return relations;
}

static GPtrArray *
random_entities (Random *r,
                 GType   type)
{
  GPtrArray *entities = g_ptr_array_new ();
  guint n = g_rand_int_range (r->rand, 0, 4);

  for (guint i = 0; i < n; i++)
    {
      SbEntity *entity = random_entity (r, type);

      if (entity != NULL && !g_ptr_array_find (entities, entity, NULL))
        g_ptr_array_add (entities, entity);
    }

  return entities;
}

static SbGeometry *
random_geometry (Random *r)
{
  SbGeometry *geometry = sb_geometry_new (g_rand_int_range (r->rand, 1, 3));

  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      SbRing *ring;
      double lon = g_rand_double_range (r->rand, -10, 10), lat = g_rand_double_range (r->rand, 5, 20);

      geometry->polygons[p].n_rings = 1;
      geometry->polygons[p].rings = g_new0 (SbRing, 1);
      ring = &geometry->polygons[p].rings[0];
      ring->n_points = 4;
      ring->points = g_new (double, 8);
      ring->points[0] = lon, ring->points[1] = lat;
      ring->points[2] = lon + 1, ring->points[3] = lat;
      ring->points[4] = lon, ring->points[5] = lat + 1.5;
      ring->points[6] = lon, ring->points[7] = lat;
    }
  sb_geometry_update_bounds (geometry);

  return geometry;
}

static int
random_int_for (Random *r,
                GType   entity_type,
                guint   field)
{
  if (entity_type == SB_TYPE_ACTOR && field == SB_ACTOR_FIELD_COLOUR)
    return g_rand_boolean (r->rand) ? -1 : g_rand_int_range (r->rand, 0, 0x1000000);
  if (entity_type == SB_TYPE_STEP && field == SB_STEP_FIELD_LAYERS)
    return g_rand_int_range (r->rand, -1, SB_LAYERS_ALL + 1);
  if (entity_type == SB_TYPE_ACTOR && field == SB_ACTOR_FIELD_KIND)
    return g_rand_int_range (r->rand, 0, SB_N_ACTOR_KINDS);
  if (entity_type == SB_TYPE_PLACE && field == SB_PLACE_FIELD_PRECISION)
    return g_rand_int_range (r->rand, 0, SB_PLACE_PRECISION_COUNTRY + 1);
  if (entity_type == SB_TYPE_ITEM && field == SB_ITEM_FIELD_CERTAINTY)
    return g_rand_int_range (r->rand, 0, SB_N_CERTAINTIES);

  return g_rand_int_range (r->rand, 0, 4);
}

/* A value of @field other than most, of the right type. */
static void
random_value (Random *r,
              GType   entity_type,
              guint   field,
              GValue *value)
{
  GType type = sb_field_get_value_type (entity_type, field);
  gboolean unset = g_rand_int_range (r->rand, 0, 6) == 0;

  g_value_init (value, type);

  if (type == SB_TYPE_TEXT)
    {
      if (!unset)
        g_value_take_boxed (value, random_text (r));
    }
  else if (type == G_TYPE_STRING)
    {
      if (!unset)
        g_value_take_string (value, random_string (r));
    }
  else if (type == G_TYPE_STRV)
    {
      if (!unset)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          for (guint i = 0; i < (guint) g_rand_int_range (r->rand, 0, 3); i++)
            {
              g_autofree char *alias = random_string (r);

              g_strv_builder_add (builder, alias);
            }
          g_value_take_boxed (value, g_strv_builder_end (builder));
        }
    }
  else if (type == G_TYPE_INT)
    g_value_set_int (value, random_int_for (r, entity_type, field));
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, g_rand_double_range (r->rand, -80, 80));
  else if (type == SB_TYPE_DATE)
    {
      SbDate date = unset ? (SbDate) { 0, } : random_date (r);

      g_value_set_boxed (value, &date);
    }
  else if (type == SB_TYPE_QUANTITY)
    {
      SbQuantity quantity = random_quantity (r);

      g_value_set_boxed (value, &quantity);
    }
  else if (type == SB_TYPE_ACTOR || type == SB_TYPE_PLACE)
    {
      if (!unset)
        g_value_set_object (value, random_entity (r, type));
    }
  else if (type == SB_TYPE_GEOMETRY)
    g_value_take_boxed (value, random_geometry (r));
  else if (type == SB_TYPE_STEP_CENTER)
    {
      SbStepCenter center = { g_rand_double_range (r->rand, 0, 25), g_rand_double_range (r->rand, -15, 15),
                              g_rand_int_range (r->rand, 3, 10) };

      if (!unset)
        g_value_set_boxed (value, &center);
    }
  else if (type == SB_TYPE_CITATION)
    {
      if (!unset)
        g_value_take_boxed (value, random_citation (r));
    }
  else if (type == G_TYPE_PTR_ARRAY)
    {
      GPtrArray *array;

      if ((entity_type == SB_TYPE_ITEM && field == SB_ITEM_FIELD_CITATIONS) ||
          (entity_type == SB_TYPE_ACTOR && field == SB_ACTOR_FIELD_CITATIONS))
        array = random_citations (r);
      else if (field == SB_ITEM_FIELD_FIGURES && entity_type == SB_TYPE_ITEM)
        array = random_figures (r);
      else if (field == SB_ACTOR_FIELD_FIGURES && entity_type == SB_TYPE_ACTOR)
        array = random_figures (r);
      else if (entity_type == SB_TYPE_ACTOR)
        array = random_relations (r);
      else if (entity_type == SB_TYPE_ITEM)
        array = random_entities (r, SB_TYPE_ACTOR);
      else if (field == SB_STEP_FIELD_SHOW)
        array = random_entities (r, SB_TYPE_ITEM);
      else
        array = random_entities (r, g_rand_boolean (r->rand) ? SB_TYPE_ITEM : SB_TYPE_ACTOR);

      g_value_take_boxed (value, array);
    }
  else
    g_assert_not_reached ();
}

/* 0 is the briefing's own fields. */
static GType
entity_type_at (guint i)
{
  const GType types[] = { SB_TYPE_BRIEFING, SB_TYPE_SOURCE, SB_TYPE_ACTOR, SB_TYPE_PLACE, SB_TYPE_ITEM, SB_TYPE_STEP };

  return types[i];
}

/* Sets every field of one entity of each kind, and undoes each. */
static void
test_every_field (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autofree char *original = write_out (briefing);
  Random r = { g_rand_new_with_seed (7), briefing };
  guint n_edits = 0;

  for (guint t = 0; t < 6; t++)
    {
      GType type = entity_type_at (t);
      guint n_fields = sb_field_get_n_fields (type);

      for (guint field = 0; field < n_fields; field++)
        {
          SbEntity *entity = type == SB_TYPE_BRIEFING ? NULL : random_entity (&r, type);
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) got = G_VALUE_INIT;
          g_autofree char *before = write_out (briefing);
          g_autofree char *after = NULL;
          g_autofree char *undone = NULL;
          SbEdit *edit;

          random_value (&r, type, field, &value);

          edit = entity ? sb_edit_new_set (entity, field, &value)
                        : sb_edit_new_set_briefing (field, &value);
          g_assert_nonnull (edit);
          g_assert_true (sb_document_apply (document, edit, NULL));
          sb_document_break_coalescing (document);
          n_edits++;

          if (entity != NULL)
            sb_entity_get_field (entity, field, &got);
          else
            sb_briefing_get_field (briefing, field, &got);
          g_assert_true (G_VALUE_TYPE (&got) == G_VALUE_TYPE (&value));

          after = write_out (briefing);
          g_assert_true (sb_document_get_modified (document));
          g_assert_true (sb_document_undo (document));
          undone = write_out (briefing);
          g_assert_cmpstr (undone, ==, before);
          g_assert_true (sb_document_redo (document));
          g_free (undone);
          undone = write_out (briefing);
          g_assert_cmpstr (undone, ==, after);
        }
    }

  while (sb_document_undo (document))
    n_edits--;
  g_assert_cmpuint (n_edits, ==, 0);
  {
    g_autofree char *back = write_out (briefing);

    g_assert_cmpstr (back, ==, original);
  }
  g_assert_false (sb_document_get_modified (document));
  g_rand_free (r.rand);
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  *count += added + removed;
}

static void
remember_changes (SbBriefing  *briefing,
                  SbChanges   *changes,
                  SbChanges  **out)
{
  g_clear_pointer (out, sb_changes_unref);
  *out = sb_changes_ref (changes);
}

static void
test_insert_remove_move (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autofree char *original = write_out (briefing);
  g_autoptr(SbChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *incidents = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);
  GListModel *all = sb_briefing_get_all_items (briefing);
  guint n_incidents = g_list_model_get_n_items (incidents);
  guint n_all = g_list_model_get_n_items (all);
  guint notified = 0;
  SbSource *source = nth (sb_briefing_get_sources (briefing), 0);
  g_autoptr(SbCitation) citation = sb_citation_new (source, "Gao");
  SbEntity *added;
  SbEdit *edit;

  g_signal_connect (briefing, "changed", G_CALLBACK (remember_changes), &changes);
  g_signal_connect (incidents, "items-changed", G_CALLBACK (count_items_changed), &notified);

  /* Insert: at the end of its list, and among all items after its kind. */
  edit = sb_edit_new_add_item (briefing, SB_ITEM_KIND_INCIDENT, citation, SB_CERTAINTY_CLAIMED);
  added = sb_edit_get_entity (edit);
  g_assert_true (SB_IS_ITEM (added));
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, n_incidents + 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_all + 1);
  g_assert_true (nth (incidents, n_incidents) == (gpointer) added);
  g_assert_true (sb_briefing_lookup (briefing, sb_entity_get_id (added)) == added);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (sb_changes_was_inserted (changes, added));
  g_assert_true (sb_changes_get_select (changes) == added);
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Add Incident");
  g_assert_cmpuint (sb_item_get_certainty (SB_ITEM (added)), ==, SB_CERTAINTY_CLAIMED);

  g_assert_true (sb_document_undo (document));
  g_assert_true (sb_changes_was_removed (changes, added));
  g_assert_null (sb_briefing_lookup (briefing, sb_entity_get_id (added)));
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, n_incidents);
  g_assert_cmpstr (sb_document_get_redo_label (document), ==, "Redo Add Incident");
  g_assert_true (sb_document_redo (document));
  g_assert_true (sb_briefing_lookup (briefing, sb_entity_get_id (added)) == added);
  g_assert_true (sb_document_undo (document));

  /* A place that statements use is not removed on its own. */
  {
    SbItem *item = nth (all, 0);
    SbEntity *place = SB_ENTITY (sb_item_get_place (item));
    g_autoptr(GPtrArray) referrers = sb_briefing_find_references (briefing, place);

    g_assert_cmpuint (referrers->len, >, 0);
    g_assert_null (sb_edit_new_remove (briefing, place, &error));
    g_assert_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_REFERENCED);
    g_clear_error (&error);

    edit = sb_edit_new_remove_with_references (briefing, place);
    g_assert_true (sb_document_apply (document, edit, NULL));
    g_assert_null (sb_briefing_lookup (briefing, sb_entity_get_id (place)));
    for (guint i = 0; i < referrers->len; i++)
      g_assert_true (sb_changes_has_field (changes, g_ptr_array_index (referrers, i), SB_ITEM_FIELD_PLACE) ||
                     sb_changes_has_field (changes, g_ptr_array_index (referrers, i), SB_ITEM_FIELD_ORIGIN) ||
                     SB_IS_STEP (g_ptr_array_index (referrers, i)));
    g_assert_null (sb_item_get_place (item));
    g_assert_true (sb_changes_was_removed (changes, place));
    g_assert_true (g_str_has_prefix (sb_document_get_undo_label (document), "Undo Remove “"));

    g_assert_true (sb_document_undo (document));
    g_assert_true (sb_item_get_place (item) == SB_PLACE (place));
    g_assert_true (sb_briefing_lookup (briefing, sb_entity_get_id (place)) == place);
  }

  /* Sources, actors and steps: removed with what cites them, undone. */
  {
    SbEntity *entities[] = {
      SB_ENTITY (source),
      nth (sb_briefing_get_actors (briefing), 0),
      nth (sb_briefing_get_steps (briefing), 0),
    };

    for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
      {
        g_autofree char *before = write_out (briefing);
        g_autofree char *after = NULL;
        g_autofree char *quoted_id = g_strdup_printf ("\"%s\"", sb_entity_get_id (entities[i]));

        g_assert_true (sb_document_apply (document, sb_edit_new_remove_with_references (briefing, entities[i]), NULL));
        g_assert_null (sb_briefing_lookup (briefing, sb_entity_get_id (entities[i])));
        after = write_out (briefing);
        g_assert_null (strstr (after, quoted_id));
        g_assert_true (sb_document_undo (document));
        g_free (after);
        after = write_out (briefing);
        g_assert_cmpstr (after, ==, before);
      }
  }

  /* Steps move, and back. */
  {
    GListModel *steps = sb_briefing_get_steps (briefing);
    guint n = g_list_model_get_n_items (steps);
    SbEntity *first = nth (steps, 0);

    g_assert_cmpuint (n, >, 2);
    g_assert_true (sb_document_apply (document, sb_edit_new_move (first, n - 1), NULL));
    g_assert_true (nth (steps, n - 1) == (gpointer) first);
    g_assert_true (sb_changes_get_reordered (changes, SB_TYPE_STEP));
    g_assert_true (sb_document_undo (document));
    g_assert_true (nth (steps, 0) == (gpointer) first);
  }

  /* An id the briefing has cannot be added twice. */
  {
    g_autoptr(SbBriefing) other = sb_test_load_default ();
    SbEntity *twin = nth (sb_briefing_get_places (other), 0);

    g_assert_false (sb_document_apply (document, sb_edit_new_insert (twin, -1), &error));
    g_assert_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_INVALID);
  }

  {
    g_autofree char *back = write_out (briefing);

    g_assert_cmpstr (back, ==, original);
  }
}

static void
test_groups_and_coalescing (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autofree char *original = write_out (briefing);
  g_autoptr(SbChanges) changes = NULL;
  guint n_changed = 0;
  SbItem *item = nth (sb_briefing_get_all_items (briefing), 2);
  SbPlace *place = nth (sb_briefing_get_places (briefing), 1);
  g_autoptr(SbText) a = sb_text_new ("nl", "A");
  g_autoptr(SbText) ab = sb_text_new ("nl", "AB");
  g_autoptr(SbText) abc = sb_text_new ("nl", "ABC");
  guint64 saved;

  g_signal_connect (briefing, "changed", G_CALLBACK (remember_changes), &changes);
  g_signal_connect_swapped (briefing, "changed", G_CALLBACK (g_atomic_int_inc), &n_changed);

  /* Typing in one field is one step to undo. */
  sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, a), NULL);
  sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, ab), NULL);
  sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, abc), NULL);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpstr (sb_text_get (sb_item_get_title (item)), ==, "ABC");
  /* Named after what was there before the typing. */
  g_assert_true (g_str_has_prefix (sb_document_get_undo_label (document), "Undo Change Title of “French"));
  g_assert_true (sb_document_undo (document));
  g_assert_false (sb_document_can_undo (document));
  {
    g_autofree char *back = write_out (briefing);

    g_assert_cmpstr (back, ==, original);
  }
  g_assert_true (sb_document_redo (document));
  g_assert_cmpstr (sb_text_get (sb_item_get_title (item)), ==, "ABC");

  /* Moving on makes the next typing a step of its own. */
  sb_document_break_coalescing (document);
  sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, a), NULL);
  g_assert_true (sb_document_undo (document));
  g_assert_cmpstr (sb_text_get (sb_item_get_title (item)), ==, "ABC");
  g_assert_true (sb_document_undo (document));

  /* A group is one edit, named by its label, told once. */
  n_changed = 0;
  sb_document_begin_group (document, "Place It");
  sb_document_apply (document, sb_edit_new_set_position (place, 16.27, -0.04), NULL);
  sb_document_apply (document, sb_edit_new_set_int (SB_ENTITY (place), SB_PLACE_FIELD_PRECISION,
                                                    SB_PLACE_PRECISION_NEAR), NULL);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_false (sb_document_can_undo (document));
  sb_document_end_group (document);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (sb_changes_has_field (changes, SB_ENTITY (place), SB_PLACE_FIELD_LATITUDE));
  g_assert_true (sb_changes_has_field (changes, SB_ENTITY (place), SB_PLACE_FIELD_PRECISION));
  g_assert_false (sb_changes_has_field (changes, SB_ENTITY (place), SB_PLACE_FIELD_NAME));
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Place It");
  g_assert_cmpfloat (sb_place_get_latitude (place), ==, 16.27);

  /* Saved, modified, and undone back to the saved state. */
  saved = sb_document_get_revision (document);
  sb_document_mark_saved (document, saved);
  g_assert_false (sb_document_get_modified (document));
  g_assert_true (sb_document_undo (document));
  g_assert_true (sb_document_get_modified (document));
  g_assert_true (sb_document_redo (document));
  g_assert_false (sb_document_get_modified (document));

  /* Typing after saving is modified, even when it joins the last step. */
  sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, a), NULL);
  sb_document_mark_saved (document, sb_document_get_revision (document));
  sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, ab), NULL);
  g_assert_true (sb_document_get_modified (document));

  while (sb_document_undo (document))
    ;
  {
    g_autofree char *back = write_out (briefing);

    g_assert_cmpstr (back, ==, original);
  }
}

/* A snapshot keeps the lists it was taken with; the briefing goes on. */
static void
test_snapshots (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbBriefing) snapshot = sb_briefing_get_snapshot (briefing);
  g_autoptr(SbBriefing) again = sb_briefing_get_snapshot (briefing);
  g_autofree char *before = write_out (briefing);
  g_autofree char *snapshot_before = write_out (snapshot);
  g_autoptr(SbFilter) filter = sb_filter_new (briefing);
  g_autoptr(GPtrArray) shown_before = sb_filter_collect_items (filter, SB_ITEM_KIND_INCIDENT, TRUE, NULL);
  guint n = g_list_model_get_n_items (sb_briefing_get_all_items (briefing));
  SbEdit *edit;

  g_assert_true (snapshot == again);
  g_assert_true (sb_briefing_is_snapshot (snapshot));
  g_assert_cmpstr (before, ==, snapshot_before);

  edit = sb_edit_new_add_item (briefing, SB_ITEM_KIND_INCIDENT, NULL, SB_CERTAINTY_REPORTED);
  sb_document_apply (document, edit, NULL);
  sb_document_apply (document, sb_edit_new_remove_with_references (briefing,
                                                                    nth (sb_briefing_get_all_items (briefing), 0)), NULL);

  /* The snapshot and the filter made with it see the briefing as it was. */
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (snapshot)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (briefing)), ==, n);
  {
    g_autoptr(GPtrArray) shown = sb_filter_collect_items (filter, SB_ITEM_KIND_INCIDENT, TRUE, NULL);
    g_autoptr(SbFilter) renewed = sb_filter_with_snapshot (filter);
    g_autoptr(GPtrArray) shown_now = sb_filter_collect_items (renewed, SB_ITEM_KIND_INCIDENT, TRUE, NULL);

    g_assert_cmpuint (shown->len, ==, shown_before->len);
    g_assert_cmpuint (shown_now->len, ==, shown_before->len + 1);
  }

  /* A new snapshot after a change; the same one while nothing changes. */
  {
    g_autoptr(SbBriefing) later = sb_briefing_get_snapshot (briefing);
    g_autoptr(SbBriefing) later_again = sb_briefing_get_snapshot (briefing);

    g_assert_true (later != snapshot);
    g_assert_true (later == later_again);
  }

  while (sb_document_undo (document))
    ;
  {
    g_autofree char *back = write_out (briefing);

    g_assert_cmpstr (back, ==, before);
  }
}

/* The selection lets go of what is removed and comes back on undo. */
static void
test_selection_follows (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  SbEntity *item = nth (sb_briefing_get_all_items (briefing), 3);
  SbFilter *filter;
  SbEdit *edit;

  sb_selection_set_briefing (selection, briefing);
  sb_document_set_selection (document, selection);
  sb_selection_select (selection, item);
  filter = sb_selection_get_filter (selection);

  sb_document_apply (document, sb_edit_new_remove_with_references (briefing, item), NULL);
  g_assert_null (sb_selection_get_selected (selection));
  g_assert_true (sb_selection_get_filter (selection) != filter);

  sb_document_undo (document);
  g_assert_true (sb_selection_get_selected (selection) == item);

  /* What an edit adds is selected. */
  edit = sb_edit_new_add_actor (briefing, NULL, SB_ACTOR_KIND_ARMED_GROUP);
  sb_document_apply (document, sb_edit_ref (edit), NULL);
  g_assert_true (sb_selection_get_selected (selection) == sb_edit_get_entity (edit));
  g_assert_cmpstr (sb_entity_get_label (sb_edit_get_entity (edit)), ==, sb_entity_get_id (sb_edit_get_entity (edit)));
  sb_document_undo (document);
  g_assert_true (sb_selection_get_selected (selection) == item);
  sb_edit_unref (edit);
}

/* The property: any 1,000 edits undone give the file back byte for byte;
 * redone, the file they made.
 */
static void
test_random_edits (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autofree char *original = write_out (briefing);
  g_autofree char *final = NULL;
  guint32 seed = g_test_rand_int ();
  Random r;
  guint n_applied = 0, n_steps = 0;

  g_test_message ("seed %u", seed);
  r.rand = g_rand_new_with_seed (seed);
  r.briefing = briefing;

  for (guint i = 0; i < 1000; i++)
    {
      guint what = g_rand_int_range (r.rand, 0, 20);
      SbEdit *edit = NULL;

      if (what < 14)
        {
          GType type = entity_type_at (g_rand_int_range (r.rand, 0, 6));
          SbEntity *entity = type == SB_TYPE_BRIEFING ? NULL : random_entity (&r, type);
          guint field = g_rand_int_range (r.rand, 0, sb_field_get_n_fields (type));
          g_auto(GValue) value = G_VALUE_INIT;

          if (type != SB_TYPE_BRIEFING && entity == NULL)
            continue;
          random_value (&r, type, field, &value);
          edit = entity ? sb_edit_new_set (entity, field, &value) : sb_edit_new_set_briefing (field, &value);
        }
      else if (what < 17)
        {
          switch (g_rand_int_range (r.rand, 0, 5))
            {
            case 0:
              {
                g_autoptr(SbCitation) citation = random_citation (&r);

                edit = sb_edit_new_add_item (briefing, g_rand_int_range (r.rand, 0, SB_N_ITEM_KINDS),
                                             citation, g_rand_int_range (r.rand, 0, SB_N_CERTAINTIES));
              }
              break;
            case 1:
              {
                g_autoptr(SbText) name = random_text (&r);

                edit = sb_edit_new_add_place (briefing, name, 15, -1, SB_PLACE_PRECISION_POINT);
              }
              break;
            case 2:
              edit = sb_edit_new_add_actor (briefing, NULL, SB_ACTOR_KIND_GOVERNMENT);
              break;
            case 3:
              edit = sb_edit_new_add_step (briefing, g_rand_int_range (r.rand, -1, 3), NULL);
              break;
            default:
              edit = sb_edit_new_add_source (briefing, NULL, "fr");
              break;
            }
        }
      else if (what < 19)
        {
          SbEntity *entity = random_entity (&r, entity_type_at (g_rand_int_range (r.rand, 1, 6)));

          if (entity == NULL)
            continue;
          edit = sb_edit_new_remove_with_references (briefing, entity);
        }
      else
        {
          SbEntity *entity = random_entity (&r, g_rand_boolean (r.rand) ? SB_TYPE_STEP : SB_TYPE_PLACE);
          guint n = g_list_model_get_n_items (SB_IS_STEP (entity) ? sb_briefing_get_steps (briefing)
                                                                    : sb_briefing_get_places (briefing));

          if (entity == NULL)
            continue;
          edit = sb_edit_new_move (entity, g_rand_int_range (r.rand, 0, n));
        }

      g_assert_true (sb_document_apply (document, edit, NULL));
      n_applied++;
      if (g_rand_int_range (r.rand, 0, 3) == 0)
        sb_document_break_coalescing (document);
    }

  final = write_out (briefing);
  g_assert_cmpstr (final, !=, original);
  g_assert_true (sb_document_get_modified (document));

  while (sb_document_undo (document))
    n_steps++;
  g_test_message ("%u edits in %u steps to undo", n_applied, n_steps);
  {
    g_autofree char *back = write_out (briefing);

    g_assert_cmpstr (back, ==, original);
  }
  g_assert_false (sb_document_get_modified (document));

  while (sb_document_redo (document))
    ;
  {
    g_autofree char *again = write_out (briefing);

    g_assert_cmpstr (again, ==, final);
  }

  g_rand_free (r.rand);
}

/* An empty briefing, filled by edits, becomes a file the loader takes. */
static void
test_new_briefing (void)
{
  g_autoptr(SbText) title = sb_text_new ("en", "Niger, week 32");
  g_autoptr(SbBriefing) briefing = sb_briefing_new ("en", title);
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbText) source_title = sb_text_new ("en", "Our article");
  g_autoptr(SbText) description = sb_text_new ("en", "Soldiers arrived in Niamey.");
  g_autoptr(SbText) name = sb_text_new ("en", "Niamey");
  g_autoptr(SbCitation) citation = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SbDate date = { { 2022, 8, 15, SB_DATE_PRECISION_DAY }, };
  SbEdit *source_edit, *place_edit, *item_edit;
  SbEntity *source, *place, *item;
  char *data;
  gsize length;

  g_assert_false (sb_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (briefing)), ==, 0);

  sb_document_begin_group (document, "Cite");
  source_edit = sb_edit_new_add_source (briefing, source_title, NULL);
  source = sb_edit_get_entity (source_edit);
  sb_document_apply (document, source_edit, NULL);
  sb_document_apply (document, sb_edit_new_set_string (source, SB_SOURCE_FIELD_TEXT,
                                                       "Yesterday soldiers arrived in Niamey by air."), NULL);
  sb_document_apply (document, sb_edit_new_set_date (source, SB_SOURCE_FIELD_DATE, &date), NULL);
  citation = sb_citation_new (SB_SOURCE (source), "soldiers arrived in Niamey");
  item_edit = sb_edit_new_add_item (briefing, SB_ITEM_KIND_INCIDENT, citation, SB_CERTAINTY_REPORTED);
  item = sb_edit_get_entity (item_edit);
  sb_document_apply (document, item_edit, NULL);
  place_edit = sb_edit_new_add_place (briefing, name, 13.51, 2.11, SB_PLACE_PRECISION_POINT);
  place = sb_edit_get_entity (place_edit);
  sb_document_apply (document, place_edit, NULL);
  sb_document_apply (document, sb_edit_new_set_entity (item, SB_ITEM_FIELD_PLACE, place), NULL);
  sb_document_apply (document, sb_edit_new_set_text (item, SB_ITEM_FIELD_DESCRIPTION, description), NULL);
  sb_document_apply (document, sb_edit_new_set_date (item, SB_ITEM_FIELD_DATE, &date), NULL);
  sb_document_apply (document, sb_edit_new_set_int (item, SB_ITEM_FIELD_SUBTYPE, SB_INCIDENT_TYPE_ARRIVAL), NULL);
  sb_document_end_group (document);

  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Cite");
  g_assert_true (sb_document_get_modified (document));

  data = sb_writer_to_data (briefing, &length);
  bytes = g_bytes_new_take (data, length);
  loaded = sb_loader_load_bytes (bytes, &problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", sb_problem_to_string (g_ptr_array_index (problems, i), NULL));
  g_assert_nonnull (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_items (loaded, SB_ITEM_KIND_INCIDENT)), ==, 1);
  g_assert_cmpuint (sb_briefing_get_first_day (briefing), ==, sb_briefing_get_first_day (loaded));

  g_assert_true (sb_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), ==, 0);
  g_assert_false (sb_document_get_modified (document));
}

/* A source's text is protected: a change shows the quotes it would lose. */
static void
test_lost_quotes (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbSource *source = SB_SOURCE (sb_briefing_lookup (briefing, "article-2022-08-mali"));
  const char *text = sb_source_get_text (source);
  const char *quote = "Frankrijk heeft nu zo'n duizend militairen in buurland Niger gestationeerd";
  g_autoptr(GPtrArray) none = sb_source_find_lost_quotes (briefing, source, text);
  g_autoptr(GPtrArray) lost = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) changed = g_string_new (text);
  gboolean niger_found = FALSE;

  g_assert_cmpuint (none->len, ==, 0);

  /* One word changed in one sentence. */
  g_assert_nonnull (strstr (text, quote));
  g_string_replace (changed, "zo'n duizend militairen in buurland", "zo'n 1.000 militairen in buurland", 0);
  lost = sb_source_find_lost_quotes (briefing, source, changed->str);
  g_assert_cmpuint (lost->len, >=, 1);
  for (guint i = 0; i < lost->len; i++)
    {
      SbLostQuote *one = g_ptr_array_index (lost, i);

      g_assert_null (strstr (changed->str, one->quote));
      g_assert_nonnull (strstr (text, one->quote));
      if (g_str_equal (sb_entity_get_id (one->entity), "france-niger"))
        niger_found = TRUE;
    }
  g_assert_true (niger_found);

  /* No text: every quote of it is lost, once per entity. */
  all = sb_source_find_lost_quotes (briefing, source, NULL);
  g_assert_cmpuint (all->len, >, lost->len);
}

/* Loaded quotes are passages of their source's text, not copies: they
 * read the same after the text is changed, after Undo and Redo, and once
 * the change is gone with the document; saving writes them as loaded.
 */
static void
test_quotes_in_text (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autofree char *original = write_out (briefing);
  SbSource *source = SB_SOURCE (sb_briefing_lookup (briefing, "article-2022-08-mali"));
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-niger"));
  g_autofree char *text = g_strdup (sb_source_get_text (source));
  SbCitation *citation = NULL;
  g_autofree char *quote = NULL;

  for (guint i = 0; i < sb_item_get_citations (item)->len; i++)
    {
      SbCitation *one = g_ptr_array_index (sb_item_get_citations (item), i);

      if (one->source == source)
        citation = one;
    }
  g_assert_nonnull (citation);
  g_assert_cmpuint (citation->passage_length, >, 0);
  g_assert_cmpint (citation->offset, >=, 0);
  quote = g_strndup (text + citation->offset, citation->passage_length);

  {
    g_autoptr(SbDocument) document = sb_document_new (briefing);

    g_assert_true (sb_document_apply (document, sb_edit_new_set_string (SB_ENTITY (source), SB_SOURCE_FIELD_TEXT, "Another text."), NULL));
    g_assert_cmpstr (sb_source_get_text (source), ==, "Another text.");
    g_assert_true (sb_document_undo (document));
    g_assert_cmpstr (sb_source_get_text (source), ==, text);
    g_assert_true (sb_document_redo (document));
    g_assert_cmpstr (sb_source_get_text (source), ==, "Another text.");
  }

  /* The document and the text it held are gone; the quote is not. */
  g_assert_cmpstr (sb_citation_get_quote (citation), ==, quote);
  g_assert_true (sb_citation_get_quote (citation) == sb_citation_get_quote (citation));

  {
    g_autoptr(SbDocument) document = sb_document_new (briefing);
    g_autofree char *saved = NULL;

    g_assert_true (sb_document_apply (document, sb_edit_new_set_string (SB_ENTITY (source), SB_SOURCE_FIELD_TEXT, text), NULL));
    saved = write_out (briefing);
    g_assert_cmpstr (saved, ==, original);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/every-field", test_every_field);
  g_test_add_func ("/edit/insert-remove-move", test_insert_remove_move);
  g_test_add_func ("/edit/groups-and-coalescing", test_groups_and_coalescing);
  g_test_add_func ("/edit/snapshots", test_snapshots);
  g_test_add_func ("/edit/selection-follows", test_selection_follows);
  g_test_add_func ("/edit/new-briefing", test_new_briefing);
  g_test_add_func ("/edit/random-edits-undone", test_random_edits);
  g_test_add_func ("/edit/lost-quotes", test_lost_quotes);
  g_test_add_func ("/edit/quotes-in-text", test_quotes_in_text);

  return g_test_run ();
}

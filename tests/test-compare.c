/* test-compare.c
 *
 * Comparing two versions of a briefing: nothing differs between two loads
 * of one file; each kind of change made with an edit (text, dates,
 * certainty, figures, citations, place moved or changed, actors involved,
 * kind) is found as the fields and aspects it touches, and nothing else;
 * items and actors added and removed; a file saved and reloaded compares
 * by id, not by pointer; ACLED exports compared by event id and timestamp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sb-comparison.h"
#include "sb-document.h"
#include "sb-enums.h"
#include "sb-catalog.h"
#include "sb-changes-step.h"
#include "sb-importer.h"
#include "sb-import-file.h"
#include "sb-loader.h"
#include "sb-model-private.h"
#include "sb-problem.h"
#include "sb-writer.h"
#include "sb-test-model.h"

static SbBriefing *
reload (SbBriefing *briefing)
{
  gsize length;
  g_autofree char *data = sb_writer_to_data (briefing, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *copy = sb_loader_load_bytes (bytes, &problems);

  for (guint i = 0; copy == NULL && problems != NULL && i < problems->len; i++)
    {
      g_autofree char *message = sb_problem_to_string (g_ptr_array_index (problems, i), "reloaded");

      g_test_message ("%s", message);
    }
  g_assert_nonnull (copy);
  return copy;
}

static guint64
bit (guint field)
{
  return G_GUINT64_CONSTANT (1) << field;
}

typedef struct
{
  SbBriefing *before;
  SbBriefing *after;
  SbDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->before = sb_test_load_default ();
  fixture->after = sb_test_load_default ();
  fixture->document = sb_document_new (fixture->after);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->after);
  g_clear_object (&fixture->before);
}

static void
apply (Fixture *fixture,
       SbEdit  *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_document_apply (fixture->document, edit, &error));
  g_assert_no_error (error);
}

static SbChange *
only_change (SbComparison *comparison)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 1);
  return g_list_model_get_item (G_LIST_MODEL (comparison), 0);
}

static SbItem *
lookup_item (SbBriefing *briefing,
             const char *id)
{
  SbEntity *entity = sb_briefing_lookup (briefing, id);

  g_assert_true (SB_IS_ITEM (entity));
  return SB_ITEM (entity);
}

static void
test_same (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SbComparison) comparison = sb_comparison_new (fixture->before, fixture->after);
  g_autoptr(SbBriefing) reloaded = reload (fixture->after);
  g_autoptr(SbComparison) again = sb_comparison_new (fixture->before, reloaded);
  g_autofree char *description = sb_comparison_describe (comparison);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);
  g_assert_cmpstr (description, ==, "No differences");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (comparison)) == SB_TYPE_CHANGE);
}

/* One edit of one item, and what the comparison says of it. */
static void
check_item_edit (Fixture         *fixture,
                 const char      *id,
                 SbEdit          *edit,
                 guint64          fields,
                 SbChangeAspects  aspects)
{
  g_autoptr(SbComparison) comparison = NULL;
  g_autoptr(SbChange) change = NULL;

  apply (fixture, edit);
  comparison = sb_comparison_new (fixture->before, fixture->after);
  change = only_change (comparison);

  g_assert_cmpint (sb_change_get_kind (change), ==, SB_CHANGE_CHANGED);
  g_assert_cmpstr (sb_change_get_id (change), ==, id);
  g_assert_true (sb_change_get_before (change) == sb_briefing_lookup (fixture->before, id));
  g_assert_true (sb_change_get_after (change) == sb_briefing_lookup (fixture->after, id));
  g_assert_cmphex (sb_change_get_fields (change), ==, fields);
  g_assert_cmphex (sb_change_get_aspects (change), ==, aspects);
  g_assert_true (sb_comparison_lookup (comparison, id) == change);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_CHANGED, SB_TYPE_ITEM), ==, 1);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_CHANGED, SB_TYPE_ACTOR), ==, 0);

  /* Undone, nothing differs; and the other way round, the same fields. */
  g_assert_true (sb_document_undo (fixture->document));
  g_clear_object (&comparison);
  comparison = sb_comparison_new (fixture->before, fixture->after);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 0);
  g_assert_true (sb_document_redo (fixture->document));
  g_clear_object (&comparison);
  comparison = sb_comparison_new (fixture->after, fixture->before);
  g_clear_object (&change);
  change = only_change (comparison);
  g_assert_cmphex (sb_change_get_fields (change), ==, fields);
}

static void
test_item_text (Fixture       *fixture,
                gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");
  g_autoptr(SbText) title = sb_text_new ("en", "The first coup");

  check_item_edit (fixture, "mali-coup-2020",
                   sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, title),
                   bit (SB_ITEM_FIELD_TITLE), SB_CHANGE_ASPECT_TEXT);
}

static void
test_item_date (Fixture       *fixture,
                gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");
  SbDate date = { 0 };

  g_assert_true (sb_calendar_date_parse ("2020-08-18", &date.start));
  check_item_edit (fixture, "mali-coup-2020",
                   sb_edit_new_set_date (SB_ENTITY (item), SB_ITEM_FIELD_DATE, &date),
                   bit (SB_ITEM_FIELD_DATE), SB_CHANGE_ASPECT_DATES);
}

static void
test_item_certainty (Fixture       *fixture,
                     gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");

  check_item_edit (fixture, "mali-coup-2020",
                   sb_edit_new_set_int (SB_ENTITY (item), SB_ITEM_FIELD_CERTAINTY, SB_CERTAINTY_ESTIMATED),
                   bit (SB_ITEM_FIELD_CERTAINTY), SB_CHANGE_ASPECT_CERTAINTY);
}

static void
test_item_figures (Fixture       *fixture,
                   gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");
  SbQuantity fatalities = { .is_set = TRUE, .min = 12, .max = 12 };

  check_item_edit (fixture, "mali-coup-2020",
                   sb_edit_new_set_quantity (SB_ENTITY (item), SB_ITEM_FIELD_QUANTITY, &fatalities),
                   bit (SB_ITEM_FIELD_QUANTITY), SB_CHANGE_ASPECT_FIGURES);
}

static void
test_item_citations (Fixture       *fixture,
                     gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");
  GPtrArray *citations = sb_item_get_citations (item);
  g_autoptr(GPtrArray) fewer = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);

  g_assert_cmpuint (citations->len, ==, 2);
  g_ptr_array_add (fewer, sb_citation_ref (g_ptr_array_index (citations, 1)));
  check_item_edit (fixture, "mali-coup-2020",
                   sb_edit_new_set_array (SB_ENTITY (item), SB_ITEM_FIELD_CITATIONS, fewer),
                   bit (SB_ITEM_FIELD_CITATIONS), SB_CHANGE_ASPECT_CITATIONS);
}

static void
test_item_actors (Fixture       *fixture,
                  gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  g_ptr_array_add (actors, sb_briefing_lookup (fixture->after, "france"));
  check_item_edit (fixture, "mali-coup-2020",
                   sb_edit_new_set_array (SB_ENTITY (item), SB_ITEM_FIELD_ACTORS, actors),
                   bit (SB_ITEM_FIELD_ACTORS), SB_CHANGE_ASPECT_ACTORS);
}

static void
test_item_place (Fixture       *fixture,
                 gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");

  check_item_edit (fixture, "mali-coup-2020",
                   sb_edit_new_set_entity (SB_ENTITY (item), SB_ITEM_FIELD_PLACE,
                                           sb_briefing_lookup (fixture->after, "gao-airport")),
                   bit (SB_ITEM_FIELD_PLACE), SB_CHANGE_ASPECT_PLACE);
}

static void
test_item_kind (Fixture       *fixture,
                gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");

  check_item_edit (fixture, "mali-coup-2020",
                   sb_edit_new_set_int (SB_ENTITY (item), SB_ITEM_FIELD_SUBTYPE, SB_INCIDENT_TYPE_ATTACK),
                   bit (SB_ITEM_FIELD_SUBTYPE), SB_CHANGE_ASPECT_KIND);
}

/* A place that moves moves every item there; its id alone does not. */
static void
test_place_moved (Fixture       *fixture,
                  gconstpointer  data)
{
  SbPlace *place = SB_PLACE (sb_briefing_lookup (fixture->after, "gao-airport"));
  g_autoptr(SbComparison) comparison = NULL;
  g_autoptr(GPtrArray) there = g_ptr_array_new ();
  guint n;

  for (guint i = 0; i < g_list_model_get_n_items (sb_briefing_get_all_items (fixture->after)); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (sb_briefing_get_all_items (fixture->after), i);

      if (sb_item_get_place (item) == place || sb_item_get_origin (item) == place)
        g_ptr_array_add (there, item);
    }
  g_assert_cmpuint (there->len, >, 0);

  apply (fixture, sb_edit_new_set_position (place, 16.30, -0.01));
  comparison = sb_comparison_new (fixture->before, fixture->after);
  n = g_list_model_get_n_items (G_LIST_MODEL (comparison));
  g_assert_cmpuint (n, ==, there->len);
  for (guint i = 0; i < there->len; i++)
    {
      SbChange *change = sb_comparison_lookup (comparison, sb_entity_get_id (g_ptr_array_index (there, i)));

      g_assert_nonnull (change);
      g_assert_cmphex (sb_change_get_aspects (change), ==, SB_CHANGE_ASPECT_PLACE);
    }
}

static void
test_added_removed (Fixture       *fixture,
                    gconstpointer  data)
{
  SbItem *removed = lookup_item (fixture->after, "mali-coup-2020");
  SbEntity *added;
  g_autoptr(SbEdit) add = sb_edit_new_add_item (fixture->after, SB_ITEM_KIND_INCIDENT, NULL,
                                                SB_CERTAINTY_FEARED);
  g_autoptr(SbComparison) comparison = NULL;
  g_autoptr(SbComparison) reverse = NULL;
  GPtrArray *removed_items;
  SbChange *change;
  g_autofree char *description = NULL;

  added = sb_edit_get_entity (add);
  apply (fixture, sb_edit_ref (add));
  apply (fixture, sb_edit_new_remove_with_references (fixture->after, SB_ENTITY (removed)));

  comparison = sb_comparison_new (fixture->before, fixture->after);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 2);

  change = sb_comparison_lookup (comparison, sb_entity_get_id (added));
  g_assert_cmpint (sb_change_get_kind (change), ==, SB_CHANGE_ADDED);
  g_assert_null (sb_change_get_before (change));
  g_assert_true (sb_change_get_after (change) == added);
  g_assert_true (sb_change_get_entity (change) == added);

  change = sb_comparison_lookup (comparison, "mali-coup-2020");
  g_assert_cmpint (sb_change_get_kind (change), ==, SB_CHANGE_REMOVED);
  g_assert_true (sb_change_get_before (change) == sb_briefing_lookup (fixture->before, "mali-coup-2020"));
  g_assert_null (sb_change_get_after (change));

  removed_items = sb_comparison_get_removed_items (comparison);
  g_assert_cmpuint (removed_items->len, ==, 1);
  g_assert_true (g_ptr_array_index (removed_items, 0) == sb_briefing_lookup (fixture->before, "mali-coup-2020"));

  /* Added first, removed last, in the list. */
  change = g_list_model_get_item (G_LIST_MODEL (comparison), 0);
  g_assert_cmpint (sb_change_get_kind (change), ==, SB_CHANGE_ADDED);
  g_object_unref (change);
  change = g_list_model_get_item (G_LIST_MODEL (comparison), 1);
  g_assert_cmpint (sb_change_get_kind (change), ==, SB_CHANGE_REMOVED);
  g_object_unref (change);

  description = sb_comparison_describe (comparison);
  g_assert_cmpstr (description, ==, "1 added, 1 removed");

  reverse = sb_comparison_new (fixture->after, fixture->before);
  g_assert_cmpint (sb_change_get_kind (sb_comparison_lookup (reverse, "mali-coup-2020")), ==, SB_CHANGE_ADDED);
  g_assert_cmpint (sb_change_get_kind (sb_comparison_lookup (reverse, sb_entity_get_id (added))), ==,
                   SB_CHANGE_REMOVED);
}

static void
test_actors (Fixture       *fixture,
             gconstpointer  data)
{
  SbActor *france = SB_ACTOR (sb_briefing_lookup (fixture->after, "france"));
  g_autoptr(SbText) summary = sb_text_new ("en", "Gone from Mali.");
  g_autoptr(SbText) name = sb_text_new ("en", "A new group");
  g_autoptr(SbEdit) add = sb_edit_new_add_actor (fixture->after, name, SB_ACTOR_KIND_ARMED_GROUP);
  g_autoptr(SbComparison) comparison = NULL;
  SbChange *change;
  g_autofree char *aspects = NULL;

  apply (fixture, sb_edit_ref (add));
  apply (fixture, sb_edit_new_set_text (SB_ENTITY (france), SB_ACTOR_FIELD_SUMMARY, summary));
  apply (fixture, sb_edit_new_set_int (SB_ENTITY (france), SB_ACTOR_FIELD_KIND, SB_ACTOR_KIND_GOVERNMENT));

  comparison = sb_comparison_new (fixture->before, fixture->after);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_ADDED, SB_TYPE_ACTOR), ==, 1);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_CHANGED, SB_TYPE_ACTOR), ==, 1);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_ADDED, SB_TYPE_ENTITY), ==, 1);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_CHANGED, SB_TYPE_ITEM), ==, 0);

  change = sb_comparison_lookup (comparison, "france");
  g_assert_cmphex (sb_change_get_fields (change), ==, bit (SB_ACTOR_FIELD_SUMMARY) | bit (SB_ACTOR_FIELD_KIND));
  g_assert_cmphex (sb_change_get_aspects (change), ==, SB_CHANGE_ASPECT_TEXT | SB_CHANGE_ASPECT_KIND);
  g_assert_true (sb_change_has_field (change, SB_ACTOR_FIELD_SUMMARY));
  g_assert_false (sb_change_has_field (change, SB_ACTOR_FIELD_NAME));

  aspects = sb_change_describe_aspects (sb_change_get_aspects (change));
  g_assert_cmpstr (aspects, ==, "text and type or status");

  change = sb_comparison_lookup (comparison, sb_entity_get_id (sb_edit_get_entity (add)));
  g_assert_cmpint (sb_change_get_kind (change), ==, SB_CHANGE_ADDED);
}

static void
test_describe_aspects (void)
{
  g_autofree char *none = sb_change_describe_aspects (SB_CHANGE_ASPECT_NONE);
  g_autofree char *one = sb_change_describe_aspects (SB_CHANGE_ASPECT_DATES);
  g_autofree char *three = sb_change_describe_aspects (SB_CHANGE_ASPECT_PLACE | SB_CHANGE_ASPECT_DATES |
                                                       SB_CHANGE_ASPECT_CITATIONS);

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (one, ==, "dates");
  g_assert_cmpstr (three, ==, "place, dates and citations");
}

/* Saved and loaded again, the entities are new objects: compared by id. */
static void
test_saved_and_reloaded (Fixture       *fixture,
                         gconstpointer  data)
{
  SbItem *item = lookup_item (fixture->after, "mali-coup-2020");
  g_autoptr(SbText) description = sb_text_new ("nl", "Een staatsgreep.");
  g_autoptr(SbBriefing) reloaded = NULL;
  g_autoptr(SbComparison) comparison = NULL;
  SbChange *change;

  apply (fixture, sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_DESCRIPTION, description));
  apply (fixture, sb_edit_new_set_int (SB_ENTITY (item), SB_ITEM_FIELD_CERTAINTY, SB_CERTAINTY_UNCLEAR));
  reloaded = reload (fixture->after);

  comparison = sb_comparison_new (fixture->before, reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 1);
  change = sb_comparison_lookup (comparison, "mali-coup-2020");
  g_assert_cmphex (sb_change_get_fields (change), ==,
                   bit (SB_ITEM_FIELD_DESCRIPTION) | bit (SB_ITEM_FIELD_CERTAINTY));
  g_assert_cmphex (sb_change_get_aspects (change), ==, SB_CHANGE_ASPECT_TEXT | SB_CHANGE_ASPECT_CERTAINTY);
}

static SbBriefing *
import_acled (const char *name)
{
  g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbImportSummary) summary = NULL;
  SbBriefing *briefing = sb_import_file (file, SB_IMPORT_FORMAT_ACLED, NULL, NULL, &summary);

  g_assert_nonnull (briefing);
  return briefing;
}

/* A newer export of the same query: new, revised and withdrawn events. */
static void
test_acled_update (void)
{
  g_autoptr(SbBriefing) before = import_acled ("acled-update-before.csv");
  g_autoptr(SbBriefing) after = import_acled ("acled-update-after.csv");
  g_autoptr(SbBriefing) saved = reload (before);
  g_autoptr(SbComparison) comparison = sb_comparison_new (before, after);
  g_autoptr(SbComparison) from_saved = sb_comparison_new (saved, after);
  SbChange *change;
  g_autofree char *description = NULL;

  g_assert_cmpstr (sb_item_get_properties (lookup_item (after, "acled-mli27002"))[0], ==, "timestamp");
  g_assert_cmpstr (sb_item_get_properties (lookup_item (after, "acled-mli27002"))[1], ==, "1661854321");

  for (guint i = 0; i < 2; i++)
    {
      SbComparison *c = i == 0 ? comparison : from_saved;

      g_assert_cmpuint (sb_comparison_count (c, SB_CHANGE_ADDED, SB_TYPE_ITEM), ==, 1);
      g_assert_cmpuint (sb_comparison_count (c, SB_CHANGE_CHANGED, SB_TYPE_ITEM), ==, 2);
      g_assert_cmpuint (sb_comparison_count (c, SB_CHANGE_REMOVED, SB_TYPE_ITEM), ==, 1);
      g_assert_cmpuint (sb_comparison_count_revised (c), ==, 2);

      g_assert_null (sb_comparison_lookup (c, "acled-mli27001"));
      g_assert_cmpint (sb_change_get_kind (sb_comparison_lookup (c, "acled-mli27008")), ==, SB_CHANGE_ADDED);
      g_assert_cmpint (sb_change_get_kind (sb_comparison_lookup (c, "acled-mli27003")), ==, SB_CHANGE_REMOVED);

      /* Revised: the date made exact, 7 killed, not 5. */
      change = sb_comparison_lookup (c, "acled-mli27002");
      g_assert_cmpint (sb_change_get_kind (change), ==, SB_CHANGE_CHANGED);
      g_assert_cmphex (sb_change_get_aspects (change), ==,
                       SB_CHANGE_ASPECT_REVISED | SB_CHANGE_ASPECT_DATES | SB_CHANGE_ASPECT_FIGURES |
                       SB_CHANGE_ASPECT_TEXT);
      g_assert_true (sb_change_has_field (change, SB_ITEM_FIELD_QUANTITY));

      /* Revised in what the briefing does not show: still revised. */
      change = sb_comparison_lookup (c, "acled-mli27004");
      g_assert_cmphex (sb_change_get_aspects (change), ==, SB_CHANGE_ASPECT_REVISED);
      g_assert_cmphex (sb_change_get_fields (change), ==, 0);
    }

  description = sb_comparison_describe (comparison);
  g_assert_true (strstr (description, "2 revised by the publisher") != NULL);
}

/* Add a Changes step: what is new or changed, highlighted and framed,
 * counted in each of the briefing's languages from the app's catalogues. */
static void
test_changes_step (void)
{
  g_autoptr(SbBriefing) before = import_acled ("acled-update-before.csv");
  g_autoptr(SbBriefing) after = import_acled ("acled-update-after.csv");
  g_autoptr(SbComparison) comparison = sb_comparison_new (before, after);
  g_autoptr(SbDocument) document = sb_document_new (after);
  g_autoptr(GError) error = NULL;
  g_autofree char *english = NULL;
  g_autofree char *dutch = NULL;
  g_autofree char *french = NULL;
  g_autofree char *caption = NULL;
  GListModel *steps = sb_briefing_get_steps (after);
  guint n_steps = g_list_model_get_n_items (steps);
  g_autoptr(SbStep) step = NULL;
  GPtrArray *highlight;
  const SbDate *date = sb_briefing_get_date (before);

  bindtextdomain (GETTEXT_PACKAGE, LOCALE_BUILD_DIR);

  english = sb_changes_step_caption (comparison, "en");
  dutch = sb_changes_step_caption (comparison, "nl");
  french = sb_changes_step_caption (comparison, "fr_BE.UTF-8");
  g_test_message ("%s | %s | %s", english, dutch, french);
  g_assert_true (g_str_has_prefix (english, "1 new incident, 2 revised, 1 withdrawn"));
  g_assert_true (g_str_has_prefix (dutch, "1 nieuw incident, 2 herzien, 1 ingetrokken"));
  g_assert_true (g_str_has_prefix (french, "1 nouvel incident, 2 révisés, 1 retiré"));
  if (date != NULL && sb_date_is_set (date))
    {
      g_assert_nonnull (strstr (english, " since "));
      g_assert_nonnull (strstr (dutch, " sinds "));
    }

  g_assert_true (sb_document_apply (document, sb_changes_step_new_edit (comparison, after, -1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, n_steps + 1);
  step = g_list_model_get_item (steps, n_steps);
  g_assert_cmpstr (sb_text_get_for_language (sb_step_get_title (step), sb_briefing_get_language (after)), !=, NULL);
  caption = sb_changes_step_caption (comparison, sb_briefing_get_language (after));
  g_assert_cmpstr (sb_text_get_for_language (sb_step_get_caption (step), sb_briefing_get_language (after)), ==, caption);

  /* The new and the revised, as they are now; the withdrawn is gone. */
  highlight = sb_step_get_highlight (step);
  g_assert_cmpuint (highlight->len, ==, 3);
  g_assert_true (g_ptr_array_find (highlight, sb_briefing_lookup (after, "acled-mli27008"), NULL));
  g_assert_true (g_ptr_array_find (highlight, sb_briefing_lookup (after, "acled-mli27002"), NULL));
  g_assert_true (sb_step_get_frame (step) == highlight);

  /* One edit: undone, the step is gone. */
  g_assert_true (sb_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, n_steps);
}

/* The plural rules catalogues give, read as gettext reads them. */
static void
test_plural_forms (void)
{
  g_assert_cmpuint (sb_catalog_plural_eval ("(n != 1)", 1), ==, 0);
  g_assert_cmpuint (sb_catalog_plural_eval ("(n != 1)", 0), ==, 1);
  g_assert_cmpuint (sb_catalog_plural_eval ("(n > 1)", 0), ==, 0);
  g_assert_cmpuint (sb_catalog_plural_eval ("(n > 1)", 2), ==, 1);
  /* Polish and Russian. */
  g_assert_cmpuint (sb_catalog_plural_eval ("(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 22), ==, 1);
  g_assert_cmpuint (sb_catalog_plural_eval ("(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 12), ==, 2);
  g_assert_cmpuint (sb_catalog_plural_eval ("(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 21), ==, 0);
  /* Unreadable: English's rule. */
  g_assert_cmpuint (sb_catalog_plural_eval ("n !=", 3), ==, 1);
  g_assert_cmpuint (sb_catalog_plural_eval ("n % 0", 3), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/compare/same", test_same);
  ADD ("/compare/item/text", test_item_text);
  ADD ("/compare/item/date", test_item_date);
  ADD ("/compare/item/certainty", test_item_certainty);
  ADD ("/compare/item/figures", test_item_figures);
  ADD ("/compare/item/citations", test_item_citations);
  ADD ("/compare/item/actors", test_item_actors);
  ADD ("/compare/item/place", test_item_place);
  ADD ("/compare/item/kind", test_item_kind);
  ADD ("/compare/place-moved", test_place_moved);
  ADD ("/compare/added-removed", test_added_removed);
  ADD ("/compare/actors", test_actors);
  ADD ("/compare/saved-and-reloaded", test_saved_and_reloaded);
  g_test_add_func ("/compare/describe-aspects", test_describe_aspects);
  g_test_add_func ("/compare/acled-update", test_acled_update);
  g_test_add_func ("/compare/changes-step", test_changes_step);
  g_test_add_func ("/compare/plural-forms", test_plural_forms);

  return g_test_run ();
}

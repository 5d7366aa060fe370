/* test-actor-merge.c
 *
 * Merging two actors: every reference to the one that goes (statements'
 * actors and claims, figures' claims, relations, steps) moves to the one
 * that stays, its names become other names, the file written is valid,
 * and undo gives back the original file byte for byte (redo the merged
 * one). Editing actors and steps through the document, undone exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sb-actor-merge.h"
#include "sb-document.h"
#include "sb-loader.h"
#include "sb-model-private.h"
#include "sb-references.h"
#include "sb-writer.h"
#include "sb-test-model.h"

static char *
write_out (SbBriefing *briefing)
{
  return sb_writer_to_data (briefing, NULL);
}

/* The file written loads again without a problem. */
static void
assert_valid (const char *data)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) again = sb_loader_load_bytes (bytes, &problems);

  g_assert_nonnull (again);
  g_assert_true (problems == NULL || problems->len == 0);
}

static SbActor *
actor (SbBriefing *briefing,
       const char *id)
{
  SbEntity *entity = sb_briefing_lookup (briefing, id);

  g_assert_true (SB_IS_ACTOR (entity));
  return SB_ACTOR (entity);
}

static SbStep *
nth_step (SbBriefing *briefing,
          guint       position)
{
  SbStep *step = g_list_model_get_item (sb_briefing_get_steps (briefing), position);

  g_object_unref (step);   /* the briefing holds it */
  return step;
}

static gboolean
strv_contains (const char * const *strv,
               const char         *string)
{
  return strv != NULL && g_strv_contains (strv, string);
}

/* Every part of the briefing that could refer to an actor, checked for
 * @gone.
 */
static void
assert_no_reference (SbBriefing *briefing,
                     SbActor    *gone)
{
  GListModel *lists[] = { sb_briefing_get_actors (briefing), sb_briefing_get_all_items (briefing),
                          sb_briefing_get_steps (briefing) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(SbEntity) entity = g_list_model_get_item (lists[l], i);

        g_assert_cmpuint (sb_entity_get_referring_fields (entity, SB_ENTITY (gone)), ==, 0);
      }
}

static void
test_merge_moves_every_reference (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autofree char *original = write_out (briefing);
  g_autofree char *merged_file = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone = NULL;
  SbActor *wagner = actor (briefing, "wagner-group");
  SbActor *russia = actor (briefing, "russia-forces");
  g_autoptr(GPtrArray) wagner_items = g_ptr_array_copy (sb_briefing_get_items_for_actor (briefing, wagner),
                                                        (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_autoptr(GPtrArray) russia_items = g_ptr_array_copy (sb_briefing_get_items_for_actor (briefing, russia),
                                                        (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_autoptr(GPtrArray) referrers = sb_briefing_find_references (briefing, SB_ENTITY (russia));
  g_autoptr(GPtrArray) highlight = g_ptr_array_new ();
  SbStep *step;
  SbEdit *edit;

  g_ptr_array_set_free_func (wagner_items, g_object_unref);
  g_ptr_array_set_free_func (russia_items, g_object_unref);
  g_assert_cmpuint (russia_items->len, >, 0);
  g_assert_cmpuint (referrers->len, >, 0);

  /* A step highlighting both: after the merge it highlights Wagner once. */
  step = nth_step (briefing, 0);
  g_ptr_array_add (highlight, russia);
  g_ptr_array_add (highlight, wagner);
  g_assert_true (sb_document_apply (document, sb_edit_new_set_array (SB_ENTITY (step), SB_STEP_FIELD_HIGHLIGHT,
                                                                      highlight), NULL));
  g_clear_pointer (&original, g_free);
  original = write_out (briefing);

  edit = sb_edit_new_merge_actors (briefing, wagner, russia);
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_cmpstr (sb_document_get_undo_label (document), ==,
                   "Undo Merge “Russian soldiers (Russian forces)” into “Wagner group”");

  /* The merged actor is gone and nothing refers to it. */
  g_assert_null (sb_briefing_lookup (briefing, "russia-forces"));
  assert_no_reference (briefing, russia);

  /* Its statements are Wagner's now, with Wagner's own. */
  for (guint i = 0; i < russia_items->len; i++)
    g_assert_true (sb_item_involves_actor (g_ptr_array_index (russia_items, i), wagner));
  g_assert_cmpuint (sb_briefing_get_items_for_actor (briefing, wagner)->len, >=,
                    MAX (wagner_items->len, russia_items->len));

  /* Its names in every language are other names of Wagner. */
  g_assert_true (strv_contains (sb_actor_get_aliases (wagner), "Russian soldiers (Russian forces)"));
  g_assert_true (strv_contains (sb_actor_get_aliases (wagner), "Russische soldaten (Russische strijdkrachten)"));
  g_assert_true (strv_contains (sb_actor_get_aliases (wagner), "Soldats russes (forces russes)"));

  /* Its relation (trains the Malian army) is Wagner's. */
  {
    GPtrArray *relations = sb_actor_get_relations (wagner);
    gboolean trains = FALSE;

    for (guint i = 0; i < relations->len; i++)
      {
        SbRelation *relation = g_ptr_array_index (relations, i);

        g_assert_true (relation->target != wagner);
        trains |= relation->type == SB_RELATION_TYPE_TRAINS &&
                  g_str_equal (sb_entity_get_id (SB_ENTITY (relation->target)), "mali-army");
      }
    g_assert_true (trains);
  }

  /* The step highlights Wagner, once. */
  g_assert_cmpuint (sb_step_get_highlight (step)->len, ==, 1);
  g_assert_true (g_ptr_array_index (sb_step_get_highlight (step), 0) == wagner);

  merged_file = write_out (briefing);
  assert_valid (merged_file);

  /* Undone: the original file, byte for byte; redone: the merged one. */
  g_assert_true (sb_document_undo (document));
  undone = write_out (briefing);
  g_assert_cmpstr (undone, ==, original);
  g_assert_true (sb_briefing_lookup (briefing, "russia-forces") == SB_ENTITY (russia));
  for (guint i = 0; i < russia_items->len; i++)
    g_assert_true (sb_item_involves_actor (g_ptr_array_index (russia_items, i), russia));

  g_assert_true (sb_document_redo (document));
  redone = write_out (briefing);
  g_assert_cmpstr (redone, ==, merged_file);
}

/* Two actors that relate to each other: the relation would be to itself,
 * and goes; every pair of the default briefing merges and undoes exactly.
 */
static void
test_merge_every_pair (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autofree char *original = write_out (briefing);
  GListModel *actors = sb_briefing_get_actors (briefing);
  guint n_actors = g_list_model_get_n_items (actors);

  for (guint a = 0; a < n_actors; a++)
    for (guint b = 0; b < n_actors; b++)
      {
        g_autoptr(SbActor) survivor = g_list_model_get_item (actors, a);
        g_autoptr(SbActor) merged = g_list_model_get_item (actors, b);
        g_autofree char *after = NULL;
        g_autofree char *undone = NULL;

        if (a == b)
          continue;

        g_assert_true (sb_document_apply (document, sb_edit_new_merge_actors (briefing, survivor, merged), NULL));
        g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors - 1);
        assert_no_reference (briefing, merged);
        for (guint i = 0; i < sb_actor_get_relations (survivor)->len; i++)
          g_assert_true (((SbRelation *) g_ptr_array_index (sb_actor_get_relations (survivor), i))->target != survivor);
        after = write_out (briefing);
        assert_valid (after);

        g_assert_true (sb_document_undo (document));
        undone = write_out (briefing);
        g_assert_cmpstr (undone, ==, original);
      }
}

/* Edits an actor's card makes, each undone to the exact file. */
static void
test_actor_and_step_edits_undone (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autofree char *original = write_out (briefing);
  g_autofree char *undone = NULL;
  SbActor *wagner = actor (briefing, "wagner-group");
  GListModel *steps = sb_briefing_get_steps (briefing);
  guint n_steps = g_list_model_get_n_items (steps);
  g_autoptr(SbText) name = sb_text_copy_with (sb_actor_get_name (wagner), "nl", "Wagner");
  const char *aliases[] = { "PMC Wagner", "Africa Corps", NULL };
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(SbText) title = sb_text_new ("en", "Wagner in the north");
  SbStep *first;
  SbEdit *edit;

  g_assert_true (sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (wagner), SB_ACTOR_FIELD_NAME, name), NULL));
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Rename “Wagner group”");
  g_assert_true (sb_document_apply (document, sb_edit_new_set_int (SB_ENTITY (wagner), SB_ACTOR_FIELD_COLOUR, 0x8a5a00), NULL));
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Change Colour of “Wagner group”");
  g_assert_cmpuint (sb_actor_get_colour (wagner), ==, 0x8a5a00);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, aliases);
  g_assert_true (sb_document_apply (document, sb_edit_new_set (SB_ENTITY (wagner), SB_ACTOR_FIELD_ALIASES, &value), NULL));
  g_assert_true (strv_contains (sb_actor_get_aliases (wagner), "Africa Corps"));

  /* A step added, moved to the front and removed. */
  edit = sb_edit_new_add_step (briefing, -1, title);
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, n_steps + 1);
  {
    g_autoptr(SbStep) added = g_list_model_get_item (steps, n_steps);

    g_assert_true (sb_document_apply (document, sb_edit_new_move (SB_ENTITY (added), 0), NULL));
    first = g_list_model_get_item (steps, 0);
    g_object_unref (first);
    g_assert_true (first == added);
    g_assert_true (sb_document_apply (document, sb_edit_new_remove_with_references (briefing, SB_ENTITY (added)),
                                      NULL));
    g_assert_cmpuint (g_list_model_get_n_items (steps), ==, n_steps);
  }

  while (sb_document_can_undo (document))
    g_assert_true (sb_document_undo (document));
  undone = write_out (briefing);
  g_assert_cmpstr (undone, ==, original);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/actor-merge/moves-every-reference", test_merge_moves_every_reference);
  g_test_add_func ("/actor-merge/every-pair-undone", test_merge_every_pair);
  g_test_add_func ("/actor-merge/actor-and-step-edits-undone", test_actor_and_step_edits_undone);

  return g_test_run ();
}

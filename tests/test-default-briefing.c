/* test-default-briefing.c
 *
 * The built-in briefing: it loads without a problem, carries the seed
 * article verbatim, covers what the article says at the certainty and
 * precision it says it, and survives a round trip through the writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sb-enums.h"
#include "sb-format.h"
#include "sb-loader.h"
#include "sb-source.h"
#include "sb-step.h"
#include "sb-writer.h"
#include "sb-test-model.h"

static gpointer
lookup (SbBriefing *briefing,
        const char *id,
        GType       type)
{
  SbEntity *entity = sb_test_lookup (briefing, id);

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (entity, type));

  return entity;
}

static SbItem *
lookup_item (SbBriefing *briefing,
             const char *id,
             SbItemKind  kind)
{
  SbItem *item = lookup (briefing, id, SB_TYPE_ITEM);

  g_assert_cmpint (sb_item_get_kind (item), ==, kind);
  return item;
}

/* Any figure of @actor that has this measure and value. */
static const SbFigure *
find_figure (GPtrArray       *figures,
             SbFigureMeasure  measure,
             double           min,
             double           max)
{
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const SbFigure *figure = g_ptr_array_index (figures, i);

      if (figure->measure == measure && figure->value.min == min && figure->value.max == max)
        return figure;
    }

  return NULL;
}

static void
test_loads (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();

  g_assert_cmpstr (sb_briefing_get_language (briefing), ==, "nl");
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_steps (briefing)), >=, 8);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_steps (briefing)), <=, 12);
}

static void
test_source_is_the_seed (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autofree char *seed = NULL;
  g_autofree char *article = NULL;
  SbSource *source = lookup (briefing, "article-2022-08-mali", SB_TYPE_SOURCE);
  const SbDate *date = sb_source_get_date (source);
  gsize length;

  g_assert_true (g_file_get_contents (SEED_ARTICLE, &seed, &length, NULL));

  /* The seed starts with a " date 2022-08 " header that is not article text. */
  g_assert_true (g_str_has_prefix (seed, " date 2022-08 "));
  article = g_strdup (seed + strlen (" date 2022-08 "));
  g_strchomp (article);

  g_assert_cmpstr (sb_source_get_text (source), ==, article);
  g_assert_cmpstr (sb_source_get_language (source), ==, "nl");
  g_assert_cmpint (date->start.precision, ==, SB_DATE_PRECISION_MONTH);
  g_assert_cmpint (date->start.year, ==, 2022);
  g_assert_cmpint (date->start.month, ==, 8);
}

static void
test_actors (void)
{
  static const struct {
    const char *id;
    SbActorKind kind;
  } expected[] = {
    { "france", SB_ACTOR_KIND_FOREIGN_FORCES },
    { "germany", SB_ACTOR_KIND_FOREIGN_FORCES },
    { "russia-forces", SB_ACTOR_KIND_FOREIGN_FORCES },
    { "russia-government", SB_ACTOR_KIND_GOVERNMENT },
    { "wagner-group", SB_ACTOR_KIND_PRIVATE_MILITARY },
    { "mali-junta", SB_ACTOR_KIND_GOVERNMENT },
    { "mali-army", SB_ACTOR_KIND_NATIONAL_FORCES },
    { "is-linked-groups", SB_ACTOR_KIND_ARMED_GROUP },
    { "al-qaida-linked-groups", SB_ACTOR_KIND_ARMED_GROUP },
    { "minusma", SB_ACTOR_KIND_INTERNATIONAL_MISSION },
    { "niger-forces", SB_ACTOR_KIND_NATIONAL_FORCES },
    { "burkina-faso-military", SB_ACTOR_KIND_NATIONAL_FORCES },
    { "burkina-faso-jihadists", SB_ACTOR_KIND_ARMED_GROUP },
    { "ivorian-soldiers", SB_ACTOR_KIND_FOREIGN_FORCES },
  };
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SbActor *actor = lookup (briefing, expected[i].id, SB_TYPE_ACTOR);
      SbText *summary = sb_actor_get_summary (actor);

      g_assert_cmpint (sb_actor_get_kind (actor), ==, expected[i].kind);
      g_assert_cmpuint (sb_actor_get_citations (actor)->len, >=, 1);

      /* Summaries are written for the app in English and Dutch. */
      g_assert_nonnull (summary);
      g_assert_nonnull (sb_text_get_for_language (summary, "en"));
      g_assert_nonnull (sb_text_get_for_language (summary, "nl"));
    }
}

static void
test_france (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbActor *france = lookup (briefing, "france", SB_TYPE_ACTOR);
  SbItem *niger = lookup_item (briefing, "france-niger", SB_ITEM_KIND_DEPLOYMENT);
  SbItem *commandos = lookup_item (briefing, "france-commandos-border", SB_ITEM_KIND_DEPLOYMENT);
  SbItem *mali = lookup_item (briefing, "france-mali-2013-2022", SB_ITEM_KIND_DEPLOYMENT);
  SbItem *crossing = lookup_item (briefing, "france-last-contingent-to-niger", SB_ITEM_KIND_MOVEMENT);
  const SbFigure *nine_years = find_figure (sb_actor_get_figures (france), SB_FIGURE_MEASURE_STRENGTH, 5500, 5500);
  const SbDate *date;

  /* "circa 5500 commando's en soldaten negen jaar lang" */
  g_assert_nonnull (nine_years);
  g_assert_true (nine_years->value.approximate);
  g_assert_true (nine_years->as_of.is_span);

  /* "zo'n duizend militairen in buurland Niger": Niger as a whole. */
  g_assert_cmpfloat (sb_item_get_strength (niger)->min, ==, 1000);
  g_assert_true (sb_item_get_strength (niger)->approximate);
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (niger)), ==, SB_PLACE_PRECISION_COUNTRY);
  g_assert_cmpint (sb_item_get_deployment_status (niger), ==, SB_DEPLOYMENT_STATUS_PRESENT);

  /* "300 tot 400 commando's … in de grensstreek" */
  g_assert_true (sb_item_get_strength (commandos)->is_range);
  g_assert_cmpfloat (sb_item_get_strength (commandos)->min, ==, 300);
  g_assert_cmpfloat (sb_item_get_strength (commandos)->max, ==, 400);
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (commandos)), ==, SB_PLACE_PRECISION_REGION);

  g_assert_cmpint (sb_item_get_deployment_status (mali), ==, SB_DEPLOYMENT_STATUS_WITHDRAWN);

  /* "Maandag trok het laatste contingent … de grens over naar … Niger" */
  date = sb_item_get_date (crossing);
  g_assert_true (date->approximate);
  g_assert_cmpint (date->start.precision, ==, SB_DATE_PRECISION_DAY);
  g_assert_true (sb_item_get_actor (crossing, 0) == france);
  g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (sb_item_get_place (crossing))), ==, "niger");
  g_assert_cmpint (sb_item_get_certainty (crossing), ==, SB_CERTAINTY_REPORTED);
}

static void
test_germany_and_russia (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbItem *germany = lookup_item (briefing, "germany-leaves-via-gao", SB_ITEM_KIND_MOVEMENT);
  SbItem *landing = lookup_item (briefing, "russia-lands-at-gao", SB_ITEM_KIND_MOVEMENT);
  SbItem *flown_in = lookup_item (briefing, "russians-flown-in", SB_ITEM_KIND_MOVEMENT);
  SbActor *russia_forces = lookup (briefing, "russia-forces", SB_TYPE_ACTOR);
  SbActor *russia_government = lookup (briefing, "russia-government", SB_TYPE_ACTOR);
  SbActor *mali_army = lookup (briefing, "mali-army", SB_TYPE_ACTOR);
  GPtrArray *relations = sb_actor_get_relations (russia_forces);
  gboolean trainers_claimed = FALSE;

  g_assert_cmpfloat (sb_item_get_strength (germany)->min, ==, 1000);
  g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (sb_item_get_origin (germany))), ==, "gao-airport");
  g_assert_cmpint (sb_place_get_precision (sb_item_get_origin (germany)), ==, SB_PLACE_PRECISION_POINT);

  g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (sb_item_get_place (landing))), ==, "gao-airport");
  g_assert_cmpint (sb_item_get_means (landing), ==, SB_MOVEMENT_MEANS_AIR);

  /* "Onduidelijk is of zij ook tot de Wagner-groep behoren" */
  g_assert_cmpint (sb_item_get_certainty (flown_in), ==, SB_CERTAINTY_UNCLEAR);

  /* "Moskou zegt alleen opleiders te sturen": Moscow's claim, not a fact. */
  for (guint i = 0; i < relations->len; i++)
    {
      SbRelation *relation = g_ptr_array_index (relations, i);

      if (relation->type == SB_RELATION_TYPE_TRAINS && relation->target == mali_army)
        {
          g_assert_cmpint (relation->evidence.certainty, ==, SB_CERTAINTY_CLAIMED);
          g_assert_true (relation->evidence.claimed_by == russia_government);
          trainers_claimed = TRUE;
        }
    }
  g_assert_true (trainers_claimed);
}

static void
test_wagner (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbActor *wagner = lookup (briefing, "wagner-group", SB_TYPE_ACTOR);
  SbActor *junta = lookup (briefing, "mali-junta", SB_TYPE_ACTOR);
  SbItem *agreement = lookup_item (briefing, "wagner-agreement", SB_ITEM_KIND_INCIDENT);
  SbItem *deployment = lookup_item (briefing, "wagner-mali", SB_ITEM_KIND_DEPLOYMENT);
  const SbFigure *strength = sb_actor_get_strength (wagner);

  /* "met naar wordt aangenomen zo’n duizend militairen" */
  g_assert_nonnull (strength);
  g_assert_cmpfloat (strength->value.min, ==, 1000);
  g_assert_true (strength->value.approximate);
  g_assert_cmpint (strength->evidence.certainty, ==, SB_CERTAINTY_ESTIMATED);

  g_assert_cmpint (sb_item_get_incident_type (agreement), ==, SB_INCIDENT_TYPE_AGREEMENT);
  g_assert_true (sb_item_involves_actor (agreement, wagner));
  g_assert_true (sb_item_involves_actor (agreement, junta));

  /* Known only as "in Mali": never a pin on Bamako. */
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (deployment)), ==, SB_PLACE_PRECISION_COUNTRY);
}

static void
test_mali_junta (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbItem *coup_2020 = lookup_item (briefing, "mali-coup-2020", SB_ITEM_KIND_INCIDENT);
  SbItem *coup_2021 = lookup_item (briefing, "mali-coup-2021", SB_ITEM_KIND_INCIDENT);
  SbItem *ban = lookup_item (briefing, "minusma-rotation-ban", SB_ITEM_KIND_INCIDENT);
  SbItem *arrest = lookup_item (briefing, "ivorian-soldiers-arrested", SB_ITEM_KIND_INCIDENT);
  SbActor *minusma = lookup (briefing, "minusma", SB_TYPE_ACTOR);
  SbActor *ivorians = lookup (briefing, "ivorian-soldiers", SB_TYPE_ACTOR);

  g_assert_cmpint (sb_item_get_incident_type (coup_2020), ==, SB_INCIDENT_TYPE_COUP);
  g_assert_cmpint (sb_item_get_date (coup_2020)->start.year, ==, 2020);
  g_assert_cmpint (sb_item_get_date (coup_2020)->start.precision, ==, SB_DATE_PRECISION_YEAR);
  g_assert_cmpint (sb_item_get_date (coup_2021)->start.year, ==, 2021);

  g_assert_cmpint (sb_item_get_incident_type (ban), ==, SB_INCIDENT_TYPE_RESTRICTION);
  g_assert_true (sb_item_involves_actor (ban, minusma));

  g_assert_cmpint (sb_item_get_incident_type (arrest), ==, SB_INCIDENT_TYPE_ARREST);
  g_assert_true (sb_item_involves_actor (arrest, ivorians));
  g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (sb_item_get_place (arrest))), ==, "bamako-airport");
  g_assert_nonnull (find_figure (sb_item_get_figures (arrest), SB_FIGURE_MEASURE_DETAINED, 49, 49));
}

static void
test_jihadists_and_region (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  SbItem *hold = lookup_item (briefing, "jihadist-hold-north-centre", SB_ITEM_KIND_AREA);
  SbItem *guard = lookup_item (briefing, "niger-border-guard", SB_ITEM_KIND_DEPLOYMENT);
  SbItem *insurgency = lookup_item (briefing, "burkina-faso-insurgency", SB_ITEM_KIND_INCIDENT);
  SbItem *displacement = lookup_item (briefing, "burkina-faso-displacement", SB_ITEM_KIND_INCIDENT);
  SbItem *coup = lookup_item (briefing, "burkina-faso-coup-2022", SB_ITEM_KIND_INCIDENT);
  SbItem *routes = lookup_item (briefing, "jihadist-escape-routes-west", SB_ITEM_KIND_MOVEMENT);
  SbItem *togo = lookup_item (briefing, "attacks-togo", SB_ITEM_KIND_INCIDENT);
  SbItem *benin = lookup_item (briefing, "attacks-benin", SB_ITEM_KIND_INCIDENT);
  SbItem *fourfold = lookup_item (briefing, "civilian-deaths-fourfold", SB_ITEM_KIND_INCIDENT);
  const SbDate *since;

  /* "grote delen van het noorden en midden van Mali in handen": a fact
   * with a drawn outline that can only be schematic.
   */
  g_assert_cmpint (sb_item_get_area_kind (hold), ==, SB_AREA_KIND_CONTROL);
  g_assert_cmpint (sb_item_get_boundary (hold), ==, SB_BOUNDARY_SCHEMATIC);
  g_assert_true (sb_item_involves_actor (hold, lookup (briefing, "is-linked-groups", SB_TYPE_ACTOR)));
  g_assert_true (sb_item_involves_actor (hold, lookup (briefing, "al-qaida-linked-groups", SB_TYPE_ACTOR)));
  g_assert_true (sb_geometry_contains (sb_item_get_geometry (hold), 1.41, 18.45)); /* Kidal */

  /* "dat land gaat samen met Frankrijk het grensgebied bewaken" */
  g_assert_cmpint (sb_item_get_certainty (guard), ==, SB_CERTAINTY_PROJECTED);

  since = sb_item_get_date (insurgency);
  g_assert_true (since->is_span);
  g_assert_cmpint (since->start.year, ==, 2015);
  g_assert_cmpint (since->end.precision, ==, SB_DATE_PRECISION_NONE);

  g_assert_nonnull (find_figure (sb_item_get_figures (displacement), SB_FIGURE_MEASURE_DISPLACED, 1800000, 1800000));
  g_assert_cmpint (sb_item_get_incident_type (coup), ==, SB_INCIDENT_TYPE_COUP);
  g_assert_cmpint (sb_item_get_date (coup)->start.year, ==, 2022);

  /* "Gevreesd wordt dat die routes…" */
  g_assert_cmpint (sb_item_get_certainty (routes), ==, SB_CERTAINTY_FEARED);

  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (togo)), ==, "TGO");
  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (benin)), ==, "BEN");
  g_assert_nonnull (find_figure (sb_item_get_figures (fourfold), SB_FIGURE_MEASURE_RATIO, 4, 4));

  {
    static const char * const coastal[] = { "ghana", "togo", "benin", "cote-divoire", "senegal" };

    for (guint i = 0; i < G_N_ELEMENTS (coastal); i++)
      g_assert_cmpint (sb_place_get_precision (lookup (briefing, coastal[i], SB_TYPE_PLACE)),
                       ==, SB_PLACE_PRECISION_COUNTRY);
  }
}

/* Every citation was found in its source, at the offset recorded. */
static void
test_citations_resolved (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  GListModel *items = sb_briefing_get_all_items (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      GPtrArray *citations = sb_item_get_citations (item);

      g_assert_cmpuint (citations->len, >=, 1);
      for (guint j = 0; j < citations->len; j++)
        {
          SbCitation *citation = g_ptr_array_index (citations, j);
          const char *text = sb_source_get_text (citation->source);

          g_assert_cmpint (citation->offset, >=, 0);
          g_assert_true (strncmp (text + citation->offset, sb_citation_get_quote (citation), strlen (sb_citation_get_quote (citation))) == 0);
        }
    }
}

static void
assert_translated (SbCitation *citation)
{
  const char *english[] = { "en", NULL };
  const char *french[] = { "fr", NULL };
  const char *dutch[] = { "nl", NULL };

  if (citation->translations == NULL)
    g_test_message ("not translated: %s", sb_citation_get_quote (citation));
  g_assert_nonnull (citation->translations);
  g_assert_nonnull (sb_citation_get_translation (citation, english, NULL));
  g_assert_nonnull (sb_citation_get_translation (citation, french, NULL));
  g_assert_null (sb_citation_get_translation (citation, dutch, NULL));
}

static void
assert_all_translated (GPtrArray *citations)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    assert_translated (g_ptr_array_index (citations, i));
}

/* The audience reads English or French: every quote has both, and a
 * reader of Dutch sees the quote alone.
 */
static void
test_translations (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  GListModel *items = sb_briefing_get_all_items (briefing);
  GListModel *actors = sb_briefing_get_actors (briefing);
  GListModel *steps = sb_briefing_get_steps (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      assert_all_translated (sb_item_get_citations (item));
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);
      GPtrArray *relations = sb_actor_get_relations (actor);

      assert_all_translated (sb_actor_get_citations (actor));
      for (guint j = 0; j < relations->len; j++)
        assert_all_translated (((SbRelation *) g_ptr_array_index (relations, j))->evidence.citations);
    }

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SbStep) step = g_list_model_get_item (steps, i);

      if (sb_step_get_citation (step) != NULL)
        assert_translated (sb_step_get_citation (step));
    }
}

static gboolean
has_relation_end (GArray     *ends,
                  const char *other,
                  const char *wording)
{
  for (guint i = 0; i < ends->len; i++)
    {
      const SbRelationEnd *end = &g_array_index (ends, SbRelationEnd, i);

      if (g_str_equal (sb_entity_get_id (SB_ENTITY (end->other)), other) &&
          g_str_equal (sb_format_relation_end (end), wording))
        return TRUE;
    }

  return FALSE;
}

/* Relations read from both sides: the junta contracts Wagner, which is
 * contracted by it; the junta and France are at odds either way.
 */
static void
test_relations_both_ways (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(GArray) junta = sb_relations_of_actor (briefing, lookup (briefing, "mali-junta", SB_TYPE_ACTOR));
  g_autoptr(GArray) wagner = sb_relations_of_actor (briefing, lookup (briefing, "wagner-group", SB_TYPE_ACTOR));
  g_autoptr(GArray) france = sb_relations_of_actor (briefing, lookup (briefing, "france", SB_TYPE_ACTOR));
  g_autoptr(GArray) mali_army = sb_relations_of_actor (briefing, lookup (briefing, "mali-army", SB_TYPE_ACTOR));
  guint fights_is = 0;

  g_assert_true (has_relation_end (junta, "wagner-group", "Contracts"));
  g_assert_true (has_relation_end (wagner, "mali-junta", "Contracted by"));
  g_assert_true (has_relation_end (junta, "france", "At odds with"));
  g_assert_true (has_relation_end (france, "mali-junta", "At odds with"));
  g_assert_true (has_relation_end (wagner, "russia-forces", "Includes"));
  g_assert_true (has_relation_end (mali_army, "russia-forces", "Trained by"));

  /* Stated by both, shown once. */
  for (guint i = 0; i < mali_army->len; i++)
    fights_is += g_str_equal (sb_entity_get_id (SB_ENTITY (g_array_index (mali_army, SbRelationEnd, i).other)),
                              "is-linked-groups");
  g_assert_cmpuint (fights_is, ==, 1);
}

static void
test_round_trip (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbBriefing) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  first = sb_writer_to_data (briefing, &length);
  bytes = g_bytes_new (first, length);
  reloaded = sb_loader_load_bytes (bytes, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (reloaded);

  second = sb_writer_to_data (reloaded, NULL);
  g_assert_cmpstr (first, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/default-briefing/loads", test_loads);
  g_test_add_func ("/default-briefing/source-is-the-seed", test_source_is_the_seed);
  g_test_add_func ("/default-briefing/actors", test_actors);
  g_test_add_func ("/default-briefing/france", test_france);
  g_test_add_func ("/default-briefing/germany-and-russia", test_germany_and_russia);
  g_test_add_func ("/default-briefing/wagner", test_wagner);
  g_test_add_func ("/default-briefing/mali-junta", test_mali_junta);
  g_test_add_func ("/default-briefing/jihadists-and-region", test_jihadists_and_region);
  g_test_add_func ("/default-briefing/citations-resolved", test_citations_resolved);
  g_test_add_func ("/default-briefing/round-trip", test_round_trip);
  g_test_add_func ("/default-briefing/translations", test_translations);
  g_test_add_func ("/default-briefing/relations-both-ways", test_relations_both_ways);

  return g_test_run ();
}

/* test-cite.c
 *
 * Citing and placing, without a display: names found in a text whatever
 * their accents and apostrophes, the gazetteer's search and ranking, the
 * certainty a passage's wording suggests in Dutch, English and French,
 * quotes cut verbatim from a selection (a paragraph's dateline left out),
 * datelines and date lines read with their dates, counts and ranges, and
 * the edits that cite and place undone to the byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sb-actor.h"
#include "sb-actor-names.h"
#include "sb-cite.h"
#include "sb-format.h"
#include "sb-cite-dateline.h"
#include "sb-cite-suggest.h"
#include "sb-document.h"
#include "sb-figure.h"
#include "sb-gazetteer.h"
#include "sb-item.h"
#include "sb-loader.h"
#include "sb-name-match.h"
#include "sb-source.h"
#include "sb-writer.h"
#include "sb-test-model.h"

static SbGazetteer *
gazetteer (void)
{
  static SbGazetteer *loaded;

  if (loaded == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (g_file_get_contents (GAZETTEER_FILE, &contents, &length, &error));
      bytes = g_bytes_new (contents, length);
      loaded = sb_gazetteer_new_from_bytes (bytes, &error);
      g_assert_no_error (error);
    }
  return loaded;
}

static void
test_fold (void)
{
  g_autofree char *a = sb_name_fold ("Côte d’Ivoire");
  g_autofree char *b = sb_name_fold ("  MÉNAKA ");
  g_autofree char *c = sb_name_fold ("N'Djamena");

  g_assert_cmpstr (a, ==, "cote d ivoire");
  g_assert_cmpstr (b, ==, "menaka");
  g_assert_cmpstr (c, ==, "n djamena");
}

static void
test_matcher (void)
{
  g_autoptr(SbNameMatcher) matcher = sb_name_matcher_new (TRUE);
  const char *text = "Van Ménaka naar Côte d’Ivoire, niet naar côte; IS is er. Burkina Faso.";
  g_autoptr(GArray) matches = NULL;
  SbNameMatch *m;

  sb_name_matcher_add (matcher, "Menaka", "menaka");
  sb_name_matcher_add (matcher, "Côte d'Ivoire", "ci");
  sb_name_matcher_add (matcher, "Burkina", "burkina");
  sb_name_matcher_add (matcher, "Burkina Faso", "bf");
  sb_name_matcher_add (matcher, "IS", "is");

  matches = sb_name_matcher_find (matcher, text);
  g_assert_cmpuint (matches->len, ==, 4);
  m = &g_array_index (matches, SbNameMatch, 0);
  g_assert_cmpstr (m->data, ==, "menaka");
  g_assert_cmpint (strncmp (text + m->start, "Ménaka", m->end - m->start), ==, 0);
  m = &g_array_index (matches, SbNameMatch, 1);
  g_assert_cmpstr (m->data, ==, "ci");
  g_assert_cmpint (strncmp (text + m->start, "Côte d’Ivoire", m->end - m->start), ==, 0);
  g_assert_cmpuint (m->end - m->start, ==, strlen ("Côte d’Ivoire"));
  /* "IS" the acronym, not the word "is". */
  m = &g_array_index (matches, SbNameMatch, 2);
  g_assert_cmpstr (m->data, ==, "is");
  g_assert_cmpint (strncmp (text + m->start, "IS ", 3), ==, 0);
  /* The longest name wins. */
  m = &g_array_index (matches, SbNameMatch, 3);
  g_assert_cmpstr (m->data, ==, "bf");
}

static void
assert_first (const char      *query,
              const char      *name,
              SbGazetteerKind  kind,
              const char      *country)
{
  g_autoptr(GPtrArray) found = sb_gazetteer_search (gazetteer (), query, NULL, 10);
  SbGazetteerEntry *first;

  g_assert_cmpuint (found->len, >, 0);
  first = g_ptr_array_index (found, 0);
  g_assert_cmpstr (first->name, ==, name);
  g_assert_cmpint (first->kind, ==, kind);
  g_assert_cmpstr (first->country, ==, country);
}

static void
test_gazetteer_search (void)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_cmpuint (sb_gazetteer_get_n_entries (gazetteer ()), >, 1000);

  /* Towns before the regions named after them, countries first. */
  assert_first ("Gao", "Gao", SB_GAZETTEER_PLACE, "ML");
  assert_first ("gao", "Gao", SB_GAZETTEER_PLACE, "ML");
  assert_first ("Mali", "Mali", SB_GAZETTEER_COUNTRY, "ML");
  assert_first ("Niamey", "Niamey", SB_GAZETTEER_PLACE, "NE");
  assert_first ("burkina", "Burkina Faso", SB_GAZETTEER_COUNTRY, "BF");
  /* Accents, other languages, a later word. */
  /* Proper names, found as typed without accents or as spelled in ASCII. */
  assert_first ("menaka", "Ménaka", SB_GAZETTEER_PLACE, "ML");
  assert_first ("Ménaka", "Ménaka", SB_GAZETTEER_PLACE, "ML");
  assert_first ("segou", "Ségou", SB_GAZETTEER_PLACE, "ML");
  assert_first ("Yaounde", "Yaoundé", SB_GAZETTEER_PLACE, "CM");
  assert_first ("nzerekore", "Nzérékoré", SB_GAZETTEER_PLACE, "GN");
  assert_first ("Tillabery", "Tillabéri", SB_GAZETTEER_PLACE, "NE");
  assert_first ("Tsjaad", "Chad", SB_GAZETTEER_COUNTRY, "TD");
  assert_first ("Mauritanie", "Mauritania", SB_GAZETTEER_COUNTRY, "MR");
  assert_first ("Tombouctou", "Timbuktu", SB_GAZETTEER_PLACE, "ML");
  assert_first ("ivoorkust", "Côte d'Ivoire", SB_GAZETTEER_COUNTRY, "CI");
  assert_first ("faso", "Burkina Faso", SB_GAZETTEER_COUNTRY, "BF");
  /* First-level regions. */
  assert_first ("Tillabéri", "Tillabéri", SB_GAZETTEER_PLACE, "NE");
  assert_first ("Tillabéri Region", "Tillabéri", SB_GAZETTEER_REGION, "NE");
  assert_first ("Oudalan", "Oudalan", SB_GAZETTEER_REGION, "BF");
  assert_first ("Soum", "Soum", SB_GAZETTEER_REGION, "BF");

  /* A prefix finds names that start with it, those it is first. */
  found = sb_gazetteer_search (gazetteer (), "Ti", NULL, 0);
  g_assert_cmpuint (found->len, >, 3);
  for (guint i = 0; i < found->len; i++)
    {
      SbGazetteerEntry *entry = g_ptr_array_index (found, i);
      g_autofree char *folded = sb_name_fold (entry->name);
      gboolean starts = g_str_has_prefix (folded, "ti") || strstr (folded, " ti") != NULL;

      for (guint k = 0; !starts && entry->other_names && entry->other_names[k]; k++)
        {
          g_autofree char *other = sb_name_fold (entry->other_names[k]);

          starts = g_str_has_prefix (other, "ti") || strstr (other, " ti") != NULL;
        }
      g_assert_true (starts);
    }

  all = sb_gazetteer_search (gazetteer (), "", NULL, 0);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = sb_gazetteer_search (gazetteer (), "Xyzzy", NULL, 0);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_gazetteer_briefing (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(GPtrArray) found = sb_gazetteer_search (gazetteer (), "Gao", briefing, 10);
  g_autoptr(GPtrArray) dutch = sb_gazetteer_search (gazetteer (), "luchthaven", briefing, 10);
  SbGazetteerEntry *entry;

  /* What is "Gao" comes first, the town, then the region; then what
   * starts with it, the briefing's own airport first.
   */
  entry = g_ptr_array_index (found, 0);
  g_assert_cmpint (entry->kind, ==, SB_GAZETTEER_PLACE);
  entry = g_ptr_array_index (found, 1);
  g_assert_cmpint (entry->kind, ==, SB_GAZETTEER_REGION);
  entry = g_ptr_array_index (found, 2);
  g_assert_cmpint (entry->kind, ==, SB_GAZETTEER_BRIEFING);
  g_assert_true ((SbEntity *) entry->place == sb_briefing_lookup (briefing, "gao-airport"));

  /* By its name in another of the briefing's languages. */
  g_assert_cmpuint (dutch->len, ==, 2);
  entry = g_ptr_array_index (dutch, 0);
  g_assert_cmpint (entry->kind, ==, SB_GAZETTEER_BRIEFING);
  g_assert_cmpint (entry->latitude, ==, (int) sb_place_get_latitude (entry->place));
}

/* The first of the places named "Kayes" with no briefing, and in one. */
static const SbGazetteerEntry *
first_town (GPtrArray *found)
{
  for (guint i = 0; i < found->len; i++)
    {
      const SbGazetteerEntry *entry = g_ptr_array_index (found, i);

      if (entry->kind == SB_GAZETTEER_PLACE)
        return entry;
    }
  return NULL;
}

/* A name two towns share: the one in the briefing's countries, or near
 * its places, comes before the one elsewhere, ready for Enter.
 */
static void
test_gazetteer_briefing_countries (void)
{
  g_autoptr(SbBriefing) sahel = sb_test_load_default ();
  g_autoptr(SbBriefing) empty = sb_briefing_new ("nl", NULL);
  g_autoptr(SbBriefing) near = sb_briefing_new ("nl", NULL);
  g_autoptr(SbDocument) document = sb_document_new (near);
  g_autoptr(SbText) name = sb_text_new ("nl", "Kampplaats");
  g_autoptr(GPtrArray) anywhere = sb_gazetteer_search (gazetteer (), "Kayes", NULL, 10);
  g_autoptr(GPtrArray) about_nothing = sb_gazetteer_search (gazetteer (), "Kayes", empty, 10);
  g_autoptr(GPtrArray) in_sahel = sb_gazetteer_search (gazetteer (), "Kayes", sahel, 10);
  g_autoptr(GPtrArray) in_congo = NULL;
  g_autoptr(GPtrArray) near_mali = NULL;
  const SbGazetteerEntry *entry;

  /* Both are there; with nothing to go by, the gazetteer's order. */
  g_assert_cmpuint (anywhere->len, >=, 3);
  g_assert_cmpstr (first_town (anywhere)->country, ==, "CG");
  g_assert_cmpstr (first_town (about_nothing)->country, ==, "CG");

  /* A briefing on the Sahel (its places in Mali, Niger, Burkina Faso…):
   * Mali's town first, then its region, then the Congo's.
   */
  g_assert_cmpuint (in_sahel->len, ==, anywhere->len);
  entry = g_ptr_array_index (in_sahel, 0);
  g_assert_cmpint (entry->kind, ==, SB_GAZETTEER_PLACE);
  g_assert_cmpstr (entry->country, ==, "ML");
  entry = g_ptr_array_index (in_sahel, 1);
  g_assert_cmpint (entry->kind, ==, SB_GAZETTEER_REGION);
  g_assert_cmpstr (entry->country, ==, "ML");
  entry = g_ptr_array_index (in_sahel, 2);
  g_assert_cmpstr (entry->country, ==, "CG");

  /* A place with no country, a hundred kilometres from Mali's Kayes. */
  g_assert_true (sb_document_apply (document, sb_edit_new_add_place (near, name, 14.0, -10.6, SB_PLACE_PRECISION_POINT), NULL));
  near_mali = sb_gazetteer_search (gazetteer (), "Kayes", near, 10);
  g_assert_cmpstr (first_town (near_mali)->country, ==, "ML");
  g_assert_cmpstr (((SbGazetteerEntry *) g_ptr_array_index (near_mali, 0))->country, ==, "ML");

  /* Moved to Brazzaville: the Congo's is near now. */
  {
    g_autoptr(SbPlace) place = g_list_model_get_item (sb_briefing_get_places (near), 0);

    g_assert_true (sb_document_apply (document, sb_edit_new_set_position (place, -4.27, 15.28), NULL));
  }
  in_congo = sb_gazetteer_search (gazetteer (), "Kayes", near, 10);
  g_assert_cmpstr (((SbGazetteerEntry *) g_ptr_array_index (in_congo, 0))->country, ==, "CG");
}

static void
test_gazetteer_text (void)
{
  const char *text = "Soldaten landen op Gao. Niamey, Burkina Faso en Tsjaad; bol en Bol; la Mauritanie.";
  g_autoptr(GArray) matches = sb_gazetteer_find_in_text (gazetteer (), text);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < matches->len; i++)
    {
      SbNameMatch *m = &g_array_index (matches, SbNameMatch, i);
      SbGazetteerEntry *entry = m->data;

      g_ptr_array_add (names, g_strdup_printf ("%.*s=%s", (int) (m->end - m->start), text + m->start, entry->name));
    }
  g_ptr_array_add (names, NULL);
  g_assert_cmpstrv ((char **) names->pdata,
                    ((const char *[]) { "Gao=Gao", "Niamey=Niamey", "Burkina Faso=Burkina Faso", "Tsjaad=Chad",
                                        "Bol=Bol", "Mauritanie=Mauritania", NULL }));
}

/* Every occurrence, whatever word follows a name ("Djibo in", "Kaya for"). */
static void
test_gazetteer_text_every (void)
{
  const char *text = "An army post near Djibo in northern Burkina Faso was attacked. A convoy left Kaya for Djibo. "
                     "Fighting around Ménaka since the spring; residents of Ménaka fled to Kaya.";
  g_autoptr(GArray) matches = sb_gazetteer_find_in_text (gazetteer (), text);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < matches->len; i++)
    {
      SbNameMatch *m = &g_array_index (matches, SbNameMatch, i);

      g_ptr_array_add (names, g_strndup (text + m->start, m->end - m->start));
    }
  g_ptr_array_add (names, NULL);
  g_assert_cmpstrv ((char **) names->pdata,
                    ((const char *[]) { "Djibo", "Burkina Faso", "Kaya", "Djibo", "Ménaka", "Ménaka", "Kaya", NULL }));
}

/* A place's name inside a longer proper noun is not the place ("Lake
 * Chad", "Islamic State Sahel Province"), nor is an adjective ("a
 * Western diplomat"); a name after a sentence's first word, after a comma
 * or in a title-case headline is.
 */
static void
test_gazetteer_text_longer_names (void)
{
  const char *text = "Army Retakes Kidal From Rebels\n\n"
                     "AGADEZ, Niger — Drones flew as far as Libya and Lake Chad. In Niamey, a Western diplomat said "
                     "Islamic State Sahel Province was active near Ménaka.";
  g_autoptr(GArray) matches = sb_gazetteer_find_in_text (gazetteer (), text);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < matches->len; i++)
    {
      SbNameMatch *m = &g_array_index (matches, SbNameMatch, i);

      g_ptr_array_add (names, g_strndup (text + m->start, m->end - m->start));
    }
  g_ptr_array_add (names, NULL);
  g_assert_cmpstrv ((char **) names->pdata,
                    ((const char *[]) { "Kidal", "AGADEZ", "Niger", "Libya", "Niamey", "Ménaka", NULL }));
}

/* A compound name is one place, the longest name found wins: Burkina
 * Faso's "Centre-Nord" is neither Togo's Centre nor Cameroon's Nord; "the
 * Sahel" is no region.
 */
static void
test_gazetteer_text_compound (void)
{
  const char *text = "Attacks in the Centre-Nord spread across the Sahel to the Région du Centre-Est, "
                     "Plateau-Central and Hauts-Bassins; in Cameroon's Nord-Ouest, calm.";
  g_autoptr(GArray) matches = sb_gazetteer_find_in_text (gazetteer (), text);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < matches->len; i++)
    {
      SbNameMatch *m = &g_array_index (matches, SbNameMatch, i);
      SbGazetteerEntry *entry = m->data;

      g_ptr_array_add (names, g_strdup_printf ("%.*s=%s %s", (int) (m->end - m->start), text + m->start,
                                               entry->name, entry->country));
    }
  g_ptr_array_add (names, NULL);
  g_assert_cmpstrv ((char **) names->pdata,
                    ((const char *[]) { "Centre-Nord=Centre-Nord BF", "Région du Centre-Est=Centre-Est BF",
                                        "Plateau-Central=Plateau-Central BF", "Hauts-Bassins=Hauts-Bassins BF",
                                        "Cameroon=Cameroon CM", "Nord-Ouest=Nord-Ouest CM", NULL }));
}

static void
test_gazetteer_nearest (void)
{
  const SbGazetteerEntry *gao = sb_gazetteer_nearest (gazetteer (), 16.28, -0.04, 25);

  g_assert_nonnull (gao);
  g_assert_cmpstr (gao->name, ==, "Gao");
  g_assert_null (sb_gazetteer_nearest (gazetteer (), 22.0, -5.0, 25));
  g_assert_cmpstr (sb_gazetteer_country_name (gazetteer (), "NE"), ==, "Niger");
}

static void
test_gazetteer_invalid (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("# comment\nplace\tGao\t\t16.2\t-0.05\tML\t7\t0\nplace\tNowhere\t\t91\t0\tML\t7\t0\n", 86);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbGazetteer) bad = sb_gazetteer_new_from_bytes (bytes, &error);

  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

typedef struct
{
  const char *language;
  const char *passage;
  SbCertainty certainty;
  gboolean obvious;
} CertaintyCase;

static void
test_certainty (void)
{
  static const CertaintyCase cases[] = {
    { "nl", "dat al enige maanden operationeel is in Mali met naar wordt aangenomen zo’n duizend militairen", SB_CERTAINTY_ESTIMATED, TRUE },
    { "nl", "Er zijn vermoedelijk 300 strijders", SB_CERTAINTY_ESTIMATED, TRUE },
    { "nl", "Moskou zegt alleen opleiders te sturen", SB_CERTAINTY_CLAIMED, TRUE },
    { "nl", "Volgens de junta is het rustig", SB_CERTAINTY_CLAIMED, TRUE },
    { "nl", "Het leger heeft de aanval bevestigd", SB_CERTAINTY_REPORTED, TRUE },
    { "nl", "Onduidelijk is of zij ook tot de Wagner-groep behoren", SB_CERTAINTY_UNCLEAR, TRUE },
    { "nl", "Gevreesd wordt dat de strijd zich uitbreidt", SB_CERTAINTY_FEARED, TRUE },
    { "nl", "Maandag trok het laatste contingent de grens over", SB_CERTAINTY_REPORTED, FALSE },
    { "en", "Some 1,000 fighters are believed to be in the area", SB_CERTAINTY_ESTIMATED, TRUE },
    { "en", "Moscow says it only sends instructors", SB_CERTAINTY_CLAIMED, TRUE },
    { "en", "According to the UN, 49 soldiers were arrested", SB_CERTAINTY_CLAIMED, TRUE },
    { "en", "The army confirmed the attack", SB_CERTAINTY_REPORTED, TRUE },
    { "en-GB", "It is unclear who fired first", SB_CERTAINTY_UNCLEAR, TRUE },
    { "fr", "Environ 1 000 soldats seraient présents", SB_CERTAINTY_ESTIMATED, TRUE },
    { "fr", "Selon Moscou, il s’agit d’instructeurs", SB_CERTAINTY_CLAIMED, TRUE },
    { "fr", "L’armée a confirmé l’attaque", SB_CERTAINTY_REPORTED, TRUE },
    { "fr", "On craint une extension du conflit", SB_CERTAINTY_FEARED, TRUE },
    /* Dutch wording in an English source says nothing. */
    { "en", "Moskou zegt alleen opleiders te sturen", SB_CERTAINTY_REPORTED, FALSE },
    /* A language the table does not know: every language's wording. */
    { "de", "according to the army", SB_CERTAINTY_CLAIMED, TRUE },
    { NULL, "naar wordt aangenomen", SB_CERTAINTY_ESTIMATED, TRUE },
    /* Two wordings: the more hedged one, not obvious. */
    { "nl", "Moskou zegt dat er naar wordt aangenomen duizend zijn", SB_CERTAINTY_ESTIMATED, FALSE },
    /* "According to estimates": an estimate, whoever makes it (the
     * hand-run's Africa Corps figure was suggested as Reported).
     */
    { "fr", "L’Africa Corps compterait entre 2 000 et 2 500 hommes, selon des estimations de diplomates occidentaux",
      SB_CERTAINTY_ESTIMATED, FALSE },
    { "en", "some 2,000 men, according to Western estimates", SB_CERTAINTY_ESTIMATED, FALSE },
    { "nl", "volgens schattingen van diplomaten", SB_CERTAINTY_ESTIMATED, FALSE },
    /* A word inside another is not the word. */
    { "nl", "de zegtuig", SB_CERTAINTY_REPORTED, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean obvious = !cases[i].obvious;
      SbCertainty certainty = sb_cite_suggest_certainty (cases[i].passage, cases[i].language, &obvious);

      if (certainty != cases[i].certainty || obvious != cases[i].obvious)
        g_error ("“%s” (%s): %d %s, expected %d %s", cases[i].passage, cases[i].language,
                 certainty, obvious ? "obvious" : "not obvious",
                 cases[i].certainty, cases[i].obvious ? "obvious" : "not obvious");
    }
}

/* Who claims it, where the passage makes it plain; never a guess. */
/* Every name an article may give an actor: names in each language,
 * aliases, and short names; an abbreviation only as written ("VDP", not
 * "vdp" nor inside a word), a short name that is a country's never.
 */
static void
test_actor_names (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(SbNameMatcher) matcher = sb_name_matcher_new (FALSE);
  g_autoptr(SbText) name = sb_text_new ("fr", "Volontaires pour la défense de la patrie");
  g_autoptr(SbText) short_name = sb_text_new ("fr", "VDP");
  const char *text = "Les VDP et les FAMa, avec la MINUSMA, ont quitté le Mali. Les Volontaires pour la Défense de "
                     "la Patrie ; les vdp ; les VDPs ; Fama ; het Malinese leger.";
  const char *expected[] = { "VDP", "FAMa", "MINUSMA", "Volontaires pour la Défense de la Patrie", "Malinese leger" };
  g_autoptr(GArray) found = NULL;
  GListModel *actors = sb_briefing_get_actors (briefing);
  SbEdit *add;
  SbActor *vdp;

  add = sb_edit_new_add_actor (briefing, name, SB_ACTOR_KIND_NATIONAL_FORCES);
  vdp = SB_ACTOR (sb_edit_get_entity (add));
  g_assert_true (sb_document_apply (document, add, NULL));
  g_assert_true (sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (vdp), SB_ACTOR_FIELD_SHORT_NAME, short_name),
                                    NULL));

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      sb_actor_names_add (matcher, actor, gazetteer ());
    }
  found = sb_name_matcher_find (matcher, text);
  for (guint i = 0; i < found->len; i++)
    {
      SbNameMatch *match = &g_array_index (found, SbNameMatch, i);

      g_test_message ("%.*s", (int) (match->end - match->start), text + match->start);
    }
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < found->len; i++)
    {
      SbNameMatch *match = &g_array_index (found, SbNameMatch, i);

      g_assert_cmpuint (match->end - match->start, ==, strlen (expected[i]));
      g_assert_cmpint (strncmp (text + match->start, expected[i], strlen (expected[i])), ==, 0);
    }
  g_assert_true (g_array_index (found, SbNameMatch, 0).data == vdp);
  g_assert_true (g_array_index (found, SbNameMatch, 1).data == sb_test_lookup (briefing, "mali-army"));
  g_assert_true (g_array_index (found, SbNameMatch, 2).data == sb_test_lookup (briefing, "minusma"));
  g_assert_true (g_array_index (found, SbNameMatch, 3).data == vdp);
}

static void
test_claimant (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  const struct {
    const char *language;
    const char *passage;
    const char *claimant;
  } cases[] = {
    { "en", "Wagner says it only trains soldiers", "wagner-group" },
    { "nl", "Moskou zegt alleen opleiders te sturen", "russia-government" },
    { "fr", "Selon le Kremlin, il s’agit d’instructeurs", "russia-government" },
    { "en", "According to the UN, 49 soldiers were arrested", "minusma" },
    /* A government or its forces as wires name them: the one the passage names. */
    { "en", "In Mali, the army said it had killed 30 fighters", "mali-army" },
    { "en", "Fighting near Djibo in Burkina Faso, the military said on Monday", "burkina-faso-military" },
    { "fr", "Au Niger, l’armée a dit avoir repoussé une attaque", "niger-forces" },
    /* Several governments and none named: nobody. */
    { "en", "Militants linked to Al-Qaida attacked a post, officials said", NULL },
    /* A party named, but not as the one who says it. */
    { "en", "Wagner fighters arrived in Gao, according to two security sources", NULL },
    { "en", "Residents of Ménaka said hundreds had fled", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SbActor *claimant = sb_cite_suggest_claimant (briefing, cases[i].passage, cases[i].language);
      const char *id = claimant ? sb_entity_get_id (SB_ENTITY (claimant)) : NULL;

      if (g_strcmp0 (id, cases[i].claimant) != 0)
        g_error ("“%s”: claimed by %s, expected %s", cases[i].passage, id ? id : "nobody",
                 cases[i].claimant ? cases[i].claimant : "nobody");
    }
}

/* A new statement: claimed only with its claimant, so it starts without
 * a problem the app made, and dated as its source is.
 */
static void
test_cite_item_evidence (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbSource *source = sb_test_lookup (briefing, "article-2022-08-mali");
  const char *claim = "Moskou zegt alleen opleiders te sturen";
  SbEdit *edit;
  SbItem *item;

  g_assert_nonnull (strstr (sb_source_get_text (source), claim));
  edit = sb_cite_new_item (briefing, SB_ITEM_KIND_DEPLOYMENT, source, claim, -1, NULL, NULL);
  item = SB_ITEM (sb_edit_get_select (edit));
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_cmpint (sb_item_get_certainty (item), ==, SB_CERTAINTY_CLAIMED);
  g_assert_true (sb_item_get_evidence (item)->claimed_by == sb_test_lookup (briefing, "russia-government"));
  g_assert_true (sb_date_equal (sb_item_get_date (item), sb_source_get_date (source)));
  g_assert_cmpint (sb_item_get_date (item)->start.precision, ==, SB_DATE_PRECISION_MONTH);

  {
    SbEdit *second;
    SbItem *other;
    const char *passage = "De Fransen hebben met circa 5500 commando’s";

    second = sb_cite_new_item (briefing, SB_ITEM_KIND_INCIDENT, source, passage, -1, NULL, NULL);
    other = SB_ITEM (sb_edit_get_select (second));
    g_assert_true (sb_document_apply (document, second, NULL));
    g_assert_null (sb_item_get_evidence (other)->claimed_by);
  }
}

static void
test_quote_range (void)
{
  const char *text = "Eerste alinea.\n\nHet leger van Mali met zo’n duizend militairen. Ménaka!";
  const char *selected = "met zo’n duizend";
  glong start_char = g_utf8_pointer_to_offset (text, strstr (text, selected));
  glong end_char = start_char + g_utf8_strlen (selected, -1);
  gsize start, end;

  /* The selection with the spaces a mouse takes along. */
  g_assert_true (sb_cite_quote_range (text, start_char - 1, end_char + 1, &start, &end));
  g_assert_cmpuint (end - start, ==, strlen (selected));
  g_assert_cmpint (memcmp (text + start, selected, end - start), ==, 0);
  /* Backwards is the same. */
  g_assert_true (sb_cite_quote_range (text, end_char, start_char, &start, &end));
  g_assert_cmpint (memcmp (text + start, selected, end - start), ==, 0);
  /* Across the paragraph break, kept as it is. */
  g_assert_true (sb_cite_quote_range (text, 7, 20, &start, &end));
  g_assert_cmpint (strncmp (text + start, "alinea.\n\nHet", end - start), ==, 0);
  /* Only white space, out of range. */
  g_assert_false (sb_cite_quote_range (text, 14, 16, &start, &end));
  g_assert_true (sb_cite_quote_range (text, 60, 1000, &start, &end));
  g_assert_cmpuint (end, ==, strlen (text));
}

static char *
snapped (const char *text,
         const char *selected)
{
  const char *at = strstr (text, selected);
  glong start_char, end_char;
  gsize start, end;

  g_assert_nonnull (at);
  start_char = g_utf8_pointer_to_offset (text, at);
  end_char = start_char + g_utf8_strlen (selected, -1);
  if (!sb_cite_quote_range (text, start_char, end_char, &start, &end))
    return NULL;
  return g_strndup (text + start, end - start);
}

/* A sloppy selection is made whole words, still cut from the text. */
static void
test_quote_words (void)
{
  const char *text = "The convoy left Kaya for Djibo on 24 November. On 29 November the column was ambushed "
                     "near Gaskindé, a village. Hij zei: “we blijven” en ging. Zo’n 1.000 man (de VDP) bleven.";
  const struct { const char *selected; const char *quote; } cases[] = {
    /* Most of a word at either end: the word. */
    { "onvoy left Ka", "convoy left Kaya" },
    /* Only its edge: left out. */
    { "e convoy left K", "convoy left" },
    /* Within a word: the word. */
    { "mbush", "ambushed" },
    { "1.0", "1.000" },
    { "o’", "Zo’n" },
    /* The stop of the sentence before, and its space, are not the quote's. */
    { ". On 29 November the column was ambushed near Gaskindé", "On 29 November the column was ambushed near Gaskindé" },
    /* A sentence from its start keeps its full stop; a part of one does not take it. */
    { "The convoy left Kaya for Djibo on 24 Novembe", "The convoy left Kaya for Djibo on 24 November." },
    { "left Kaya for Djibo on 24 November", "left Kaya for Djibo on 24 November" },
    /* Punctuation inside stays; a quotation mark or bracket opened is closed. */
    { "ambushed near Gaskindé, a villa", "ambushed near Gaskindé, a village" },
    { "“we blijven", "“we blijven”" },
    { "man (de VD", "man (de VDP)" },
    /* Nothing but the end of a word and a space. */
    { "e ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quote = snapped (text, cases[i].selected);

      g_test_message ("“%s” → “%s”", cases[i].selected, quote);
      g_assert_cmpstr (quote, ==, cases[i].quote);
      if (quote != NULL)
        g_assert_nonnull (strstr (text, quote));
    }
}

/* French quotation marks stand apart from their words, by a space, a
 * no-break one or a narrow no-break one: « opened in the quote still
 * takes its ».
 */
static void
test_quote_french_marks (void)
{
  const char *text = "L’armée n’a reconnu que « des pertes ». Le JNIM parle de « plus de 40\u00a0citernes\u00a0». "
                     "Un témoin\u202f: «\u202fnous avons fui\u202f» dit-il. Il cite « le bilan »\nSuite.";
  const struct { const char *selected; const char *quote; } cases[] = {
    { "n’a reconnu que « des pertes", "n’a reconnu que « des pertes »" },
    { "n’a reconnu que « des pert", "n’a reconnu que « des pertes »" },
    { "de « plus de 40\u00a0citernes", "de « plus de 40\u00a0citernes\u00a0»" },
    { "«\u202fnous avons fui", "«\u202fnous avons fui\u202f»" },
    { "Il cite « le bilan", "Il cite « le bilan »" },
    /* Already closed, or nothing opened: as it was. */
    { "« des pertes »", "« des pertes »" },
    { "des pertes", "des pertes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quote = snapped (text, cases[i].selected);

      g_test_message ("“%s” → “%s”", cases[i].selected, quote);
      g_assert_cmpstr (quote, ==, cases[i].quote);
      g_assert_nonnull (strstr (text, quote));
    }
}

/* "une partie" is a part, not "partie" (left): a place after it is no
 * movement's end, and the citer offers no "New Movement to Bamako".
 */
static void
test_route_part_noun (void)
{
  const struct { const char *text; const char *name; SbCiteEnd end; } cases[] = {
    { "L’Africa Corps, dont une partie est basée à Bamako, a pris le relais.", "Bamako", SB_CITE_END_NONE },
    { "Les mercenaires, en partie stationnés à Kidal, restent.", "Kidal", SB_CITE_END_NONE },
    /* The verb still moves. */
    { "La colonne est partie à Gao hier.", "Gao", SB_CITE_END_DESTINATION },
    { "Une partie de la colonne est partie pour Gao.", "Gao", SB_CITE_END_DESTINATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *at = strstr (cases[i].text, cases[i].name);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (sb_cite_route_end (cases[i].text, at - cases[i].text, "fr"), ==, cases[i].end);
    }
}

/* A paragraph's dateline is not the passage after it; alone, it is. */
static void
test_quote_dateline (void)
{
  const char *text = "Army retakes Kidal\n\n"
                     "BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal on Tuesday. It met no resistance.\n\n"
                     "NIAMEY, Nov 15 (Reuters) - Some 400 soldiers left Niamey.\n\n"
                     "Bamako, le 15 novembre 2023 – L’armée est entrée à Kidal.\n\n"
                     "BAMAKO, 15 november – Het leger trok Kidal binnen.\n\n"
                     "KIDAL, Mali — Residents fled.\n\n"
                     "MINUSMA – de VN-missie – vertrekt.\n\n"
                     "Wagner (een Russische huurlingengroep) – zit in Mali.";
  const struct { const char *selected; const char *quote; } cases[] = {
    /* From the paragraph's start: the story, a sentence with its stop. */
    { "BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal on Tuesday", "The army entered Kidal on Tuesday." },
    { "BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal on Tuesday. It met no resistance.",
      "The army entered Kidal on Tuesday. It met no resistance." },
    { "NIAMEY, Nov 15 (Reuters) - Some 400 soldiers", "Some 400 soldiers" },
    { "Bamako, le 15 novembre 2023 – L’armée est entrée à Kidal.", "L’armée est entrée à Kidal." },
    { "BAMAKO, 15 november – Het leger", "Het leger" },
    { "KIDAL, Mali — Residents fled.", "Residents fled." },
    /* Only the dateline: it is what was chosen. */
    { "BAMAKO, 15 November 2023 (Reuters) —", "BAMAKO, 15 November 2023 (Reuters) —" },
    { "BAMAKO, 15 November 2023", "BAMAKO, 15 November 2023" },
    /* From inside it: as selected. */
    { "15 November 2023 (Reuters) — The army", "15 November 2023 (Reuters) — The army" },
    /* Not datelines: a name and an aside before a dash. */
    { "MINUSMA – de VN-missie", "MINUSMA – de VN-missie" },
    { "Wagner (een Russische huurlingengroep) – zit in Mali", "Wagner (een Russische huurlingengroep) – zit in Mali." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quote = snapped (text, cases[i].selected);

      g_test_message ("“%s” → “%s”", cases[i].selected, quote);
      g_assert_cmpstr (quote, ==, cases[i].quote);
      g_assert_nonnull (strstr (text, quote));
    }
}

/* Datelines as agencies write them, and the dates they give. */
static void
test_dateline (void)
{
  const SbDate reference = { .start = { 2024, 1, 10, SB_DATE_PRECISION_DAY } };
  const struct {
    const char *paragraph;
    const char *story;     /* NULL: no dateline */
    int year, month, day;  /* 0: no date */
  } cases[] = {
    { "BAMAKO, 15 November 2023 (Reuters) — The army", "The army", 2023, 11, 15 },
    /* No year: the one before the reference's, late in the year. */
    { "NIAMEY, Nov 15 (Reuters) - The army", "The army", 2023, 11, 15 },
    { "NIAMEY, Jan. 8 (Reuters) - The army", "The army", 2024, 1, 8 },
    { "Bamako, le 15 novembre 2023 – L’armée", "L’armée", 2023, 11, 15 },
    { "BAMAKO, 15 november – Het leger", "Het leger", 2023, 11, 15 },
    { "BAMAKO, Mali, 15 November 2023 (AFP) —The army", "The army", 2023, 11, 15 },
    { "OUAGADOUGOU, Burkina Faso (Reuters) - The army", "The army", 0, 0, 0 },
    { "DAKAR (AFP) -- The army", "The army", 0, 0, 0 },
    { "KIDAL, Mali — Residents", "Residents", 0, 0, 0 },
    { "BAMAKO — The army", NULL, 0, 0, 0 },
    { "MINUSMA – de VN-missie", NULL, 0, 0, 0 },
    { "Mali, Burkina Faso en Niger – drie landen", NULL, 0, 0, 0 },
    { "Wagner (een Russische huurlingengroep) – zit", NULL, 0, 0, 0 },
    { "Bobo-Dioulasso, 3 mars 2023 - Les", "Les", 2023, 3, 3 },
    { "The army entered Kidal - the town", NULL, 0, 0, 0 },
    { "BAMAKO, 15 November 2023 (Reuters) —", NULL, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SbDate date;
      gsize length = sb_cite_dateline (cases[i].paragraph, &reference, &date);

      g_test_message ("%s", cases[i].paragraph);
      if (cases[i].story == NULL)
        {
          g_assert_cmpuint (length, ==, 0);
          continue;
        }
      g_assert_cmpstr (cases[i].paragraph + length, ==, cases[i].story);
      g_assert_cmpint (sb_date_is_set (&date), ==, cases[i].year != 0);
      if (cases[i].year == 0)
        continue;
      g_assert_cmpint (date.start.precision, ==, SB_DATE_PRECISION_DAY);
      g_assert_cmpint (date.start.year, ==, cases[i].year);
      g_assert_cmpint (date.start.month, ==, cases[i].month);
      g_assert_cmpint (date.start.day, ==, cases[i].day);
    }

  /* Without a reference, a date without its year gives none. */
  {
    SbDate date;

    g_assert_cmpuint (sb_cite_dateline ("NIAMEY, Nov 15 (Reuters) - The army", NULL, &date), >, 0);
    g_assert_false (sb_date_is_set (&date));
  }
}

/* A line under a headline that is only its date. */
static void
test_date_line (void)
{
  const struct {
    const char *line;
    int year, month, day;  /* 0: not a date line */
    SbDatePrecision precision;
  } cases[] = {
    { "15 November 2023", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "Wednesday, November 15, 2023", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "Published: 15 Nov 2023 10:32 GMT", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "Publié le 15 novembre 2023 à 10h32", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "Gepubliceerd op woensdag 15 november 2023 om 10:32", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "November 2023", 2023, 11, 0, SB_DATE_PRECISION_MONTH },
    { "2023-11-15", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "Updated 2023-11-15 10:32", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "15.11.2023", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "15/11/2023", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    { "11/15/2023", 2023, 11, 15, SB_DATE_PRECISION_DAY },
    /* Which is the day: not told. */
    { "05/11/2023", 0, 0, 0, 0 },
    /* No year written. */
    { "15 November", 0, 0, 0, 0 },
    /* A headline or a sentence with a date in it. */
    { "Army retakes Kidal, 15 November 2023", 0, 0, 0, 0 },
    { "On 15 November 2023 the army entered Kidal.", 0, 0, 0, 0 },
    { "By Jane Doe, 15 November 2023", 0, 0, 0, 0 },
    /* A sentence's line, wrapped in a text file. */
    { "on 15 November 2023.", 0, 0, 0, 0 },
    { "at 10:32 on 15 November 2023", 0, 0, 0, 0 },
    { "mercredi 15 novembre 2023", 2023, 11, 15, SB_DATE_PRECISION_DAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SbDate date;
      gboolean is_date = sb_cite_date_line (cases[i].line, &date);

      g_test_message ("%s", cases[i].line);
      g_assert_cmpint (is_date, ==, cases[i].year != 0);
      g_assert_cmpint (sb_date_is_set (&date), ==, is_date);
      if (!is_date)
        continue;
      g_assert_cmpint (date.start.precision, ==, cases[i].precision);
      g_assert_cmpint (date.start.year, ==, cases[i].year);
      g_assert_cmpint (date.start.month, ==, cases[i].month);
      g_assert_cmpint (date.start.day, ==, cases[i].day);
    }
}

static void
test_sentence (void)
{
  const char *text = "Eerste alinea zonder punt\nDe 1.000 man landen op Gao. Ze blijven! Nog een zin.";
  const char *gao = strstr (text, "Gao");
  gsize start, end;

  sb_cite_sentence_around (text, gao - text, gao - text + 3, &start, &end);
  g_assert_cmpint (strncmp (text + start, "De 1.000 man landen op Gao.", end - start), ==, 0);
  g_assert_cmpuint (end - start, ==, strlen ("De 1.000 man landen op Gao."));

  sb_cite_sentence_around (text, 0, 6, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, strlen ("Eerste alinea zonder punt"));

  sb_cite_sentence_around (text, strlen (text) - 3, strlen (text) - 1, &start, &end);
  g_assert_cmpstr (text + start, ==, "Nog een zin.");
}

/* A citation made from a selection knows its passage at once, the same
 * occurrence of a word the text has twice; an edit of the text before it
 * moves it, and undoing the edit moves it back.
 */
static void
test_cite_located (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbSource *source = sb_test_lookup (briefing, "article-2022-08-mali");
  const char *text = sb_source_get_text (source);
  const char *first = strstr (text, "Gao");
  const char *second = strstr (first + 1, "Gao");
  g_autofree char *edited = g_strconcat ("Vooraf. ", text, NULL);
  SbEdit *edit;
  SbItem *item;
  SbCitation *citation;

  g_assert_nonnull (second);
  edit = sb_cite_new_item (briefing, SB_ITEM_KIND_INCIDENT, source, "Gao", second - text, NULL, NULL);
  item = SB_ITEM (sb_edit_get_select (edit));
  g_assert_true (sb_document_apply (document, edit, NULL));
  citation = g_ptr_array_index (sb_item_get_citations (item), 0);
  g_assert_cmpint (citation->offset, ==, second - text);
  g_assert_cmpint (sb_cite_locate (citation, sb_source_get_text (source)), ==, second - text);

  /* Not where it says: its first occurrence; not in the text: nowhere. */
  {
    g_autoptr(SbCitation) elsewhere = sb_cite_citation (source, "Gao", 3);
    g_autoptr(SbCitation) nowhere = sb_cite_citation (source, "Timboektoe aan zee", 3);

    g_assert_cmpint (elsewhere->offset, ==, first - text);
    g_assert_cmpint (nowhere->offset, ==, -1);
    g_assert_cmpint (sb_cite_locate (nowhere, text), ==, -1);
  }

  g_assert_true (sb_document_apply (document, sb_edit_new_set_string (SB_ENTITY (source), SB_SOURCE_FIELD_TEXT, edited),
                                    NULL));
  g_assert_cmpint (sb_cite_locate (citation, sb_source_get_text (source)), ==, second - text + strlen ("Vooraf. "));
  g_assert_true (sb_document_undo (document));
  g_assert_cmpint (sb_cite_locate (citation, sb_source_get_text (source)), ==, second - text);
  g_assert_true (sb_document_redo (document));
  g_assert_cmpint (sb_cite_locate (citation, sb_source_get_text (source)), ==, second - text + strlen ("Vooraf. "));
}

static SbDate
day_date (int year, guint month, guint day)
{
  SbDate date = { 0, };

  date.start.year = year;
  date.start.month = month;
  date.start.day = day;
  date.start.precision = day ? SB_DATE_PRECISION_DAY : SB_DATE_PRECISION_MONTH;
  return date;
}

/* The date a passage gives, in Dutch, English and French, counted from
 * the source's date where it gives no year or only a weekday.
 */
static void
test_suggest_date (void)
{
  /* Thursday 3 December 2026 */
  SbDate source = day_date (2026, 12, 3);
  const struct {
    const char *passage;
    int year;
    guint month, day;
    gboolean approximate;
  } cases[] = {
    { "The attack on 12 March 2024 killed 14", 2024, 3, 12, FALSE },
    { "It began on March 12, 2024, officials said", 2024, 3, 12, FALSE },
    { "Le 3 mars, des hommes armés ont attaqué", 2026, 3, 3, FALSE },
    { "le 1er février 2025", 2025, 2, 1, FALSE },
    { "Op 5 augustus vielen 12 doden", 2026, 8, 5, FALSE },
    /* After the source's date without a year: the year before. */
    { "On 29 December the column was ambushed", 2025, 12, 29, FALSE },
    { "On 29 November the column was ambushed", 2026, 11, 29, FALSE },
    { "in March 2024", 2024, 3, 0, FALSE },
    /* A month without a year: the source's year, or the one before. */
    { "In April, about 100 Russian military instructors landed in Niamey", 2026, 4, 0, FALSE },
    { "En avril, une centaine d'instructeurs", 2026, 4, 0, FALSE },
    { "Sinds juni zijn er 400 militairen", 2026, 6, 0, FALSE },
    { "May 2026 saw fewer attacks", 2026, 5, 0, FALSE },
    { "en août 2022", 2022, 8, 0, FALSE },
    /* The day before the source's; a weekday is the reader's guess. */
    { "hier soir, à Gao", 2026, 12, 2, FALSE },
    { "the convoy reached Djibo on Tuesday", 0, 0, 0, FALSE },
    /* "may" the verb is no month; 24 kilometres is no day. */
    { "Fighters may return within 24 hours", 0, 0, 0, FALSE },
    { "some 400 soldiers", 0, 0, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SbDate date;
      gboolean found = sb_cite_suggest_date (cases[i].passage, &source, &date);

      g_test_message ("%s: %d-%u-%u", cases[i].passage, found ? date.start.year : 0, found ? date.start.month : 0,
                      found ? date.start.day : 0);
      g_assert_cmpint (found, ==, cases[i].year != 0);
      if (!found)
        continue;
      g_assert_cmpint (date.start.year, ==, cases[i].year);
      g_assert_cmpuint (date.start.month, ==, cases[i].month);
      g_assert_cmpuint (date.start.day, ==, cases[i].day);
      g_assert_cmpint (date.start.precision, ==, cases[i].day ? SB_DATE_PRECISION_DAY : SB_DATE_PRECISION_MONTH);
      g_assert_cmpint (date.approximate, ==, cases[i].approximate);
      g_assert_false (date.is_span);
    }
  /* No year and no source date: nothing to count from. */
  {
    SbDate date;

    g_assert_false (sb_cite_suggest_date ("le 3 mars", NULL, &date));
  }
}

/* How many were killed, how strong a force is. */
/* A range of the dead is a range, not the sum of its ends (the hand-run
 * had 35 dead from "entre 15 et 20"); two counts joined by "and" alone
 * still add up.
 */
static void
test_suggest_fatality_ranges (void)
{
  const struct {
    const char *passage;
    double min, max;
  } cases[] = {
    { "Le bilan varie selon les sources : entre 15 et 20 soldats auraient été tués", 15, 20 },
    { "between 15 and 20 soldiers were killed", 15, 20 },
    { "15 to 20 soldiers were killed", 15, 20 },
    { "tussen 15 en 20 doden", 15, 20 },
    { "the attackers killed between 30 and 40 civilians", 30, 40 },
    { "de 15 à 20 morts", 15, 20 },
    { "At least 17 soldiers and 6 civilian drivers were killed", 23, 23 },
    { "15 and 20 were killed", 35, 35 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SbQuantity quantity;

      g_test_message ("%s", cases[i].passage);
      g_assert_true (sb_cite_suggest_fatalities (cases[i].passage, &quantity));
      g_assert_cmpfloat (quantity.min, ==, cases[i].min);
      g_assert_cmpfloat (quantity.max, ==, cases[i].max);
      g_assert_cmpint (quantity.is_range, ==, cases[i].max > cases[i].min);
    }
}

static void
test_suggest_counts (void)
{
  const struct {
    const char *passage;
    double fatalities;     /* -1: none */
    double strength_min;   /* -1: none */
    double strength_max;
    gboolean approximate;
  } cases[] = {
    { "At least 14 killed in an attack near Gao", 14, -1, 0, FALSE },
    { "14 people were killed when gunmen attacked", 14, -1, 0, FALSE },
    { "At least 17 soldiers and 6 civilian drivers were killed", 23, -1, 0, FALSE },
    { "Gunmen attacked the market, killing at least 20 civilians", 20, -1, 0, FALSE },
    { "L’attaque a fait 12 morts et 30 blessés", 12, -1, 0, FALSE },
    { "30 blessés et 12 morts", 12, -1, 0, FALSE },
    { "Des jihadistes ont tué douze soldats", 12, -1, 0, FALSE },
    { "Bij de aanval vielen zo’n 40 doden", 40, -1, 0, TRUE },
    { "Vijf militairen kwamen om het leven", 5, -1, 0, FALSE },
    { "Some 400 soldiers arrived in Ménaka", -1, 400, 400, TRUE },
    { "met naar wordt aangenomen zo’n duizend militairen", -1, 1000, 1000, TRUE },
    { "between 2,000 and 3,000 troops", -1, 2000, 3000, FALSE },
    /* A range in figures, as the format allows a figure to be. */
    { "some 400-600 men", -1, 400, 600, FALSE },
    { "400 – 600 soldiers", -1, 400, 600, FALSE },
    { "de 2 000 à 3 000 hommes", -1, 2000, 3000, FALSE },
    { "2000-3000 strijders", -1, 2000, 3000, FALSE },
    /* A second number that is no range's end. */
    { "600-400 men", -1, 400, 400, FALSE },
    { "La France a déployé 5 000 hommes", -1, 5000, 5000, FALSE },
    { "De Fransen hebben met circa 5500 commando’s", -1, 5500, 5500, TRUE },
    /* A number like a year that counts people is a count. */
    { "Er zijn zo’n 2000 militairen in Gao", -1, 2000, 2000, TRUE },
    { "In 2022 vertrokken de Fransen", -1, -1, 0, FALSE },
    /* Not counts of the dead or of a force. */
    /* A date before the count; counts in words; a range with "to". */
    { "on 20 March, 23 soldiers were killed in an ambush near Teguey", 23, -1, 0, FALSE },
    { "The attack at Tassia on 25 June, killing 20 soldiers and one civilian", 21, -1, 0, FALSE },
    { "tuant vingt soldats et un civil", 21, -1, 0, FALSE },
    { "en doodden achttien soldaten en een burger", 19, -1, 0, FALSE },
    { "Seventeen soldiers and one civilian were killed", 18, -1, 0, FALSE },
    { "an estimated 2,000 to 3,000 fighters", -1, 2000, 3000, FALSE },
    { "entre 2 000 à 3 000 combattants", -1, 2000, 3000, FALSE },
    { "zo’n 2.000 tot 3.000 strijders", -1, 2000, 3000, FALSE },
    { "At its height, some 1,000 US military and civilian personnel were deployed in Niger", -1, 1000, 1000, TRUE },
    { "some 40 kilometres south of Djibo", -1, -1, 0, FALSE },
    { "12 soldiers were wounded", -1, -1, 0, FALSE },
    { "On 29 November the column was ambushed", -1, -1, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SbQuantity quantity;
      gboolean dead = sb_cite_suggest_fatalities (cases[i].passage, &quantity);

      g_test_message ("%s", cases[i].passage);
      g_assert_cmpint (dead, ==, cases[i].fatalities >= 0);
      if (dead)
        {
          g_assert_cmpfloat (quantity.min, ==, cases[i].fatalities);
          g_assert_cmpfloat (quantity.max, ==, cases[i].fatalities);
          g_assert_cmpint (quantity.approximate, ==, cases[i].approximate);
        }
      g_assert_cmpint (sb_cite_suggest_strength (cases[i].passage, &quantity), ==, cases[i].strength_min >= 0);
      if (cases[i].strength_min >= 0)
        {
          g_assert_cmpfloat (quantity.min, ==, cases[i].strength_min);
          g_assert_cmpfloat (quantity.max, ==, cases[i].strength_max);
          g_assert_cmpint (quantity.is_range, ==, cases[i].strength_max > cases[i].strength_min);
          g_assert_cmpint (quantity.approximate, ==, cases[i].approximate);
        }
    }
}

/* A statement cited from a passage starts with what it says: its date,
 * its dead and the actors it names; one undo takes it all back.
 */
static void
test_cite_suggestions (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbSource *source = sb_test_lookup (briefing, "article-2022-08-mali");
  const char *quote = "Op 5 augustus doodden Wagner-huurlingen en Malinese troepen zo’n 30 burgers";
  SbEdit *edit = sb_cite_new_item (briefing, SB_ITEM_KIND_INCIDENT, source, quote, -1, NULL, NULL);
  SbItem *item = SB_ITEM (sb_edit_get_select (edit));
  const SbDate *date;

  g_assert_true (sb_document_apply (document, edit, NULL));
  date = sb_item_get_date (item);
  g_assert_cmpint (date->start.precision, ==, SB_DATE_PRECISION_DAY);
  g_assert_cmpint (date->start.year, ==, sb_source_get_date (source)->start.year);
  g_assert_cmpuint (date->start.month, ==, 8);
  g_assert_cmpuint (date->start.day, ==, 5);
  g_assert_cmpfloat (sb_item_get_fatalities (item)->min, ==, 30);
  g_assert_true (sb_item_get_fatalities (item)->approximate);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 2);
  g_assert_true (sb_item_get_actor (item, 0) == sb_test_lookup (briefing, "wagner-group"));
  g_assert_true (sb_item_get_actor (item, 1) == sb_test_lookup (briefing, "mali-army"));
  g_assert_true (sb_document_undo (document));
  g_assert_false (sb_document_get_modified (document));
}

static char *
written (SbBriefing *briefing)
{
  return sb_writer_to_data (briefing, NULL);
}

static void
test_cite_item (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbSource *source = sb_test_lookup (briefing, "article-2022-08-mali");
  SbActor *wagner = sb_test_lookup (briefing, "wagner-group");
  const char *text = sb_source_get_text (source);
  const char *passage = "met naar wordt aangenomen zo’n duizend militairen";
  g_autofree char *before = written (briefing);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) found = sb_gazetteer_search (gazetteer (), "Kidal", NULL, 1);
  glong start_char = g_utf8_pointer_to_offset (text, strstr (text, passage));
  gsize start, end;
  g_autofree char *quote = NULL;
  SbEdit *edit;
  SbItem *item;
  SbCitation *citation;
  guint n_items = g_list_model_get_n_items (sb_briefing_get_all_items (briefing));
  guint n_places = g_list_model_get_n_items (sb_briefing_get_places (briefing));

  g_assert_true (sb_cite_quote_range (text, start_char, start_char + g_utf8_strlen (passage, -1), &start, &end));
  quote = g_strndup (text + start, end - start);
  g_assert_cmpstr (quote, ==, passage);

  edit = sb_cite_new_item (briefing, SB_ITEM_KIND_DEPLOYMENT, source, quote, -1, wagner, g_ptr_array_index (found, 0));
  g_assert_cmpstr (sb_edit_get_label (edit), ==, "Cite as New Deployment");
  item = SB_ITEM (sb_edit_get_select (edit));
  g_assert_true (sb_document_apply (document, edit, NULL));

  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (briefing)), ==, n_items + 1);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (briefing)), ==, n_places + 1);
  g_assert_cmpint (sb_item_get_kind (item), ==, SB_ITEM_KIND_DEPLOYMENT);
  g_assert_cmpint (sb_item_get_certainty (item), ==, SB_CERTAINTY_ESTIMATED);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);
  g_assert_true (sb_item_get_actor (item, 0) == wagner);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_place (item))), ==, "Kidal");
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_POINT);
  citation = g_ptr_array_index (sb_item_get_citations (item), 0);
  g_assert_true (citation->source == source);
  g_assert_nonnull (strstr (text, sb_citation_get_quote (citation)));
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Cite as New Deployment");

  /* One undo step, to the byte. */
  after = written (briefing);
  g_assert_true (sb_document_undo (document));
  {
    g_autofree char *undone = written (briefing);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_false (sb_document_can_undo (document));
  g_assert_true (sb_document_redo (document));
  {
    g_autofree char *redone = written (briefing);

    g_assert_cmpstr (redone, ==, after);
  }
}

/* Which end of a movement a place is, from the words before it. */
static void
test_route_end (void)
{
  static const struct { const char *text, *name, *language; SbCiteEnd end; } cases[] = {
    { "The army left Niamey for Téra.", "Niamey", "en", SB_CITE_END_ORIGIN },
    { "The army left Niamey for Téra.", "Téra", "en", SB_CITE_END_DESTINATION },
    { "Troops moved from Gao towards Ménaka.", "Gao", "en-GB", SB_CITE_END_ORIGIN },
    { "Troops moved from Gao towards Ménaka.", "Ménaka", "en-GB", SB_CITE_END_DESTINATION },
    { "Russian soldiers landed at Gao.", "Gao", "en", SB_CITE_END_NONE },
    { "Het leger vertrok uit Niamey naar Téra.", "Niamey", "nl", SB_CITE_END_ORIGIN },
    { "Het leger vertrok uit Niamey naar Téra.", "Téra", "nl", SB_CITE_END_DESTINATION },
    { "Soldaten verlieten Gao in de richting van Ansongo.", "Gao", "nl", SB_CITE_END_ORIGIN },
    { "Soldaten verlieten Gao in de richting van Ansongo.", "Ansongo", "nl", SB_CITE_END_DESTINATION },
    { "L’armée a quitté Niamey pour Téra.", "Niamey", "fr", SB_CITE_END_ORIGIN },
    { "L’armée a quitté Niamey pour Téra.", "Téra", "fr", SB_CITE_END_DESTINATION },
    { "Un convoi parti d’Agadez en direction de Niamey.", "Agadez", "fr", SB_CITE_END_ORIGIN },
    { "Un convoi parti d’Agadez en direction de Niamey.", "Niamey", "fr", SB_CITE_END_DESTINATION },
    /* Dutch "de" is "the": not "from" as in French. */
    { "Ze gingen naar de Gao-kazerne.", "Gao", "nl", SB_CITE_END_DESTINATION },
    /* No language the tables know: every language's words count. */
    { "vertrok uit Niamey", "Niamey", "und", SB_CITE_END_ORIGIN },
    { "Niamey", "Niamey", "en", SB_CITE_END_NONE },
    /* A place after the one a verb leaves, in the same sentence. */
    { "American troops left Air Base 101, beside the international airport in Niamey, on 7 July.", "Niamey", "en",
      SB_CITE_END_ORIGIN },
    /* The country of a base the gazetteer does not know. */
    { "A C-17 took off from Agadez on 5 August for Ramstein Air Base in Germany, a spokesman said.", "Agadez", "en",
      SB_CITE_END_ORIGIN },
    { "A C-17 took off from Agadez on 5 August for Ramstein Air Base in Germany, a spokesman said.", "Germany", "en",
      SB_CITE_END_DESTINATION },
    /* No movement: "à" is at, "de" of. */
    { "ont été tués lors de l'attaque d'une position de l'armée à Tassia, dans la région de Tillabéri.", "Tassia",
      "fr", SB_CITE_END_NONE },
    { "ont été tués lors de l'attaque d'une position de l'armée à Tassia, dans la région de Tillabéri.", "Tillabéri",
      "fr", SB_CITE_END_NONE },
    { "Les soldats ont quitté Tassia, dans la région de Tillabéri.", "Tillabéri", "fr", SB_CITE_END_ORIGIN },
    { "Les soldats sont partis de Tassia pour Téra.", "Tassia", "fr", SB_CITE_END_ORIGIN },
    { "Fighting for Gao went on.", "Gao", "en", SB_CITE_END_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *at = strstr (cases[i].text, cases[i].name);

      g_assert_nonnull (at);
      if (sb_cite_route_end (cases[i].text, at - cases[i].text, cases[i].language) != cases[i].end)
        g_error ("“%s” in “%s”: expected end %d, got %d", cases[i].name, cases[i].text, cases[i].end,
                 sb_cite_route_end (cases[i].text, at - cases[i].text, cases[i].language));
    }
}

static GArray *
mentions_of (GPtrArray *found)
{
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (SbGazetteerMention));

  for (guint i = 0; i < found->len; i++)
    g_array_append_val (mentions, *(SbGazetteerMention *) g_ptr_array_index (found, i));
  return mentions;
}

/* "left Niamey for Téra", Téra not in the gazetteer: a movement from
 * Niamey; Téra placed by name near Niamey is found from then on, and the
 * next such passage is a movement from Niamey to Téra.
 */
static void
test_route_unlisted_town (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbSource *source = sb_test_lookup (briefing, "article-2022-08-mali");
  const char *text = "The army left Niamey for Téra on Monday.";
  g_autoptr(GPtrArray) tera = sb_gazetteer_search (gazetteer (), "Téra", NULL, 0);
  g_autoptr(GPtrArray) niamey = sb_gazetteer_search (gazetteer (), "Niamey", NULL, 1);
  g_autoptr(GPtrArray) found = sb_gazetteer_find_mentions (gazetteer (), text, briefing);
  g_autoptr(GArray) mentions = mentions_of (found);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GArray) mentions_again = NULL;
  g_autoptr(GPtrArray) searched = NULL;
  SbGazetteerEntry *entry;
  SbPlace *place;
  SbEdit *edit;
  SbItem *movement, *second;
  int origin, destination;

  g_assert_cmpuint (tera->len, ==, 0);
  g_assert_cmpuint (found->len, ==, 1);
  sb_cite_suggest_route (text, "en", (SbGazetteerMention *) (gpointer) mentions->data, mentions->len, 0, &origin, &destination);
  g_assert_cmpint (origin, ==, 0);
  g_assert_cmpint (destination, ==, -1);

  /* Niamey chosen: it is where the movement comes from, not where it goes. */
  edit = sb_cite_new_movement (briefing, source, "Gao", -1,
                               NULL, g_array_index (mentions, SbGazetteerMention, origin).entry, NULL);
  movement = SB_ITEM (sb_edit_get_select (edit));
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_cmpint (sb_item_get_kind (movement), ==, SB_ITEM_KIND_MOVEMENT);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_origin (movement))), ==, "Niamey");
  g_assert_null (sb_item_get_place (movement));

  /* Téra, somewhere within 200 km of Niamey. */
  g_assert_true (sb_document_apply (document, sb_cite_place_named (briefing, movement, SB_ITEM_FIELD_PLACE, " Téra ",
                                                                   g_ptr_array_index (niamey, 0),
                                                                   SB_PLACE_PRECISION_NEAR, 200), NULL));
  place = sb_item_get_place (movement);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Téra");
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 200);

  /* Found by name afterwards, in the chooser and in a source's text. */
  searched = sb_gazetteer_search (gazetteer (), "ter", briefing, 0);
  g_assert_cmpuint (searched->len, >=, 1);
  entry = g_ptr_array_index (searched, 0);
  g_assert_cmpint (entry->kind, ==, SB_GAZETTEER_BRIEFING);
  g_assert_true (entry->place == place);
  g_assert_true (entry->near_only);
  g_assert_cmpint (sb_gazetteer_entry_get_precision (entry), ==, SB_PLACE_PRECISION_NEAR);
  again = sb_gazetteer_find_mentions (gazetteer (), text, briefing);
  mentions_again = mentions_of (again);
  g_assert_cmpuint (again->len, ==, 2);
  sb_cite_suggest_route (text, "en", (SbGazetteerMention *) (gpointer) mentions_again->data, mentions_again->len, 0,
                         &origin, &destination);
  g_assert_cmpstr (g_array_index (mentions_again, SbGazetteerMention, origin).entry->name, ==, "Niamey");
  g_assert_cmpstr (g_array_index (mentions_again, SbGazetteerMention, destination).entry->name, ==, "Téra");

  /* Renamed, it is found by its new name (the names are folded once, and
   * again after an edit of a place).
   */
  {
    g_autoptr(SbText) renamed = sb_text_new ("en", "Téra-Est");
    g_autoptr(GPtrArray) by_new_name = NULL;

    g_assert_true (sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (place), SB_PLACE_FIELD_NAME, renamed), NULL));
    by_new_name = sb_gazetteer_search (gazetteer (), "tera-est", briefing, 0);
    g_assert_cmpuint (by_new_name->len, ==, 1);
    g_assert_true (((SbGazetteerEntry *) g_ptr_array_index (by_new_name, 0))->place == place);
    g_assert_true (sb_document_undo (document));
  }

  /* The next statement placed there is not placed more precisely than
   * Téra is known: it shares the place.
   */
  edit = sb_cite_new_movement (briefing, source, "Gao", -1, NULL,
                               g_array_index (mentions_again, SbGazetteerMention, origin).entry,
                               g_array_index (mentions_again, SbGazetteerMention, destination).entry);
  second = SB_ITEM (sb_edit_get_select (edit));
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_true (sb_item_get_place (second) == place);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_origin (second))), ==, "Niamey");

  /* Nor when it is chosen "exactly there", or near it within less. */
  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, second, SB_ITEM_FIELD_PLACE, entry,
                                                             SB_PLACE_PRECISION_POINT, 0), NULL));
  g_assert_true (sb_item_get_place (second) == place);
  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, second, SB_ITEM_FIELD_PLACE, entry,
                                                             SB_PLACE_PRECISION_NEAR, 25), NULL));
  g_assert_true (sb_item_get_place (second) == place);

  /* A town the gazetteer has, known only near: a point the next time. */
  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, second, SB_ITEM_FIELD_PLACE,
                                                             g_ptr_array_index (niamey, 0),
                                                             SB_PLACE_PRECISION_NEAR, 30), NULL));
  g_clear_pointer (&searched, g_ptr_array_unref);
  searched = sb_gazetteer_search (gazetteer (), "Niamey", briefing, 0);
  entry = NULL;
  for (guint i = 0; i < searched->len && entry == NULL; i++)
    if (((SbGazetteerEntry *) g_ptr_array_index (searched, i))->place == sb_item_get_place (second))
      entry = g_ptr_array_index (searched, i);
  g_assert_nonnull (entry);
  g_assert_cmpint (sb_place_get_precision (entry->place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_false (entry->near_only);
  g_assert_cmpint (sb_gazetteer_entry_get_precision (entry), ==, SB_PLACE_PRECISION_POINT);
}

static void
test_cite_figure_and_citation (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbSource *source = sb_test_lookup (briefing, "article-2022-08-mali");
  SbActor *france = sb_test_lookup (briefing, "france");
  g_autoptr(GError) error = NULL;
  guint n_figures = sb_actor_get_figures (france) ? sb_actor_get_figures (france)->len : 0;
  const char *quote = "De Fransen hebben met circa 5500 commando’s en soldaten";
  SbFigure *figure;
  SbItem *item;
  guint n_citations;
  SbEdit *edit;

  g_assert_nonnull (strstr (sb_source_get_text (source), quote));
  g_assert_true (sb_document_apply (document, sb_cite_new_figure (briefing, france, source, quote, -1), NULL));
  g_assert_cmpuint (sb_actor_get_figures (france)->len, ==, n_figures + 1);
  figure = g_ptr_array_index (sb_actor_get_figures (france), n_figures);
  g_assert_cmpint (figure->measure, ==, SB_FIGURE_MEASURE_STRENGTH);
  g_assert_true (figure->value.is_set);
  g_assert_cmpfloat (figure->value.min, ==, 5500);
  g_assert_cmpint (figure->evidence.certainty, ==, SB_CERTAINTY_ESTIMATED);
  g_assert_true (figure->value.approximate);
  g_assert_true (sb_document_undo (document));
  g_assert_cmpuint (sb_actor_get_figures (france) ? sb_actor_get_figures (france)->len : 0, ==, n_figures);

  /* A range is the range, not its first number; a second number that is
   * not its end is no range.
   */
  {
    const struct { const char *quote; double min, max; } ranges[] = {
      { "The group is believed to have between 2,000 and 3,000 fighters", 2000, 3000 },
      { "tussen 2.000 en 3.000 strijders", 2000, 3000 },
      { "entre 2 000 et 3 000 combattants", 2000, 3000 },
      { "some 400-600 men", 400, 600 },
      { "14 soldiers and 9 others", 14, 14 },
      { "killed 14 and wounded 9", 14, 14 },
      { "2,000 to 300 a day", 2000, 2000 },
      /* A force's size, not the date before it. */
      { "withdrawn from Kidal during the night of 13 to 14 November. The CSP estimates its own strength at about 3,000 fighters", 3000, 3000 },
      { "during the night of 13-14 November, 300 left", 300, 300 },
      { "In 2022, 1,200", 1200, 1200 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
      {
        g_assert_true (sb_document_apply (document, sb_cite_new_figure (briefing, france, source, ranges[i].quote, -1), NULL));
        figure = g_ptr_array_index (sb_actor_get_figures (france), n_figures);
        g_test_message ("%s: %g–%g", ranges[i].quote, figure->value.min, figure->value.max);
        g_assert_cmpfloat (figure->value.min, ==, ranges[i].min);
        g_assert_cmpfloat (figure->value.max, ==, ranges[i].max);
        g_assert_cmpint (figure->value.is_range, ==, ranges[i].max > ranges[i].min);
        g_assert_true (sb_document_undo (document));
      }
  }

  /* As of the month the passage gives, in the source's year (2022-08);
   * else as of the source's date.
   */
  g_assert_true (sb_document_apply (document, sb_cite_new_figure (briefing, france, source,
                                                                  "In April, about 100 French instructors landed", -1), NULL));
  figure = g_ptr_array_index (sb_actor_get_figures (france), n_figures);
  g_assert_cmpfloat (figure->value.min, ==, 100);
  g_assert_cmpint (figure->as_of.start.year, ==, 2022);
  g_assert_cmpuint (figure->as_of.start.month, ==, 4);
  g_assert_cmpint (figure->as_of.start.precision, ==, SB_DATE_PRECISION_MONTH);
  g_assert_true (sb_document_undo (document));
  g_assert_true (sb_document_apply (document, sb_cite_new_figure (briefing, france, source, quote, -1), NULL));
  figure = g_ptr_array_index (sb_actor_get_figures (france), n_figures);
  g_assert_cmpuint (figure->as_of.start.month, ==, 8);
  g_assert_true (sb_document_undo (document));

  item = g_list_model_get_item (sb_briefing_get_all_items (briefing), 0);
  g_object_unref (item);
  n_citations = sb_item_get_citations (item)->len;
  g_assert_true (sb_document_apply (document, sb_cite_add_citation (SB_ENTITY (item), source, quote, -1, NULL), NULL));
  g_assert_cmpuint (sb_item_get_citations (item)->len, ==, n_citations + 1);
  /* The same passage twice is refused, saying so. */
  edit = sb_cite_add_citation (SB_ENTITY (item), source, quote, -1, &error);
  g_assert_null (edit);
  g_assert_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_INVALID);
  g_assert_true (sb_document_undo (document));
  g_assert_cmpuint (sb_item_get_citations (item)->len, ==, n_citations);
}

/* A relation is a statement too: it cites the passage that says it. */
static void
test_cite_relation (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbSource *source = sb_test_lookup (briefing, "article-2022-08-mali");
  g_autoptr(SbCitation) citation = sb_citation_new (source, "De Fransen hebben met circa 5500 commando’s en soldaten");
  g_autoptr(GError) error = NULL;
  SbActor *actor = NULL;
  GPtrArray *relations;
  SbRelation *relation;
  guint n_citations;
  SbEdit *edit;

  for (guint i = 0; actor == NULL && i < g_list_model_get_n_items (sb_briefing_get_actors (briefing)); i++)
    {
      g_autoptr(SbActor) candidate = g_list_model_get_item (sb_briefing_get_actors (briefing), i);

      if (sb_actor_get_relations (candidate)->len > 0)
        actor = candidate;
    }
  g_assert_nonnull (actor);

  relation = g_ptr_array_index (sb_actor_get_relations (actor), 0);
  n_citations = relation->evidence.citations ? relation->evidence.citations->len : 0;
  edit = sb_cite_add_relation_citation (actor, 0, citation, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (sb_edit_get_label (edit), sb_entity_get_label (SB_ENTITY (actor))));
  g_assert_true (sb_document_apply (document, edit, NULL));

  relations = sb_actor_get_relations (actor);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpuint (relation->evidence.citations->len, ==, n_citations + 1);
  g_assert_true (sb_citation_equal (g_ptr_array_index (relation->evidence.citations, n_citations), citation));

  /* The same passage twice is refused, naming the relation. */
  edit = sb_cite_add_relation_citation (actor, 0, citation, &error);
  g_assert_null (edit);
  g_assert_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, sb_entity_get_label (SB_ENTITY (relation->target))));

  g_assert_true (sb_document_undo (document));
  relation = g_ptr_array_index (sb_actor_get_relations (actor), 0);
  g_assert_cmpuint (relation->evidence.citations ? relation->evidence.citations->len : 0, ==, n_citations);
}

/* A village the gazetteer lacks, known only to be in a region: it has the
 * region's precision and says which region, and the place the statement
 * had before, which nothing else uses, goes.
 */
static void
test_village_in_region (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbItem *item = g_list_model_get_item (sb_briefing_get_all_items (briefing), 0);
  g_autoptr(GPtrArray) tillaberi = sb_gazetteer_search (gazetteer (), "Tillaberi Region", NULL, 1);
  g_autofree char *where = NULL;
  g_autofree char *place_id = NULL;
  SbGazetteerEntry *region = g_ptr_array_index (tillaberi, 0);
  SbPlace *first;
  SbPlace *place;

  g_object_unref (item);
  g_assert_cmpint (region->kind, ==, SB_GAZETTEER_REGION);

  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, item, SB_ITEM_FIELD_PLACE, region,
                                                             SB_PLACE_PRECISION_REGION, 0), NULL));
  first = sb_item_get_place (item);
  place_id = g_strdup (sb_entity_get_id (SB_ENTITY (first)));
  g_assert_null (sb_place_get_region (first));

  g_assert_true (sb_document_apply (document, sb_cite_place_named (briefing, item, SB_ITEM_FIELD_PLACE, "Tassia", region,
                                                                   SB_PLACE_PRECISION_REGION, 0), NULL));
  place = sb_item_get_place (item);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Tassia");
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_REGION);
  g_assert_cmpstr (sb_place_get_region (place), ==, "Tillabéri");
  g_assert_cmpstr (sb_place_get_area_name (place), ==, "Tillabéri");
  where = sb_format_place_precision (place);
  g_assert_cmpstr (where, ==, "Tassia, somewhere in Tillabéri region");
  /* The region place made first, used by nothing now, is gone… */
  g_assert_null (sb_briefing_lookup (briefing, place_id));
  /* …and one Undo brings it back. */
  g_assert_true (sb_document_undo (document));
  g_assert_true (sb_item_get_place (item) == first);
  g_assert_true (sb_briefing_lookup (briefing, place_id) == SB_ENTITY (first));

  /* Known only to the country: the same, the country named. */
  {
    g_autoptr(GPtrArray) niger = sb_gazetteer_search (gazetteer (), "Niger", NULL, 1);
    g_autofree char *in_country = NULL;

    g_assert_cmpint (((SbGazetteerEntry *) g_ptr_array_index (niger, 0))->kind, ==, SB_GAZETTEER_COUNTRY);
    g_assert_true (sb_document_apply (document, sb_cite_place_named (briefing, item, SB_ITEM_FIELD_PLACE, "Tassia",
                                                                     g_ptr_array_index (niger, 0),
                                                                     SB_PLACE_PRECISION_COUNTRY, 0), NULL));
    place = sb_item_get_place (item);
    g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_COUNTRY);
    g_assert_cmpstr (sb_place_get_country (place), ==, "NER");
    in_country = sb_format_place_precision (place);
    g_assert_cmpstr (in_country, ==, "Tassia, somewhere in Niger");
  }
}

static void
test_place_precision (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbItem *item = g_list_model_get_item (sb_briefing_get_all_items (briefing), 0);
  g_autoptr(GPtrArray) chad = sb_gazetteer_search (gazetteer (), "Tchad", NULL, 1);
  g_autoptr(GPtrArray) tillaberi = sb_gazetteer_search (gazetteer (), "Tillabéri", NULL, 1);
  g_autoptr(GPtrArray) kidal = sb_gazetteer_search (gazetteer (), "Kidal", NULL, 1);
  guint n_places = g_list_model_get_n_items (sb_briefing_get_places (briefing));
  SbPlace *place;
  SbPlace *first;

  g_object_unref (item);

  /* A country-level fact: the country, to be shaded. */
  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, item, SB_ITEM_FIELD_PLACE, g_ptr_array_index (chad, 0),
                                                             SB_PLACE_PRECISION_COUNTRY, 0), NULL));
  place = sb_item_get_place (item);
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_COUNTRY);
  g_assert_cmpstr (sb_place_get_country (place), ==, "TCD");
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Chad");

  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, item, SB_ITEM_FIELD_PLACE, g_ptr_array_index (tillaberi, 0),
                                                             SB_PLACE_PRECISION_REGION, 0), NULL));
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_REGION);
  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (item)), ==, "NER");

  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, item, SB_ITEM_FIELD_PLACE, g_ptr_array_index (kidal, 0),
                                                             SB_PLACE_PRECISION_NEAR, 30), NULL));
  place = sb_item_get_place (item);
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_true (sb_place_has_radius (place));
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 30);
  /* Chad and Tillabéri, left unused, went as the statement left them. */
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (briefing)), ==, n_places + 1);

  /* Placing at the same town twice shares its place. */
  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, item, SB_ITEM_FIELD_PLACE, g_ptr_array_index (kidal, 0),
                                                             SB_PLACE_PRECISION_POINT, 0), NULL));
  first = sb_item_get_place (item);
  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, item, SB_ITEM_FIELD_ORIGIN, g_ptr_array_index (kidal, 0),
                                                             SB_PLACE_PRECISION_POINT, 0), NULL));
  g_assert_true (sb_item_get_origin (item) == first);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (briefing)), ==, n_places + 1);

  while (sb_document_can_undo (document))
    g_assert_true (sb_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (briefing)), ==, n_places);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cite/fold", test_fold);
  g_test_add_func ("/cite/matcher", test_matcher);
  g_test_add_func ("/gazetteer/search", test_gazetteer_search);
  g_test_add_func ("/gazetteer/briefing", test_gazetteer_briefing);
  g_test_add_func ("/gazetteer/briefing-countries", test_gazetteer_briefing_countries);
  g_test_add_func ("/gazetteer/text", test_gazetteer_text);
  g_test_add_func ("/gazetteer/text-every", test_gazetteer_text_every);
  g_test_add_func ("/gazetteer/text-compound", test_gazetteer_text_compound);
  g_test_add_func ("/gazetteer/text-longer-names", test_gazetteer_text_longer_names);
  g_test_add_func ("/gazetteer/nearest", test_gazetteer_nearest);
  g_test_add_func ("/gazetteer/invalid", test_gazetteer_invalid);
  g_test_add_func ("/cite/certainty", test_certainty);
  g_test_add_func ("/cite/actor-names", test_actor_names);
  g_test_add_func ("/cite/claimant", test_claimant);
  g_test_add_func ("/cite/item-evidence", test_cite_item_evidence);
  g_test_add_func ("/cite/quote-range", test_quote_range);
  g_test_add_func ("/cite/quote-words", test_quote_words);
  g_test_add_func ("/cite/quote-french-marks", test_quote_french_marks);
  g_test_add_func ("/cite/quote-dateline", test_quote_dateline);
  g_test_add_func ("/cite/dateline", test_dateline);
  g_test_add_func ("/cite/date-line", test_date_line);
  g_test_add_func ("/cite/sentence", test_sentence);
  g_test_add_func ("/cite/item", test_cite_item);
  g_test_add_func ("/cite/located", test_cite_located);
  g_test_add_func ("/cite/suggest-date", test_suggest_date);
  g_test_add_func ("/cite/suggest-counts", test_suggest_counts);
  g_test_add_func ("/cite/suggest-fatality-ranges", test_suggest_fatality_ranges);
  g_test_add_func ("/cite/suggestions", test_cite_suggestions);
  g_test_add_func ("/cite/figure-and-citation", test_cite_figure_and_citation);
  g_test_add_func ("/cite/relation", test_cite_relation);
  g_test_add_func ("/cite/place-precision", test_place_precision);
  g_test_add_func ("/cite/village-in-region", test_village_in_region);
  g_test_add_func ("/cite/route-end", test_route_end);
  g_test_add_func ("/cite/route-part-noun", test_route_part_noun);
  g_test_add_func ("/cite/route-unlisted-town", test_route_unlisted_town);

  return g_test_run ();
}

/* sb-cite.c
 *
 * A quote is cut from the source's own text at the offsets the reader
 * selected, so it is verbatim by construction: nothing typed, no
 * apostrophe or line break to get wrong. The certainty a passage suggests
 * comes from a table of the phrases articles use for it, per language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-cite"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sb-actor.h"
#include "sb-actor-names.h"
#include "sb-cite.h"
#include "sb-cite-dateline.h"
#include "sb-cite-suggest.h"
#include "sb-model-private.h"
#include "sb-figure.h"
#include "sb-format.h"
#include "sb-item.h"
#include "sb-name-match.h"
#include "sb-source.h"
#include "sb-step.h"

typedef struct
{
  const char *language;
  const char *phrase;      /* folded: lower case, no accents, single spaces */
  SbCertainty certainty;
} Cue;

/* The wording of each certainty, most hedged first: where a passage has
 * several ("Moskou zegt … naar wordt aangenomen"), the first one found in
 * this order is suggested.
 */
static const Cue cues[] = {
  { "nl", "onduidelijk", SB_CERTAINTY_UNCLEAR },
  { "nl", "niet duidelijk", SB_CERTAINTY_UNCLEAR },
  { "nl", "onbekend", SB_CERTAINTY_UNCLEAR },
  { "en", "unclear", SB_CERTAINTY_UNCLEAR },
  { "en", "not clear", SB_CERTAINTY_UNCLEAR },
  { "en", "unknown", SB_CERTAINTY_UNCLEAR },
  { "fr", "on ignore", SB_CERTAINTY_UNCLEAR },
  { "fr", "pas clair", SB_CERTAINTY_UNCLEAR },
  { "fr", "incertain", SB_CERTAINTY_UNCLEAR },

  { "nl", "gevreesd", SB_CERTAINTY_FEARED },
  { "nl", "vreest", SB_CERTAINTY_FEARED },
  { "nl", "vrezen", SB_CERTAINTY_FEARED },
  { "nl", "angst", SB_CERTAINTY_FEARED },
  { "en", "feared", SB_CERTAINTY_FEARED },
  { "en", "fears", SB_CERTAINTY_FEARED },
  { "en", "fear", SB_CERTAINTY_FEARED },
  { "fr", "craint", SB_CERTAINTY_FEARED },
  { "fr", "craignent", SB_CERTAINTY_FEARED },
  { "fr", "crainte", SB_CERTAINTY_FEARED },
  { "fr", "redoute", SB_CERTAINTY_FEARED },

  { "nl", "naar wordt aangenomen", SB_CERTAINTY_ESTIMATED },
  { "nl", "vermoedelijk", SB_CERTAINTY_ESTIMATED },
  { "nl", "naar schatting", SB_CERTAINTY_ESTIMATED },
  { "nl", "wordt geschat", SB_CERTAINTY_ESTIMATED },
  { "nl", "zo n", SB_CERTAINTY_ESTIMATED },
  { "nl", "ongeveer", SB_CERTAINTY_ESTIMATED },
  { "nl", "circa", SB_CERTAINTY_ESTIMATED },
  { "en", "is believed", SB_CERTAINTY_ESTIMATED },
  { "en", "are believed", SB_CERTAINTY_ESTIMATED },
  { "en", "an estimated", SB_CERTAINTY_ESTIMATED },
  { "en", "estimated", SB_CERTAINTY_ESTIMATED },
  { "en", "presumably", SB_CERTAINTY_ESTIMATED },
  { "en", "approximately", SB_CERTAINTY_ESTIMATED },
  { "fr", "estime", SB_CERTAINTY_ESTIMATED },
  { "fr", "estimes", SB_CERTAINTY_ESTIMATED },
  { "fr", "presume", SB_CERTAINTY_ESTIMATED },
  { "fr", "probablement", SB_CERTAINTY_ESTIMATED },
  { "fr", "vraisemblablement", SB_CERTAINTY_ESTIMATED },
  { "fr", "environ", SB_CERTAINTY_ESTIMATED },
  { "fr", "estimation", SB_CERTAINTY_ESTIMATED },
  { "fr", "estimations", SB_CERTAINTY_ESTIMATED },
  { "en", "estimates", SB_CERTAINTY_ESTIMATED },
  { "nl", "schatting", SB_CERTAINTY_ESTIMATED },
  { "nl", "schattingen", SB_CERTAINTY_ESTIMATED },

  { "nl", "zegt", SB_CERTAINTY_CLAIMED },
  { "nl", "zeggen", SB_CERTAINTY_CLAIMED },
  { "nl", "volgens", SB_CERTAINTY_CLAIMED },
  { "nl", "beweert", SB_CERTAINTY_CLAIMED },
  { "nl", "beweren", SB_CERTAINTY_CLAIMED },
  { "nl", "claimt", SB_CERTAINTY_CLAIMED },
  { "en", "says", SB_CERTAINTY_CLAIMED },
  { "en", "said", SB_CERTAINTY_CLAIMED },
  { "en", "according to", SB_CERTAINTY_CLAIMED },
  { "en", "claims", SB_CERTAINTY_CLAIMED },
  { "en", "claimed", SB_CERTAINTY_CLAIMED },
  { "fr", "selon", SB_CERTAINTY_CLAIMED },
  { "fr", "affirme", SB_CERTAINTY_CLAIMED },
  { "fr", "affirment", SB_CERTAINTY_CLAIMED },
  { "fr", "dit", SB_CERTAINTY_CLAIMED },
  { "fr", "declare", SB_CERTAINTY_CLAIMED },
  { "fr", "revendique", SB_CERTAINTY_CLAIMED },

  { "nl", "verwacht", SB_CERTAINTY_PROJECTED },
  { "nl", "gepland", SB_CERTAINTY_PROJECTED },
  { "en", "expected", SB_CERTAINTY_PROJECTED },
  { "en", "planned", SB_CERTAINTY_PROJECTED },
  { "fr", "prevu", SB_CERTAINTY_PROJECTED },
  { "fr", "devrait", SB_CERTAINTY_PROJECTED },

  { "nl", "bevestigd", SB_CERTAINTY_REPORTED },
  { "nl", "bevestigt", SB_CERTAINTY_REPORTED },
  { "nl", "bevestigde", SB_CERTAINTY_REPORTED },
  { "en", "confirmed", SB_CERTAINTY_REPORTED },
  { "en", "confirms", SB_CERTAINTY_REPORTED },
  { "fr", "confirme", SB_CERTAINTY_REPORTED },
  { "fr", "confirmes", SB_CERTAINTY_REPORTED },
  { "fr", "confirmee", SB_CERTAINTY_REPORTED },
};

static gboolean
language_is (const char *language,
             const char *code)
{
  gsize length = strlen (code);

  return g_ascii_strncasecmp (language, code, length) == 0 &&
         (language[length] == '\0' || language[length] == '-' || language[length] == '_');
}

/**
 * sb_cite_suggest_certainty:
 * @passage: the quote
 * @language: (nullable): the source's language ("nl", "en-GB", …); every
 *   language's wording is looked for when it is none the table knows
 * @obvious: (out) (optional): whether the wording said it; %FALSE when it
 *   said nothing (the suggestion is then "reported") or said two things
 *
 * Returns: the certainty the passage's wording suggests
 */
SbCertainty
sb_cite_suggest_certainty (const char *passage,
                           const char *language,
                           gboolean   *obvious)
{
  g_autofree char *folded = sb_name_fold (passage);
  g_autofree char *padded = g_strconcat (" ", folded, " ", NULL);
  gboolean known = FALSE;
  gboolean found = FALSE;
  gboolean several = FALSE;
  SbCertainty certainty = SB_CERTAINTY_REPORTED;

  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (cues); i++)
    known |= language_is (language, cues[i].language);

  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    {
      g_autofree char *phrase = NULL;

      if (known && !language_is (language, cues[i].language))
        continue;
      phrase = g_strconcat (" ", cues[i].phrase, " ", NULL);
      if (strstr (padded, phrase) == NULL)
        continue;
      if (!found)
        certainty = cues[i].certainty;
      else if (cues[i].certainty != certainty)
        several = TRUE;
      found = TRUE;
    }

  if (obvious != NULL)
    *obvious = found && !several;
  return certainty;
}

/**
 * sb_cite_says_near:
 * @item: a statement
 *
 * Returns: whether a passage @item cites places it only near somewhere
 *   ("near Teguey", "près de Nioro du Sahel", "nabij Ménaka"): a town
 *   chosen or a point clicked for it is then "near", within a radius
 */
gboolean
sb_cite_says_near (SbItem *item)
{
  GPtrArray *citations;

  g_return_val_if_fail (SB_IS_ITEM (item), FALSE);

  citations = sb_item_get_citations (item);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    if (sb_gazetteer_text_says_near (sb_citation_get_quote (g_ptr_array_index (citations, i))))
      return TRUE;
  return FALSE;
}

/* The words before a place that say a movement leaves it or goes to it,
 * folded as sb_name_fold() folds: "left Niamey for Téra", "vertrok uit
 * Niamey naar Téra", "a quitté Niamey pour Téra". Longer phrases first:
 * "en direction de" goes to, where "de" alone comes from.
 */
typedef struct
{
  const char *language;
  const char *phrase;
  SbCiteEnd end;
  gboolean weak;           /* "à", "de", "for": an end only in a sentence that moves */
} RouteCue;

static const RouteCue route_cues[] = {
  { "en", "out of", SB_CITE_END_ORIGIN },
  { "en", "arrived in", SB_CITE_END_DESTINATION },
  { "en", "arrived at", SB_CITE_END_DESTINATION },
  { "en", "arrive in", SB_CITE_END_DESTINATION },
  { "en", "arrives in", SB_CITE_END_DESTINATION },
  { "en", "from", SB_CITE_END_ORIGIN },
  { "en", "left", SB_CITE_END_ORIGIN },
  { "en", "leave", SB_CITE_END_ORIGIN },
  { "en", "leaves", SB_CITE_END_ORIGIN },
  { "en", "leaving", SB_CITE_END_ORIGIN },
  { "en", "quit", SB_CITE_END_ORIGIN },
  { "en", "fled", SB_CITE_END_ORIGIN },
  { "en", "evacuated", SB_CITE_END_ORIGIN },
  { "en", "to", SB_CITE_END_DESTINATION },
  { "en", "for", SB_CITE_END_DESTINATION, TRUE },
  { "en", "towards", SB_CITE_END_DESTINATION },
  { "en", "toward", SB_CITE_END_DESTINATION },
  { "en", "into", SB_CITE_END_DESTINATION },
  { "en", "reached", SB_CITE_END_DESTINATION },
  { "en", "reach", SB_CITE_END_DESTINATION },
  { "nl", "in de richting van", SB_CITE_END_DESTINATION },
  { "nl", "aangekomen in", SB_CITE_END_DESTINATION },
  { "nl", "aan in", SB_CITE_END_DESTINATION },
  { "nl", "uit", SB_CITE_END_ORIGIN },
  { "nl", "vanuit", SB_CITE_END_ORIGIN },
  { "nl", "van", SB_CITE_END_ORIGIN, TRUE },
  { "nl", "verliet", SB_CITE_END_ORIGIN },
  { "nl", "verlieten", SB_CITE_END_ORIGIN },
  { "nl", "verlaat", SB_CITE_END_ORIGIN },
  { "nl", "verlaten", SB_CITE_END_ORIGIN },
  { "nl", "naar", SB_CITE_END_DESTINATION },
  { "nl", "richting", SB_CITE_END_DESTINATION },
  { "nl", "bereikte", SB_CITE_END_DESTINATION },
  { "nl", "bereikten", SB_CITE_END_DESTINATION },
  { "fr", "en direction de", SB_CITE_END_DESTINATION },
  { "fr", "en direction du", SB_CITE_END_DESTINATION },
  { "fr", "a destination de", SB_CITE_END_DESTINATION },
  { "fr", "arrive a", SB_CITE_END_DESTINATION },
  { "fr", "arrives a", SB_CITE_END_DESTINATION },
  { "fr", "arrivee a", SB_CITE_END_DESTINATION },
  { "fr", "arrivees a", SB_CITE_END_DESTINATION },
  { "fr", "de", SB_CITE_END_ORIGIN, TRUE },
  { "fr", "d", SB_CITE_END_ORIGIN, TRUE },
  { "fr", "du", SB_CITE_END_ORIGIN, TRUE },
  { "fr", "depuis", SB_CITE_END_ORIGIN },
  { "fr", "quitte", SB_CITE_END_ORIGIN },
  { "fr", "quittent", SB_CITE_END_ORIGIN },
  { "fr", "quitter", SB_CITE_END_ORIGIN },
  { "fr", "quittes", SB_CITE_END_ORIGIN },
  { "fr", "pour", SB_CITE_END_DESTINATION, TRUE },
  { "fr", "vers", SB_CITE_END_DESTINATION },
  { "fr", "a", SB_CITE_END_DESTINATION, TRUE },
  { "fr", "au", SB_CITE_END_DESTINATION, TRUE },
  { "fr", "aux", SB_CITE_END_DESTINATION, TRUE },
  { "fr", "jusqu a", SB_CITE_END_DESTINATION },
  { "fr", "rejoint", SB_CITE_END_DESTINATION },
  { "fr", "rejoindre", SB_CITE_END_DESTINATION },
};

/* Words that tell of a movement: only in a sentence with one of them do
 * "à", "de" or "for" say where it goes or comes from ("l'attaque d'une
 * position de l'armée à Tassia" tells of none). Those that leave make
 * the places named after them where it comes from, however far ("left
 * Air Base 101, beside the international airport in Niamey").
 */
static const struct { const char *word; SbCiteEnd end; } movement_verbs[] = {
  { "left", SB_CITE_END_ORIGIN }, { "leave", SB_CITE_END_ORIGIN }, { "leaves", SB_CITE_END_ORIGIN },
  { "leaving", SB_CITE_END_ORIGIN }, { "quit", SB_CITE_END_ORIGIN }, { "fled", SB_CITE_END_ORIGIN },
  { "evacuated", SB_CITE_END_ORIGIN }, { "departed", SB_CITE_END_ORIGIN }, { "withdrew", SB_CITE_END_ORIGIN },
  { "quitte", SB_CITE_END_ORIGIN }, { "quittent", SB_CITE_END_ORIGIN }, { "quitter", SB_CITE_END_ORIGIN },
  { "quittes", SB_CITE_END_ORIGIN }, { "verliet", SB_CITE_END_ORIGIN }, { "verlieten", SB_CITE_END_ORIGIN },
  { "verlaat", SB_CITE_END_ORIGIN }, { "verlaten", SB_CITE_END_ORIGIN },
  { "moved", SB_CITE_END_NONE }, { "move", SB_CITE_END_NONE }, { "moving", SB_CITE_END_NONE },
  { "went", SB_CITE_END_NONE }, { "travelled", SB_CITE_END_NONE }, { "traveled", SB_CITE_END_NONE },
  { "flew", SB_CITE_END_NONE }, { "flown", SB_CITE_END_NONE }, { "headed", SB_CITE_END_NONE },
  { "heading", SB_CITE_END_NONE }, { "took", SB_CITE_END_NONE }, { "sent", SB_CITE_END_NONE },
  { "transferred", SB_CITE_END_NONE }, { "returned", SB_CITE_END_NONE }, { "redeployed", SB_CITE_END_NONE },
  { "relocated", SB_CITE_END_NONE }, { "retreated", SB_CITE_END_NONE }, { "drove", SB_CITE_END_NONE },
  { "marched", SB_CITE_END_NONE }, { "crossed", SB_CITE_END_NONE }, { "reached", SB_CITE_END_NONE },
  { "arrived", SB_CITE_END_NONE },
  { "parti", SB_CITE_END_NONE }, { "partis", SB_CITE_END_NONE }, { "partie", SB_CITE_END_NONE },
  { "parties", SB_CITE_END_NONE }, { "partent", SB_CITE_END_NONE }, { "arrive", SB_CITE_END_NONE },
  { "arrives", SB_CITE_END_NONE }, { "arrivee", SB_CITE_END_NONE }, { "arrivees", SB_CITE_END_NONE },
  { "rejoint", SB_CITE_END_NONE }, { "envoye", SB_CITE_END_NONE }, { "envoyes", SB_CITE_END_NONE },
  { "transfere", SB_CITE_END_NONE }, { "transferes", SB_CITE_END_NONE }, { "rendus", SB_CITE_END_NONE },
  { "retire", SB_CITE_END_NONE }, { "retires", SB_CITE_END_NONE }, { "achemine", SB_CITE_END_NONE },
  { "achemines", SB_CITE_END_NONE }, { "redeploye", SB_CITE_END_NONE }, { "redeployes", SB_CITE_END_NONE },
  { "replies", SB_CITE_END_NONE }, { "dirige", SB_CITE_END_NONE }, { "diriges", SB_CITE_END_NONE },
  { "regagne", SB_CITE_END_NONE }, { "atterri", SB_CITE_END_NONE }, { "decolle", SB_CITE_END_NONE },
  { "vertrok", SB_CITE_END_NONE }, { "vertrokken", SB_CITE_END_NONE }, { "trok", SB_CITE_END_NONE },
  { "trokken", SB_CITE_END_NONE }, { "ging", SB_CITE_END_NONE }, { "gingen", SB_CITE_END_NONE },
  { "gevlogen", SB_CITE_END_NONE }, { "vlogen", SB_CITE_END_NONE }, { "vloog", SB_CITE_END_NONE },
  { "aangekomen", SB_CITE_END_NONE }, { "gestuurd", SB_CITE_END_NONE }, { "overgebracht", SB_CITE_END_NONE },
  { "teruggetrokken", SB_CITE_END_NONE }, { "verplaatst", SB_CITE_END_NONE },
};

/* "la région de Tillabéri", "de provincie van Gao": the place's own name,
 * not where a movement comes from.
 */
static const char * const place_nouns[] = {
  "region", "province", "ville", "village", "cercle", "commune", "departement", "localite", "environs", "pres",
  "nord", "sud", "est", "ouest", "centre", "regio", "provincie", "stad", "dorp", "gemeente", "omgeving", NULL
};

/* How many characters of a sentence before a name are read for a verb. */
#define SENTENCE_WINDOW 240

/* How many characters before a name are read for such words: the
 * longest phrase and an article, with room to spare.
 */
#define ROUTE_WINDOW 48

/* Between such a word and the name: "left the town of…" is not read. */
static const struct { const char *language; const char *word; } route_articles[] = {
  { "en", "the" }, { "nl", "de" }, { "nl", "het" }, { "fr", "le" }, { "fr", "la" }, { "fr", "les" }, { "fr", "l" },
};

static gboolean
route_language_applies (const char *language,
                        const char *code)
{
  /* A language the tables do not know: every language's words count. */
  gboolean known = language != NULL &&
                   (language_is (language, "en") || language_is (language, "nl") || language_is (language, "fr"));

  return !known || language_is (language, code);
}

/**
 * sb_cite_route_end:
 * @text: a text
 * @name_start: where a place's name starts in it, in bytes
 * @language: (nullable): the text's language ("nl", "fr-FR", …); every
 *   language's words are read when it is none the app knows
 *
 * Returns: which end of a movement the words just before the name make
 *   the place: its origin after "from", "left", "uit", "a quitté"…, its
 *   destination after "to", "for", "naar", "pour"… ("for", "à", "de" and
 *   the like only in a sentence that tells of a movement); after a name
 *   the gazetteer does not know, the end that name is ("for Ramstein Air
 *   Base in Germany"); else the end a verb that leaves makes it, earlier
 *   in the sentence ("left Air Base 101, beside the airport in Niamey")
 */
/* The words of the sentence before @name_start, folded. */
static GStrv
sentence_words (const char *text,
                gsize       name_start,
                guint       window)
{
  const char *from = text + name_start;
  g_autofree char *before = NULL;
  g_autofree char *folded = NULL;

  for (guint n = 0; n < window && from > text; n++)
    {
      const char *previous = g_utf8_find_prev_char (text, from);

      if (window > ROUTE_WINDOW && previous != NULL && strchr (".!?;\n", *previous) != NULL)
        break;
      from = previous;
    }
  before = g_strndup (from, text + name_start - from);
  folded = sb_name_fold (before);
  if (*folded == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (folded, " ", -1);
}

/* "une partie", "en partie", "les parties": the French noun (a part),
 * not the verb (left): "dont une partie est basée à Bamako" tells of no
 * movement.
 */
static gboolean
is_part_noun (GStrv words,
              guint i)
{
  static const char * const determiners[] = {
    "une", "la", "les", "des", "en", "sa", "ses", "leur", "leurs", "cette", "ces", "grande", "d", "l", NULL
  };

  return (g_str_equal (words[i], "partie") || g_str_equal (words[i], "parties")) &&
         i > 0 && g_strv_contains (determiners, words[i - 1]);
}

/* Whether the sentence before the name tells of a movement, and which end
 * the last verb that leaves makes what it names.
 */
static gboolean
sentence_moves (const char *text,
                gsize       name_start,
                const char *language,
                SbCiteEnd  *verb_end)
{
  g_auto(GStrv) words = sentence_words (text, name_start, SENTENCE_WINDOW);
  gboolean moves = FALSE;

  *verb_end = SB_CITE_END_NONE;
  for (guint i = 0; words[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (movement_verbs); k++)
      if (g_str_equal (words[i], movement_verbs[k].word) && !is_part_noun (words, i))
        {
          moves = TRUE;
          *verb_end = movement_verbs[k].end;
        }
  return moves;
}

/* Which end the words right before @name_start make the place. */
static SbCiteEnd
cue_before (const char *text,
            gsize       name_start,
            const char *language,
            gboolean    moves)
{
  g_auto(GStrv) words = sentence_words (text, name_start, ROUTE_WINDOW);
  guint n_words = g_strv_length (words), last = n_words;

  /* One article at most between the word and the name. */
  for (guint i = 0; last > 0 && i < G_N_ELEMENTS (route_articles); i++)
    if (route_language_applies (language, route_articles[i].language) &&
        g_str_equal (words[last - 1], route_articles[i].word))
      {
        /* "de" is Dutch for "the" but French for "from": the French word
         * stands when nothing before it says where.
         */
        if (last >= 2)
          last--;
        break;
      }

  for (guint i = 0; i < G_N_ELEMENTS (route_cues); i++)
    {
      g_auto(GStrv) cue = NULL;
      guint n_cue;
      gboolean matches = TRUE;

      if (!route_language_applies (language, route_cues[i].language) || (route_cues[i].weak && !moves))
        continue;
      cue = g_strsplit (route_cues[i].phrase, " ", -1);
      n_cue = g_strv_length (cue);
      for (guint try = 0; try < 2; try++)
        {
          guint end = try == 0 ? last : n_words;

          if (try == 1 && last == n_words)
            break;
          matches = n_cue <= end;
          for (guint k = 0; matches && k < n_cue; k++)
            matches = g_str_equal (words[end - n_cue + k], cue[k]);
          /* "la région de Tillabéri": the place's name, not a way. */
          if (matches && route_cues[i].weak && end > n_cue && g_strv_contains (place_nouns, words[end - n_cue - 1]))
            matches = FALSE;
          if (matches)
            return route_cues[i].end;
        }
    }
  return SB_CITE_END_NONE;
}

/* Where the name of a place the gazetteer does not know starts, when one
 * comes just before @name_start with "in" or "at": "for Ramstein Air Base
 * in Germany" goes where "for" says. -1 when none does.
 */
static gssize
unknown_name_before (const char *text,
                     gsize       name_start)
{
  static const char * const joins[] = { "in", "at", "near", "à", "a", "en", "bij", "nabij", "près", NULL };
  const char *p = text + name_start;
  const char *word_start;
  guint capitalised = 0;

  /* The joining word. */
  while (p > text && (p[-1] == ' ' || p[-1] == ','))
    p--;
  word_start = p;
  while (word_start > text && g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (text, word_start))))
    word_start = g_utf8_find_prev_char (text, word_start);
  {
    g_autofree char *word = g_strndup (word_start, p - word_start);

    if (!g_strv_contains (joins, word))
      return -1;
  }
  p = word_start;
  /* Its words, each capitalised or a number: "Ramstein Air Base", "Air Base 201". */
  for (;;)
    {
      const char *q = p;

      while (q > text && q[-1] == ' ')
        q--;
      word_start = q;
      while (word_start > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, word_start))))
        word_start = g_utf8_find_prev_char (text, word_start);
      if (word_start == q || capitalised >= 6 ||
          !(g_unichar_isupper (g_utf8_get_char (word_start)) || g_ascii_isdigit (*word_start)))
        break;
      p = word_start;
      capitalised++;
    }
  return capitalised > 0 ? p - text : -1;
}

SbCiteEnd
sb_cite_route_end (const char *text,
                   gsize       name_start,
                   const char *language)
{
  SbCiteEnd end, verb_end;
  gboolean moves;
  gssize unknown;

  g_return_val_if_fail (text != NULL, SB_CITE_END_NONE);
  g_return_val_if_fail (name_start <= strlen (text), SB_CITE_END_NONE);

  moves = sentence_moves (text, name_start, language, &verb_end);
  end = cue_before (text, name_start, language, moves);
  if (end != SB_CITE_END_NONE)
    return end;
  /* "for Ramstein Air Base in Germany": where that name goes. */
  unknown = unknown_name_before (text, name_start);
  if (unknown >= 0 && (end = cue_before (text, unknown, language, moves)) != SB_CITE_END_NONE)
    return end;
  /* "left Air Base 101, beside the international airport in Niamey" */
  return verb_end;
}

/**
 * sb_cite_suggest_route:
 * @text: the text the passage is in
 * @language: (nullable): its language
 * @mentions: (array length=n_mentions): the places named in the passage,
 *   at byte offsets in @text, in order
 * @chosen: the one the person chose, or -1
 * @origin: (out): which of @mentions the movement comes from, or -1
 * @destination: (out): which it goes to, or -1
 *
 * Where a movement a passage tells of comes from and goes to, as its
 * words say: "left Niamey for Téra" from Niamey to Téra. A place chosen
 * that the words do not make either end is where it goes, as before.
 */
void
sb_cite_suggest_route (const char               *text,
                       const char               *language,
                       const SbGazetteerMention *mentions,
                       guint                     n_mentions,
                       int                       chosen,
                       int                      *origin,
                       int                      *destination)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (origin != NULL && destination != NULL);
  g_return_if_fail (chosen < (int) n_mentions);

  *origin = *destination = -1;
  for (guint i = 0; i < n_mentions; i++)
    {
      SbCiteEnd end = sb_cite_route_end (text, mentions[i].start, language);

      if (end == SB_CITE_END_ORIGIN && *origin < 0)
        *origin = i;
      else if (end == SB_CITE_END_DESTINATION && *destination < 0 && (int) i != *origin)
        *destination = i;
    }
  /* The place chosen fills an end the words leave open. */
  if (chosen >= 0 && chosen != *origin && chosen != *destination && *destination < 0 &&
      (*origin < 0 || sb_cite_route_end (text, mentions[chosen].start, language) == SB_CITE_END_NONE))
    *destination = chosen;
}

/* Who a claim is attributed to: a name of the briefing's actors, or the
 * words wires use for a government or its forces ("officials said",
 * "the army said", "selon l’armée").
 */
typedef struct
{
  const char *language;
  const char *words;
  SbActorKind kind;
} Claimant;

static const Claimant claimants[] = {
  { "en", "officials", SB_ACTOR_KIND_GOVERNMENT },
  { "en", "authorities", SB_ACTOR_KIND_GOVERNMENT },
  { "en", "government", SB_ACTOR_KIND_GOVERNMENT },
  { "en", "junta", SB_ACTOR_KIND_GOVERNMENT },
  { "en", "ministry", SB_ACTOR_KIND_GOVERNMENT },
  { "en", "spokesman", SB_ACTOR_KIND_GOVERNMENT },
  { "en", "spokesperson", SB_ACTOR_KIND_GOVERNMENT },
  { "en", "army", SB_ACTOR_KIND_NATIONAL_FORCES },
  { "en", "military", SB_ACTOR_KIND_NATIONAL_FORCES },
  { "en", "armed forces", SB_ACTOR_KIND_NATIONAL_FORCES },
  { "fr", "autorites", SB_ACTOR_KIND_GOVERNMENT },
  { "fr", "responsables", SB_ACTOR_KIND_GOVERNMENT },
  { "fr", "gouvernement", SB_ACTOR_KIND_GOVERNMENT },
  { "fr", "junte", SB_ACTOR_KIND_GOVERNMENT },
  { "fr", "ministere", SB_ACTOR_KIND_GOVERNMENT },
  { "fr", "porte parole", SB_ACTOR_KIND_GOVERNMENT },
  { "fr", "armee", SB_ACTOR_KIND_NATIONAL_FORCES },
  { "fr", "etat major", SB_ACTOR_KIND_NATIONAL_FORCES },
  { "fr", "forces armees", SB_ACTOR_KIND_NATIONAL_FORCES },
  { "nl", "autoriteiten", SB_ACTOR_KIND_GOVERNMENT },
  { "nl", "functionarissen", SB_ACTOR_KIND_GOVERNMENT },
  { "nl", "regering", SB_ACTOR_KIND_GOVERNMENT },
  { "nl", "junta", SB_ACTOR_KIND_GOVERNMENT },
  { "nl", "ministerie", SB_ACTOR_KIND_GOVERNMENT },
  { "nl", "woordvoerder", SB_ACTOR_KIND_GOVERNMENT },
  { "nl", "leger", SB_ACTOR_KIND_NATIONAL_FORCES },
  { "nl", "krijgsmacht", SB_ACTOR_KIND_NATIONAL_FORCES },
};

/* What a word found in a passage stands for, besides an actor. */
static const char claim_verb = 0;     /* "said": its subject is before it, or just after */
static const char claim_source = 0;   /* "according to": its subject follows */

static gboolean
is_source_phrase (const char *phrase)
{
  return g_str_equal (phrase, "according to") || g_str_equal (phrase, "volgens") || g_str_equal (phrase, "selon");
}

static guint
words_between (const char *text,
               gsize       start,
               gsize       end)
{
  g_autofree char *between = g_strndup (text + start, end > start ? end - start : 0);
  g_autofree char *folded = sb_name_fold (between);
  guint n = *folded ? 1 : 0;

  for (const char *p = folded; *p; p++)
    n += *p == ' ';
  return n;
}

static void
add_actor_names (SbNameMatcher *matcher,
                 SbActor       *actor,
                 gboolean       short_names)
{
  SbText *name = short_names ? sb_actor_get_short_name (actor) : sb_actor_get_name (actor);
  const char * const *aliases = sb_actor_get_aliases (actor);

  for (guint i = 0; name != NULL && i < sb_text_get_n_languages (name); i++)
    sb_name_matcher_add (matcher, sb_text_get_string_at (name, i), actor);
  for (guint i = 0; !short_names && aliases != NULL && aliases[i] != NULL; i++)
    sb_name_matcher_add (matcher, aliases[i], actor);
}

/* The one actor of @kind, or of those the one whose name or short name
 * the passage also gives ("… in Burkina Faso, the army said").
 */
static SbActor *
actor_of_kind (SbBriefing  *briefing,
               SbActorKind  kind,
               const char  *passage)
{
  GListModel *actors = sb_briefing_get_actors (briefing);
  g_autoptr(SbNameMatcher) names = sb_name_matcher_new (FALSE);
  g_autoptr(GArray) found = NULL;
  SbActor *only = NULL;
  SbActor *named = NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      if (sb_actor_get_kind (actor) != kind)
        continue;
      only = actor;
      n++;
      add_actor_names (names, actor, FALSE);
      add_actor_names (names, actor, TRUE);
    }
  if (n == 1)
    return only;

  found = sb_name_matcher_find (names, passage);
  for (guint i = 0; i < found->len; i++)
    {
      SbActor *actor = g_array_index (found, SbNameMatch, i).data;

      if (named != NULL && named != actor)
        return NULL;
      named = actor;
    }
  return named;
}

/**
 * sb_cite_suggest_claimant:
 * @passage: the quote
 * @language: (nullable): the source's language
 *
 * Who a passage attributes its claim to, where the wording says so: an
 * actor named as the one who says it ("JNIM claimed", "volgens Wagner"),
 * or a government or its forces as wires name them ("officials said",
 * "the army said") when the briefing has one such actor, or one the
 * passage names.
 *
 * Returns: (transfer none) (nullable): the claimant, or %NULL when the
 *   passage does not say
 */
SbActor *
sb_cite_suggest_claimant (SbBriefing *briefing,
                          const char *passage,
                          const char *language)
{
  g_autoptr(SbNameMatcher) matcher = sb_name_matcher_new (FALSE);
  g_autoptr(GArray) found = NULL;
  GListModel *actors;
  gboolean known = FALSE;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (passage != NULL, NULL);

  actors = sb_briefing_get_actors (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      sb_actor_names_add (matcher, actor, NULL);
    }

  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (cues); i++)
    known |= language_is (language, cues[i].language);
  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    if (cues[i].certainty == SB_CERTAINTY_CLAIMED && (!known || language_is (language, cues[i].language)))
      sb_name_matcher_add (matcher, cues[i].phrase,
                           (gpointer) (is_source_phrase (cues[i].phrase) ? &claim_source : &claim_verb));
  for (guint i = 0; i < G_N_ELEMENTS (claimants); i++)
    if (!known || language_is (language, claimants[i].language))
      sb_name_matcher_add (matcher, claimants[i].words, (gpointer) &claimants[i]);

  found = sb_name_matcher_find (matcher, passage);
  for (guint i = 0; i < found->len; i++)
    {
      SbNameMatch *match = &g_array_index (found, SbNameMatch, i);
      SbNameMatch *subject = NULL;
      SbActor *actor;

      if (match->data != &claim_verb && match->data != &claim_source)
        continue;
      /* "officials said", "JNIM, in a statement, claimed" */
      if (match->data == &claim_verb && i > 0 &&
          g_array_index (found, SbNameMatch, i - 1).data != &claim_verb &&
          g_array_index (found, SbNameMatch, i - 1).data != &claim_source &&
          words_between (passage, g_array_index (found, SbNameMatch, i - 1).end, match->start) <= 3)
        subject = &g_array_index (found, SbNameMatch, i - 1);
      /* "according to the army", "…, said the army" */
      else if (i + 1 < found->len &&
               g_array_index (found, SbNameMatch, i + 1).data != &claim_verb &&
               g_array_index (found, SbNameMatch, i + 1).data != &claim_source &&
               words_between (passage, match->end, g_array_index (found, SbNameMatch, i + 1).start) <=
                 (match->data == &claim_source ? 3 : 1))
        subject = &g_array_index (found, SbNameMatch, i + 1);
      if (subject == NULL)
        continue;

      actor = subject->data;
      for (const Claimant *c = claimants; c < claimants + G_N_ELEMENTS (claimants); c++)
        if (subject->data == c)
          actor = actor_of_kind (briefing, c->kind, passage);
      if (actor != NULL)
        return actor;
    }
  return NULL;
}

/* A character of a word: letters and digits, and what joins them inside
 * one ("zo’n", "al-Qaeda", "1.000", "3,5").
 */
static gboolean
is_word_char (const char *text,
              const char *p)
{
  gunichar c = g_utf8_get_char (p);
  gunichar before, after;

  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return TRUE;
  if (c != '\'' && c != 0x2019 && c != '-' && c != 0x2010 && c != '.' && c != ',')
    return FALSE;
  if (p == text || *p == '\0' || *g_utf8_next_char (p) == '\0')
    return FALSE;
  before = g_utf8_get_char (g_utf8_prev_char (p));
  after = g_utf8_get_char (g_utf8_next_char (p));
  if (c == '.' || c == ',')
    return g_unichar_isdigit (before) && g_unichar_isdigit (after);
  return g_unichar_isalnum (before) && g_unichar_isalnum (after);
}

static const char *
word_start (const char *text,
            const char *p)
{
  while (p > text && is_word_char (text, g_utf8_prev_char (p)))
    p = g_utf8_prev_char (p);
  return p;
}

static const char *
word_end (const char *text,
          const char *p)
{
  while (*p && is_word_char (text, p))
    p = g_utf8_next_char (p);
  return p;
}

/* Punctuation that ends what comes before it, or opens what follows. */
static gboolean
is_closing (gunichar c)
{
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026 ||
         c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == '"';
}

static gboolean
is_opening (gunichar c)
{
  return c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x201E;
}

static gboolean
is_stop (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* What closes @open, or 0. */
static gunichar
closer_of (gunichar open)
{
  switch (open)
    {
    case '(': return ')';
    case '[': return ']';
    case 0x201C: return 0x201D;
    case 0x201E: return 0x201D;
    case 0x2018: return 0x2019;
    case 0x00AB: return 0x00BB;
    default: return 0;
    }
}

/* Whether @from begins a sentence: the text's start, a paragraph's, or
 * after a full stop and a space.
 */
static gboolean
starts_sentence (const char *text,
                 const char *from)
{
  const char *p = from;

  while (p > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
    {
      p = g_utf8_prev_char (p);
      if (*p == '\n')
        return TRUE;
    }
  if (p == text)
    return TRUE;
  p = g_utf8_prev_char (p);
  while (p > text && is_closing (g_utf8_get_char (p)) && !is_stop (g_utf8_get_char (p)))
    p = g_utf8_prev_char (p);
  return p < from && is_stop (g_utf8_get_char (p));
}

/**
 * sb_cite_quote_range:
 * @text: the source's text
 * @start_char: (in): where the selection starts, in characters, as a text
 *   view counts them in @text
 * @end_char: where it ends
 * @start: (out): the quote's first byte in @text
 * @end: (out): the byte after it
 *
 * The quote is the selection made whole words: without the spaces and
 * line breaks a mouse takes along at its ends, or the stop of the
 * sentence before; a word cut at an end is taken whole when most of it
 * was selected (or it is all there is), left out when only its edge was.
 * Punctuation that belongs to it stays: a sentence quoted from its start
 * keeps its full stop, a bracket or quotation mark opened in it is closed.
 * A paragraph's dateline ("BAMAKO, 15 November 2023 (Reuters) — ") is
 * left out of a passage that goes on past it, kept when it is all there is.
 * Still a passage of @text, cut as it is there.
 *
 * Returns: whether there is anything to quote
 */
gboolean
sb_cite_quote_range (const char *text,
                     glong       start_char,
                     glong       end_char,
                     gsize      *start,
                     gsize      *end)
{
  glong length;
  const char *from;
  const char *to;
  gboolean after_dateline = FALSE;

  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  length = g_utf8_strlen (text, -1);
  start_char = CLAMP (start_char, 0, length);
  end_char = CLAMP (end_char, 0, length);
  if (end_char < start_char)
    {
      glong swap = start_char;

      start_char = end_char;
      end_char = swap;
    }

  from = g_utf8_offset_to_pointer (text, start_char);
  to = g_utf8_offset_to_pointer (text, end_char);

  /* Within one word: that word. */
  if (from < to && is_word_char (text, from) && word_end (text, from) >= to)
    {
      from = word_start (text, from);
      to = word_end (text, from);
    }
  else
    {
      /* A word cut at the start: whole, or left out. */
      if (from < to && from > text && is_word_char (text, from) && is_word_char (text, g_utf8_prev_char (from)))
        {
          const char *first = word_start (text, from);
          const char *last = word_end (text, from);

          from = (from - first) * 2 <= (last - first) ? first : last;
        }
      /* And at the end. */
      if (to > from && *to && is_word_char (text, to) && is_word_char (text, g_utf8_prev_char (to)))
        {
          const char *first = word_start (text, to);
          const char *last = word_end (text, to);

          to = (to - first) * 2 >= (last - first) ? last : first;
        }
    }

  /* Spaces, and the end of what came before or the start of what
   * follows, are not the passage's.
   */
  while (from < to)
    {
      const char *next = g_utf8_next_char (from);

      if (!g_unichar_isspace (g_utf8_get_char (from)) &&
          !(is_closing (g_utf8_get_char (from)) && (next == to || g_unichar_isspace (g_utf8_get_char (next)))))
        break;
      from = next;
    }
  while (to > from)
    {
      const char *last = g_utf8_prev_char (to);

      if (!g_unichar_isspace (g_utf8_get_char (last)) &&
          !(is_opening (g_utf8_get_char (last)) && (last == from || g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (last))))))
        break;
      to = last;
    }
  if (from == to)
    return FALSE;

  /* A paragraph's dateline ("BAMAKO, 15 November 2023 (Reuters) — ") is
   * not the passage that follows it, unless it is all that was selected.
   */
  if (from == text || from[-1] == '\n')
    {
      gsize dateline = sb_cite_dateline (from, NULL, NULL);

      if (dateline > 0 && from + dateline < to)
        {
          from += dateline;
          after_dateline = TRUE;
        }
    }

  /* A bracket or quotation mark it opens, closed right after it, or
   * after the (no-break) space French sets before » and the like.
   */
  if (*to)
    {
      const char *closer = to;
      gunichar next;

      while (*closer && *closer != '\n' && g_unichar_isspace (g_utf8_get_char (closer)))
        closer = g_utf8_next_char (closer);
      next = *closer ? g_utf8_get_char (closer) : 0;

      for (const char *p = from; next != 0 && p < to; p = g_utf8_next_char (p))
        if (closer_of (g_utf8_get_char (p)) == next)
          {
            gboolean closed = FALSE;

            for (const char *q = g_utf8_next_char (p); q < to && !closed; q = g_utf8_next_char (q))
              closed = g_utf8_get_char (q) == next;
            if (!closed)
              to = g_utf8_next_char (closer);
            break;
          }
    }
  /* A sentence from its start keeps its full stop. */
  if (*to && is_stop (g_utf8_get_char (to)) && is_word_char (text, g_utf8_prev_char (to)) &&
      (after_dateline || starts_sentence (text, from)))
    {
      const char *after = g_utf8_next_char (to);

      if (*after == '\0' || g_unichar_isspace (g_utf8_get_char (after)) || is_closing (g_utf8_get_char (after)))
        to = after;
    }

  *start = from - text;
  *end = to - text;
  return TRUE;
}

/**
 * sb_cite_citation:
 * @quote: the passage, as cut from @source's text
 * @at: where in @source's text it was cut, in bytes; -1 when not known
 *
 * A citation made in the window knows its place in the text at once, as
 * one loaded from a file does: its passage is highlighted and scrolled to
 * without the briefing being saved and opened again.
 *
 * Returns: (transfer full): a citation of @quote at @at, or at its first
 *   occurrence when @at is not where it is
 */
SbCitation *
sb_cite_citation (SbSource   *source,
                  const char *quote,
                  gssize      at)
{
  SbCitation *citation;
  const char *text;
  gsize length;

  g_return_val_if_fail (SB_IS_SOURCE (source), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  citation = sb_citation_new (source, quote);
  text = sb_source_get_text (source);
  length = strlen (quote);
  if (text == NULL || length == 0)
    return citation;
  if (at >= 0 && (gsize) at + length <= strlen (text) && memcmp (text + at, quote, length) == 0)
    citation->offset = at;
  else if (strstr (text, quote) != NULL)
    citation->offset = strstr (text, quote) - text;
  return citation;
}

/**
 * sb_cite_locate:
 * @text: the source's text as it is now
 *
 * Where @citation's passage is in @text: at its offset while the text
 * there is unchanged; after an edit of the text, the occurrence nearest
 * to where it was (the same passage, moved by what was added or cut
 * before it); undone, the offset is right again.
 *
 * Returns: the passage's first byte in @text, or -1 when it is not there
 */
gssize
sb_cite_locate (const SbCitation *citation,
                const char       *text)
{
  const char *quote;
  gsize length, text_length;
  gssize best = -1;

  g_return_val_if_fail (citation != NULL, -1);

  quote = sb_citation_get_quote (citation);
  if (text == NULL || quote == NULL || *quote == '\0')
    return -1;
  length = strlen (quote);
  text_length = strlen (text);
  if (citation->offset >= 0 && (gsize) citation->offset + length <= text_length &&
      memcmp (text + citation->offset, quote, length) == 0)
    return citation->offset;

  for (const char *at = strstr (text, quote); at != NULL; at = strstr (at + 1, quote))
    {
      gssize here = at - text;

      if (best < 0 || citation->offset < 0 ||
          ABS (here - citation->offset) < ABS (best - citation->offset))
        best = here;
      if (citation->offset < 0 || here > citation->offset)
        break;
    }
  return best;
}

static gboolean
ends_sentence (const char *text,
               const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *next = g_utf8_next_char (p);

  if (c == '\n')
    return TRUE;
  if (c != '.' && c != '!' && c != '?' && c != 0x2026)
    return FALSE;
  /* "1.000" and "U.S." do not end a sentence. */
  return *next == '\0' || g_unichar_isspace (g_utf8_get_char (next));
}

/**
 * sb_cite_sentence_around:
 * @start: where a name begins in @text, in bytes
 * @end: the byte after it
 * @sentence_start: (out): where the sentence around it begins
 * @sentence_end: (out): the byte after its final stop
 *
 * A sentence ends at a full stop, question or exclamation mark followed by
 * a space, or at a line break: a paragraph is never crossed.
 */
void
sb_cite_sentence_around (const char *text,
                         gsize       start,
                         gsize       end,
                         gsize      *sentence_start,
                         gsize      *sentence_end)
{
  const char *from = text + start;
  const char *to = text + end;

  g_return_if_fail (text != NULL && start <= end && end <= strlen (text));

  while (from > text)
    {
      const char *previous = g_utf8_prev_char (from);

      if (ends_sentence (text, previous))
        break;
      from = previous;
    }
  while (*to && !ends_sentence (text, to))
    to = g_utf8_next_char (to);
  if (*to && *to != '\n')
    to = g_utf8_next_char (to);

  while (from < to && g_unichar_isspace (g_utf8_get_char (from)))
    from = g_utf8_next_char (from);
  while (to > from && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (to))))
    to = g_utf8_prev_char (to);

  *sentence_start = from - text;
  *sentence_end = to - text;
}

static const char *
kind_label (SbItemKind kind)
{
  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      return _("Cite as New Deployment");
    case SB_ITEM_KIND_MOVEMENT:
      return _("Cite as New Movement");
    case SB_ITEM_KIND_INCIDENT:
      return _("Cite as New Incident");
    case SB_ITEM_KIND_AREA:
    default:
      return _("Cite as New Area");
    }
}

static const char *
text_language (SbBriefing *briefing)
{
  const char *language = sb_briefing_get_language (briefing);

  return language && *language ? language : "und";
}

/* A place of the briefing that is already what @entry names. */
static SbPlace *
find_place (SbBriefing             *briefing,
            const SbGazetteerEntry *entry,
            SbPlacePrecision        precision)
{
  GListModel *places = sb_briefing_get_places (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);

      if (sb_place_get_precision (place) == precision && !sb_place_has_radius (place) &&
          g_strcmp0 (sb_entity_get_label (SB_ENTITY (place)), entry->name) == 0 &&
          fabs (sb_place_get_latitude (place) - entry->latitude) < 0.05 &&
          fabs (sb_place_get_longitude (place) - entry->longitude) < 0.05)
        return place;
    }
  return NULL;
}

/**
 * sb_cite_place:
 * @item: the statement to place, in the briefing or being added in the
 *   same group
 * @field: %SB_ITEM_FIELD_PLACE, or %SB_ITEM_FIELD_ORIGIN for where a
 *   movement comes from
 * @entry: what was chosen in the gazetteer
 * @precision: how precisely @item is known to be there
 * @radius_km: for %SB_PLACE_PRECISION_NEAR, how near; otherwise 0
 *
 * Returns: (transfer full): the edit that places @item: at the briefing's
 *   own place when @entry is one or names one already, otherwise at a new
 *   place with the entry's name, point and country
 */
static SbEdit *cite_place_in (SbBriefing             *briefing,
                               SbItem                 *item,
                               guint                   field,
                               const SbGazetteerEntry *entry,
                               SbPlacePrecision        precision,
                               double                  radius_km,
                               const char             *region);

SbEdit *
sb_cite_place (SbBriefing             *briefing,
               SbItem                 *item,
               guint                   field,
               const SbGazetteerEntry *entry,
               SbPlacePrecision        precision,
               double                  radius_km)
{
  return cite_place_in (briefing, item, field, entry, precision, radius_km, NULL);
}

/* The place @item leaves, when nothing else refers to it: it goes with
 * it, or the briefing keeps a place nobody uses (offered in every list).
 */
static void
remove_place_left (SbEdit     *group,
                   SbBriefing *briefing,
                   SbItem     *item,
                   guint       field,
                   SbPlace    *new_place)
{
  g_autoptr(GPtrArray) references = NULL;
  SbPlace *old = field == SB_ITEM_FIELD_ORIGIN ? sb_item_get_origin (item) : sb_item_get_place (item);
  SbPlace *other = field == SB_ITEM_FIELD_ORIGIN ? sb_item_get_place (item) : sb_item_get_origin (item);

  if (old == NULL || old == new_place || old == other || sb_place_is_reference (old) ||
      sb_briefing_lookup (briefing, sb_entity_get_id (SB_ENTITY (old))) != SB_ENTITY (old))
    return;
  references = sb_briefing_find_references (briefing, SB_ENTITY (old));
  if (references->len == 1 && g_ptr_array_index (references, 0) == (gpointer) item)
    sb_edit_group_add (group, sb_edit_new_remove_with_references (briefing, SB_ENTITY (old)));
}

static SbEdit *
cite_place_in (SbBriefing             *briefing,
               SbItem                 *item,
               guint                   field,
               const SbGazetteerEntry *entry,
               SbPlacePrecision        precision,
               double                  radius_km,
               const char             *region)
{
  g_autoptr(SbText) name = NULL;
  g_autofree char *label = NULL;
  SbPlace *place = NULL;
  SbEdit *group;
  SbEdit *add;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ITEM (item), NULL);
  g_return_val_if_fail (field == SB_ITEM_FIELD_PLACE || field == SB_ITEM_FIELD_ORIGIN, NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  /* TRANSLATORS: an undo entry: "Place “Wagner in Mali” at Gao" */
  label = g_strdup_printf (_("Place “%s” at %s"), sb_entity_get_label (SB_ENTITY (item)), entry->name);
  group = sb_edit_new_group (label);

  /* The briefing's own place as it is; known otherwise (exactly there
   * rather than near it), a place of its own at the same point.
   */
  if (entry->kind == SB_GAZETTEER_BRIEFING && entry->place != NULL &&
      sb_place_get_precision (entry->place) == precision &&
      (precision != SB_PLACE_PRECISION_NEAR || radius_km <= 0 ||
       (sb_place_has_radius (entry->place) && fabs (sb_place_get_radius_km (entry->place) - radius_km) < 0.001)))
    place = entry->place;
  /* A place of the briefing known only to be near somewhere (a town the
   * gazetteer lacks, within so many km of one it has) is never made more
   * precise by placing another statement at it.
   */
  else if (entry->kind == SB_GAZETTEER_BRIEFING && entry->place != NULL && entry->near_only &&
           (precision == SB_PLACE_PRECISION_POINT ||
            (precision == SB_PLACE_PRECISION_NEAR && radius_km <= sb_place_get_radius_km (entry->place))))
    place = entry->place;
  else if (precision != SB_PLACE_PRECISION_NEAR)
    place = find_place (briefing, entry, precision);

  /* The statement placed stays selected, not the place made for it. */
  sb_edit_set_select (group, SB_ENTITY (item));
  if (place != NULL)
    {
      remove_place_left (group, briefing, item, field, place);
      sb_edit_group_add (group, sb_edit_new_set_entity (SB_ENTITY (item), field, SB_ENTITY (place)));
      return group;
    }

  name = sb_text_new (text_language (briefing), entry->name);
  add = sb_edit_new_add_place (briefing, name, entry->latitude, entry->longitude, precision);
  place = SB_PLACE (sb_edit_get_entity (add));
  if (region != NULL)
    _sb_place_set_region (place, region);
  sb_edit_group_add (group, add);
  remove_place_left (group, briefing, item, field, place);
  /* The format's code ("NER"), not the gazetteer's "NE": a briefing saved
   * with the latter could not be opened again.
   */
  if (entry->country_code != NULL && (precision == SB_PLACE_PRECISION_COUNTRY || precision == SB_PLACE_PRECISION_REGION))
    sb_edit_group_add (group, sb_edit_new_set_string (SB_ENTITY (place), SB_PLACE_FIELD_COUNTRY, entry->country_code));
  if (precision == SB_PLACE_PRECISION_NEAR && radius_km > 0)
    sb_edit_group_add (group, sb_edit_new_set_double (SB_ENTITY (place), SB_PLACE_FIELD_RADIUS, radius_km));
  sb_edit_group_add (group, sb_edit_new_set_entity (SB_ENTITY (item), field, SB_ENTITY (place)));
  return group;
}

/* The certainty a passage suggests, with who claims it: a claim whose
 * claimant the passage does not make plain is not suggested, or the
 * new statement would start with a problem the user did not make.
 */
static SbCertainty
suggest_evidence (SbBriefing  *briefing,
                  SbSource    *source,
                  const char  *quote,
                  SbActor    **claimant)
{
  gboolean obvious;
  SbCertainty certainty = sb_cite_suggest_certainty (quote, sb_source_get_language (source), &obvious);

  *claimant = NULL;
  if (certainty != SB_CERTAINTY_CLAIMED)
    return certainty;
  *claimant = sb_cite_suggest_claimant (briefing, quote, sb_source_get_language (source));
  return *claimant != NULL ? certainty : SB_CERTAINTY_REPORTED;
}

/**
 * sb_cite_new_item:
 * @source: the source quoted
 * @quote: the passage, as cut from @source's text
 * @at: where in the text it was cut, in bytes; -1 to take its first occurrence
 * @actor: (nullable): who the statement is about
 * @place: (nullable): where it is
 *
 * Returns: (transfer full): one edit that adds a statement of @kind citing
 *   @quote, with the certainty the wording suggests, @actor and @place; it
 *   selects the new statement
 */
SbEdit *
sb_cite_new_item (SbBriefing             *briefing,
                  SbItemKind              kind,
                  SbSource               *source,
                  const char             *quote,
                  gssize                  at,
                  SbActor                *actor,
                  const SbGazetteerEntry *place)
{
  g_autoptr(SbCitation) citation = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  SbActor *claimant = NULL;
  SbCertainty certainty;
  SbQuantity count;
  SbEdit *group;
  SbEdit *add;
  SbItem *item;
  SbDate date;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_SOURCE (source), NULL);
  g_return_val_if_fail (quote != NULL && *quote, NULL);

  certainty = suggest_evidence (briefing, source, quote, &claimant);
  citation = sb_cite_citation (source, quote, at);
  group = sb_edit_new_group (kind_label (kind));
  add = sb_edit_new_add_item (briefing, kind, citation, certainty);
  item = SB_ITEM (sb_edit_get_entity (add));
  sb_edit_group_add (group, add);
  if (claimant != NULL)
    sb_edit_group_add (group, sb_edit_new_set_entity (SB_ENTITY (item), SB_ITEM_FIELD_CLAIMED_BY, SB_ENTITY (claimant)));
  /* What the passage says plainly, suggested: the card shows it, and the
   * user changes it. The date is the one it gives, else the source's, as
   * far as it says: the user narrows it.
   */
  if (sb_cite_suggest_date (quote, sb_source_get_date (source), &date))
    sb_edit_group_add (group, sb_edit_new_set_date (SB_ENTITY (item), SB_ITEM_FIELD_DATE, &date));
  else if (sb_date_is_set (sb_source_get_date (source)))
    sb_edit_group_add (group, sb_edit_new_set_date (SB_ENTITY (item), SB_ITEM_FIELD_DATE, sb_source_get_date (source)));
  if ((kind == SB_ITEM_KIND_INCIDENT && sb_cite_suggest_fatalities (quote, &count)) ||
      ((kind == SB_ITEM_KIND_DEPLOYMENT || kind == SB_ITEM_KIND_MOVEMENT) && sb_cite_suggest_strength (quote, &count)))
    sb_edit_group_add (group, sb_edit_new_set_quantity (SB_ENTITY (item), SB_ITEM_FIELD_QUANTITY, &count));

  /* The actor chosen; or those the passage names, but who claims it. */
  actors = actor ? g_ptr_array_new () : sb_cite_suggest_actors (briefing, quote, claimant);
  if (actor != NULL)
    g_ptr_array_add (actors, actor);
  if (actors->len > 0)
    sb_edit_group_add (group, sb_edit_new_set_array (SB_ENTITY (item), SB_ITEM_FIELD_ACTORS, actors));
  if (place != NULL)
    sb_edit_group_add (group, sb_cite_place (briefing, item, SB_ITEM_FIELD_PLACE, place,
                                             sb_gazetteer_entry_get_precision (place), 0));

  sb_edit_set_select (group, SB_ENTITY (item));
  return group;
}

/**
 * sb_cite_new_movement:
 * @origin: (nullable): where it comes from
 * @destination: (nullable): where it goes
 *
 * Returns: (transfer full): one edit that adds a movement citing @quote,
 *   as sb_cite_new_item() does, from @origin to @destination
 */
SbEdit *
sb_cite_new_movement (SbBriefing             *briefing,
                      SbSource               *source,
                      const char             *quote,
                      gssize                  at,
                      SbActor                *actor,
                      const SbGazetteerEntry *origin,
                      const SbGazetteerEntry *destination)
{
  SbEdit *group;
  SbItem *item;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  group = sb_cite_new_item (briefing, SB_ITEM_KIND_MOVEMENT, source, quote, at, actor, destination);
  item = SB_ITEM (sb_edit_get_select (group));
  if (origin != NULL)
    sb_edit_group_add (group, sb_cite_place (briefing, item, SB_ITEM_FIELD_ORIGIN, origin,
                                             sb_gazetteer_entry_get_precision (origin), 0));
  sb_edit_set_select (group, SB_ENTITY (item));
  return group;
}

/**
 * sb_cite_new_figure:
 *
 * Returns: (transfer full): one edit that gives @actor a figure of its
 *   strength citing @quote, with the force's size the passage gives (or
 *   its first count, or the range it begins) as its value, the certainty
 *   its wording suggests and who claims it
 */
SbEdit *
sb_cite_new_figure (SbBriefing *briefing,
                    SbActor    *actor,
                    SbSource   *source,
                    const char *quote,
                    gssize      at)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);
  GPtrArray *current = sb_actor_get_figures (actor);
  g_autofree char *label = NULL;
  SbFigure *figure;
  gboolean obvious;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ACTOR (actor), NULL);
  g_return_val_if_fail (SB_IS_SOURCE (source), NULL);
  g_return_val_if_fail (quote != NULL && *quote, NULL);

  for (guint i = 0; current != NULL && i < current->len; i++)
    g_ptr_array_add (figures, sb_figure_copy (g_ptr_array_index (current, i)));

  figure = sb_figure_new ();
  figure->measure = SB_FIGURE_MEASURE_STRENGTH;
  sb_cite_suggest_certainty (quote, sb_source_get_language (source), &obvious);
  figure->evidence.certainty = suggest_evidence (briefing, source, quote, &figure->evidence.claimed_by);
  figure->evidence.citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  g_ptr_array_add (figure->evidence.citations, sb_cite_citation (source, quote, at));
  /* The force's size the passage gives ("about 3,000 fighters", "some
   * 400-600 men"), else its first count: never a day ("the night of 13
   * to 14 November", the hand-run's figure of 13) nor a year.
   */
  if (sb_cite_suggest_strength (quote, &figure->value) || sb_cite_suggest_count (quote, &figure->value))
    figure->value.approximate = !figure->value.is_range &&
                                (figure->value.approximate ||
                                 (obvious && figure->evidence.certainty == SB_CERTAINTY_ESTIMATED));
  /* As of the date the passage gives ("In April, about 100 …"), else the
   * source's.
   */
  if (!sb_cite_suggest_date (quote, sb_source_get_date (source), &figure->as_of) &&
      sb_source_get_date (source) != NULL)
    figure->as_of = *sb_source_get_date (source);
  g_ptr_array_add (figures, figure);

  /* TRANSLATORS: an undo entry: "Cite as Figure of “Wagner”" */
  label = g_strdup_printf (_("Cite as Figure of “%s”"), sb_entity_get_label (SB_ENTITY (actor)));
  edit = sb_edit_new_set_array (SB_ENTITY (actor), SB_ACTOR_FIELD_FIGURES, figures);
  sb_edit_set_label (edit, label);
  sb_edit_set_select (edit, SB_ENTITY (actor));
  return edit;
}

/**
 * sb_cite_can_cite:
 *
 * Returns: whether @entity cites passages of its own: a statement, an
 *   actor or a step (a place or a source does not)
 */
gboolean
sb_cite_can_cite (SbEntity *entity)
{
  return SB_IS_ITEM (entity) || SB_IS_ACTOR (entity) || SB_IS_STEP (entity);
}

/* @current with @citation added, or NULL with @error set when @what
 * (named in the message) cites it already.
 */
static GPtrArray *
citations_with (GPtrArray  *current,
                SbCitation *citation,
                const char *what,
                GError    **error)
{
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);

  for (guint i = 0; current != NULL && i < current->len; i++)
    {
      SbCitation *cited = g_ptr_array_index (current, i);

      if (sb_citation_equal (cited, citation))
        {
          g_set_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_INVALID,
                       _("“%s” already cites this passage"), what);
          return NULL;
        }
      g_ptr_array_add (citations, sb_citation_ref (cited));
    }
  g_ptr_array_add (citations, sb_citation_ref (citation));

  return g_steal_pointer (&citations);
}

/**
 * sb_cite_add_citation:
 * @entity: a statement, an actor or a step
 *
 * Returns: (transfer full) (nullable): one edit that adds @quote to what
 *   @entity cites (a step shows one citation: it is replaced), or %NULL
 *   with @error saying why not
 */
SbEdit *
sb_cite_add_citation (SbEntity    *entity,
                      SbSource    *source,
                      const char  *quote,
                      gssize       at,
                      GError     **error)
{
  g_autoptr(SbCitation) citation = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autofree char *label = NULL;
  GPtrArray *current;
  guint field;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (SB_IS_SOURCE (source), NULL);
  g_return_val_if_fail (quote != NULL && *quote, NULL);

  citation = sb_cite_citation (source, quote, at);
  /* TRANSLATORS: an undo entry: "Add Citation to “Wagner in Mali”" */
  label = g_strdup_printf (_("Add Citation to “%s”"), sb_entity_get_label (entity));

  if (SB_IS_STEP (entity))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, SB_TYPE_CITATION);
      g_value_set_boxed (&value, citation);
      edit = sb_edit_new_set (entity, SB_STEP_FIELD_CITATION, &value);
      sb_edit_set_label (edit, label);
      return edit;
    }

  if (SB_IS_ITEM (entity))
    {
      current = sb_item_get_citations (SB_ITEM (entity));
      field = SB_ITEM_FIELD_CITATIONS;
    }
  else if (SB_IS_ACTOR (entity))
    {
      current = sb_actor_get_citations (SB_ACTOR (entity));
      field = SB_ACTOR_FIELD_CITATIONS;
    }
  else
    {
      g_set_error (error, SB_EDIT_ERROR, SB_EDIT_ERROR_INVALID,
                   _("Only a statement, an actor or a step can cite a passage"));
      return NULL;
    }

  citations = citations_with (current, citation, sb_entity_get_label (entity), error);
  if (citations == NULL)
    return NULL;

  edit = sb_edit_new_set_array (entity, field, citations);
  sb_edit_set_label (edit, label);
  return edit;
}

/**
 * sb_cite_add_relation_citation:
 * @actor: the actor the relation is stated on
 * @index: which of its relations
 *
 * Returns: (transfer full) (nullable): the edit adding the passage to the
 *   relation's citations, or %NULL with @error set when it cites it already
 */
SbEdit *
sb_cite_add_relation_citation (SbActor     *actor,
                               guint        index,
                               SbCitation  *citation,
                               GError     **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  GPtrArray *current = sb_actor_get_relations (actor);
  SbRelation *relation;
  GPtrArray *citations;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_ACTOR (actor), NULL);
  g_return_val_if_fail (current != NULL && index < current->len, NULL);
  g_return_val_if_fail (citation != NULL, NULL);

  relations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_relation_free);
  for (guint i = 0; i < current->len; i++)
    g_ptr_array_add (relations, sb_relation_copy (g_ptr_array_index (current, i)));
  relation = g_ptr_array_index (relations, index);

  /* TRANSLATORS: a relation named in a message or undo entry: "JNIM: Fights FAMa" */
  what = g_strdup_printf (_("%s: %s %s"), sb_entity_get_label (SB_ENTITY (actor)),
                          sb_format_relation_type (relation->type), sb_entity_get_label (SB_ENTITY (relation->target)));
  citations = citations_with (relation->evidence.citations, citation, what, error);
  if (citations == NULL)
    return NULL;
  g_clear_pointer (&relation->evidence.citations, g_ptr_array_unref);
  relation->evidence.citations = citations;

  edit = sb_edit_new_set_array (SB_ENTITY (actor), SB_ACTOR_FIELD_RELATIONS, relations);
  /* TRANSLATORS: an undo entry: "Add Citation to “JNIM: Fights FAMa”" */
  label = g_strdup_printf (_("Add Citation to “%s”"), what);
  sb_edit_set_label (edit, label);
  return edit;
}

/* "12 km north-east of Kidal": a point placed near a town, named so that
 * it says no less precisely where it is than it was placed.
 */
static char *
name_from_town (const SbGazetteerEntry *town,
                double                  latitude,
                double                  longitude)
{
  double km = sb_distance_km (town->latitude, town->longitude, latitude, longitude);
  double bearing = atan2 ((longitude - town->longitude) * cos (town->latitude * G_PI / 180), latitude - town->latitude);
  int octant = ((int) lround (bearing / (G_PI / 4)) + 8) % 8;

  switch (octant)
    {
    case 0:
      /* TRANSLATORS: a place's name when put on the map near a town: "12 km north of Gao" */
      return g_strdup_printf (_("%.0f km north of %s"), km, town->name);
    case 1:
      return g_strdup_printf (_("%.0f km north-east of %s"), km, town->name);
    case 2:
      return g_strdup_printf (_("%.0f km east of %s"), km, town->name);
    case 3:
      return g_strdup_printf (_("%.0f km south-east of %s"), km, town->name);
    case 4:
      return g_strdup_printf (_("%.0f km south of %s"), km, town->name);
    case 5:
      return g_strdup_printf (_("%.0f km south-west of %s"), km, town->name);
    case 6:
      return g_strdup_printf (_("%.0f km west of %s"), km, town->name);
    case 7:
    default:
      return g_strdup_printf (_("%.0f km north-west of %s"), km, town->name);
    }
}

/* A point clicked on the map is named after the town it is at or near,
 * or by its coordinates: never more precisely than it was placed.
 */
static SbGazetteerEntry *
entry_at (double latitude,
          double longitude)
{
  SbGazetteer *gazetteer = sb_gazetteer_get_default ();
  const SbGazetteerEntry *town = sb_gazetteer_nearest (gazetteer, latitude, longitude, 3);
  SbGazetteerEntry *entry = g_new0 (SbGazetteerEntry, 1);

  entry->kind = SB_GAZETTEER_PLACE;
  entry->latitude = latitude;
  entry->longitude = longitude;
  if (town != NULL)
    {
      entry->name = g_strdup (town->name);
      entry->country = g_strdup (town->country);
      entry->country_code = g_strdup (town->country_code);
    }
  /* Dragged 65 km from Agadez: "65 km north-east of Agadez", not its
   * coordinates; within a day's drive the town still says where it is.
   */
  else if ((town = sb_gazetteer_nearest (gazetteer, latitude, longitude, 150)) != NULL)
    {
      /* A point, named as one: how far and which way from the town. */
      entry->name = name_from_town (town, latitude, longitude);
      entry->country = g_strdup (town->country);
      entry->country_code = g_strdup (town->country_code);
    }
  else
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.3f", latitude);
      g_ascii_formatd (lon, sizeof lon, "%.3f", longitude);
      entry->name = g_strdup_printf ("%s, %s", lat, lon);
    }
  return entry;
}

/**
 * sb_cite_place_at:
 * @field: %SB_ITEM_FIELD_PLACE or %SB_ITEM_FIELD_ORIGIN
 *
 * Returns: (transfer full): one edit that places @item at a point clicked
 *   on the map, as a new place named after the town there
 */
SbEdit *
sb_cite_place_at (SbBriefing *briefing,
                  SbItem     *item,
                  guint       field,
                  double      latitude,
                  double      longitude)
{
  g_autoptr(SbGazetteerEntry) entry = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ITEM (item), NULL);

  entry = entry_at (latitude, longitude);
  return sb_cite_place (briefing, item, field, entry, SB_PLACE_PRECISION_POINT, 0);
}

/**
 * sb_cite_place_named:
 * @name: the place's name as the source writes it: a town the gazetteer
 *   lacks ("Téra")
 * @where: where it is known to be: a point clicked on the map
 *   (sb_cite_entry_at()), or a place, region or country found by name
 * @precision: how precisely: %SB_PLACE_PRECISION_POINT at a point clicked,
 *   %SB_PLACE_PRECISION_NEAR within @radius_km of @where, or somewhere in
 *   @where's region or country
 *
 * A place of the briefing named @name, found by that name from then on
 * (sb_gazetteer_search(), sb_gazetteer_find_mentions()); the briefing's
 * own place of that name when it has one known as precisely.
 *
 * Returns: (transfer full): one edit that places @item there
 */
SbEdit *
sb_cite_place_named (SbBriefing             *briefing,
                     SbItem                 *item,
                     guint                   field,
                     const char             *name,
                     const SbGazetteerEntry *where,
                     SbPlacePrecision        precision,
                     double                  radius_km)
{
  g_autoptr(SbGazetteerEntry) named = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ITEM (item), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (where != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    return sb_cite_place (briefing, item, field, where, precision, radius_km);

  named = sb_gazetteer_entry_copy (where);
  named->kind = SB_GAZETTEER_PLACE;
  g_clear_object (&named->place);
  g_clear_pointer (&named->other_names, g_strfreev);
  g_free (named->name);
  named->name = g_steal_pointer (&stripped);
  /* A region's or country's reach is how near the town is known to be. */
  if (precision == SB_PLACE_PRECISION_NEAR && radius_km <= 0)
    radius_km = where->reach_km;
  /* Known only to a region or a country: somewhere in it, named. */
  if ((precision == SB_PLACE_PRECISION_REGION && where->kind == SB_GAZETTEER_REGION) ||
      (precision == SB_PLACE_PRECISION_COUNTRY && where->kind == SB_GAZETTEER_COUNTRY))
    return cite_place_in (briefing, item, field, named, precision, radius_km, where->name);
  return sb_cite_place (briefing, item, field, named, precision, radius_km);
}

/**
 * sb_cite_entry_at:
 *
 * Returns: (transfer full): what a point clicked on the map is: named
 *   after the town it is at or near, or by its coordinates
 */
SbGazetteerEntry *
sb_cite_entry_at (double latitude,
                  double longitude)
{
  return entry_at (latitude, longitude);
}

/**
 * sb_cite_move:
 *
 * Returns: (transfer full): one edit that moves @item to a point: its place
 *   moves when only @item is there; otherwise @item gets a place of its
 *   own there, and the others stay
 */
SbEdit *
sb_cite_move (SbBriefing *briefing,
              SbItem     *item,
              double      latitude,
              double      longitude)
{
  g_autoptr(GPtrArray) references = NULL;
  g_autofree char *label = NULL;
  SbPlace *place;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ITEM (item), NULL);

  place = sb_item_get_place (item);
  if (place == NULL)
    return sb_cite_place_at (briefing, item, SB_ITEM_FIELD_PLACE, latitude, longitude);

  /* TRANSLATORS: an undo entry: "Move “Wagner in Mali”" */
  label = g_strdup_printf (_("Move “%s”"), sb_entity_get_label (SB_ENTITY (item)));
  references = sb_briefing_find_references (briefing, SB_ENTITY (place));
  if (references == NULL || references->len <= 1)
    {
      const SbGazetteerEntry *named = sb_gazetteer_nearest (sb_gazetteer_get_default (),
                                                            sb_place_get_latitude (place),
                                                            sb_place_get_longitude (place), 3);

      edit = sb_edit_new_group (label);
      sb_edit_group_add (edit, sb_edit_new_set_position (place, latitude, longitude));
      /* Named after the town it stood at, and moved away from it: named
       * after where it is now. A name the user gave stays.
       */
      if (named != NULL && g_strcmp0 (named->name, sb_entity_get_label (SB_ENTITY (place))) == 0)
        {
          g_autoptr(SbGazetteerEntry) entry = entry_at (latitude, longitude);

          if (g_strcmp0 (entry->name, named->name) != 0)
            {
              g_autoptr(SbText) name = sb_text_new (text_language (briefing), entry->name);

              sb_edit_group_add (edit, sb_edit_new_set_text (SB_ENTITY (place), SB_PLACE_FIELD_NAME, name));
            }
        }
      return edit;
    }
  else
    {
      g_autoptr(SbGazetteerEntry) entry = entry_at (latitude, longitude);

      edit = sb_cite_place (briefing, item, SB_ITEM_FIELD_PLACE, entry,
                            sb_place_get_precision (place) == SB_PLACE_PRECISION_NEAR ? SB_PLACE_PRECISION_NEAR
                                                                                     : SB_PLACE_PRECISION_POINT,
                            sb_place_has_radius (place) ? sb_place_get_radius_km (place) : 0);
      sb_edit_set_label (edit, label);
      return edit;
    }
}

/**
 * sb_cite_draw_movement:
 *
 * Returns: (transfer full): one edit that gives @movement the origin and
 *   destination drawn on the map
 */
SbEdit *
sb_cite_draw_movement (SbBriefing *briefing,
                       SbItem     *movement,
                       double      from_latitude,
                       double      from_longitude,
                       double      to_latitude,
                       double      to_longitude)
{
  g_autofree char *label = NULL;
  SbEdit *group;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ITEM (movement), NULL);

  /* TRANSLATORS: an undo entry: "Draw “French troops leave Mali”" */
  label = g_strdup_printf (_("Draw “%s”"), sb_entity_get_label (SB_ENTITY (movement)));
  group = sb_edit_new_group (label);
  sb_edit_group_add (group, sb_cite_place_at (briefing, movement, SB_ITEM_FIELD_ORIGIN, from_latitude, from_longitude));
  sb_edit_group_add (group, sb_cite_place_at (briefing, movement, SB_ITEM_FIELD_PLACE, to_latitude, to_longitude));
  sb_edit_set_select (group, SB_ENTITY (movement));
  return group;
}

/**
 * sb_cite_set_outline:
 * @points: (array length=n_points): longitude, latitude pairs of the
 *   vertices, not closed
 * @n_points: how many vertices; at least 3
 *
 * Returns: (transfer full) (nullable): one edit that gives @area the
 *   outline drawn, or %NULL with fewer than 3 vertices
 */
SbEdit *
sb_cite_set_outline (SbItem       *area,
                     const double *points,
                     guint         n_points)
{
  g_autoptr(SbGeometry) geometry = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  SbRing *ring;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_ITEM (area), NULL);

  if (n_points < 3)
    return NULL;

  geometry = sb_geometry_new (1);
  geometry->polygons[0].n_rings = 1;
  geometry->polygons[0].rings = g_new0 (SbRing, 1);
  ring = &geometry->polygons[0].rings[0];
  ring->n_points = n_points + 1;
  ring->points = g_new (double, 2 * (n_points + 1));
  memcpy (ring->points, points, 2 * n_points * sizeof (double));
  ring->points[2 * n_points] = points[0];
  ring->points[2 * n_points + 1] = points[1];
  sb_geometry_update_bounds (geometry);

  g_value_init (&value, SB_TYPE_GEOMETRY);
  g_value_set_boxed (&value, geometry);
  /* TRANSLATORS: an undo entry: "Draw Outline of “JNIM stronghold”" */
  label = g_strdup_printf (_("Draw Outline of “%s”"), sb_entity_get_label (SB_ENTITY (area)));
  edit = sb_edit_new_set (SB_ENTITY (area), SB_ITEM_FIELD_GEOMETRY, &value);
  sb_edit_set_label (edit, label);
  return edit;
}

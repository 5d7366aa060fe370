/* briefing-generator.c
 *
 * Writes the JSON text directly, with the escapes and number forms a
 * hand-written or foreign file may use, so that the loader reads more
 * than the app's own writer makes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "briefing-generator.h"

#include <math.h>
#include <string.h>

typedef struct
{
  GRand *rand;
  GString *out;
  const BriefingShape *shape;
  const char *language;
  GPtrArray *source_ids;
  GPtrArray *source_sentences;   /* of GPtrArray of char *, NULL without text */
  GPtrArray *actor_ids;
  GPtrArray *place_ids;
  GPtrArray *statement_ids;
} Gen;

/* Words of several scripts, and what breaks writers and labels. */
static const char * const words[] = {
  "Gao", "Mali", "Niger", "Wagner", "Bamako", "Ménaka", "Ségou", "Kidal",
  "troepen", "vertrokken", "soldats", "départ", "militairen", "junta",
  "\"quoted\"", "back\\slash", "a/b", "<b>bold</b>", "&amp;", "Mali & Niger",
  "<span foreground=\"red\">red</span>", "tab\there", "line\nbreak", "\r\n",
  "unit\x1fseparator", "start\x01", "bell\x07", "del\x7f", "nul-free",
  "😀", "🇲🇱", "a\u0301", "Тимбукту", "تمبكتو", "ⵜⵉⵏⴱⵓⴽⵜⵓ", "\u2028", "\u00a0",
  "   ", "{}", "[]", ":", ",", "x-key", "1e5", "-0", "null", "true",
};

static const char * const languages[] = { "nl", "fr", "en", "pt-BR", "ar", "ff" };

static const char *
pick (Gen                *gen,
      const char * const *values,
      guint               n_values)
{
  return values[g_rand_int_range (gen->rand, 0, n_values)];
}

#define PICK(gen, array) pick ((gen), (array), G_N_ELEMENTS (array))

static gboolean
chance (Gen    *gen,
        double  probability)
{
  return g_rand_double (gen->rand) < probability;
}

static guint
between (Gen  *gen,
         guint first,
         guint last)
{
  return g_rand_int_range (gen->rand, first, last + 1);
}

/* Some text, never blank: it starts with a letter. */
static char *
make_words (Gen  *gen,
            guint n_words)
{
  GString *text = g_string_new ("W");

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, PICK (gen, words));
    }

  return g_string_free (text, FALSE);
}

/* As JSON, with escapes chosen at random where several are valid. */
static void
append_string (Gen        *gen,
               const char *value)
{
  GString *out = gen->out;

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c == '\n' && chance (gen, 0.5))
        g_string_append (out, "\\n");
      else if (c < 0x20 || (c >= 0x7f && chance (gen, 0.2)))
        {
          if (c > 0xffff)
            {
              gunichar v = c - 0x10000;

              g_string_append_printf (out, "\\u%04X\\u%04x", 0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
            }
          else
            g_string_append_printf (out, chance (gen, 0.5) ? "\\u%04x" : "\\u%04X", c);
        }
      else if (c == '/' && chance (gen, 0.5))
        g_string_append (out, "\\/");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
}

static void
member (Gen        *gen,
        const char *name)
{
  append_string (gen, name);
  g_string_append (gen->out, chance (gen, 0.5) ? ": " : ":");
}

static void
string_member (Gen        *gen,
               const char *name,
               const char *value)
{
  member (gen, name);
  append_string (gen, value);
  g_string_append_c (gen->out, ',');
}

/* Numbers in the forms JSON allows: whole, short, full, with exponents. */
static void
append_number (Gen    *gen,
               double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (between (gen, 0, 2))
    {
    case 0:
      g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
      break;
    case 1:
      g_ascii_formatd (buffer, sizeof buffer, "%.6e", value);
      if (g_ascii_strtod (buffer, NULL) != value)
        g_ascii_formatd (buffer, sizeof buffer, "%.17e", value);
      break;
    default:
      g_ascii_dtostr (buffer, sizeof buffer, value);
      break;
    }
  g_string_append (gen->out, buffer);
}

static double
random_coordinate (Gen    *gen,
                   double  limit)
{
  switch (between (gen, 0, 3))
    {
    case 0:
      return (double) (gint) between (gen, 0, (guint) (2 * limit)) - limit;
    case 1:
      return round (g_rand_double_range (gen->rand, -limit, limit) * 1e4) / 1e4;
    default:
      return g_rand_double_range (gen->rand, -limit, limit);
    }
}

static void
number_member (Gen        *gen,
               const char *name,
               double      value)
{
  member (gen, name);
  append_number (gen, value);
  g_string_append_c (gen->out, ',');
}

/* Text: a plain string in the briefing's language, or translations. */
static void
text_member (Gen        *gen,
             const char *name,
             guint       n_words)
{
  g_autofree char *plain = make_words (gen, n_words);

  member (gen, name);
  if (chance (gen, 0.6))
    append_string (gen, plain);
  else
    {
      guint n = between (gen, 1, 3);
      guint first = between (gen, 0, G_N_ELEMENTS (languages) - 1);

      g_string_append_c (gen->out, '{');
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = make_words (gen, n_words);

          if (i > 0)
            g_string_append_c (gen->out, ',');
          member (gen, languages[(first + i) % G_N_ELEMENTS (languages)]);
          append_string (gen, text);
        }
      g_string_append_c (gen->out, '}');
    }
  g_string_append_c (gen->out, ',');
}

static char *
date_string (Gen  *gen,
             guint year)
{
  guint month = between (gen, 1, 12);

  switch (between (gen, 0, 2))
    {
    case 0:
      return g_strdup_printf ("%u", year);
    case 1:
      return g_strdup_printf ("%u-%02u", year, month);
    default:
      return g_strdup_printf ("%u-%02u-%02u", year, month, between (gen, 1, g_date_get_days_in_month (month, year)));
    }
}

static void
date_member (Gen        *gen,
             const char *name)
{
  guint year = between (gen, 1000, 9990);
  g_autofree char *first = date_string (gen, year);

  member (gen, name);
  switch (between (gen, 0, 3))
    {
    case 0:
    case 1:
      append_string (gen, first);
      break;

    case 2:
      g_string_append_c (gen->out, '{');
      member (gen, "value");
      append_string (gen, first);
      g_string_append (gen->out, ",\"approximate\":true}");
      break;

    default:
      {
        g_string_append_c (gen->out, '{');
        member (gen, "from");
        append_string (gen, first);
        if (chance (gen, 0.7))
          {
            g_autofree char *last = date_string (gen, year + between (gen, 1, 9));

            g_string_append_c (gen->out, ',');
            member (gen, "to");
            append_string (gen, last);
          }
        if (chance (gen, 0.3))
          g_string_append (gen->out, ",\"approximate\":true");
        g_string_append_c (gen->out, '}');
      }
      break;
    }
  g_string_append_c (gen->out, ',');
}

static double
random_count (Gen *gen)
{
  if (chance (gen, 0.7))
    return between (gen, 0, 100000);

  return round (g_rand_double_range (gen->rand, 0, 1000) * 100) / 100;
}

static void
quantity_member (Gen        *gen,
                 const char *name)
{
  double a = random_count (gen);

  member (gen, name);
  switch (between (gen, 0, 2))
    {
    case 0:
      append_number (gen, a);
      break;

    case 1:
      g_string_append (gen->out, "{\"value\":");
      append_number (gen, a);
      g_string_append (gen->out, ",\"approximate\":true}");
      break;

    default:
      g_string_append (gen->out, "{\"min\":");
      append_number (gen, a);
      g_string_append (gen->out, ",\"max\":");
      append_number (gen, a + random_count (gen));
      if (chance (gen, 0.5))
        g_string_append (gen->out, ",\"approximate\":true");
      g_string_append_c (gen->out, '}');
      break;
    }
  g_string_append_c (gen->out, ',');
}

static const char *
random_id (Gen       *gen,
           GPtrArray *ids)
{
  return g_ptr_array_index (ids, g_rand_int_range (gen->rand, 0, ids->len));
}

static void
append_citation (Gen *gen)
{
  guint source = g_rand_int_range (gen->rand, 0, gen->source_ids->len);
  GPtrArray *sentences = g_ptr_array_index (gen->source_sentences, source);

  g_string_append_c (gen->out, '{');
  member (gen, "source");
  append_string (gen, g_ptr_array_index (gen->source_ids, source));
  if (sentences != NULL)
    {
      g_string_append_c (gen->out, ',');
      member (gen, "quote");
      append_string (gen, g_ptr_array_index (sentences, g_rand_int_range (gen->rand, 0, sentences->len)));
    }
  g_string_append_c (gen->out, '}');
}

/* certainty, claimed_by and citations: the last members of an object. */
static void
evidence_members (Gen *gen)
{
  static const char * const certainties[] = {
    "reported", "claimed", "estimated", "unclear", "feared", "projected"
  };
  const char *certainty = PICK (gen, certainties);
  guint n = between (gen, 1, 3);

  if (gen->actor_ids->len == 0 && g_str_equal (certainty, "claimed"))
    certainty = "reported";

  string_member (gen, "certainty", certainty);
  if (g_str_equal (certainty, "claimed"))
    string_member (gen, "claimed_by", random_id (gen, gen->actor_ids));

  member (gen, "citations");
  g_string_append_c (gen->out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (gen->out, ',');
      append_citation (gen);
    }
  g_string_append (gen->out, "]}");
}

static void
references_member (Gen        *gen,
                   const char *name,
                   GPtrArray  *ids,
                   guint       min)
{
  guint n = MIN (between (gen, min, 3), ids->len);

  member (gen, name);
  g_string_append_c (gen->out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (gen->out, ',');
      append_string (gen, random_id (gen, ids));
    }
  g_string_append (gen->out, "],");
}

static void
figures_member (Gen *gen)
{
  static const char * const measures[] = { "strength", "displaced", "fatalities", "detained", "ratio", "other" };
  guint n = between (gen, 0, 2);

  if (n == 0)
    return;

  member (gen, "figures");
  g_string_append_c (gen->out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (gen->out, ',');
      g_string_append_c (gen->out, '{');
      string_member (gen, "measure", PICK (gen, measures));
      if (chance (gen, 0.5))
        text_member (gen, "label", 2);
      quantity_member (gen, "value");
      date_member (gen, "as_of");
      evidence_members (gen);
    }
  g_string_append (gen->out, "],");
}

static char *
new_id (const char *prefix,
        guint       index)
{
  return g_strdup_printf ("%s-%u", prefix, index + 1);
}

static void
write_sources (Gen *gen)
{
  g_string_append (gen->out, "\"sources\":[");
  for (guint i = 0; i < gen->shape->n_sources; i++)
    {
      char *id = new_id ("source", i);
      GPtrArray *sentences = NULL;

      if (i > 0)
        g_string_append_c (gen->out, ',');
      g_string_append_c (gen->out, '{');
      string_member (gen, "id", id);
      text_member (gen, "title", 4);
      if (chance (gen, 0.5))
        string_member (gen, "publisher", "Le Monde & <i>NRC</i>");
      if (chance (gen, 0.3))
        string_member (gen, "url", "https://example.org/a?b=1&c=\"2\"");

      /* The first source always has a text, so that quotes can be made. */
      if (i == 0 || chance (gen, 0.7))
        {
          GString *text = g_string_new (NULL);
          guint n = between (gen, 1, 12);

          sentences = g_ptr_array_new_with_free_func (g_free);
          for (guint s = 0; s < n; s++)
            {
              char *sentence = make_words (gen, between (gen, 1, 12));

              g_string_append (text, sentence);
              g_string_append (text, s % 3 == 2 ? "\n\n" : " ");
              g_ptr_array_add (sentences, sentence);
            }
          string_member (gen, "text", text->str);
          g_string_free (text, TRUE);
        }
      if (chance (gen, 0.3))
        text_member (gen, "note", 3);
      date_member (gen, "date");
      member (gen, "language");
      append_string (gen, PICK (gen, languages));
      g_string_append_c (gen->out, '}');

      g_ptr_array_add (gen->source_ids, id);
      g_ptr_array_add (gen->source_sentences, sentences);
    }
  g_string_append (gen->out, "],");
}

static void
write_actors (Gen *gen)
{
  static const char * const kinds[] = {
    "national-forces", "foreign-forces", "private-military", "armed-group", "international-mission", "government"
  };
  static const char * const relation_types[] = {
    "allied-with", "cooperates-with", "contracted-by", "supports", "trains", "fights",
    "at-odds-with", "part-of", "affiliated-with", "hosts"
  };

  for (guint i = 0; i < gen->shape->n_actors; i++)
    g_ptr_array_add (gen->actor_ids, new_id ("actor", i));

  if (gen->actor_ids->len == 0)
    return;

  g_string_append (gen->out, "\"actors\":[");
  for (guint i = 0; i < gen->actor_ids->len; i++)
    {
      if (i > 0)
        g_string_append_c (gen->out, ',');
      g_string_append_c (gen->out, '{');
      string_member (gen, "id", g_ptr_array_index (gen->actor_ids, i));
      text_member (gen, "name", 3);
      if (chance (gen, 0.4))
        text_member (gen, "short_name", 1);
      if (chance (gen, 0.4))
        {
          g_autofree char *alias = make_words (gen, 1);

          member (gen, "aliases");
          g_string_append_c (gen->out, '[');
          append_string (gen, alias);
          g_string_append (gen->out, ",\"<i>&c</i>\"],");
        }
      string_member (gen, "kind", PICK (gen, kinds));
      if (chance (gen, 0.3))
        text_member (gen, "affiliation", 2);
      if (chance (gen, 0.5))
        string_member (gen, "country", "MLI");
      if (chance (gen, 0.5))
        {
          g_autofree char *colour = g_strdup_printf (chance (gen, 0.5) ? "#%06x" : "#%06X",
                                                     g_rand_int_range (gen->rand, 0, 0x1000000));

          string_member (gen, "colour", colour);
        }
      if (chance (gen, 0.5))
        text_member (gen, "summary", 10);
      figures_member (gen);

      if (gen->actor_ids->len > 1 && chance (gen, 0.5))
        {
          guint n = between (gen, 1, 2);

          member (gen, "relations");
          g_string_append_c (gen->out, '[');
          for (guint r = 0; r < n; r++)
            {
              guint target = (i + between (gen, 1, gen->actor_ids->len - 1)) % gen->actor_ids->len;

              if (r > 0)
                g_string_append_c (gen->out, ',');
              g_string_append_c (gen->out, '{');
              string_member (gen, "type", PICK (gen, relation_types));
              string_member (gen, "target", g_ptr_array_index (gen->actor_ids, target));
              if (chance (gen, 0.3))
                text_member (gen, "description", 3);
              if (chance (gen, 0.5))
                date_member (gen, "date");
              evidence_members (gen);
            }
          g_string_append (gen->out, "],");
        }

      /* Citations close the object. */
      member (gen, "citations");
      g_string_append_c (gen->out, '[');
      append_citation (gen);
      g_string_append (gen->out, "]}");
    }
  g_string_append (gen->out, "],");
}

static void
write_places (Gen *gen)
{
  static const char * const precisions[] = { "point", "near", "region", "country" };

  g_string_append (gen->out, "\"places\":[");
  for (guint i = 0; i < gen->shape->n_places; i++)
    {
      char *id = new_id ("place", i);
      const char *precision = PICK (gen, precisions);

      if (i > 0)
        g_string_append_c (gen->out, ',');
      g_string_append_c (gen->out, '{');
      string_member (gen, "id", id);
      text_member (gen, "name", 2);
      number_member (gen, "lat", random_coordinate (gen, 90));
      number_member (gen, "lon", random_coordinate (gen, 180));
      if (chance (gen, 0.3))
        number_member (gen, "radius_km", g_rand_double_range (gen->rand, 0.1, 3000));
      if (g_str_equal (precision, "country") || chance (gen, 0.3))
        string_member (gen, "country", "NER");
      member (gen, "precision");
      append_string (gen, precision);
      g_string_append_c (gen->out, '}');

      g_ptr_array_add (gen->place_ids, id);
    }
  g_string_append (gen->out, "],");
}

/* A closed ring around a centre, some of them very long. */
static void
append_ring (Gen    *gen,
             double  lon,
             double  lat,
             double  radius,
             guint   n_points)
{
  double first_lon = 0, first_lat = 0;

  g_string_append_c (gen->out, '[');
  for (guint i = 0; i < n_points; i++)
    {
      double angle = 2 * G_PI * i / n_points;
      double r = radius * g_rand_double_range (gen->rand, 0.5, 1.0);
      /* To the micro-degree, as survey and GPS data come; full doubles
       * are in the places and cameras.
       */
      double x = round (CLAMP (lon + r * cos (angle), -180, 180) * 1e6) / 1e6;
      double y = round (CLAMP (lat + r * sin (angle), -90, 90) * 1e6) / 1e6;

      if (i == 0)
        {
          first_lon = x;
          first_lat = y;
        }
      g_string_append_c (gen->out, '[');
      append_number (gen, x);
      g_string_append_c (gen->out, ',');
      append_number (gen, y);
      g_string_append (gen->out, "],");
    }
  g_string_append_c (gen->out, '[');
  append_number (gen, first_lon);
  g_string_append_c (gen->out, ',');
  append_number (gen, first_lat);
  g_string_append (gen->out, "]]");
}

static void
geometry_member (Gen   *gen,
                 guint  index)
{
  guint n_polygons = chance (gen, 0.7) ? 1 : between (gen, 1, 3);
  gboolean multi = n_polygons > 1 || chance (gen, 0.2);
  /* The first area has the largest ring. */
  guint max_points = index == 0 ? gen->shape->max_ring_points : MIN (gen->shape->max_ring_points, 200);

  member (gen, "geometry");
  g_string_append_c (gen->out, '{');
  string_member (gen, "type", multi ? "MultiPolygon" : "Polygon");
  member (gen, "coordinates");
  if (multi)
    g_string_append_c (gen->out, '[');
  for (guint p = 0; p < n_polygons; p++)
    {
      double lon = g_rand_double_range (gen->rand, -170, 170);
      double lat = g_rand_double_range (gen->rand, -80, 80);
      guint n_rings = chance (gen, 0.8) ? 1 : 2;

      if (p > 0)
        g_string_append_c (gen->out, ',');
      g_string_append_c (gen->out, '[');
      for (guint r = 0; r < n_rings; r++)
        {
          if (r > 0)
            g_string_append_c (gen->out, ',');
          append_ring (gen, lon, lat, r == 0 ? 5.0 : 1.0,
                       r == 0 && p == 0 ? MAX (3, max_points) : between (gen, 3, 12));
        }
      g_string_append_c (gen->out, ']');
    }
  if (multi)
    g_string_append_c (gen->out, ']');
  g_string_append (gen->out, "},");
}

static void
write_statements (Gen        *gen,
                  const char *name)
{
  static const char * const deployment_status[] = { "present", "arriving", "departing", "departed", "withdrawn", "planned" };
  static const char * const movement_status[] = { "completed", "ongoing", "planned" };
  static const char * const means[] = { "air", "ground", "river" };
  static const char * const incident_types[] = {
    "attack", "clash", "coup", "arrest", "civilian-harm", "displacement",
    "restriction", "agreement", "arrival", "departure", "other"
  };
  static const char * const area_kinds[] = { "control", "influence", "operations", "risk" };
  static const char * const boundaries[] = { "exact", "approximate", "schematic" };
  gboolean needs_actor = g_str_equal (name, "deployments") || g_str_equal (name, "movements");
  gboolean needs_place = !g_str_equal (name, "areas");

  if (gen->shape->n_statements == 0
      || (needs_actor && gen->actor_ids->len == 0)
      || (needs_place && gen->place_ids->len == 0))
    return;

  member (gen, name);
  g_string_append_c (gen->out, '[');
  for (guint i = 0; i < gen->shape->n_statements; i++)
    {
      g_autofree char *prefix = g_strndup (name, strlen (name) - 1);
      char *id = new_id (prefix, i);

      if (i > 0)
        g_string_append (gen->out, chance (gen, 0.5) ? ",\n" : ",");
      g_string_append_c (gen->out, '{');
      string_member (gen, "id", id);
      if (chance (gen, 0.5))
        text_member (gen, "title", 3);
      text_member (gen, "description", 8);
      date_member (gen, "date");

      if (g_str_equal (name, "deployments"))
        {
          string_member (gen, "actor", random_id (gen, gen->actor_ids));
          string_member (gen, "place", random_id (gen, gen->place_ids));
          string_member (gen, "status", PICK (gen, deployment_status));
          if (chance (gen, 0.5))
            quantity_member (gen, "strength");
          if (chance (gen, 0.3))
            text_member (gen, "role", 3);
        }
      else if (g_str_equal (name, "movements"))
        {
          gboolean has_from = chance (gen, 0.7);

          string_member (gen, "actor", random_id (gen, gen->actor_ids));
          if (has_from)
            string_member (gen, "from", random_id (gen, gen->place_ids));
          if (!has_from || chance (gen, 0.7))
            string_member (gen, "to", random_id (gen, gen->place_ids));
          string_member (gen, "status", PICK (gen, movement_status));
          if (chance (gen, 0.5))
            string_member (gen, "means", PICK (gen, means));
          if (chance (gen, 0.5))
            quantity_member (gen, "strength");
        }
      else if (g_str_equal (name, "incidents"))
        {
          string_member (gen, "type", PICK (gen, incident_types));
          if (gen->actor_ids->len > 0 && chance (gen, 0.7))
            references_member (gen, "actors", gen->actor_ids, 0);
          string_member (gen, "place", random_id (gen, gen->place_ids));
          if (chance (gen, 0.5))
            quantity_member (gen, "fatalities");
        }
      else
        {
          if (gen->actor_ids->len > 0 && chance (gen, 0.7))
            references_member (gen, "actors", gen->actor_ids, 1);
          if (chance (gen, 0.5))
            text_member (gen, "name", 2);
          string_member (gen, "kind", PICK (gen, area_kinds));
          string_member (gen, "boundary", PICK (gen, boundaries));
          geometry_member (gen, i);
        }

      figures_member (gen);
      evidence_members (gen);
      g_ptr_array_add (gen->statement_ids, id);
    }
  g_string_append (gen->out, "],");
}

static void
write_steps (Gen *gen)
{
  static const char * const layers[] = { "areas", "movements", "deployments", "incidents" };

  if (gen->shape->n_steps == 0)
    return;

  g_string_append (gen->out, "\"steps\":[");
  for (guint i = 0; i < gen->shape->n_steps; i++)
    {
      g_autofree char *id = new_id ("step", i);

      if (i > 0)
        g_string_append_c (gen->out, ',');
      g_string_append_c (gen->out, '{');
      string_member (gen, "id", id);
      if (chance (gen, 0.5))
        text_member (gen, "caption", 6);

      if (chance (gen, 0.4))
        {
          member (gen, "camera");
          g_string_append (gen->out, "{\"center\":{");
          number_member (gen, "lat", random_coordinate (gen, 85));
          member (gen, "lon");
          append_number (gen, random_coordinate (gen, 180));
          g_string_append (gen->out, "},\"zoom\":");
          append_number (gen, g_rand_double_range (gen->rand, 1, 18));
          g_string_append (gen->out, "},");
        }
      else if (gen->place_ids->len > 0 && chance (gen, 0.5))
        {
          member (gen, "camera");
          g_string_append_c (gen->out, '{');
          references_member (gen, "frame", chance (gen, 0.5) || gen->statement_ids->len == 0
                                             ? gen->place_ids : gen->statement_ids, 1);
          g_string_truncate (gen->out, gen->out->len - 1);
          g_string_append (gen->out, "},");
        }

      if (chance (gen, 0.4))
        {
          guint mask = between (gen, 0, 15);

          member (gen, "layers");
          g_string_append_c (gen->out, '[');
          for (guint l = 0, n = 0; l < G_N_ELEMENTS (layers); l++)
            if (mask & (1u << l))
              {
                if (n++ > 0)
                  g_string_append_c (gen->out, ',');
                append_string (gen, layers[l]);
              }
          g_string_append (gen->out, "],");
        }
      if (gen->statement_ids->len > 0 && chance (gen, 0.5))
        references_member (gen, "show", gen->statement_ids, 0);
      if (gen->statement_ids->len > 0 && chance (gen, 0.5))
        references_member (gen, "highlight", gen->statement_ids, 0);
      if (chance (gen, 0.5))
        {
          member (gen, "citation");
          append_citation (gen);
          g_string_append_c (gen->out, ',');
        }
      if (chance (gen, 0.3))
        text_member (gen, "notes", 10);

      /* The title closes the object. */
      text_member (gen, "title", 3);
      g_string_truncate (gen->out, gen->out->len - 1);
      g_string_append_c (gen->out, '}');
    }
  g_string_append (gen->out, "],");
}

static void
free_sentences (gpointer sentences)
{
  if (sentences != NULL)
    g_ptr_array_unref (sentences);
}

/**
 * briefing_generator_write:
 * @seed: the same seed makes the same briefing
 *
 * Returns: (transfer full): the text of a briefing the loader accepts
 */
char *
briefing_generator_write (guint32              seed,
                          const BriefingShape *shape,
                          gsize               *length)
{
  Gen gen = { NULL, };

  g_return_val_if_fail (shape->n_sources > 0, NULL);

  gen.rand = g_rand_new_with_seed (seed);
  gen.out = g_string_new (NULL);
  gen.shape = shape;
  gen.source_ids = g_ptr_array_new_with_free_func (g_free);
  gen.source_sentences = g_ptr_array_new_with_free_func (free_sentences);
  gen.actor_ids = g_ptr_array_new_with_free_func (g_free);
  gen.place_ids = g_ptr_array_new_with_free_func (g_free);
  gen.statement_ids = g_ptr_array_new_with_free_func (g_free);
  gen.language = PICK (&gen, languages);

  /* A byte-order mark now and then, as some editors write it. */
  if (chance (&gen, 0.1))
    g_string_append (gen.out, "\xEF\xBB\xBF");
  g_string_append (gen.out, "{\"format\":\"sahelbrief\",\"version\":1,");
  string_member (&gen, "language", gen.language);
  text_member (&gen, "title", 5);
  if (chance (&gen, 0.5))
    text_member (&gen, "subtitle", 8);
  if (chance (&gen, 0.5))
    text_member (&gen, "description", 20);
  if (chance (&gen, 0.5))
    date_member (&gen, "date");
  if (chance (&gen, 0.3))
    g_string_append (gen.out, "\"authors\":[\"A & B\",\"<C>\"],");
  if (chance (&gen, 0.2))
    g_string_append (gen.out, "\"x-tool\":{\"ignored\":[1,2,{}]},");

  write_sources (&gen);
  write_actors (&gen);
  write_places (&gen);
  write_statements (&gen, "deployments");
  write_statements (&gen, "movements");
  write_statements (&gen, "incidents");
  write_statements (&gen, "areas");
  write_steps (&gen);

  /* Each member ended with a comma; the last goes. */
  g_string_truncate (gen.out, gen.out->len - 1);
  g_string_append (gen.out, "}\n");

  g_ptr_array_unref (gen.source_ids);
  g_ptr_array_unref (gen.source_sentences);
  g_ptr_array_unref (gen.actor_ids);
  g_ptr_array_unref (gen.place_ids);
  g_ptr_array_unref (gen.statement_ids);
  g_rand_free (gen.rand);

  if (length != NULL)
    *length = gen.out->len;
  return g_string_free (gen.out, FALSE);
}

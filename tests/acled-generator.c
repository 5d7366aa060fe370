/* acled-generator.c
 *
 * ACLED-style CSV exports of any size for tests and benchmarks.
 *
 * Deterministic for a seed. Locations are drawn around 60 towns with a
 * spread of about 50 km; an event picks its location with a skew (u²) so
 * that a few places hold many events. Dates are days, weeks or months as
 * time_precision says; one event in fifty has no actor2. Place names and
 * notes have accents, as francophone places do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "acled-generator.h"

#define N_TOWNS 60

static guint32
next_random (guint32 *state)
{
  /* xorshift32: quick, and good enough for shapes on a map. */
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return *state;
}

static double
uniform (guint32 *state)
{
  return (next_random (state) >> 8) / (double) (1u << 24);
}

/* Some towns as they are written, accents and all. */
static const char * const town_names[] = {
  "Ménaka", "Ségou", "Kéniéba", "Tombouctou", "Gao", "Diré", "Bourem", "Niono",
  "Djibo", "Dori", "Kaya", "Fada N’Gourma", "Tillabéri", "Ouallam", "Téra", "Diffa",
};

static const char * const month_abbreviations[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* "2022-08-15", or as Excel writes it back: "15-Aug-22", or its day
 * number when the column lost its format.
 */
static void
append_date (GString             *row,
             GDate               *date,
             AcledGeneratorStyle  style,
             guint                i)
{
  if (style == ACLED_GENERATOR_CLEAN)
    g_string_append_printf (row, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date));
  else if (i % 10 == 0)
    {
      GDate epoch;

      g_date_clear (&epoch, 1);
      g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
      g_string_append_printf (row, "%d", g_date_days_between (&epoch, date));
    }
  else
    g_string_append_printf (row, "%u-%s-%02u", g_date_get_day (date),
                            month_abbreviations[g_date_get_month (date) - 1], g_date_get_year (date) % 100);
}

void
acled_generator_write_styled (FILE                *out,
                              guint                n_rows,
                              guint                n_locations,
                              guint32              seed,
                              AcledGeneratorStyle  style)
{
  static const char * const event_types[][2] = {
    { "Battles", "Armed clash" },
    { "Violence against civilians", "Attack" },
    { "Explosions/Remote violence", "Remote explosive/landmine/IED" },
    { "Protests", "Peaceful protest" },
    { "Strategic developments", "Arrests" },
    { "Riots", "Mob violence" },
    { "Strategic developments", "Agreement" },
  };
  static const struct { const char *numeric, *name, *code; } countries[] = {
    { "466", "Mali", "MLI" }, { "854", "Burkina Faso", "BFO" }, { "562", "Niger", "NIR" },
    { "566", "Nigeria", "NIG" }, { "148", "Chad", "CHA" },
  };
  const char *line_end = style == ACLED_GENERATOR_CLEAN ? "\n" : "\r\n";
  guint32 state = seed ? seed : 1;
  double town_lat[N_TOWNS], town_lon[N_TOWNS];
  double *lat = g_new (double, MAX (n_locations, 1));
  double *lon = g_new (double, MAX (n_locations, 1));
  GString *row = g_string_sized_new (1024);
  GIConv to_1252 = (GIConv) -1;

  if (style == ACLED_GENERATOR_SPREADSHEET)
    to_1252 = g_iconv_open ("WINDOWS-1252", "UTF-8");

  for (guint t = 0; t < N_TOWNS; t++)
    {
      town_lat[t] = 10.5 + 10.0 * uniform (&state);
      town_lon[t] = -12.0 + 30.0 * uniform (&state);
    }

  for (guint l = 0; l < n_locations; l++)
    {
      guint town = next_random (&state) % N_TOWNS;
      /* Box–Muller: about 0.45° (50 km) around the town. */
      double r = sqrt (-2 * log (MAX (uniform (&state), 1e-9))) * 0.45;
      double a = 2 * G_PI * uniform (&state);

      lat[l] = town_lat[town] + r * sin (a);
      lon[l] = town_lon[town] + r * cos (a);
    }

  fprintf (out, "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
           "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
           "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
           "source,source_scale,notes,fatalities,tags,timestamp%s", line_end);

  for (guint i = 0; i < n_rows; i++)
    {
      double u = uniform (&state);
      guint location = MIN ((guint) (u * u * n_locations), n_locations - 1);
      guint type = next_random (&state) % G_N_ELEMENTS (event_types);
      guint country = location % G_N_ELEMENTS (countries);
      guint day = next_random (&state) % (6 * 365);
      guint precision = 1 + (next_random (&state) % 10 == 0) + (next_random (&state) % 20 == 0);
      const char *town = town_names[location % G_N_ELEMENTS (town_names)];
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2018);
      g_date_add_days (&date, day);

      g_string_printf (row, "%s%u,", countries[country].code, i);
      append_date (row, &date, style, i);
      g_string_append_printf (row, ",%u,%u,Political violence,%s,%s,Armed Group %u,,2,",
                              g_date_get_year (&date), precision,
                              event_types[type][0], event_types[type][1], next_random (&state) % 300);
      if (i % 50 == 0)
        g_string_append (row, ",,0,20,,");
      else
        g_string_append_printf (row, "Armed Group %u,,3,23,,", next_random (&state) % 300);
      g_string_append_printf (row, "%s,Western Africa,%s,Région %u,,,%s %u,%.4f,%.4f,%u,Source %u,National,"
                              "\"Event %u at %s %u: « armed men » attacked the village’s market.\",%u,,1660000000%s",
                              countries[country].numeric, countries[country].name, location % 50, town, location,
                              lat[location], lon[location], 1 + (location % 7 == 0),
                              next_random (&state) % 40, i, town, location, next_random (&state) % 5, line_end);

      if (to_1252 != (GIConv) -1)
        {
          gsize length = 0;
          g_autofree char *encoded = g_convert_with_iconv (row->str, row->len, to_1252, NULL, &length, NULL);

          g_assert (encoded != NULL);
          fwrite (encoded, 1, length, out);
        }
      else
        fwrite (row->str, 1, row->len, out);
    }

  if (to_1252 != (GIConv) -1)
    g_iconv_close (to_1252);
  g_string_free (row, TRUE);
  g_free (lat);
  g_free (lon);
}

void
acled_generator_write (FILE    *out,
                       guint    n_rows,
                       guint    n_locations,
                       guint32  seed)
{
  acled_generator_write_styled (out, n_rows, n_locations, seed, ACLED_GENERATOR_CLEAN);
}

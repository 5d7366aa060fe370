/* bench-load.c
 *
 * How long loading and checking a large briefing takes, and how much memory
 * it needs. Generates realistic, valid briefings of any size (streamed to
 * disk, so a million incidents need no more memory than ten), then loads
 * each size several times, each time in a fresh process so that its peak
 * memory is its own.
 *
 *   bench-load [--sizes 10000,100000,1000000] [--keep DIR] [--runs 3]
 *   bench-load --generate N FILE
 *   bench-load --load FILE
 *   bench-load --phases FILE
 *
 * The targets (issue 16): 100,000 incidents load in under 0.4 s and
 * 150 MB, 1,000,000 in under 3 s and 800 MB; 1,000,000 save in under 3 s.
 * On a machine shared with other work the wall clock mostly measures the
 * wait for a processor: the processor time (user + system, all threads)
 * is printed beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-load"

#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <sys/resource.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sb-briefing.h"
#include "sb-json-string.h"
#include "sb-json-syntax.h"
#include "sb-loader.h"
#include "sb-writer.h"

#define DEFAULT_SIZES      "10000,100000,1000000"
#define DEFAULT_RUNS       3
#define DEFAULT_SEED       20220815
static const struct {
  guint incidents;
  double seconds;
  double bytes;
} targets[] = {
  { 100000, 0.4, 150.0 * 1000 * 1000 },
  { 1000000, 3.0, 800.0 * 1000 * 1000 },
};
#define SAVE_TARGET_INCIDENTS 1000000
#define SAVE_TARGET_SECONDS   3.0
#define FLUSH_SIZE         (1024 * 1024)

static char *load_average (void);

#define N_PLACES           2000
#define N_REGIONS          60
#define N_ACTORS           200
#define N_STEPS            12

/* ------------------------------------------------------------------ */
/* JSON output                                                          */
/* ------------------------------------------------------------------ */

#define JSON_MAX_DEPTH 16

/* Pretty-printed with two-space indents, except containers opened "flat",
 * which go on one line with everything inside them.
 */
typedef struct
{
  GString *out;
  guint depth;
  gboolean after_key;
  gboolean first[JSON_MAX_DEPTH];
  gboolean flat[JSON_MAX_DEPTH];
} Json;

static void
json_newline (Json *json)
{
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->depth; i++)
    g_string_append (json->out, "  ");
}

/* What goes before a value or a member: a comma, then a line break or a space. */
static void
json_separate (Json *json)
{
  if (json->after_key)
    {
      json->after_key = FALSE;
      return;
    }

  if (json->depth == 0)
    return;

  if (!json->first[json->depth])
    g_string_append_c (json->out, ',');

  if (!json->flat[json->depth])
    json_newline (json);
  else if (!json->first[json->depth])
    g_string_append_c (json->out, ' ');

  json->first[json->depth] = FALSE;
}

static void
json_open (Json     *json,
           char      bracket,
           gboolean  flat)
{
  json_separate (json);
  g_string_append_c (json->out, bracket);
  json->depth++;
  g_assert (json->depth < JSON_MAX_DEPTH);
  json->first[json->depth] = TRUE;
  json->flat[json->depth] = flat || json->flat[json->depth - 1];
}

static void
json_close (Json *json,
            char  bracket)
{
  gboolean empty = json->first[json->depth];
  gboolean flat = json->flat[json->depth];

  json->depth--;
  if (!empty && !flat)
    json_newline (json);
  g_string_append_c (json->out, bracket);
}

static void
json_member (Json       *json,
             const char *name)
{
  json_separate (json);
  sb_json_append_string (json->out, name);
  g_string_append (json->out, ": ");
  json->after_key = TRUE;
}

static void
json_string (Json       *json,
             const char *value)
{
  json_separate (json);
  sb_json_append_string (json->out, value);
}

static void
json_uint (Json  *json,
           guint  value)
{
  json_separate (json);
  g_string_append_printf (json->out, "%u", value);
}

static void
json_coordinate (Json   *json,
                 double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  json_separate (json);
  g_string_append (json->out, g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

static void
json_true (Json *json)
{
  json_separate (json);
  g_string_append (json->out, "true");
}

static void
json_member_string (Json       *json,
                    const char *name,
                    const char *value)
{
  json_member (json, name);
  json_string (json, value);
}

/* A text: a plain string (in the briefing's language, English), or an
 * object of languages when @multilingual.
 */
static void
json_text (Json        *json,
           char *const *text,
           gboolean     multilingual)
{
  if (!multilingual)
    {
      json_string (json, text[0]);
      return;
    }

  json_open (json, '{', TRUE);
  json_member_string (json, "en", text[0]);
  json_member_string (json, "fr", text[1]);
  json_close (json, '}');
}

static void
json_member_text (Json        *json,
                  const char  *name,
                  char *const *text,
                  gboolean     multilingual)
{
  json_member (json, name);
  json_text (json, text, multilingual);
}

/* ------------------------------------------------------------------ */
/* Building blocks: languages, dates, quantities, templates             */
/* ------------------------------------------------------------------ */

enum { EN, FR, N_LANGUAGES };

static const char * const language_codes[N_LANGUAGES] = { "en", "fr" };

static const char * const month_names[N_LANGUAGES][12] = {
  { "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December" },
  { "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre" },
};

typedef enum
{
  CERTAINTY_REPORTED,
  CERTAINTY_CLAIMED,
  CERTAINTY_ESTIMATED,
  CERTAINTY_UNCLEAR,
  CERTAINTY_FEARED,
  CERTAINTY_PROJECTED,
  N_CERTAINTIES
} Certainty;

static const char * const certainty_nicks[N_CERTAINTIES] = {
  "reported", "claimed", "estimated", "unclear", "feared", "projected",
};

typedef struct
{
  guint16 year;
  guint8 month;            /* 0: year precision */
  guint8 day;              /* 0: month precision */
} Ymd;

typedef enum
{
  DATE_NONE,
  DATE_PLAIN,              /* "2022", "2022-08" or "2022-08-15" */
  DATE_APPROXIMATE,        /* { "value": …, "approximate": true } */
  DATE_SPAN,               /* { "from": …, "to": … } */
  DATE_OPEN,               /* { "from": … } */
} DateForm;

typedef struct
{
  DateForm form;
  Ymd start;
  Ymd end;
  gboolean approximate;    /* of spans */
} DatePlan;

typedef enum
{
  QUANTITY_NONE,
  QUANTITY_EXACT,
  QUANTITY_ABOUT,
  QUANTITY_RANGE,
} QuantityForm;

typedef struct
{
  QuantityForm form;
  guint value;             /* or the minimum */
  guint max;
} QuantityPlan;

static gboolean
chance (GRand  *rand,
        double  probability)
{
  return g_rand_double (rand) < probability;
}

static guint
pick (GRand *rand,
      guint  n)
{
  return (guint) g_rand_int_range (rand, 0, (gint32) n);
}

static void
reseed (GRand   *rand,
        guint32  seed,
        guint32  stream,
        guint32  index)
{
  const guint32 array[] = { seed, stream, index };

  g_rand_set_seed_array (rand, array, G_N_ELEMENTS (array));
}

static void
format_ymd (const Ymd *ymd,
            char      *buffer,
            gsize      size)
{
  if (ymd->month == 0)
    g_snprintf (buffer, size, "%04u", ymd->year);
  else if (ymd->day == 0)
    g_snprintf (buffer, size, "%04u-%02u", ymd->year, ymd->month);
  else
    g_snprintf (buffer, size, "%04u-%02u-%02u", ymd->year, ymd->month, ymd->day);
}

static void
json_ymd (Json      *json,
          const Ymd *ymd)
{
  char buffer[16];

  format_ymd (ymd, buffer, sizeof buffer);
  json_string (json, buffer);
}

static void
json_date (Json           *json,
           const DatePlan *date)
{
  switch (date->form)
    {
    case DATE_PLAIN:
      json_ymd (json, &date->start);
      break;

    case DATE_APPROXIMATE:
      json_open (json, '{', TRUE);
      json_member (json, "value");
      json_ymd (json, &date->start);
      json_member (json, "approximate");
      json_true (json);
      json_close (json, '}');
      break;

    case DATE_SPAN:
    case DATE_OPEN:
      json_open (json, '{', TRUE);
      json_member (json, "from");
      json_ymd (json, &date->start);
      if (date->form == DATE_SPAN)
        {
          json_member (json, "to");
          json_ymd (json, &date->end);
        }
      if (date->approximate)
        {
          json_member (json, "approximate");
          json_true (json);
        }
      json_close (json, '}');
      break;

    case DATE_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
append_ymd_words (GString   *out,
                  const Ymd *ymd,
                  guint      language)
{
  if (ymd->day != 0)
    g_string_append_printf (out, "%u ", ymd->day);
  if (ymd->month != 0)
    g_string_append_printf (out, "%s ", month_names[language][ymd->month - 1]);
  g_string_append_printf (out, "%u", ymd->year);
}

/* "On 12 April 2019", "Between April and June 2019" … as a sentence starts. */
static void
append_date_lead (GString        *out,
                  const DatePlan *date,
                  guint           language)
{
  static const char * const leads[N_LANGUAGES][5] = {
    /* day, month or year, approximate, span, open */
    { "On ", "In ", "Around ", "Between ", "Since " },
    { "Le ", "En ", "Vers le ", "Entre ", "Depuis " },
  };
  guint lead;

  switch (date->form)
    {
    case DATE_PLAIN:
      lead = date->start.day != 0 ? 0 : 1;
      break;
    case DATE_APPROXIMATE:
      lead = 2;
      break;
    case DATE_SPAN:
      lead = 3;
      break;
    case DATE_OPEN:
    default:
      lead = 4;
    }

  g_string_append (out, leads[language][lead]);
  append_ymd_words (out, &date->start, language);
  if (date->form == DATE_SPAN)
    {
      g_string_append (out, language == EN ? " and " : " et ");
      append_ymd_words (out, &date->end, language);
    }
}

static guint
days_in_month (guint year,
               guint month)
{
  return g_date_get_days_in_month (month, year);
}

/* @month_index counts months from year 0: year * 12 + month - 1. */
static Ymd
ymd_from_month_index (guint month_index,
                      guint day)
{
  Ymd ymd = { month_index / 12, month_index % 12 + 1, 0 };

  if (day != 0)
    ymd.day = MIN (day, days_in_month (ymd.year, ymd.month));
  return ymd;
}

static Ymd
ymd_add_days (const Ymd *ymd,
              guint      days)
{
  GDate date;
  Ymd result;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, ymd->day, ymd->month, ymd->year);
  g_date_add_days (&date, days);
  result.year = g_date_get_year (&date);
  result.month = g_date_get_month (&date);
  result.day = g_date_get_day (&date);
  return result;
}

/* A date of any form in the months up to @month_index. */
static DatePlan
random_date (GRand *rand,
             guint  month_index)
{
  DatePlan date = { DATE_PLAIN, { 0, }, { 0, }, FALSE };
  guint start = month_index - pick (rand, 3);
  guint day = 1 + pick (rand, 31);
  double r = g_rand_double (rand);

  date.start = ymd_from_month_index (start, day);

  if (r < 0.06)
    date.start.month = date.start.day = 0;
  else if (r < 0.22)
    date.start.day = 0;
  else if (r < 0.74)
    ;
  else if (r < 0.84)
    date.form = DATE_APPROXIMATE;
  else if (r < 0.95)
    {
      date.form = DATE_SPAN;
      date.approximate = chance (rand, 0.1);
      if (chance (rand, 0.5))
        {
          date.start.day = 0;
          date.end = ymd_from_month_index (start + 1 + pick (rand, 6), 0);
        }
      else
        date.end = ymd_add_days (&date.start, 1 + pick (rand, 10));
    }
  else
    {
      date.form = DATE_OPEN;
      date.start.day = 0;
      if (chance (rand, 0.5))
        date.start.month = 0;
    }

  return date;
}

/* A quantity between @low and @high, of any form. */
static QuantityPlan
random_quantity (GRand *rand,
                 guint  low,
                 guint  high)
{
  QuantityPlan quantity = { QUANTITY_EXACT, low + pick (rand, high - low + 1), 0 };
  double r = g_rand_double (rand);

  if (r < 0.5)
    return quantity;

  if (r < 0.8)
    {
      quantity.form = QUANTITY_ABOUT;
      if (quantity.value >= 100)
        quantity.value -= quantity.value % 50;
      else if (quantity.value >= 20)
        quantity.value -= quantity.value % 10;
      return quantity;
    }

  quantity.form = QUANTITY_RANGE;
  quantity.max = quantity.value + 1 + quantity.value / 2;
  return quantity;
}

static void
json_quantity (Json               *json,
               const QuantityPlan *quantity)
{
  switch (quantity->form)
    {
    case QUANTITY_EXACT:
      json_uint (json, quantity->value);
      break;

    case QUANTITY_ABOUT:
      json_open (json, '{', TRUE);
      json_member (json, "value");
      json_uint (json, quantity->value);
      json_member (json, "approximate");
      json_true (json);
      json_close (json, '}');
      break;

    case QUANTITY_RANGE:
      json_open (json, '{', TRUE);
      json_member (json, "min");
      json_uint (json, quantity->value);
      json_member (json, "max");
      json_uint (json, quantity->max);
      json_close (json, '}');
      break;

    case QUANTITY_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
append_quantity_words (GString            *out,
                       const QuantityPlan *quantity,
                       guint               language)
{
  switch (quantity->form)
    {
    case QUANTITY_ABOUT:
      g_string_append_printf (out, language == EN ? "about %u" : "environ %u", quantity->value);
      break;
    case QUANTITY_RANGE:
      g_string_append_printf (out, language == EN ? "between %u and %u" : "entre %u et %u",
                              quantity->value, quantity->max);
      break;
    case QUANTITY_EXACT:
    case QUANTITY_NONE:
    default:
      g_string_append_printf (out, "%u", quantity->value);
    }
}

/* What fills a template's {A}ctors, {B}, {P}lace, {Q}uantity, {N}oun,
 * {C}laimant, {S}ource and {Y}ear.
 */
typedef struct
{
  const char *a;
  const char *b;
  const char *p;
  const char *q;
  const char *n;
  const char *c;
  const char *s;
  const char *y;
} Slots;

static void
expand (GString     *out,
        const char  *template,
        const Slots *slots)
{
  const char *t = template;
  const char *brace;

  while ((brace = strchr (t, '{')) != NULL && brace[1] != '\0' && brace[2] == '}')
    {
      const char *value = NULL;

      g_string_append_len (out, t, brace - t);
      switch (brace[1])
        {
        case 'A': value = slots->a; break;
        case 'B': value = slots->b; break;
        case 'P': value = slots->p; break;
        case 'Q': value = slots->q; break;
        case 'N': value = slots->n; break;
        case 'C': value = slots->c; break;
        case 'S': value = slots->s; break;
        case 'Y': value = slots->y; break;
        default: g_assert_not_reached ();
        }
      g_assert (value != NULL);
      g_string_append (out, value);
      t = brace + 3;
    }

  g_string_append (out, t);
}

static void
capitalise_from (GString *out,
                 gsize    offset)
{
  if (offset < out->len && g_ascii_islower (out->str[offset]))
    out->str[offset] = g_ascii_toupper (out->str[offset]);
}

/* Appends a sentence to a source text, after a space unless a paragraph starts. */
static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

static char *
slugify (const char *text,
         gsize       max)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);
  gboolean hyphen = FALSE;

  for (const char *p = ascii; *p != '\0' && slug->len < max; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        {
          if (hyphen && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, c);
          hyphen = FALSE;
        }
      else
        hyphen = TRUE;
    }

  return g_string_free (slug, FALSE);
}

/* ------------------------------------------------------------------ */
/* The world: countries, places, actors                                 */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *code;
  const char *name[N_LANGUAGES];
  const char *of_fr;       /* "du Mali" */
  const char *adjective;   /* "Malian" */
  const char *forces_fr;   /* "Forces armées maliennes" */
  double lat;
  double lon;
} Country;

static const Country countries[] = {
  { "MLI", { "Mali", "Mali" }, "du Mali", "Malian", "Forces armées maliennes", 17.35, -3.52 },
  { "NER", { "Niger", "Niger" }, "du Niger", "Nigerien", "Forces armées nigériennes", 17.42, 9.39 },
  { "BFA", { "Burkina Faso", "Burkina Faso" }, "du Burkina Faso", "Burkinabe", "Forces armées burkinabè", 12.24, -1.56 },
  { "TCD", { "Chad", "Tchad" }, "du Tchad", "Chadian", "Forces armées tchadiennes", 15.45, 18.73 },
  { "MRT", { "Mauritania", "Mauritanie" }, "de la Mauritanie", "Mauritanian", "Forces armées mauritaniennes", 20.26, -10.33 },
  { "SEN", { "Senegal", "Sénégal" }, "du Sénégal", "Senegalese", "Forces armées sénégalaises", 14.50, -14.45 },
  { "NGA", { "Nigeria", "Nigeria" }, "du Nigeria", "Nigerian", "Forces armées nigérianes", 9.08, 8.68 },
  { "CMR", { "Cameroon", "Cameroun" }, "du Cameroun", "Cameroonian", "Forces de défense camerounaises", 7.37, 12.35 },
  { "GIN", { "Guinea", "Guinée" }, "de la Guinée", "Guinean", "Forces armées guinéennes", 10.44, -10.94 },
  { "CIV", { "Côte d’Ivoire", "Côte d’Ivoire" }, "de la Côte d’Ivoire", "Ivorian", "Forces armées de Côte d’Ivoire", 7.54, -5.55 },
  { "GHA", { "Ghana", "Ghana" }, "du Ghana", "Ghanaian", "Forces armées ghanéennes", 7.95, -1.02 },
  { "BEN", { "Benin", "Bénin" }, "du Bénin", "Beninese", "Forces armées béninoises", 9.31, 2.32 },
  { "TGO", { "Togo", "Togo" }, "du Togo", "Togolese", "Forces armées togolaises", 8.62, 0.82 },
  { "GMB", { "Gambia", "Gambie" }, "de la Gambie", "Gambian", "Forces armées gambiennes", 13.44, -15.31 },
  { "CAF", { "Central African Republic", "République centrafricaine" }, "de la République centrafricaine", "Central African", "Forces armées centrafricaines", 6.61, 20.94 },
  { "GNB", { "Guinea-Bissau", "Guinée-Bissau" }, "de la Guinée-Bissau", "Bissau-Guinean", "Forces armées de Guinée-Bissau", 11.80, -15.18 },
};

static const char * const syllables[] = {
  "ta", "ka", "ma", "ni", "bou", "gou", "dia", "sa", "ko", "ro", "tin", "ag", "mo", "ha",
  "ba", "lo", "fa", "zou", "ke", "di", "ou", "ghe", "mi", "na", "ti", "le", "do", "sse",
  "kel", "tan", "dou", "er", "in", "bam", "se", "gal", "ya", "wa", "zin", "der",
};

typedef enum
{
  KIND_NATIONAL_FORCES,
  KIND_FOREIGN_FORCES,
  KIND_PRIVATE_MILITARY,
  KIND_ARMED_GROUP,
  KIND_INTERNATIONAL_MISSION,
  KIND_GOVERNMENT,
  N_KINDS
} ActorKind;

static const char * const kind_nicks[N_KINDS] = {
  "national-forces", "foreign-forces", "private-military", "armed-group",
  "international-mission", "government",
};

static const char * const kind_nouns[N_KINDS][N_LANGUAGES] = {
  { "soldiers", "soldats" },
  { "troops", "militaires" },
  { "contractors", "contractuels" },
  { "fighters", "combattants" },
  { "personnel", "agents" },
  { "officials", "responsables" },
};

typedef enum
{
  PRECISION_POINT,
  PRECISION_NEAR,
  PRECISION_REGION,
  PRECISION_COUNTRY,
} Precision;

static const char * const precision_nicks[] = { "point", "near", "region", "country" };

typedef struct
{
  char *id;
  char *name[N_LANGUAGES];
  gboolean multilingual;
  Precision precision;
  double lat;
  double lon;
  guint radius_km;         /* 0: none given */
  const char *country;     /* nullable */
} Place;

typedef struct
{
  const char *measure;
  QuantityPlan value;
  DatePlan as_of;
  Certainty certainty;
  guint claimant;
  char *label[N_LANGUAGES];  /* nullable */
  gboolean multilingual;
  char *quote;
} FigurePlan;

typedef struct
{
  guint type;
  guint target;
  Certainty certainty;
  DatePlan date;           /* DATE_NONE: none given */
  char *description[N_LANGUAGES];  /* nullable */
  gboolean multilingual;
  char *quote;
} RelationPlan;

typedef struct
{
  char *id;
  const char *name[N_LANGUAGES];
  ActorKind kind;
  char *short_name[N_LANGUAGES];   /* nullable */
  gboolean multilingual;
  char *alias;                     /* nullable */
  char *affiliation[N_LANGUAGES];  /* nullable */
  const char *country;             /* nullable */
  guint32 colour;
  gboolean has_colour;
  guint home_place;
  guint since;

  /* Its profile: the source the actor and its statements cite. */
  char *profile_id;
  guint language;
  char *intro[N_LANGUAGES];
  GString *text;
  GArray *figures;                 /* of FigurePlan */
  GArray *relations;               /* of RelationPlan */
  gboolean has_summary;
} Actor;

enum { DEPLOYMENTS, MOVEMENTS, AREAS, N_STATEMENT_KINDS };

typedef struct
{
  char *id;
  guint actor;
  guint place;             /* deployments, areas; for movements "to", or G_MAXUINT */
  guint origin;            /* movements: "from", or G_MAXUINT */
  guint status;
  guint subtype;           /* movement means (G_MAXUINT: none) or area kind */
  guint boundary;
  QuantityPlan strength;
  DatePlan date;
  Certainty certainty;
  guint claimant;
  char *title[N_LANGUAGES];        /* nullable */
  char *description[N_LANGUAGES];
  gboolean multilingual;
  char *role[N_LANGUAGES];         /* nullable */
  char *name[N_LANGUAGES];         /* areas, nullable */
  char *quote;
  guint n_polygons;
  guint32 shape_seed;
} StatementPlan;

typedef struct
{
  const char *name;
  const char *slug;
  guint language;
} Publisher;

static const Publisher publishers[] = {
  { "Sahel Monitor", "sahel-monitor", EN },
  { "Agence Sahel Presse", "asp", FR },
  { "West Africa Weekly", "waw", EN },
  { "Radio Tamani", "radio-tamani", FR },
  { "Le Républicain du Sahel", "republicain", FR },
  { "Niamey Dispatch", "niamey-dispatch", EN },
  { "Lake Chad Observer", "lake-chad-observer", EN },
  { "L’Observateur de Ouaga", "observateur", FR },
};

typedef struct
{
  guint32 seed;
  guint n_incidents;
  GRand *rand;
  GStringChunk *strings;   /* everything that lives as long as the generator */
  GStringChunk *scratch;   /* one report's plans */
  GHashTable *ids;
  GHashTable *names;
  Place places[N_PLACES];
  guint n_countries;
  Actor actors[N_ACTORS];
  GArray *by_kind[N_KINDS];        /* of guint, actor indices */
  GArray *statements[N_STATEMENT_KINDS];
} Generator;

static char *
keep (Generator  *gen,
      const char *string)
{
  return string ? g_string_chunk_insert (gen->strings, string) : NULL;
}

/* Registers @id, which must be new; returns the kept copy. */
static char *
claim_id (Generator  *gen,
          const char *id)
{
  char *kept;

  g_assert (strlen (id) <= 64);
  g_assert (!g_hash_table_contains (gen->ids, id));
  kept = keep (gen, id);
  g_hash_table_add (gen->ids, kept);
  return kept;
}

/* A slug from @name, made unique with a number when needed. */
static char *
claim_slug (Generator  *gen,
            const char *name,
            guint       number)
{
  g_autofree char *slug = slugify (name, 48);
  g_autofree char *numbered = NULL;

  if (number == 0 && *slug != '\0' && !g_hash_table_contains (gen->ids, slug))
    return claim_id (gen, slug);

  for (guint n = MAX (number, 2); ; n++)
    {
      g_free (numbered);
      numbered = g_strdup_printf ("%s-%u", slug, n);
      if (!g_hash_table_contains (gen->ids, numbered))
        return claim_id (gen, numbered);
    }
}

/* An invented place-like name, such as "Tinbouka", not used before. */
static char *
invent_name (Generator *gen)
{
  GRand *rand = gen->rand;

  for (;;)
    {
      GString *name = g_string_new (NULL);
      guint n = 2 + pick (rand, 2);

      if (chance (rand, 0.1))
        g_string_append (name, "In-");
      for (guint i = 0; i < n; i++)
        g_string_append (name, syllables[pick (rand, G_N_ELEMENTS (syllables))]);
      name->str[0] = g_ascii_toupper (name->str[0]);
      if (name->str[2] == '-')
        name->str[3] = g_ascii_toupper (name->str[3]);

      if (!g_hash_table_contains (gen->names, name->str))
        {
          char *kept = keep (gen, name->str);

          g_hash_table_add (gen->names, kept);
          g_string_free (name, TRUE);
          return kept;
        }

      g_string_free (name, TRUE);
    }
}

static const char *
nearest_country (double lat,
                 double lon)
{
  guint best = 0;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      double d = (countries[i].lat - lat) * (countries[i].lat - lat) +
                 (countries[i].lon - lon) * (countries[i].lon - lon);

      if (d < best_distance)
        {
          best = i;
          best_distance = d;
        }
    }

  return countries[best].code;
}

static void
make_places (Generator *gen)
{
  static const char * const sites[][N_LANGUAGES] = {
    { "{P} airport", "aéroport de {P}" },
    { "{P} military camp", "camp militaire de {P}" },
    { "{P} border post", "poste frontière de {P}" },
    { "{P} market", "marché de {P}" },
    { "{P} bridge", "pont de {P}" },
    { "{P} gold mine", "mine d’or de {P}" },
  };
  static const char * const areas[][N_LANGUAGES] = {
    { "{P} valley", "vallée de {P}" },
    { "{P} forest", "forêt de {P}" },
    { "{P} plateau", "plateau de {P}" },
    { "{P} wetlands", "zones humides de {P}" },
  };
  GRand *rand = gen->rand;
  guint n = 0;

  reseed (rand, gen->seed, 2, 0);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++, n++)
    {
      Place *place = &gen->places[n];

      place->name[EN] = (char *) countries[i].name[EN];
      place->name[FR] = (char *) countries[i].name[FR];
      place->multilingual = !g_str_equal (place->name[EN], place->name[FR]);
      place->id = claim_slug (gen, place->name[EN], 0);
      place->precision = PRECISION_COUNTRY;
      place->lat = countries[i].lat;
      place->lon = countries[i].lon;
      place->country = countries[i].code;
    }
  gen->n_countries = n;

  for (; n < N_PLACES; n++)
    {
      Place *place = &gen->places[n];
      const char *root = invent_name (gen);
      Slots slots = { .p = root };
      g_autoptr(GString) en = g_string_new (NULL);
      g_autoptr(GString) fr = g_string_new (NULL);
      double r = g_rand_double (rand);

      place->lat = g_rand_double_range (rand, 5.0, 25.0);
      place->lon = g_rand_double_range (rand, -17.0, 25.0);

      if (n < gen->n_countries + N_REGIONS)
        {
          g_string_printf (en, "%s region", root);
          g_string_printf (fr, "région de %s", root);
          place->precision = PRECISION_REGION;
          if (chance (rand, 0.6))
            place->radius_km = 100 + pick (rand, 300);
        }
      else if (r < 0.45)
        {
          g_string_assign (en, root);
          g_string_assign (fr, root);
          place->precision = PRECISION_NEAR;
          if (chance (rand, 0.4))
            place->radius_km = 5 + pick (rand, 36);
        }
      else if (r < 0.80)
        {
          guint site = pick (rand, G_N_ELEMENTS (sites));

          expand (en, sites[site][EN], &slots);
          expand (fr, sites[site][FR], &slots);
          place->precision = PRECISION_POINT;
        }
      else
        {
          guint area = pick (rand, G_N_ELEMENTS (areas));

          expand (en, areas[area][EN], &slots);
          expand (fr, areas[area][FR], &slots);
          place->precision = PRECISION_REGION;
          if (chance (rand, 0.5))
            place->radius_km = 20 + pick (rand, 130);
        }

      place->name[EN] = keep (gen, en->str);
      place->name[FR] = keep (gen, fr->str);
      place->multilingual = !g_str_equal (en->str, fr->str) && chance (rand, 0.6);
      place->id = claim_slug (gen, en->str, n);
      if (chance (rand, 0.7))
        place->country = nearest_country (place->lat, place->lon);
    }
}

static guint
random_place (Generator *gen,
              double     country_chance)
{
  if (chance (gen->rand, country_chance))
    return pick (gen->rand, gen->n_countries);

  return gen->n_countries + pick (gen->rand, N_PLACES - gen->n_countries);
}

static guint
random_region (Generator *gen)
{
  return gen->n_countries + pick (gen->rand, N_REGIONS);
}

static Actor *
add_actor (Generator  *gen,
           ActorKind   kind,
           const char *name_en,
           const char *name_fr,
           const char *short_en,
           const char *short_fr,
           const char *country)
{
  guint index = 0;
  Actor *actor;

  for (guint k = 0; k < N_KINDS; k++)
    index += gen->by_kind[k]->len;
  g_assert (index < N_ACTORS);

  actor = &gen->actors[index];
  actor->kind = kind;
  actor->name[EN] = keep (gen, name_en);
  actor->name[FR] = keep (gen, name_fr ? name_fr : name_en);
  actor->multilingual = !g_str_equal (actor->name[EN], actor->name[FR]);
  actor->short_name[EN] = keep (gen, short_en);
  actor->short_name[FR] = keep (gen, short_fr ? short_fr : short_en);
  actor->country = country;
  actor->id = claim_slug (gen, short_en && strlen (short_en) > 3 && kind != KIND_FOREIGN_FORCES ? short_en : name_en, 0);
  g_array_append_val (gen->by_kind[kind], index);
  return actor;
}

static void
make_actors (Generator *gen)
{
  static const struct {
    const char *code, *name_en, *name_fr, *short_en, *short_fr;
  } foreign[] = {
    { "FRA", "French armed forces", "Forces armées françaises", "France", "France" },
    { "DEU", "German armed forces", "Forces armées allemandes", "Germany", "Allemagne" },
    { "USA", "United States Africa Command", "Commandement des États-Unis pour l’Afrique", "AFRICOM", NULL },
    { "RUS", "Russian armed forces", "Forces armées russes", "Russia", "Russie" },
    { "TUR", "Turkish military advisers", "Conseillers militaires turcs", "Turkey", "Turquie" },
    { "ITA", "Italian armed forces", "Forces armées italiennes", "Italy", "Italie" },
    { "GBR", "British armed forces", "Forces armées britanniques", "United Kingdom", "Royaume-Uni" },
    { "ESP", "Spanish armed forces", "Forces armées espagnoles", "Spain", "Espagne" },
    { "BEL", "Belgian armed forces", "Forces armées belges", "Belgium", "Belgique" },
    { "NLD", "Dutch armed forces", "Forces armées néerlandaises", "Netherlands", "Pays-Bas" },
    { "SWE", "Swedish armed forces", "Forces armées suédoises", "Sweden", "Suède" },
    { "EST", "Estonian Defence Forces", "Forces de défense estoniennes", "Estonia", "Estonie" },
    { "CHN", "Chinese peacekeepers", "Casques bleus chinois", "China", "Chine" },
    { "RWA", "Rwanda Defence Force", "Forces rwandaises de défense", "Rwanda", NULL },
    { "CZE", "Czech armed forces", "Forces armées tchèques", "Czechia", "Tchéquie" },
  };
  static const struct {
    const char *name_en, *name_fr, *short_name, *affiliation_en, *affiliation_fr;
  } missions[] = {
    { "United Nations Multidimensional Integrated Stabilization Mission in Mali",
      "Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali",
      "MINUSMA", "United Nations", "Nations unies" },
    { "European Union Training Mission in Mali", "Mission de formation de l’Union européenne au Mali",
      "EUTM Mali", "European Union", "Union européenne" },
    { "EUCAP Sahel Niger", NULL, "EUCAP Niger", "European Union", "Union européenne" },
    { "EUCAP Sahel Mali", NULL, "EUCAP Mali", "European Union", "Union européenne" },
    { "G5 Sahel Joint Force", "Force conjointe du G5 Sahel", "FC-G5S", "G5 Sahel", NULL },
    { "Multinational Joint Task Force", "Force multinationale mixte", "MNJTF",
      "Lake Chad Basin Commission", "Commission du bassin du lac Tchad" },
    { "ECOWAS Standby Force", "Force en attente de la CEDEAO", "ESF", "ECOWAS", "CEDEAO" },
    { "Task Force Takuba", NULL, "Takuba", "European Union", "Union européenne" },
    { "African-led International Support Mission to Mali",
      "Mission internationale de soutien au Mali sous conduite africaine", "AFISMA",
      "African Union", "Union africaine" },
    { "ECOWAS Mission in Guinea-Bissau", "Mission de la CEDEAO en Guinée-Bissau", "ECOMIB",
      "ECOWAS", "CEDEAO" },
  };
  static const char * const group_patterns[][N_LANGUAGES] = {
    { "Katiba {P}", "Katiba {P}" },
    { "{P} Liberation Front", "Front de libération du {P}" },
    { "Movement for the Salvation of {P}", "Mouvement pour le salut du {P}" },
    { "{P} Self-Defence Militia", "Milice d’autodéfense de {P}" },
    { "Ansar al-{P}", "Ansar al-{P}" },
    { "{P} Brigade", "Brigade {P}" },
    { "Islamic State cell of {P}", "Cellule de l’État islamique de {P}" },
  };
  static const char * const affiliations[][N_LANGUAGES] = {
    { "al-Qaeda", "al-Qaïda" },
    { "Islamic State", "État islamique" },
    { "Coordination of Azawad Movements", "Coordination des mouvements de l’Azawad" },
    { "Platform of armed groups", "Plateforme des groupes armés" },
  };
  GRand *rand = gen->rand;
  g_autoptr(GString) name_en = g_string_new (NULL);
  g_autoptr(GString) name_fr = g_string_new (NULL);
  guint n = 0;

  reseed (rand, gen->seed, 3, 0);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_string_printf (name_en, "%s Armed Forces", countries[i].adjective);
      add_actor (gen, KIND_NATIONAL_FORCES, name_en->str, countries[i].forces_fr,
                 NULL, NULL, countries[i].code);
      g_string_printf (name_en, "Government of %s", countries[i].name[EN]);
      g_string_printf (name_fr, "Gouvernement %s", countries[i].of_fr);
      add_actor (gen, KIND_GOVERNMENT, name_en->str, name_fr->str, NULL, NULL, countries[i].code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    add_actor (gen, KIND_FOREIGN_FORCES, foreign[i].name_en, foreign[i].name_fr,
               foreign[i].short_en, foreign[i].short_fr, foreign[i].code);

  for (guint i = 0; i < G_N_ELEMENTS (missions); i++)
    {
      Actor *mission = add_actor (gen, KIND_INTERNATIONAL_MISSION, missions[i].name_en, missions[i].name_fr,
                                  missions[i].short_name, NULL, NULL);

      mission->affiliation[EN] = (char *) missions[i].affiliation_en;
      mission->affiliation[FR] = (char *) (missions[i].affiliation_fr ? missions[i].affiliation_fr
                                                                      : missions[i].affiliation_en);
    }

  add_actor (gen, KIND_PRIVATE_MILITARY, "Wagner Group", "Groupe Wagner", "Wagner", NULL, "RUS");
  add_actor (gen, KIND_PRIVATE_MILITARY, "Africa Corps", NULL, NULL, NULL, "RUS");
  add_actor (gen, KIND_PRIVATE_MILITARY, "Sadat International Defence Consultancy",
             "Sadat, conseil international en défense", "Sadat", NULL, "TUR");
  for (guint i = 0; i < 5; i++)
    {
      const char *root = invent_name (gen);

      g_string_printf (name_en, "%s Security Services", root);
      g_string_printf (name_fr, "Services de sécurité %s", root);
      add_actor (gen, KIND_PRIVATE_MILITARY, name_en->str, name_fr->str, root, NULL,
                 chance (rand, 0.5) ? NULL : foreign[pick (rand, G_N_ELEMENTS (foreign))].code);
    }

  for (n = 0; n < N_ACTORS; n++)
    if (gen->actors[n].name[EN] == NULL)
      break;

  for (; n < N_ACTORS; n++)
    {
      const char *root = invent_name (gen);
      guint pattern = pick (rand, G_N_ELEMENTS (group_patterns));
      Slots slots = { .p = root };
      Actor *actor;

      g_string_truncate (name_en, 0);
      g_string_truncate (name_fr, 0);
      expand (name_en, group_patterns[pattern][EN], &slots);
      expand (name_fr, group_patterns[pattern][FR], &slots);
      actor = add_actor (gen, KIND_ARMED_GROUP, name_en->str, name_fr->str,
                         chance (rand, 0.5) ? root : NULL, NULL,
                         chance (rand, 0.8) ? countries[pick (rand, 5)].code : NULL);
      if (chance (rand, 0.6))
        {
          guint affiliation = pick (rand, G_N_ELEMENTS (affiliations));

          actor->affiliation[EN] = (char *) affiliations[affiliation][EN];
          actor->affiliation[FR] = (char *) affiliations[affiliation][FR];
        }
      if (!actor->multilingual && chance (rand, 0.3))
        actor->alias = keep (gen, name_fr->str);
    }

  for (n = 0; n < N_ACTORS; n++)
    {
      Actor *actor = &gen->actors[n];

      actor->has_colour = chance (rand, 0.8);
      actor->colour = g_rand_int (rand) & 0xffffff;
      actor->home_place = random_place (gen, 0.0);
      actor->since = 2005 + pick (rand, 16);
      if (actor->alias == NULL && actor->short_name[EN] != NULL && chance (rand, 0.5))
        {
          g_autofree char *upper = g_ascii_strup (actor->short_name[EN], -1);

          actor->alias = keep (gen, upper);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Actor profiles and the statements they support                       */
/* ------------------------------------------------------------------ */

static const char * const fillers[N_LANGUAGES][6] = {
  { "Its leadership has changed several times over the past decade.",
    "Analysts describe its command structure as decentralised.",
    "Its activities are financed in part through control of trade routes.",
    "Access to the areas where it operates remains restricted for journalists.",
    "Its relations with local communities vary from one district to another.",
    "Reliable figures about its strength are hard to obtain." },
  { "Sa direction a changé à plusieurs reprises au cours de la dernière décennie.",
    "Les analystes décrivent sa structure de commandement comme décentralisée.",
    "Ses activités sont financées en partie par le contrôle des routes commerciales.",
    "L’accès aux zones où il opère reste limité pour les journalistes.",
    "Ses relations avec les communautés locales varient d’un district à l’autre.",
    "Il est difficile d’obtenir des chiffres fiables sur ses effectifs." },
};

static const char * const relation_nicks[] = {
  "allied-with", "cooperates-with", "contracted-by", "supports", "trains",
  "fights", "at-odds-with", "part-of", "affiliated-with", "hosts",
};

static const char * const relation_verbs[][N_LANGUAGES] = {
  { "is allied with", "est allié à" },
  { "cooperates with", "coopère avec" },
  { "is under contract to", "est sous contrat avec" },
  { "supports", "soutient" },
  { "trains", "forme" },
  { "fights", "combat" },
  { "is at odds with", "est en désaccord avec" },
  { "is part of", "fait partie de" },
  { "is affiliated with", "est affilié à" },
  { "hosts", "accueille" },
};

enum {
  REL_ALLIED, REL_COOPERATES, REL_CONTRACTED, REL_SUPPORTS, REL_TRAINS,
  REL_FIGHTS, REL_AT_ODDS, REL_PART_OF, REL_AFFILIATED, REL_HOSTS,
};

static guint
relation_type_for (GRand     *rand,
                   ActorKind  from,
                   ActorKind  to)
{
  static const guint armed_to_armed[] = { REL_ALLIED, REL_AFFILIATED, REL_AT_ODDS, REL_FIGHTS, REL_PART_OF };
  static const guint helper[] = { REL_TRAINS, REL_SUPPORTS, REL_COOPERATES };
  static const guint government[] = { REL_HOSTS, REL_AT_ODDS, REL_COOPERATES };

  if (from == KIND_ARMED_GROUP && to == KIND_ARMED_GROUP)
    return armed_to_armed[pick (rand, G_N_ELEMENTS (armed_to_armed))];
  if (from == KIND_ARMED_GROUP || to == KIND_ARMED_GROUP)
    return REL_FIGHTS;
  if (from == KIND_PRIVATE_MILITARY && to == KIND_GOVERNMENT)
    return REL_CONTRACTED;
  if (from == KIND_NATIONAL_FORCES && to == KIND_GOVERNMENT)
    return REL_PART_OF;
  if (to == KIND_NATIONAL_FORCES)
    return helper[pick (rand, G_N_ELEMENTS (helper))];
  if (from == KIND_GOVERNMENT)
    return government[pick (rand, G_N_ELEMENTS (government))];
  return pick (rand, G_N_ELEMENTS (relation_nicks));
}

static guint
random_actor_of_kind (Generator *gen,
                      ActorKind  kind)
{
  GArray *actors = gen->by_kind[kind];

  return g_array_index (actors, guint, pick (gen->rand, actors->len));
}

static void
plan_intro (Generator *gen,
            Actor     *actor,
            guint      language,
            GString   *out)
{
  static const char * const intros[N_KINDS][N_LANGUAGES] = {
    { "{A} are the national army of {P}.", "Les {A} constituent l’armée nationale {P}." },
    { "{A} have been deployed in the Sahel since {Y}.", "{A} : déploiement au Sahel depuis {Y}." },
    { "{A} is a private military company working for governments in the Sahel.",
      "{A} est une société militaire privée au service de gouvernements du Sahel." },
    { "{A} is an armed group active around {P}.", "{A} est un groupe armé actif aux environs de {P}." },
    { "{A} has been deployed in the region since {Y}.", "{A} : mission déployée dans la région depuis {Y}." },
    { "{A} has exercised executive power in {P} since {Y}.", "{A} exerce le pouvoir exécutif depuis {Y}." },
  };
  char year[8];
  Slots slots = { .a = actor->name[language], .y = year };

  g_snprintf (year, sizeof year, "%u", actor->since);

  if (actor->kind == KIND_NATIONAL_FORCES)
    {
      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        if (g_str_equal (countries[i].code, actor->country))
          slots.p = language == EN ? countries[i].name[EN] : countries[i].of_fr;
    }
  else if (actor->kind == KIND_GOVERNMENT)
    {
      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        if (g_str_equal (countries[i].code, actor->country))
          slots.p = countries[i].name[language];
    }
  else
    slots.p = gen->places[actor->home_place].name[language];

  if (actor->kind == KIND_NATIONAL_FORCES && language == FR)
    {
      /* "Les forces armées maliennes constituent …" */
      g_autofree char *lower = g_strdup (actor->name[FR]);

      lower[0] = g_ascii_tolower (lower[0]);
      slots.a = lower;
      expand (out, intros[actor->kind][language], &slots);
      return;
    }

  expand (out, intros[actor->kind][language], &slots);
}

static void
add_figures (Generator *gen,
             guint      index,
             GString   *text)
{
  static const char * const strength[N_CERTAINTIES][N_LANGUAGES] = {
    { "{A} numbered {Q} {N}.", "{A} comptait {Q} {N}." },
    { "{A} said it numbered {Q} {N}.", "{A} affirmait compter {Q} {N}." },
    { "{A} was estimated to number {Q} {N}.", "{A} était estimé à {Q} {N}." },
    { "{A} may have numbered {Q} {N}, but this is unclear.",
      "{A} aurait compté {Q} {N}, mais cela reste incertain." },
  };
  Actor *actor = &gen->actors[index];
  GRand *rand = gen->rand;
  guint language = actor->language;
  g_autoptr(GString) sentence = g_string_new (NULL);
  g_autoptr(GString) quantity = g_string_new (NULL);
  FigurePlan figure = { 0, };
  Slots slots = { .a = actor->name[language], .n = kind_nouns[actor->kind][language] };

  /* Strength, as of a month. */
  figure.measure = "strength";
  figure.value = actor->kind == KIND_ARMED_GROUP ? random_quantity (rand, 50, 5000)
                                                 : random_quantity (rand, 100, 20000);
  figure.certainty = pick (rand, 4);
  figure.claimant = index;
  figure.as_of.form = DATE_PLAIN;
  figure.as_of.start = ymd_from_month_index (2015 * 12 + pick (rand, 10 * 12), 0);
  if (chance (rand, 0.4))
    {
      figure.label[EN] = keep (gen, actor->kind == KIND_ARMED_GROUP ? "fighters under arms" : "personnel in the Sahel");
      figure.label[FR] = keep (gen, actor->kind == KIND_ARMED_GROUP ? "combattants en armes" : "effectifs au Sahel");
      figure.multilingual = chance (rand, 0.5);
    }

  append_quantity_words (quantity, &figure.value, language);
  slots.q = quantity->str;
  g_string_assign (sentence, language == EN ? "In " : "En ");
  append_ymd_words (sentence, &figure.as_of.start, language);
  g_string_append (sentence, ", ");
  expand (sentence, strength[figure.certainty][language], &slots);
  figure.quote = keep (gen, sentence->str);
  append_sentence (text, sentence->str);
  g_array_append_val (actor->figures, figure);

  /* Sometimes a count since a year. */
  if (chance (rand, 0.4))
    {
      static const char * const measures[] = { "detained", "displaced", "fatalities", "other" };
      static const char * const counts[][N_LANGUAGES] = {
        { "{A} has detained {Q} people", "{A} a détenu {Q} personnes" },
        { "{A} has driven {Q} people from their homes", "{A} a chassé {Q} personnes de chez elles" },
        { "{A} has lost {Q} {N}", "{A} a perdu {Q} {N}" },
        { "{A} has opened {Q} checkpoints", "{A} a ouvert {Q} points de contrôle" },
      };
      guint measure = pick (rand, G_N_ELEMENTS (measures));
      FigurePlan count = { 0, };

      count.measure = measures[measure];
      count.value = random_quantity (rand, 10, 3000);
      count.certainty = chance (rand, 0.7) ? CERTAINTY_REPORTED : CERTAINTY_ESTIMATED;
      count.as_of.form = DATE_OPEN;
      count.as_of.start.year = 2012 + pick (rand, 10);
      if (measure == 3)
        {
          count.label[EN] = keep (gen, "checkpoints on main roads");
          count.label[FR] = keep (gen, "points de contrôle sur les grands axes");
          count.multilingual = TRUE;
        }

      g_string_truncate (quantity, 0);
      append_quantity_words (quantity, &count.value, language);
      g_string_printf (sentence, language == EN ? "Since %u, " : "Depuis %u, ", count.as_of.start.year);
      expand (sentence, counts[measure][language], &slots);
      g_string_append (sentence, count.certainty == CERTAINTY_ESTIMATED
                                 ? (language == EN ? ", according to estimates." : ", selon des estimations.")
                                 : ".");
      count.quote = keep (gen, sentence->str);
      append_sentence (text, sentence->str);
      g_array_append_val (actor->figures, count);
    }
}

static void
add_relations (Generator *gen,
               guint      index,
               GString   *text)
{
  static const char * const wordings[N_CERTAINTIES][N_LANGUAGES] = {
    { "{A} {N} {B}.", "{A} {N} {B}." },
    { "According to its leaders, {A} {N} {B}.", "Selon ses dirigeants, {A} {N} {B}." },
    { "Analysts believe that {A} {N} {B}.", "Des analystes estiment que {A} {N} {B}." },
    { "It is unclear whether {A} still {N} {B}.", "Il reste incertain si {A} {N} {B}." },
    { "Observers fear that {A} {N} {B}.", "Des observateurs craignent que {A} {N} {B}." },
  };
  Actor *actor = &gen->actors[index];
  GRand *rand = gen->rand;
  guint language = actor->language;
  guint n = chance (rand, 0.85) ? 1 + pick (rand, 3) : 0;
  g_autoptr(GString) sentence = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      RelationPlan relation = { 0, };
      Slots slots = { .a = actor->name[language] };
      double r = g_rand_double (rand);

      do
        relation.target = pick (rand, N_ACTORS);
      while (relation.target == index);

      relation.type = relation_type_for (rand, actor->kind, gen->actors[relation.target].kind);
      relation.certainty = r < 0.6 ? CERTAINTY_REPORTED :
                           r < 0.75 ? CERTAINTY_CLAIMED :
                           r < 0.88 ? CERTAINTY_ESTIMATED :
                           r < 0.95 ? CERTAINTY_UNCLEAR : CERTAINTY_FEARED;
      if (chance (rand, 0.5))
        {
          relation.date.form = DATE_OPEN;
          relation.date.start.year = actor->since + pick (rand, 8);
        }
      if (chance (rand, 0.4))
        {
          g_autoptr(GString) en = g_string_new (NULL);
          g_autoptr(GString) fr = g_string_new (NULL);

          g_string_printf (en, "%s %s %s, according to its profile.", actor->name[EN],
                           relation_verbs[relation.type][EN], gen->actors[relation.target].name[EN]);
          g_string_printf (fr, "%s %s %s, selon son profil.", actor->name[FR],
                           relation_verbs[relation.type][FR], gen->actors[relation.target].name[FR]);
          relation.description[EN] = keep (gen, en->str);
          relation.description[FR] = keep (gen, fr->str);
          relation.multilingual = chance (rand, 0.5);
        }

      slots.n = relation_verbs[relation.type][language];
      slots.b = gen->actors[relation.target].name[language];
      g_string_truncate (sentence, 0);
      expand (sentence, wordings[relation.certainty][language], &slots);
      relation.quote = keep (gen, sentence->str);
      append_sentence (text, sentence->str);
      g_array_append_val (actor->relations, relation);
    }
}

static const char * const deployment_statuses[] = {
  "present", "arriving", "departing", "departed", "withdrawn", "planned",
};

static const char * const movement_statuses[] = { "completed", "ongoing", "planned" };
static const char * const movement_means[] = { "air", "ground", "river" };
static const char * const area_kinds[] = { "control", "influence", "operations", "risk" };
static const char * const boundaries[] = { "exact", "approximate", "schematic" };

static void
add_statement (Generator     *gen,
               guint          kind,
               StatementPlan *statement,
               GString       *core,
               GString       *text)
{
  Actor *actor = &gen->actors[statement->actor];
  g_autoptr(GString) sentence = g_string_new (NULL);
  g_autofree char *id = NULL;

  /* A short label for lists: "Wagner: Gao airport". */
  if (kind != AREAS && chance (gen->rand, 0.5))
    {
      Place *place = &gen->places[statement->place != G_MAXUINT ? statement->place : statement->origin];

      for (guint l = 0; l < N_LANGUAGES; l++)
        {
          g_autofree char *title = g_strdup_printf ("%s: %s",
                                                    actor->short_name[l] ? actor->short_name[l] : actor->name[l],
                                                    place->name[l]);

          statement->title[l] = keep (gen, title);
        }
    }

  append_date_lead (sentence, &statement->date, actor->language);
  g_string_append_printf (sentence, ", %s.", core->str);
  statement->quote = keep (gen, core->str);
  append_sentence (text, sentence->str);

  id = g_strdup_printf ("%s-%u", kind == DEPLOYMENTS ? "deployment" : kind == MOVEMENTS ? "movement" : "area",
                        gen->statements[kind]->len + 1);
  statement->id = claim_id (gen, id);
  g_array_append_val (gen->statements[kind], *statement);
}

/* Describes @statement in both languages from @templates, filling {A}, {P}… */
static void
describe (Generator            *gen,
          StatementPlan        *statement,
          const char * const   *templates,
          Slots                *slots_en,
          Slots                *slots_fr,
          GString             **cores)
{
  for (guint language = 0; language < N_LANGUAGES; language++)
    {
      g_string_truncate (cores[language], 0);
      expand (cores[language], templates[language], language == EN ? slots_en : slots_fr);
    }

  for (guint language = 0; language < N_LANGUAGES; language++)
    {
      g_autoptr(GString) description = g_string_new (cores[language]->str);

      capitalise_from (description, 0);
      g_string_append_c (description, '.');
      statement->description[language] = keep (gen, description->str);
    }
  statement->multilingual = chance (gen->rand, 0.3);
}

static void
add_statements (Generator *gen,
                guint      index,
                GString   *text)
{
  static const char * const deployments[][N_LANGUAGES] = {
    { "{A} had {Q} {N} stationed in {P}", "{A} avait {Q} {N} stationnés à {P}" },
    { "{A} was sending {Q} {N} to {P}", "{A} envoyait {Q} {N} à {P}" },
    { "{A} was withdrawing {Q} {N} from {P}", "{A} retirait {Q} {N} de {P}" },
    { "{A} withdrew its {Q} {N} from {P}", "{A} a retiré ses {Q} {N} de {P}" },
    { "{A} had withdrawn {Q} {N} from {P}", "{A} avait retiré {Q} {N} de {P}" },
    { "{A} planned to station {Q} {N} in {P}", "{A} prévoyait de stationner {Q} {N} à {P}" },
  };
  static const char * const movement_verbs[][N_LANGUAGES] = {
    { "{A} moved {Q} {N}", "{A} a déplacé {Q} {N}" },
    { "{A} was moving {Q} {N}", "{A} déplaçait {Q} {N}" },
    { "{A} planned to move {Q} {N}", "{A} prévoyait de déplacer {Q} {N}" },
  };
  static const char * const routes[][N_LANGUAGES] = {
    { " from {P} to {B}", " de {P} vers {B}" },
    { " to {B}", " vers {B}" },
    { " out of {P}", " hors de {P}" },
  };
  static const char * const means_words[][N_LANGUAGES] = {
    { " by air", " par voie aérienne" },
    { " by road", " par la route" },
    { " by river", " par le fleuve" },
  };
  static const char * const area_words[][N_LANGUAGES] = {
    { "{A} controlled large parts of {P}", "{A} contrôlait une grande partie de {P}" },
    { "{A} held sway over much of {P}", "{A} exerçait une influence sur une grande partie de {P}" },
    { "{A} operated across {P}", "{A} opérait dans {P}" },
    { "attacks by {A} were feared across {P}", "des attaques de {A} étaient redoutées dans {P}" },
  };
  static const char * const roles[][N_LANGUAGES] = {
    { "training", "formation" },
    { "counter-terrorism operations", "opérations antiterroristes" },
    { "airport security", "sécurité de l’aéroport" },
    { "protection of civilians", "protection des civils" },
  };
  Actor *actor = &gen->actors[index];
  GRand *rand = gen->rand;
  guint language = actor->language;
  guint month = 2012 * 12 + pick (rand, 12 * 12);
  g_autoptr(GString) core_en = g_string_new (NULL);
  g_autoptr(GString) core_fr = g_string_new (NULL);
  g_autoptr(GString) quantity_en = g_string_new (NULL);
  g_autoptr(GString) quantity_fr = g_string_new (NULL);
  GString *cores[N_LANGUAGES] = { core_en, core_fr };
  GString *quantity[N_LANGUAGES] = { quantity_en, quantity_fr };
  Slots slots[N_LANGUAGES];
  guint n_deployments, n_movements, n_areas;

  switch (actor->kind)
    {
    case KIND_ARMED_GROUP:
      n_deployments = chance (rand, 0.2);
      n_movements = chance (rand, 0.15);
      n_areas = chance (rand, 0.45);
      break;
    case KIND_GOVERNMENT:
      n_deployments = n_movements = 0;
      n_areas = chance (rand, 0.1);
      break;
    default:
      n_deployments = 1 + pick (rand, 2);
      n_movements = chance (rand, 0.5);
      n_areas = actor->kind == KIND_NATIONAL_FORCES && chance (rand, 0.2);
    }

  for (guint language_ = 0; language_ < N_LANGUAGES; language_++)
    slots[language_] = (Slots) { .a = actor->name[language_], .n = kind_nouns[actor->kind][language_] };

  for (guint i = 0; i < n_deployments; i++)
    {
      StatementPlan statement = { 0, };
      Place *place;

      statement.actor = index;
      statement.place = random_place (gen, 0.1);
      statement.status = pick (rand, G_N_ELEMENTS (deployment_statuses));
      statement.strength = random_quantity (rand, 20, 3000);
      statement.date = random_date (rand, month + pick (rand, 24));
      statement.certainty = statement.status == 5 ? CERTAINTY_PROJECTED :
                            chance (rand, 0.75) ? CERTAINTY_REPORTED : CERTAINTY_ESTIMATED;
      if (chance (rand, 0.5))
        {
          guint role = pick (rand, G_N_ELEMENTS (roles));

          statement.role[EN] = (char *) roles[role][EN];
          statement.role[FR] = (char *) roles[role][FR];
        }

      place = &gen->places[statement.place];
      for (guint l = 0; l < N_LANGUAGES; l++)
        {
          g_string_truncate (quantity[l], 0);
          append_quantity_words (quantity[l], &statement.strength, l);
          slots[l].q = quantity[l]->str;
          slots[l].p = place->name[l];
        }
      describe (gen, &statement, deployments[statement.status], &slots[EN], &slots[FR], cores);
      add_statement (gen, DEPLOYMENTS, &statement, cores[language], text);
    }

  for (guint i = 0; i < n_movements; i++)
    {
      StatementPlan statement = { 0, };
      guint route = pick (rand, G_N_ELEMENTS (routes));

      statement.actor = index;
      statement.origin = route == 1 ? G_MAXUINT : random_place (gen, 0.0);
      statement.place = route == 2 ? G_MAXUINT : random_place (gen, 0.0);
      statement.status = pick (rand, G_N_ELEMENTS (movement_statuses));
      statement.subtype = chance (rand, 0.8) ? pick (rand, G_N_ELEMENTS (movement_means)) : G_MAXUINT;
      statement.strength = random_quantity (rand, 10, 1500);
      statement.date = random_date (rand, month + pick (rand, 24));
      statement.certainty = statement.status == 2 ? CERTAINTY_PROJECTED : CERTAINTY_REPORTED;

      for (guint l = 0; l < N_LANGUAGES; l++)
        {
          g_string_truncate (quantity[l], 0);
          append_quantity_words (quantity[l], &statement.strength, l);
          slots[l].q = quantity[l]->str;
          slots[l].p = statement.origin != G_MAXUINT ? gen->places[statement.origin].name[l] : "";
          slots[l].b = statement.place != G_MAXUINT ? gen->places[statement.place].name[l] : "";
        }

      {
        g_autofree char *template_en = g_strconcat (movement_verbs[statement.status][EN], routes[route][EN],
                                                    statement.subtype != G_MAXUINT ? means_words[statement.subtype][EN] : "",
                                                    NULL);
        g_autofree char *template_fr = g_strconcat (movement_verbs[statement.status][FR], routes[route][FR],
                                                    statement.subtype != G_MAXUINT ? means_words[statement.subtype][FR] : "",
                                                    NULL);
        const char *templates[N_LANGUAGES] = { template_en, template_fr };

        describe (gen, &statement, templates, &slots[EN], &slots[FR], cores);
      }
      add_statement (gen, MOVEMENTS, &statement, cores[language], text);
    }

  for (guint i = 0; i < n_areas; i++)
    {
      static const Certainty certainties[] = {
        CERTAINTY_REPORTED, CERTAINTY_ESTIMATED, CERTAINTY_REPORTED, CERTAINTY_FEARED,
      };
      StatementPlan statement = { 0, };
      Place *place;

      statement.actor = index;
      statement.place = chance (rand, 0.7) ? random_region (gen) : random_place (gen, 0.0);
      statement.subtype = pick (rand, G_N_ELEMENTS (area_kinds));
      statement.boundary = chance (rand, 0.5) ? 2 : chance (rand, 0.7) ? 1 : 0;
      statement.certainty = certainties[statement.subtype];
      if (statement.subtype == 0 && chance (rand, 0.3))
        {
          statement.certainty = CERTAINTY_CLAIMED;
          statement.claimant = index;
        }
      statement.date.form = DATE_OPEN;
      statement.date.start = ymd_from_month_index (month + pick (rand, 24), 0);
      statement.n_polygons = chance (rand, 0.2) ? 2 : 1;
      statement.shape_seed = g_rand_int (rand);

      place = &gen->places[statement.place];
      if (chance (rand, 0.6))
        {
          g_autofree char *en = g_strdup_printf ("%s area around %s", actor->name[EN], place->name[EN]);
          g_autofree char *fr = g_strdup_printf ("Zone de %s autour de %s", actor->name[FR], place->name[FR]);

          statement.name[EN] = keep (gen, en);
          statement.name[FR] = keep (gen, fr);
        }

      for (guint l = 0; l < N_LANGUAGES; l++)
        slots[l].p = place->name[l];
      describe (gen, &statement, area_words[statement.subtype], &slots[EN], &slots[FR], cores);
      if (statement.certainty == CERTAINTY_CLAIMED)
        {
          g_string_append (cores[language], language == EN ? ", its spokesman said" : ", selon son porte-parole");
        }
      add_statement (gen, AREAS, &statement, cores[language], text);
    }
}

static void
plan_profiles (Generator *gen)
{
  GRand *rand = gen->rand;

  for (guint a = 0; a < N_ACTORS; a++)
    {
      Actor *actor = &gen->actors[a];
      g_autoptr(GString) intro = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("profile-%s", actor->id);
      guint n_fillers, first_filler;

      reseed (rand, gen->seed, 4, a);

      actor->language = chance (rand, 0.25) ? FR : EN;
      actor->profile_id = claim_id (gen, id);
      actor->figures = g_array_new (FALSE, TRUE, sizeof (FigurePlan));
      actor->relations = g_array_new (FALSE, TRUE, sizeof (RelationPlan));
      actor->has_summary = chance (rand, 0.7);

      for (guint language = 0; language < N_LANGUAGES; language++)
        {
          g_string_truncate (intro, 0);
          plan_intro (gen, actor, language, intro);
          actor->intro[language] = keep (gen, intro->str);
        }

      actor->text = g_string_new (actor->intro[actor->language]);
      n_fillers = 1 + pick (rand, 3);
      first_filler = pick (rand, 6);
      for (guint i = 0; i < n_fillers; i++)
        append_sentence (actor->text, fillers[actor->language][(first_filler + i) % 6]);

      g_string_append (actor->text, "\n\n");
      add_figures (gen, a, actor->text);
      add_relations (gen, a, actor->text);
      g_string_append (actor->text, "\n\n");
      add_statements (gen, a, actor->text);
      append_sentence (actor->text, fillers[actor->language][(first_filler + n_fillers) % 6]);
    }
}

static void
generator_init (Generator *gen,
                guint      n_incidents,
                guint32    seed)
{
  memset (gen, 0, sizeof *gen);
  gen->seed = seed;
  gen->n_incidents = n_incidents;
  gen->rand = g_rand_new_with_seed (seed);
  gen->strings = g_string_chunk_new (64 * 1024);
  gen->scratch = g_string_chunk_new (16 * 1024);
  gen->ids = g_hash_table_new (g_str_hash, g_str_equal);
  gen->names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < N_KINDS; k++)
    gen->by_kind[k] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < N_STATEMENT_KINDS; k++)
    gen->statements[k] = g_array_new (FALSE, TRUE, sizeof (StatementPlan));

  make_places (gen);
  make_actors (gen);
  plan_profiles (gen);
}

static void
generator_clear (Generator *gen)
{
  for (guint a = 0; a < N_ACTORS; a++)
    {
      if (gen->actors[a].text != NULL)
        g_string_free (gen->actors[a].text, TRUE);
      g_clear_pointer (&gen->actors[a].figures, g_array_unref);
      g_clear_pointer (&gen->actors[a].relations, g_array_unref);
    }
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_pointer (&gen->by_kind[k], g_array_unref);
  for (guint k = 0; k < N_STATEMENT_KINDS; k++)
    g_clear_pointer (&gen->statements[k], g_array_unref);
  g_clear_pointer (&gen->ids, g_hash_table_unref);
  g_clear_pointer (&gen->names, g_hash_table_unref);
  g_clear_pointer (&gen->strings, g_string_chunk_free);
  g_clear_pointer (&gen->scratch, g_string_chunk_free);
  g_clear_pointer (&gen->rand, g_rand_free);
}

/* ------------------------------------------------------------------ */
/* Reports: the sources incidents come from, ~10 incidents each         */
/* ------------------------------------------------------------------ */

enum {
  TYPE_ATTACK, TYPE_CLASH, TYPE_COUP, TYPE_ARREST, TYPE_CIVILIAN_HARM, TYPE_DISPLACEMENT,
  TYPE_RESTRICTION, TYPE_AGREEMENT, TYPE_ARRIVAL, TYPE_DEPARTURE, TYPE_OTHER, N_TYPES
};

static const struct {
  const char *nick;
  double weight;
  ActorKind actor_kind;    /* who usually takes part first */
  const char *one[N_LANGUAGES];
  const char *many[N_LANGUAGES];
  const char *title[N_LANGUAGES];
} incident_types[N_TYPES] = {
  { "attack", 0.30, KIND_ARMED_GROUP,
    { "{A} attacked positions near {P}", "{A} a attaqué des positions près de {P}" },
    { "{A} attacked positions near {P}", "{A} ont attaqué des positions près de {P}" },
    { "Attack near {P}", "Attaque près de {P}" } },
  { "clash", 0.14, KIND_ARMED_GROUP,
    { "{A} clashed with unidentified gunmen near {P}", "{A} a affronté des hommes armés non identifiés près de {P}" },
    { "{A} clashed near {P}", "{A} se sont affrontés près de {P}" },
    { "Clash near {P}", "Affrontement près de {P}" } },
  { "coup", 0.01, KIND_NATIONAL_FORCES,
    { "{A} seized power in {P}", "{A} a pris le pouvoir à {P}" },
    { "{A} seized power in {P}", "{A} ont pris le pouvoir à {P}" },
    { "Coup in {P}", "Coup d’État à {P}" } },
  { "arrest", 0.08, KIND_NATIONAL_FORCES,
    { "{A} arrested {Q} suspects in {P}", "{A} a arrêté {Q} suspects à {P}" },
    { "{A} arrested {Q} suspects in {P}", "{A} ont arrêté {Q} suspects à {P}" },
    { "Arrests in {P}", "Arrestations à {P}" } },
  { "civilian-harm", 0.14, KIND_ARMED_GROUP,
    { "{A} opened fire on civilians in {P}", "{A} a ouvert le feu sur des civils à {P}" },
    { "{A} opened fire on civilians in {P}", "{A} ont ouvert le feu sur des civils à {P}" },
    { "Civilians targeted in {P}", "Civils visés à {P}" } },
  { "displacement", 0.08, KIND_ARMED_GROUP,
    { "fighting involving {A} forced {Q} people to flee {P}", "des combats impliquant {A} ont forcé {Q} personnes à fuir {P}" },
    { "fighting involving {A} forced {Q} people to flee {P}", "des combats impliquant {A} ont forcé {Q} personnes à fuir {P}" },
    { "Displacement from {P}", "Déplacements depuis {P}" } },
  { "restriction", 0.06, KIND_GOVERNMENT,
    { "{A} imposed a curfew in {P}", "{A} a imposé un couvre-feu à {P}" },
    { "{A} imposed a curfew in {P}", "{A} ont imposé un couvre-feu à {P}" },
    { "Curfew in {P}", "Couvre-feu à {P}" } },
  { "agreement", 0.04, KIND_GOVERNMENT,
    { "{A} signed a local agreement in {P}", "{A} a signé un accord local à {P}" },
    { "{A} signed an agreement in {P}", "{A} ont signé un accord à {P}" },
    { "Agreement in {P}", "Accord à {P}" } },
  { "arrival", 0.05, KIND_FOREIGN_FORCES,
    { "a contingent of {A} arrived in {P}", "un contingent de {A} est arrivé à {P}" },
    { "contingents of {A} arrived in {P}", "des contingents de {A} sont arrivés à {P}" },
    { "Arrival in {P}", "Arrivée à {P}" } },
  { "departure", 0.04, KIND_INTERNATIONAL_MISSION,
    { "{A} withdrew from {P}", "{A} s’est retiré de {P}" },
    { "{A} withdrew from {P}", "{A} se sont retirés de {P}" },
    { "Departure from {P}", "Départ de {P}" } },
  { "other", 0.06, KIND_ARMED_GROUP,
    { "{A} was reported active around {P}", "{A} a été signalé aux environs de {P}" },
    { "{A} were reported active around {P}", "{A} ont été signalés aux environs de {P}" },
    { "Activity around {P}", "Activité aux environs de {P}" } },
};

static const char * const certainty_endings[N_CERTAINTIES][N_LANGUAGES] = {
  { "", "" },
  { ", {C} said in a statement", ", selon un communiqué de {C}" },
  { ", according to estimates by local officials", ", selon des estimations d’élus locaux" },
  { "; it is unclear who was responsible", "; on ignore qui en est responsable" },
  { ", and residents fear further violence", ", et les habitants craignent de nouvelles violences" },
  { ", and further deployments are planned", ", et d’autres déploiements sont prévus" },
};

static const char * const follow_ups[][N_LANGUAGES] = {
  { "Residents of {P} confirmed the account to {S}.", "Des habitants de {P} ont confirmé ces faits à {S}." },
  { "Local officials in {P} said the situation remained tense.",
    "Des responsables locaux à {P} ont indiqué que la situation restait tendue." },
  { "The toll could not be independently verified.", "Le bilan n’a pas pu être vérifié de manière indépendante." },
  { "Aid workers in {P} reported that markets had closed.", "Des humanitaires à {P} ont signalé la fermeture des marchés." },
};

typedef struct
{
  guint index;
  guint type;
  guint n_actors;
  guint actors[3];
  guint place;
  DatePlan date;
  Certainty certainty;
  guint claimant;
  QuantityPlan fatalities;
  QuantityPlan count;      /* detained or displaced */
  gboolean count_figure;
  gboolean has_title;
  gboolean multilingual_title;
  gboolean multilingual_description;
  char *title[N_LANGUAGES];
  char *description[N_LANGUAGES];
  char *quotes[2];
  guint n_quotes;
} IncidentPlan;

typedef struct
{
  char *id;
  guint publisher;
  guint language;
  Ymd date;
  char *title[N_LANGUAGES];
  gboolean multilingual_title;
  char *author;            /* nullable */
  char *url;               /* nullable */
  gboolean has_note;
  GString *text;
  guint n_incidents;
  IncidentPlan incidents[16];
} ReportPlan;

static guint
pick_type (GRand *rand)
{
  double r = g_rand_double (rand);

  for (guint t = 0; t < N_TYPES; t++)
    {
      r -= incident_types[t].weight;
      if (r < 0)
        return t;
    }

  return TYPE_OTHER;
}

static void
append_actor_names (GString            *out,
                    Generator          *gen,
                    const IncidentPlan *incident,
                    guint               language)
{
  for (guint i = 0; i < incident->n_actors; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 < incident->n_actors ? ", " : language == EN ? " and " : " et ");
      g_string_append (out, gen->actors[incident->actors[i]].name[language]);
    }
}

/* The clause that says what happened, with its toll: "{A} attacked …, killing 14 people". */
static void
append_core (GString            *out,
             Generator          *gen,
             const IncidentPlan *incident,
             guint               language)
{
  g_autoptr(GString) actors = g_string_new (NULL);
  g_autoptr(GString) count = g_string_new (NULL);
  const char *template = incident->n_actors > 1 ? incident_types[incident->type].many[language]
                                                : incident_types[incident->type].one[language];
  Slots slots = { .p = gen->places[incident->place].name[language] };

  append_actor_names (actors, gen, incident, language);
  slots.a = actors->str;
  if (incident->count.form != QUANTITY_NONE)
    append_quantity_words (count, &incident->count, language);
  slots.q = count->str;
  expand (out, template, &slots);

  if (incident->fatalities.form != QUANTITY_NONE)
    {
      if (incident->certainty == CERTAINTY_ESTIMATED && incident->fatalities.form == QUANTITY_EXACT)
        g_string_append (out, language == EN ? ", killing an estimated " : ", faisant selon les estimations ");
      else
        g_string_append (out, language == EN ? ", killing " : ", faisant ");
      append_quantity_words (out, &incident->fatalities, language);
      g_string_append (out, language == EN ? " people" : " morts");
    }
}

static void
plan_incident (Generator    *gen,
               ReportPlan   *report,
               IncidentPlan *incident,
               guint         month)
{
  GRand *rand = gen->rand;
  guint language = report->language;
  double r;
  g_autoptr(GString) sentence = g_string_new (NULL);
  g_autoptr(GString) core = g_string_new (NULL);
  gsize core_start;

  incident->type = pick_type (rand);
  incident->n_actors = (r = g_rand_double (rand)) < 0.6 ? 1 : r < 0.9 ? 2 : 3;
  incident->actors[0] = chance (rand, 0.8) ? random_actor_of_kind (gen, incident_types[incident->type].actor_kind)
                                           : pick (rand, N_ACTORS);
  for (guint i = 1; i < incident->n_actors; i++)
    {
      gboolean distinct;

      do
        {
          incident->actors[i] = incident->type == TYPE_CLASH && chance (rand, 0.6)
                                ? random_actor_of_kind (gen, KIND_NATIONAL_FORCES)
                                : pick (rand, N_ACTORS);
          distinct = TRUE;
          for (guint j = 0; j < i; j++)
            distinct = distinct && incident->actors[j] != incident->actors[i];
        }
      while (!distinct);
    }

  incident->place = random_place (gen, incident->type == TYPE_COUP ? 0.7 : 0.05);
  incident->date = random_date (rand, month);

  r = g_rand_double (rand);
  incident->certainty = r < 0.55 ? CERTAINTY_REPORTED :
                        r < 0.70 ? CERTAINTY_CLAIMED :
                        r < 0.82 ? CERTAINTY_ESTIMATED :
                        r < 0.90 ? CERTAINTY_UNCLEAR :
                        r < 0.96 ? CERTAINTY_FEARED : CERTAINTY_PROJECTED;
  if (incident->certainty == CERTAINTY_CLAIMED)
    incident->claimant = chance (rand, 0.5) ? incident->actors[0]
                                            : random_actor_of_kind (gen, KIND_GOVERNMENT);

  incident->fatalities.form = QUANTITY_NONE;
  if ((incident->type == TYPE_ATTACK || incident->type == TYPE_CLASH ||
       incident->type == TYPE_CIVILIAN_HARM || incident->type == TYPE_OTHER) && chance (rand, 0.6))
    incident->fatalities = random_quantity (rand, 1, 120);

  incident->count.form = QUANTITY_NONE;
  incident->count_figure = FALSE;
  if (incident->type == TYPE_ARREST)
    {
      incident->count = (QuantityPlan) { QUANTITY_EXACT, 2 + pick (rand, 40), 0 };
      incident->count_figure = chance (rand, 0.5);
    }
  else if (incident->type == TYPE_DISPLACEMENT)
    {
      incident->count = random_quantity (rand, 100, 20000);
      incident->count_figure = TRUE;
    }

  /* In the report: "On 12 April 2019, {core}{ending}." */
  append_date_lead (sentence, &incident->date, language);
  g_string_append (sentence, ", ");
  core_start = sentence->len;
  append_core (sentence, gen, incident, language);
  g_string_append_len (core, sentence->str + core_start, sentence->len - core_start);
  {
    Slots slots = { .c = incident->certainty == CERTAINTY_CLAIMED
                         ? gen->actors[incident->claimant].name[language] : NULL };

    expand (sentence, certainty_endings[incident->certainty][language], &slots);
  }
  g_string_append_c (sentence, '.');

  append_sentence (report->text, sentence->str);
  incident->n_quotes = 1;
  incident->quotes[0] = g_string_chunk_insert (gen->scratch, chance (rand, 0.45) ? sentence->str : core->str);

  if (chance (rand, 0.25))
    {
      Slots slots = { .p = gen->places[incident->place].name[language],
                      .s = publishers[report->publisher].name };

      g_string_truncate (sentence, 0);
      expand (sentence, follow_ups[pick (rand, G_N_ELEMENTS (follow_ups))][language], &slots);
      append_sentence (report->text, sentence->str);
      incident->quotes[incident->n_quotes++] = g_string_chunk_insert (gen->scratch, sentence->str);
    }

  /* Title and description, in English and in French. */
  incident->has_title = chance (rand, 0.55);
  incident->multilingual_title = chance (rand, 0.3);
  incident->multilingual_description = chance (rand, 0.2);
  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      Slots slots = { .p = gen->places[incident->place].name[l] };

      g_string_truncate (sentence, 0);
      expand (sentence, incident_types[incident->type].title[l], &slots);
      incident->title[l] = g_string_chunk_insert (gen->scratch, sentence->str);

      g_string_truncate (sentence, 0);
      append_core (sentence, gen, incident, l);
      capitalise_from (sentence, 0);
      g_string_append_c (sentence, '.');
      incident->description[l] = g_string_chunk_insert (gen->scratch, sentence->str);
    }
}

/* Report @s, starting at incident @first: the same plan every time it is
 * asked for, so that the sources can be written before the incidents.
 */
static void
plan_report (Generator  *gen,
             guint       s,
             guint       first,
             ReportPlan *report)
{
  static const char * const first_names[] = {
    "Aminata", "Moussa", "Fatoumata", "Ibrahim", "Aïssata", "Oumar", "Mariam", "Hamadoun", "Claire", "Jean-Baptiste",
  };
  static const char * const last_names[] = {
    "Traoré", "Diallo", "Maïga", "Coulibaly", "Sidibé", "Ouédraogo", "Sawadogo", "Issoufou", "Dupont", "Keita",
  };
  static const char * const closings[][N_LANGUAGES] = {
    { "Independent verification remains difficult because access to the area is restricted.",
      "Toute vérification indépendante reste difficile, l’accès à la zone étant restreint." },
    { "Telephone networks were cut in several districts during the period.",
      "Les réseaux téléphoniques ont été coupés dans plusieurs districts pendant la période." },
    { "Humanitarian organisations warn that the situation is deteriorating.",
      "Les organisations humanitaires préviennent que la situation se dégrade." },
  };
  GRand *rand = gen->rand;
  guint month, n;
  g_autofree char *id = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  const Publisher *publisher;

  reseed (rand, gen->seed, 5, s);
  g_string_chunk_clear (gen->scratch);

  report->publisher = pick (rand, G_N_ELEMENTS (publishers));
  publisher = &publishers[report->publisher];
  report->language = publisher->language;
  month = 2012 * 12 + pick (rand, 12 * 12 + 10);
  report->date = ymd_from_month_index (month, 1 + pick (rand, 31));

  id = g_strdup_printf ("%s-%u-%u", publisher->slug, report->date.year, s + 1);
  report->id = g_string_chunk_insert (gen->scratch, id);

  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      Ymd period = { report->date.year, report->date.month, 0 };

      g_string_printf (title, l == EN ? "%s: security roundup for " : "%s : le point sécuritaire de ",
                       publisher->name);
      append_ymd_words (title, &period, l);
      report->title[l] = g_string_chunk_insert (gen->scratch, title->str);
    }
  report->multilingual_title = chance (rand, 0.3);

  report->author = NULL;
  if (chance (rand, 0.5))
    {
      g_autofree char *author = g_strdup_printf ("%s %s", first_names[pick (rand, G_N_ELEMENTS (first_names))],
                                                 last_names[pick (rand, G_N_ELEMENTS (last_names))]);

      report->author = g_string_chunk_insert (gen->scratch, author);
    }

  report->url = NULL;
  if (chance (rand, 0.8))
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/%s/%u/%02u/%s", publisher->slug,
                                              report->date.year, report->date.month, report->id);

      report->url = g_string_chunk_insert (gen->scratch, url);
    }
  report->has_note = chance (rand, 0.1);

  g_string_truncate (report->text, 0);
  g_string_append_printf (report->text,
                          report->language == EN
                          ? "%s compiled the following reports from correspondents and local sources."
                          : "%s a rassemblé les informations suivantes auprès de ses correspondants et de sources locales.",
                          publisher->name);

  /* Not inside MIN (): that would draw twice. */
  n = 6 + pick (rand, 9);
  report->n_incidents = MIN (gen->n_incidents - first, n);
  for (guint i = 0; i < report->n_incidents; i++)
    {
      if (i % 3 == 0)
        g_string_append (report->text, "\n\n");

      report->incidents[i].index = first + i;
      plan_incident (gen, report, &report->incidents[i], month);
    }

  g_string_append (report->text, "\n\n");
  append_sentence (report->text, closings[pick (rand, G_N_ELEMENTS (closings))][report->language]);
}

/* ------------------------------------------------------------------ */
/* Writing the file                                                     */
/* ------------------------------------------------------------------ */

typedef struct
{
  GOutputStream *stream;
  Json json;
  GError *error;
  guint64 bytes;
} Sink;

static void
sink_flush (Sink     *sink,
            gboolean  force)
{
  GString *out = sink->json.out;
  gsize written = 0;

  if (out->len == 0 || (!force && out->len < FLUSH_SIZE))
    return;

  if (sink->error == NULL &&
      g_output_stream_write_all (sink->stream, out->str, out->len, &written, NULL, &sink->error))
    sink->bytes += written;

  g_string_truncate (out, 0);
}

static void
write_citation (Json       *json,
                const char *source,
                const char *quote)
{
  json_open (json, '{', TRUE);
  json_member_string (json, "source", source);
  json_member_string (json, "quote", quote);
  json_close (json, '}');
}

static void
write_evidence (Json              *json,
                Generator         *gen,
                Certainty          certainty,
                guint              claimant,
                const char        *source,
                char *const       *quotes,
                guint              n_quotes,
                gboolean           flat)
{
  json_member_string (json, "certainty", certainty_nicks[certainty]);
  if (certainty == CERTAINTY_CLAIMED)
    json_member_string (json, "claimed_by", gen->actors[claimant].id);

  json_member (json, "citations");
  json_open (json, '[', flat);
  for (guint i = 0; i < n_quotes; i++)
    write_citation (json, source, quotes[i]);
  json_close (json, ']');
}

static void
write_header (Json      *json,
              Generator *gen)
{
  g_autofree char *title_en = g_strdup_printf ("Security incidents in the Sahel, 2012–2024 (%u incidents)",
                                               gen->n_incidents);
  g_autofree char *title_fr = g_strdup_printf ("Incidents sécuritaires au Sahel, 2012–2024 (%u incidents)",
                                               gen->n_incidents);
  char *title[] = { title_en, title_fr };
  char *subtitle[] = { "A generated briefing for measuring the loader",
                       "Un dossier généré pour mesurer le chargeur" };
  char *description[] = {
    "Every report, actor and place in this briefing is invented; the numbers are random. "
    "It is shaped like a real briefing so that loading it costs what loading a real one would.",
    NULL,
  };

  json_member_string (json, "format", "sahelbrief");
  json_member (json, "version");
  json_uint (json, 1);
  json_member_text (json, "title", title, TRUE);
  json_member_text (json, "subtitle", subtitle, TRUE);
  json_member_text (json, "description", description, FALSE);
  json_member_string (json, "language", "en");
  json_member_string (json, "date", "2024-12");
  json_member (json, "authors");
  json_open (json, '[', TRUE);
  json_string (json, "bench-load");
  json_close (json, ']');
}

static void
write_profile (Json      *json,
               Generator *gen,
               Actor     *actor)
{
  char *title[N_LANGUAGES];

  title[EN] = g_strdup_printf ("Profile: %s", actor->name[EN]);
  title[FR] = g_strdup_printf ("Profil : %s", actor->name[FR]);

  json_open (json, '{', FALSE);
  json_member_string (json, "id", actor->profile_id);
  json_member_text (json, "title", title, actor->language == FR);
  json_member_string (json, "publisher", "Sahel Security Review");
  json_member_string (json, "date", "2024-06");
  json_member_string (json, "language", language_codes[actor->language]);
  json_member_string (json, "text", actor->text->str);
  json_close (json, '}');

  g_free (title[EN]);
  g_free (title[FR]);
}

static void
write_report (Json             *json,
              const ReportPlan *report)
{
  static char *notes[] = { "Transcribed from the print edition.", "Transcrit de l’édition imprimée." };
  char date[16];

  format_ymd (&report->date, date, sizeof date);

  json_open (json, '{', FALSE);
  json_member_string (json, "id", report->id);
  json_member_text (json, "title", report->title, report->multilingual_title);
  json_member_string (json, "publisher", publishers[report->publisher].name);
  if (report->author != NULL)
    json_member_string (json, "author", report->author);
  json_member_string (json, "date", date);
  json_member_string (json, "language", language_codes[report->language]);
  if (report->url != NULL)
    json_member_string (json, "url", report->url);
  json_member_string (json, "text", report->text->str);
  if (report->has_note)
    json_member_text (json, "note", notes, TRUE);
  json_close (json, '}');
}

static void
write_figure (Json             *json,
              Generator        *gen,
              const FigurePlan *figure,
              const char       *source,
              gboolean          flat)
{
  char *quotes[] = { figure->quote };

  json_open (json, '{', flat);
  json_member_string (json, "measure", figure->measure);
  if (figure->label[EN] != NULL)
    json_member_text (json, "label", figure->label, figure->multilingual);
  json_member (json, "value");
  json_quantity (json, &figure->value);
  json_member (json, "as_of");
  json_date (json, &figure->as_of);
  write_evidence (json, gen, figure->certainty, figure->claimant, source, quotes, 1, TRUE);
  json_close (json, '}');
}

static void
write_actor (Json      *json,
             Generator *gen,
             Actor     *actor)
{
  char *summary[N_LANGUAGES] = { actor->intro[EN], actor->intro[FR] };
  char *quotes[] = { actor->intro[actor->language] };

  json_open (json, '{', FALSE);
  json_member_string (json, "id", actor->id);
  json_member_text (json, "name", (char **) actor->name, actor->multilingual);
  if (actor->short_name[EN] != NULL)
    json_member_text (json, "short_name", actor->short_name,
                      !g_str_equal (actor->short_name[EN], actor->short_name[FR]));
  if (actor->alias != NULL)
    {
      json_member (json, "aliases");
      json_open (json, '[', TRUE);
      json_string (json, actor->alias);
      json_close (json, ']');
    }
  json_member_string (json, "kind", kind_nicks[actor->kind]);
  if (actor->affiliation[EN] != NULL)
    json_member_text (json, "affiliation", actor->affiliation,
                      !g_str_equal (actor->affiliation[EN], actor->affiliation[FR]));
  if (actor->country != NULL)
    json_member_string (json, "country", actor->country);
  if (actor->has_colour)
    {
      char colour[8];

      g_snprintf (colour, sizeof colour, "#%06x", actor->colour);
      json_member_string (json, "colour", colour);
    }
  if (actor->has_summary)
    json_member_text (json, "summary", summary, actor->multilingual);

  if (actor->figures->len > 0)
    {
      json_member (json, "figures");
      json_open (json, '[', FALSE);
      for (guint i = 0; i < actor->figures->len; i++)
        write_figure (json, gen, &g_array_index (actor->figures, FigurePlan, i), actor->profile_id, FALSE);
      json_close (json, ']');
    }

  if (actor->relations->len > 0)
    {
      json_member (json, "relations");
      json_open (json, '[', FALSE);
      for (guint i = 0; i < actor->relations->len; i++)
        {
          RelationPlan *relation = &g_array_index (actor->relations, RelationPlan, i);
          char *relation_quotes[] = { relation->quote };

          json_open (json, '{', FALSE);
          json_member_string (json, "type", relation_nicks[relation->type]);
          json_member_string (json, "target", gen->actors[relation->target].id);
          if (relation->description[EN] != NULL)
            json_member_text (json, "description", relation->description, relation->multilingual);
          if (relation->date.form != DATE_NONE)
            {
              json_member (json, "date");
              json_date (json, &relation->date);
            }
          write_evidence (json, gen, relation->certainty, actor - gen->actors,
                          actor->profile_id, relation_quotes, 1, FALSE);
          json_close (json, '}');
        }
      json_close (json, ']');
    }

  json_member (json, "citations");
  json_open (json, '[', FALSE);
  write_citation (json, actor->profile_id, quotes[0]);
  json_close (json, ']');
  json_close (json, '}');
}

static void
write_place (Json  *json,
             Place *place)
{
  json_open (json, '{', TRUE);
  json_member_string (json, "id", place->id);
  json_member_text (json, "name", place->name, place->multilingual);
  json_member (json, "lat");
  json_coordinate (json, place->lat);
  json_member (json, "lon");
  json_coordinate (json, place->lon);
  json_member_string (json, "precision", precision_nicks[place->precision]);
  if (place->radius_km != 0)
    {
      json_member (json, "radius_km");
      json_uint (json, place->radius_km);
    }
  if (place->country != NULL)
    json_member_string (json, "country", place->country);
  json_close (json, '}');
}

static void
write_ring (Json      *json,
            GRand     *rand,
            double     lat,
            double     lon,
            double     radius)
{
  guint n = 6 + pick (rand, 5);
  double first_lon = 0, first_lat = 0;

  json_open (json, '[', TRUE);
  for (guint i = 0; i <= n; i++)
    {
      double angle = 2 * G_PI * i / n;
      double r = radius * g_rand_double_range (rand, 0.6, 1.0);
      double x = i < n ? CLAMP (lon + r * cos (angle), -180, 180) : first_lon;
      double y = i < n ? CLAMP (lat + r * sin (angle), -90, 90) : first_lat;

      if (i == 0)
        {
          first_lon = x;
          first_lat = y;
        }

      json_open (json, '[', TRUE);
      json_coordinate (json, x);
      json_coordinate (json, y);
      json_close (json, ']');
    }
  json_close (json, ']');
}

static void
write_statement (Json                *json,
                 Generator           *gen,
                 guint                kind,
                 const StatementPlan *statement)
{
  Actor *actor = &gen->actors[statement->actor];
  char *quotes[] = { statement->quote };

  json_open (json, '{', FALSE);
  json_member_string (json, "id", statement->id);
  if (statement->title[EN] != NULL)
    json_member_text (json, "title", statement->title, statement->multilingual);
  json_member_text (json, "description", statement->description, statement->multilingual);

  switch (kind)
    {
    case DEPLOYMENTS:
      json_member_string (json, "actor", actor->id);
      json_member_string (json, "place", gen->places[statement->place].id);
      json_member_string (json, "status", deployment_statuses[statement->status]);
      json_member (json, "strength");
      json_quantity (json, &statement->strength);
      if (statement->role[EN] != NULL)
        json_member_text (json, "role", statement->role, statement->multilingual);
      break;

    case MOVEMENTS:
      json_member_string (json, "actor", actor->id);
      if (statement->origin != G_MAXUINT)
        json_member_string (json, "from", gen->places[statement->origin].id);
      if (statement->place != G_MAXUINT)
        json_member_string (json, "to", gen->places[statement->place].id);
      json_member_string (json, "status", movement_statuses[statement->status]);
      if (statement->subtype != G_MAXUINT)
        json_member_string (json, "means", movement_means[statement->subtype]);
      json_member (json, "strength");
      json_quantity (json, &statement->strength);
      break;

    case AREAS:
    default:
      {
        g_autoptr(GRand) shape = g_rand_new_with_seed (statement->shape_seed);
        Place *place = &gen->places[statement->place];
        double radius = g_rand_double_range (shape, 0.3, 2.5);

        json_member (json, "actors");
        json_open (json, '[', TRUE);
        json_string (json, actor->id);
        json_close (json, ']');
        if (statement->name[EN] != NULL)
          json_member_text (json, "name", statement->name, statement->multilingual);
        json_member_string (json, "kind", area_kinds[statement->subtype]);
        json_member (json, "geometry");
        json_open (json, '{', TRUE);
        json_member_string (json, "type", statement->n_polygons > 1 ? "MultiPolygon" : "Polygon");
        json_member (json, "coordinates");
        json_open (json, '[', TRUE);
        for (guint p = 0; p < statement->n_polygons; p++)
          {
            if (statement->n_polygons > 1)
              json_open (json, '[', TRUE);
            write_ring (json, shape, place->lat + p * 2 * radius, place->lon, radius);
            if (statement->n_polygons > 1)
              json_close (json, ']');
          }
        json_close (json, ']');
        json_close (json, '}');
        json_member_string (json, "boundary", boundaries[statement->boundary]);
      }
    }

  json_member (json, "date");
  json_date (json, &statement->date);
  write_evidence (json, gen, statement->certainty, statement->claimant,
                  actor->profile_id, quotes, 1, FALSE);
  json_close (json, '}');
}

static void
write_incident (Json               *json,
                Generator          *gen,
                const ReportPlan   *report,
                const IncidentPlan *incident)
{
  char id[64];

  g_snprintf (id, sizeof id, "%s-%u", incident_types[incident->type].nick, incident->index + 1);

  /* One line each: large files are seldom indented all the way down. */
  json_open (json, '{', TRUE);
  json_member_string (json, "id", id);
  if (incident->has_title)
    json_member_text (json, "title", incident->title, incident->multilingual_title);
  json_member_text (json, "description", incident->description, incident->multilingual_description);
  json_member_string (json, "type", incident_types[incident->type].nick);
  json_member (json, "actors");
  json_open (json, '[', TRUE);
  for (guint i = 0; i < incident->n_actors; i++)
    json_string (json, gen->actors[incident->actors[i]].id);
  json_close (json, ']');
  json_member_string (json, "place", gen->places[incident->place].id);
  json_member (json, "date");
  json_date (json, &incident->date);
  if (incident->fatalities.form != QUANTITY_NONE)
    {
      json_member (json, "fatalities");
      json_quantity (json, &incident->fatalities);
    }
  if (incident->count_figure)
    {
      FigurePlan figure = {
        .measure = incident->type == TYPE_ARREST ? "detained" : "displaced",
        .value = incident->count,
        .as_of = incident->date,
        .certainty = incident->certainty,
        .claimant = incident->claimant,
        .quote = incident->quotes[0],
      };

      json_member (json, "figures");
      json_open (json, '[', TRUE);
      write_figure (json, gen, &figure, report->id, TRUE);
      json_close (json, ']');
    }
  write_evidence (json, gen, incident->certainty, incident->claimant,
                  report->id, incident->quotes, incident->n_quotes, TRUE);
  json_close (json, '}');
}

static void
write_step (Json      *json,
            Generator *gen,
            guint      index)
{
  static const char * const layer_sets[][3] = {
    { "areas", "deployments", NULL },
    { "incidents", NULL, NULL },
    { "movements", "deployments", "areas" },
  };
  GRand *rand = gen->rand;
  Actor *actor = &gen->actors[pick (rand, N_ACTORS)];
  g_autofree char *id = g_strdup_printf ("step-%u", index + 1);
  char *title[N_LANGUAGES];
  char *caption[N_LANGUAGES];
  char *notes[N_LANGUAGES];
  GArray *mine = g_array_new (FALSE, FALSE, sizeof (const char *));

  for (guint k = 0; k < N_STATEMENT_KINDS; k++)
    for (guint i = 0; i < gen->statements[k]->len; i++)
      {
        StatementPlan *statement = &g_array_index (gen->statements[k], StatementPlan, i);

        if (&gen->actors[statement->actor] == actor)
          g_array_append_val (mine, statement->id);
      }

  if (index == 0)
    {
      title[EN] = g_strdup ("The Sahel at a glance");
      title[FR] = g_strdup ("Le Sahel en un coup d’œil");
    }
  else
    {
      title[EN] = g_strdup (actor->short_name[EN] ? actor->short_name[EN] : actor->name[EN]);
      title[FR] = g_strdup (actor->short_name[FR] ? actor->short_name[FR] : actor->name[FR]);
    }
  caption[EN] = g_strdup (actor->intro[EN]);
  caption[FR] = g_strdup (actor->intro[FR]);
  notes[EN] = g_strdup_printf ("Mention the sources: see the profile of %s.", actor->name[EN]);
  notes[FR] = g_strdup_printf ("Citer les sources : voir le profil de %s.", actor->name[FR]);

  json_open (json, '{', FALSE);
  json_member_string (json, "id", id);
  json_member_text (json, "title", title, TRUE);
  if (chance (rand, 0.7))
    json_member_text (json, "caption", caption, chance (rand, 0.5));

  json_member (json, "camera");
  if (index == 0 || mine->len == 0)
    {
      Place *place = &gen->places[actor->home_place];

      json_open (json, '{', TRUE);
      json_member (json, "center");
      json_open (json, '{', TRUE);
      json_member (json, "lat");
      json_coordinate (json, index == 0 ? 15.0 : place->lat);
      json_member (json, "lon");
      json_coordinate (json, index == 0 ? 2.0 : place->lon);
      json_close (json, '}');
      json_member (json, "zoom");
      json_uint (json, index == 0 ? 5 : 7);
      json_close (json, '}');
    }
  else
    {
      json_open (json, '{', TRUE);
      json_member (json, "frame");
      json_open (json, '[', TRUE);
      for (guint i = 0; i < mine->len; i++)
        json_string (json, g_array_index (mine, const char *, i));
      json_close (json, ']');
      json_close (json, '}');
    }

  if (chance (rand, 0.4))
    {
      const char * const *layers = layer_sets[pick (rand, G_N_ELEMENTS (layer_sets))];

      json_member (json, "layers");
      json_open (json, '[', TRUE);
      for (guint i = 0; i < 3 && layers[i] != NULL; i++)
        json_string (json, layers[i]);
      json_close (json, ']');
    }

  if (mine->len > 0 && chance (rand, 0.5))
    {
      json_member (json, "show");
      json_open (json, '[', TRUE);
      for (guint i = 0; i < mine->len; i++)
        json_string (json, g_array_index (mine, const char *, i));
      json_close (json, ']');
    }

  json_member (json, "highlight");
  json_open (json, '[', TRUE);
  json_string (json, actor->id);
  if (mine->len > 0)
    json_string (json, g_array_index (mine, const char *, 0));
  json_close (json, ']');

  json_member (json, "citation");
  write_citation (json, actor->profile_id, actor->intro[actor->language]);
  if (chance (rand, 0.5))
    json_member_text (json, "notes", notes, chance (rand, 0.5));
  json_close (json, '}');

  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      g_free (title[l]);
      g_free (caption[l]);
      g_free (notes[l]);
    }
  g_array_unref (mine);
}

typedef void (*ReportFunc) (Sink             *sink,
                            Generator        *gen,
                            const ReportPlan *report);

static void
write_report_source (Sink             *sink,
                     Generator        *gen,
                     const ReportPlan *report)
{
  write_report (&sink->json, report);
  sink_flush (sink, FALSE);
}

static void
write_report_incidents (Sink             *sink,
                        Generator        *gen,
                        const ReportPlan *report)
{
  for (guint i = 0; i < report->n_incidents; i++)
    {
      write_incident (&sink->json, gen, report, &report->incidents[i]);
      sink_flush (sink, FALSE);
    }
}

/* Plans every report in turn; called once for the sources and once again,
 * identically, for the incidents.
 */
static void
for_each_report (Sink       *sink,
                 Generator  *gen,
                 ReportFunc  func)
{
  ReportPlan report = { 0, };

  report.text = g_string_sized_new (4096);
  for (guint s = 0, first = 0; first < gen->n_incidents && sink->error == NULL; s++)
    {
      plan_report (gen, s, first, &report);
      func (sink, gen, &report);
      first += report.n_incidents;
    }
  g_string_free (report.text, TRUE);
}

static gboolean
generate (guint        n_incidents,
          const char  *path,
          guint32      seed,
          guint64     *bytes,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  Generator gen;
  Sink sink = { 0, };
  Json *json = &sink.json;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  generator_init (&gen, n_incidents, seed);
  sink.stream = G_OUTPUT_STREAM (stream);
  json->out = g_string_sized_new (FLUSH_SIZE + 64 * 1024);

  json_open (json, '{', FALSE);
  write_header (json, &gen);

  json_member (json, "sources");
  json_open (json, '[', FALSE);
  for (guint a = 0; a < N_ACTORS; a++)
    write_profile (json, &gen, &gen.actors[a]);
  for_each_report (&sink, &gen, write_report_source);
  json_close (json, ']');

  json_member (json, "actors");
  json_open (json, '[', FALSE);
  for (guint a = 0; a < N_ACTORS; a++)
    write_actor (json, &gen, &gen.actors[a]);
  json_close (json, ']');
  sink_flush (&sink, FALSE);

  json_member (json, "places");
  json_open (json, '[', FALSE);
  for (guint p = 0; p < N_PLACES; p++)
    write_place (json, &gen.places[p]);
  json_close (json, ']');

  for (guint k = 0; k < N_STATEMENT_KINDS; k++)
    {
      static const char * const members[] = { "deployments", "movements", NULL };

      if (k == AREAS)
        {
          json_member (json, "incidents");
          json_open (json, '[', FALSE);
          for_each_report (&sink, &gen, write_report_incidents);
          json_close (json, ']');
        }

      json_member (json, k == AREAS ? "areas" : members[k]);
      json_open (json, '[', FALSE);
      for (guint i = 0; i < gen.statements[k]->len; i++)
        write_statement (json, &gen, k, &g_array_index (gen.statements[k], StatementPlan, i));
      json_close (json, ']');
      sink_flush (&sink, FALSE);
    }

  json_member (json, "steps");
  json_open (json, '[', FALSE);
  reseed (gen.rand, seed, 6, 0);
  for (guint i = 0; i < N_STEPS; i++)
    write_step (json, &gen, i);
  json_close (json, ']');

  json_close (json, '}');
  g_string_append_c (json->out, '\n');
  sink_flush (&sink, TRUE);

  generator_clear (&gen);
  g_string_free (json->out, TRUE);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;

  if (bytes != NULL)
    *bytes = sink.bytes;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Measuring                                                            */
/* ------------------------------------------------------------------ */

/* A "VmHWM:" or "VmRSS:" line of /proc/self/status, in KiB. */
static guint64
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, field);
  if (line == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* Processor time of this process so far, every thread, user + system. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Processor time of the calling thread alone: the loader's own thread,
 * which scans the text and reads what must be read in order while other
 * threads read the rest. On an idle machine with enough processors the
 * load takes about this long.
 */
static double
thread_cpu_seconds (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;

  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Memory as the app has it: see app/main.c. */
static void
use_app_malloc_settings (void)
{
#ifdef M_MMAP_THRESHOLD
  mallopt (M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}

static guint
count_incidents (SbBriefing *briefing)
{
  return g_list_model_get_n_items (sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT));
}

static gboolean
report_problems (const char *path,
                 GPtrArray  *problems)
{
  if (problems == NULL || problems->len == 0)
    return FALSE;

  for (guint i = 0; i < MIN (problems->len, 20); i++)
    {
      g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), path);

      g_printerr ("%s\n", line);
    }
  if (problems->len > 20)
    g_printerr ("... and %u more problems\n", problems->len - 20);

  return TRUE;
}

static int
run_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, end;
  guint64 peak_kib, rss_kib;
  double cpu_start, cpu_end, thread_start, thread_end;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      g_printerr ("bench-load: %s\n", error->message);
      return 1;
    }

  cpu_start = cpu_seconds ();
  thread_start = thread_cpu_seconds ();
  start = g_get_monotonic_time ();
  briefing = sb_loader_load_file (file, NULL, &problems);
  end = g_get_monotonic_time ();
  thread_end = thread_cpu_seconds ();
  cpu_end = cpu_seconds ();
  peak_kib = read_status_kib ("VmHWM:");
  rss_kib = read_status_kib ("VmRSS:");

  /* One line, key=value, for people and for the parent process alike. */
  g_print ("file=%s size_bytes=%" G_GOFFSET_FORMAT " size_mb=%.1f incidents=%u time_s=%.6f cpu_s=%.3f main_cpu_s=%.3f peak_rss_kib=%" G_GUINT64_FORMAT " peak_rss_mib=%.1f rss_after_mib=%.1f",
           path, g_file_info_get_size (info), g_file_info_get_size (info) / 1e6,
           briefing ? count_incidents (briefing) : 0, (end - start) / 1e6, cpu_end - cpu_start, thread_end - thread_start,
           peak_kib, peak_kib / 1024.0, rss_kib / 1024.0);

  if (report_problems (path, problems) || briefing == NULL)
    {
      const SbProblem *first = problems && problems->len ? g_ptr_array_index (problems, 0) : NULL;

      g_print (" problem=%s\n", first ? sb_problem_code_to_nick (first->code) : "unknown");
      g_printerr ("bench-load: %s did not load\n", path);
      return 1;
    }

  g_print ("\n");
  return 0;
}

/* Loads FILE, then times saving it again: the writer streams, no tree. */
static int
run_save (const char *path,
          const char *keep_dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *copy_name = g_strconcat (base, ".saved", NULL);
  g_autofree char *copy_path = keep_dir ? g_build_filename (keep_dir, copy_name, NULL) : g_strconcat (path, ".saved", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  guint64 before_kib;
  gint64 start, end;
  double cpu_start, cpu_end;
  guint n;

  briefing = sb_loader_load_file (file, NULL, &problems);
  if (report_problems (path, problems) || briefing == NULL)
    return 1;

  before_kib = read_status_kib ("VmRSS:");
  cpu_start = cpu_seconds ();
  start = g_get_monotonic_time ();
  if (!sb_writer_save (briefing, copy, NULL, &error))
    {
      g_printerr ("bench-load: saving %s: %s\n", copy_path, error->message);
      return 1;
    }
  end = g_get_monotonic_time ();
  cpu_end = cpu_seconds ();
  n = count_incidents (briefing);

  g_print ("file=%s incidents=%u save_s=%.6f cpu_s=%.3f rss_before_mib=%.1f peak_rss_mib=%.1f\n",
           copy_path, n, (end - start) / 1e6, cpu_end - cpu_start,
           before_kib / 1024.0, read_status_kib ("VmHWM:") / 1024.0);
  if (n == SAVE_TARGET_INCIDENTS)
    g_print ("target: 1,000,000 saved in < %.0f s: %s (load average %s)\n", SAVE_TARGET_SECONDS,
             (end - start) / 1e6 < SAVE_TARGET_SECONDS ? "meets" : "MISSES", load_average ());
  if (keep_dir == NULL)
    g_file_delete (copy, NULL, NULL);
  return 0;
}

static void
print_phase (const char *phase,
             gint64      start,
             gint64      end,
             gsize       bytes)
{
  g_print ("  %-34s %8.3f s  %7.1f MB/s   RSS %7.1f MiB   peak %7.1f MiB\n",
           phase, (end - start) / 1e6, bytes / 1e6 / MAX ((end - start) / 1e6, 1e-9),
           read_status_kib ("VmRSS:") / 1024.0, read_status_kib ("VmHWM:") / 1024.0);
}

/* Times the steps of a load that can be timed from outside the loader, one
 * after another, then a whole load; what is left is mostly reading the model,
 * validating and indexing.
 */
static int
run_phases (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  char *data = NULL;
  gsize length = 0;
  gint64 t0, t_read, t_utf8, t_depth, t_parse, t_free, t_load;

  g_print ("%s\n", path);
  g_print ("  %-34s %8.3f s  %7s        RSS %7.1f MiB   peak %7.1f MiB\n", "start", 0.0, "",
           read_status_kib ("VmRSS:") / 1024.0, read_status_kib ("VmHWM:") / 1024.0);

  t0 = g_get_monotonic_time ();
  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("bench-load: %s\n", error->message);
      return 1;
    }
  t_read = g_get_monotonic_time ();
  print_phase ("read", t0, t_read, length);

  if (!g_utf8_validate_len (data, length, NULL))
    g_printerr ("bench-load: not UTF-8\n");
  t_utf8 = g_get_monotonic_time ();
  print_phase ("UTF-8 check", t_read, t_utf8, length);

  {
    SbJsonOutline outline;

    if (!sb_json_syntax_check (data, length, SB_LOADER_MAX_DEPTH, &outline))
      g_printerr ("bench-load: %s\n", outline.error_message);
    sb_json_outline_clear (&outline);
  }
  t_depth = g_get_monotonic_time ();
  print_phase ("strict syntax check", t_utf8, t_depth, length);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    g_printerr ("bench-load: %s\n", error->message);
  t_parse = g_get_monotonic_time ();
  print_phase ("json-glib parse (tree)", t_depth, t_parse, length);

  g_clear_object (&parser);
  t_free = g_get_monotonic_time ();
  print_phase ("json-glib tree freed", t_parse, t_free, length);

  /* The whole load again, from the bytes already read. */
  bytes = g_bytes_new_take (data, length);
  t0 = g_get_monotonic_time ();
  briefing = sb_loader_load_bytes (bytes, &problems);
  t_load = g_get_monotonic_time ();
  print_phase ("sb_loader_load_bytes (all of it)", t0, t_load, length);

  if (report_problems (path, problems) || briefing == NULL)
    return 1;

  /* The rest also holds any other raw scans the loader makes, and the
   * allocator's deferred work after the tree is freed.
   */
  g_print ("  %-34s %8.3f s   (full load - UTF-8 - syntax - parse - free)\n",
           "= the rest: model, validate, index",
           ((t_load - t0) - (t_utf8 - t_read) - (t_depth - t_utf8) - (t_parse - t_depth) - (t_free - t_parse)) / 1e6);
  return 0;
}

typedef struct
{
  guint n_incidents;
  guint64 bytes;
  double times[16];
  double cpu[16];
  double main_cpu[16];     /* of the loading thread alone */
  double peaks_mib[16];
  double after_mib[16];
  guint runs;
  char *problem;           /* the loader refused the file: its first problem */
} Row;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static char *
with_separators (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
parse_sizes (const char  *text,
             GArray      *sizes,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      gsize len = strlen (part);
      guint64 factor = 1, value;

      if (len > 0 && (part[len - 1] == 'k' || part[len - 1] == 'K'))
        factor = 1000, part[len - 1] = '\0';
      else if (len > 0 && part[len - 1] == 'M')
        factor = 1000000, part[len - 1] = '\0';

      if (!g_ascii_string_to_unsigned (part, 10, 0, G_MAXUINT / factor, &value, error))
        return FALSE;

      value *= factor;
      g_array_append_val (sizes, value);
    }

  return TRUE;
}

/* Runs "bench-load --load FILE" in a fresh process and reads its line.
 * A file the loader refuses is a result too: @problem says why.
 */
static gboolean
load_in_child (const char  *exe,
               const char  *path,
               double      *seconds,
               double      *cpu,
               double      *main_cpu,
               double      *peak_mib,
               double      *after_mib,
               char       **problem,
               GError     **error)
{
  const char *argv[] = { exe, "--load", path, NULL };
  g_autofree char *out = NULL;
  const char *time_field, *peak_field, *problem_field, *cpu_field, *after_field, *main_field;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDERR,
                     NULL, NULL, &out, NULL, &status, error))
    return FALSE;

  time_field = strstr (out, "time_s=");
  peak_field = strstr (out, "peak_rss_kib=");
  problem_field = strstr (out, "problem=");
  cpu_field = strstr (out, " cpu_s=");
  main_field = strstr (out, "main_cpu_s=");
  after_field = strstr (out, "rss_after_mib=");

  if (problem_field == NULL && !g_spawn_check_wait_status (status, error))
    return FALSE;

  if (time_field == NULL || peak_field == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "unexpected output: %s", out);
      return FALSE;
    }

  *seconds = g_ascii_strtod (time_field + strlen ("time_s="), NULL);
  *peak_mib = g_ascii_strtoull (peak_field + strlen ("peak_rss_kib="), NULL, 10) / 1024.0;
  *cpu = cpu_field ? g_ascii_strtod (cpu_field + strlen (" cpu_s="), NULL) : 0;
  *main_cpu = main_field ? g_ascii_strtod (main_field + strlen ("main_cpu_s="), NULL) : 0;
  *after_mib = after_field ? g_ascii_strtod (after_field + strlen ("rss_after_mib="), NULL) : 0;
  *problem = problem_field ? g_strchomp (g_strdup (problem_field + strlen ("problem="))) : NULL;
  return TRUE;
}

/* The first three figures of /proc/loadavg: the machine's load, for the record. */
static char *
load_average (void)
{
  static char text[64] = "unknown";
  g_autofree char *contents = NULL;

  if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    {
      g_auto(GStrv) fields = g_strsplit (contents, " ", 4);

      if (g_strv_length (fields) >= 3)
        g_snprintf (text, sizeof text, "%s %s %s", fields[0], fields[1], fields[2]);
    }

  return text;
}

static double
median_of (const double *values,
           guint         n)
{
  double sorted[16];

  memcpy (sorted, values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static void
print_table (Row   *rows,
             guint  n_rows,
             guint  runs)
{
  g_print ("\nBriefing loader: sb_loader_load_file, %u runs per size, each in a fresh process\n\n", runs);
  g_print ("  incidents   file MB   load+validate s     CPU s   main CPU s    peak RSS   RSS after   targets: 100,000 in < 0.4 s, < 150 MB;\n");
  g_print ("                        median       min   median       median   MiB (max)   MiB (max)   1,000,000 in < 3 s, < 800 MB\n");
  g_print ("  ---------   -------   ------   -------   ------   ----------   ---------   ---------   ---------------------\n");

  for (guint r = 0; r < n_rows; r++)
    {
      Row *row = &rows[r];
      g_autofree char *count = with_separators (row->n_incidents);
      double median, min, cpu, main_cpu, peak = 0, after = 0;
      const char *verdict = "n/a (no target)";

      median = median_of (row->times, row->runs);
      cpu = median_of (row->cpu, row->runs);
      main_cpu = median_of (row->main_cpu, row->runs);
      min = row->times[0];
      for (guint i = 0; i < row->runs; i++)
        {
          min = MIN (min, row->times[i]);
          peak = MAX (peak, row->peaks_mib[i]);
          after = MAX (after, row->after_mib[i]);
        }

      if (row->problem != NULL)
        {
          g_print ("  %9s   %7.1f   %6s   %7s   %6s   %10s   %9.1f   %9s   refused by the loader: %s%s\n",
                   count, row->bytes / 1e6, "-", "-", "-", "-", peak, "-", row->problem,
                   g_str_equal (row->problem, "too-large") ? " (over 1 GiB)" : "");
          continue;
        }

      for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
        {
          gboolean fast, small;

          if (targets[t].incidents != row->n_incidents)
            continue;

          fast = median < targets[t].seconds;
          small = peak * 1024 * 1024 < targets[t].bytes;
          verdict = fast && small ? "meets" :
                    fast ? "MISSES (memory)" :
                    small ? "MISSES (time)" : "MISSES (time, memory)";
        }

      g_print ("  %9s   %7.1f   %6.3f   %7.3f   %6.3f   %10.3f   %9.1f   %9.1f   %s\n",
               count, row->bytes / 1e6, median, min, cpu, main_cpu, peak, after, verdict);
    }

  g_print ("\n  MB = 10^6 bytes, MiB = 2^20 bytes; 150 MB = 143.1 MiB, 800 MB = 762.9 MiB.\n"
           "  Peak RSS is VmHWM of the loading process: the text held and the model together;\n"
           "  RSS after is VmRSS once loaded (target with 1,000,000: under 1 GB).\n"
           "  CPU s is user + system time of every thread: on a busy machine the wall\n"
           "  clock is mostly the wait for a processor. Main CPU s is the loading thread's\n"
           "  alone, which the other threads cannot share: with processors enough and\n"
           "  idle, a load takes about the larger of it and CPU s / processors.\n"
           "  Load average at the end: %s\n", load_average ());
}

static int
run_benchmark (const char *sizes_text,
               const char *keep_dir,
               guint       runs,
               guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *exe = NULL;
  g_autofree Row *rows = NULL;
  int status = 0;
  guint n_rows = 0;

  if (!parse_sizes (sizes_text, sizes, &error))
    {
      g_printerr ("bench-load: --sizes: %s\n", error->message);
      return 2;
    }

  if (keep_dir != NULL)
    {
      dir = g_strdup (keep_dir);
      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          g_printerr ("bench-load: cannot create %s: %s\n", dir, g_strerror (errno));
          return 1;
        }
    }
  else if ((dir = g_dir_make_tmp ("bench-load-XXXXXX", &error)) == NULL)
    {
      g_printerr ("bench-load: %s\n", error->message);
      return 1;
    }

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    exe = g_strdup ("/proc/self/exe");

  rows = g_new0 (Row, sizes->len);

  for (guint i = 0; i < sizes->len && status == 0; i++)
    {
      guint n = g_array_index (sizes, guint64, i);
      g_autofree char *name = g_strdup_printf ("bench-%u.sahelbrief", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *count = with_separators (n);
      Row *row = &rows[n_rows];
      GStatBuf st;

      if (keep_dir != NULL && g_stat (path, &st) == 0)
        g_printerr ("%s incidents: reusing %s\n", count, path);
      else
        {
          gint64 start = g_get_monotonic_time ();
          guint64 bytes = 0;

          g_printerr ("%s incidents: generating %s ... ", count, path);
          if (keep_dir == NULL)
            g_ptr_array_add (created, g_strdup (path));
          if (!generate (n, path, seed, &bytes, &error))
            {
              g_printerr ("failed: %s\n", error->message);
              status = 1;
              break;
            }
          g_printerr ("%.1f MB in %.1f s\n", bytes / 1e6, (g_get_monotonic_time () - start) / 1e6);
        }

      if (g_stat (path, &st) != 0)
        {
          g_printerr ("bench-load: cannot stat %s\n", path);
          status = 1;
          break;
        }

      row->n_incidents = n;
      row->bytes = st.st_size;
      row->runs = MIN (runs, G_N_ELEMENTS (row->times));

      for (guint r = 0; r < row->runs; r++)
        {
          if (!load_in_child (exe, path, &row->times[r], &row->cpu[r], &row->main_cpu[r], &row->peaks_mib[r], &row->after_mib[r],
                              &row->problem, &error))
            {
              g_printerr ("bench-load: loading %s: %s\n", path, error->message);
              status = 1;
              break;
            }

          if (row->problem != NULL)
            {
              /* Refused: loading again will not change that. */
              g_printerr ("  refused: %s\n", row->problem);
              row->runs = r + 1;
              break;
            }
          g_printerr ("  run %u: %.3f s (%.3f s of CPU, %.3f s in the loading thread), peak RSS %.1f MiB, %.1f MiB after (load average %s)\n",
                      r + 1, row->times[r], row->cpu[r], row->main_cpu[r], row->peaks_mib[r], row->after_mib[r], load_average ());
        }

      if (status == 0)
        n_rows++;
    }

  if (n_rows > 0)
    print_table (rows, n_rows, runs);

  for (guint i = 0; i < sizes->len; i++)
    g_free (rows[i].problem);
  for (guint i = 0; i < created->len; i++)
    g_unlink (g_ptr_array_index (created, i));
  if (keep_dir == NULL)
    g_rmdir (dir);

  return status;
}

static void
usage (void)
{
  g_printerr ("Usage:\n"
              "  bench-load [--sizes N,N,...] [--keep DIR] [--runs R] [--seed S]\n"
              "      generate briefings of N incidents (default " DEFAULT_SIZES ") and load\n"
              "      each R times (default 3) in a fresh process; keep the files in DIR\n"
              "      (and reuse those already there) rather than a temporary folder\n"
              "  bench-load --generate N FILE [--seed S]   write a valid briefing of N incidents\n"
              "  bench-load --load FILE                    load FILE once; print time and peak RSS\n"
              "  bench-load --phases FILE                  time read, UTF-8, depth scan, parse, load\n"
              "  bench-load --save FILE [--keep DIR]       load FILE, then time saving it (FILE.saved, removed;\n"
              "                                            with --keep, DIR/FILE.saved, kept)\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = NULL;
  g_autofree char *keep_dir = NULL;
  g_autofree char *generate_count = NULL;
  g_autofree char *load_path = NULL;
  g_autofree char *phases_path = NULL;
  g_autofree char *save_path = NULL;
  int runs = DEFAULT_RUNS;
  gint64 seed = DEFAULT_SEED;
  gboolean help = FALSE;
  const GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, NULL, NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, NULL, NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, NULL, NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, NULL, NULL },
    { "generate", 0, 0, G_OPTION_ARG_STRING, &generate_count, NULL, NULL },
    { "load", 0, 0, G_OPTION_ARG_FILENAME, &load_path, NULL, NULL },
    { "phases", 0, 0, G_OPTION_ARG_FILENAME, &phases_path, NULL, NULL },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save_path, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  use_app_malloc_settings ();
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-load: %s\n", error->message);
      usage ();
      return 2;
    }

  if (help)
    {
      usage ();
      return 0;
    }

  if (load_path != NULL)
    return run_load (load_path);

  if (phases_path != NULL)
    return run_phases (phases_path);
  if (save_path != NULL)
    return run_save (save_path, keep_dir);

  if (generate_count != NULL)
    {
      guint64 n = 0, bytes = 0;
      gint64 start = g_get_monotonic_time ();

      if (argc != 2 || !g_ascii_string_to_unsigned (generate_count, 10, 0, G_MAXUINT, &n, &error))
        {
          if (error != NULL)
            g_printerr ("bench-load: --generate: %s\n", error->message);
          usage ();
          return 2;
        }

      if (!generate (n, argv[1], (guint32) seed, &bytes, &error))
        {
          g_printerr ("bench-load: %s\n", error->message);
          return 1;
        }

      g_print ("%s: %" G_GUINT64_FORMAT " incidents, %.1f MB, in %.1f s\n",
               argv[1], n, bytes / 1e6, (g_get_monotonic_time () - start) / 1e6);
      return 0;
    }

  if (argc != 1 || runs < 1)
    {
      usage ();
      return 2;
    }

  return run_benchmark (sizes ? sizes : DEFAULT_SIZES, keep_dir, runs, (guint32) seed);
}

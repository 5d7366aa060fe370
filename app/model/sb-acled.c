/* sb-acled.c
 *
 * Imports an ACLED export (CSV) as a briefing of incidents.
 *
 * ACLED exports run to a million rows: the CSV is streamed, every row is
 * checked whole before anything is made of it, and what rows share —
 * actors, sources, places, sub-event types, and the very arrays of
 * actors and citations — is made once and referenced, so that an event
 * costs little more than its object, its id and its notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-acled"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sb-acled.h"
#include "sb-csv.h"
#include "sb-enums.h"
#include "sb-json-reader.h"
#include "sb-loader.h"
#include "sb-model-private.h"

#define MAX_ID_LENGTH 64
#define MAX_SLUG_BASE 48
#define MAX_SCALES 4
#define CANCEL_CHECK_ROWS 4096

typedef enum
{
  COL_EVENT_ID_CNTY,
  COL_DATA_ID,
  COL_EVENT_DATE,
  COL_TIME_PRECISION,
  COL_EVENT_TYPE,
  COL_SUB_EVENT_TYPE,
  COL_ACTOR1,
  COL_ASSOC_ACTOR_1,
  COL_INTER1,
  COL_ACTOR2,
  COL_ASSOC_ACTOR_2,
  COL_INTER2,
  COL_ISO,
  COL_ISO3,
  COL_COUNTRY,
  COL_ADMIN1,
  COL_ADMIN2,
  COL_LOCATION,
  COL_LATITUDE,
  COL_LONGITUDE,
  COL_GEO_PRECISION,
  COL_SOURCE,
  COL_SOURCE_SCALE,
  COL_NOTES,
  COL_FATALITIES,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "event_id_cnty", "data_id", "event_date", "time_precision", "event_type",
  "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
  "assoc_actor_2", "inter2", "iso", "iso3", "country", "admin1", "admin2",
  "location", "latitude", "longitude", "geo_precision", "source",
  "source_scale", "notes", "fatalities",
};

/* The countries of ACLED's African and Middle Eastern data, and those whose
 * forces serve there, by the names ACLED gives them and their ISO codes.
 */
static const struct {
  guint16 numeric;
  char alpha3[4];
  const char *name;
} countries[] = {
  { 12, "DZA", "Algeria" }, { 24, "AGO", "Angola" }, { 204, "BEN", "Benin" },
  { 72, "BWA", "Botswana" }, { 854, "BFA", "Burkina Faso" }, { 108, "BDI", "Burundi" },
  { 132, "CPV", "Cape Verde" }, { 132, "CPV", "Cabo Verde" }, { 120, "CMR", "Cameroon" },
  { 140, "CAF", "Central African Republic" }, { 148, "TCD", "Chad" },
  { 174, "COM", "Comoros" }, { 178, "COG", "Republic of Congo" }, { 178, "COG", "Congo" },
  { 180, "COD", "Democratic Republic of Congo" },
  { 180, "COD", "Democratic Republic of the Congo" }, { 262, "DJI", "Djibouti" },
  { 818, "EGY", "Egypt" }, { 226, "GNQ", "Equatorial Guinea" }, { 232, "ERI", "Eritrea" },
  { 748, "SWZ", "eSwatini" }, { 748, "SWZ", "Swaziland" }, { 231, "ETH", "Ethiopia" },
  { 266, "GAB", "Gabon" }, { 270, "GMB", "Gambia" }, { 270, "GMB", "The Gambia" },
  { 288, "GHA", "Ghana" }, { 324, "GIN", "Guinea" }, { 624, "GNB", "Guinea-Bissau" },
  { 384, "CIV", "Ivory Coast" }, { 384, "CIV", "Cote d'Ivoire" },
  { 384, "CIV", "Côte d'Ivoire" }, { 404, "KEN", "Kenya" }, { 426, "LSO", "Lesotho" },
  { 430, "LBR", "Liberia" }, { 434, "LBY", "Libya" }, { 450, "MDG", "Madagascar" },
  { 454, "MWI", "Malawi" }, { 466, "MLI", "Mali" }, { 478, "MRT", "Mauritania" },
  { 480, "MUS", "Mauritius" }, { 175, "MYT", "Mayotte" }, { 504, "MAR", "Morocco" },
  { 508, "MOZ", "Mozambique" }, { 516, "NAM", "Namibia" }, { 562, "NER", "Niger" },
  { 566, "NGA", "Nigeria" }, { 638, "REU", "Reunion" }, { 646, "RWA", "Rwanda" },
  { 654, "SHN", "Saint Helena, Ascension and Tristan da Cunha" },
  { 678, "STP", "Sao Tome and Principe" }, { 686, "SEN", "Senegal" },
  { 690, "SYC", "Seychelles" }, { 694, "SLE", "Sierra Leone" }, { 706, "SOM", "Somalia" },
  { 710, "ZAF", "South Africa" }, { 728, "SSD", "South Sudan" }, { 729, "SDN", "Sudan" },
  { 834, "TZA", "Tanzania" }, { 768, "TGO", "Togo" }, { 788, "TUN", "Tunisia" },
  { 800, "UGA", "Uganda" }, { 732, "ESH", "Western Sahara" }, { 894, "ZMB", "Zambia" },
  { 716, "ZWE", "Zimbabwe" },
  { 48, "BHR", "Bahrain" }, { 196, "CYP", "Cyprus" }, { 364, "IRN", "Iran" },
  { 368, "IRQ", "Iraq" }, { 376, "ISR", "Israel" }, { 400, "JOR", "Jordan" },
  { 414, "KWT", "Kuwait" }, { 422, "LBN", "Lebanon" }, { 512, "OMN", "Oman" },
  { 275, "PSE", "Palestine" }, { 634, "QAT", "Qatar" }, { 682, "SAU", "Saudi Arabia" },
  { 760, "SYR", "Syria" }, { 792, "TUR", "Turkey" }, { 784, "ARE", "United Arab Emirates" },
  { 887, "YEM", "Yemen" },
  { 56, "BEL", "Belgium" }, { 50, "BGD", "Bangladesh" }, { 112, "BLR", "Belarus" },
  { 124, "CAN", "Canada" }, { 156, "CHN", "China" }, { 203, "CZE", "Czech Republic" },
  { 208, "DNK", "Denmark" }, { 233, "EST", "Estonia" }, { 250, "FRA", "France" },
  { 276, "DEU", "Germany" }, { 356, "IND", "India" }, { 380, "ITA", "Italy" },
  { 528, "NLD", "Netherlands" }, { 578, "NOR", "Norway" }, { 586, "PAK", "Pakistan" },
  { 616, "POL", "Poland" }, { 620, "PRT", "Portugal" }, { 642, "ROU", "Romania" },
  { 643, "RUS", "Russia" }, { 724, "ESP", "Spain" }, { 752, "SWE", "Sweden" },
  { 804, "UKR", "Ukraine" }, { 826, "GBR", "United Kingdom" },
  { 840, "USA", "United States" }, { 840, "USA", "United States of America" },
};

/* Name fragments, as ACLED spells them, that say what an actor is
 * whatever its code.
 */
static const char * const mission_names[] = {
  "United Nations", "MINUSMA", "MONUSCO", "MINUSCA", "UNMISS", "UNAMID", "UNISFA",
  "UNIFIL", "UNSOM", "African Union", "AMISOM", "ATMIS", "AFISMA", "MISAHEL",
  "European Union", "EUTM", "EUCAP", "EUFOR", "ECOWAS", "ECOMIG", "SAMIDRC", "SAMIM",
  "G5 Sahel", "MNJTF", "Multinational Joint Task Force",
};

static const char * const private_military_names[] = {
  "Wagner", "Africa Corps", "Private Security Forces",
};

/* The bystander codes: not forces, so not actors on the map. */
#define INTER_RIOTERS     5
#define INTER_PROTESTERS  6
#define INTER_CIVILIANS   7
#define INTER_EXTERNAL    8
#define IS_BYSTANDER(inter) ((inter) >= INTER_RIOTERS && (inter) <= INTER_CIVILIANS)

typedef struct
{
  SbActor *actor;
  guint index;
  guint own_code : 1;       /* its kind came from its own inter code */
  guint foreign_by_name : 1;
} ActorEntry;

typedef struct
{
  SbSource *source;
  SbCitation *citation;
  gint16 min_year;
  gint16 max_year;
  const char *scales[MAX_SCALES];   /* from the import's string pool */
  guint n_scales;
  gboolean more_scales;
} SourceEntry;

typedef struct
{
  GPtrArray *citations;    /* of SbCitation: given to every event citing these */
  GPtrArray *entries;      /* of unowned SourceEntry */
} CitationSet;

typedef struct
{
  double lat;
  double lon;
  int geo_precision;
  const char *name;        /* stored after the key */
} PlaceKey;

typedef struct
{
  char *name;                    /* valid UTF-8 */
  SbCsvReader *csv;
  GCancellable *cancellable;
  int columns[N_COLUMNS];

  GPtrArray *problems;
  guint n_unlisted;
  guint n_rows;
  guint n_skipped;
  guint row;
  guint line;

  SbBriefingContents contents;
  GHashTable *by_id;             /* id → unowned SbEntity */
  GHashTable *id_counters;       /* slug → last suffix used */
  GHashTable *actors;            /* name → ActorEntry */
  GHashTable *sources;           /* name → SourceEntry */
  GHashTable *citation_sets;     /* source field → CitationSet */
  GHashTable *actor_sets;        /* actor indexes → GPtrArray of SbActor */
  GHashTable *places;            /* PlaceKey → unowned SbPlace */
  GHashTable *titles;            /* sub-event type → SbText */
  GHashTable *strings;           /* a pool for source scales */
  CitationSet *export_citations; /* for events that name no source */

  GString *scratch;
  GString *names;                /* actor names of a row, NUL-separated */
  GString *description;
  GArray *offsets;               /* of gsize: the names in @names */
  GArray *codes;                 /* of int: their inter codes */
  GArray *own;                   /* of gboolean: main actor, not associate */
  GPtrArray *row_actors;         /* of unowned ActorEntry */
  GPtrArray *bystanders;         /* of names in @names */

  SbCalendarDate latest;
  guint32 latest_day;
  gint16 min_year;
  gint16 max_year;

  /* The last country looked up, for rows in runs of one country. */
  char *last_iso;
  char *last_country_name;
  const char *last_country;
} Import;

/* Everything about a row, checked, before anything is made of it. */
typedef struct
{
  SbDate date;
  SbIncidentType type;
  double lat;
  double lon;
  int geo_precision;
  int inter[2];
  SbQuantity fatalities;
  const char *country;     /* alpha-3, or NULL; valid during the row */
} Row;

static void
actor_entry_free (ActorEntry *entry)
{
  g_free (entry);
}

static void
source_entry_free (SourceEntry *entry)
{
  sb_citation_unref (entry->citation);
  g_free (entry);
}

static void
citation_set_free (CitationSet *set)
{
  g_ptr_array_unref (set->citations);
  g_ptr_array_unref (set->entries);
  g_free (set);
}

static guint
place_key_hash (gconstpointer data)
{
  const PlaceKey *key = data;
  guint64 lat_bits, lon_bits;
  double lat = key->lat + 0.0, lon = key->lon + 0.0;   /* -0.0 is 0.0 */

  memcpy (&lat_bits, &lat, sizeof lat_bits);
  memcpy (&lon_bits, &lon, sizeof lon_bits);

  return g_str_hash (key->name) ^ (guint) (lat_bits ^ (lat_bits >> 32)) * 31u ^
         (guint) (lon_bits ^ (lon_bits >> 29)) ^ (guint) key->geo_precision;
}

static gboolean
place_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const PlaceKey *key_a = a;
  const PlaceKey *key_b = b;

  return key_a->lat == key_b->lat && key_a->lon == key_b->lon &&
         key_a->geo_precision == key_b->geo_precision &&
         g_str_equal (key_a->name, key_b->name);
}

/* Ids */

/* Lower-case ASCII letters and digits in groups joined by single hyphens,
 * transliterated where it can be ("Kidal-Région" → "kidal-region"); cut
 * between words to at most @max_length.
 */
static void
append_slug (GString    *slug,
             const char *name,
             gsize       max_length)
{
  g_autofree char *ascii = NULL;
  gsize start = slug->len;
  gboolean hyphen = FALSE;
  gboolean plain = TRUE;

  for (const char *p = name; *p != '\0' && plain; p++)
    plain = (guchar) *p < 0x80;
  if (!plain)
    name = ascii = g_str_to_ascii (name, "C");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && slug->len > start)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else
        hyphen = TRUE;

      if (slug->len - start > max_length)
        {
          gsize cut = start + max_length;

          while (cut > start + max_length / 2 && slug->str[cut] != '-')
            cut--;
          g_string_truncate (slug, slug->str[cut] == '-' ? cut : start + max_length);
          break;
        }
    }
}

/**
 * _sb_import_make_id:
 * @by_id: the ids taken so far
 * @counters: (nullable): slug → the last number added to make it unique,
 *   so that a thousand places of one name do not each try every number
 * @prefix: (nullable): put before the slug of @name
 * @fallback: the slug when @name gives none
 *
 * Returns: (transfer full): an id made from @name, not in @by_id, never
 *   of the form "acled-…" that event ids take
 */
char *
_sb_import_make_id (GHashTable *by_id,
                    GHashTable *counters,
                    const char *prefix,
                    const char *name,
                    const char *fallback)
{
  g_autoptr(GString) slug = g_string_new (prefix);
  gsize base_length;
  guint n;

  append_slug (slug, name ? name : "", MAX_SLUG_BASE);
  if (slug->len == (prefix ? strlen (prefix) : 0))
    g_string_append (slug, fallback);
  if (g_str_has_prefix (slug->str, "acled-"))
    g_string_prepend (slug, "x-");

  if (!g_hash_table_contains (by_id, slug->str))
    return g_string_free (g_steal_pointer (&slug), FALSE);

  base_length = slug->len;
  n = counters ? GPOINTER_TO_UINT (g_hash_table_lookup (counters, slug->str)) : 0;
  n = MAX (n, 1);

  do
    {
      g_string_truncate (slug, base_length);
      g_string_append_printf (slug, "-%u", ++n);
    }
  while (g_hash_table_contains (by_id, slug->str));

  if (counters != NULL)
    {
      g_autofree char *base = g_strndup (slug->str, base_length);

      g_hash_table_replace (counters, g_steal_pointer (&base), GUINT_TO_POINTER (n));
    }

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

/**
 * _sb_import_text_new_take:
 * @string: (transfer full): UTF-8
 *
 * Control characters other than tab and line break have no place in a
 * briefing's text, and json-glib 1.6 writes U+001F unescaped, so that the
 * briefing would not load again once saved: they become spaces.
 *
 * Returns: (transfer full): an English text
 */
SbText *
_sb_import_text_new_take (char *string)
{
  for (char *p = string; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      *p = ' ';

  return sb_text_new_take ("en", string);
}

SbText *
_sb_import_text_new (const char *string)
{
  return _sb_import_text_new_take (g_strdup (string));
}

/* Countries */

static const char *
country_by_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_ascii_strcasecmp (countries[i].name, name) == 0)
      return countries[i].alpha3;

  return NULL;
}

static const char *
country_by_number (guint number)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (countries[i].numeric == number)
      return countries[i].alpha3;

  return NULL;
}

/* The country an actor's name gives: "Military Forces of Mali (2021-)",
 * "Military Forces of the United States (2021-)".
 */
static const char *
country_in_actor_name (const char *name,
                       char       *buffer,
                       gsize       size)
{
  const char *of = strstr (name, " of ");
  const char *end;

  if (of == NULL)
    return NULL;

  of += strlen (" of ");
  if (g_str_has_prefix (of, "the "))
    of += strlen ("the ");

  end = strstr (of, " (");
  if (end == NULL)
    end = of + strlen (of);
  if ((gsize) (end - of) >= size)
    return NULL;

  memcpy (buffer, of, end - of);
  buffer[end - of] = '\0';
  return buffer;
}

/* Actor kinds */

static gboolean
name_contains_any (const char         *name,
                   const char * const *fragments,
                   guint               n_fragments)
{
  for (guint i = 0; i < n_fragments; i++)
    if (strstr (name, fragments[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * _sb_import_guess_actor_kind:
 * @country: (nullable): the ISO alpha-3 code of the country the actor is
 *   seen in
 * @fallback: the kind when the name says nothing
 *
 * Returns: the kind an actor's name makes plain: missions, private
 *   military companies, governments, a state's forces (foreign when the
 *   state is not @country)
 */
SbActorKind
_sb_import_guess_actor_kind (const char  *name,
                             const char  *country,
                             SbActorKind  fallback)
{
  char buffer[64];
  const char *named;

  if (name_contains_any (name, mission_names, G_N_ELEMENTS (mission_names)))
    return SB_ACTOR_KIND_INTERNATIONAL_MISSION;
  if (name_contains_any (name, private_military_names, G_N_ELEMENTS (private_military_names)))
    return SB_ACTOR_KIND_PRIVATE_MILITARY;
  if (g_str_has_prefix (name, "Government of "))
    return SB_ACTOR_KIND_GOVERNMENT;
  if (!g_str_has_prefix (name, "Military Forces of ") && !g_str_has_prefix (name, "Police Forces of "))
    return fallback;

  named = country_in_actor_name (name, buffer, sizeof buffer);
  named = named ? country_by_name (named) : NULL;
  if (named != NULL && country != NULL && !g_str_equal (named, country))
    return SB_ACTOR_KIND_FOREIGN_FORCES;

  return SB_ACTOR_KIND_NATIONAL_FORCES;
}

/* inter1 and inter2: codes, or since 2024 the labels. 0 is no actor. */
static int
parse_inter (const char *value)
{
  static const struct {
    const char *label;
    int code;
  } labels[] = {
    { "state forces", 1 }, { "rebel group", 2 }, { "political militia", 3 },
    { "identity militia", 4 }, { "rioters", INTER_RIOTERS }, { "protesters", INTER_PROTESTERS },
    { "civilians", INTER_CIVILIANS }, { "external/other forces", INTER_EXTERNAL },
    { "external", INTER_EXTERNAL }, { "other forces", INTER_EXTERNAL },
  };

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (value[0]) && (value[1] == '\0' || g_ascii_isspace (value[1])))
    return value[0] <= '8' ? value[0] - '0' : -1;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_ascii_strncasecmp (value, labels[i].label, strlen (labels[i].label)) == 0)
      return labels[i].code;

  return -1;
}

/* Events */

static gboolean
strategic_development (const char     *sub_event_type,
                       SbIncidentType *type)
{
  if (g_ascii_strcasecmp (sub_event_type, "Arrests") == 0)
    *type = SB_INCIDENT_TYPE_ARREST;
  else if (g_ascii_strcasecmp (sub_event_type, "Agreement") == 0)
    *type = SB_INCIDENT_TYPE_AGREEMENT;
  else if (g_ascii_strcasecmp (sub_event_type, "Headquarters or base established") == 0)
    *type = SB_INCIDENT_TYPE_ARRIVAL;
  else
    *type = SB_INCIDENT_TYPE_OTHER;

  return TRUE;
}

static gboolean
parse_event_type (const char     *event_type,
                  const char     *sub_event_type,
                  SbIncidentType *type)
{
  static const struct {
    const char *name;
    SbIncidentType type;
  } types[] = {
    { "Battles", SB_INCIDENT_TYPE_CLASH },
    { "Explosions/Remote violence", SB_INCIDENT_TYPE_ATTACK },
    { "Violence against civilians", SB_INCIDENT_TYPE_CIVILIAN_HARM },
    { "Protests", SB_INCIDENT_TYPE_OTHER },
    { "Riots", SB_INCIDENT_TYPE_OTHER },
    /* Before 2019 */
    { "Battle-No change of territory", SB_INCIDENT_TYPE_CLASH },
    { "Battle-Government regains territory", SB_INCIDENT_TYPE_CLASH },
    { "Battle-Non-state actor overtakes territory", SB_INCIDENT_TYPE_CLASH },
    { "Remote violence", SB_INCIDENT_TYPE_ATTACK },
    { "Riots/Protests", SB_INCIDENT_TYPE_OTHER },
    { "Headquarters or base established", SB_INCIDENT_TYPE_ARRIVAL },
    { "Non-violent transfer of territory", SB_INCIDENT_TYPE_OTHER },
  };

  if (g_ascii_strcasecmp (event_type, "Strategic developments") == 0 ||
      g_ascii_strcasecmp (event_type, "Strategic development") == 0)
    return strategic_development (sub_event_type, type);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (g_ascii_strcasecmp (event_type, types[i].name) == 0)
        {
          *type = types[i].type;
          return TRUE;
        }
    }

  return FALSE;
}

static guint
parse_month_name (const char *p,
                  gsize       length)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };

  if (length < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (length <= strlen (months[i]) && g_ascii_strncasecmp (p, months[i], length) == 0)
      return i + 1;

  return 0;
}

/* "2022-08-15"; "15 August 2022", "15-August-2022", "15 Aug 2022",
 * "15/08/2022" and "15-08-2022": ACLED's exports over the years, and what
 * spreadsheets make of them. Days first, never months.
 */
static gboolean
parse_event_date (const char     *value,
                  SbCalendarDate *date)
{
  const char *p = value;
  guint day = 0, month = 0, year = 0, n;
  const char *word;

  while (g_ascii_isspace (*p))
    p++;

  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      g_ascii_isdigit (p[3]) && p[4] == '-')
    {
      char iso[11];

      memcpy (iso, p, 10);
      iso[10] = '\0';
      if (strnlen (p, 11) < 10)
        return FALSE;
      for (p += 10; g_ascii_isspace (*p); p++)
        ;
      return *p == '\0' && sb_calendar_date_parse (iso, date) &&
             date->precision == SB_DATE_PRECISION_DAY;
    }

  for (n = 0; g_ascii_isdigit (*p) && n < 2; p++, n++)
    day = day * 10 + (*p - '0');
  if (n == 0 || (*p != ' ' && *p != '-' && *p != '/'))
    return FALSE;
  p++;

  if (g_ascii_isdigit (*p))
    {
      for (n = 0; g_ascii_isdigit (*p) && n < 2; p++, n++)
        month = month * 10 + (*p - '0');
    }
  else
    {
      for (word = p; g_ascii_isalpha (*p); p++)
        ;
      month = parse_month_name (word, p - word);
      if (*p == '.')
        p++;
    }
  if (month == 0 || (*p != ' ' && *p != '-' && *p != '/'))
    return FALSE;
  p++;

  for (n = 0; g_ascii_isdigit (*p) && n < 4; p++, n++)
    year = year * 10 + (*p - '0');
  while (g_ascii_isspace (*p))
    p++;

  if (n != 4 || *p != '\0' || year < 1000 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  date->year = year;
  date->month = month;
  date->day = day;
  date->precision = SB_DATE_PRECISION_DAY;
  return TRUE;
}

static gboolean
parse_number (const char *value,
              double     *number)
{
  char *end;

  while (g_ascii_isspace (*value))
    value++;
  if (*value == '\0')
    return FALSE;

  *number = g_ascii_strtod (value, &end);
  while (g_ascii_isspace (*end))
    end++;

  return *end == '\0' && end != value && isfinite (*number);
}

/* time_precision and geo_precision: 1, 2 or 3; -1 for anything else. */
static int
parse_precision (const char *value)
{
  double number;

  if (!parse_number (value, &number) || (number != 1 && number != 2 && number != 3))
    return -1;

  return (int) number;
}

/* Problems */

static void report (Import        *self,
                    SbProblemCode  code,
                    const char    *column,
                    const char    *format,
                    ...) G_GNUC_PRINTF (4, 5);

/* At @column of the current row; with the 100th problem the list stops. */
static void
report (Import        *self,
        SbProblemCode  code,
        const char    *column,
        const char    *format,
        ...)
{
  g_autofree char *path = NULL;
  SbProblem *problem;
  va_list args;

  if (self->row == 0)
    path = NULL;
  else if (column != NULL)
    path = g_strdup_printf (_("row %u, %s"), self->row, column);
  else
    path = g_strdup_printf (_("row %u"), self->row);

  va_start (args, format);
  problem = _sb_import_report_valist (self->problems, &self->n_unlisted, code, path, format, args);
  va_end (args);

  if (problem != NULL)
    problem->line = self->line;
}

/* Fields */

static const char *
field (Import *self,
       Column  column)
{
  if (self->columns[column] < 0)
    return "";

  return sb_csv_reader_get_field (self->csv, self->columns[column], NULL);
}

static gboolean
is_blank (const char *value)
{
  while (g_ascii_isspace (*value))
    value++;

  return *value == '\0';
}

/* The column an event's id is in: event_id_cnty, else data_id. */
static Column
id_column (Import *self)
{
  return self->columns[COL_EVENT_ID_CNTY] >= 0 ? COL_EVENT_ID_CNTY : COL_DATA_ID;
}

static gboolean
read_header (Import *self)
{
  static const struct {
    Column column;
    Column alternative;
    const char *label;
  } required[] = {
    { COL_EVENT_ID_CNTY, COL_DATA_ID, "event_id_cnty (or data_id)" },
    { COL_EVENT_DATE, COL_EVENT_DATE, "event_date" },
    { COL_EVENT_TYPE, COL_EVENT_TYPE, "event_type" },
    { COL_LATITUDE, COL_LATITUDE, "latitude" },
    { COL_LONGITUDE, COL_LONGITUDE, "longitude" },
    { COL_LOCATION, COL_COUNTRY, "location (or country)" },
  };
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    self->columns[c] = -1;

  for (guint i = 0; i < sb_csv_reader_get_n_fields (self->csv); i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (sb_csv_reader_get_field (self->csv, i, NULL), -1));

      for (guint c = 0; c < N_COLUMNS; c++)
        if (self->columns[c] < 0 && g_str_equal (name, column_names[c]))
          self->columns[c] = i;

      /* Before 2019 the associated actors were called allies. */
      if (g_str_equal (name, "ally_actor_1") && self->columns[COL_ASSOC_ACTOR_1] < 0)
        self->columns[COL_ASSOC_ACTOR_1] = i;
      else if (g_str_equal (name, "ally_actor_2") && self->columns[COL_ASSOC_ACTOR_2] < 0)
        self->columns[COL_ASSOC_ACTOR_2] = i;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (self->columns[required[i].column] >= 0 || self->columns[required[i].alternative] >= 0)
        continue;

      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", required[i].label);
      n_missing++;
    }

  if (n_missing > 0)
    {
      report (self, SB_PROBLEM_MISSING_FIELD, NULL,
              g_dngettext (GETTEXT_PACKAGE,
                           "this is not an ACLED export: its header lacks the column %s",
                           "this is not an ACLED export: its header lacks the columns %s",
                           n_missing),
              missing->str);
      return FALSE;
    }

  return TRUE;
}

/* The event's country as an ISO alpha-3 code, or NULL. */
static const char *
row_country (Import *self)
{
  const char *iso3 = field (self, COL_ISO3);
  const char *iso = field (self, COL_ISO);
  const char *name = field (self, COL_COUNTRY);
  const char *found = NULL;

  /* Valid while the row is read: enough for the place made from it. */
  if (strlen (iso3) == 3 && g_ascii_isupper (iso3[0]) && g_ascii_isupper (iso3[1]) &&
      g_ascii_isupper (iso3[2]))
    return iso3;

  if (self->last_iso != NULL && g_str_equal (iso, self->last_iso) &&
      g_str_equal (name, self->last_country_name))
    return self->last_country;

  if (!is_blank (iso))
    found = country_by_number (strtoul (iso, NULL, 10));
  if (found == NULL && !is_blank (name))
    found = country_by_name (name);

  g_free (self->last_iso);
  g_free (self->last_country_name);
  self->last_iso = g_strdup (iso);
  self->last_country_name = g_strdup (name);
  self->last_country = found;

  return found;
}

static gboolean
check_actor_code (Import     *self,
                  Column      name_column,
                  Column      inter_column,
                  int        *inter)
{
  const char *name = field (self, name_column);
  const char *value = field (self, inter_column);

  *inter = 0;
  if (is_blank (name))
    return TRUE;

  /* Without the column, the name is all there is. */
  if (self->columns[inter_column] < 0)
    {
      if (g_str_has_prefix (name, "Civilians"))
        *inter = INTER_CIVILIANS;
      else if (g_str_has_prefix (name, "Protesters"))
        *inter = INTER_PROTESTERS;
      else if (g_str_has_prefix (name, "Rioters"))
        *inter = INTER_RIOTERS;
      else
        *inter = 2;
      return TRUE;
    }

  *inter = parse_inter (value);
  if (*inter <= 0)
    {
      report (self, SB_PROBLEM_BAD_VALUE, column_names[inter_column],
              _("“%s” is not an actor type: expected a code from 1 to 8 or a label such as “State forces”"),
              value);
      return FALSE;
    }

  return TRUE;
}

/* Checks every field the event needs; reports the first that is wrong. */
static gboolean
check_row (Import *self,
           Row    *row)
{
  const char *value;
  int precision;

  memset (row, 0, sizeof *row);

  value = field (self, id_column (self));
  if (is_blank (value))
    {
      report (self, SB_PROBLEM_MISSING_FIELD, column_names[id_column (self)], _("the event has no id"));
      return FALSE;
    }

  value = field (self, COL_EVENT_DATE);
  if (!parse_event_date (value, &row->date.start))
    {
      report (self, SB_PROBLEM_BAD_DATE, "event_date",
              _("“%s” is not a date; expected a day such as “2022-08-15” or “15 August 2022”"), value);
      return FALSE;
    }

  value = field (self, COL_TIME_PRECISION);
  precision = is_blank (value) ? 1 : parse_precision (value);
  if (precision < 1 || precision > 3)
    {
      report (self, SB_PROBLEM_BAD_VALUE, "time_precision",
              _("“%s” is not a time precision; expected 1, 2 or 3"), value);
      return FALSE;
    }
  if (precision == 2)
    row->date.approximate = TRUE;
  else if (precision == 3)
    {
      row->date.start.day = 0;
      row->date.start.precision = SB_DATE_PRECISION_MONTH;
    }

  value = field (self, COL_EVENT_TYPE);
  if (!parse_event_type (value, field (self, COL_SUB_EVENT_TYPE), &row->type))
    {
      report (self, SB_PROBLEM_UNKNOWN_VALUE, "event_type",
              _("unknown event type “%s”; expected one of: Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments"),
              value);
      return FALSE;
    }

  value = field (self, COL_LATITUDE);
  if (!parse_number (value, &row->lat))
    {
      report (self, SB_PROBLEM_BAD_VALUE, "latitude", _("“%s” is not a number"), value);
      return FALSE;
    }
  if (row->lat < -90 || row->lat > 90)
    {
      report (self, SB_PROBLEM_OUT_OF_RANGE, "latitude",
              _("%s is out of range: latitude runs from -90 to 90"), value);
      return FALSE;
    }

  value = field (self, COL_LONGITUDE);
  if (!parse_number (value, &row->lon))
    {
      report (self, SB_PROBLEM_BAD_VALUE, "longitude", _("“%s” is not a number"), value);
      return FALSE;
    }
  if (row->lon < -180 || row->lon > 180)
    {
      report (self, SB_PROBLEM_OUT_OF_RANGE, "longitude",
              _("%s is out of range: longitude runs from -180 to 180"), value);
      return FALSE;
    }

  value = field (self, COL_GEO_PRECISION);
  row->geo_precision = is_blank (value) ? 2 : parse_precision (value);
  if (row->geo_precision < 1 || row->geo_precision > 3)
    {
      report (self, SB_PROBLEM_BAD_VALUE, "geo_precision",
              _("“%s” is not a place precision; expected 1, 2 or 3"), value);
      return FALSE;
    }

  if (is_blank (field (self, COL_LOCATION)) && is_blank (field (self, COL_ADMIN1)) &&
      is_blank (field (self, COL_COUNTRY)))
    {
      report (self, SB_PROBLEM_MISSING_FIELD, "location", _("the event has no place name"));
      return FALSE;
    }

  if (!check_actor_code (self, COL_ACTOR1, COL_INTER1, &row->inter[0]) ||
      !check_actor_code (self, COL_ACTOR2, COL_INTER2, &row->inter[1]))
    return FALSE;

  value = field (self, COL_FATALITIES);
  if (!is_blank (value))
    {
      double fatalities;

      if (!parse_number (value, &fatalities) || fatalities < 0 || fatalities != floor (fatalities))
        {
          report (self, SB_PROBLEM_BAD_VALUE, "fatalities",
                  _("“%s” is not a number of fatalities: expected a whole number, 0 or more"), value);
          return FALSE;
        }
      row->fatalities.min = row->fatalities.max = fatalities;
      row->fatalities.is_set = TRUE;
    }

  row->country = row_country (self);
  return TRUE;
}

/* Sources */

static void
add_scale (Import      *self,
           SourceEntry *entry,
           const char  *scale)
{
  const char *pooled;

  if (is_blank (scale))
    return;

  for (guint i = 0; i < entry->n_scales; i++)
    if (g_str_equal (entry->scales[i], scale))
      return;

  if (entry->n_scales == MAX_SCALES)
    {
      entry->more_scales = TRUE;
      return;
    }

  pooled = g_hash_table_lookup (self->strings, scale);
  if (pooled == NULL)
    {
      char *copy = g_strdup (scale);

      g_hash_table_add (self->strings, copy);
      pooled = copy;
    }

  entry->scales[entry->n_scales++] = pooled;
}

static SourceEntry *
get_source (Import     *self,
            const char *name)
{
  SourceEntry *entry = g_hash_table_lookup (self->sources, name);
  g_autofree char *id = NULL;

  if (entry != NULL)
    return entry;

  id = _sb_import_make_id (self->by_id, self->id_counters, "source-", name, "source");
  entry = g_new0 (SourceEntry, 1);
  entry->source = _sb_source_new (id);
  entry->source->title = _sb_import_text_new (name);
  entry->source->language = g_strdup ("en");
  entry->citation = sb_citation_new (entry->source, NULL);
  entry->min_year = G_MAXINT16;
  entry->max_year = 0;

  g_ptr_array_add (self->contents.sources, entry->source);
  g_hash_table_insert (self->by_id, (char *) sb_entity_get_id (SB_ENTITY (entry->source)), entry->source);
  g_hash_table_insert (self->sources, g_strdup (name), entry);

  return entry;
}

static CitationSet *
new_citation_set (void)
{
  CitationSet *set = g_new0 (CitationSet, 1);

  set->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  set->entries = g_ptr_array_new ();
  return set;
}

static void
add_to_citation_set (CitationSet *set,
                     SourceEntry *entry)
{
  if (g_ptr_array_find (set->entries, entry, NULL))
    return;

  g_ptr_array_add (set->entries, entry);
  g_ptr_array_add (set->citations, sb_citation_ref (entry->citation));
}

/* The export itself, for events that name no source. */
static CitationSet *
get_export_citations (Import *self)
{
  g_autofree char *title = NULL;
  SourceEntry *entry;

  if (self->export_citations != NULL)
    return self->export_citations;

  title = g_strdup_printf ("ACLED export “%s”", self->name);
  entry = get_source (self, title);
  entry->source->publisher = g_strdup ("ACLED");
  entry->source->note = sb_text_new ("en", "The ACLED export this briefing was imported from, cited by events that name no source of their own.");

  self->export_citations = new_citation_set ();
  add_to_citation_set (self->export_citations, entry);
  return self->export_citations;
}

/* "Reuters; Radio France Internationale": one citation each, the set
 * shared by every event that names the same.
 */
static CitationSet *
get_citations (Import     *self,
               const char *sources)
{
  CitationSet *set;
  char **names;

  if (is_blank (sources))
    return get_export_citations (self);

  set = g_hash_table_lookup (self->citation_sets, sources);
  if (set != NULL)
    return set;

  set = new_citation_set ();
  names = g_strsplit (sources, ";", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (*names[i] != '\0')
        add_to_citation_set (set, get_source (self, names[i]));
    }
  g_strfreev (names);

  if (set->entries->len == 0)
    {
      citation_set_free (set);
      return get_export_citations (self);
    }

  g_hash_table_insert (self->citation_sets, g_strdup (sources), set);
  return set;
}

static void
note_sources (Import      *self,
              CitationSet *set,
              gint16       year,
              const char  *scale)
{
  for (guint i = 0; i < set->entries->len; i++)
    {
      SourceEntry *entry = g_ptr_array_index (set->entries, i);

      entry->min_year = MIN (entry->min_year, year);
      entry->max_year = MAX (entry->max_year, year);
      if (set != self->export_citations)
        add_scale (self, entry, scale);
    }
}

static void
year_span (SbDate *date,
           gint16  min_year,
           gint16  max_year)
{
  memset (date, 0, sizeof *date);
  date->start.year = min_year;
  date->start.precision = SB_DATE_PRECISION_YEAR;

  if (max_year != min_year)
    {
      date->end.year = max_year;
      date->end.precision = SB_DATE_PRECISION_YEAR;
      date->is_span = TRUE;
    }
}

/* Dates and notes, now that every event citing the source is known. */
static void
finish_sources (Import *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->sources);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SourceEntry *entry = value;
      g_autoptr(GString) note = NULL;

      year_span (&entry->source->date, entry->min_year, entry->max_year);

      if (entry->n_scales == 0)
        continue;

      note = g_string_new ("Named as a source in ACLED data; ACLED gives its name, not its text. ");
      g_string_append (note, entry->n_scales == 1 ? "Source scale: " : "Source scales: ");
      for (guint i = 0; i < entry->n_scales; i++)
        g_string_append_printf (note, "%s%s", i > 0 ? "; " : "", entry->scales[i]);
      g_string_append (note, entry->more_scales ? "; …" : ".");

      entry->source->note = _sb_import_text_new_take (g_string_free (g_steal_pointer (&note), FALSE));
    }
}

/* Actors */

/* How ACLED's code and the actor's name say what kind of actor it is. A
 * state's forces named as such are national at home, foreign abroad,
 * whatever the code; an associate of state forces that the name does not
 * place (a communal militia fighting beside the army) is an armed group.
 *
 * Returns: %FALSE for rioters, protesters and civilians: not forces
 */
static gboolean
classify_actor (int          inter,
                gboolean     own_code,
                const char  *name,
                const char  *event_country,
                SbActorKind *kind,
                gboolean    *foreign_by_name)
{
  *foreign_by_name = FALSE;

  if (IS_BYSTANDER (inter))
    return FALSE;

  switch (inter)
    {
    case 1:
      *kind = _sb_import_guess_actor_kind (name, event_country,
                                           own_code ? SB_ACTOR_KIND_NATIONAL_FORCES : SB_ACTOR_KIND_ARMED_GROUP);
      *foreign_by_name = *kind == SB_ACTOR_KIND_FOREIGN_FORCES;
      break;

    case INTER_EXTERNAL:
      *kind = _sb_import_guess_actor_kind (name, event_country, SB_ACTOR_KIND_FOREIGN_FORCES);
      if (*kind == SB_ACTOR_KIND_NATIONAL_FORCES && event_country == NULL)
        *kind = SB_ACTOR_KIND_FOREIGN_FORCES;
      break;

    default:
      *kind = _sb_import_guess_actor_kind (name, NULL, SB_ACTOR_KIND_ARMED_GROUP);
      if (*kind == SB_ACTOR_KIND_NATIONAL_FORCES || *kind == SB_ACTOR_KIND_GOVERNMENT)
        *kind = SB_ACTOR_KIND_ARMED_GROUP;
      break;
    }

  return TRUE;
}

static gpointer
copy_citation (gconstpointer citation,
               gpointer      user_data)
{
  return sb_citation_ref ((SbCitation *) citation);
}

static ActorEntry *
get_actor (Import      *self,
           const char  *name,
           int          inter,
           gboolean     own_code,
           const Row   *row,
           CitationSet *citations)
{
  ActorEntry *entry = g_hash_table_lookup (self->actors, name);
  SbActorKind kind = SB_ACTOR_KIND_ARMED_GROUP;
  gboolean foreign_by_name;
  g_autofree char *id = NULL;
  char buffer[64];
  const char *named;

  /* Most rows name actors already known, as they were known. */
  if (entry != NULL && (entry->own_code || !own_code) && !(entry->foreign_by_name && inter == 1))
    return entry;

  classify_actor (inter, own_code, name, row->country, &kind, &foreign_by_name);

  if (entry != NULL)
    {
      /* A name seen first as someone's associate gets its own code when
       * it acts in its own right; forces seen abroad first are national
       * once seen at home.
       */
      if (own_code && (!entry->own_code || (entry->foreign_by_name && !foreign_by_name && inter == 1)))
        {
          entry->actor->kind = kind;
          entry->own_code = TRUE;
          entry->foreign_by_name = foreign_by_name;
        }
      return entry;
    }

  id = _sb_import_make_id (self->by_id, self->id_counters, NULL, name, "actor");
  entry = g_new0 (ActorEntry, 1);
  entry->actor = _sb_actor_new (id);
  entry->actor->name = _sb_import_text_new (name);
  entry->actor->kind = kind;
  entry->index = self->contents.actors->len;
  entry->own_code = own_code;
  entry->foreign_by_name = foreign_by_name;
  g_ptr_array_extend (entry->actor->citations, citations->citations, copy_citation, NULL);

  /* A state's forces and government belong to the state they name. */
  named = kind == SB_ACTOR_KIND_NATIONAL_FORCES || kind == SB_ACTOR_KIND_FOREIGN_FORCES ||
          kind == SB_ACTOR_KIND_GOVERNMENT ? country_in_actor_name (name, buffer, sizeof buffer) : NULL;
  if (named != NULL && country_by_name (named) != NULL)
    entry->actor->country = g_strdup (country_by_name (named));

  g_ptr_array_add (self->contents.actors, entry->actor);
  g_hash_table_insert (self->by_id, (char *) sb_entity_get_id (SB_ENTITY (entry->actor)), entry->actor);
  g_hash_table_insert (self->actors, g_strdup (name), entry);

  return entry;
}

static void
add_bystander (Import     *self,
               const char *name)
{
  for (guint i = 0; i < self->bystanders->len; i++)
    if (g_str_equal (g_ptr_array_index (self->bystanders, i), name))
      return;

  g_ptr_array_add (self->bystanders, (gpointer) name);
}

/* Appends the trimmed names of "A; B" to self->names, each followed by a
 * NUL, and their offsets (a GString moves as it grows) to self->offsets,
 * each with the side's code.
 */
static void
add_names (Import     *self,
           const char *value,
           gboolean    split,
           int         inter)
{
  const char *p = value;

  while (*p != '\0')
    {
      const char *end = split ? strchr (p, ';') : NULL;
      const char *stop = end ? end : p + strlen (p);
      gsize offset = self->names->len;
      gboolean own = !split;

      while (p < stop && g_ascii_isspace (*p))
        p++;
      while (stop > p && g_ascii_isspace (stop[-1]))
        stop--;

      if (stop > p)
        {
          g_string_append_len (self->names, p, stop - p);
          g_string_append_c (self->names, '\0');
          g_array_append_val (self->offsets, offset);
          g_array_append_val (self->codes, inter);
          g_array_append_val (self->own, own);
        }

      if (end == NULL)
        break;
      p = end + 1;
    }
}

/* The actors of the row, initiator first, in self->row_actors; the
 * bystanders' names in self->bystanders.
 */
static void
collect_actors (Import      *self,
                const Row   *row,
                CitationSet *citations)
{
  static const Column name_columns[2] = { COL_ACTOR1, COL_ACTOR2 };
  static const Column assoc_columns[2] = { COL_ASSOC_ACTOR_1, COL_ASSOC_ACTOR_2 };

  g_string_truncate (self->names, 0);
  g_array_set_size (self->offsets, 0);
  g_array_set_size (self->codes, 0);
  g_array_set_size (self->own, 0);
  g_ptr_array_set_size (self->row_actors, 0);
  g_ptr_array_set_size (self->bystanders, 0);

  for (guint side = 0; side < 2; side++)
    {
      const char *name = field (self, name_columns[side]);

      if (is_blank (name))
        continue;

      /* Associates share the side's code: those of civilians are civilians. */
      add_names (self, name, FALSE, row->inter[side]);
      add_names (self, field (self, assoc_columns[side]), TRUE, row->inter[side]);
    }

  for (guint i = 0; i < self->offsets->len; i++)
    {
      const char *name = self->names->str + g_array_index (self->offsets, gsize, i);
      int inter = g_array_index (self->codes, int, i);
      ActorEntry *entry;

      if (IS_BYSTANDER (inter))
        {
          add_bystander (self, name);
          continue;
        }

      entry = get_actor (self, name, inter, g_array_index (self->own, gboolean, i), row, citations);
      if (!g_ptr_array_find (self->row_actors, entry, NULL))
        g_ptr_array_add (self->row_actors, entry);
    }
}

/* The same actors in the same order share one array. */
static GPtrArray *
get_actor_array (Import *self)
{
  GPtrArray *actors;

  if (self->row_actors->len == 0)
    return NULL;

  /* The key: the actors' indexes, as digits from 'A', comma-separated. */
  g_string_truncate (self->scratch, 0);
  for (guint i = 0; i < self->row_actors->len; i++)
    {
      guint index = ((ActorEntry *) g_ptr_array_index (self->row_actors, i))->index;

      do
        {
          g_string_append_c (self->scratch, 'A' + index % 16);
          index /= 16;
        }
      while (index > 0);
      g_string_append_c (self->scratch, ',');
    }

  actors = g_hash_table_lookup (self->actor_sets, self->scratch->str);
  if (actors == NULL)
    {
      actors = g_ptr_array_sized_new (self->row_actors->len);
      for (guint i = 0; i < self->row_actors->len; i++)
        g_ptr_array_add (actors, ((ActorEntry *) g_ptr_array_index (self->row_actors, i))->actor);
      g_hash_table_insert (self->actor_sets, g_strdup (self->scratch->str), actors);
    }

  return g_ptr_array_ref (actors);
}

/* Places */

static SbPlace *
get_place (Import    *self,
           const Row *row)
{
  static const double radius_km[] = { 0, 5, 25, 100 };
  const char *location = field (self, COL_LOCATION);
  const char *admin1 = field (self, COL_ADMIN1);
  PlaceKey key = { row->lat, row->lon, row->geo_precision, NULL };
  PlaceKey *stored;
  SbPlace *place;
  g_autofree char *id = NULL;

  g_string_truncate (self->scratch, 0);
  if (!is_blank (location))
    {
      g_string_append (self->scratch, location);
      if (!is_blank (admin1) && g_strcmp0 (admin1, location) != 0)
        g_string_append_printf (self->scratch, ", %s", admin1);
    }
  else if (!is_blank (admin1))
    g_string_append (self->scratch, admin1);
  else
    g_string_append (self->scratch, field (self, COL_COUNTRY));
  g_strstrip (self->scratch->str);
  g_string_set_size (self->scratch, strlen (self->scratch->str));

  key.name = self->scratch->str;
  place = g_hash_table_lookup (self->places, &key);
  if (place != NULL)
    return place;

  id = _sb_import_make_id (self->by_id, self->id_counters, NULL,
                           is_blank (location) ? self->scratch->str : location, "place");
  place = _sb_place_new (id);
  place->name = _sb_import_text_new (self->scratch->str);
  place->lat = row->lat;
  place->lon = row->lon;
  place->precision = row->geo_precision == 3 ? SB_PLACE_PRECISION_REGION : SB_PLACE_PRECISION_NEAR;
  place->radius_km = radius_km[row->geo_precision];
  place->country = g_strdup (row->country);

  /* The key keeps the name as the file gives it: it may be cleaned. */
  stored = g_malloc (sizeof (PlaceKey) + self->scratch->len + 1);
  *stored = key;
  stored->name = memcpy (stored + 1, self->scratch->str, self->scratch->len + 1);

  g_ptr_array_add (self->contents.places, place);
  g_hash_table_insert (self->by_id, (char *) sb_entity_get_id (SB_ENTITY (place)), place);
  g_hash_table_insert (self->places, stored, place);

  return place;
}

/* Events */

static SbText *
get_title (Import *self)
{
  const char *title = field (self, COL_SUB_EVENT_TYPE);
  SbText *text;

  if (is_blank (title))
    title = field (self, COL_EVENT_TYPE);

  text = g_hash_table_lookup (self->titles, title);
  if (text == NULL)
    {
      text = _sb_import_text_new (title);
      g_hash_table_insert (self->titles, g_strdup (title), text);
    }

  return sb_text_ref (text);
}

/* The notes, and who else was there that is not shown as an actor. The
 * text is data, in English like ACLED's notes: not translated.
 */
static SbText *
make_description (Import  *self,
                  SbText  *title,
                  SbPlace *place)
{
  const char *notes = field (self, COL_NOTES);
  GString *description = self->description;

  g_string_truncate (description, 0);

  if (!is_blank (notes))
    {
      g_string_append (description, notes);
      g_strstrip (description->str);
      g_string_set_size (description, strlen (description->str));
    }
  else
    g_string_append_printf (description, "%s at %s.",
                            sb_text_get_string_at (title, 0),
                            sb_text_get_string_at (place->name, 0));

  if (self->bystanders->len > 0)
    {
      g_string_append (description, description->len > 0 ? "\n\nAlso involved: " : "Also involved: ");
      for (guint i = 0; i < self->bystanders->len; i++)
        g_string_append_printf (description, "%s%s", i > 0 ? "; " : "",
                                (const char *) g_ptr_array_index (self->bystanders, i));
      g_string_append_c (description, '.');
    }

  return _sb_import_text_new_take (g_strndup (description->str, description->len));
}

static void
import_row (Import *self)
{
  Row row;
  CitationSet *citations;
  SbItem *item;
  SbPlace *place;

  if (!check_row (self, &row))
    {
      self->n_skipped++;
      return;
    }

  g_string_assign (self->scratch, "acled-");
  append_slug (self->scratch, field (self, id_column (self)), MAX_ID_LENGTH);
  if (self->scratch->len > MAX_ID_LENGTH || self->scratch->len == strlen ("acled-"))
    {
      report (self, SB_PROBLEM_BAD_VALUE, column_names[id_column (self)],
              _("“%s” cannot be made an id: use letters and digits, at most %d"),
              field (self, id_column (self)), MAX_ID_LENGTH - (int) strlen ("acled-"));
      self->n_skipped++;
      return;
    }
  if (g_hash_table_contains (self->by_id, self->scratch->str))
    {
      report (self, SB_PROBLEM_DUPLICATE_ID, column_names[id_column (self)],
              _("the event “%s” is in the file twice; the first is kept"),
              field (self, id_column (self)));
      self->n_skipped++;
      return;
    }

  item = _sb_item_new (self->scratch->str, SB_ITEM_KIND_INCIDENT);
  citations = get_citations (self, field (self, COL_SOURCE));
  note_sources (self, citations, row.date.start.year, field (self, COL_SOURCE_SCALE));
  collect_actors (self, &row, citations);
  place = get_place (self, &row);

  item->title = get_title (self);
  item->description = make_description (self, item->title, place);
  item->date = row.date;
  item->first_day = sb_date_get_first_day (&item->date);
  item->evidence.certainty = SB_CERTAINTY_REPORTED;
  item->evidence.citations = g_ptr_array_ref (citations->citations);
  item->actors = get_actor_array (self);
  item->place = place;
  item->subtype = row.type;
  item->quantity = row.fatalities;

  g_ptr_array_add (self->contents.items[SB_ITEM_KIND_INCIDENT], item);
  g_hash_table_insert (self->by_id, (char *) sb_entity_get_id (SB_ENTITY (item)), item);

  if (item->first_day > self->latest_day)
    {
      self->latest_day = item->first_day;
      self->latest = row.date.start;
    }
  self->min_year = MIN (self->min_year, row.date.start.year);
  self->max_year = MAX (self->max_year, row.date.start.year);
}

static void
import_init (Import     *self,
             const char *name)
{
  memset (self, 0, sizeof *self);

  self->name = g_utf8_make_valid (name, -1);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->id_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) actor_entry_free);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) source_entry_free);
  self->citation_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) citation_set_free);
  self->actor_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->places = g_hash_table_new_full (place_key_hash, place_key_equal, g_free, NULL);
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sb_text_unref);
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->scratch = g_string_sized_new (256);
  self->names = g_string_sized_new (256);
  self->description = g_string_sized_new (1024);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->codes = g_array_new (FALSE, FALSE, sizeof (int));
  self->own = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->row_actors = g_ptr_array_new ();
  self->bystanders = g_ptr_array_new ();
  self->min_year = G_MAXINT16;

  self->contents.sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->contents.actors = g_ptr_array_new_with_free_func (g_object_unref);
  self->contents.places = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    self->contents.items[i] = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->export_citations, citation_set_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->id_counters, g_hash_table_unref);
  g_clear_pointer (&self->actors, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->citation_sets, g_hash_table_unref);
  g_clear_pointer (&self->actor_sets, g_hash_table_unref);
  g_clear_pointer (&self->places, g_hash_table_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_hash_table_unref);
  g_string_free (self->scratch, TRUE);
  g_string_free (self->names, TRUE);
  g_string_free (self->description, TRUE);
  g_array_unref (self->offsets);
  g_array_unref (self->codes);
  g_array_unref (self->own);
  g_ptr_array_unref (self->row_actors);
  g_ptr_array_unref (self->bystanders);
  g_free (self->last_iso);
  g_free (self->last_country_name);
  _sb_briefing_contents_clear (&self->contents);
}

static void
report_bad_record (Import *self)
{
  report (self, sb_csv_reader_is_encoding_error (self->csv) ? SB_PROBLEM_ENCODING : SB_PROBLEM_SYNTAX,
          NULL, "%s", sb_csv_reader_get_message (self->csv));
}

/* Reads every row; FALSE when reading failed or was cancelled. */
static gboolean
read_rows (Import *self)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      SbCsvStatus status;

      if (self->n_rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (self->cancellable))
        {
          self->row = 0;
          report (self, SB_PROBLEM_IO, NULL, "%s", _("the import was cancelled"));
          return FALSE;
        }

      status = sb_csv_reader_next (self->csv, self->cancellable, &error);
      self->row = sb_csv_reader_get_record (self->csv);
      self->line = sb_csv_reader_get_line (self->csv);

      switch (status)
        {
        case SB_CSV_END:
          return TRUE;

        case SB_CSV_ERROR:
          self->row = 0;
          report (self, SB_PROBLEM_IO, NULL, "%s", error->message);
          return FALSE;

        case SB_CSV_BAD_RECORD:
          self->n_rows++;
          self->n_skipped++;
          report_bad_record (self);
          break;

        case SB_CSV_RECORD:
        default:
          self->n_rows++;
          import_row (self);
          break;
        }
    }
}

static char *
title_from_name (const char *name)
{
  if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV"))
    return g_strndup (name, strlen (name) - strlen (".csv"));

  return g_strdup (name);
}

static SbBriefing *
finish (Import *self)
{
  GPtrArray *incidents = self->contents.items[SB_ITEM_KIND_INCIDENT];

  finish_sources (self);

  self->contents.title = _sb_import_text_new_take (title_from_name (self->name));
  self->contents.language = g_strdup ("en");
  self->contents.date.start = self->latest;
  self->contents.description =
    _sb_import_text_new_take (g_strdup_printf ("Imported from the ACLED export “%s”: %u events, %u actors, %u places, %u sources.",
                                             self->name, incidents->len, self->contents.actors->len,
                                             self->contents.places->len, self->contents.sources->len));

  return _sb_briefing_new_take (&self->contents, g_steal_pointer (&self->by_id));
}

/**
 * sb_acled_import:
 * @name: (nullable): the file's name, for the briefing's title and the
 *   source that stands for the export
 * @problems: (out) (optional) (transfer full): what could not be imported,
 *   at most 100; rows with problems are skipped
 *
 * Reads an ACLED export from @stream; blocks, so call it from a thread.
 *
 * Returns: (transfer full) (nullable): the briefing, or %NULL if the data
 *   is not an ACLED export or holds no event that could be imported
 */
SbBriefing *
sb_acled_import (GInputStream  *stream,
                 const char    *name,
                 GCancellable  *cancellable,
                 GPtrArray    **problems)
{
  g_autoptr(SbCsvReader) csv = NULL;
  g_autoptr(GError) error = NULL;
  SbBriefing *briefing = NULL;
  SbCsvStatus status;
  Import import;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  import_init (&import, name ? name : "ACLED");
  import.cancellable = cancellable;
  import.csv = csv = sb_csv_reader_new (stream);

  status = sb_csv_reader_next (csv, cancellable, &error);
  import.line = 1;

  if (status == SB_CSV_ERROR)
    report (&import, SB_PROBLEM_IO, NULL, "%s", error->message);
  else if (status == SB_CSV_END)
    report (&import, SB_PROBLEM_NOT_BRIEFING, NULL, "%s",
            _("the file is empty: an ACLED export starts with a line of column names"));
  else if (status == SB_CSV_BAD_RECORD)
    report_bad_record (&import);
  else if (read_header (&import) && read_rows (&import))
    {
      if (import.contents.items[SB_ITEM_KIND_INCIDENT]->len > 0)
        briefing = finish (&import);
      else
        {
          import.row = 0;
          import.line = 0;
          report (&import, SB_PROBLEM_NOT_BRIEFING, NULL, "%s",
                  import.n_rows == 0 ? _("the file has column names but no events")
                                     : _("no event could be imported"));
        }
    }

  _sb_import_finish_problems (import.problems, import.n_unlisted);

  if (problems != NULL)
    *problems = g_ptr_array_ref (import.problems);

  import_clear (&import);
  return briefing;
}

/**
 * sb_acled_import_file:
 *
 * Imports @file with sb_acled_import(), named after its base name.
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_acled_import_file (GFile         *file,
                      GCancellable  *cancellable,
                      GPtrArray    **problems)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = _sb_import_open (file, &name, cancellable, problems);
  if (stream == NULL)
    return NULL;

  return sb_acled_import (stream, name, cancellable, problems);
}

/**
 * _sb_import_report_valist:
 * @problems: an import's problems
 * @n_unlisted: (inout): how many were not listed
 * @path: (nullable): where the problem is
 *
 * Lists a problem, its message made from @format and @args, unless the
 * list is full: the 100th says there are too many and later ones are only
 * counted, while the import goes on.
 *
 * Returns: (transfer none) (nullable): the problem listed
 */
SbProblem *
_sb_import_report_valist (GPtrArray     *problems,
                          guint         *n_unlisted,
                          SbProblemCode  code,
                          const char    *path,
                          const char    *format,
                          va_list        args)
{
  g_autofree char *message = NULL;
  SbProblem *problem;

  if (problems->len >= SB_LOADER_MAX_PROBLEMS)
    {
      (*n_unlisted)++;
      return NULL;
    }

  if (problems->len == SB_LOADER_MAX_PROBLEMS - 1)
    {
      code = SB_PROBLEM_TOO_MANY_PROBLEMS;
      message = g_strdup (_("too many problems; the rest are not listed"));
    }
  else
    message = g_strdup_vprintf (format, args);

  problem = sb_problem_new (code, path, message);
  g_ptr_array_add (problems, problem);
  return problem;
}

/**
 * _sb_import_finish_problems:
 * @n_unlisted: how many problems _sb_import_report_valist() did not list
 *
 * When some were not listed, the last problem says how many.
 */
void
_sb_import_finish_problems (GPtrArray *problems,
                            guint      n_unlisted)
{
  SbProblem *last;

  if (n_unlisted == 0)
    return;

  last = g_ptr_array_index (problems, problems->len - 1);
  g_free (last->message);
  last->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "too many problems; %u more is not listed",
                                                "too many problems; %u more are not listed",
                                                n_unlisted + 1),
                                   n_unlisted + 1);
}

/**
 * _sb_import_open:
 * @name: (out): the file's name to show
 * @problems: (out) (optional): the reason when it cannot be read
 *
 * Opens a file to import, as both importers do.
 *
 * Returns: (transfer full) (nullable): the stream
 */
GInputStream *
_sb_import_open (GFile         *file,
                 char         **name,
                 GCancellable  *cancellable,
                 GPtrArray    **problems)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);
          g_ptr_array_add (*problems, sb_problem_new_for_io_error (error));
        }
      return NULL;
    }

  basename = g_file_get_basename (file);
  *name = g_filename_display_name (basename);
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/* sb-geojson-import.c
 *
 * GeoJSON into a briefing. The text is checked as strictly as the loader
 * checks briefings, then one feature at a time is built from its span, so
 * that a large collection never sits whole in json-glib's nodes. Every
 * feature is checked before anything is made of it: a bad one leaves no
 * stray actor or place behind.
 *
 * GeoJSON comes from everywhere: SahelBrief's own export, QGIS and GDAL
 * (a "crs" member, upper-case property names), HDX boundaries (no dates
 * at all), ArcGIS (dates as milliseconds). A feature with a date is a
 * statement; one without is a place or an area drawn for reference. Its
 * properties are all kept, as text, so that nothing in the file is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-geojson"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sb-enums.h"
#include "sb-geojson-import.h"
#include "sb-import-private.h"
#include "sb-json-builder.h"
#include "sb-json-reader.h"
#include "sb-json-scan.h"
#include "sb-json-syntax.h"
#include "sb-loader.h"

#define CANCEL_CHECK_FEATURES 1024
#define MAX_REFERENCE_RADIUS_KM 3000

typedef struct
{
  SbImporter *importer;
  const char *data;
  gsize length;
  GCancellable *cancellable;
  GString *path;
  GStringChunk *strings;         /* names split from properties */
  GPtrArray *citations;          /* the one citation of the file, shared */
  SbProblemCode feature_problem; /* why the feature is skipped */
  guint n_features;
} Import;

/* A feature's properties, checked; strings are the parsed nodes'. */
typedef struct
{
  SbItemKind kind;
  gboolean reference;            /* no date: a place or area for reference */
  const char *title;
  const char *area_name;
  const char *description;
  SbDate date;
  SbCertainty certainty;
  const char *claimed_by;
  GPtrArray *actor_names;        /* of const char * */
  GPtrArray *actor_kinds;        /* of const char *, parallel, or NULL */
  int subtype;
  int status;
  int boundary;
  SbQuantity quantity;
  const char *place;
  const char *from;              /* the ends of a line, by name */
  const char *to;
  SbPlacePrecision place_precision;
  double radius_km;
  const char *country;
  gboolean one_end_from;         /* a movement drawn as a point: it leaves */
} Properties;

/* Problems */

static void report (Import        *self,
                    SbProblemCode  code,
                    const char    *member,
                    const char    *format,
                    ...) G_GNUC_PRINTF (4, 5);

/* At the current path, or its @member. */
static void
report (Import        *self,
        SbProblemCode  code,
        const char    *member,
        const char    *format,
        ...)
{
  g_autoptr(GString) path = g_string_new (self->path->str);
  va_list args;

  if (member != NULL)
    sb_json_path_append_member (path, member);

  self->feature_problem = code;

  va_start (args, format);
  _sb_importer_report_valist (self->importer, code, path->len > 0 ? path->str : NULL, 0, format, args);
  va_end (args);
}

static void
skip_feature (Import *self)
{
  _sb_importer_skip (self->importer, self->feature_problem);
}

static void
report_at_offset (Import        *self,
                  SbProblemCode  code,
                  gsize          offset,
                  const char    *message)
{
  SbProblem *problem = _sb_importer_report (self->importer, code, NULL, 0, "%s", message);

  if (problem != NULL)
    sb_json_offset_to_position (self->data, offset, &problem->line, &problem->column);
}

static gsize
push_member (Import     *self,
             const char *member)
{
  gsize saved = self->path->len;

  sb_json_path_append_member (self->path, member);
  return saved;
}

static gsize
push_index (Import *self,
            guint   index)
{
  gsize saved = self->path->len;

  sb_json_path_append_index (self->path, index);
  return saved;
}

static void
pop (Import *self,
     gsize   saved)
{
  g_string_truncate (self->path, saved);
}

/* Values */

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_blank (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node) ||
         (node_is_string (node) && _sb_import_is_blank (json_node_get_string (node)));
}

/* "EVENT_DATE", "Event Date" and "event_date" are one key to a reader;
 * so is "event\ndate": a control character is a space once kept. */
static gboolean
key_matches (const char *key,
             const char *wanted)
{
  for (;; key++)
    {
      while (*key == '_' || *key == '-' || (*key != '\0' && (guchar) *key <= ' '))
        key++;
      if (*key == '\0' || *wanted == '\0')
        return *key == *wanted;
      if (g_ascii_tolower (*key) != *wanted++)
        return FALSE;
    }
}

/* The member named as one of @keys (squeezed, lower case), in the order
 * of @keys; its key in @found_key.
 */
static JsonNode *
find_loosely (JsonObject         *object,
              const char * const *keys,
              const char        **found_key)
{
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return NULL;

  members = json_object_get_members (object);
  for (guint k = 0; keys[k] != NULL; k++)
    for (GList *l = members; l != NULL; l = l->next)
      if (key_matches (l->data, keys[k]))
        {
          if (found_key != NULL)
            *found_key = l->data;
          return json_object_get_member (object, l->data);
        }

  return NULL;
}

/* A property that must be a non-blank string, if there at all. */
static const char *
get_string (Import     *self,
            JsonObject *properties,
            const char *member)
{
  JsonNode *node = properties ? json_object_get_member (properties, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!node_is_string (node))
    {
      report (self, SB_PROBLEM_WRONG_TYPE, member, _("expected a string; left out"));
      return NULL;
    }

  if (_sb_import_is_blank (json_node_get_string (node)))
    return NULL;

  return json_node_get_string (node);
}

/* A string property under any of @keys, loosely named. */
static const char *
get_string_loosely (JsonObject         *properties,
                    const char * const *keys)
{
  JsonNode *node = find_loosely (properties, keys, NULL);

  return node_is_string (node) && !_sb_import_is_blank (json_node_get_string (node))
         ? json_node_get_string (node) : NULL;
}

/* An enumerated property: @value keeps its default when absent or
 * unknown; returns FALSE only when present and unknown.
 */
static gboolean
get_enum (Import     *self,
          JsonObject *properties,
          const char *member,
          GType       type,
          int        *value,
          const char *consequence)
{
  const char *nick = get_string (self, properties, member);
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) valid = NULL;
  GEnumValue *found;

  if (nick == NULL)
    return TRUE;

  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found != NULL)
    {
      *value = found->value;
      return TRUE;
    }

  valid = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (valid, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);

  report (self, SB_PROBLEM_UNKNOWN_VALUE, member, _("unknown value “%s”; expected one of: %s; %s"),
          nick, valid->str, consequence);
  return FALSE;
}

/* A count, as a number or a min and max: "fatalities" or
 * "fatalities_min" and "fatalities_max".
 */
static void
get_quantity (Import     *self,
              JsonObject *properties,
              const char *member,
              SbQuantity *quantity)
{
  g_autofree char *min_member = g_strconcat (member, "_min", NULL);
  g_autofree char *max_member = g_strconcat (member, "_max", NULL);
  g_autofree char *approximate_member = g_strconcat (member, "_approximate", NULL);
  const char *loose_keys[] = { member, NULL };
  const char *members[] = { member, min_member, max_member };
  double values[3] = { 0, };
  gboolean present[3] = { FALSE, };
  JsonNode *approximate;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (properties, members[i]);

      /* "FATALITIES", as other tools write it. */
      if (node == NULL && i == 0)
        node = find_loosely (properties, loose_keys, &members[0]);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      if (!node_is_number (node) || json_node_get_double (node) < 0)
        {
          report (self, SB_PROBLEM_BAD_VALUE, members[i], _("expected a number, 0 or more; left out"));
          return;
        }

      values[i] = json_node_get_double (node);
      present[i] = TRUE;
    }

  if (present[0])
    quantity->min = quantity->max = values[0];
  else if (present[1] && present[2] && values[1] <= values[2])
    {
      quantity->min = values[1];
      quantity->max = values[2];
      quantity->is_range = values[1] < values[2];
    }
  else if (present[1] || present[2])
    {
      report (self, SB_PROBLEM_BAD_VALUE, present[1] ? min_member : max_member,
              _("expected “%s” and “%s”, the first not above the second; left out"),
              min_member, max_member);
      return;
    }
  else
    return;

  quantity->is_set = TRUE;
  approximate = json_object_get_member (properties, approximate_member);
  quantity->approximate = approximate != NULL && JSON_NODE_HOLDS_VALUE (approximate) &&
                          json_node_get_value_type (approximate) == G_TYPE_BOOLEAN &&
                          json_node_get_boolean (approximate);
}

/* Dates */

/* The names events' dates go by, squeezed: SahelBrief's and ACLED's own,
 * and what GIS tables call them.
 */
static const char * const date_keys[] = {
  "date", "eventdate", "startdate", "datestart", "begindate", "asof", "asofdate", "datetime",
  "eventdatetime", "incidentdate", "dateofevent", NULL
};
static const char * const end_keys[] = {
  "dateend", "enddate", "enddatetime", NULL
};

/* A date property: a string in any form sb-import-date.c reads, a span,
 * a year as a number, or milliseconds since 1970 as ArcGIS writes dates.
 */
static gboolean
parse_date_node (JsonNode *node,
                 SbDate   *date)
{
  memset (date, 0, sizeof *date);

  if (node_is_string (node))
    return _sb_import_parse_span (json_node_get_string (node), date);

  if (node_is_number (node))
    {
      double value = json_node_get_double (node);

      if (value == floor (value) && value >= 1000 && value <= 9999)
        {
          date->start.year = (gint16) value;
          date->start.precision = SB_DATE_PRECISION_YEAR;
          return TRUE;
        }

      if (value >= 1e11 && value < 1e14)
        {
          g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc ((gint64) (value / 1000));

          if (time == NULL)
            return FALSE;
          date->start.year = g_date_time_get_year (time);
          date->start.month = g_date_time_get_month (time);
          date->start.day = g_date_time_get_day_of_month (time);
          date->start.precision = SB_DATE_PRECISION_DAY;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
describe_node (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* The first of @keys, in their order, that holds a date; the properties
 * before it that hold something else are reported. Returns FALSE when
 * none does, having reported the first, or when there is none (then
 * @member is %NULL).
 */
static gboolean
find_date (Import              *self,
           JsonObject          *properties,
           const char * const  *keys,
           SbDate              *date,
           const char         **member)
{
  g_autoptr(GList) members = json_object_get_members (properties);
  g_autoptr(GPtrArray) unusable = g_ptr_array_new ();
  gboolean found = FALSE;

  *member = NULL;
  for (guint k = 0; keys[k] != NULL && !found; k++)
    for (GList *l = members; l != NULL && !found; l = l->next)
      {
        JsonNode *node = json_object_get_member (properties, l->data);

        if (!key_matches (l->data, keys[k]) || node_is_blank (node))
          continue;

        found = parse_date_node (node, date);
        if (found)
          *member = l->data;
        else
          g_ptr_array_add (unusable, l->data);
      }

  for (guint i = 0; i < (found ? unusable->len : MIN (unusable->len, 1)); i++)
    {
      const char *key = g_ptr_array_index (unusable, i);
      g_autofree char *value = describe_node (json_object_get_member (properties, key));

      report (self, SB_PROBLEM_BAD_DATE, key,
              found ? _("%s is not a date; expected a date such as “2022-08-15”, “15 August 2022” or “August 15, 2022”, or a span of two; another date was used")
                    : _("%s is not a date; expected a date such as “2022-08-15”, “15 August 2022” or “August 15, 2022”, or a span of two; skipped"),
              value);
    }

  if (!found && unusable->len > 0)
    *member = g_ptr_array_index (unusable, 0);

  return found;
}

/* Returns FALSE when the feature cannot be imported; a feature without a
 * date is not a statement, and @reference says so.
 */
static gboolean
get_date (Import     *self,
          JsonObject *properties,
          SbDate     *date,
          gboolean   *reference)
{
  const char *member = NULL;
  const char *end_member = NULL;
  JsonNode *approximate = json_object_get_member (properties, "date_approximate");
  JsonNode *end;
  SbDate end_date;

  memset (date, 0, sizeof *date);
  if (!find_date (self, properties, date_keys, date, &member))
    {
      /* None at all: a place or area for reference. */
      *reference = member == NULL;
      return *reference;
    }
  *reference = FALSE;

  end = find_loosely (properties, end_keys, &end_member);
  if (!node_is_blank (end) && !date->is_span)
    {
      if (!parse_date_node (end, &end_date) || end_date.is_span)
        {
          g_autofree char *value = describe_node (end);

          report (self, SB_PROBLEM_BAD_DATE, end_member,
                  _("%s is not a date; expected a date such as “2022-08-15”, “15 August 2022” or “August 15, 2022”; skipped"),
                  value);
          return FALSE;
        }
      if (sb_calendar_date_last_day (&end_date.start) < sb_calendar_date_first_day (&date->start))
        {
          report (self, SB_PROBLEM_BAD_DATE, end_member, _("the span ends before it starts; skipped"));
          return FALSE;
        }
      if (sb_calendar_date_compare (&end_date.start, &date->start) != 0)
        {
          date->end = end_date.start;
          date->is_span = TRUE;
        }
    }
  else if (end != NULL && JSON_NODE_HOLDS_NULL (end) && end_member != NULL &&
           g_str_equal (end_member, "date_end"))
    date->is_span = TRUE;   /* open: "since 2015", as SahelBrief exports it */

  date->approximate = approximate != NULL && JSON_NODE_HOLDS_VALUE (approximate) &&
                      json_node_get_value_type (approximate) == G_TYPE_BOOLEAN &&
                      json_node_get_boolean (approximate);
  return TRUE;
}

/* "actor", then "actors" as an array of names or one string "A; B", else
 * "actor1" and "actor2" as ACLED's own GeoJSON has them.
 */
static void
get_actor_names (Import     *self,
                 JsonObject *properties,
                 Properties *props)
{
  static const char * const acled_keys[][2] = { { "actor1", NULL }, { "actor2", NULL } };
  const char *actor = get_string (self, properties, "actor");
  JsonNode *actors = json_object_get_member (properties, "actors");
  JsonNode *kinds = json_object_get_member (properties, "actor_kinds");

  if (actor != NULL)
    g_ptr_array_add (props->actor_names, (gpointer) actor);

  if (actors == NULL || JSON_NODE_HOLDS_NULL (actors))
    {
      for (guint i = 0; actor == NULL && i < G_N_ELEMENTS (acled_keys); i++)
        {
          const char *name = get_string_loosely (properties, acled_keys[i]);

          if (name != NULL)
            g_ptr_array_add (props->actor_names, (gpointer) name);
        }
      return;
    }

  if (JSON_NODE_HOLDS_ARRAY (actors))
    {
      JsonArray *array = json_node_get_array (actors);
      JsonArray *kind_array = kinds && JSON_NODE_HOLDS_ARRAY (kinds) ? json_node_get_array (kinds) : NULL;

      if (kind_array != NULL && json_array_get_length (kind_array) == json_array_get_length (array) &&
          actor == NULL)
        props->actor_kinds = g_ptr_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonNode *kind = props->actor_kinds ? json_array_get_element (kind_array, i) : NULL;

          if (!node_is_string (node) || _sb_import_is_blank (json_node_get_string (node)))
            {
              gsize saved = push_member (self, "actors");

              push_index (self, i);
              report (self, SB_PROBLEM_WRONG_TYPE, NULL, _("an actor is given by its name, a string; left out"));
              pop (self, saved);
              continue;
            }

          g_ptr_array_add (props->actor_names, (gpointer) json_node_get_string (node));
          if (props->actor_kinds != NULL)
            g_ptr_array_add (props->actor_kinds, node_is_string (kind) ? (gpointer) json_node_get_string (kind) : NULL);
        }
    }
  else if (node_is_string (actors))
    {
      g_auto(GStrv) names = g_strsplit (json_node_get_string (actors), ";", -1);

      /* The names must outlive the split. */
      for (guint i = 0; names[i] != NULL; i++)
        {
          _sb_import_strip (names[i]);
          if (*names[i] != '\0')
            g_ptr_array_add (props->actor_names, g_string_chunk_insert (self->strings, names[i]));
        }
    }
  else
    report (self, SB_PROBLEM_WRONG_TYPE, "actors", _("expected an array of actor names; left out"));
}

static gboolean
country_code_is_valid (const char *code)
{
  return strlen (code) == 3 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) &&
         g_ascii_isupper (code[2]);
}

static void
get_place_properties (Import     *self,
                      JsonObject *properties,
                      Properties *props)
{
  static const char * const location_keys[] = { "location", NULL };
  int precision = SB_PLACE_PRECISION_POINT;
  JsonNode *radius = json_object_get_member (properties, "radius_km");

  props->place = get_string (self, properties, "place");
  if (props->place == NULL && !props->reference)
    props->place = get_string_loosely (properties, location_keys);
  get_enum (self, properties, "place_precision", SB_TYPE_PLACE_PRECISION, &precision,
            _("taken as “point”"));
  props->place_precision = precision;

  props->country = get_string (self, properties, "country");
  if (props->country != NULL && !country_code_is_valid (props->country))
    {
      /* A country's name is what most files give. */
      props->country = _sb_import_country_by_name (props->country);
      if (props->country == NULL && !props->reference)
        report (self, SB_PROBLEM_BAD_VALUE, "country",
                _("“%s” is not an ISO 3166-1 alpha-3 country code such as “MLI”; left out"),
                get_string (self, properties, "country"));
    }

  if (props->place_precision == SB_PLACE_PRECISION_COUNTRY && props->country == NULL)
    {
      report (self, SB_PROBLEM_MISSING_FIELD, "country",
              _("a place known only to its country needs “country”; taken as a region"));
      props->place_precision = SB_PLACE_PRECISION_REGION;
    }

  if (radius != NULL && !JSON_NODE_HOLDS_NULL (radius))
    {
      if (!node_is_number (radius) || json_node_get_double (radius) < 0.1 ||
          json_node_get_double (radius) > 3000)
        report (self, SB_PROBLEM_OUT_OF_RANGE, "radius_km",
                _("expected a number from 0.1 to 3000; left out"));
      else if (props->place_precision == SB_PLACE_PRECISION_NEAR ||
               props->place_precision == SB_PLACE_PRECISION_REGION)
        props->radius_km = json_node_get_double (radius);
    }
}

/* "ADM2_EN" as key_matches() wants it: "adm2en". */
static char *
squeeze_key (const char *key)
{
  GString *out = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    if (*p != '_' && *p != ' ' && *p != '-')
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

/* The property that names a place or area for reference: the one the
 * person chose, else the likeliest of what GIS files call it; its key in
 * @key.
 */
static const char *
reference_name (Import      *self,
                JsonObject  *properties,
                const char **key)
{
  static const char * const keys[] = {
    "name", "title", "label", "nameen", "shapename", "nom", "adm4en", "adm3en", "adm2en",
    "adm1en", "adm0en", "name4", "name3", "name2", "name1", "name0", "place", "location",
    "village", "town", "city", "site", NULL
  };
  const char *chosen = self->importer->name_property;
  g_autoptr(GList) members = NULL;
  JsonNode *node;

  *key = NULL;
  if (properties == NULL)
    return NULL;

  if (chosen != NULL)
    {
      node = json_object_get_member (properties, chosen);
      *key = chosen;
      if (node == NULL)
        {
          g_autofree char *squeezed = squeeze_key (chosen);
          const char *keys_chosen[] = { squeezed, NULL };

          node = find_loosely (properties, keys_chosen, key);
        }
      if (node_is_string (node) && !_sb_import_is_blank (json_node_get_string (node)))
        return json_node_get_string (node);
    }

  node = find_loosely (properties, keys, key);
  if (node_is_string (node) && !_sb_import_is_blank (json_node_get_string (node)))
    return json_node_get_string (node);

  /* "NAME_FR", "admin2Name_fr", "nom_commune": any name there is. */
  members = json_object_get_members (properties);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *lower = g_ascii_strdown (l->data, -1);

      node = json_object_get_member (properties, l->data);
      if ((strstr (lower, "name") != NULL || strstr (lower, "nom") != NULL) &&
          node_is_string (node) && !_sb_import_is_blank (json_node_get_string (node)))
        {
          *key = l->data;
          return json_node_get_string (node);
        }
    }

  *key = NULL;
  return NULL;
}

/* The text properties a place for reference could be named by, for the
 * person to choose from, and the one it was named by.
 */
static void
note_name_keys (Import     *self,
                JsonObject *properties,
                const char *key)
{
  SbImportSummary *summary = self->importer->summary;
  g_autoptr(GList) members = NULL;

  if (summary->name_key == NULL && key != NULL)
    summary->name_key = g_strdup (key);

  if (properties == NULL || summary->name_keys->len >= 24)
    return;

  members = json_object_get_members (properties);
  for (GList *l = members; l != NULL && summary->name_keys->len < 24; l = l->next)
    {
      JsonNode *node = json_object_get_member (properties, l->data);
      gboolean known = FALSE;

      if (!node_is_string (node) || _sb_import_is_blank (json_node_get_string (node)))
        continue;
      for (guint i = 0; i < summary->name_keys->len && !known; i++)
        known = g_str_equal (g_ptr_array_index (summary->name_keys, i), l->data);
      if (!known)
        g_ptr_array_add (summary->name_keys, g_strdup (l->data));
    }
}

/* Reads and checks the properties; FALSE when the feature cannot be
 * imported. @geometry_kind is what the geometry alone makes of it.
 */
static gboolean
read_properties (Import     *self,
                 JsonObject *properties,
                 SbItemKind  geometry_kind,
                 gboolean    is_point,
                 Properties *props)
{
  static const char * const description_keys[] = { "description", "notes", NULL };
  g_autoptr(JsonObject) empty = NULL;
  const char *kind;
  int certainty = SB_CERTAINTY_REPORTED;
  int value;
  gsize saved;

  if (properties == NULL)
    properties = empty = json_object_new ();

  saved = push_member (self, "properties");

  if (!get_date (self, properties, &props->date, &props->reference))
    goto fail;

  props->kind = geometry_kind;
  if (props->reference)
    {
      const char *key = NULL;

      props->title = reference_name (self, properties, &key);
      note_name_keys (self, properties, key);
      get_place_properties (self, properties, props);
      pop (self, saved);
      return TRUE;
    }

  kind = get_string (self, properties, "kind");
  if (is_point && g_strcmp0 (kind, "deployment") == 0)
    props->kind = SB_ITEM_KIND_DEPLOYMENT;
  else if (is_point && g_strcmp0 (kind, "movement") == 0)
    {
      const char *end = get_string (self, properties, "end");

      props->kind = SB_ITEM_KIND_MOVEMENT;
      props->one_end_from = g_strcmp0 (end, "from") == 0;
    }

  props->title = get_string (self, properties, "title");
  if (props->kind == SB_ITEM_KIND_AREA)
    props->area_name = get_string (self, properties, "name");
  else if (props->title == NULL)
    props->title = get_string (self, properties, "name");
  props->description = get_string (self, properties, "description");
  if (props->description == NULL)
    props->description = get_string_loosely (properties, description_keys);

  if (!get_enum (self, properties, "certainty", SB_TYPE_CERTAINTY, &certainty,
                 _("skipped rather than guess how certain it is")))
    goto fail;
  props->certainty = certainty;

  props->claimed_by = get_string (self, properties, "claimed_by");
  if (props->certainty == SB_CERTAINTY_CLAIMED && props->claimed_by == NULL)
    {
      report (self, SB_PROBLEM_MISSING_FIELD, "claimed_by",
              _("a claim needs “claimed_by”, the name of who claims it; skipped"));
      goto fail;
    }
  if (props->certainty != SB_CERTAINTY_CLAIMED && props->claimed_by != NULL)
    {
      report (self, SB_PROBLEM_BAD_VALUE, "claimed_by",
              _("“claimed_by” goes with certainty “claimed” only; left out"));
      props->claimed_by = NULL;
    }

  get_actor_names (self, properties, props);
  get_place_properties (self, properties, props);

  switch (props->kind)
    {
    case SB_ITEM_KIND_INCIDENT:
      props->subtype = SB_INCIDENT_TYPE_OTHER;
      get_enum (self, properties, "type", SB_TYPE_INCIDENT_TYPE, &props->subtype,
                _("imported as “other”"));
      get_quantity (self, properties, "fatalities", &props->quantity);
      break;

    case SB_ITEM_KIND_DEPLOYMENT:
      props->status = SB_DEPLOYMENT_STATUS_PRESENT;
      get_enum (self, properties, "status", SB_TYPE_DEPLOYMENT_STATUS, &props->status,
                _("taken as “present”"));
      get_quantity (self, properties, "strength", &props->quantity);
      break;

    case SB_ITEM_KIND_MOVEMENT:
      props->from = get_string (self, properties, "from");
      props->to = get_string (self, properties, "to");
      props->status = SB_MOVEMENT_STATUS_COMPLETED;
      get_enum (self, properties, "status", SB_TYPE_MOVEMENT_STATUS, &props->status,
                _("taken as “completed”"));
      value = SB_MOVEMENT_MEANS_UNSPECIFIED;
      get_enum (self, properties, "means", SB_TYPE_MOVEMENT_MEANS, &value, _("left out"));
      props->subtype = value;
      get_quantity (self, properties, "strength", &props->quantity);
      break;

    case SB_ITEM_KIND_AREA:
    default:
      props->subtype = SB_AREA_KIND_OPERATIONS;
      get_enum (self, properties, "area_kind", SB_TYPE_AREA_KIND, &props->subtype,
                _("taken as “operations”"));
      props->boundary = SB_BOUNDARY_APPROXIMATE;
      get_enum (self, properties, "boundary", SB_TYPE_BOUNDARY, &props->boundary,
                _("taken as “approximate”"));
      break;
    }

  if ((props->kind == SB_ITEM_KIND_DEPLOYMENT || props->kind == SB_ITEM_KIND_MOVEMENT) &&
      props->actor_names->len == 0)
    {
      report (self, SB_PROBLEM_MISSING_FIELD, "actors",
              props->kind == SB_ITEM_KIND_DEPLOYMENT
                ? _("a deployment needs an actor: give its name in “actor”; skipped")
                : _("a line is imported as a movement, which needs an actor: give its name in “actor”; skipped"));
      goto fail;
    }

  pop (self, saved);
  return TRUE;

fail:
  pop (self, saved);
  return FALSE;
}

/* Every property as text, in file order: nothing in the file is lost. */
static char **
keep_properties (JsonObject *properties)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GList) members = NULL;

  if (properties == NULL || json_object_get_size (properties) == 0)
    return NULL;

  builder = g_strv_builder_new ();
  members = json_object_get_members (properties);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (properties, l->data);
      g_autofree char *key = g_strdup (l->data);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_NULL (node))
        text = g_strdup ("");
      else if (node_is_string (node))
        text = g_strdup (json_node_get_string (node));
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        text = g_strdup (json_node_get_boolean (node) ? "true" : "false");
      else
        text = json_to_string (node, FALSE);

      /* Control characters would not survive the briefing's text. */
      for (char *p = key; *p != '\0'; p++)
        if ((guchar) *p < 0x20)
          *p = ' ';
      for (char *p = text; *p != '\0'; p++)
        if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
          *p = ' ';

      g_strv_builder_add (builder, key);
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/* Geometry */

/* [longitude, latitude] or [longitude, latitude, altitude]: the altitude
 * is dropped.
 */
static gboolean
read_position (Import   *self,
               JsonNode *node,
               double   *lon,
               double   *lat)
{
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = array ? json_array_get_length (array) : 0;

  if (array == NULL || n < 2 || n > 3 ||
      !node_is_number (json_array_get_element (array, 0)) ||
      !node_is_number (json_array_get_element (array, 1)) ||
      (n == 3 && !node_is_number (json_array_get_element (array, 2))))
    {
      report (self, SB_PROBLEM_BAD_VALUE, NULL,
              _("a position is an array of two or three numbers: [longitude, latitude] or [longitude, latitude, altitude]"));
      return FALSE;
    }

  *lon = json_node_get_double (json_array_get_element (array, 0));
  *lat = json_node_get_double (json_array_get_element (array, 1));

  if (fabs (*lon) > 180 || fabs (*lat) > 90)
    {
      report (self, SB_PROBLEM_OUT_OF_RANGE, NULL,
              _("[%g, %g] is out of range: longitude runs from -180 to 180, latitude from -90 to 90 (WGS 84 degrees)"),
              *lon, *lat);
      return FALSE;
    }

  return TRUE;
}

/* An array of positions, at least @min_length of them, into @points as
 * lon, lat pairs.
 */
static gboolean
read_positions (Import   *self,
                JsonNode *node,
                guint     min_length,
                GArray   *points)
{
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (array == NULL || json_array_get_length (array) < min_length)
    {
      if (min_length == 4)
        report (self, SB_PROBLEM_BAD_VALUE, NULL,
                _("a ring is an array of at least 4 positions, the last equal to the first"));
      else
        report (self, SB_PROBLEM_BAD_VALUE, NULL,
                g_dngettext (GETTEXT_PACKAGE, "expected an array of at least %u position",
                             "expected an array of at least %u positions", min_length),
                min_length);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved = push_index (self, i);
      double lonlat[2];
      gboolean ok = read_position (self, json_array_get_element (array, i), &lonlat[0], &lonlat[1]);

      pop (self, saved);
      if (!ok)
        return FALSE;
      g_array_append_vals (points, lonlat, 2);
    }

  return TRUE;
}

static gboolean
read_polygon (Import    *self,
              JsonNode  *node,
              SbPolygon *polygon)
{
  JsonArray *rings = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (rings == NULL || json_array_get_length (rings) == 0)
    {
      report (self, SB_PROBLEM_BAD_VALUE, NULL, _("a polygon is a non-empty array of rings"));
      return FALSE;
    }

  polygon->n_rings = json_array_get_length (rings);
  polygon->rings = g_new0 (SbRing, polygon->n_rings);

  for (guint r = 0; r < polygon->n_rings; r++)
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      gsize saved = push_index (self, r);
      SbRing *ring = &polygon->rings[r];
      gboolean ok = read_positions (self, json_array_get_element (rings, r), 4, points);
      guint n = points->len / 2;

      if (ok)
        {
          double *p = (double *) points->data;

          if (p[0] != p[2 * n - 2] || p[1] != p[2 * n - 1])
            {
              report (self, SB_PROBLEM_BAD_VALUE, NULL,
                      _("the ring is not closed: its last position must equal its first"));
              ok = FALSE;
            }
        }

      pop (self, saved);
      if (!ok)
        return FALSE;

      ring->n_points = n;
      ring->points = (double *) g_array_free (g_steal_pointer (&points), FALSE);
    }

  return TRUE;
}

static SbGeometry *
read_polygons (Import     *self,
               JsonNode   *coordinates,
               gboolean    multi)
{
  g_autoptr(SbGeometry) geometry = NULL;
  JsonArray *array = multi && coordinates && JSON_NODE_HOLDS_ARRAY (coordinates)
                     ? json_node_get_array (coordinates) : NULL;
  guint n = multi ? (array ? json_array_get_length (array) : 0) : 1;

  if (multi && n == 0)
    {
      report (self, SB_PROBLEM_BAD_VALUE, NULL, _("a MultiPolygon is a non-empty array of polygons"));
      return NULL;
    }

  geometry = sb_geometry_new (n);
  for (guint p = 0; p < n; p++)
    {
      gsize saved = multi ? push_index (self, p) : self->path->len;
      gboolean ok = read_polygon (self, multi ? json_array_get_element (array, p) : coordinates,
                                  &geometry->polygons[p]);

      pop (self, saved);
      if (!ok)
        return NULL;
    }

  sb_geometry_update_bounds (geometry);
  return g_steal_pointer (&geometry);
}

/* Objects */

static SbActor *
get_actor (Import     *self,
           const char *name,
           const char *kind_nick,
           const char *country)
{
  SbImportActor *entry = _sb_importer_get_actor (self->importer, name, self->citations);
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *kind = NULL;

  if (kind_nick != NULL)
    {
      klass = g_type_class_ref (SB_TYPE_ACTOR_KIND);
      kind = g_enum_get_value_by_nick (klass, kind_nick);
    }

  if (kind != NULL)
    entry->stated_kind = kind->value;
  else
    _sb_import_actor_vote (entry, _sb_import_actor_guess_kind (entry, country, SB_ACTOR_KIND_ARMED_GROUP), TRUE);

  return entry->actor;
}

/* "16.2484° N, 0.0053° W": the name of a place the file does not name. */
static char *
name_coordinates (double lon,
                  double lat)
{
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE];
  char lon_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (lat_text, sizeof lat_text, "%.4f", fabs (lat));
  g_ascii_formatd (lon_text, sizeof lon_text, "%.4f", fabs (lon));

  return g_strdup_printf ("%s° %s, %s° %s", lat_text, lat < 0 ? "S" : "N", lon_text, lon < 0 ? "W" : "E");
}

/* @name: (nullable): the place's name, when the feature gives one */
static SbPlace *
get_place (Import           *self,
           const Properties *props,
           double            lon,
           double            lat,
           const char       *name)
{
  g_autofree char *unnamed = name ? NULL : name_coordinates (lon, lat);

  return _sb_importer_get_place (self->importer, name ? name : unnamed, name ? NULL : "place",
                                 lat, lon, props->place_precision, props->radius_km, props->country);
}

/* The feature's id: its property, else its own member, else its number. */
static char *
feature_id (JsonObject *feature,
            JsonObject *properties,
            guint       index)
{
  JsonNode *nodes[] = {
    properties ? json_object_get_member (properties, "id") : NULL,
    json_object_get_member (feature, "id"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      if (node_is_string (nodes[i]) && !_sb_import_is_blank (json_node_get_string (nodes[i])))
        return g_strdup (json_node_get_string (nodes[i]));
      if (node_is_number (nodes[i]))
        return g_strdup_printf ("feature-%" G_GINT64_FORMAT, (gint64) json_node_get_double (nodes[i]));
    }

  return g_strdup_printf ("feature-%u", index + 1);
}

static void
add_item (Import           *self,
          const Properties *props,
          const char       *id_base,
          const char       *fallback_name,
          SbPlace          *place,
          SbPlace          *origin,
          SbGeometry       *geometry,
          JsonObject       *properties)
{
  g_autofree char *id = NULL;
  SbItem *item;

  if (id_base != NULL && sb_id_is_valid (id_base) && !_sb_importer_has_id (self->importer, id_base))
    id = g_strdup (id_base);
  else
    id = _sb_importer_make_id (self->importer, NULL, id_base, "feature");

  item = _sb_item_new (id, props->kind);
  item->title = props->title ? _sb_import_text_new (props->title) : NULL;
  if (props->area_name != NULL)
    _sb_item_extra (item)->name = _sb_import_text_new (props->area_name);
  item->description = _sb_import_text_new (props->description ? props->description
                                         : props->title ? props->title
                                         : props->area_name ? props->area_name
                                         : fallback_name);
  item->date = props->date;
  item->first_day = sb_date_get_first_day (&item->date);
  item->evidence.certainty = props->certainty;
  item->evidence.citations = g_ptr_array_ref (self->citations);
  if (props->claimed_by != NULL)
    item->evidence.claimed_by = get_actor (self, props->claimed_by, NULL, props->country);

  if (props->actor_names->len > 0)
    {
      guint n = props->kind == SB_ITEM_KIND_DEPLOYMENT || props->kind == SB_ITEM_KIND_MOVEMENT
                ? 1 : props->actor_names->len;

      item->actors = g_ptr_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        {
          SbActor *actor = get_actor (self, g_ptr_array_index (props->actor_names, i),
                                      props->actor_kinds ? g_ptr_array_index (props->actor_kinds, i) : NULL,
                                      props->country);

          if (!g_ptr_array_find (item->actors, actor, NULL))
            g_ptr_array_add (item->actors, actor);
        }
    }

  item->place = place;
  item->subtype = props->subtype;
  item->status = props->status;
  item->quantity = props->quantity;
  {
    char **kept = keep_properties (properties);

    if (origin != NULL || props->boundary != 0 || geometry != NULL || kept != NULL)
      {
        SbItemExtra *extra = _sb_item_extra (item);

        extra->origin = origin;
        extra->boundary = props->boundary;
        extra->geometry = geometry;
        extra->properties = kept;
      }
  }

  _sb_importer_add_item (self->importer, item);
}

/* A boundary, a district, a town: a place drawn for reference, with its
 * outline when it has one.
 */
static void
add_reference (Import           *self,
               const Properties *props,
               const char       *fallback_name,
               double            lon,
               double            lat,
               SbGeometry       *geometry,
               JsonObject       *properties)
{
  const char *name = props->title ? props->title : fallback_name;
  g_autofree char *id = _sb_importer_make_id (self->importer, NULL, name, "place");
  SbPlace *place = _sb_place_new (id);

  place->name = _sb_import_text_new (name);
  place->reference = TRUE;
  place->country = g_strdup (props->country);
  place->properties = keep_properties (properties);

  if (geometry != NULL)
    {
      double lat_km = (geometry->max_lat - geometry->min_lat) * 111.0;
      double lon_km = (geometry->max_lon - geometry->min_lon) * 111.0 *
                      cos ((geometry->min_lat + geometry->max_lat) / 2 * G_PI / 180);

      place->lat = (geometry->min_lat + geometry->max_lat) / 2;
      place->lon = (geometry->min_lon + geometry->max_lon) / 2;
      place->precision = SB_PLACE_PRECISION_REGION;
      place->radius_km = CLAMP (sqrt (lat_km * lat_km + lon_km * lon_km) / 2, 0.1, MAX_REFERENCE_RADIUS_KM);
      place->geometry = geometry;
    }
  else
    {
      place->lat = lat;
      place->lon = lon;
      place->precision = SB_PLACE_PRECISION_POINT;
    }

  g_ptr_array_add (self->importer->contents.places, place);
  _sb_importer_register (self->importer, place);
}

/* A null geometry with "latitude" and "longitude" properties: a table
 * exported as GeoJSON without being placed.
 */
static gboolean
position_from_properties (JsonObject *properties,
                          double     *lon,
                          double     *lat)
{
  static const char * const lat_keys[] = { "latitude", "lat", NULL };
  static const char * const lon_keys[] = { "longitude", "lon", "lng", "long", NULL };
  JsonNode *nodes[2] = { find_loosely (properties, lat_keys, NULL), find_loosely (properties, lon_keys, NULL) };
  double values[2];

  for (guint i = 0; i < 2; i++)
    {
      if (node_is_number (nodes[i]))
        values[i] = json_node_get_double (nodes[i]);
      else if (!node_is_string (nodes[i]) || !_sb_import_parse_number (json_node_get_string (nodes[i]), &values[i]))
        return FALSE;
    }

  *lat = values[0];
  *lon = values[1];
  return fabs (*lat) <= 90 && fabs (*lon) <= 180;
}

static void
import_feature (Import   *self,
                JsonNode *node,
                guint     index)
{
  static const char * const types[] = {
    "Point", "MultiPoint", "LineString", "Polygon", "MultiPolygon", NULL
  };
  Properties props = { 0, };
  g_autoptr(GPtrArray) actor_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) actor_kinds = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SbGeometry) geometry = NULL;
  g_autofree char *id = NULL;
  g_autofree char *fallback_name = NULL;
  JsonObject *feature, *properties = NULL, *geometry_object = NULL;
  JsonNode *member, *coordinates;
  const char *type;
  gboolean ok;
  gsize saved;

  self->n_features++;
  self->importer->summary->n_records++;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, SB_PROBLEM_WRONG_TYPE, NULL, _("a feature is a JSON object; skipped"));
      skip_feature (self);
      return;
    }
  feature = json_node_get_object (node);

  member = json_object_get_member (feature, "type");
  if (!node_is_string (member) || !g_str_equal (json_node_get_string (member), "Feature"))
    {
      report (self, member ? SB_PROBLEM_BAD_VALUE : SB_PROBLEM_MISSING_FIELD, member ? "type" : NULL,
              _("a feature has \"type\": \"Feature\"; skipped"));
      skip_feature (self);
      return;
    }

  member = json_object_get_member (feature, "properties");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    properties = json_node_get_object (member);
  else if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      report (self, SB_PROBLEM_WRONG_TYPE, "properties",
              _("“properties” is an object or null; the feature is skipped"));
      skip_feature (self);
      return;
    }

  member = json_object_get_member (feature, "geometry");
  if (member == NULL)
    {
      report (self, SB_PROBLEM_MISSING_FIELD, NULL,
              _("the feature has no “geometry” member; skipped"));
      skip_feature (self);
      return;
    }
  if (JSON_NODE_HOLDS_NULL (member))
    {
      double lonlat[2];

      if (!position_from_properties (properties, &lonlat[0], &lonlat[1]))
        {
          report (self, SB_PROBLEM_MISSING_FIELD, "geometry",
                  _("the feature's geometry is null and it has no “latitude” and “longitude” properties: it has no location to show; skipped"));
          skip_feature (self);
          return;
        }
      type = "Point";
      g_array_append_vals (points, lonlat, 2);
    }
  else if (!JSON_NODE_HOLDS_OBJECT (member))
    {
      report (self, SB_PROBLEM_WRONG_TYPE, "geometry", _("a geometry is an object or null; skipped"));
      skip_feature (self);
      return;
    }
  else
    {
      geometry_object = json_node_get_object (member);
      member = json_object_get_member (geometry_object, "type");
      type = node_is_string (member) ? json_node_get_string (member) : NULL;
    }

  if (type == NULL || !g_strv_contains (types, type))
    {
      saved = push_member (self, "geometry");
      if (type == NULL)
        report (self, SB_PROBLEM_MISSING_FIELD, "type",
                _("the geometry has no “type”; the feature is skipped"));
      else if (g_str_equal (type, "MultiLineString") || g_str_equal (type, "GeometryCollection"))
        report (self, SB_PROBLEM_UNKNOWN_VALUE, "type",
                _("%s geometries are not supported: split them into features of their own; skipped"), type);
      else
        report (self, SB_PROBLEM_UNKNOWN_VALUE, "type",
                _("unknown geometry type “%s”; expected one of: Point, MultiPoint, LineString, Polygon, MultiPolygon; skipped"),
                type);
      pop (self, saved);
      skip_feature (self);
      return;
    }

  props.actor_names = actor_names;
  ok = read_properties (self, properties,
                        g_str_equal (type, "Polygon") || g_str_equal (type, "MultiPolygon") ? SB_ITEM_KIND_AREA
                        : g_str_equal (type, "LineString") ? SB_ITEM_KIND_MOVEMENT
                        : SB_ITEM_KIND_INCIDENT,
                        g_str_equal (type, "Point"), &props);
  actor_kinds = props.actor_kinds;
  if (!ok)
    {
      skip_feature (self);
      return;
    }

  if (props.reference && g_str_equal (type, "LineString"))
    {
      report (self, SB_PROBLEM_UNKNOWN_VALUE, "geometry",
              _("a line without a date (a road, a river, a border) is not imported: SahelBrief draws places and areas for reference; skipped"));
      skip_feature (self);
      return;
    }

  if (geometry_object != NULL)
    {
      saved = push_member (self, "geometry");
      coordinates = json_object_get_member (geometry_object, "coordinates");
      push_member (self, "coordinates");

      if (g_str_equal (type, "Point"))
        {
          double lonlat[2];

          ok = read_position (self, coordinates, &lonlat[0], &lonlat[1]);
          if (ok)
            g_array_append_vals (points, lonlat, 2);
        }
      else if (g_str_equal (type, "MultiPoint"))
        ok = read_positions (self, coordinates, 1, points);
      else if (g_str_equal (type, "LineString"))
        ok = read_positions (self, coordinates, 2, points);
      else
        ok = (geometry = read_polygons (self, coordinates, g_str_equal (type, "MultiPolygon"))) != NULL;

      pop (self, saved);
      if (!ok)
        {
          skip_feature (self);
          return;
        }
    }

  id = feature_id (feature, properties, index);
  fallback_name = g_strdup_printf ("Feature %u of “%s”", index + 1, self->importer->summary->name);

  if (props.reference)
    {
      if (geometry != NULL)
        add_reference (self, &props, fallback_name, 0, 0, g_steal_pointer (&geometry), properties);
      for (guint i = 0; i < points->len / 2; i++)
        add_reference (self, &props, fallback_name, g_array_index (points, double, 2 * i),
                       g_array_index (points, double, 2 * i + 1), NULL, properties);
    }
  else if (props.kind == SB_ITEM_KIND_AREA)
    add_item (self, &props, id, fallback_name, NULL, NULL, g_steal_pointer (&geometry), properties);
  else if (props.kind == SB_ITEM_KIND_MOVEMENT)
    {
      const double *p = (const double *) points->data;
      guint last = points->len / 2 - 1;
      SbPlace *from = get_place (self, &props, p[0], p[1], last > 0 ? props.from : props.place);
      SbPlace *to = last > 0 ? get_place (self, &props, p[2 * last], p[2 * last + 1], props.to) : NULL;

      /* A movement exported with one end comes back as a point. */
      if (to == NULL && !props.one_end_from)
        add_item (self, &props, id, fallback_name, from, NULL, NULL, properties);
      else
        add_item (self, &props, id, fallback_name, to, from, NULL, properties);
    }
  else
    {
      for (guint i = 0; i < points->len / 2; i++)
        {
          const double *p = &g_array_index (points, double, 2 * i);
          g_autofree char *point_id = points->len > 2 ? g_strdup_printf ("%s-%u", id, i + 1) : g_strdup (id);

          add_item (self, &props, point_id, fallback_name, get_place (self, &props, p[0], p[1], props.place),
                    NULL, NULL, properties);
        }
    }
}

/* Reading */

static const SbJsonMember *
find_member (const SbJsonOutline *outline,
             const char          *name)
{
  const SbJsonMember *found = NULL;

  for (guint i = 0; i < outline->members->len; i++)
    {
      const SbJsonMember *member = &g_array_index (outline->members, SbJsonMember, i);

      if (g_str_equal (member->name, name))
        found = member;
    }

  return found;
}

static JsonNode *
build_member (Import              *self,
              const SbJsonOutline *outline,
              const char          *name)
{
  const SbJsonMember *member = find_member (outline, name);

  return member ? sb_json_build (self->data, member->value) : NULL;
}

/* The CRS a "crs" member names: {"type": "name", "properties": {"name":
 * "urn:ogc:def:crs:EPSG::32630"}}, or the 2008 draft's {"type": "EPSG",
 * "properties": {"code": 32630}}.
 */
static char *
crs_name (JsonNode *crs)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (crs) ? json_node_get_object (crs) : NULL;
  JsonNode *properties = object ? json_object_get_member (object, "properties") : NULL;
  JsonObject *members = properties && JSON_NODE_HOLDS_OBJECT (properties) ? json_node_get_object (properties) : NULL;
  JsonNode *name = members ? json_object_get_member (members, "name") : NULL;
  JsonNode *code = members ? json_object_get_member (members, "code") : NULL;

  if (node_is_string (name))
    return g_strdup (json_node_get_string (name));
  if (node_is_number (code))
    return g_strdup_printf ("EPSG:%" G_GINT64_FORMAT, (gint64) json_node_get_double (code));

  return json_to_string (crs, FALSE);
}

/* WGS 84 longitude and latitude only: CRS84 (RFC 7946's) or EPSG:4326,
 * whose axes GeoJSON writers put in that order all the same.
 */
static gboolean
crs_is_wgs84 (const char *name)
{
  static const char * const wgs84[] = {
    "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "CRS84", "OGC:CRS84",
    "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:6.6:4326", "EPSG:4326",
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/4326",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wgs84); i++)
    if (g_ascii_strcasecmp (name, wgs84[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
check_crs (Import              *self,
           const SbJsonOutline *outline)
{
  g_autoptr(JsonNode) crs = build_member (self, outline, "crs");
  g_autofree char *name = NULL;

  if (crs == NULL || JSON_NODE_HOLDS_NULL (crs))
    return TRUE;

  name = crs_name (crs);
  if (crs_is_wgs84 (name))
    return TRUE;

  report (self, SB_PROBLEM_UNKNOWN_VALUE, "crs",
          _("the coordinates are in “%s”; SahelBrief reads WGS 84 longitude and latitude (EPSG:4326): reproject the file first, in QGIS with Export ▸ Save Features As… and CRS EPSG:4326"),
          name);
  return FALSE;
}

/* The whole object as one node: a single Feature or a bare geometry. */
static JsonNode *
build_root (Import              *self,
            const SbJsonOutline *outline)
{
  g_autoptr(JsonObject) object = json_object_new ();

  for (guint i = 0; i < outline->members->len; i++)
    {
      const SbJsonMember *member = &g_array_index (outline->members, SbJsonMember, i);

      json_object_set_member (object, member->name, sb_json_build (self->data, member->value));
    }

  return json_node_init_object (json_node_alloc (), object);
}

static gboolean
import_features (Import              *self,
                 const SbJsonOutline *outline)
{
  static const char * const geometry_types[] = {
    "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
    "GeometryCollection", NULL
  };
  g_autoptr(JsonNode) type = build_member (self, outline, "type");
  const char *type_name = node_is_string (type) ? json_node_get_string (type) : NULL;
  const SbJsonMember *features;

  g_string_assign (self->path, "$");

  if (!check_crs (self, outline))
    return FALSE;

  if (g_strcmp0 (type_name, "Feature") == 0)
    {
      g_autoptr(JsonNode) root = build_root (self, outline);

      import_feature (self, root, 0);
      return TRUE;
    }

  /* A bare geometry (RFC 7946 allows one): a feature without properties. */
  if (type_name != NULL && g_strv_contains (geometry_types, type_name))
    {
      g_autoptr(JsonObject) feature = json_object_new ();
      g_autoptr(JsonNode) root = NULL;

      json_object_set_string_member (feature, "type", "Feature");
      json_object_set_member (feature, "geometry", build_root (self, outline));
      json_object_set_null_member (feature, "properties");
      root = json_node_init_object (json_node_alloc (), feature);
      import_feature (self, root, 0);
      return TRUE;
    }

  if (g_strcmp0 (type_name, "FeatureCollection") != 0)
    {
      report (self, SB_PROBLEM_NOT_BRIEFING, type_name ? "type" : NULL,
              _("this is not GeoJSON: expected a FeatureCollection, a Feature or a geometry"));
      return FALSE;
    }

  features = find_member (outline, "features");
  if (features == NULL || features->elements == NULL)
    {
      report (self, features ? SB_PROBLEM_WRONG_TYPE : SB_PROBLEM_MISSING_FIELD, "features",
              _("a FeatureCollection has an array “features”"));
      return FALSE;
    }

  for (guint i = 0; i < features->elements->len; i++)
    {
      g_autoptr(JsonNode) node = NULL;

      if (i % CANCEL_CHECK_FEATURES == 0 && g_cancellable_is_cancelled (self->cancellable))
        {
          g_string_truncate (self->path, 0);
          report (self, SB_PROBLEM_IO, NULL, "%s", _("the import was cancelled"));
          return FALSE;
        }

      g_string_assign (self->path, "$.features");
      push_index (self, i);
      node = sb_json_build (self->data, g_array_index (features->elements, SbJsonSpan, i));
      import_feature (self, node, i);
    }

  return TRUE;
}

/* Checks the text as the loader does; FALSE with a problem when bad. */
static gboolean
check_text (Import        *self,
            SbJsonOutline *outline)
{
  const char *invalid;

  if (!g_utf8_validate_len (self->data, self->length, &invalid))
    {
      g_autofree char *message =
        g_strdup_printf (_("the file is not valid UTF-8: byte 0x%02x at offset %" PRIu64 " cannot start or continue a character"),
                         (guchar) *invalid, (guint64) (invalid - self->data));

      report_at_offset (self, SB_PROBLEM_ENCODING, invalid - self->data, message);
      return FALSE;
    }

  if (!sb_json_syntax_check (self->data, self->length, SB_LOADER_MAX_DEPTH, outline))
    {
      report_at_offset (self, outline->too_deep ? SB_PROBLEM_TOO_DEEP : SB_PROBLEM_SYNTAX,
                        outline->error_offset, outline->error_message);
      return FALSE;
    }

  if (outline->empty)
    {
      report (self, SB_PROBLEM_NOT_BRIEFING, NULL, "%s", _("the file is empty"));
      return FALSE;
    }

  if (!outline->root_is_object)
    {
      g_string_assign (self->path, "$");
      report (self, SB_PROBLEM_NOT_BRIEFING, NULL, "%s",
              _("this is not GeoJSON: the file must hold one JSON object, a FeatureCollection, a Feature or a geometry"));
      return FALSE;
    }

  return TRUE;
}

/* The file is the source: it has no text, so it is cited by name. */
static void
make_source (Import *self)
{
  const char *name = self->importer->summary->name;
  SbImportSource *entry = _sb_importer_get_source (self->importer, name, NULL);

  if (entry->source->note == NULL)
    {
      g_autofree char *note = g_strdup_printf ("The GeoJSON file “%s”, imported into this briefing. GeoJSON holds no source text: statements cite the file by name.", name);

      entry->source->note = _sb_import_text_new_take (g_steal_pointer (&note));
    }

  self->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  g_ptr_array_add (self->citations, sb_citation_ref (entry->citation));
}

/* The source's date: its latest statement's, else the file's last change
 * (a file of boundaries has no date of its own).
 */
static void
date_source (Import *self,
             guint   first_item[SB_N_ITEM_KINDS])
{
  SbCitation *citation = g_ptr_array_index (self->citations, 0);
  SbSource *source = citation->source;
  guint32 latest = sb_date_get_first_day (&source->date);

  if (!sb_date_is_set (&source->date))
    source->date.start = self->importer->file_date;

  for (guint k = 0; k < SB_N_ITEM_KINDS; k++)
    for (guint i = first_item[k]; i < self->importer->contents.items[k]->len; i++)
      {
        SbItem *item = g_ptr_array_index (self->importer->contents.items[k], i);

        if (item->first_day > latest)
          {
            latest = item->first_day;
            memset (&source->date, 0, sizeof source->date);
            source->date.start = item->date.start;
          }
      }
}

/* In file order, for the reader's eye; problems without a place last. */
static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const SbProblem *problem_a = *(const SbProblem **) a;
  const SbProblem *problem_b = *(const SbProblem **) b;
  guint line_a = problem_a->line ? problem_a->line : G_MAXUINT;
  guint line_b = problem_b->line ? problem_b->line : G_MAXUINT;

  if (line_a != line_b)
    return line_a < line_b ? -1 : 1;

  return (int) problem_a->column - (int) problem_b->column;
}

/**
 * _sb_geojson_read:
 * @data: the file's text, UTF-8, NUL-terminated at @length
 *
 * Reads a GeoJSON FeatureCollection, Feature or geometry into @importer's
 * briefing.
 */
void
_sb_geojson_read (SbImporter   *importer,
                  const char   *data,
                  gsize         length,
                  GCancellable *cancellable)
{
  SbJsonOutline outline = { 0, };
  guint first_item[SB_N_ITEM_KINDS];
  guint first_place = importer->contents.places->len;
  Import import = { 0, };
  gboolean made;

  import.importer = importer;
  import.cancellable = cancellable;
  import.path = g_string_new (NULL);
  import.strings = g_string_chunk_new (1024);
  for (guint k = 0; k < SB_N_ITEM_KINDS; k++)
    first_item[k] = importer->contents.items[k]->len;

  /* A byte-order mark is harmless; some Windows tools write one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  import.data = data;
  import.length = length;

  make_source (&import);

  if (check_text (&import, &outline) && import_features (&import, &outline))
    {
      made = importer->contents.places->len > first_place;
      for (guint k = 0; k < SB_N_ITEM_KINDS; k++)
        made |= importer->contents.items[k]->len > first_item[k];

      if (!made)
        {
          g_string_truncate (import.path, 0);
          report (&import, SB_PROBLEM_NOT_BRIEFING, NULL, "%s",
                  import.n_features == 0 ? _("the file holds no feature") : _("no feature could be imported"));
        }
      date_source (&import, first_item);
    }

  sb_json_locate_problems (import.data, import.length, importer->summary->problems);
  g_ptr_array_sort (importer->summary->problems, compare_problems);

  sb_json_outline_clear (&outline);
  g_string_free (import.path, TRUE);
  g_string_chunk_free (import.strings);
  g_ptr_array_unref (import.citations);
}

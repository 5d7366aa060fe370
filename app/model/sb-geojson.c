/* sb-geojson.c
 *
 * Import checks the text as strictly as the loader does, then builds one
 * feature at a time from its span, so that a large collection never sits
 * whole in json-glib's nodes. Every feature is checked before anything is
 * made of it: a bad one leaves no stray actor or place behind. Export
 * writes text directly: a million statements would not fit as nodes.
 */

#define G_LOG_DOMAIN "sb-geojson"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sb-acled.h"
#include "sb-enums.h"
#include "sb-geojson.h"
#include "sb-json-builder.h"
#include "sb-json-reader.h"
#include "sb-json-scan.h"
#include "sb-json-syntax.h"
#include "sb-loader.h"
#include "sb-model-private.h"

#define READ_CHUNK (64 * 1024)
#define CANCEL_CHECK_FEATURES 1024
#define EXPORT_CHUNK (1024 * 1024)

typedef struct
{
  double lat;
  double lon;
  SbPlacePrecision precision;
  double radius_km;
  const char *name;        /* stored after the key */
} PlaceKey;

typedef struct
{
  char *name;                    /* valid UTF-8 */
  const char *data;
  gsize length;
  GCancellable *cancellable;

  GPtrArray *problems;
  guint n_unlisted;
  GString *path;

  SbBriefingContents contents;
  GHashTable *by_id;             /* id → unowned SbEntity */
  GHashTable *id_counters;
  GHashTable *actors;            /* name → unowned SbActor */
  GHashTable *places;            /* PlaceKey → unowned SbPlace */
  GStringChunk *strings;         /* names split from properties */
  SbSource *source;
  GPtrArray *citations;          /* the one citation of the file, shared */

  SbCalendarDate latest;
  guint32 latest_day;
} Import;

/* A feature's properties, checked; strings are the parsed nodes'. */
typedef struct
{
  SbItemKind kind;
  const char *id;
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

static guint
place_key_hash (gconstpointer data)
{
  const PlaceKey *key = data;

  return g_str_hash (key->name) ^ g_double_hash (&key->lat) ^ (g_double_hash (&key->lon) * 31u) ^
         key->precision;
}

static gboolean
place_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const PlaceKey *key_a = a;
  const PlaceKey *key_b = b;

  return key_a->lat == key_b->lat && key_a->lon == key_b->lon &&
         key_a->precision == key_b->precision && key_a->radius_km == key_b->radius_km &&
         g_str_equal (key_a->name, key_b->name);
}

/* Problems */

static void report (Import        *self,
                    SbProblemCode  code,
                    const char    *member,
                    const char    *format,
                    ...) G_GNUC_PRINTF (4, 5);

/* At the current path, or its @member; the 100th problem ends the list. */
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

  va_start (args, format);
  _sb_import_report_valist (self->problems, &self->n_unlisted, code, path->len > 0 ? path->str : NULL, format, args);
  va_end (args);
}

static void
report_at_offset (Import        *self,
                  SbProblemCode  code,
                  gsize          offset,
                  const char    *message)
{
  SbProblem *problem = sb_problem_new (code, NULL, message);

  sb_json_offset_to_position (self->data, offset, &problem->line, &problem->column);
  g_ptr_array_add (self->problems, problem);
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
is_blank (const char *string)
{
  while (g_ascii_isspace (*string))
    string++;

  return *string == '\0';
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

  if (is_blank (json_node_get_string (node)))
    return NULL;

  return json_node_get_string (node);
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
  const char *members[] = { member, min_member, max_member };
  double values[3] = { 0, };
  gboolean present[3] = { FALSE, };
  JsonNode *approximate;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (properties, members[i]);

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

/* "2022", "2022-08", "2022-08-15", or a date and time of which the day is
 * kept ("2022-08-15T10:00:00Z").
 */
static gboolean
parse_date (const char     *string,
            SbCalendarDate *date)
{
  char day[11];

  if (strlen (string) > 10 && (string[10] == 'T' || string[10] == ' '))
    {
      memcpy (day, string, 10);
      day[10] = '\0';
      string = day;
    }

  return sb_calendar_date_parse (string, date);
}

static gboolean
get_date (Import     *self,
          JsonObject *properties,
          SbDate     *date)
{
  const char *member = "date";
  const char *start = get_string (self, properties, member);
  const char *end = get_string (self, properties, "date_end");
  JsonNode *approximate = json_object_get_member (properties, "date_approximate");

  memset (date, 0, sizeof *date);

  /* ACLED's own GeoJSON names it so. */
  if (start == NULL)
    {
      member = "event_date";
      start = get_string (self, properties, member);
    }

  if (start == NULL)
    {
      report (self, SB_PROBLEM_MISSING_FIELD, NULL,
              _("the feature has no “date”: every statement of a briefing has one; skipped"));
      return FALSE;
    }

  if (!parse_date (start, &date->start))
    {
      report (self, SB_PROBLEM_BAD_DATE, member,
              _("“%s” is not a date; expected “YYYY”, “YYYY-MM” or “YYYY-MM-DD”; skipped"), start);
      return FALSE;
    }

  if (end != NULL)
    {
      if (!parse_date (end, &date->end))
        {
          report (self, SB_PROBLEM_BAD_DATE, "date_end",
                  _("“%s” is not a date; expected “YYYY”, “YYYY-MM” or “YYYY-MM-DD”; skipped"), end);
          return FALSE;
        }
      if (sb_calendar_date_last_day (&date->end) < sb_calendar_date_first_day (&date->start))
        {
          report (self, SB_PROBLEM_BAD_DATE, "date_end", _("the span ends before it starts; skipped"));
          return FALSE;
        }
      date->is_span = TRUE;
    }
  else if (json_object_has_member (properties, "date_end") &&
           JSON_NODE_HOLDS_NULL (json_object_get_member (properties, "date_end")))
    date->is_span = TRUE;   /* open: "since 2015" */

  date->approximate = approximate != NULL && JSON_NODE_HOLDS_VALUE (approximate) &&
                      json_node_get_value_type (approximate) == G_TYPE_BOOLEAN &&
                      json_node_get_boolean (approximate);
  return TRUE;
}

/* "actor", then "actors" as an array of names or one string "A; B". */
static void
get_actor_names (Import     *self,
                 JsonObject *properties,
                 Properties *props)
{
  const char *actor = get_string (self, properties, "actor");
  JsonNode *actors = json_object_get_member (properties, "actors");
  JsonNode *kinds = json_object_get_member (properties, "actor_kinds");

  if (actor != NULL)
    g_ptr_array_add (props->actor_names, (gpointer) actor);

  if (actors == NULL || JSON_NODE_HOLDS_NULL (actors))
    return;

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

          if (!node_is_string (node) || is_blank (json_node_get_string (node)))
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
          g_strstrip (names[i]);
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
  int precision = SB_PLACE_PRECISION_POINT;
  JsonNode *radius = json_object_get_member (properties, "radius_km");

  props->place = get_string (self, properties, "place");
  get_enum (self, properties, "place_precision", SB_TYPE_PLACE_PRECISION, &precision,
            _("taken as “point”"));
  props->place_precision = precision;

  props->country = get_string (self, properties, "country");
  if (props->country != NULL && !country_code_is_valid (props->country))
    {
      report (self, SB_PROBLEM_BAD_VALUE, "country",
              _("“%s” is not an ISO 3166-1 alpha-3 country code such as “MLI”; left out"), props->country);
      props->country = NULL;
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
  g_autoptr(JsonObject) empty = NULL;
  const char *kind;
  int certainty = SB_CERTAINTY_REPORTED;
  int value;
  gsize saved;

  if (properties == NULL)
    properties = empty = json_object_new ();

  saved = push_member (self, "properties");

  props->kind = geometry_kind;
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

  if (!get_date (self, properties, &props->date))
    goto fail;

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

static void
register_entity (Import   *self,
                 gpointer  entity)
{
  g_hash_table_insert (self->by_id, (char *) sb_entity_get_id (entity), entity);
}

static SbActor *
get_actor (Import     *self,
           const char *name,
           const char *kind_nick,
           const char *country)
{
  SbActor *actor = g_hash_table_lookup (self->actors, name);
  g_autofree char *id = NULL;
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *kind = NULL;

  if (actor != NULL)
    return actor;

  if (kind_nick != NULL)
    {
      klass = g_type_class_ref (SB_TYPE_ACTOR_KIND);
      kind = g_enum_get_value_by_nick (klass, kind_nick);
    }

  id = _sb_import_make_id (self->by_id, self->id_counters, NULL, name, "actor");
  actor = _sb_actor_new (id);
  actor->name = _sb_import_text_new (name);
  actor->kind = kind ? (SbActorKind) kind->value : _sb_import_guess_actor_kind (name, country, SB_ACTOR_KIND_ARMED_GROUP);
  g_ptr_array_extend (actor->citations, self->citations, NULL, NULL);
  for (guint i = 0; i < actor->citations->len; i++)
    sb_citation_ref (g_ptr_array_index (actor->citations, i));

  g_ptr_array_add (self->contents.actors, actor);
  register_entity (self, actor);
  g_hash_table_insert (self->actors, g_strdup (name), actor);
  return actor;
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
  PlaceKey key = { lat, lon, props->place_precision, props->radius_km, name ? name : unnamed };
  g_autofree char *id = NULL;
  PlaceKey *stored;
  SbPlace *place;

  place = g_hash_table_lookup (self->places, &key);
  if (place != NULL)
    return place;

  id = _sb_import_make_id (self->by_id, self->id_counters, NULL, name, "place");
  place = _sb_place_new (id);
  place->name = _sb_import_text_new (key.name);
  place->lat = lat;
  place->lon = lon;
  place->precision = props->place_precision;
  place->radius_km = props->radius_km;
  place->country = g_strdup (props->country);

  /* The key keeps the name as the file gives it: the text may be cleaned. */
  stored = g_malloc (sizeof (PlaceKey) + strlen (key.name) + 1);
  *stored = key;
  stored->name = strcpy ((char *) (stored + 1), key.name);

  g_ptr_array_add (self->contents.places, place);
  register_entity (self, place);
  g_hash_table_insert (self->places, stored, place);
  return place;
}

static void
add_item (Import           *self,
          const Properties *props,
          const char       *id_base,
          const char       *fallback_name,
          SbPlace          *place,
          SbPlace          *origin,
          SbGeometry       *geometry)
{
  g_autofree char *id = NULL;
  SbItem *item;

  if (id_base != NULL && sb_id_is_valid (id_base) && !g_hash_table_contains (self->by_id, id_base))
    id = g_strdup (id_base);
  else
    id = _sb_import_make_id (self->by_id, self->id_counters, NULL, id_base, "feature");

  item = _sb_item_new (id, props->kind);
  item->title = props->title ? _sb_import_text_new (props->title) : NULL;
  item->name = props->area_name ? _sb_import_text_new (props->area_name) : NULL;
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
  item->origin = origin;
  item->subtype = props->subtype;
  item->status = props->status;
  item->boundary = props->boundary;
  item->quantity = props->quantity;
  item->geometry = geometry;

  g_ptr_array_add (self->contents.items[props->kind], item);
  register_entity (self, item);

  if (item->first_day > self->latest_day)
    {
      self->latest_day = item->first_day;
      self->latest = item->date.start;
    }
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
      if (node_is_string (nodes[i]) && !is_blank (json_node_get_string (nodes[i])))
        return g_strdup (json_node_get_string (nodes[i]));
      if (node_is_number (nodes[i]))
        return g_strdup_printf ("feature-%" G_GINT64_FORMAT, (gint64) json_node_get_double (nodes[i]));
    }

  return g_strdup_printf ("feature-%u", index + 1);
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
  g_autoptr(GArray) points = NULL;
  g_autoptr(SbGeometry) geometry = NULL;
  g_autofree char *id = NULL;
  g_autofree char *fallback_name = NULL;
  JsonObject *feature, *properties = NULL, *geometry_object;
  JsonNode *member, *coordinates;
  const char *type;
  gboolean ok;
  gsize saved;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, SB_PROBLEM_WRONG_TYPE, NULL, _("a feature is a JSON object; skipped"));
      return;
    }
  feature = json_node_get_object (node);

  member = json_object_get_member (feature, "type");
  if (!node_is_string (member) || !g_str_equal (json_node_get_string (member), "Feature"))
    {
      report (self, member ? SB_PROBLEM_BAD_VALUE : SB_PROBLEM_MISSING_FIELD, member ? "type" : NULL,
              _("a feature has \"type\": \"Feature\"; skipped"));
      return;
    }

  member = json_object_get_member (feature, "properties");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    properties = json_node_get_object (member);
  else if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      report (self, SB_PROBLEM_WRONG_TYPE, "properties",
              _("“properties” is an object or null; the feature is skipped"));
      return;
    }

  member = json_object_get_member (feature, "geometry");
  if (member == NULL)
    {
      report (self, SB_PROBLEM_MISSING_FIELD, NULL,
              _("the feature has no “geometry” member; skipped"));
      return;
    }
  if (JSON_NODE_HOLDS_NULL (member))
    {
      report (self, SB_PROBLEM_MISSING_FIELD, "geometry",
              _("the feature's geometry is null: it has no location to show; skipped"));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (member))
    {
      report (self, SB_PROBLEM_WRONG_TYPE, "geometry", _("a geometry is an object or null; skipped"));
      return;
    }

  geometry_object = json_node_get_object (member);
  member = json_object_get_member (geometry_object, "type");
  type = node_is_string (member) ? json_node_get_string (member) : NULL;
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
    return;

  saved = push_member (self, "geometry");
  coordinates = json_object_get_member (geometry_object, "coordinates");
  push_member (self, "coordinates");
  points = g_array_new (FALSE, FALSE, sizeof (double));

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
    return;

  id = feature_id (feature, properties, index);
  fallback_name = g_strdup_printf ("Feature %u of “%s”", index + 1, self->name);

  if (props.kind == SB_ITEM_KIND_AREA)
    add_item (self, &props, id, fallback_name, NULL, NULL, g_steal_pointer (&geometry));
  else if (props.kind == SB_ITEM_KIND_MOVEMENT)
    {
      const double *p = (const double *) points->data;
      guint last = points->len / 2 - 1;
      SbPlace *from = get_place (self, &props, p[0], p[1], last > 0 ? props.from : props.place);
      SbPlace *to = last > 0 ? get_place (self, &props, p[2 * last], p[2 * last + 1], props.to) : NULL;

      /* A movement exported with one end comes back as a point. */
      if (to == NULL && !props.one_end_from)
        add_item (self, &props, id, fallback_name, from, NULL, NULL);
      else
        add_item (self, &props, id, fallback_name, to, from, NULL);
    }
  else
    {
      for (guint i = 0; i < points->len / 2; i++)
        {
          const double *p = &g_array_index (points, double, 2 * i);
          g_autofree char *point_id = points->len > 2 ? g_strdup_printf ("%s-%u", id, i + 1) : g_strdup (id);

          add_item (self, &props, point_id, fallback_name, get_place (self, &props, p[0], p[1], props.place),
                    NULL, NULL);
        }
    }
}

/* Reading */

static GBytes *
read_stream (Import        *self,
             GInputStream  *stream,
             GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  for (;;)
    {
      gsize old = bytes->len;
      gsize n_read = 0;

      g_byte_array_set_size (bytes, old + READ_CHUNK);
      if (!g_input_stream_read_all (stream, bytes->data + old, READ_CHUNK, &n_read,
                                    self->cancellable, error))
        return NULL;
      g_byte_array_set_size (bytes, old + n_read);

      if (n_read == 0)
        break;

      if (bytes->len > SB_LOADER_MAX_SIZE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("the file is larger than %d MiB"), SB_LOADER_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  /* NUL-terminated, as the builder expects. */
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

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

/* Coordinates are read as WGS 84 degrees; a file that says otherwise is
 * told so, once.
 */
static void
check_crs (Import              *self,
           const SbJsonOutline *outline)
{
  g_autoptr(JsonNode) crs = build_member (self, outline, "crs");
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;

  if (crs == NULL || JSON_NODE_HOLDS_NULL (crs))
    return;

  generator = json_generator_new ();
  json_generator_set_root (generator, crs);
  text = json_generator_to_data (generator, NULL);

  if (strstr (text, "CRS84") == NULL && strstr (text, "4326") == NULL)
    report (self, SB_PROBLEM_BAD_VALUE, "crs",
            _("only WGS 84 longitude and latitude (EPSG:4326) are read; reproject the file first"));
}

static gboolean
import_features (Import              *self,
                 const SbJsonOutline *outline)
{
  g_autoptr(JsonNode) type = build_member (self, outline, "type");
  const char *type_name = node_is_string (type) ? json_node_get_string (type) : NULL;
  const SbJsonMember *features;

  g_string_assign (self->path, "$");

  if (g_strcmp0 (type_name, "Feature") == 0)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) root = NULL;

      for (guint i = 0; i < outline->members->len; i++)
        {
          const SbJsonMember *member = &g_array_index (outline->members, SbJsonMember, i);

          json_object_set_member (object, member->name, sb_json_build (self->data, member->value));
        }
      root = json_node_init_object (json_node_alloc (), object);
      import_feature (self, root, 0);
      return TRUE;
    }

  if (g_strcmp0 (type_name, "FeatureCollection") != 0)
    {
      report (self, SB_PROBLEM_NOT_BRIEFING, type_name ? "type" : NULL,
              _("this is not a GeoJSON FeatureCollection or Feature"));
      return FALSE;
    }

  check_crs (self, outline);

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
              _("this is not GeoJSON: the file must hold one JSON object, a FeatureCollection or a Feature"));
      return FALSE;
    }

  return TRUE;
}

static char *
title_from_name (const char *name)
{
  static const char * const extensions[] = { ".geojson", ".json", ".GEOJSON", ".JSON" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (name, extensions[i]) && strlen (name) > strlen (extensions[i]))
      return g_strndup (name, strlen (name) - strlen (extensions[i]));

  return g_strdup (name);
}

static void
import_init (Import     *self,
             const char *name)
{
  g_autofree char *source_id = NULL;
  g_autofree char *note = NULL;

  memset (self, 0, sizeof *self);
  self->name = g_utf8_make_valid (name, -1);
  name = self->name;
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);
  self->path = g_string_new (NULL);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->id_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->places = g_hash_table_new_full (place_key_hash, place_key_equal, g_free, NULL);
  self->strings = g_string_chunk_new (1024);

  self->contents.sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->contents.actors = g_ptr_array_new_with_free_func (g_object_unref);
  self->contents.places = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    self->contents.items[i] = g_ptr_array_new_with_free_func (g_object_unref);

  /* The file is the source: it has no text, so it is cited by name. */
  source_id = _sb_import_make_id (self->by_id, NULL, "source-", name, "geojson");
  self->source = _sb_source_new (source_id);
  self->source->title = _sb_import_text_new (name);
  self->source->language = g_strdup ("en");
  note = g_strdup_printf ("The GeoJSON file “%s”, imported into this briefing. GeoJSON holds no source text: statements cite the file by name.", name);
  self->source->note = _sb_import_text_new_take (g_steal_pointer (&note));
  g_ptr_array_add (self->contents.sources, self->source);
  register_entity (self, self->source);

  self->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  g_ptr_array_add (self->citations, sb_citation_new (self->source, NULL));
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_string_free (self->path, TRUE);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->id_counters, g_hash_table_unref);
  g_clear_pointer (&self->actors, g_hash_table_unref);
  g_clear_pointer (&self->places, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  _sb_briefing_contents_clear (&self->contents);
}

static guint
count_items (Import *self)
{
  guint n = 0;

  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    n += self->contents.items[i]->len;

  return n;
}

static SbBriefing *
finish (Import *self)
{
  self->source->date.start = self->latest;

  self->contents.title = _sb_import_text_new_take (title_from_name (self->name));
  self->contents.language = g_strdup ("en");
  self->contents.date.start = self->latest;
  self->contents.description =
    _sb_import_text_new_take (g_strdup_printf ("Imported from the GeoJSON file “%s”: %u statements.",
                                             self->name, count_items (self)));

  return _sb_briefing_new_take (&self->contents, g_steal_pointer (&self->by_id));
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
 * sb_geojson_import:
 * @name: (nullable): the file's name: the briefing's title and its source
 * @problems: (out) (optional) (transfer full): what could not be imported,
 *   at most 100, with the JSON path of the feature and its line and column
 *
 * Reads a GeoJSON FeatureCollection or Feature from @stream; blocks, so
 * call it from a thread.
 *
 * Returns: (transfer full) (nullable): the briefing, or %NULL when the
 *   text is not GeoJSON or no feature could be imported
 */
SbBriefing *
sb_geojson_import (GInputStream  *stream,
                   const char    *name,
                   GCancellable  *cancellable,
                   GPtrArray    **problems)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SbJsonOutline outline = { 0, };
  SbBriefing *briefing = NULL;
  Import import;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  import_init (&import, name ? name : "GeoJSON");
  import.cancellable = cancellable;

  bytes = read_stream (&import, stream, &error);
  if (bytes == NULL)
    report (&import, SB_PROBLEM_IO, NULL, "%s", error->message);
  else
    {
      import.data = g_bytes_get_data (bytes, &import.length);
      import.length--;   /* the NUL */

      /* A byte-order mark is harmless; some Windows tools write one. */
      if (import.length >= 3 && memcmp (import.data, "\xEF\xBB\xBF", 3) == 0)
        {
          import.data += 3;
          import.length -= 3;
        }

      if (check_text (&import, &outline) && import_features (&import, &outline))
        {
          if (count_items (&import) > 0)
            briefing = finish (&import);
          else
            {
              g_string_truncate (import.path, 0);
              report (&import, SB_PROBLEM_NOT_BRIEFING, NULL, "%s",
                      _("no feature could be imported"));
            }
        }

      sb_json_locate_problems (import.data, import.length, import.problems);
      g_ptr_array_sort (import.problems, compare_problems);
    }

  _sb_import_finish_problems (import.problems, import.n_unlisted);

  if (problems != NULL)
    *problems = g_ptr_array_ref (import.problems);

  sb_json_outline_clear (&outline);
  import_clear (&import);
  return briefing;
}

/**
 * sb_geojson_import_file:
 *
 * Imports @file with sb_geojson_import(), named after its base name.
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_geojson_import_file (GFile         *file,
                        GCancellable  *cancellable,
                        GPtrArray    **problems)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = _sb_import_open (file, &name, cancellable, problems);
  if (stream == NULL)
    return NULL;

  return sb_geojson_import (stream, name, cancellable, problems);
}

/* Export */

static void
append_string (GString    *out,
               const char *string)
{
  const char *run = string;
  const char *p;

  if (string == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (p = string; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Shortest decimal text that keeps @digits decimals, in any locale. */
static void
append_number (GString *out,
               double   value,
               int      digits)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *end;

  g_snprintf (format, sizeof format, "%%.%df", digits);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  end = buffer + strlen (buffer);
  if (strchr (buffer, '.') != NULL)
    {
      while (end[-1] == '0')
        end--;
      if (end[-1] == '.')
        end--;
      *end = '\0';
    }
  if (g_str_equal (buffer, "-0"))
    g_strlcpy (buffer, "0", sizeof buffer);

  g_string_append (out, buffer);
}

static void
append_key (GString    *out,
            const char *key)
{
  g_string_append (out, ",\"");
  g_string_append (out, key);
  g_string_append (out, "\":");
}

static void
append_member_string (GString    *out,
                      const char *key,
                      const char *value)
{
  if (value == NULL)
    return;

  append_key (out, key);
  append_string (out, value);
}

static void
append_member_text (GString    *out,
                    const char *key,
                    SbText     *text)
{
  append_member_string (out, key, sb_text_get (text));
}

static void
append_member_number (GString    *out,
                      const char *key,
                      double      value)
{
  append_key (out, key);
  append_number (out, value, 6);
}

static void
append_member_bool (GString    *out,
                    const char *key,
                    gboolean    value)
{
  append_key (out, key);
  g_string_append (out, value ? "true" : "false");
}

/* "2022-08-15", quoted: printf is slow for a million of them. */
static void
append_iso_day (GString *out,
                guint    year,
                guint    month,
                guint    day)
{
  char text[] = "\"0000-00-00\"";

  text[1] += year / 1000 % 10;
  text[2] += year / 100 % 10;
  text[3] += year / 10 % 10;
  text[4] += year % 10;
  text[6] += month / 10;
  text[7] += month % 10;
  text[9] += day / 10;
  text[10] += day % 10;
  g_string_append_len (out, text, sizeof text - 1);
}

static void
append_day (GString    *out,
            const char *key,
            guint32     julian_day)
{
  GDate date;

  if (julian_day == 0 || !g_date_valid_julian (julian_day))
    return;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  append_key (out, key);
  append_iso_day (out, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

static void
append_date (GString      *out,
             const SbDate *date,
             guint32       open_end)
{
  static const char * const precisions[] = { NULL, "year", "month", "day" };
  g_autofree char *start = sb_calendar_date_to_string (&date->start);
  g_autofree char *end = sb_calendar_date_to_string (&date->end);

  append_member_string (out, "date", start);
  if (date->is_span)
    {
      /* null: the span is open, "since 2015". */
      append_key (out, "date_end");
      append_string (out, end);
    }
  append_member_string (out, "date_precision", precisions[date->start.precision]);
  append_member_bool (out, "date_approximate", date->approximate);

  /* Whole days, for QGIS's temporal controller. */
  append_day (out, "first_day", sb_date_get_first_day (date));
  append_day (out, "last_day", sb_date_get_last_day (date, open_end));
}

static void
append_quantity (GString          *out,
                 const char       *key,
                 const SbQuantity *quantity)
{
  g_autofree char *min_key = NULL;
  g_autofree char *max_key = NULL;
  g_autofree char *approximate_key = NULL;

  if (!sb_quantity_is_set (quantity))
    return;

  min_key = g_strconcat (key, "_min", NULL);
  max_key = g_strconcat (key, "_max", NULL);
  append_member_number (out, min_key, quantity->min);
  append_member_number (out, max_key, quantity->max);

  if (quantity->approximate)
    {
      approximate_key = g_strconcat (key, "_approximate", NULL);
      append_member_bool (out, approximate_key, TRUE);
    }
}

static void
append_actors (GString *out,
               SbItem  *item)
{
  guint n = sb_item_get_n_actors (item);

  append_key (out, "actors");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_string (out, sb_text_get (sb_actor_get_name (sb_item_get_actor (item, i))));
    }

  /* So that the kinds come back when the file is imported again. */
  g_string_append (out, "],\"actor_kinds\":[");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_string (out, sb_enum_to_nick (SB_TYPE_ACTOR_KIND, sb_actor_get_kind (sb_item_get_actor (item, i))));
    }
  g_string_append_c (out, ']');
}

static void
append_sources (GString   *out,
                GPtrArray *citations)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  append_key (out, "sources");
  g_string_append_c (out, '[');
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (citations, i);

      if (citation->source == NULL || g_ptr_array_find (seen, citation->source, NULL))
        continue;

      if (seen->len > 0)
        g_string_append_c (out, ',');
      g_ptr_array_add (seen, citation->source);
      append_string (out, sb_text_get (sb_source_get_title (citation->source)));
    }
  g_string_append_c (out, ']');
}

static void
append_place_properties (GString *out,
                         SbPlace *place)
{
  if (place == NULL)
    return;

  append_member_text (out, "place", sb_place_get_name (place));
  append_member_string (out, "place_precision",
                        sb_enum_to_nick (SB_TYPE_PLACE_PRECISION, sb_place_get_precision (place)));
  if (sb_place_get_precision (place) != SB_PLACE_PRECISION_POINT)
    append_member_number (out, "radius_km", sb_place_get_radius_km (place));
  append_member_string (out, "country", sb_place_get_country (place));
}

static void
append_position (GString *out,
                 double   lon,
                 double   lat)
{
  g_string_append_c (out, '[');
  append_number (out, lon, 7);
  g_string_append_c (out, ',');
  append_number (out, lat, 7);
  g_string_append_c (out, ']');
}

static void
append_geometry (GString *out,
                 SbItem  *item)
{
  SbPlace *place = sb_item_get_place (item);
  SbPlace *origin = sb_item_get_origin (item);
  const SbGeometry *geometry = sb_item_get_geometry (item);

  g_string_append (out, "\"geometry\":");

  if (geometry != NULL)
    {
      gboolean multi = geometry->n_polygons != 1;

      g_string_append_printf (out, "{\"type\":\"%s\",\"coordinates\":", multi ? "MultiPolygon" : "Polygon");
      if (multi)
        g_string_append_c (out, '[');
      for (guint p = 0; p < geometry->n_polygons; p++)
        {
          const SbPolygon *polygon = &geometry->polygons[p];

          g_string_append (out, p > 0 ? ",[" : "[");
          for (guint r = 0; r < polygon->n_rings; r++)
            {
              g_string_append (out, r > 0 ? ",[" : "[");
              for (guint i = 0; i < polygon->rings[r].n_points; i++)
                {
                  if (i > 0)
                    g_string_append_c (out, ',');
                  append_position (out, polygon->rings[r].points[2 * i], polygon->rings[r].points[2 * i + 1]);
                }
              g_string_append_c (out, ']');
            }
          g_string_append_c (out, ']');
        }
      if (multi)
        g_string_append_c (out, ']');
      g_string_append_c (out, '}');
    }
  else if (place != NULL && origin != NULL)
    {
      g_string_append (out, "{\"type\":\"LineString\",\"coordinates\":[");
      append_position (out, sb_place_get_longitude (origin), sb_place_get_latitude (origin));
      g_string_append_c (out, ',');
      append_position (out, sb_place_get_longitude (place), sb_place_get_latitude (place));
      g_string_append (out, "]}");
    }
  else if (place != NULL || origin != NULL)
    {
      SbPlace *point = place ? place : origin;

      g_string_append (out, "{\"type\":\"Point\",\"coordinates\":");
      append_position (out, sb_place_get_longitude (point), sb_place_get_latitude (point));
      g_string_append_c (out, '}');
    }
  else
    g_string_append (out, "null");
}

static void
append_feature (GString    *out,
                SbItem     *item,
                SbBriefing *briefing)
{
  SbItemKind kind = sb_item_get_kind (item);
  SbPlace *place = sb_item_get_place (item);
  SbPlace *origin = sb_item_get_origin (item);
  const SbEvidence *evidence = sb_item_get_evidence (item);

  g_string_append (out, "{\"type\":\"Feature\",");
  append_geometry (out, item);
  g_string_append (out, ",\"properties\":{\"id\":");
  append_string (out, sb_entity_get_id (SB_ENTITY (item)));
  append_member_string (out, "kind", sb_enum_to_nick (SB_TYPE_ITEM_KIND, kind));
  append_member_text (out, "title", sb_item_get_title (item));
  append_member_text (out, "description", sb_item_get_description (item));
  append_date (out, sb_item_get_date (item), sb_briefing_get_last_day (briefing));
  append_member_string (out, "certainty", sb_enum_to_nick (SB_TYPE_CERTAINTY, evidence->certainty));
  if (evidence->claimed_by != NULL)
    append_member_text (out, "claimed_by", sb_actor_get_name (evidence->claimed_by));
  append_actors (out, item);

  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      append_member_string (out, "status", sb_enum_to_nick (SB_TYPE_DEPLOYMENT_STATUS, item->status));
      append_quantity (out, "strength", sb_item_get_strength (item));
      append_member_text (out, "role", sb_item_get_role (item));
      append_place_properties (out, place);
      break;

    case SB_ITEM_KIND_MOVEMENT:
      append_member_string (out, "status", sb_enum_to_nick (SB_TYPE_MOVEMENT_STATUS, item->status));
      if (item->subtype != SB_MOVEMENT_MEANS_UNSPECIFIED)
        append_member_string (out, "means", sb_enum_to_nick (SB_TYPE_MOVEMENT_MEANS, item->subtype));
      append_quantity (out, "strength", sb_item_get_strength (item));
      if (origin != NULL)
        append_member_text (out, "from", sb_place_get_name (origin));
      if (place != NULL)
        append_member_text (out, "to", sb_place_get_name (place));
      if (place == NULL || origin == NULL)
        {
          append_member_string (out, "end", place ? "to" : "from");
          append_place_properties (out, place ? place : origin);
        }
      break;

    case SB_ITEM_KIND_INCIDENT:
      append_member_string (out, "type", sb_enum_to_nick (SB_TYPE_INCIDENT_TYPE, item->subtype));
      append_quantity (out, "fatalities", sb_item_get_fatalities (item));
      append_place_properties (out, place);
      break;

    case SB_ITEM_KIND_AREA:
    default:
      append_member_string (out, "area_kind", sb_enum_to_nick (SB_TYPE_AREA_KIND, item->subtype));
      append_member_string (out, "boundary", sb_enum_to_nick (SB_TYPE_BOUNDARY, item->boundary));
      append_member_text (out, "name", sb_item_get_name (item));
      break;
    }

  append_sources (out, evidence->citations);
  g_string_append (out, "}}");
}

/* The features, a line each; with @stream, written out as they go. */
static gboolean
write_features (SbBriefing     *briefing,
                const SbFilter *filter,
                GString        *out,
                GOutputStream  *stream,
                GCancellable   *cancellable,
                GError        **error)
{
  GListModel *items = sb_briefing_get_all_items (briefing);
  guint n = g_list_model_get_n_items (items);
  guint n_written = 0;

  g_string_append (out, "{\"type\":\"FeatureCollection\",\"name\":");
  append_string (out, sb_text_get (sb_briefing_get_title (briefing)));
  g_string_append (out, ",\"features\":[\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      if (filter != NULL && !sb_filter_item_is_visible (filter, item))
        continue;

      if (n_written++ > 0)
        g_string_append (out, ",\n");
      append_feature (out, item, briefing);

      if (stream != NULL && out->len >= EXPORT_CHUNK)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  g_string_append (out, "\n]}\n");

  return stream == NULL || g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

/**
 * sb_geojson_export:
 * @filter: (nullable): only the statements its filters show; %NULL for
 *   every statement
 * @length: (out) (optional): the length of the text
 *
 * Writes the briefing's statements as a GeoJSON FeatureCollection in
 * WGS 84 longitude and latitude (EPSG:4326), one feature a line, with
 * flat properties that QGIS reads as columns: deployments and incidents
 * as points at their place, movements as lines from origin to
 * destination (a point when only one end is known), areas as polygons.
 * Texts are in the user's language.
 *
 * Returns: (transfer full): the GeoJSON text
 */
char *
sb_geojson_export (SbBriefing  *briefing,
                   SbSelection *filter,
                   gsize       *length)
{
  g_autoptr(SbFilter) snapshot = NULL;
  GString *out;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (filter == NULL || SB_IS_SELECTION (filter), NULL);

  if (filter != NULL)
    snapshot = sb_filter_new_from_selection (filter);
  out = g_string_sized_new (4096 + (gsize) g_list_model_get_n_items (sb_briefing_get_all_items (briefing)) * 640);
  write_features (briefing, snapshot, out, NULL, NULL, NULL);

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * sb_geojson_export_to_stream:
 * @filter: (nullable): only the statements it shows; a snapshot, so that
 *   a worker thread can write while the selection changes
 *
 * Writes what sb_geojson_export() returns to @stream, a piece at a time:
 * for exports too large to hold twice in memory.
 *
 * Returns: %TRUE when all was written
 */
gboolean
sb_geojson_export_to_stream (SbBriefing     *briefing,
                             const SbFilter *filter,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  out = g_string_sized_new (EXPORT_CHUNK + 64 * 1024);
  return write_features (briefing, filter, out, stream, cancellable, error);
}

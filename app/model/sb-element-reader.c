/* sb-element-reader.c
 *
 * One element of a briefing, from its parsed JSON to a model object: the
 * format, field by field. Every problem is reported and reading goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-element-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sb-country-code.h"
#include "sb-element-reader.h"
#include "sb-enums.h"
#include "sb-loader.h"
#include "sb-reference-reader.h"

/* A country as the format writes it; one an older briefing wrote as "NE"
 * or "ner" is read as the code it can only mean, and said so: the
 * briefing opens, and saving it writes the code the format asks for.
 */
static char *
read_country (SbReader     *reader,
              SbJsonObject *object,
              SbPresence    presence)
{
  const char *code = sb_reader_get_string (reader, object, "country", presence);
  const char *understood;

  if (code == NULL)
    return NULL;
  if (sb_country_code_is_alpha3 (code))
    return g_strdup (code);

  understood = sb_country_code_understand (code);
  if (understood == NULL)
    {
      sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, "country",
                        _("“%s” is not %s"), code, _("an ISO 3166-1 alpha-3 country code such as “MLI”"));
      return NULL;
    }
  /* TRANSLATORS: "“NE” is not an ISO 3166-1 alpha-3 code; read as “NER”, which saving writes" */
  sb_reader_report (reader, SB_PROBLEM_COUNTRY_CODE, "country",
                    _("“%s” is not an ISO 3166-1 alpha-3 code; read as “%s”, which saving writes"), code, understood);
  return g_strdup (understood);
}

static gboolean
colour_is_valid (const char *colour)
{
  if (strlen (colour) != 7 || colour[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;

  return TRUE;
}

static gboolean
url_is_valid (const char *url)
{
  return (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) &&
         g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

/* sb_reader_get_enum() into a statement's 16-bit field. */
static void
get_small_enum (SbReader     *reader,
                SbJsonObject *object,
                const char   *member,
                SbPresence    presence,
                GType         type,
                gint8        *into)
{
  int value = *into;

  sb_reader_get_enum (reader, object, member, presence, type, &value);
  *into = value;
}

static GPtrArray *
read_figures (SbReader   *reader,
              SbJsonObject *object)
{
  static const char * const members[] = {
    "measure", "label", "value", "as_of", "certainty", "claimed_by", "citations", NULL
  };
  SbJsonArray *array = sb_reader_get_array (reader, object, "figures", SB_OPTIONAL);
  GPtrArray *figures;
  gsize saved;

  if (array == NULL)
    return NULL;

  figures = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);
  saved = sb_reader_push_member (reader, "figures");

  for (guint i = 0; i < sb_json_array_get_length (array); i++)
    {
      gsize saved_index = sb_reader_push_index (reader, i);
      SbJsonObject *figure_object = sb_reader_as_object (reader, sb_json_array_get_element (array, i));
      SbFigure *figure;
      int measure = SB_FIGURE_MEASURE_OTHER;

      if (figure_object != NULL)
        {
          figure = sb_figure_new ();
          sb_reader_check_members (reader, figure_object, members);
          sb_reader_get_enum (reader, figure_object, "measure", SB_REQUIRED,
                              SB_TYPE_FIGURE_MEASURE, &measure);
          figure->measure = measure;
          figure->label = sb_reader_get_text (reader, figure_object, "label", SB_OPTIONAL);
          sb_reader_get_quantity (reader, figure_object, "value", SB_REQUIRED, &figure->value);
          sb_reader_get_date (reader, figure_object, "as_of", SB_REQUIRED, &figure->as_of);
          sb_reader_get_evidence (reader, figure_object, &figure->evidence);
          g_ptr_array_add (figures, figure);
        }

      sb_reader_pop (reader, saved_index);
    }

  sb_reader_pop (reader, saved);
  return figures;
}

static void
read_relations (SbReader   *reader,
                SbJsonObject *object,
                SbActor    *actor)
{
  static const char * const members[] = {
    "type", "target", "description", "date", "certainty", "claimed_by", "citations", NULL
  };
  SbJsonArray *array = sb_reader_get_array (reader, object, "relations", SB_OPTIONAL);
  gsize saved;

  if (array == NULL)
    return;

  saved = sb_reader_push_member (reader, "relations");

  for (guint i = 0; i < sb_json_array_get_length (array); i++)
    {
      gsize saved_index = sb_reader_push_index (reader, i);
      SbJsonObject *relation_object = sb_reader_as_object (reader, sb_json_array_get_element (array, i));
      SbRelation *relation;
      int type = SB_RELATION_TYPE_SUPPORTS;

      if (relation_object != NULL)
        {
          relation = sb_relation_new ();
          sb_reader_check_members (reader, relation_object, members);
          sb_reader_get_enum (reader, relation_object, "type", SB_REQUIRED,
                              SB_TYPE_RELATION_TYPE, &type);
          relation->type = type;
          sb_reader_get_reference (reader, relation_object, "target", SB_REQUIRED,
                                                         SB_TYPE_ACTOR, (gpointer *) &relation->target);
          relation->description = sb_reader_get_text (reader, relation_object, "description", SB_OPTIONAL);
          sb_reader_get_date (reader, relation_object, "date", SB_OPTIONAL, &relation->date);
          sb_reader_get_evidence (reader, relation_object, &relation->evidence);
          g_ptr_array_add (actor->relations, relation);
        }

      sb_reader_pop (reader, saved_index);
    }

  sb_reader_pop (reader, saved);
}

SbSource *
sb_read_source (SbReader   *reader,
                SbJsonObject *object)
{
  static const char * const members[] = {
    "id", "title", "publisher", "author", "date", "language", "url", "text", "note", NULL
  };
  g_autofree char *id = sb_reader_get_id (reader, object);
  SbSource *source = _sb_source_new (id ? id : "");

  sb_reader_check_members (reader, object, members);
  source->title = sb_reader_get_text (reader, object, "title", SB_REQUIRED);
  source->publisher = sb_reader_dup_string (reader, object, "publisher", SB_OPTIONAL);
  source->author = sb_reader_dup_string (reader, object, "author", SB_OPTIONAL);
  sb_reader_get_date (reader, object, "date", SB_REQUIRED, &source->date);
  source->language = sb_reader_get_code (reader, object, "language", SB_REQUIRED,
                                         _("a language code such as “en”, “nl” or “pt-BR”"),
                                         sb_language_code_is_valid);
  source->url = sb_reader_get_code (reader, object, "url", SB_OPTIONAL,
                                    _("an http:// or https:// address"), url_is_valid);
  source->text = sb_reader_dup_string (reader, object, "text", SB_OPTIONAL);
  source->passages_text = source->text;
  source->note = sb_reader_get_text (reader, object, "note", SB_OPTIONAL);

  return source;
}

SbActor *
sb_read_actor (SbReader   *reader,
               SbJsonObject *object)
{
  static const char * const members[] = {
    "id", "name", "short_name", "aliases", "kind", "affiliation", "country", "colour",
    "summary", "figures", "relations", "citations", NULL
  };
  g_autofree char *id = sb_reader_get_id (reader, object);
  g_autofree char *colour = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  SbActor *actor = _sb_actor_new (id ? id : "");
  int kind = SB_ACTOR_KIND_ARMED_GROUP;

  sb_reader_check_members (reader, object, members);
  actor->name = sb_reader_get_text (reader, object, "name", SB_REQUIRED);
  actor->short_name = sb_reader_get_text (reader, object, "short_name", SB_OPTIONAL);
  actor->aliases = sb_reader_get_strings (reader, object, "aliases");
  sb_reader_get_enum (reader, object, "kind", SB_REQUIRED, SB_TYPE_ACTOR_KIND, &kind);
  actor->kind = kind;
  actor->affiliation = sb_reader_get_text (reader, object, "affiliation", SB_OPTIONAL);
  actor->country = read_country (reader, object, SB_OPTIONAL);

  colour = sb_reader_get_code (reader, object, "colour", SB_OPTIONAL,
                               _("a colour of the form “#rrggbb”"), colour_is_valid);
  if (colour != NULL)
    {
      actor->colour = strtoul (colour + 1, NULL, 16);
      actor->has_colour = TRUE;
    }

  actor->summary = sb_reader_get_text (reader, object, "summary", SB_OPTIONAL);

  figures = read_figures (reader, object);
  if (figures != NULL)
    g_ptr_array_extend_and_steal (actor->figures, g_steal_pointer (&figures));

  read_relations (reader, object, actor);

  citations = sb_reader_get_citations (reader, object, "citations", SB_REQUIRED);
  if (citations != NULL)
    g_ptr_array_extend_and_steal (actor->citations, g_steal_pointer (&citations));

  return actor;
}

/* "properties": what a file imported into the briefing said of the
 * statement or place, key and value, kept so that nothing is lost.
 */
static char **
read_properties (SbReader   *reader,
                 SbJsonObject *object)
{
  SbJsonObject *properties = sb_reader_get_object (reader, object, "properties", SB_OPTIONAL);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GList) members = NULL;
  gsize saved;

  if (properties == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  saved = sb_reader_push_member (reader, "properties");
  members = sb_json_object_get_members (properties);
  for (GList *l = members; l != NULL; l = l->next)
    {
      SbJsonNode *node = sb_json_object_get_member (properties, l->data);

      if (!SB_JSON_NODE_HOLDS_VALUE (node) || sb_json_node_get_value_type (node) != G_TYPE_STRING)
        {
          sb_reader_report (reader, SB_PROBLEM_WRONG_TYPE, l->data, _("a property's value is a string"));
          continue;
        }

      g_strv_builder_add (builder, l->data);
      g_strv_builder_add (builder, sb_json_node_get_string (node));
    }
  sb_reader_pop (reader, saved);

  return g_strv_builder_end (builder);
}

static SbGeometry *read_geometry (SbReader   *reader,
                                  SbJsonObject *object,
                                  SbPresence  presence);

SbPlace *
sb_read_place (SbReader   *reader,
               SbJsonObject *object)
{
  static const char * const members[] = {
    "id", "name", "lat", "lon", "precision", "radius_km", "country", "reference", "geometry",
    "properties", NULL
  };
  gboolean reference = FALSE;
  g_autofree char *id = sb_reader_get_id (reader, object);
  SbPlace *place = _sb_place_new (id ? id : "");
  int precision = SB_PLACE_PRECISION_POINT;

  sb_reader_check_members (reader, object, members);
  place->name = sb_reader_get_text (reader, object, "name", SB_REQUIRED);
  sb_reader_get_number (reader, object, "lat", SB_REQUIRED, -90, 90, &place->lat);
  sb_reader_get_number (reader, object, "lon", SB_REQUIRED, -180, 180, &place->lon);
  sb_reader_get_enum (reader, object, "precision", SB_REQUIRED,
                      SB_TYPE_PLACE_PRECISION, &precision);
  place->precision = precision;
  sb_reader_get_number (reader, object, "radius_km", SB_OPTIONAL, 0.1, 3000, &place->radius_km);
  place->country = read_country (reader, object, precision == SB_PLACE_PRECISION_COUNTRY ? SB_REQUIRED : SB_OPTIONAL);
  sb_reader_get_boolean (reader, object, "reference", &reference);
  place->reference = reference;
  place->geometry = read_geometry (reader, object, SB_OPTIONAL);
  place->properties = read_properties (reader, object);

  return place;
}

/* The fields every statement has; @members lists them with the kind's own. */
#define STATEMENT_MEMBERS "id", "title", "description", "date", "certainty", "claimed_by", "figures", \
                          "citations", "properties"

static SbItem *
read_statement (SbReader           *reader,
                SbJsonObject         *object,
                SbItemKind          kind,
                const char * const *members)
{
  g_autofree char *id = sb_reader_get_id (reader, object);
  SbItem *item = _sb_item_new (id ? id : "", kind);

  sb_reader_check_members (reader, object, members);
  item->title = sb_reader_get_text (reader, object, "title", SB_OPTIONAL);
  item->description = sb_reader_get_text (reader, object, "description", SB_REQUIRED);
  sb_reader_get_date (reader, object, "date", SB_REQUIRED, &item->date);
  item->first_day = sb_date_get_first_day (&item->date);
  sb_reader_get_evidence (reader, object, &item->evidence);
  {
    GPtrArray *figures = read_figures (reader, object);
    char **properties = read_properties (reader, object);

    if (figures != NULL)
      _sb_item_extra (item)->figures = figures;
    if (properties != NULL)
      _sb_item_extra (item)->properties = properties;
  }

  return item;
}

/* Deployments and movements have exactly one actor. */
static void
read_single_actor (SbReader   *reader,
                   SbJsonObject *object,
                   SbItem     *item)
{
  item->actors = g_ptr_array_sized_new (1);
  g_ptr_array_set_size (item->actors, 1);

  if (!sb_reader_get_reference (reader, object, "actor", SB_REQUIRED,
                                SB_TYPE_ACTOR, &item->actors->pdata[0]))
    g_clear_pointer (&item->actors, g_ptr_array_unref);
}

static SbItem *
read_deployment (SbReader   *reader,
                SbJsonObject *object)
{
  static const char * const members[] = {
    "actor", "place", "status", "strength", "role", STATEMENT_MEMBERS, NULL
  };
  SbItem *item = read_statement (reader, object, SB_ITEM_KIND_DEPLOYMENT, members);
  SbText *role;

  read_single_actor (reader, object, item);
  sb_reader_get_reference (reader, object, "place", SB_REQUIRED,
                           SB_TYPE_PLACE, (gpointer *) &item->place);
  get_small_enum (reader, object, "status", SB_REQUIRED,
                  SB_TYPE_DEPLOYMENT_STATUS, &item->status);
  sb_reader_get_quantity (reader, object, "strength", SB_OPTIONAL, &item->quantity);
  role = sb_reader_get_text (reader, object, "role", SB_OPTIONAL);
  if (role != NULL)
    _sb_item_extra (item)->role = role;

  return item;
}

static SbItem *
read_movement (SbReader   *reader,
              SbJsonObject *object)
{
  static const char * const members[] = {
    "actor", "from", "to", "status", "means", "strength", STATEMENT_MEMBERS, NULL
  };
  SbItem *item = read_statement (reader, object, SB_ITEM_KIND_MOVEMENT, members);
  SbPlace *origin = NULL;

  read_single_actor (reader, object, item);
  sb_reader_get_reference (reader, object, "from", SB_OPTIONAL,
                           SB_TYPE_PLACE, (gpointer *) &origin);
  if (origin != NULL)
    _sb_item_extra (item)->origin = origin;
  sb_reader_get_reference (reader, object, "to", SB_OPTIONAL,
                           SB_TYPE_PLACE, (gpointer *) &item->place);

  if (!sb_json_object_has_member (object, "from") && !sb_json_object_has_member (object, "to"))
    sb_reader_report (reader, SB_PROBLEM_MISSING_FIELD, "to",
                      _("a movement needs “from”, “to” or both"));

  get_small_enum (reader, object, "status", SB_REQUIRED,
                  SB_TYPE_MOVEMENT_STATUS, &item->status);
  get_small_enum (reader, object, "means", SB_OPTIONAL,
                  SB_TYPE_MOVEMENT_MEANS, &item->subtype);
  sb_reader_get_quantity (reader, object, "strength", SB_OPTIONAL, &item->quantity);

  return item;
}

/* The id at @index of the array @member of @object, when it is one. */
static const char *
id_at (SbJsonObject *object,
       const char   *member,
       guint         index)
{
  SbJsonNode *node = sb_json_object_get_member (object, member);
  SbJsonArray *array = node != NULL && SB_JSON_NODE_HOLDS_ARRAY (node) ? sb_json_node_get_array (node) : NULL;
  SbJsonNode *element = array != NULL && index < sb_json_array_get_length (array)
                        ? sb_json_array_get_element (array, index) : NULL;

  return element != NULL && SB_JSON_NODE_HOLDS_VALUE (element) && sb_json_node_get_value_type (element) == G_TYPE_STRING
         ? sb_json_node_get_string (element) : NULL;
}

/* An incident's target is not among those who took part in it. */
static void
check_targets (SbReader     *reader,
               SbJsonObject *object,
               SbItem       *item)
{
  GPtrArray *targets = _sb_item_peek_extra (item)->targets;
  gsize saved;

  if (targets == NULL || item->actors == NULL)
    return;

  saved = sb_reader_push_member (reader, "targets");
  for (guint i = 0; i < targets->len; i++)
    {
      const char *target = id_at (object, "targets", i);

      for (guint j = 0; target != NULL && j < item->actors->len; j++)
        if (g_strcmp0 (target, id_at (object, "actors", j)) == 0)
          {
            gsize saved_index = sb_reader_push_index (reader, i);

            sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, NULL,
                              _("“%s” is among both the actors and the targets: a target is the side on the receiving end, not one that took part"),
                              target);
            sb_reader_pop (reader, saved_index);
            break;
          }
    }
  sb_reader_pop (reader, saved);
}

static SbItem *
read_incident (SbReader   *reader,
              SbJsonObject *object)
{
  static const char * const members[] = {
    "type", "actors", "targets", "place", "fatalities", STATEMENT_MEMBERS, NULL
  };
  SbItem *item = read_statement (reader, object, SB_ITEM_KIND_INCIDENT, members);

  get_small_enum (reader, object, "type", SB_REQUIRED,
                  SB_TYPE_INCIDENT_TYPE, &item->subtype);
  item->actors = sb_reader_get_references (reader, object, "actors", SB_TYPE_ACTOR);
  /* The side attacked (format version 3). */
  if (sb_json_object_has_member (object, "targets") && reader->version < 3)
    sb_reader_report (reader, SB_PROBLEM_UNKNOWN_FIELD, "targets",
                      _("the targets of an incident need format version 3: set \"version\": 3"));
  else if (sb_json_object_has_member (object, "targets"))
    _sb_item_extra (item)->targets = sb_reader_get_references (reader, object, "targets", SB_TYPE_ACTOR);
  check_targets (reader, object, item);
  sb_reader_get_reference (reader, object, "place", SB_REQUIRED,
                           SB_TYPE_PLACE, (gpointer *) &item->place);
  sb_reader_get_quantity (reader, object, "fatalities", SB_OPTIONAL, &item->quantity);

  return item;
}

static gboolean
read_ring (SbReader *reader,
           SbJsonNode *node,
           SbRing   *ring)
{
  SbJsonArray *positions;
  guint n;

  if (!SB_JSON_NODE_HOLDS_ARRAY (node))
    {
      sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, NULL,
                        _("a ring is an array of [longitude, latitude] positions"));
      return FALSE;
    }

  positions = sb_json_node_get_array (node);
  n = sb_json_array_get_length (positions);
  if (n < 4)
    {
      sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, NULL,
                        _("a ring needs at least 4 positions, the last equal to the first; it has %u"), n);
      return FALSE;
    }

  ring->n_points = n;
  ring->points = g_new (double, 2 * n);

  for (guint i = 0; i < n; i++)
    {
      SbJsonNode *position = sb_json_array_get_element (positions, i);
      SbJsonArray *pair = SB_JSON_NODE_HOLDS_ARRAY (position) ? sb_json_node_get_array (position) : NULL;
      gsize saved = sb_reader_push_index (reader, i);
      gboolean ok = pair != NULL && sb_json_array_get_length (pair) == 2;

      for (guint c = 0; ok && c < 2; c++)
        {
          SbJsonNode *coordinate = sb_json_array_get_element (pair, c);
          GType type = SB_JSON_NODE_HOLDS_VALUE (coordinate) ? sb_json_node_get_value_type (coordinate) : G_TYPE_NONE;

          ok = type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
          if (ok)
            ring->points[2 * i + c] = sb_json_node_get_double (coordinate);
        }

      if (!ok)
        sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, NULL,
                          _("a position is an array of two numbers: [longitude, latitude]"));
      else if (fabs (ring->points[2 * i]) > 180 || fabs (ring->points[2 * i + 1]) > 90)
        {
          sb_reader_report (reader, SB_PROBLEM_OUT_OF_RANGE, NULL,
                            _("[%g, %g] is out of range: longitude runs from -180 to 180, latitude from -90 to 90"),
                            ring->points[2 * i], ring->points[2 * i + 1]);
          ok = FALSE;
        }

      sb_reader_pop (reader, saved);
      if (!ok)
        return FALSE;
    }

  if (ring->points[0] != ring->points[2 * n - 2] || ring->points[1] != ring->points[2 * n - 1])
    {
      sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, NULL,
                        _("the ring is not closed: its last position must equal its first"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_polygon (SbReader  *reader,
              SbJsonNode  *node,
              SbPolygon *polygon)
{
  SbJsonArray *rings;
  gboolean ok = TRUE;

  if (!SB_JSON_NODE_HOLDS_ARRAY (node) || sb_json_array_get_length (sb_json_node_get_array (node)) == 0)
    {
      sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, NULL,
                        _("a polygon is a non-empty array of rings"));
      return FALSE;
    }

  rings = sb_json_node_get_array (node);
  polygon->n_rings = sb_json_array_get_length (rings);
  polygon->rings = g_new0 (SbRing, polygon->n_rings);

  for (guint r = 0; r < polygon->n_rings && ok; r++)
    {
      gsize saved = sb_reader_push_index (reader, r);

      ok = read_ring (reader, sb_json_array_get_element (rings, r), &polygon->rings[r]);
      sb_reader_pop (reader, saved);
    }

  return ok;
}

static SbGeometry *
read_geometry (SbReader   *reader,
               SbJsonObject *object,
               SbPresence  presence)
{
  static const char * const members[] = { "type", "coordinates", NULL };
  SbJsonObject *geometry_object = sb_reader_get_object (reader, object, "geometry", presence);
  g_autoptr(SbGeometry) geometry = NULL;
  const char *type;
  SbJsonArray *coordinates;
  gboolean ok = TRUE;
  gsize saved;

  if (geometry_object == NULL)
    return NULL;

  saved = sb_reader_push_member (reader, "geometry");
  sb_reader_check_members (reader, geometry_object, members);
  type = sb_reader_get_string (reader, geometry_object, "type", SB_REQUIRED);
  coordinates = sb_reader_get_array (reader, geometry_object, "coordinates", SB_REQUIRED);

  if (type != NULL && !g_str_equal (type, "Polygon") && !g_str_equal (type, "MultiPolygon"))
    {
      sb_reader_report (reader, SB_PROBLEM_UNKNOWN_VALUE, "type",
                        _("unknown value “%s”; expected one of: Polygon, MultiPolygon"), type);
      type = NULL;
    }

  if (type != NULL && coordinates != NULL)
    {
      gboolean multi = g_str_equal (type, "MultiPolygon");
      guint n = multi ? sb_json_array_get_length (coordinates) : 1;
      gsize saved_coordinates = sb_reader_push_member (reader, "coordinates");

      geometry = sb_geometry_new (n);
      if (n == 0)
        {
          sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, NULL,
                            _("a MultiPolygon needs at least one polygon"));
          ok = FALSE;
        }

      for (guint p = 0; p < n && ok; p++)
        {
          gsize saved_polygon = multi ? sb_reader_push_index (reader, p) : reader->path->len;
          SbJsonNode *node = multi ? sb_json_array_get_element (coordinates, p)
                                 : sb_json_object_get_member (geometry_object, "coordinates");

          ok = read_polygon (reader, node, &geometry->polygons[p]);
          sb_reader_pop (reader, saved_polygon);
        }

      sb_reader_pop (reader, saved_coordinates);
      if (ok)
        sb_geometry_update_bounds (geometry);
      else
        g_clear_pointer (&geometry, sb_geometry_free);
    }

  sb_reader_pop (reader, saved);
  return g_steal_pointer (&geometry);
}

static SbItem *
read_area (SbReader   *reader,
          SbJsonObject *object)
{
  static const char * const members[] = {
    "actors", "name", "kind", "geometry", "boundary", STATEMENT_MEMBERS, NULL
  };
  SbItem *item = read_statement (reader, object, SB_ITEM_KIND_AREA, members);
  SbItemExtra *extra = _sb_item_extra (item);
  int boundary = SB_BOUNDARY_SCHEMATIC;

  item->actors = sb_reader_get_references (reader, object, "actors", SB_TYPE_ACTOR);
  extra->name = sb_reader_get_text (reader, object, "name", SB_OPTIONAL);
  get_small_enum (reader, object, "kind", SB_REQUIRED, SB_TYPE_AREA_KIND, &item->subtype);
  extra->geometry = read_geometry (reader, object, SB_REQUIRED);
  sb_reader_get_enum (reader, object, "boundary", SB_REQUIRED, SB_TYPE_BOUNDARY, &boundary);
  extra->boundary = boundary;

  return item;
}

static SbLayers
read_layers (SbReader   *reader,
             SbJsonObject *object,
             gboolean   *present)
{
  SbJsonArray *array = sb_reader_get_array (reader, object, "layers", SB_OPTIONAL);
  g_autoptr(GFlagsClass) klass = NULL;
  SbLayers layers = 0;
  gsize saved;

  *present = array != NULL;
  if (array == NULL)
    return SB_LAYERS_ALL;

  klass = g_type_class_ref (SB_TYPE_LAYERS);
  saved = sb_reader_push_member (reader, "layers");

  for (guint i = 0; i < sb_json_array_get_length (array); i++)
    {
      SbJsonNode *node = sb_json_array_get_element (array, i);
      gsize saved_index = sb_reader_push_index (reader, i);
      GFlagsValue *value = NULL;

      if (SB_JSON_NODE_HOLDS_VALUE (node) && sb_json_node_get_value_type (node) == G_TYPE_STRING)
        value = g_flags_get_value_by_nick (klass, sb_json_node_get_string (node));

      if (value != NULL)
        layers |= value->value;
      else
        sb_reader_report (reader, SB_PROBLEM_UNKNOWN_VALUE, NULL,
                          _("unknown layer; expected one of: areas, movements, deployments, incidents"));

      sb_reader_pop (reader, saved_index);
    }

  sb_reader_pop (reader, saved);
  return layers;
}

static void
read_camera (SbReader   *reader,
             SbJsonObject *object,
             SbStep     *step)
{
  static const char * const members[] = { "center", "zoom", "frame", NULL };
  static const char * const center_members[] = { "lat", "lon", NULL };
  SbJsonObject *camera = sb_reader_get_object (reader, object, "camera", SB_OPTIONAL);
  gsize saved;

  if (camera == NULL)
    return;

  saved = sb_reader_push_member (reader, "camera");
  sb_reader_check_members (reader, camera, members);

  if (sb_json_object_has_member (camera, "frame"))
    {
      if (sb_json_object_has_member (camera, "center") || sb_json_object_has_member (camera, "zoom"))
        sb_reader_report (reader, SB_PROBLEM_BAD_VALUE, NULL,
                          _("a camera has either “center” and “zoom”, or “frame”, not both"));

      step->frame = sb_reader_get_references (reader, camera, "frame", SB_TYPE_ENTITY);
      if (step->frame != NULL && step->frame->len == 0)
        sb_reader_report (reader, SB_PROBLEM_MISSING_FIELD, "frame",
                          _("“frame” needs at least one id"));
    }
  else
    {
      SbJsonObject *center = sb_reader_get_object (reader, camera, "center", SB_REQUIRED);
      gsize saved_center = sb_reader_push_member (reader, "center");
      gboolean ok = center != NULL;

      sb_reader_check_members (reader, center, center_members);
      ok = sb_reader_get_number (reader, center, "lat", SB_REQUIRED, -90, 90, &step->lat) && ok;
      ok = sb_reader_get_number (reader, center, "lon", SB_REQUIRED, -180, 180, &step->lon) && ok;
      sb_reader_pop (reader, saved_center);

      ok = sb_reader_get_number (reader, camera, "zoom", SB_REQUIRED, 1, 18, &step->zoom) && ok;
      step->has_center = ok;
    }

  sb_reader_pop (reader, saved);
}

SbStep *
sb_read_step (SbReader   *reader,
              SbJsonObject *object)
{
  static const char * const members[] = {
    "id", "title", "caption", "camera", "layers", "show", "highlight", "citation", "notes", NULL
  };
  g_autofree char *id = sb_reader_get_id (reader, object);
  SbStep *step = _sb_step_new (id ? id : "");
  SbJsonNode *citation;
  gboolean has_layers;

  sb_reader_check_members (reader, object, members);
  step->title = sb_reader_get_text (reader, object, "title", SB_REQUIRED);
  step->caption = sb_reader_get_text (reader, object, "caption", SB_OPTIONAL);
  step->notes = sb_reader_get_text (reader, object, "notes", SB_OPTIONAL);
  read_camera (reader, object, step);
  step->layers = read_layers (reader, object, &has_layers);
  step->has_layers = has_layers;
  step->show = sb_reader_get_references (reader, object, "show", SB_TYPE_ITEM);
  step->highlight = sb_reader_get_references (reader, object, "highlight", SB_TYPE_ENTITY);

  citation = sb_json_object_get_member (object, "citation");
  if (citation != NULL)
    {
      gsize saved = sb_reader_push_member (reader, "citation");

      step->citation = sb_reader_read_citation (reader, citation);
      sb_reader_pop (reader, saved);
    }

  return step;
}

/**
 * sb_read_header:
 *
 * Reads the top level's own fields, and checks that its other members are
 * the format's arrays.
 */
void
sb_read_header (SbReader           *reader,
                SbJsonObject         *root,
                SbBriefingContents *contents)
{
  static const char * const members[] = {
    "format", "version", "title", "subtitle", "description", "language", "date", "authors",
    "sources", "actors", "places", "deployments", "movements", "incidents", "areas", "steps",
    NULL
  };

  sb_reader_check_members (reader, root, members);

  /* Plain-string texts are in this language, so it is read first. */
  contents->language = sb_reader_get_code (reader, root, "language", SB_REQUIRED,
                                           _("a language code such as “en”, “nl” or “pt-BR”"),
                                           sb_language_code_is_valid);
  reader->language = contents->language;

  contents->title = sb_reader_get_text (reader, root, "title", SB_REQUIRED);
  contents->subtitle = sb_reader_get_text (reader, root, "subtitle", SB_OPTIONAL);
  contents->description = sb_reader_get_text (reader, root, "description", SB_OPTIONAL);
  sb_reader_get_date (reader, root, "date", SB_OPTIONAL, &contents->date);
  contents->authors = sb_reader_get_strings (reader, root, "authors");
}

/**
 * sb_read_format:
 *
 * Returns: %FALSE when the file is not a briefing this version can read;
 *   everything else is then beside the point
 */
gboolean
sb_read_format (SbReader   *reader,
                SbJsonObject *root)
{
  SbJsonNode *format = sb_json_object_get_member (root, "format");
  double version = 0;

  if (format == NULL || !SB_JSON_NODE_HOLDS_VALUE (format) ||
      sb_json_node_get_value_type (format) != G_TYPE_STRING ||
      !g_str_equal (sb_json_node_get_string (format), "sahelbrief"))
    {
      sb_reader_report (reader, SB_PROBLEM_NOT_BRIEFING, format ? "format" : NULL,
                        _("this is not a SahelBrief briefing: it needs \"format\": \"sahelbrief\""));
      return FALSE;
    }

  if (!sb_reader_get_number (reader, root, "version", SB_REQUIRED, 1, G_MAXINT, &version))
    return FALSE;

  if (version != (int) version)
    {
      sb_reader_report (reader, SB_PROBLEM_WRONG_TYPE, "version",
                        _("expected a whole number, found %g"), version);
      return FALSE;
    }

  reader->version = (int) version;
  if (version > SB_BRIEFING_VERSION)
    {
      sb_reader_report (reader, SB_PROBLEM_UNSUPPORTED_VERSION, "version",
                        _("this briefing uses format version %d; this SahelBrief reads version %d: update SahelBrief to open it"),
                        (int) version, SB_BRIEFING_VERSION);
      return FALSE;
    }

  return TRUE;
}

SbItem *
sb_read_item (SbReader   *reader,
              SbJsonObject *object,
              SbItemKind  kind)
{
  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      return read_deployment (reader, object);
    case SB_ITEM_KIND_MOVEMENT:
      return read_movement (reader, object);
    case SB_ITEM_KIND_INCIDENT:
      return read_incident (reader, object);
    case SB_ITEM_KIND_AREA:
    default:
      return read_area (reader, object);
    }
}

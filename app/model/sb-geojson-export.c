/* sb-geojson-export.c
 *
 * A briefing, or what its filters show, as a GeoJSON FeatureCollection for
 * QGIS and other GIS tools. The text is written directly: a million
 * statements would not fit as json-glib nodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-geojson"

#include "config.h"

#include <string.h>

#include "sb-enums.h"
#include "sb-geojson-export.h"
#include "sb-json-string.h"
#include "sb-model-private.h"

#define EXPORT_CHUNK (1024 * 1024)

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
  sb_json_append_string (out, value);
}

static void
append_member_text (GString            *out,
                    const char         *key,
                    SbText             *text,
                    const char * const *languages)
{
  append_member_string (out, key, sb_text_get_in (text, languages));
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
      sb_json_append_string (out, end);
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
append_actors (GString            *out,
               SbItem             *item,
               const char * const *languages)
{
  guint n = sb_item_get_n_actors (item);

  append_key (out, "actors");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sb_json_append_string (out, sb_text_get_in (sb_actor_get_name (sb_item_get_actor (item, i)), languages));
    }

  /* So that the kinds come back when the file is imported again. */
  g_string_append (out, "],\"actor_kinds\":[");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sb_json_append_string (out, sb_enum_to_nick (SB_TYPE_ACTOR_KIND, sb_actor_get_kind (sb_item_get_actor (item, i))));
    }
  g_string_append_c (out, ']');
}

static void
append_sources (GString            *out,
                GPtrArray          *citations,
                const char * const *languages)
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
      sb_json_append_string (out, sb_text_get_in (sb_source_get_title (citation->source), languages));
    }
  g_string_append_c (out, ']');
}

static void
append_place_properties (GString            *out,
                         SbPlace            *place,
                         const char * const *languages)
{
  if (place == NULL)
    return;

  append_member_text (out, "place", sb_place_get_name (place), languages);
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
append_polygons (GString          *out,
                 const SbGeometry *geometry)
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

static void
append_geometry (GString *out,
                 SbItem  *item)
{
  SbPlace *place = sb_item_get_place (item);
  SbPlace *origin = sb_item_get_origin (item);
  const SbGeometry *geometry = sb_item_get_geometry (item);

  g_string_append (out, "\"geometry\":");

  if (geometry != NULL)
    append_polygons (out, geometry);
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
append_feature (GString            *out,
                SbItem             *item,
                SbBriefing         *briefing,
                const char * const *languages)
{
  SbItemKind kind = sb_item_get_kind (item);
  SbPlace *place = sb_item_get_place (item);
  SbPlace *origin = sb_item_get_origin (item);
  const SbEvidence *evidence = sb_item_get_evidence (item);

  g_string_append (out, "{\"type\":\"Feature\",");
  append_geometry (out, item);
  g_string_append (out, ",\"properties\":{\"id\":");
  sb_json_append_string (out, sb_entity_get_id (SB_ENTITY (item)));
  append_member_string (out, "kind", sb_enum_to_nick (SB_TYPE_ITEM_KIND, kind));
  append_member_text (out, "title", sb_item_get_title (item), languages);
  append_member_text (out, "description", sb_item_get_description (item), languages);
  append_date (out, sb_item_get_date (item), sb_briefing_get_last_day (briefing));
  append_member_string (out, "certainty", sb_enum_to_nick (SB_TYPE_CERTAINTY, evidence->certainty));
  if (evidence->claimed_by != NULL)
    append_member_text (out, "claimed_by", sb_actor_get_name (evidence->claimed_by), languages);
  append_actors (out, item, languages);

  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      append_member_string (out, "status", sb_enum_to_nick (SB_TYPE_DEPLOYMENT_STATUS, item->status));
      append_quantity (out, "strength", sb_item_get_strength (item));
      append_member_text (out, "role", sb_item_get_role (item), languages);
      append_place_properties (out, place, languages);
      break;

    case SB_ITEM_KIND_MOVEMENT:
      append_member_string (out, "status", sb_enum_to_nick (SB_TYPE_MOVEMENT_STATUS, item->status));
      if (item->subtype != SB_MOVEMENT_MEANS_UNSPECIFIED)
        append_member_string (out, "means", sb_enum_to_nick (SB_TYPE_MOVEMENT_MEANS, item->subtype));
      append_quantity (out, "strength", sb_item_get_strength (item));
      if (origin != NULL)
        append_member_text (out, "from", sb_place_get_name (origin), languages);
      if (place != NULL)
        append_member_text (out, "to", sb_place_get_name (place), languages);
      if (place == NULL || origin == NULL)
        {
          append_member_string (out, "end", place ? "to" : "from");
          append_place_properties (out, place ? place : origin, languages);
        }
      break;

    case SB_ITEM_KIND_INCIDENT:
      append_member_string (out, "type", sb_enum_to_nick (SB_TYPE_INCIDENT_TYPE, item->subtype));
      append_quantity (out, "fatalities", sb_item_get_fatalities (item));
      append_place_properties (out, place, languages);
      break;

    case SB_ITEM_KIND_AREA:
    default:
      append_member_string (out, "area_kind", sb_enum_to_nick (SB_TYPE_AREA_KIND, item->subtype));
      append_member_string (out, "boundary", sb_enum_to_nick (SB_TYPE_BOUNDARY, _sb_item_peek_extra (item)->boundary));
      append_member_text (out, "name", sb_item_get_name (item), languages);
      break;
    }

  append_sources (out, evidence->citations, languages);
  g_string_append (out, "}}");
}

/* A place for reference as its file had it: its outline or its point,
 * and the properties it came with (its name when it came with none), so
 * that it imports again as it was.
 */
static void
append_reference (GString            *out,
                  SbPlace            *place,
                  const char * const *languages)
{
  const char * const *properties = sb_place_get_properties (place);
  const SbGeometry *geometry = sb_place_get_geometry (place);

  g_string_append (out, "{\"type\":\"Feature\",\"geometry\":");
  if (geometry != NULL)
    append_polygons (out, geometry);
  else
    {
      g_string_append (out, "{\"type\":\"Point\",\"coordinates\":");
      append_position (out, sb_place_get_longitude (place), sb_place_get_latitude (place));
      g_string_append_c (out, '}');
    }

  g_string_append (out, ",\"properties\":{");
  if (properties == NULL || properties[0] == NULL)
    {
      g_string_append (out, "\"name\":");
      sb_json_append_string (out, sb_text_get_in (sb_place_get_name (place), languages));
    }
  for (guint i = 0; properties != NULL && properties[i] != NULL && properties[i + 1] != NULL; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sb_json_append_string (out, properties[i]);
      g_string_append_c (out, ':');
      sb_json_append_string (out, properties[i + 1]);
    }
  g_string_append (out, "}}");
}

/* The features, a line each; with @stream, written out as they go. */
static gboolean
write_features (SbBriefing         *briefing,
                const SbFilter     *filter,
                const char * const *languages,
                GString            *out,
                GOutputStream      *stream,
                GCancellable       *cancellable,
                GError            **error)
{
  GListModel *items = sb_briefing_get_all_items (briefing);
  guint n = g_list_model_get_n_items (items);
  guint n_written = 0;
  GListModel *places;

  g_string_append (out, "{\"type\":\"FeatureCollection\",\"name\":");
  sb_json_append_string (out, sb_text_get_in (sb_briefing_get_title (briefing), languages));
  g_string_append (out, ",\"features\":[\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      if (filter != NULL && !sb_filter_item_is_visible (filter, item))
        continue;

      if (n_written++ > 0)
        g_string_append (out, ",\n");
      append_feature (out, item, briefing, languages);

      if (stream != NULL && out->len >= EXPORT_CHUNK)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  /* Places for reference, as the areas layer shows them. */
  places = sb_briefing_get_places (briefing);
  for (guint i = 0; (filter == NULL || (sb_filter_get_layers (filter) & SB_LAYER_AREAS)) &&
                    i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);

      if (!sb_place_is_reference (place))
        continue;

      if (n_written++ > 0)
        g_string_append (out, ",\n");
      append_reference (out, place, languages);
    }

  g_string_append (out, "\n]}\n");

  return stream == NULL || g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

/**
 * sb_geojson_export:
 * @filter: (nullable): only the statements it shows; %NULL for every
 *   statement
 * @languages: (nullable) (array zero-terminated=1): the languages to
 *   write texts in, first choice first; %NULL for the preferred ones
 * @length: (out) (optional): the length of the text
 *
 * Writes the briefing's statements as a GeoJSON FeatureCollection in
 * WGS 84 longitude and latitude (EPSG:4326), one feature a line, with
 * flat properties that QGIS reads as columns: deployments and incidents
 * as points at their place, movements as lines from origin to
 * destination (a point when only one end is known), areas as polygons.
 * Texts are in @languages.
 *
 * Returns: (transfer full): the GeoJSON text
 */
char *
sb_geojson_export (SbBriefing         *briefing,
                   const SbFilter     *filter,
                   const char * const *languages,
                   gsize              *length)
{
  GString *out;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  if (languages == NULL)
    languages = sb_text_get_preferred_languages ();

  out = g_string_sized_new (4096 + (gsize) g_list_model_get_n_items (sb_briefing_get_all_items (briefing)) * 640);
  write_features (briefing, filter, languages, out, NULL, NULL, NULL);

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * sb_geojson_export_to_stream:
 * @filter: (nullable): only the statements it shows
 * @languages: (array zero-terminated=1): the languages to write texts in:
 *   a copy of the preferred ones, when called from a worker thread
 *
 * Writes what sb_geojson_export() returns to @stream, a piece at a time:
 * for exports too large to hold twice in memory.
 *
 * Returns: %TRUE when all was written
 */
gboolean
sb_geojson_export_to_stream (SbBriefing         *briefing,
                             const SbFilter     *filter,
                             const char * const *languages,
                             GOutputStream      *stream,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), FALSE);
  g_return_val_if_fail (languages != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  out = g_string_sized_new (EXPORT_CHUNK + 64 * 1024);
  return write_features (briefing, filter, languages, out, stream, cancellable, error);
}

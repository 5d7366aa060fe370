/* sb-writer.c
 *
 * Saves a briefing as a file the loader reads back unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-writer"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sb-enums.h"
#include "sb-json-string.h"
#include "sb-loader.h"
#include "sb-model-private.h"
#include "sb-writer.h"

typedef struct
{
  JsonBuilder *builder;
  const char *language;
} Writer;

static void
write_member_string (Writer     *self,
                     const char *member,
                     const char *string)
{
  if (string == NULL)
    return;

  json_builder_set_member_name (self->builder, member);
  json_builder_add_string_value (self->builder, string);
}

static void
write_member_enum (Writer     *self,
                   const char *member,
                   GType       type,
                   int         value)
{
  write_member_string (self, member, sb_enum_to_nick (type, value));
}

/* A text only in the briefing's language is written as a plain string. */
static void
write_text (Writer     *self,
            const char *member,
            SbText     *text)
{
  if (text == NULL)
    return;

  json_builder_set_member_name (self->builder, member);

  if (sb_text_get_n_languages (text) == 1 &&
      g_strcmp0 (sb_text_get_language_at (text, 0), self->language) == 0)
    {
      json_builder_add_string_value (self->builder, sb_text_get_string_at (text, 0));
      return;
    }

  json_builder_begin_object (self->builder);
  for (guint i = 0; i < sb_text_get_n_languages (text); i++)
    write_member_string (self, sb_text_get_language_at (text, i), sb_text_get_string_at (text, i));
  json_builder_end_object (self->builder);
}

static void
write_date (Writer       *self,
            const char   *member,
            const SbDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!sb_date_is_set (date))
    return;

  start = sb_calendar_date_to_string (&date->start);
  end = sb_calendar_date_to_string (&date->end);
  json_builder_set_member_name (self->builder, member);

  if (!date->is_span && !date->approximate)
    {
      json_builder_add_string_value (self->builder, start);
      return;
    }

  json_builder_begin_object (self->builder);
  write_member_string (self, date->is_span ? "from" : "value", start);
  write_member_string (self, "to", end);
  if (date->approximate)
    {
      json_builder_set_member_name (self->builder, "approximate");
      json_builder_add_boolean_value (self->builder, TRUE);
    }
  json_builder_end_object (self->builder);
}

static void
add_number (Writer *self,
            double  value)
{
  /* A double outside gint64's range cannot be converted to one. */
  if (value > -(double) G_MAXINT64 && value < (double) G_MAXINT64 && value == (gint64) value)
    json_builder_add_int_value (self->builder, (gint64) value);
  else
    json_builder_add_double_value (self->builder, value);
}

static void
write_number (Writer     *self,
              const char *member,
              double      value)
{
  json_builder_set_member_name (self->builder, member);
  add_number (self, value);
}

static void
write_quantity (Writer           *self,
                const char       *member,
                const SbQuantity *quantity)
{
  if (!quantity->is_set)
    return;

  json_builder_set_member_name (self->builder, member);

  if (!quantity->is_range && !quantity->approximate)
    {
      add_number (self, quantity->min);
      return;
    }

  json_builder_begin_object (self->builder);
  if (quantity->is_range)
    {
      write_number (self, "min", quantity->min);
      write_number (self, "max", quantity->max);
    }
  else
    write_number (self, "value", quantity->min);

  if (quantity->approximate)
    {
      json_builder_set_member_name (self->builder, "approximate");
      json_builder_add_boolean_value (self->builder, TRUE);
    }
  json_builder_end_object (self->builder);
}

static void
write_reference (Writer     *self,
                 const char *member,
                 gpointer    entity)
{
  if (entity != NULL)
    write_member_string (self, member, sb_entity_get_id (entity));
}

static void
write_references (Writer     *self,
                  const char *member,
                  GPtrArray  *entities)
{
  if (entities == NULL)
    return;

  json_builder_set_member_name (self->builder, member);
  json_builder_begin_array (self->builder);
  for (guint i = 0; i < entities->len; i++)
    json_builder_add_string_value (self->builder, sb_entity_get_id (g_ptr_array_index (entities, i)));
  json_builder_end_array (self->builder);
}

static void
write_strv (Writer             *self,
            const char         *member,
            char              **strv)
{
  if (strv == NULL)
    return;

  json_builder_set_member_name (self->builder, member);
  json_builder_begin_array (self->builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (self->builder, strv[i]);
  json_builder_end_array (self->builder);
}

static void
add_citation (Writer     *self,
              SbCitation *citation)
{
  json_builder_begin_object (self->builder);
  write_reference (self, "source", citation->source);
  write_member_string (self, "quote", citation->quote);   /* NULL: not written */
  json_builder_end_object (self->builder);
}

static void
write_citations (Writer    *self,
                 GPtrArray *citations)
{
  json_builder_set_member_name (self->builder, "citations");
  json_builder_begin_array (self->builder);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    add_citation (self, g_ptr_array_index (citations, i));
  json_builder_end_array (self->builder);
}

static void
write_evidence (Writer           *self,
                const SbEvidence *evidence)
{
  write_member_enum (self, "certainty", SB_TYPE_CERTAINTY, evidence->certainty);
  write_reference (self, "claimed_by", evidence->claimed_by);
  write_citations (self, evidence->citations);
}

static void
write_figures (Writer    *self,
               GPtrArray *figures)
{
  if (figures == NULL || figures->len == 0)
    return;

  json_builder_set_member_name (self->builder, "figures");
  json_builder_begin_array (self->builder);
  for (guint i = 0; i < figures->len; i++)
    {
      SbFigure *figure = g_ptr_array_index (figures, i);

      json_builder_begin_object (self->builder);
      write_member_enum (self, "measure", SB_TYPE_FIGURE_MEASURE, figure->measure);
      write_text (self, "label", figure->label);
      write_quantity (self, "value", &figure->value);
      write_date (self, "as_of", &figure->as_of);
      write_evidence (self, &figure->evidence);
      json_builder_end_object (self->builder);
    }
  json_builder_end_array (self->builder);
}

static void
write_relations (Writer    *self,
                 GPtrArray *relations)
{
  if (relations->len == 0)
    return;

  json_builder_set_member_name (self->builder, "relations");
  json_builder_begin_array (self->builder);
  for (guint i = 0; i < relations->len; i++)
    {
      SbRelation *relation = g_ptr_array_index (relations, i);

      json_builder_begin_object (self->builder);
      write_member_enum (self, "type", SB_TYPE_RELATION_TYPE, relation->type);
      write_reference (self, "target", relation->target);
      write_text (self, "description", relation->description);
      write_date (self, "date", &relation->date);
      write_evidence (self, &relation->evidence);
      json_builder_end_object (self->builder);
    }
  json_builder_end_array (self->builder);
}

static void
write_source (Writer   *self,
              SbSource *source)
{
  write_member_string (self, "id", sb_entity_get_id (SB_ENTITY (source)));
  write_text (self, "title", source->title);
  write_member_string (self, "publisher", source->publisher);
  write_member_string (self, "author", source->author);
  write_date (self, "date", &source->date);
  write_member_string (self, "language", source->language);
  write_member_string (self, "url", source->url);
  write_member_string (self, "text", source->text);
  write_text (self, "note", source->note);
}

static void
write_actor (Writer  *self,
             SbActor *actor)
{
  write_member_string (self, "id", sb_entity_get_id (SB_ENTITY (actor)));
  write_text (self, "name", actor->name);
  write_text (self, "short_name", actor->short_name);
  write_strv (self, "aliases", actor->aliases);
  write_member_enum (self, "kind", SB_TYPE_ACTOR_KIND, actor->kind);
  write_text (self, "affiliation", actor->affiliation);
  write_member_string (self, "country", actor->country);

  if (actor->has_colour)
    {
      g_autofree char *colour = g_strdup_printf ("#%06x", actor->colour);

      write_member_string (self, "colour", colour);
    }

  write_text (self, "summary", actor->summary);
  write_figures (self, actor->figures);
  write_relations (self, actor->relations);
  write_citations (self, actor->citations);
}

static void write_geometry (Writer           *self,
                            const SbGeometry *geometry);

/* What a file imported into the briefing said, key and value. */
static void
write_properties (Writer             *self,
                  const char * const *properties)
{
  if (properties == NULL || properties[0] == NULL)
    return;

  json_builder_set_member_name (self->builder, "properties");
  json_builder_begin_object (self->builder);
  for (guint i = 0; properties[i] != NULL && properties[i + 1] != NULL; i += 2)
    write_member_string (self, properties[i], properties[i + 1]);
  json_builder_end_object (self->builder);
}

static void
write_place (Writer  *self,
             SbPlace *place)
{
  write_member_string (self, "id", sb_entity_get_id (SB_ENTITY (place)));
  write_text (self, "name", place->name);
  write_number (self, "lat", place->lat);
  write_number (self, "lon", place->lon);
  write_member_enum (self, "precision", SB_TYPE_PLACE_PRECISION, place->precision);
  if (place->radius_km > 0)
    write_number (self, "radius_km", place->radius_km);
  write_member_string (self, "country", place->country);
  if (place->reference)
    {
      json_builder_set_member_name (self->builder, "reference");
      json_builder_add_boolean_value (self->builder, TRUE);
    }
  if (place->geometry != NULL)
    write_geometry (self, place->geometry);
  write_properties (self, (const char * const *) place->properties);
}

static void
write_geometry (Writer           *self,
                const SbGeometry *geometry)
{
  gboolean multi = geometry->n_polygons != 1;

  json_builder_set_member_name (self->builder, "geometry");
  json_builder_begin_object (self->builder);
  write_member_string (self, "type", multi ? "MultiPolygon" : "Polygon");
  json_builder_set_member_name (self->builder, "coordinates");

  if (multi)
    json_builder_begin_array (self->builder);

  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      json_builder_begin_array (self->builder);
      for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
        {
          const SbRing *ring = &geometry->polygons[p].rings[r];

          json_builder_begin_array (self->builder);
          for (guint i = 0; i < ring->n_points; i++)
            {
              json_builder_begin_array (self->builder);
              add_number (self, ring->points[2 * i]);
              add_number (self, ring->points[2 * i + 1]);
              json_builder_end_array (self->builder);
            }
          json_builder_end_array (self->builder);
        }
      json_builder_end_array (self->builder);
    }

  if (multi)
    json_builder_end_array (self->builder);

  json_builder_end_object (self->builder);
}

static void
write_item (Writer *self,
            SbItem *item)
{
  write_member_string (self, "id", sb_entity_get_id (SB_ENTITY (item)));
  write_text (self, "title", item->title);
  write_text (self, "description", item->description);
  write_date (self, "date", &item->date);

  switch (item->kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      write_reference (self, "actor", sb_item_get_actor (item, 0));
      write_reference (self, "place", item->place);
      write_member_enum (self, "status", SB_TYPE_DEPLOYMENT_STATUS, item->status);
      write_quantity (self, "strength", &item->quantity);
      write_text (self, "role", item->role);
      break;

    case SB_ITEM_KIND_MOVEMENT:
      write_reference (self, "actor", sb_item_get_actor (item, 0));
      write_reference (self, "from", item->origin);
      write_reference (self, "to", item->place);
      write_member_enum (self, "status", SB_TYPE_MOVEMENT_STATUS, item->status);
      if (item->subtype != SB_MOVEMENT_MEANS_UNSPECIFIED)
        write_member_enum (self, "means", SB_TYPE_MOVEMENT_MEANS, item->subtype);
      write_quantity (self, "strength", &item->quantity);
      break;

    case SB_ITEM_KIND_INCIDENT:
      write_member_enum (self, "type", SB_TYPE_INCIDENT_TYPE, item->subtype);
      write_references (self, "actors", item->actors);
      write_reference (self, "place", item->place);
      write_quantity (self, "fatalities", &item->quantity);
      break;

    case SB_ITEM_KIND_AREA:
    default:
      write_references (self, "actors", item->actors);
      write_text (self, "name", item->name);
      write_member_enum (self, "kind", SB_TYPE_AREA_KIND, item->subtype);
      if (item->geometry != NULL)   /* not drawn yet */
        write_geometry (self, item->geometry);
      write_member_enum (self, "boundary", SB_TYPE_BOUNDARY, item->boundary);
      break;
    }

  write_evidence (self, &item->evidence);
  write_figures (self, item->figures);
  write_properties (self, (const char * const *) item->properties);
}

static void
write_step (Writer *self,
            SbStep *step)
{
  write_member_string (self, "id", sb_entity_get_id (SB_ENTITY (step)));
  write_text (self, "title", step->title);
  write_text (self, "caption", step->caption);

  if (step->has_center || step->frame != NULL)
    {
      json_builder_set_member_name (self->builder, "camera");
      json_builder_begin_object (self->builder);
      if (step->has_center)
        {
          json_builder_set_member_name (self->builder, "center");
          json_builder_begin_object (self->builder);
          write_number (self, "lat", step->lat);
          write_number (self, "lon", step->lon);
          json_builder_end_object (self->builder);
          write_number (self, "zoom", step->zoom);
        }
      else
        write_references (self, "frame", step->frame);
      json_builder_end_object (self->builder);
    }

  if (step->has_layers)
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (SB_TYPE_LAYERS);

      json_builder_set_member_name (self->builder, "layers");
      json_builder_begin_array (self->builder);
      for (guint i = 0; i < klass->n_values; i++)
        if (step->layers & klass->values[i].value)
          json_builder_add_string_value (self->builder, klass->values[i].value_nick);
      json_builder_end_array (self->builder);
    }

  write_references (self, "show", step->show);
  write_references (self, "highlight", step->highlight);

  if (step->citation != NULL)
    {
      json_builder_set_member_name (self->builder, "citation");
      add_citation (self, step->citation);
    }

  write_text (self, "notes", step->notes);
}

typedef void (*WriteFunc) (Writer *self, gpointer entity);

static void
write_array (Writer     *self,
             const char *member,
             GPtrArray  *entities,
             WriteFunc   write)
{
  if (entities->len == 0)
    return;

  json_builder_set_member_name (self->builder, member);
  json_builder_begin_array (self->builder);
  for (guint i = 0; i < entities->len; i++)
    {
      json_builder_begin_object (self->builder);
      write (self, g_ptr_array_index (entities, i));
      json_builder_end_object (self->builder);
    }
  json_builder_end_array (self->builder);
}

/* json-glib 1.6 writes U+001F raw, which RFC 8259 (and so the loader)
 * forbids. Outside strings the pretty generator writes only spaces and
 * line breaks, and inside them it escapes line breaks, so any other raw
 * control byte stands in a string and is escaped there.
 */
static inline gboolean
is_raw_control (char c)
{
  return (guchar) c < 0x20 && c != '\n';
}

static char *
escape_raw_controls (char  *json,
                     gsize *length)
{
  GString *escaped;
  const char *p, *run;

  for (p = json; *p != '\0' && !is_raw_control (*p); p++)
    ;
  if (*p == '\0')
    return json;

  escaped = g_string_sized_new (strlen (json) + 16);
  for (p = run = json; *p != '\0'; p++)
    {
      if (is_raw_control (*p))
        {
          g_string_append_len (escaped, run, p - run);
          sb_json_append_escaped (escaped, p, 1);
          run = p + 1;
        }
    }
  g_string_append_len (escaped, run, p - run);
  g_free (json);

  if (length != NULL)
    *length = escaped->len;

  return g_string_free (escaped, FALSE);
}

/**
 * sb_writer_to_data:
 *
 * Returns: (transfer full): the briefing as pretty-printed JSON
 */
char *
sb_writer_to_data (SbBriefing *briefing,
                   gsize      *length)
{
  static const char * const item_members[SB_N_ITEM_KINDS] = {
    "deployments", "movements", "incidents", "areas"
  };
  const SbBriefingContents *contents;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  Writer writer = { builder, NULL };

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  contents = _sb_briefing_get_contents (briefing);
  writer.language = contents->language;

  json_builder_begin_object (builder);
  write_member_string (&writer, "format", "sahelbrief");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SB_BRIEFING_VERSION);
  write_text (&writer, "title", contents->title);
  write_text (&writer, "subtitle", contents->subtitle);
  write_text (&writer, "description", contents->description);
  write_member_string (&writer, "language", contents->language);
  write_date (&writer, "date", &contents->date);
  write_strv (&writer, "authors", contents->authors);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contents->sources->len; i++)
    {
      json_builder_begin_object (builder);
      write_source (&writer, g_ptr_array_index (contents->sources, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  write_array (&writer, "actors", contents->actors, (WriteFunc) write_actor);
  write_array (&writer, "places", contents->places, (WriteFunc) write_place);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    write_array (&writer, item_members[i], contents->items[i], (WriteFunc) write_item);
  write_array (&writer, "steps", contents->steps, (WriteFunc) write_step);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return escape_raw_controls (json_generator_to_data (generator, length), length);
}

/**
 * sb_writer_save:
 *
 * Writes the briefing to @file, replacing it only once the new contents
 * are complete.
 */
gboolean
sb_writer_save (SbBriefing    *briefing,
                GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = sb_writer_to_data (briefing, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}

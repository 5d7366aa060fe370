/* sb-writer.c
 *
 * Saves a briefing as a file the loader reads back unchanged: in format
 * version 1 when it holds nothing of version 2 (translations of quotes)
 * or 3 (targets of incidents), which SahelBrief 0.1 can open, else in the
 * lowest version that holds it. The briefing is
 * written as it is walked, through SbJsonWriter: nothing holds the whole
 * text or a tree of it, and a save streams into the file that replaces
 * the old one only when it is complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-writer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-enums.h"
#include "sb-file-output.h"
#include "sb-json-writer.h"
#include "sb-loader.h"
#include "sb-model-private.h"
#include "sb-writer.h"

typedef struct
{
  SbJsonWriter *json;
  const char *language;
} Writer;

static void
write_member_string (Writer     *self,
                     const char *member,
                     const char *string)
{
  if (string == NULL)
    return;

  sb_json_writer_member (self->json, member);
  sb_json_writer_string (self->json, string);
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

  sb_json_writer_member (self->json, member);

  if (sb_text_get_n_languages (text) == 1 &&
      g_strcmp0 (sb_text_get_language_at (text, 0), self->language) == 0)
    {
      sb_json_writer_string (self->json, sb_text_get_string_at (text, 0));
      return;
    }

  sb_json_writer_begin_object (self->json);
  for (guint i = 0; i < sb_text_get_n_languages (text); i++)
    write_member_string (self, sb_text_get_language_at (text, i), sb_text_get_string_at (text, i));
  sb_json_writer_end_object (self->json);
}

static void
write_date (Writer       *self,
            const char   *member,
            const SbDate *date)
{
  char start_buffer[SB_CALENDAR_DATE_BUF_SIZE], end_buffer[SB_CALENDAR_DATE_BUF_SIZE];
  const char *start, *end;

  if (!sb_date_is_set (date))
    return;

  start = sb_calendar_date_format (&date->start, start_buffer) > 0 ? start_buffer : NULL;
  end = sb_calendar_date_format (&date->end, end_buffer) > 0 ? end_buffer : NULL;
  sb_json_writer_member (self->json, member);

  if (!date->is_span && !date->approximate)
    {
      sb_json_writer_string (self->json, start);
      return;
    }

  sb_json_writer_begin_object (self->json);
  write_member_string (self, date->is_span ? "from" : "value", start);
  write_member_string (self, "to", end);
  if (date->approximate)
    {
      sb_json_writer_member (self->json, "approximate");
      sb_json_writer_boolean (self->json, TRUE);
    }
  sb_json_writer_end_object (self->json);
}

static void
add_number (Writer *self,
            double  value)
{
  sb_json_writer_number (self->json, value);
}

static void
write_number (Writer     *self,
              const char *member,
              double      value)
{
  sb_json_writer_member (self->json, member);
  add_number (self, value);
}

static void
write_quantity (Writer           *self,
                const char       *member,
                const SbQuantity *quantity)
{
  if (!quantity->is_set)
    return;

  sb_json_writer_member (self->json, member);

  if (!quantity->is_range && !quantity->approximate)
    {
      add_number (self, quantity->min);
      return;
    }

  sb_json_writer_begin_object (self->json);
  if (quantity->is_range)
    {
      write_number (self, "min", quantity->min);
      write_number (self, "max", quantity->max);
    }
  else
    write_number (self, "value", quantity->min);

  if (quantity->approximate)
    {
      sb_json_writer_member (self->json, "approximate");
      sb_json_writer_boolean (self->json, TRUE);
    }
  sb_json_writer_end_object (self->json);
}

static void
write_reference (Writer     *self,
                 const char *member,
                 gpointer    entity)
{
  if (entity != NULL)
    write_member_string (self, member, _sb_entity_peek_id (entity));
}

static void
write_references (Writer     *self,
                  const char *member,
                  GPtrArray  *entities)
{
  if (entities == NULL)
    return;

  sb_json_writer_member (self->json, member);
  sb_json_writer_begin_array (self->json);
  for (guint i = 0; i < entities->len; i++)
    sb_json_writer_string (self->json, _sb_entity_peek_id (g_ptr_array_index (entities, i)));
  sb_json_writer_end_array (self->json);
}

static void
write_strv (Writer             *self,
            const char         *member,
            char              **strv)
{
  if (strv == NULL)
    return;

  sb_json_writer_member (self->json, member);
  sb_json_writer_begin_array (self->json);
  for (guint i = 0; strv[i] != NULL; i++)
    sb_json_writer_string (self->json, strv[i]);
  sb_json_writer_end_array (self->json);
}

static void
add_citation (Writer     *self,
              SbCitation *citation)
{
  const char *quote;
  gsize length;

  sb_json_writer_begin_object (self->json);
  write_reference (self, "source", citation->source);

  /* A quote loaded is written from its source's text, not copied out. */
  quote = _sb_citation_peek_quote (citation, &length);
  if (quote != NULL)   /* NULL: not written */
    {
      sb_json_writer_member (self->json, "quote");
      sb_json_writer_string_len (self->json, quote, length);
    }

  /* Always an object: a plain string would say nothing of its language. */
  if (citation->translations != NULL)
    {
      sb_json_writer_member (self->json, "translations");
      sb_json_writer_begin_object (self->json);
      for (guint i = 0; i < sb_text_get_n_languages (citation->translations); i++)
        write_member_string (self, sb_text_get_language_at (citation->translations, i),
                             sb_text_get_string_at (citation->translations, i));
      sb_json_writer_end_object (self->json);
    }

  sb_json_writer_end_object (self->json);
}

static void
write_citations (Writer    *self,
                 GPtrArray *citations)
{
  sb_json_writer_member (self->json, "citations");
  sb_json_writer_begin_array (self->json);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    add_citation (self, g_ptr_array_index (citations, i));
  sb_json_writer_end_array (self->json);
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

  sb_json_writer_member (self->json, "figures");
  sb_json_writer_begin_array (self->json);
  for (guint i = 0; i < figures->len; i++)
    {
      SbFigure *figure = g_ptr_array_index (figures, i);

      sb_json_writer_begin_object (self->json);
      write_member_enum (self, "measure", SB_TYPE_FIGURE_MEASURE, figure->measure);
      write_text (self, "label", figure->label);
      write_quantity (self, "value", &figure->value);
      write_date (self, "as_of", &figure->as_of);
      write_evidence (self, &figure->evidence);
      sb_json_writer_end_object (self->json);
    }
  sb_json_writer_end_array (self->json);
}

static void
write_relations (Writer    *self,
                 GPtrArray *relations)
{
  if (relations->len == 0)
    return;

  sb_json_writer_member (self->json, "relations");
  sb_json_writer_begin_array (self->json);
  for (guint i = 0; i < relations->len; i++)
    {
      SbRelation *relation = g_ptr_array_index (relations, i);

      sb_json_writer_begin_object (self->json);
      write_member_enum (self, "type", SB_TYPE_RELATION_TYPE, relation->type);
      write_reference (self, "target", relation->target);
      write_text (self, "description", relation->description);
      write_date (self, "date", &relation->date);
      write_evidence (self, &relation->evidence);
      sb_json_writer_end_object (self->json);
    }
  sb_json_writer_end_array (self->json);
}

static void
write_source (Writer   *self,
              SbSource *source)
{
  write_member_string (self, "id", _sb_entity_peek_id (source));
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
  write_member_string (self, "id", _sb_entity_peek_id (actor));
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

  sb_json_writer_member (self->json, "properties");
  sb_json_writer_begin_object (self->json);
  for (guint i = 0; properties[i] != NULL && properties[i + 1] != NULL; i += 2)
    write_member_string (self, properties[i], properties[i + 1]);
  sb_json_writer_end_object (self->json);
}

static void
write_place (Writer  *self,
             SbPlace *place)
{
  write_member_string (self, "id", _sb_entity_peek_id (place));
  write_text (self, "name", place->name);
  write_number (self, "lat", place->lat);
  write_number (self, "lon", place->lon);
  write_member_enum (self, "precision", SB_TYPE_PLACE_PRECISION, place->precision);
  if (place->radius_km > 0)
    write_number (self, "radius_km", place->radius_km);
  write_member_string (self, "country", place->country);
  if (place->reference)
    {
      sb_json_writer_member (self->json, "reference");
      sb_json_writer_boolean (self->json, TRUE);
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

  sb_json_writer_member (self->json, "geometry");
  sb_json_writer_begin_object (self->json);
  write_member_string (self, "type", multi ? "MultiPolygon" : "Polygon");
  sb_json_writer_member (self->json, "coordinates");

  if (multi)
    sb_json_writer_begin_array (self->json);

  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      sb_json_writer_begin_array (self->json);
      for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
        {
          const SbRing *ring = &geometry->polygons[p].rings[r];

          /* A ring a line: a point a line would double the file. */
          sb_json_writer_begin_compact_array (self->json);
          for (guint i = 0; i < ring->n_points; i++)
            {
              sb_json_writer_begin_array (self->json);
              add_number (self, ring->points[2 * i]);
              add_number (self, ring->points[2 * i + 1]);
              sb_json_writer_end_array (self->json);
            }
          sb_json_writer_end_array (self->json);
        }
      sb_json_writer_end_array (self->json);
    }

  if (multi)
    sb_json_writer_end_array (self->json);

  sb_json_writer_end_object (self->json);
}

static void
write_item (Writer *self,
            SbItem *item)
{
  write_member_string (self, "id", _sb_entity_peek_id (item));
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
      write_text (self, "role", _sb_item_peek_extra (item)->role);
      break;

    case SB_ITEM_KIND_MOVEMENT:
      write_reference (self, "actor", sb_item_get_actor (item, 0));
      write_reference (self, "from", _sb_item_peek_extra (item)->origin);
      write_reference (self, "to", item->place);
      write_member_enum (self, "status", SB_TYPE_MOVEMENT_STATUS, item->status);
      if (item->subtype != SB_MOVEMENT_MEANS_UNSPECIFIED)
        write_member_enum (self, "means", SB_TYPE_MOVEMENT_MEANS, item->subtype);
      write_quantity (self, "strength", &item->quantity);
      break;

    case SB_ITEM_KIND_INCIDENT:
      write_member_enum (self, "type", SB_TYPE_INCIDENT_TYPE, item->subtype);
      write_references (self, "actors", item->actors);
      if (_sb_item_peek_extra (item)->targets != NULL && _sb_item_peek_extra (item)->targets->len > 0)
        write_references (self, "targets", _sb_item_peek_extra (item)->targets);
      write_reference (self, "place", item->place);
      write_quantity (self, "fatalities", &item->quantity);
      break;

    case SB_ITEM_KIND_AREA:
    default:
      write_references (self, "actors", item->actors);
      write_text (self, "name", _sb_item_peek_extra (item)->name);
      write_member_enum (self, "kind", SB_TYPE_AREA_KIND, item->subtype);
      if (_sb_item_peek_extra (item)->geometry != NULL)   /* not drawn yet */
        write_geometry (self, _sb_item_peek_extra (item)->geometry);
      write_member_enum (self, "boundary", SB_TYPE_BOUNDARY, _sb_item_peek_extra (item)->boundary);
      break;
    }

  write_evidence (self, &item->evidence);
  write_figures (self, _sb_item_peek_extra (item)->figures);
  write_properties (self, (const char * const *) _sb_item_peek_extra (item)->properties);
}

static void
write_step (Writer *self,
            SbStep *step)
{
  write_member_string (self, "id", _sb_entity_peek_id (step));
  write_text (self, "title", step->title);
  write_text (self, "caption", step->caption);

  if (step->has_center || step->frame != NULL)
    {
      sb_json_writer_member (self->json, "camera");
      sb_json_writer_begin_object (self->json);
      if (step->has_center)
        {
          sb_json_writer_member (self->json, "center");
          sb_json_writer_begin_object (self->json);
          write_number (self, "lat", step->lat);
          write_number (self, "lon", step->lon);
          sb_json_writer_end_object (self->json);
          write_number (self, "zoom", step->zoom);
        }
      else
        write_references (self, "frame", step->frame);
      sb_json_writer_end_object (self->json);
    }

  if (step->has_layers)
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (SB_TYPE_LAYERS);

      sb_json_writer_member (self->json, "layers");
      sb_json_writer_begin_array (self->json);
      for (guint i = 0; i < klass->n_values; i++)
        if (step->layers & klass->values[i].value)
          sb_json_writer_string (self->json, klass->values[i].value_nick);
      sb_json_writer_end_array (self->json);
    }

  write_references (self, "show", step->show);
  write_references (self, "highlight", step->highlight);

  if (step->citation != NULL)
    {
      sb_json_writer_member (self->json, "citation");
      add_citation (self, step->citation);
    }

  write_text (self, "notes", step->notes);
}

typedef void (*WriteFunc) (Writer *self, gpointer entity);

/* A long array (an event data set's incidents) is written in runs on all
 * processors, put into the file in order as they come.
 */
#define PARALLEL_MIN 8192
#define RUN_LENGTH 2048
#define MAX_THREADS 8

typedef struct
{
  GPtrArray *entities;
  guint first;
  guint n;
  guint depth;
  WriteFunc write;
  const char *language;
  SbJsonWriter *json;      /* the run written */
  gboolean done;
} Run;

typedef struct
{
  GMutex lock;
  GCond done;
  GPtrArray *spare;        /* of SbJsonWriter *: runs appended, kept for their memory */
} Runs;

static void
run_free (Run *run)
{
  g_clear_pointer (&run->json, sb_json_writer_free);
  g_free (run);
}

static void
write_run (gpointer data,
           gpointer user_data)
{
  Run *run = data;
  Runs *runs = user_data;
  Writer writer = { NULL, run->language };

  g_mutex_lock (&runs->lock);
  if (runs->spare->len > 0)
    writer.json = g_ptr_array_steal_index_fast (runs->spare, runs->spare->len - 1);
  g_mutex_unlock (&runs->lock);

  if (writer.json != NULL)
    sb_json_writer_reset_elements (writer.json, run->depth, run->first == 0);
  else
    writer.json = sb_json_writer_new_elements (run->depth, run->first == 0);

  for (guint i = run->first; i < run->first + run->n; i++)
    {
      sb_json_writer_begin_object (writer.json);
      run->write (&writer, g_ptr_array_index (run->entities, i));
      sb_json_writer_end_object (writer.json);
    }

  g_mutex_lock (&runs->lock);
  run->json = writer.json;
  run->done = TRUE;
  g_cond_broadcast (&runs->done);
  g_mutex_unlock (&runs->lock);
}

static void
write_elements_in_runs (Writer    *self,
                        GPtrArray *entities,
                        WriteFunc  write)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  g_autoptr(GPtrArray) in_flight = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  Runs runs;
  GThreadPool *pool;
  guint next = 0;
  gboolean ok = TRUE;

  g_mutex_init (&runs.lock);
  g_cond_init (&runs.done);
  runs.spare = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_json_writer_free);
  pool = g_thread_pool_new (write_run, &runs, n_threads, FALSE, NULL);

  /* A few runs ahead of the one written next, so that memory stays small. */
  while (ok && (next < entities->len || in_flight->len > 0))
    {
      Run *oldest;

      while (next < entities->len && in_flight->len < 2 * n_threads)
        {
          Run *run = g_new0 (Run, 1);

          run->entities = entities;
          run->first = next;
          run->n = MIN (RUN_LENGTH, entities->len - next);
          run->depth = sb_json_writer_get_depth (self->json);
          run->write = write;
          run->language = self->language;
          next += run->n;
          g_ptr_array_add (in_flight, run);
          g_thread_pool_push (pool, run, NULL);
        }

      oldest = g_ptr_array_index (in_flight, 0);
      g_mutex_lock (&runs.lock);
      while (!oldest->done)
        g_cond_wait (&runs.done, &runs.lock);
      g_mutex_unlock (&runs.lock);

      ok = sb_json_writer_append_elements (self->json, oldest->json, oldest->n);
      g_mutex_lock (&runs.lock);
      g_ptr_array_add (runs.spare, g_steal_pointer (&oldest->json));
      g_mutex_unlock (&runs.lock);
      g_ptr_array_remove_index (in_flight, 0);
    }

  /* Failed: runs not begun are dropped, those being written waited for. */
  g_thread_pool_free (pool, TRUE, TRUE);
  g_ptr_array_set_size (in_flight, 0);
  g_ptr_array_unref (runs.spare);
  g_mutex_clear (&runs.lock);
  g_cond_clear (&runs.done);
}

/* Written even when empty; write_array() leaves an empty one out. */
static void
write_whole_array (Writer     *self,
                   const char *member,
                   GPtrArray  *entities,
                   WriteFunc   write)
{
  sb_json_writer_member (self->json, member);
  sb_json_writer_begin_array (self->json);
  if (entities->len >= PARALLEL_MIN)
    write_elements_in_runs (self, entities, write);
  else
    for (guint i = 0; i < entities->len; i++)
      {
        sb_json_writer_begin_object (self->json);
        write (self, g_ptr_array_index (entities, i));
        sb_json_writer_end_object (self->json);
      }
  sb_json_writer_end_array (self->json);
}

static void
write_array (Writer     *self,
             const char *member,
             GPtrArray  *entities,
             WriteFunc   write)
{
  if (entities->len > 0)
    write_whole_array (self, member, entities, write);
}

static gboolean
any_translated (GPtrArray *citations)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    if (((SbCitation *) g_ptr_array_index (citations, i))->translations != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
figures_translated (GPtrArray *figures)
{
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    if (any_translated (((SbFigure *) g_ptr_array_index (figures, i))->evidence.citations))
      return TRUE;

  return FALSE;
}

/* Version 1 unless something needs version 3 (targets of incidents) or 2
 * (translations of quotes),
 * so that SahelBrief 0.1 still opens what it can read. Known before the
 * first line is written, as the file is streamed.
 */
static int
lowest_version (const SbBriefingContents *contents)
{
  GPtrArray *incidents = contents->items[SB_ITEM_KIND_INCIDENT];

  /* Version 3: incidents naming their targets. */
  for (guint i = 0; i < incidents->len; i++)
    {
      GPtrArray *targets = _sb_item_peek_extra (g_ptr_array_index (incidents, i))->targets;

      if (targets != NULL && targets->len > 0)
        return 3;
    }

  for (guint i = 0; i < contents->actors->len; i++)
    {
      SbActor *actor = g_ptr_array_index (contents->actors, i);

      if (figures_translated (actor->figures))
        return 2;
      for (guint j = 0; j < actor->relations->len; j++)
        if (any_translated (((SbRelation *) g_ptr_array_index (actor->relations, j))->evidence.citations))
          return 2;
    }

  for (guint k = 0; k < SB_N_ITEM_KINDS; k++)
    for (guint i = 0; i < contents->items[k]->len; i++)
      {
        SbItem *item = g_ptr_array_index (contents->items[k], i);

        if (any_translated (item->evidence.citations) || figures_translated (_sb_item_peek_extra (item)->figures))
          return 2;
      }

  for (guint i = 0; i < contents->steps->len; i++)
    {
      SbStep *step = g_ptr_array_index (contents->steps, i);

      if (step->citation != NULL && step->citation->translations != NULL)
        return 2;
    }

  G_STATIC_ASSERT (SB_BRIEFING_VERSION >= 3);
  return 1;
}

static void
write_briefing (SbBriefing   *briefing,
                SbJsonWriter *json)
{
  static const char * const item_members[SB_N_ITEM_KINDS] = {
    "deployments", "movements", "incidents", "areas"
  };
  const SbBriefingContents *contents = _sb_briefing_get_contents (briefing);
  Writer writer = { json, contents->language };

  sb_json_writer_begin_object (json);
  write_member_string (&writer, "format", "sahelbrief");
  sb_json_writer_member (json, "version");
  sb_json_writer_int (json, lowest_version (contents));
  write_text (&writer, "title", contents->title);
  write_text (&writer, "subtitle", contents->subtitle);
  write_text (&writer, "description", contents->description);
  write_member_string (&writer, "language", contents->language);
  write_date (&writer, "date", &contents->date);
  write_strv (&writer, "authors", contents->authors);

  write_whole_array (&writer, "sources", contents->sources, (WriteFunc) write_source);
  write_array (&writer, "actors", contents->actors, (WriteFunc) write_actor);
  write_array (&writer, "places", contents->places, (WriteFunc) write_place);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    write_array (&writer, item_members[i], contents->items[i], (WriteFunc) write_item);
  write_array (&writer, "steps", contents->steps, (WriteFunc) write_step);
  sb_json_writer_end_object (json);
}

/**
 * sb_writer_to_data:
 * @length: (out) (optional):
 *
 * Returns: (transfer full): the briefing as indented JSON
 */
char *
sb_writer_to_data (SbBriefing *briefing,
                   gsize      *length)
{
  g_autoptr(SbJsonWriter) json = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  json = sb_json_writer_new (NULL, 0, NULL);
  write_briefing (briefing, json);
  sb_json_writer_finish (json, NULL);

  return sb_json_writer_steal_text (json, length);
}

/**
 * sb_writer_write:
 *
 * Writes the briefing into @stream as it goes, as Save writes a file; no
 * more than the loader reads (then fails, G_IO_ERROR_MESSAGE_TOO_LARGE).
 * Does not close @stream.
 */
gboolean
sb_writer_write (SbBriefing     *briefing,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(SbJsonWriter) json = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  json = sb_json_writer_new (stream, SB_LOADER_MAX_SIZE, cancellable);
  write_briefing (briefing, json);
  return sb_json_writer_finish (json, error);
}

/**
 * sb_writer_save:
 *
 * Writes the briefing to @file, replacing it only once the new contents
 * are complete and flushed; cancelled or failed, @file is left as it
 * was. A briefing larger than the loader reads is not written: every
 * briefing saved opens again.
 */
gboolean
sb_writer_save (SbBriefing    *briefing,
                GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(SbFileOutput) output = NULL;
  g_autoptr(SbJsonWriter) json = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  output = sb_file_output_new (file, SB_FILE_OUTPUT_NONE, cancellable, error);
  if (output == NULL)
    return FALSE;

  json = sb_json_writer_new (sb_file_output_get_stream (output), SB_LOADER_MAX_SIZE, cancellable);
  write_briefing (briefing, json);
  if (!sb_json_writer_finish (json, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                     _("the briefing would be larger than %d MiB, the most a briefing file may hold"),
                     SB_LOADER_MAX_SIZE / (1024 * 1024));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return sb_file_output_commit (output, cancellable, error);
}

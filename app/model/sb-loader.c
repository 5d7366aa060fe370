/* sb-loader.c
 *
 * Reads and checks briefing files, in these stages:
 *
 * bytes → size, UTF-8 and strict JSON syntax checks → the top-level members
 * and the spans of the elements of each array → each element built as
 * json-glib nodes on its own and read into a model object, the statements
 * on all processors → references left over resolved → a briefing, or every
 * problem with its JSON path, line and column.
 *
 * Building element by element keeps the tree of nodes (five to six times
 * the text) to one element at a time. Sources, actors and places are read
 * first and in order, so that statements can resolve their references and
 * check their quotes as they are read, in any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sb-element-reader.h"
#include "sb-file-input.h"
#include "sb-json-builder.h"
#include "sb-json-scan.h"
#include "sb-json-syntax.h"
#include "sb-loader.h"
#include "sb-model-private.h"
#include "sb-reference-reader.h"

/* Below this many statements one thread reads faster than several. */
#define PARALLEL_THRESHOLD 4000
#define CHUNK_SIZE 2048
#define MAX_THREADS 8

static const struct {
  const char *name;
  SbItemKind kind;
} item_arrays[] = {
  { "deployments", SB_ITEM_KIND_DEPLOYMENT },
  { "movements", SB_ITEM_KIND_MOVEMENT },
  { "incidents", SB_ITEM_KIND_INCIDENT },
  { "areas", SB_ITEM_KIND_AREA },
};

typedef struct
{
  const char *data;
  gsize length;
  SbJsonOutline outline;
  SbBriefingContents contents;
  GHashTable *entities;    /* id → SbEntity, keyed by the entities' ids */
  SbReader reader;
} Load;

static const SbJsonMember *
find_member (Load       *load,
             const char *name)
{
  const SbJsonMember *found = NULL;

  /* With a name given twice, the last counts, as json-glib has it. */
  for (guint i = 0; i < load->outline.members->len; i++)
    {
      const SbJsonMember *member = &g_array_index (load->outline.members, SbJsonMember, i);

      if (g_str_equal (member->name, name))
        found = member;
    }

  return found;
}

static gboolean
is_array_name (const char *name)
{
  static const char * const names[] = {
    "sources", "actors", "places", "deployments", "movements", "incidents", "areas", "steps", NULL
  };

  return g_strv_contains (names, name);
}

/* Where an entity is defined, for messages about it: searched for only
 * when a message needs it.
 */
static char *
locate_entity (SbEntity *entity,
               gpointer  user_data)
{
  Load *load = user_data;
  const struct {
    const char *name;
    GPtrArray *array;
  } arrays[] = {
    { "sources", load->contents.sources },
    { "actors", load->contents.actors },
    { "places", load->contents.places },
    { "deployments", load->contents.items[SB_ITEM_KIND_DEPLOYMENT] },
    { "movements", load->contents.items[SB_ITEM_KIND_MOVEMENT] },
    { "incidents", load->contents.items[SB_ITEM_KIND_INCIDENT] },
    { "areas", load->contents.items[SB_ITEM_KIND_AREA] },
    { "steps", load->contents.steps },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      guint index;

      if (arrays[i].array != NULL && g_ptr_array_find (arrays[i].array, entity, &index))
        return g_strdup_printf ("$.%s[%u]", arrays[i].name, index);
    }

  return g_strdup (sb_entity_get_id (entity));
}

/* Registers @entity, element @index of the array @name, under its id; a
 * second use of an id is a problem.
 */
static void
register_entity (Load       *load,
                 SbEntity   *entity,
                 const char *name,
                 guint       index)
{
  const char *id = sb_entity_get_id (entity);
  SbEntity *first;

  /* A missing or malformed id was reported where it was read. */
  if (*id == '\0')
    return;

  first = g_hash_table_lookup (load->entities, id);
  if (first != NULL)
    {
      g_autofree char *id_path = g_strdup_printf ("$.%s[%u].id", name, index);
      g_autofree char *first_path = locate_entity (first, load);

      sb_reader_report_at (&load->reader, SB_PROBLEM_DUPLICATE_ID, id_path,
                           _("the id “%s” is already used by %s"), id, first_path);
      return;
    }

  g_hash_table_insert (load->entities, (gpointer) id, entity);
}

typedef gpointer (*ReadFunc) (SbReader   *reader,
                              JsonObject *object,
                              int         kind);

static gpointer
read_source (SbReader *reader, JsonObject *object, int kind)
{
  return sb_read_source (reader, object);
}

static gpointer
read_actor (SbReader *reader, JsonObject *object, int kind)
{
  return sb_read_actor (reader, object);
}

static gpointer
read_place (SbReader *reader, JsonObject *object, int kind)
{
  return sb_read_place (reader, object);
}

static gpointer
read_item (SbReader *reader, JsonObject *object, int kind)
{
  return sb_read_item (reader, object, kind);
}

static gpointer
read_step (SbReader *reader, JsonObject *object, int kind)
{
  return sb_read_step (reader, object);
}

/* Reads elements [first, last) of an array into @into, with @reader.
 * @indexes, when given, receives the index of each element read.
 */
static void
read_elements (SbReader           *reader,
               const char         *data,
               const char         *name,
               const SbJsonMember *member,
               guint               first,
               guint               last,
               ReadFunc            read,
               int                 kind,
               GPtrArray          *into,
               GArray             *indexes)
{
  gsize saved = sb_reader_push_member (reader, name);

  for (guint i = first; i < last && !sb_reader_is_full (reader); i++)
    {
      gsize saved_index = sb_reader_push_index (reader, i);
      g_autoptr(JsonNode) node = sb_json_build (data, g_array_index (member->elements, SbJsonSpan, i));
      JsonObject *object = sb_reader_as_object (reader, node);

      if (object != NULL)
        {
          g_ptr_array_add (into, read (reader, object, kind));
          if (indexes != NULL)
            g_array_append_val (indexes, i);
        }

      sb_reader_pop (reader, saved_index);
    }

  sb_reader_pop (reader, saved);
}

/* Checks that an array member is an array, with entries if required.
 *
 * Returns: (nullable): the member when it is an array worth reading
 */
static const SbJsonMember *
find_array (Load       *load,
            const char *name,
            gboolean    required)
{
  const SbJsonMember *member = find_member (load, name);

  if (member == NULL)
    {
      if (required)
        sb_reader_report (&load->reader, SB_PROBLEM_MISSING_FIELD, name,
                          _("required field “%s” is missing"), name);
      return NULL;
    }

  if (member->elements == NULL)
    {
      g_autoptr(JsonObject) holder = json_object_new ();

      /* Reported as for any other array member that is not an array. */
      json_object_set_member (holder, name, sb_json_build (load->data, member->value));
      sb_reader_get_array (&load->reader, holder, name, SB_OPTIONAL);
      return NULL;
    }

  if (member->elements->len == 0 && required)
    sb_reader_report (&load->reader, SB_PROBLEM_MISSING_FIELD, name,
                      _("at least one entry is required"));

  return member;
}

/* Sources, actors, places or steps: read in order, each registered at
 * once so that the next can refer to it.
 */
static void
read_in_order (Load       *load,
               const char *name,
               gboolean    required,
               ReadFunc    read,
               GPtrArray  *into)
{
  const SbJsonMember *member = find_array (load, name, required);

  if (member == NULL)
    return;

  for (guint i = 0; i < member->elements->len && !sb_reader_is_full (&load->reader); i++)
    {
      guint before = into->len;

      read_elements (&load->reader, load->data, name, member, i, i + 1, read, 0, into, NULL);
      if (into->len > before)
        register_entity (load, g_ptr_array_index (into, into->len - 1), name, i);
    }
}

typedef struct
{
  const SbJsonMember *member;
  const char *name;
  SbItemKind kind;
  guint first;
  guint last;
  SbReader reader;
  GPtrArray *items;        /* of SbItem, owned */
  GArray *indexes;         /* of guint: each item's index in its array */
} Chunk;

typedef struct
{
  Load *load;
  GPtrArray *chunks;
  gint next;               /* the next chunk to take, atomically */
} ChunkQueue;

static gpointer
read_chunks_thread (gpointer user_data)
{
  ChunkQueue *queue = user_data;
  int index;

  while ((index = g_atomic_int_add (&queue->next, 1)) < (int) queue->chunks->len)
    {
      Chunk *chunk = g_ptr_array_index (queue->chunks, index);

      read_elements (&chunk->reader, queue->load->data, chunk->name, chunk->member,
                     chunk->first, chunk->last, read_item, chunk->kind, chunk->items, chunk->indexes);
    }

  return NULL;
}

static void
chunk_free (Chunk *chunk)
{
  sb_reader_clear (&chunk->reader);
  g_clear_pointer (&chunk->items, g_ptr_array_unref);
  g_clear_pointer (&chunk->indexes, g_array_unref);
  g_free (chunk);
}

/* Moves what a chunk read into the load, in file order. */
static void
merge_chunk (Load  *load,
             Chunk *chunk)
{
  GPtrArray *into = load->contents.items[chunk->kind];

  for (guint i = 0; i < chunk->items->len; i++)
    {
      SbItem *item = g_ptr_array_index (chunk->items, i);

      g_ptr_array_add (into, g_object_ref (item));
      register_entity (load, SB_ENTITY (item), chunk->name, g_array_index (chunk->indexes, guint, i));
    }

  g_ptr_array_extend_and_steal (load->reader.problems, g_steal_pointer (&chunk->reader.problems));
  chunk->reader.problems = g_ptr_array_new ();
  g_array_append_vals (load->reader.deferred, chunk->reader.deferred->data, chunk->reader.deferred->len);
  g_array_set_size (chunk->reader.deferred, 0);
}

static guint
count_threads (guint n_elements)
{
  if (n_elements < PARALLEL_THRESHOLD)
    return 1;

  return CLAMP (g_get_num_processors (), 1, MAX_THREADS);
}

/* The statements, most of a large briefing: in chunks on all processors
 * when there are many. Each chunk reads with a reader of its own against
 * the sources, actors and places already registered, which no thread
 * changes while they read.
 */
static void
read_statements (Load *load)
{
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  ChunkQueue queue = { load, chunks, 0 };
  guint total = 0, n_threads;

  for (guint a = 0; a < G_N_ELEMENTS (item_arrays); a++)
    {
      const SbJsonMember *member = find_array (load, item_arrays[a].name, FALSE);

      for (guint first = 0; member != NULL && first < member->elements->len; first += CHUNK_SIZE)
        {
          Chunk *chunk = g_new0 (Chunk, 1);

          chunk->member = member;
          chunk->name = item_arrays[a].name;
          chunk->kind = item_arrays[a].kind;
          chunk->first = first;
          chunk->last = MIN (first + CHUNK_SIZE, member->elements->len);
          chunk->items = g_ptr_array_new_with_free_func (g_object_unref);
          chunk->indexes = g_array_new (FALSE, FALSE, sizeof (guint));
          sb_reader_init (&chunk->reader, load->reader.max_problems, load->entities, locate_entity, load);
          chunk->reader.language = load->reader.language;
          chunk->reader.version = load->reader.version;
          g_ptr_array_add (chunks, chunk);
          total += chunk->last - chunk->first;
        }
    }

  n_threads = count_threads (total);
  if (n_threads == 1)
    read_chunks_thread (&queue);
  else
    {
      for (guint i = 0; i < n_threads; i++)
        g_ptr_array_add (threads, g_thread_new ("sb-loader", read_chunks_thread, &queue));
      for (guint i = 0; i < n_threads; i++)
        g_thread_join (g_ptr_array_index (threads, i));
    }

  for (guint i = 0; i < chunks->len; i++)
    merge_chunk (load, g_ptr_array_index (chunks, i));
}

/* The top level without the arrays: they are read element by element. */
static JsonObject *
build_root (Load *load)
{
  JsonObject *root = json_object_new ();

  for (guint i = 0; i < load->outline.members->len; i++)
    {
      const SbJsonMember *member = &g_array_index (load->outline.members, SbJsonMember, i);

      if (member->elements != NULL || is_array_name (member->name))
        {
          /* Known so that the check of names sees it; read elsewhere. */
          json_object_set_member (root, member->name, json_node_init_array (json_node_alloc (), NULL));
          continue;
        }

      json_object_set_member (root, member->name, sb_json_build (load->data, member->value));
    }

  return root;
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

/* Places, sorts and caps the problems: the last kept says checking stopped. */
static void
finish_problems (Load *load)
{
  GPtrArray *problems = load->reader.problems;

  sb_json_locate_problems (load->data, load->length, problems);
  g_ptr_array_sort (problems, compare_problems);

  if (problems->len >= load->reader.max_problems)
    {
      SbProblem *last;

      g_ptr_array_set_size (problems, load->reader.max_problems);
      last = g_ptr_array_index (problems, problems->len - 1);
      if (last->code != SB_PROBLEM_TOO_MANY_PROBLEMS)
        {
          last->code = SB_PROBLEM_TOO_MANY_PROBLEMS;
          g_free (last->message);
          last->message = g_strdup (_("too many problems; checking stopped here"));
        }
    }
}

static void
report_at_offset (SbReader      *reader,
                  SbProblemCode  code,
                  const char    *data,
                  gsize          offset,
                  const char    *message)
{
  SbProblem *problem;

  sb_reader_report_at (reader, code, NULL, "%s", message);
  problem = g_ptr_array_index (reader->problems, reader->problems->len - 1);
  sb_json_offset_to_position (data, offset, &problem->line, &problem->column);
}

/* The checks on the text as a whole, before anything is parsed. */
static gboolean
check_text (Load *load)
{
  const char *invalid = NULL;

  if (load->length > SB_LOADER_MAX_SIZE)
    {
      sb_reader_report_at (&load->reader, SB_PROBLEM_TOO_LARGE, NULL,
                           _("the file is %" PRIu64 " MiB; briefings are limited to %d MiB"),
                           (guint64) load->length / (1024 * 1024), SB_LOADER_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!g_utf8_validate_len (load->data, load->length, &invalid))
    {
      g_autofree char *message =
        g_strdup_printf (_("the file is not valid UTF-8: byte 0x%02x at offset %" PRIu64 " cannot start or continue a character"),
                         (guchar) *invalid, (guint64) (invalid - load->data));

      /* The position is counted over the valid text before the bad byte. */
      report_at_offset (&load->reader, SB_PROBLEM_ENCODING, load->data, invalid - load->data, message);
      return FALSE;
    }

  if (!sb_json_syntax_check (load->data, load->length, SB_LOADER_MAX_DEPTH, &load->outline))
    {
      report_at_offset (&load->reader, load->outline.too_deep ? SB_PROBLEM_TOO_DEEP : SB_PROBLEM_SYNTAX,
                        load->data, load->outline.error_offset, load->outline.error_message);
      return FALSE;
    }

  if (load->outline.empty)
    {
      sb_reader_report_at (&load->reader, SB_PROBLEM_NOT_BRIEFING, NULL, _("the file is empty"));
      return FALSE;
    }

  if (!load->outline.root_is_object)
    {
      sb_reader_report_at (&load->reader, SB_PROBLEM_NOT_BRIEFING, "$",
                           _("this is not a SahelBrief briefing: the file must hold one JSON object"));
      return FALSE;
    }

  return TRUE;
}

static void
read_briefing (Load *load)
{
  g_autoptr(JsonObject) root = build_root (load);

  if (!sb_read_format (&load->reader, root))
    return;

  load->contents.sources = g_ptr_array_new_with_free_func (g_object_unref);
  load->contents.actors = g_ptr_array_new_with_free_func (g_object_unref);
  load->contents.places = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    load->contents.items[i] = g_ptr_array_new_with_free_func (g_object_unref);
  load->contents.steps = g_ptr_array_new_with_free_func (g_object_unref);

  /* Plain-string texts are in the briefing's language: read first. */
  sb_read_header (&load->reader, root, &load->contents);

  read_in_order (load, "sources", TRUE, read_source, load->contents.sources);
  read_in_order (load, "actors", FALSE, read_actor, load->contents.actors);
  read_in_order (load, "places", FALSE, read_place, load->contents.places);
  if (!sb_reader_is_full (&load->reader))
    read_statements (load);
  if (!sb_reader_is_full (&load->reader))
    read_in_order (load, "steps", FALSE, read_step, load->contents.steps);

  sb_reader_resolve_deferred (&load->reader);
}

/* A briefing saved with problems, as work in progress, opens again when
 * every problem is one the app lets a briefing being made have: a field
 * not filled in yet, an empty text, a quote the source no longer has.
 * Anything else would be dropped or changed by saving it again.
 */
static gboolean
is_work_in_progress (Load *load)
{
  GPtrArray *problems = load->reader.problems;
  GPtrArray *arrays[] = {
    load->contents.sources, load->contents.actors, load->contents.places,
    load->contents.items[SB_ITEM_KIND_DEPLOYMENT], load->contents.items[SB_ITEM_KIND_MOVEMENT],
    load->contents.items[SB_ITEM_KIND_INCIDENT], load->contents.items[SB_ITEM_KIND_AREA],
    load->contents.steps,
  };

  if (sb_reader_is_full (&load->reader) || load->contents.sources == NULL)
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      SbProblemCode code = ((SbProblem *) g_ptr_array_index (problems, i))->code;

      if (code != SB_PROBLEM_MISSING_FIELD && code != SB_PROBLEM_EMPTY_TEXT && code != SB_PROBLEM_QUOTE_NOT_FOUND)
        return FALSE;
    }

  /* Everything must be there to edit, under its own id. */
  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      if (*sb_entity_get_id (g_ptr_array_index (arrays[a], i)) == '\0')
        return FALSE;

  /* A relation not to anyone yet is left out: there is nothing to show. */
  for (guint i = 0; i < load->contents.actors->len; i++)
    {
      SbActor *actor = g_ptr_array_index (load->contents.actors, i);

      for (guint r = actor->relations->len; r > 0; r--)
        if (((SbRelation *) g_ptr_array_index (actor->relations, r - 1))->target == NULL)
          g_ptr_array_remove_index (actor->relations, r - 1);
    }

  return TRUE;
}

static SbBriefing *
load_data (const char     *data,
           gsize           length,
           SbLoaderFlags   flags,
           GPtrArray     **problems_out)
{
  Load load = { data, length, };
  SbBriefing *briefing = NULL;

  load.entities = g_hash_table_new (g_str_hash, g_str_equal);
  sb_reader_init (&load.reader, SB_LOADER_MAX_PROBLEMS, load.entities, locate_entity, &load);

  /* A byte-order mark is harmless; some Windows editors write one. */
  if (load.length >= 3 && memcmp (load.data, "\xEF\xBB\xBF", 3) == 0)
    {
      load.data += 3;
      load.length -= 3;
    }

  if (check_text (&load))
    read_briefing (&load);

  if (load.reader.problems->len == 0 ||
      ((flags & SB_LOADER_WORK_IN_PROGRESS) != 0 && is_work_in_progress (&load)))
    briefing = _sb_briefing_new_take (&load.contents, g_steal_pointer (&load.entities));
  if (load.reader.problems->len > 0)
    finish_problems (&load);

  if (problems_out != NULL)
    *problems_out = g_ptr_array_ref (load.reader.problems);

  sb_reader_clear (&load.reader);
  g_clear_pointer (&load.entities, g_hash_table_unref);
  _sb_briefing_contents_clear (&load.contents);
  sb_json_outline_clear (&load.outline);

  return briefing;
}

/**
 * sb_loader_load_bytes:
 * @problems: (out) (optional) (transfer full): every problem found; empty
 *   when the briefing loaded
 *
 * Returns: (transfer full) (nullable): the briefing, or %NULL if the data
 *   has any problem
 */
SbBriefing *
sb_loader_load_bytes (GBytes     *bytes,
                      GPtrArray **problems)
{
  return sb_loader_load_bytes_full (bytes, SB_LOADER_NONE, problems);
}

/**
 * sb_loader_load_bytes_full:
 * @flags: with %SB_LOADER_WORK_IN_PROGRESS, a briefing being made
 *   (fields not filled in yet) loads, and @problems says what it lacks
 * @problems: (out) (optional) (transfer full): every problem found
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_loader_load_bytes_full (GBytes         *bytes,
                           SbLoaderFlags   flags,
                           GPtrArray     **problems)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return load_data (data ? data : "", length, flags, problems);
}


static GPtrArray *
single_problem (SbProblemCode  code,
                const char    *message)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);

  g_ptr_array_add (problems, sb_problem_new (code, NULL, message));
  return problems;
}

static GPtrArray *
read_problems (const GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return single_problem (SB_PROBLEM_IO, _("this is a folder, not a briefing file"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    return single_problem (SB_PROBLEM_IO, _("this is not an ordinary file but a device, a pipe or a socket; briefings are read from ordinary files"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      message = g_strdup_printf (_("the file is larger than %d MiB, the limit for briefings"),
                                 SB_LOADER_MAX_SIZE / (1024 * 1024));
      return single_problem (SB_PROBLEM_TOO_LARGE, message);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return single_problem (SB_PROBLEM_IO, _("loading was cancelled"));

  {
    GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);

    g_ptr_array_add (problems, sb_problem_new_for_io_error (error));
    return problems;
  }
}

static SbBriefing *load_stream (GInputStream   *stream,
                                guint64         size_hint,
                                SbLoaderFlags   flags,
                                GCancellable   *cancellable,
                                GPtrArray     **problems);

/**
 * sb_loader_load_stream:
 * @size_hint: the size expected, or 0; room for it is made at once
 * @problems: (out) (optional) (transfer full): every problem found
 *
 * Reads @stream to its end, up to %SB_LOADER_MAX_SIZE bytes, and checks
 * what it held; blocks, so call it from a thread.
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_loader_load_stream (GInputStream  *stream,
                       guint64        size_hint,
                       GCancellable  *cancellable,
                       GPtrArray    **problems)
{
  return load_stream (stream, size_hint, SB_LOADER_NONE, cancellable, problems);
}

static SbBriefing *
load_stream (GInputStream   *stream,
             guint64         size_hint,
             SbLoaderFlags   flags,
             GCancellable   *cancellable,
             GPtrArray     **problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  bytes = sb_file_input_read_all (stream, SB_LOADER_MAX_SIZE, size_hint, cancellable, &error);
  if (bytes == NULL)
    {
      if (problems != NULL)
        *problems = read_problems (error);
      return NULL;
    }

  return sb_loader_load_bytes_full (bytes, flags, problems);
}

/**
 * sb_loader_load_file:
 * @problems: (out) (optional) (transfer full): every problem found
 *
 * Reads and checks @file; blocks, so call it from a thread or use
 * sb_loader_load_file_async() from the main loop. Only an ordinary file
 * is read: a folder, a device or a named pipe is refused at once.
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_loader_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GPtrArray    **problems)
{
  return sb_loader_load_file_full (file, SB_LOADER_NONE, cancellable, problems);
}

/**
 * sb_loader_load_file_full:
 * @flags: see sb_loader_load_bytes_full()
 * @problems: (out) (optional) (transfer full): every problem found
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_loader_load_file_full (GFile          *file,
                          SbLoaderFlags   flags,
                          GCancellable   *cancellable,
                          GPtrArray     **problems)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = sb_file_input_open (file, SB_LOADER_MAX_SIZE, &size, cancellable, &error);
  if (stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE) && problems != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the file is %" PRIu64 " MiB; briefings are limited to %d MiB"),
                             size / (1024 * 1024), SB_LOADER_MAX_SIZE / (1024 * 1024));

          *problems = single_problem (SB_PROBLEM_TOO_LARGE, message);
        }
      else if (problems != NULL)
        *problems = read_problems (error);
      return NULL;
    }

  return load_stream (stream, size, flags, cancellable, problems);
}

typedef struct
{
  SbBriefing *briefing;
  GPtrArray *problems;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->briefing);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);
  SbLoaderFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "flags"));

  result->briefing = sb_loader_load_file_full (task_data, flags, cancellable, &result->problems);
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/**
 * sb_loader_load_file_async:
 *
 * Reads and checks @file in a worker thread.
 */
void
sb_loader_load_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  sb_loader_load_file_full_async (file, SB_LOADER_NONE, cancellable, callback, user_data);
}

/**
 * sb_loader_load_file_full_async:
 * @flags: see sb_loader_load_bytes_full()
 *
 * Reads and checks @file in a worker thread.
 */
void
sb_loader_load_file_full_async (GFile               *file,
                                SbLoaderFlags        flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_loader_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "flags", GUINT_TO_POINTER (flags));
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * sb_loader_load_file_finish:
 * @problems: (out) (optional) (transfer full): every problem found
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_loader_load_file_finish (GAsyncResult  *result,
                            GPtrArray    **problems)
{
  LoadResult *load_result;
  SbBriefing *briefing;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  load_result = g_task_propagate_pointer (G_TASK (result), NULL);
  if (load_result == NULL)
    {
      if (problems != NULL)
        *problems = single_problem (SB_PROBLEM_IO, _("loading was cancelled"));
      return NULL;
    }

  briefing = g_steal_pointer (&load_result->briefing);
  if (problems != NULL)
    *problems = g_steal_pointer (&load_result->problems);
  load_result_free (load_result);

  return briefing;
}

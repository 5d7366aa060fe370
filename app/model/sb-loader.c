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
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "sb-element-reader.h"
#include "sb-file-input.h"
#include "sb-json-node.h"
#include "sb-json-scan.h"
#include "sb-json-string.h"
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
  SbJsonArena *arena;      /* for what the loading thread itself reads */
  GHashTable *actor_sets;  /* of GPtrArray: the statements' lists of actors, each once */
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

  first = _sb_id_table_lookup (load->entities, id);
  if (first != NULL)
    {
      g_autofree char *id_path = g_strdup_printf ("$.%s[%u].id", name, index);
      g_autofree char *first_path = locate_entity (first, load);

      sb_reader_report_at (&load->reader, SB_PROBLEM_DUPLICATE_ID, id_path,
                           _("the id “%s” is already used by %s"), id, first_path);
      return;
    }

  _sb_id_table_add (load->entities, entity);
}

typedef gpointer (*ReadFunc) (SbReader     *reader,
                              SbJsonObject *object,
                              int           kind);

static gpointer
read_source (SbReader *reader, SbJsonObject *object, int kind)
{
  return sb_read_source (reader, object);
}

static gpointer
read_actor (SbReader *reader, SbJsonObject *object, int kind)
{
  return sb_read_actor (reader, object);
}

static gpointer
read_place (SbReader *reader, SbJsonObject *object, int kind)
{
  return sb_read_place (reader, object);
}

static gpointer
read_item (SbReader *reader, SbJsonObject *object, int kind)
{
  return sb_read_item (reader, object, kind);
}

static gpointer
read_step (SbReader *reader, SbJsonObject *object, int kind)
{
  return sb_read_step (reader, object);
}

/* Reads elements [first, last) of an array into @into, with @reader.
 * @indexes, when given, receives the index of each element read.
 */
static void
read_elements (SbReader           *reader,
               SbJsonArena        *arena,
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
      SbJsonNode *node = sb_json_arena_build (arena, data, g_array_index (member->elements, SbJsonSpan, i));
      SbJsonObject *object = sb_reader_as_object (reader, node);

      if (object != NULL)
        {
          g_ptr_array_add (into, read (reader, object, kind));
          if (indexes != NULL)
            g_array_append_val (indexes, i);
        }

      sb_reader_pop (reader, saved_index);
      sb_json_arena_reset (arena);
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
      SbJsonField field = { name, };
      SbJsonObject holder = { &field, 1 };

      /* Reported as for any other array member that is not an array. */
      sb_json_arena_build_into (load->arena, load->data, member->value, &field.value);
      sb_reader_get_array (&load->reader, &holder, name, SB_OPTIONAL);
      sb_json_arena_reset (load->arena);
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

      read_elements (&load->reader, load->arena, load->data, name, member, i, i + 1, read, 0, into, NULL);
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
  SbJsonArena *arena = sb_json_arena_new ();
  int index;

  while ((index = g_atomic_int_add (&queue->next, 1)) < (int) queue->chunks->len)
    {
      Chunk *chunk = g_ptr_array_index (queue->chunks, index);

      read_elements (&chunk->reader, arena, queue->load->data, chunk->name, chunk->member,
                     chunk->first, chunk->last, read_item, chunk->kind, chunk->items, chunk->indexes);
    }

  sb_json_arena_free (arena);
  return NULL;
}

/* Lists of actors, as many as statements, repeat: the same actors in the
 * same order share one array, as the importers' statements do. Nothing
 * changes such an array: an edit puts a new one in its place.
 */
static guint
actor_set_hash (gconstpointer key)
{
  const GPtrArray *actors = key;
  guint hash = actors->len;

  for (guint i = 0; i < actors->len; i++)
    hash = hash * 31 + g_direct_hash (g_ptr_array_index (actors, i));

  return hash;
}

static gboolean
actor_set_equal (gconstpointer a,
                 gconstpointer b)
{
  const GPtrArray *x = a, *y = b;

  return x->len == y->len && memcmp (x->pdata, y->pdata, x->len * sizeof (gpointer)) == 0;
}

static void
share_actors (Load   *load,
              SbItem *item)
{
  GPtrArray *shared;

  if (item->actors == NULL || item->actors->len == 0)
    return;

  /* A reference not resolved yet will be written into this array. */
  for (guint i = 0; i < item->actors->len; i++)
    if (g_ptr_array_index (item->actors, i) == NULL)
      return;

  if (load->actor_sets == NULL)
    load->actor_sets = g_hash_table_new_full (actor_set_hash, actor_set_equal,
                                              (GDestroyNotify) g_ptr_array_unref, NULL);

  shared = g_hash_table_lookup (load->actor_sets, item->actors);
  if (shared == NULL)
    g_hash_table_add (load->actor_sets, g_ptr_array_ref (item->actors));
  else if (shared != item->actors)
    {
      g_ptr_array_unref (item->actors);
      item->actors = g_ptr_array_ref (shared);
    }
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

      share_actors (load, item);
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

/* The top level without the arrays, in the arena: they are read element
 * by element.
 */
static SbJsonObject *
build_root (Load        *load,
            SbJsonArena *arena)
{
  SbJsonObject *root = sb_json_arena_alloc (arena, sizeof (SbJsonObject));
  guint n = load->outline.members->len;

  root->n_fields = n;
  root->fields = sb_json_arena_alloc (arena, MAX (n, 1) * sizeof (SbJsonField));

  for (guint i = 0; i < n; i++)
    {
      const SbJsonMember *member = &g_array_index (load->outline.members, SbJsonMember, i);
      SbJsonField *field = &root->fields[i];

      field->name = member->name;
      /* Other arrays, such as the authors, are read with the header. */
      if (is_array_name (member->name))
        {
          /* Known so that the check of names sees it; read elsewhere. */
          memset (&field->value, 0, sizeof field->value);
          field->value.type = SB_JSON_NODE_ARRAY;
          continue;
        }

      sb_json_arena_build_into (arena, load->data, member->value, &field->value);
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

  if (!sb_utf8_validate_len (load->data, load->length, &invalid))
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
  /* The header's values stay in their own arena while the rest is read. */
  g_autoptr(SbJsonArena) header = sb_json_arena_new ();
  SbJsonObject *root = build_root (load, header);

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
 * not filled in yet, an empty text, a quote the source no longer has, a
 * country code read as the one it can only mean.
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

      if (code != SB_PROBLEM_MISSING_FIELD && code != SB_PROBLEM_EMPTY_TEXT && code != SB_PROBLEM_QUOTE_NOT_FOUND &&
          code != SB_PROBLEM_COUNTRY_CODE)
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

  load.entities = _sb_id_table_new ();
  load.arena = sb_json_arena_new ();
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
  g_clear_pointer (&load.actor_sets, g_hash_table_unref);
  _sb_briefing_contents_clear (&load.contents);
  sb_json_outline_clear (&load.outline);
  sb_json_arena_free (load.arena);

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

/* ------------------------------------------------------------------ */
/* Streaming: a briefing read as it arrives                             */
/* ------------------------------------------------------------------ */

/* A briefing in the order the writer writes it (header, sources, actors,
 * places, statements, steps) is read while it streams in: only a window
 * of its text is held, and batches of sources and of statements are
 * read on all processors while the next are scanned. Anything else, a problem above
 * all, gives up at once; the caller then reads the whole text the usual
 * way, which places every problem exactly. Both ways build the same
 * briefing from the same code.
 */

#define STREAM_BLOCK_SIZE (1024 * 1024)
#define BATCH_SIZE 1024
#define SOURCE_BATCH_SIZE 64     /* sources are long: their texts */
#define ELEMENT_DEPTH (SB_LOADER_MAX_DEPTH - 2)  /* inside the root and an array */
#define HEADER_DEPTH (SB_LOADER_MAX_DEPTH - 1)

typedef enum
{
  RANK_HEADER,
  RANK_SOURCES,
  RANK_ACTORS,
  RANK_PLACES,
  RANK_STATEMENTS,
  RANK_STEPS,
} Rank;

/* Sources and statements are read in batches on all processors; the
 * others, which refer to what comes before them in their own array, in
 * order as they come.
 */
static gboolean
is_batched (Rank rank)
{
  return rank == RANK_SOURCES || rank == RANK_STATEMENTS;
}

typedef struct
{
  GBytes *text;
  GArray *spans;           /* of SbJsonSpan in text */
  const char *name;        /* of the array */
  SbItemKind kind;
  ReadFunc read;
  GPtrArray *into;         /* where the elements go once merged */
  gboolean statements;     /* their lists of actors are shared */
  guint first;             /* index of the first element in its array */
  SbReader reader;
  GPtrArray *items;        /* of SbItem, owned */
  gboolean failed;
} Batch;

typedef struct
{
  Load *load;
  GInputStream *stream;
  GCancellable *cancellable;
  GByteArray *buffer;
  gsize pos;               /* where scanning goes on */
  gsize validated;         /* the UTF-8 check is done up to here */
  gboolean eof;
  gboolean failed;

  GPtrArray *header;       /* of SbJsonMember: name and its own copy of the value */
  GPtrArray *header_texts; /* of char *: the copies */
  GHashTable *seen;        /* names of the top-level members so far */
  Rank rank;
  const char *array;       /* the array being read, or NULL */
  Rank array_rank;
  SbItemKind kind;
  guint index;             /* of the next element */
  GPtrArray *into;         /* where its elements go, for ordered arrays */
  ReadFunc read;

  GArray *pending;         /* of SbJsonSpan in buffer: statements not yet sent */
  guint pending_first;
  GThreadPool *pool;
  guint max_running;       /* batches sent and not yet read */
  GPtrArray *batches;      /* of Batch, in file order */
  GMutex lock;
  GMutex share_lock;       /* of load->actor_sets, which every batch uses */
  GCond done;
  guint running;
  gint abandon;            /* atomically: workers skip what is left */
} Stream;

static void
batch_free (Batch *batch)
{
  if (batch == NULL)
    return;

  g_clear_pointer (&batch->text, g_bytes_unref);
  g_clear_pointer (&batch->spans, g_array_unref);
  sb_reader_clear (&batch->reader);
  g_clear_pointer (&batch->items, g_ptr_array_unref);
  g_free (batch);
}

static gboolean
check_elements (const char *data,
                GArray     *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      SbJsonSpan *span = &g_array_index (spans, SbJsonSpan, i);

      if (!sb_json_syntax_check_value (data + span->start, span->end - span->start, ELEMENT_DEPTH))
        return FALSE;
    }

  return TRUE;
}

static void
read_batch (gpointer data,
            gpointer user_data)
{
  Batch *batch = data;
  Stream *self = user_data;

  if (!g_atomic_int_get (&self->abandon))
    {
      const char *text = g_bytes_get_data (batch->text, NULL);

      if (!check_elements (text, batch->spans))
        batch->failed = TRUE;
      else
        {
          g_autoptr(SbJsonArena) arena = sb_json_arena_new ();
          SbJsonMember member = { (char *) batch->name, { 0, 0 }, batch->spans };

          read_elements (&batch->reader, arena, text, batch->name, &member, 0, batch->spans->len,
                         batch->read, batch->kind, batch->items, NULL);
          /* The passages found are shared by the statements now; the rest waits to the end. */
          g_hash_table_remove_all (batch->reader.quotes);

          if (batch->statements)
            {
              g_mutex_lock (&self->share_lock);
              for (guint i = 0; i < batch->items->len; i++)
                share_actors (self->load, g_ptr_array_index (batch->items, i));
              g_mutex_unlock (&self->share_lock);
            }
          batch->failed = batch->reader.problems->len > 0 || batch->items->len != batch->spans->len;
        }

      if (batch->failed)
        g_atomic_int_set (&self->abandon, TRUE);
    }

  /* Read or abandoned: the text is not needed any more. */
  g_clear_pointer (&batch->text, g_bytes_unref);
  g_clear_pointer (&batch->spans, g_array_unref);

  g_mutex_lock (&self->lock);
  self->running--;
  g_cond_signal (&self->done);
  g_mutex_unlock (&self->lock);
}

/* Sends the statements scanned so far to the threads, with a copy of
 * their text, waiting while enough are being read.
 */
static void
send_pending (Stream *self)
{
  Batch *batch;
  SbJsonSpan *first, *last;
  gsize base;

  if (self->pending->len == 0)
    return;

  first = &g_array_index (self->pending, SbJsonSpan, 0);
  last = &g_array_index (self->pending, SbJsonSpan, self->pending->len - 1);
  base = first->start;

  batch = g_new0 (Batch, 1);
  batch->text = g_bytes_new (self->buffer->data + base, last->end - base);
  batch->spans = g_array_sized_new (FALSE, FALSE, sizeof (SbJsonSpan), self->pending->len);
  for (guint i = 0; i < self->pending->len; i++)
    {
      SbJsonSpan span = g_array_index (self->pending, SbJsonSpan, i);

      span.start -= base;
      span.end -= base;
      g_array_append_val (batch->spans, span);
    }
  batch->name = self->array;
  batch->kind = self->kind;
  batch->read = self->read;
  batch->into = self->into;
  batch->statements = self->array_rank == RANK_STATEMENTS;
  batch->first = self->pending_first;
  batch->items = g_ptr_array_new_with_free_func (g_object_unref);
  sb_reader_init (&batch->reader, self->load->reader.max_problems, self->load->entities, locate_entity, self->load);
  batch->reader.language = self->load->reader.language;
  batch->reader.version = self->load->reader.version;
  g_ptr_array_add (self->batches, batch);
  g_array_set_size (self->pending, 0);

  g_mutex_lock (&self->lock);
  while (self->running >= self->max_running)
    g_cond_wait (&self->done, &self->lock);
  self->running++;
  g_mutex_unlock (&self->lock);

  g_thread_pool_push (self->pool, batch, NULL);
}

static void
wait_for_batches (Stream *self)
{
  g_mutex_lock (&self->lock);
  while (self->running > 0)
    g_cond_wait (&self->done, &self->lock);
  g_mutex_unlock (&self->lock);
}

/* Every statement read: registered in file order, as the whole-text way does. */
static gboolean
merge_batches (Stream *self)
{
  Load *load = self->load;

  send_pending (self);
  wait_for_batches (self);

  for (guint b = 0; b < self->batches->len; b++)
    if (((Batch *) g_ptr_array_index (self->batches, b))->failed)
      return FALSE;

  for (guint b = 0; b < self->batches->len; b++)
    {
      Batch *batch = g_ptr_array_index (self->batches, b);
      GPtrArray *into = batch->into;

      /* The batch's statements move into the briefing: nothing is added to a count. */
      for (guint i = 0; i < batch->items->len; i++)
        {
          SbItem *item = g_ptr_array_index (batch->items, i);

          g_ptr_array_add (into, item);
          register_entity (load, SB_ENTITY (item), batch->name, batch->first + i);
        }
      g_ptr_array_set_free_func (batch->items, NULL);
      g_array_append_vals (load->reader.deferred, batch->reader.deferred->data, batch->reader.deferred->len);
      g_array_set_size (batch->reader.deferred, 0);

      /* Each batch is freed as soon as it is merged, not when all are. */
      g_clear_pointer (&g_ptr_array_index (self->batches, b), batch_free);
    }

  g_ptr_array_set_size (self->batches, 0);
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return load->reader.problems->len == 0;
}

/* Reads one more block; checks UTF-8 up to the last whole character. */
static gboolean
read_more (Stream *self)
{
  g_autoptr(GError) error = NULL;
  gsize old_length = self->buffer->len;
  gssize n;
  gsize end, drop;

  if (self->eof)
    return FALSE;

  /* What is scanned and sent is no longer needed: only the window from
   * the first statement waiting to be sent, or from where scanning goes on.
   */
  drop = self->pending->len > 0 ? g_array_index (self->pending, SbJsonSpan, 0).start : self->pos;
  if (drop > STREAM_BLOCK_SIZE)
    {
      g_byte_array_remove_range (self->buffer, 0, drop);
      self->validated -= drop;
      self->pos -= drop;
      old_length -= drop;
      for (guint i = 0; i < self->pending->len; i++)
        {
          g_array_index (self->pending, SbJsonSpan, i).start -= drop;
          g_array_index (self->pending, SbJsonSpan, i).end -= drop;
        }
    }

  g_byte_array_set_size (self->buffer, old_length + STREAM_BLOCK_SIZE + 1);
  n = g_input_stream_read (self->stream, self->buffer->data + old_length, STREAM_BLOCK_SIZE,
                           self->cancellable, &error);
  if (n < 0)
    {
      g_byte_array_set_size (self->buffer, old_length);
      self->failed = TRUE;
      return FALSE;
    }

  g_byte_array_set_size (self->buffer, old_length + n);
  self->eof = n == 0;

  /* A character cut by the end of the block waits for the next one. */
  end = self->buffer->len;
  if (!self->eof)
    {
      gsize back = 0;

      while (back < 3 && back < end - self->validated && (self->buffer->data[end - back - 1] & 0xc0) == 0x80)
        back++;
      if (back < end - self->validated && (self->buffer->data[end - back - 1] & 0xc0) == 0xc0)
        back++;
      else
        back = 0;
      end -= back;
    }

  if (!sb_utf8_validate_len ((const char *) self->buffer->data + self->validated, end - self->validated, NULL))
    {
      self->failed = TRUE;
      return FALSE;
    }
  self->validated = end;

  /* The scanner may look one byte past the text: a NUL stops it there. */
  self->buffer->data[self->buffer->len] = '\0';
  return n > 0 || self->validated == self->buffer->len;
}

typedef enum
{
  SCAN_OK,
  SCAN_MORE,               /* the text so far ends inside */
  SCAN_FAILED,
} ScanResult;

static const char *
text_at (Stream *self,
         gsize   offset)
{
  return (const char *) self->buffer->data + offset;
}

/* Skips white space; SCAN_MORE when the text so far ends first. */
static ScanResult
skip_space (Stream *self,
            gsize  *at)
{
  const char *p = text_at (self, *at), *end = text_at (self, self->validated);

  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;

  *at = p - text_at (self, 0);
  return p < end ? SCAN_OK : SCAN_MORE;
}

/* Finds the end of the value at @at, loosely: the strict check follows. */
static ScanResult
skip_value_text (Stream *self,
                 gsize  *at)
{
  const char *p = text_at (self, *at), *end = text_at (self, self->validated);
  guint depth = 0;

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          /* To the next quote not escaped: a quote after an odd number of backslashes is. */
          for (p++;; p++)
            {
              const char *q;

              p = memchr (p, '"', end - p);
              if (p == NULL)
                return SCAN_MORE;
              for (q = p; *(q - 1) == '\\'; q--)
                ;
              if ((p - q) % 2 == 0)
                break;
            }
          p++;
          if (depth == 0)
            goto done;
          continue;

        case '{':
        case '[':
          depth++;
          p++;
          continue;

        case '}':
        case ']':
          if (depth == 0)
            goto done;
          p++;
          if (--depth == 0)
            goto done;
          continue;

        case ',':
        case ' ':
        case '\n':
        case '\r':
        case '\t':
          if (depth == 0)
            goto done;
          p++;
          continue;

        case '\0':
          return SCAN_FAILED;

        default:
          p++;
          continue;
        }
    }

  return SCAN_MORE;

done:
  /* A number or literal may go on in the next block. */
  if (p >= end && !self->eof)
    return SCAN_MORE;
  *at = p - text_at (self, 0);
  return SCAN_OK;
}

static gboolean
member_rank (const char *name,
             Rank       *rank,
             SbItemKind *kind)
{
  static const struct {
    const char *name;
    Rank rank;
  } arrays[] = {
    { "sources", RANK_SOURCES }, { "actors", RANK_ACTORS }, { "places", RANK_PLACES }, { "steps", RANK_STEPS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    if (g_str_equal (name, arrays[i].name))
      {
        *rank = arrays[i].rank;
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (item_arrays); i++)
    if (g_str_equal (name, item_arrays[i].name))
      {
        *rank = RANK_STATEMENTS;
        *kind = item_arrays[i].kind;
        return TRUE;
      }

  return FALSE;
}

/* The header is complete when the first array begins: read it. */
static gboolean
read_stream_header (Stream *self)
{
  Load *load = self->load;
  g_autoptr(SbJsonArena) arena = sb_json_arena_new ();
  g_autofree SbJsonField *fields = g_new0 (SbJsonField, MAX (self->header->len, 1));
  SbJsonObject root = { fields, self->header->len };

  for (guint i = 0; i < self->header->len; i++)
    {
      SbJsonMember *member = g_ptr_array_index (self->header, i);

      fields[i].name = member->name;
      sb_json_arena_build_into (arena, g_ptr_array_index (self->header_texts, i), member->value, &fields[i].value);
    }

  if (!sb_read_format (&load->reader, &root))
    return FALSE;

  load->contents.sources = g_ptr_array_new_with_free_func (g_object_unref);
  load->contents.actors = g_ptr_array_new_with_free_func (g_object_unref);
  load->contents.places = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    load->contents.items[i] = g_ptr_array_new_with_free_func (g_object_unref);
  load->contents.steps = g_ptr_array_new_with_free_func (g_object_unref);

  sb_read_header (&load->reader, &root, &load->contents);
  return load->reader.problems->len == 0;
}

/* A member other than the arrays: kept, checked, read with the others. */
static ScanResult
scan_header_member (Stream     *self,
                    const char *name,
                    gsize      *at)
{
  gsize start = *at;
  ScanResult result = skip_value_text (self, at);
  SbJsonMember *member;
  char *copy;

  if (result != SCAN_OK)
    return result;

  if (!sb_json_syntax_check_value (text_at (self, start), *at - start, HEADER_DEPTH))
    return SCAN_FAILED;

  copy = g_strndup (text_at (self, start), *at - start);
  member = g_new0 (SbJsonMember, 1);
  member->name = g_strdup (name);
  member->value.start = 0;
  member->value.end = *at - start;
  g_ptr_array_add (self->header, member);
  g_ptr_array_add (self->header_texts, copy);
  return SCAN_OK;
}

static void
header_member_free (SbJsonMember *member)
{
  g_free (member->name);
  g_free (member);
}

/* An element of sources, actors, places or steps: read at once, in order. */
static gboolean
read_ordered_element (Stream *self,
                      gsize   start,
                      gsize   end)
{
  Load *load = self->load;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (SbJsonSpan));
  SbJsonSpan span = { start, end };
  SbJsonMember member = { (char *) self->array, { 0, 0 }, spans };
  guint before = self->into->len;

  g_array_append_val (spans, span);
  if (!check_elements (text_at (self, 0), spans))
    return FALSE;

  /* The reader's path says where it is, as in the whole-text way. */
  read_elements (&load->reader, load->arena, text_at (self, 0), self->array, &member, 0, 1,
                 self->read, 0, self->into, NULL);
  if (self->into->len > before)
    register_entity (load, g_ptr_array_index (self->into, self->into->len - 1), self->array, self->index);

  return load->reader.problems->len == 0 && self->into->len > before;
}

static gboolean
begin_array (Stream     *self,
             const char *name,
             Rank        rank,
             SbItemKind  kind)
{
  Load *load = self->load;

  if (rank < self->rank || (rank == self->rank && rank != RANK_STATEMENTS))
    return FALSE;

  if (self->rank == RANK_HEADER && !read_stream_header (self))
    return FALSE;

  /* Sources are all read and registered before anything that cites
   * them, statements before the steps.
   */
  if (rank != self->rank && is_batched (self->rank) && !merge_batches (self))
    return FALSE;

  self->rank = rank;
  self->array = g_intern_string (name);
  self->array_rank = rank;
  self->kind = kind;
  self->index = 0;

  switch (rank)
    {
    case RANK_SOURCES:
      self->into = load->contents.sources;
      self->read = read_source;
      break;
    case RANK_ACTORS:
      self->into = load->contents.actors;
      self->read = read_actor;
      break;
    case RANK_PLACES:
      self->into = load->contents.places;
      self->read = read_place;
      break;
    case RANK_STEPS:
      self->into = load->contents.steps;
      self->read = read_step;
      break;
    case RANK_STATEMENTS:
      self->into = load->contents.items[kind];
      self->read = read_item;
      break;
    case RANK_HEADER:
    default:
      self->into = NULL;
      self->read = read_item;
      break;
    }

  return TRUE;
}

static gboolean
end_array (Stream *self)
{
  if (self->array_rank == RANK_SOURCES && self->index == 0)
    return FALSE;              /* at least one is required */

  if (is_batched (self->array_rank))
    send_pending (self);

  self->array = NULL;
  return TRUE;
}

typedef enum
{
  STATE_START,
  STATE_FIRST_MEMBER,
  STATE_MEMBER,
  STATE_AFTER_MEMBER,
  STATE_FIRST_ELEMENT,
  STATE_ELEMENT,
  STATE_AFTER_ELEMENT,
  STATE_END,
} State;

/* One step of the scan at self->pos; SCAN_MORE leaves pos where it was. */
static ScanResult
scan_step (Stream *self,
           State  *state)
{
  gsize at = self->pos;
  ScanResult result = skip_space (self, &at);
  char c;

  if (result != SCAN_OK)
    return result;

  c = *text_at (self, at);

  switch (*state)
    {
    case STATE_START:
      if (c != '{')
        return SCAN_FAILED;
      *state = STATE_FIRST_MEMBER;
      self->pos = at + 1;
      return SCAN_OK;

    case STATE_FIRST_MEMBER:
    case STATE_MEMBER:
      {
        const char *name_start = text_at (self, at + 1), *end = text_at (self, self->validated);
        const char *p = name_start;
        g_autofree char *name = NULL;
        Rank rank;
        SbItemKind kind = 0;

        if (c == '}' && *state == STATE_FIRST_MEMBER)
          return SCAN_FAILED;  /* an empty object is no briefing */
        if (c != '"')
          return SCAN_FAILED;

        /* Plain names only; the whole-text way reads the others. */
        while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
          p++;
        if (p >= end)
          return SCAN_MORE;
        if (*p != '"')
          return SCAN_FAILED;

        name = g_strndup (name_start, p - name_start);
        at = p + 1 - text_at (self, 0);
        if ((result = skip_space (self, &at)) != SCAN_OK)
          return result;
        if (*text_at (self, at) != ':')
          return SCAN_FAILED;
        at++;
        if ((result = skip_space (self, &at)) != SCAN_OK)
          return result;

        if (g_hash_table_contains (self->seen, name))
          return SCAN_FAILED;

        if (member_rank (name, &rank, &kind))
          {
            if (*text_at (self, at) != '[' || !begin_array (self, name, rank, kind))
              return SCAN_FAILED;
            *state = STATE_FIRST_ELEMENT;
            at++;
          }
        else
          {
            if (self->rank != RANK_HEADER)
              return SCAN_FAILED;
            if ((result = scan_header_member (self, name, &at)) != SCAN_OK)
              return result;
            *state = STATE_AFTER_MEMBER;
          }

        g_hash_table_add (self->seen, g_steal_pointer (&name));
        self->pos = at;
        return SCAN_OK;
      }

    case STATE_AFTER_MEMBER:
      if (c == ',')
        *state = STATE_MEMBER;
      else if (c == '}')
        *state = STATE_END;
      else
        return SCAN_FAILED;
      self->pos = at + 1;
      return SCAN_OK;

    case STATE_FIRST_ELEMENT:
    case STATE_ELEMENT:
      {
        gsize start = at;

        if (c == ']' && *state == STATE_FIRST_ELEMENT)
          {
            if (!end_array (self))
              return SCAN_FAILED;
            *state = STATE_AFTER_MEMBER;
            self->pos = at + 1;
            return SCAN_OK;
          }

        if ((result = skip_value_text (self, &at)) != SCAN_OK)
          return result;

        if (is_batched (self->array_rank))
          {
            SbJsonSpan span = { start, at };

            if (self->pending->len == 0)
              self->pending_first = self->index;
            g_array_append_val (self->pending, span);
            if (self->pending->len == (self->array_rank == RANK_SOURCES ? SOURCE_BATCH_SIZE : BATCH_SIZE))
              send_pending (self);
          }
        else if (!read_ordered_element (self, start, at))
          return SCAN_FAILED;

        self->index++;
        *state = STATE_AFTER_ELEMENT;
        self->pos = at;
        return SCAN_OK;
      }

    case STATE_AFTER_ELEMENT:
      if (c == ',')
        *state = STATE_ELEMENT;
      else if (c == ']')
        {
          if (!end_array (self))
            return SCAN_FAILED;
          *state = STATE_AFTER_MEMBER;
        }
      else
        return SCAN_FAILED;
      self->pos = at + 1;
      return SCAN_OK;

    case STATE_END:
    default:
      return SCAN_FAILED;      /* anything but white space after the end */
    }
}

static gboolean
stream_briefing (Stream *self)
{
  State state = STATE_START;

  while (!g_atomic_int_get (&self->abandon))
    {
      ScanResult result = self->pos < self->validated ? scan_step (self, &state) : SCAN_MORE;

      if (result == SCAN_FAILED)
        return FALSE;
      if (result == SCAN_OK)
        continue;

      if (!read_more (self))
        break;

      /* A byte-order mark is harmless; some Windows editors write one. */
      if (state == STATE_START && self->pos == 0 && self->buffer->len >= 3 &&
          memcmp (self->buffer->data, "\xEF\xBB\xBF", 3) == 0)
        self->pos = 3;
    }

  if (self->failed || state != STATE_END || !g_hash_table_contains (self->seen, "sources"))
    return FALSE;

  if (is_batched (self->rank) && !merge_batches (self))
    return FALSE;

  sb_reader_resolve_deferred (&self->load->reader);
  return self->load->reader.problems->len == 0;
}

/**
 * sb_loader_try_streaming:
 *
 * Reads a briefing as sb_loader_load_file() first tries to: while it
 * streams in, holding only a window of its text. Blocks.
 *
 * Returns: (transfer full) (nullable): the briefing, or %NULL when the
 *   text is not in the writer's order, cannot be read or has any problem:
 *   then the whole text must be read to say where
 */
SbBriefing *
sb_loader_try_streaming (GInputStream *stream,
                         GCancellable *cancellable)
{
  Load load = { NULL, 0, };
  Stream self = { &load, stream, cancellable, };
  SbBriefing *briefing = NULL;
  guint n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  load.entities = _sb_id_table_new ();
  load.arena = sb_json_arena_new ();
  sb_reader_init (&load.reader, SB_LOADER_MAX_PROBLEMS, load.entities, locate_entity, &load);

  self.buffer = g_byte_array_sized_new (2 * STREAM_BLOCK_SIZE + 1);
  self.header = g_ptr_array_new_with_free_func ((GDestroyNotify) header_member_free);
  self.header_texts = g_ptr_array_new_with_free_func (g_free);
  self.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.pending = g_array_new (FALSE, FALSE, sizeof (SbJsonSpan));
  self.batches = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);
  g_mutex_init (&self.lock);
  g_mutex_init (&self.share_lock);
  g_cond_init (&self.done);
  self.pool = g_thread_pool_new (read_batch, &self, n_threads, FALSE, NULL);
  self.max_running = 2 * n_threads;

  if (stream_briefing (&self))
    briefing = _sb_briefing_new_take (&load.contents, g_steal_pointer (&load.entities));

  g_atomic_int_set (&self.abandon, TRUE);
  wait_for_batches (&self);
  g_thread_pool_free (self.pool, FALSE, TRUE);
  g_ptr_array_unref (self.batches);
  g_array_unref (self.pending);
  g_hash_table_unref (self.seen);
  g_ptr_array_unref (self.header_texts);
  g_ptr_array_unref (self.header);
  g_byte_array_unref (self.buffer);
  g_mutex_clear (&self.lock);
  g_mutex_clear (&self.share_lock);
  g_cond_clear (&self.done);

  sb_reader_clear (&load.reader);
  g_clear_pointer (&load.entities, g_hash_table_unref);
  g_clear_pointer (&load.actor_sets, g_hash_table_unref);
  _sb_briefing_contents_clear (&load.contents);
  sb_json_arena_free (load.arena);

  return briefing;
}

/* Opens @file as a stream; on failure, @problems says why. */
static GInputStream *
open_file (GFile         *file,
           guint64       *size,
           GCancellable  *cancellable,
           GPtrArray    **problems)
{
  g_autoptr(GError) error = NULL;
  GInputStream *stream;

  stream = sb_file_input_open (file, SB_LOADER_MAX_SIZE, size, cancellable, &error);
  if (stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE) && problems != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the file is %" PRIu64 " MiB; briefings are limited to %d MiB"),
                             *size / (1024 * 1024), SB_LOADER_MAX_SIZE / (1024 * 1024));

          *problems = single_problem (SB_PROBLEM_TOO_LARGE, message);
        }
      else if (problems != NULL)
        *problems = read_problems (error);
    }

  return stream;
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
  SbBriefing *briefing;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = open_file (file, &size, cancellable, problems);
  if (stream == NULL)
    return NULL;

  /* Streaming reads only a briefing without problems, so @flags never matter to it. */
  briefing = sb_loader_try_streaming (stream, cancellable);
  if (briefing != NULL)
    {
      if (problems != NULL)
        *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);
      return briefing;
    }

  /* Not as the writer writes it, or with problems: the whole text, once more. */
  g_debug ("%s: read again as a whole", g_file_peek_path (file) ? g_file_peek_path (file) : "(stream)");
  g_clear_object (&stream);
  stream = open_file (file, &size, cancellable, problems);
  if (stream == NULL)
    return NULL;

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

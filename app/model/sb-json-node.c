/* sb-json-node.c
 *
 * json-glib gives every object a hash table, every value a node allocated
 * on its own, and every name and string a copy: reading a million
 * incidents spent most of its time there. These nodes are plain structs in
 * an arena; the children of a container lie side by side, copied there
 * from a scratch stack when the container closes. The text was checked
 * strictly already, so building meets no error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-json-node"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sb-json-node.h"

#define BLOCK_SIZE (64 * 1024)

typedef struct _Block Block;

struct _Block
{
  Block *next;
  gsize size;
  gsize used;
  char data[];
};

struct _SbJsonArena
{
  Block *blocks;           /* the newest first; the last one is kept on reset */
  GArray *elements;        /* of SbJsonNode: the scratch stack for arrays */
  GArray *fields;          /* of SbJsonField: the scratch stack for objects */
  const char *p;
  const char *end;         /* of the value being built */
};

SbJsonArena *
sb_json_arena_new (void)
{
  SbJsonArena *self = g_new0 (SbJsonArena, 1);

  self->elements = g_array_new (FALSE, FALSE, sizeof (SbJsonNode));
  self->fields = g_array_new (FALSE, FALSE, sizeof (SbJsonField));
  return self;
}

static Block *
block_new (gsize  size,
           Block *next)
{
  Block *block = g_malloc (sizeof (Block) + size);

  block->next = next;
  block->size = size;
  block->used = 0;
  return block;
}

/* Keeps one block of the usual size, so that the next element allocates nothing. */
void
sb_json_arena_reset (SbJsonArena *self)
{
  Block *kept = NULL;

  while (self->blocks != NULL)
    {
      Block *block = self->blocks;

      self->blocks = block->next;
      if (kept == NULL && block->size == BLOCK_SIZE)
        kept = block;
      else
        g_free (block);
    }

  if (kept != NULL)
    {
      kept->next = NULL;
      kept->used = 0;
      self->blocks = kept;
    }
}

void
sb_json_arena_free (SbJsonArena *self)
{
  sb_json_arena_reset (self);
  g_free (self->blocks);
  g_array_unref (self->elements);
  g_array_unref (self->fields);
  g_free (self);
}

gpointer
sb_json_arena_alloc (SbJsonArena *self,
                     gsize        size)
{
  Block *block = self->blocks;
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;

  if (block == NULL || block->size - block->used < size)
    {
      if (size > BLOCK_SIZE / 4)
        {
          /* Behind the current block, which still has room for small things. */
          Block *large = block_new (size, NULL);

          large->used = size;
          if (block == NULL)
            self->blocks = large;
          else
            {
              large->next = block->next;
              block->next = large;
            }
          return large->data;
        }

      self->blocks = block = block_new (BLOCK_SIZE, block);
    }

  memory = block->data + block->used;
  block->used += size;
  return memory;
}

static void
skip_whitespace (SbJsonArena *self)
{
  while (*self->p == ' ' || *self->p == '\n' || *self->p == '\r' || *self->p == '\t')
    self->p++;
}

static guint
hex_quad (const char *p)
{
  guint value = 0;

  for (guint i = 0; i < 4; i++)
    value = value * 16 + g_ascii_xdigit_value (p[i]);

  return value;
}

/* At an opening quote: the decoded string, in the arena; p ends after the
 * closing quote.
 */
static const char *
build_string (SbJsonArena *self)
{
  const char *start = ++self->p;
  const char *q = start;
  char *decoded, *out;

  /* Names and short values end soon; long texts (a source's article)
   * are searched with the C library's vector code, within the value. The
   * closing quote is there: the text was checked.
   */
  while (*q != '"' && *q != '\\' && q - start < 16)
    q++;
  if (*q != '"' && *q != '\\')
    {
      const char *quote = memchr (q, '"', self->end - q);
      const char *backslash = memchr (q, '\\', quote - q);

      q = backslash != NULL ? backslash : quote;
    }

  if (*q == '"')
    {
      gsize length = q - start;

      decoded = sb_json_arena_alloc (self, length + 1);
      memcpy (decoded, start, length);
      decoded[length] = '\0';
      self->p = q + 1;
      return decoded;
    }

  /* With escapes: never longer than the text. */
  while (*q != '"')
    q += *q == '\\' ? 2 : 1;

  out = decoded = sb_json_arena_alloc (self, q - start + 1);
  for (const char *p = start; p < q;)
    {
      if (*p != '\\')
        {
          *out++ = *p++;
          continue;
        }

      p++;
      switch (*p)
        {
        case 'b': *out++ = '\b'; p++; break;
        case 'f': *out++ = '\f'; p++; break;
        case 'n': *out++ = '\n'; p++; break;
        case 'r': *out++ = '\r'; p++; break;
        case 't': *out++ = '\t'; p++; break;
        case 'u':
          {
            gunichar c = hex_quad (p + 1);

            p += 5;
            /* The check let surrogates through only in pairs. */
            if (c >= 0xd800 && c <= 0xdbff)
              {
                c = 0x10000 + ((c - 0xd800) << 10) + (hex_quad (p + 2) - 0xdc00);
                p += 6;
              }
            /* "\u0000" stays in the text and ends the C string, as in json-glib. */
            out += g_unichar_to_utf8 (c, out);
          }
          break;
        default:                /* " \ / */
          *out++ = *p++;
          break;
        }
    }

  *out = '\0';
  self->p = q + 1;
  return decoded;
}

/* Whole numbers as integers, others as doubles, as json-glib has them. */
static void
build_number (SbJsonArena *self,
              SbJsonNode  *node)
{
  const char *start = self->p;
  gboolean is_double = FALSE;
  char buffer[64];
  gsize length;

  if (*self->p == '-')
    self->p++;
  while (g_ascii_isdigit (*self->p) || *self->p == '.' || *self->p == 'e' || *self->p == 'E' ||
         *self->p == '+' || *self->p == '-')
    {
      is_double |= *self->p == '.' || *self->p == 'e' || *self->p == 'E';
      self->p++;
    }

  length = self->p - start;
  node->type = SB_JSON_NODE_VALUE;

  if (!is_double && length < 19)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
      node->value_type = 'i';
      node->integer = g_ascii_strtoll (buffer, NULL, 10);
      return;
    }

  node->value_type = 'd';
  if (length < sizeof buffer)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
      node->number = g_ascii_strtod (buffer, NULL);
    }
  else
    {
      g_autofree char *text = g_strndup (start, length);

      node->number = g_ascii_strtod (text, NULL);
    }
}

static void build_value (SbJsonArena *self, SbJsonNode *node);

static void
build_object (SbJsonArena *self,
              SbJsonNode  *node)
{
  guint mark = self->fields->len;
  guint n;

  self->p++;
  skip_whitespace (self);

  while (*self->p != '}')
    {
      SbJsonField field;

      field.name = build_string (self);
      skip_whitespace (self);
      self->p++; /* ':' */
      skip_whitespace (self);
      build_value (self, &field.value);
      g_array_append_val (self->fields, field);

      skip_whitespace (self);
      if (*self->p == ',')
        {
          self->p++;
          skip_whitespace (self);
        }
    }
  self->p++;

  n = self->fields->len - mark;
  node->type = SB_JSON_NODE_OBJECT;
  node->object.n_fields = n;
  node->object.fields = NULL;
  if (n > 0)
    {
      node->object.fields = sb_json_arena_alloc (self, n * sizeof (SbJsonField));
      memcpy (node->object.fields, &g_array_index (self->fields, SbJsonField, mark), n * sizeof (SbJsonField));
    }
  g_array_set_size (self->fields, mark);
}

static void
build_array (SbJsonArena *self,
             SbJsonNode  *node)
{
  guint mark = self->elements->len;
  guint n;

  self->p++;
  skip_whitespace (self);

  while (*self->p != ']')
    {
      SbJsonNode element;

      build_value (self, &element);
      g_array_append_val (self->elements, element);

      skip_whitespace (self);
      if (*self->p == ',')
        {
          self->p++;
          skip_whitespace (self);
        }
    }
  self->p++;

  n = self->elements->len - mark;
  node->type = SB_JSON_NODE_ARRAY;
  node->array.length = n;
  node->array.elements = NULL;
  if (n > 0)
    {
      node->array.elements = sb_json_arena_alloc (self, n * sizeof (SbJsonNode));
      memcpy (node->array.elements, &g_array_index (self->elements, SbJsonNode, mark), n * sizeof (SbJsonNode));
    }
  g_array_set_size (self->elements, mark);
}

static void
build_value (SbJsonArena *self,
             SbJsonNode  *node)
{
  skip_whitespace (self);
  node->value_type = 0;

  switch (*self->p)
    {
    case '{':
      build_object (self, node);
      break;
    case '[':
      build_array (self, node);
      break;
    case '"':
      node->type = SB_JSON_NODE_VALUE;
      node->value_type = 's';
      node->string = build_string (self);
      break;
    case 't':
      self->p += 4;
      node->type = SB_JSON_NODE_VALUE;
      node->value_type = 'b';
      node->boolean = TRUE;
      break;
    case 'f':
      self->p += 5;
      node->type = SB_JSON_NODE_VALUE;
      node->value_type = 'b';
      node->boolean = FALSE;
      break;
    case 'n':
      self->p += 4;
      node->type = SB_JSON_NODE_NULL;
      break;
    default:
      build_number (self, node);
      break;
    }
}

/**
 * sb_json_arena_build_into:
 * @span: a value in @data that sb_json_syntax_check() accepted
 *
 * Builds the value into @node; what it holds lives in the arena until
 * the next sb_json_arena_reset().
 */
void
sb_json_arena_build_into (SbJsonArena *self,
                          const char  *data,
                          SbJsonSpan   span,
                          SbJsonNode  *node)
{
  /* The value ends at a delimiter the scanner saw: nothing reads past it. */
  self->p = data + span.start;
  self->end = data + span.end;
  build_value (self, node);
}

/**
 * sb_json_arena_build:
 *
 * Returns: (transfer none): the value at @span, in the arena
 */
SbJsonNode *
sb_json_arena_build (SbJsonArena *self,
                     const char  *data,
                     SbJsonSpan   span)
{
  SbJsonNode *node = sb_json_arena_alloc (self, sizeof (SbJsonNode));

  sb_json_arena_build_into (self, data, span, node);
  return node;
}

/* The GType json-glib gives the same value. */
GType
sb_json_node_get_value_type (SbJsonNode *node)
{
  if (node->type != SB_JSON_NODE_VALUE)
    return G_TYPE_INVALID;

  switch (node->value_type)
    {
    case 's':
      return G_TYPE_STRING;
    case 'b':
      return G_TYPE_BOOLEAN;
    case 'i':
      return G_TYPE_INT64;
    default:
      return G_TYPE_DOUBLE;
    }
}

SbJsonObject *
sb_json_node_get_object (SbJsonNode *node)
{
  return node->type == SB_JSON_NODE_OBJECT ? &node->object : NULL;
}

SbJsonArray *
sb_json_node_get_array (SbJsonNode *node)
{
  return node->type == SB_JSON_NODE_ARRAY ? &node->array : NULL;
}

const char *
sb_json_node_get_string (SbJsonNode *node)
{
  return node->type == SB_JSON_NODE_VALUE && node->value_type == 's' ? node->string : NULL;
}

double
sb_json_node_get_double (SbJsonNode *node)
{
  if (node->type != SB_JSON_NODE_VALUE)
    return 0;

  switch (node->value_type)
    {
    case 'i':
      return (double) node->integer;
    case 'd':
      return node->number;
    case 'b':
      return node->boolean;
    default:
      return 0;
    }
}

gboolean
sb_json_node_get_boolean (SbJsonNode *node)
{
  if (node->type != SB_JSON_NODE_VALUE)
    return FALSE;

  switch (node->value_type)
    {
    case 'b':
      return node->boolean;
    case 'i':
      return node->integer != 0;
    case 'd':
      return node->number != 0;
    default:
      return FALSE;
    }
}

/* With a name given twice, the last counts, as json-glib has it. */
SbJsonNode *
sb_json_object_get_member (SbJsonObject *object,
                           const char   *name)
{
  for (guint i = object->n_fields; i > 0; i--)
    {
      SbJsonField *field = &object->fields[i - 1];

      if (field->name[0] == name[0] && strcmp (field->name, name) == 0)
        return &field->value;
    }

  return NULL;
}

gboolean
sb_json_object_has_member (SbJsonObject *object,
                           const char   *name)
{
  return sb_json_object_get_member (object, name) != NULL;
}

/* Names given twice count once, as in json-glib. */
guint
sb_json_object_get_size (SbJsonObject *object)
{
  guint size = 0;

  for (guint i = 0; i < object->n_fields; i++)
    if (sb_json_object_get_member (object, object->fields[i].name) == &object->fields[i].value)
      size++;

  return size;
}

/**
 * sb_json_object_get_members:
 *
 * Returns: (transfer container) (element-type utf8): the names, each
 *   once, in file order
 */
GList *
sb_json_object_get_members (SbJsonObject *object)
{
  GList *members = NULL;
  SbJsonObjectIter iter;
  const char *name;

  sb_json_object_iter_init (&iter, object);
  while (sb_json_object_iter_next (&iter, &name, NULL))
    members = g_list_prepend (members, (gpointer) name);

  return g_list_reverse (members);
}

void
sb_json_object_iter_init (SbJsonObjectIter *iter,
                          SbJsonObject     *object)
{
  iter->object = object;
  iter->next = 0;
}

/* In file order; a name given twice once, with its last value. */
gboolean
sb_json_object_iter_next (SbJsonObjectIter  *iter,
                          const char       **name,
                          SbJsonNode       **value)
{
  SbJsonObject *object = (SbJsonObject *) iter->object;

  while (iter->next < object->n_fields)
    {
      SbJsonField *field = &object->fields[iter->next++];

      if (sb_json_object_get_member (object, field->name) != &field->value)
        continue;

      if (name != NULL)
        *name = field->name;
      if (value != NULL)
        *value = &field->value;
      return TRUE;
    }

  return FALSE;
}

guint
sb_json_array_get_length (SbJsonArray *array)
{
  return array->length;
}

SbJsonNode *
sb_json_array_get_element (SbJsonArray *array,
                           guint        index)
{
  return index < array->length ? &array->elements[index] : NULL;
}

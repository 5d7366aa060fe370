/* sb-json-builder.c
 *
 * Builds json-glib nodes straight from text the syntax check has
 * accepted.
 *
 * json-glib's own parser reads at about 85 MB/s here and emits a signal,
 * under GLib's global signal lock, for every node: a large briefing parsed
 * on several threads is slower than on one. The text was checked strictly
 * already, so this builder only decodes: it never meets an error, and
 * threads build their nodes without sharing a lock. The nodes are
 * json-glib's, read by the same code as any others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-json-builder"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sb-json-builder.h"

typedef struct
{
  const char *p;
  GString *scratch;        /* strings are decoded here, then copied once */
} Builder;

static JsonNode *build_value (Builder *self);

static void
skip_whitespace (Builder *self)
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

/* At an opening quote: decodes the string into the scratch buffer and
 * leaves p after the closing quote.
 */
static const char *
build_string (Builder *self)
{
  const char *run = ++self->p;
  GString *decoded = self->scratch;

  g_string_truncate (decoded, 0);

  for (;;)
    {
      while (*self->p != '"' && *self->p != '\\')
        self->p++;

      g_string_append_len (decoded, run, self->p - run);
      if (*self->p == '"')
        break;

      self->p++;
      switch (*self->p)
        {
        case 'b': g_string_append_c (decoded, '\b'); break;
        case 'f': g_string_append_c (decoded, '\f'); break;
        case 'n': g_string_append_c (decoded, '\n'); break;
        case 'r': g_string_append_c (decoded, '\r'); break;
        case 't': g_string_append_c (decoded, '\t'); break;
        case 'u':
          {
            gunichar c = hex_quad (self->p + 1);

            self->p += 4;
            /* The check let surrogates through only in pairs. */
            if (c >= 0xd800 && c <= 0xdbff)
              {
                c = 0x10000 + ((c - 0xd800) << 10) + (hex_quad (self->p + 3) - 0xdc00);
                self->p += 6;
              }
            g_string_append_unichar (decoded, c);
          }
          break;
        default:                /* " \ / */
          g_string_append_c (decoded, *self->p);
          break;
        }

      run = ++self->p;
    }

  self->p++;
  return decoded->str;
}

/* Whole numbers as integers, others as doubles, as json-glib has them. */
static JsonNode *
build_number (Builder *self)
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
  if (!is_double && length < 19)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
      return json_node_init_int (json_node_alloc (), g_ascii_strtoll (buffer, NULL, 10));
    }

  {
    g_autofree char *text = g_strndup (start, length);

    return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
  }
}

static JsonNode *
build_object (Builder *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  self->p++;
  skip_whitespace (self);

  while (*self->p != '}')
    {
      g_autofree char *name = g_strdup (build_string (self));

      skip_whitespace (self);
      self->p++; /* ':' */
      skip_whitespace (self);
      json_object_set_member (object, name, build_value (self));

      skip_whitespace (self);
      if (*self->p == ',')
        {
          self->p++;
          skip_whitespace (self);
        }
    }

  self->p++;
  node = json_node_init (json_node_alloc (), JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static JsonNode *
build_array (Builder *self)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  self->p++;
  skip_whitespace (self);

  while (*self->p != ']')
    {
      json_array_add_element (array, build_value (self));

      skip_whitespace (self);
      if (*self->p == ',')
        {
          self->p++;
          skip_whitespace (self);
        }
    }

  self->p++;
  node = json_node_init (json_node_alloc (), JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
build_value (Builder *self)
{
  JsonNode *node;

  skip_whitespace (self);

  switch (*self->p)
    {
    case '{':
      node = build_object (self);
      break;
    case '[':
      node = build_array (self);
      break;
    case '"':
      node = json_node_init_string (json_node_alloc (), build_string (self));
      break;
    case 't':
      self->p += 4;
      node = json_node_init_boolean (json_node_alloc (), TRUE);
      break;
    case 'f':
      self->p += 5;
      node = json_node_init_boolean (json_node_alloc (), FALSE);
      break;
    case 'n':
      self->p += 4;
      node = json_node_init_null (json_node_alloc ());
      break;
    default:
      node = build_number (self);
      break;
    }

  return node;
}

/**
 * sb_json_build:
 * @span: a value in @data that sb_json_syntax_check() accepted
 *
 * Returns: (transfer full): the value as json-glib nodes
 */
JsonNode *
sb_json_build (const char *data,
               SbJsonSpan  span)
{
  Builder self = { data + span.start, g_string_new (NULL) };
  JsonNode *node;

  /* The value ends at a delimiter the scanner saw: nothing reads past it. */
  node = build_value (&self);
  g_string_free (self.scratch, TRUE);

  return node;
}

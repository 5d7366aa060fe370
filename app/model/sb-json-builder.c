/* sb-json-builder.c
 *
 * json-glib's own parser reads at about 85 MB/s here and emits a signal,
 * under GLib's global signal lock, for every node: a large file parsed on
 * several threads is slower than on one. The text was checked strictly
 * already, so it is decoded once, into the loader's light nodes
 * (sb-json-node.c), and those become json-glib's nodes, for readers
 * written against json-glib (the GeoJSON importer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-json-builder"

#include "config.h"

#include "sb-json-builder.h"
#include "sb-json-node.h"

static JsonNode *
to_json_glib (SbJsonNode *node)
{
  switch (SB_JSON_NODE_TYPE (node))
    {
    case SB_JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonNode *result;

        /* In file order; a name given twice keeps its last value, as json-glib has it. */
        for (guint i = 0; i < node->object.n_fields; i++)
          json_object_set_member (object, node->object.fields[i].name, to_json_glib (&node->object.fields[i].value));
        result = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return result;
      }

    case SB_JSON_NODE_ARRAY:
      {
        JsonArray *array = json_array_sized_new (node->array.length);
        JsonNode *result;

        for (guint i = 0; i < node->array.length; i++)
          json_array_add_element (array, to_json_glib (&node->array.elements[i]));
        result = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return result;
      }

    case SB_JSON_NODE_NULL:
      return json_node_init_null (json_node_alloc ());

    case SB_JSON_NODE_VALUE:
    default:
      switch (node->value_type)
        {
        case 's':
          return json_node_init_string (json_node_alloc (), node->string);
        case 'b':
          return json_node_init_boolean (json_node_alloc (), node->boolean);
        case 'i':
          return json_node_init_int (json_node_alloc (), node->integer);
        default:
          return json_node_init_double (json_node_alloc (), node->number);
        }
    }
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
  g_autoptr(SbJsonArena) arena = sb_json_arena_new ();

  return to_json_glib (sb_json_arena_build (arena, data, span));
}

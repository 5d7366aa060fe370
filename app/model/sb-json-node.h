/* sb-json-node.h
 *
 * Light JSON values for the loader: built straight from text that
 * sb_json_syntax_check() accepted, into an arena that is emptied after
 * each element. The accessors follow json-glib's names, which the readers
 * were written against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sb-json-syntax.h"

G_BEGIN_DECLS

typedef enum
{
  SB_JSON_NODE_OBJECT,
  SB_JSON_NODE_ARRAY,
  SB_JSON_NODE_VALUE,
  SB_JSON_NODE_NULL,
} SbJsonNodeType;

typedef struct _SbJsonNode SbJsonNode;
typedef struct _SbJsonField SbJsonField;

typedef struct
{
  SbJsonField *fields;
  guint n_fields;
} SbJsonObject;

typedef struct
{
  SbJsonNode *elements;
  guint length;
} SbJsonArray;

struct _SbJsonNode
{
  guint8 type;             /* SbJsonNodeType */
  guint8 value_type;       /* of values: 's', 'b', 'i' (whole) or 'd' */
  union {
    SbJsonObject object;
    SbJsonArray array;
    const char *string;
    gint64 integer;
    double number;
    gboolean boolean;
  };
};

struct _SbJsonField
{
  const char *name;
  SbJsonNode value;
};

typedef struct
{
  const SbJsonObject *object;
  guint next;
} SbJsonObjectIter;

typedef struct _SbJsonArena SbJsonArena;

SbJsonArena  *sb_json_arena_new          (void);
void          sb_json_arena_free         (SbJsonArena  *self);
void          sb_json_arena_reset        (SbJsonArena  *self);
gpointer      sb_json_arena_alloc        (SbJsonArena  *self,
                                          gsize         size);
SbJsonNode   *sb_json_arena_build        (SbJsonArena  *self,
                                          const char   *data,
                                          SbJsonSpan    span);
void          sb_json_arena_build_into   (SbJsonArena  *self,
                                          const char   *data,
                                          SbJsonSpan    span,
                                          SbJsonNode   *node);

#define SB_JSON_NODE_TYPE(node)        ((SbJsonNodeType) (node)->type)
#define SB_JSON_NODE_HOLDS_OBJECT(node) ((node)->type == SB_JSON_NODE_OBJECT)
#define SB_JSON_NODE_HOLDS_ARRAY(node)  ((node)->type == SB_JSON_NODE_ARRAY)
#define SB_JSON_NODE_HOLDS_VALUE(node)  ((node)->type == SB_JSON_NODE_VALUE)
#define SB_JSON_NODE_HOLDS_NULL(node)   ((node)->type == SB_JSON_NODE_NULL)

GType         sb_json_node_get_value_type (SbJsonNode         *node);
SbJsonObject *sb_json_node_get_object     (SbJsonNode         *node);
SbJsonArray  *sb_json_node_get_array      (SbJsonNode         *node);
const char   *sb_json_node_get_string     (SbJsonNode         *node);
double        sb_json_node_get_double     (SbJsonNode         *node);
gboolean      sb_json_node_get_boolean    (SbJsonNode         *node);

SbJsonNode   *sb_json_object_get_member   (SbJsonObject       *object,
                                           const char         *name);
gboolean      sb_json_object_has_member   (SbJsonObject       *object,
                                           const char         *name);
guint         sb_json_object_get_size     (SbJsonObject       *object);
GList        *sb_json_object_get_members  (SbJsonObject       *object);
void          sb_json_object_iter_init    (SbJsonObjectIter   *iter,
                                           SbJsonObject       *object);
gboolean      sb_json_object_iter_next    (SbJsonObjectIter   *iter,
                                           const char        **name,
                                           SbJsonNode        **value);

guint         sb_json_array_get_length    (SbJsonArray        *array);
SbJsonNode   *sb_json_array_get_element   (SbJsonArray        *array,
                                           guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbJsonArena, sb_json_arena_free)

G_END_DECLS

/* sb-array-model.c
 *
 * A GListModel over an array of the briefing. Its owner swaps in a copy
 * of the array when it copies it on write, and says what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-array-model"

#include "config.h"

#include "sb-array-model.h"

struct _SbArrayModel
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;
};

static GType
sb_array_model_get_item_type (GListModel *model)
{
  return SB_ARRAY_MODEL (model)->item_type;
}

static guint
sb_array_model_get_n_items (GListModel *model)
{
  return SB_ARRAY_MODEL (model)->items->len;
}

static gpointer
sb_array_model_get_item (GListModel *model,
                         guint       position)
{
  SbArrayModel *self = SB_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sb_array_model_get_item_type;
  iface->get_n_items = sb_array_model_get_n_items;
  iface->get_item = sb_array_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SbArrayModel, sb_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
sb_array_model_finalize (GObject *object)
{
  SbArrayModel *self = (SbArrayModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_array_model_parent_class)->finalize (object);
}

static void
sb_array_model_class_init (SbArrayModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_array_model_finalize;
}

static void
sb_array_model_init (SbArrayModel *self)
{
}

/**
 * sb_array_model_new:
 * @items: objects of @item_type; whoever changes the array afterwards
 *   calls g_list_model_items_changed() on the model
 */
SbArrayModel *
sb_array_model_new (GType      item_type,
                    GPtrArray *items)
{
  SbArrayModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (SB_TYPE_ARRAY_MODEL, NULL);
  self->item_type = item_type;
  self->items = g_ptr_array_ref (items);

  return self;
}

/**
 * sb_array_model_set_items:
 * @items: an array with the same objects as the one shown
 *
 * Shows @items instead of the array shown, which a snapshot keeps.
 */
void
sb_array_model_set_items (SbArrayModel *self,
                          GPtrArray    *items)
{
  g_return_if_fail (SB_IS_ARRAY_MODEL (self));
  g_return_if_fail (items != NULL && items->len == self->items->len);

  g_ptr_array_unref (self->items);
  self->items = g_ptr_array_ref (items);
}

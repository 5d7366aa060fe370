/* sb-actor-chip.c
 *
 * An actor's symbol in its colour, as the map draws it, for lists.
 *
 * Decoration only: rows that show a chip name the actor in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-actor-chip"

#include "config.h"

#include <adwaita.h>

#include "sb-actor-chip.h"
#include "sb-symbols.h"

#define CHIP_SIZE 20

struct _SbActorChip
{
  GtkWidget parent_instance;

  SbActor *actor;
};

G_DEFINE_FINAL_TYPE (SbActorChip, sb_actor_chip, GTK_TYPE_WIDGET)

static void
sb_actor_chip_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SbActorChip *self = SB_ACTOR_CHIP (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  SbSymbolStyle style = { { 0, }, SB_CERTAINTY_REPORTED, };
  cairo_t *cr;

  sb_colour_to_rgb (sb_actor_get_colour (self->actor), style.rgb);
  style.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sb_symbol_paint_deployment (cr, sb_actor_get_kind (self->actor), &style, width / 2, height / 2, 6.5);
  cairo_destroy (cr);
}

static void
sb_actor_chip_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = CHIP_SIZE;
}

static void
sb_actor_chip_dispose (GObject *object)
{
  SbActorChip *self = (SbActorChip *)object;

  g_clear_object (&self->actor);

  G_OBJECT_CLASS (sb_actor_chip_parent_class)->dispose (object);
}

static void
sb_actor_chip_class_init (SbActorChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_actor_chip_dispose;
  widget_class->snapshot = sb_actor_chip_snapshot;
  widget_class->measure = sb_actor_chip_measure;

  gtk_widget_class_set_css_name (widget_class, "sb-actor-chip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
sb_actor_chip_init (SbActorChip *self)
{
}

GtkWidget *
sb_actor_chip_new (SbActor *actor)
{
  SbActorChip *self;

  g_return_val_if_fail (SB_IS_ACTOR (actor), NULL);

  self = g_object_new (SB_TYPE_ACTOR_CHIP, NULL);
  self->actor = g_object_ref (actor);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  return GTK_WIDGET (self);
}

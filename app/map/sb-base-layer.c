/* sb-base-layer.c
 *
 * The layer under the tiles that draws the built-in base map.
 *
 * Drawing the base map with cairo takes longer than a frame, so it is drawn
 * once into a texture a little larger than the view and that texture is
 * moved while panning. During a zoom the texture is scaled, and redrawn
 * sharp once the zoom has settled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-base-layer"

#include "config.h"

#include <adwaita.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sb-base-layer.h"
#include "sb-basemap.h"
#include "sb-map-layer.h"
#include "sb-mentioned-places.h"
#include "sb-projection.h"

/* The regional file is sharper from this zoom on. */
#define SAHEL_MIN_ZOOM 4.5
#define MARGIN 0.25
#define SETTLE_MS 120

typedef struct
{
  double sea[3];
  double land[3];
  double border[3];
  double coast[3];
  double river[3];
  double label[3];
  double country_label[3];
  double halo[3];
} Palette;

/* Muted enough for markers to stand out, with labels at WCAG AA contrast
 * against the land.
 */
static const Palette light_palette = {
  { 0.80, 0.86, 0.90 }, { 0.96, 0.95, 0.92 }, { 0.58, 0.55, 0.50 }, { 0.50, 0.60, 0.67 },
  { 0.58, 0.74, 0.85 }, { 0.20, 0.20, 0.22 }, { 0.38, 0.36, 0.33 }, { 1.00, 1.00, 1.00 },
};

static const Palette dark_palette = {
  { 0.09, 0.13, 0.17 }, { 0.18, 0.19, 0.20 }, { 0.48, 0.47, 0.45 }, { 0.33, 0.42, 0.50 },
  { 0.20, 0.33, 0.45 }, { 0.90, 0.90, 0.88 }, { 0.72, 0.71, 0.68 }, { 0.10, 0.10, 0.11 },
};

/**
 * sb_base_layer_get_ground:
 * @land: (out caller-allocates) (array fixed-size=3): the land's colour
 * @sea: (out caller-allocates) (array fixed-size=3): the sea's, the map's
 *   background
 *
 * The colours symbols are drawn over, in the light or the dark style.
 */
void
sb_base_layer_get_ground (gboolean  dark,
                          double   *land,
                          double   *sea)
{
  const Palette *palette = dark ? &dark_palette : &light_palette;

  memcpy (land, palette->land, sizeof palette->land);
  memcpy (sea, palette->sea, sizeof palette->sea);
}

struct _SbBaseLayer
{
  ShumateLayer parent_instance;

  SbBasemap *basemap;
  /* Named by the briefing's own layer, over everything: towns it
   * mentions, countries (by code) it speaks of as a whole. */
  GHashTable *left_out_towns;
  GHashTable *left_out_countries;
  double label_scale;

  GdkTexture *texture;
  double texture_zoom;
  double texture_x;        /* world pixels at texture_zoom */
  double texture_y;
  double texture_width;    /* logical pixels */
  double texture_height;
  int texture_scale;
  gboolean texture_dark;
  GArray *labels;          /* of Label: the texture's names, drawn over it */
  GArray *shown_names;     /* of graphene_rect_t: the names of the last frame, in the layer's pixels */

  /* The briefing's layer: names under its cards, symbols and labels are
   * left out rather than shown half hidden.
   */
  SbMapLayer *cover_source;

  guint settle_source;
  guint cover_source_id;   /* to draw again after the frame the briefing's layer drew in */
};

G_DEFINE_FINAL_TYPE (SbBaseLayer, sb_base_layer, SHUMATE_TYPE_LAYER)

/* A name drawn apart from the map under it, so that it can be left out
 * where the briefing's layer covers it without drawing the map again.
 */
typedef struct
{
  GdkTexture *texture;
  graphene_rect_t bounds;  /* world pixels at the texture's zoom: all of it */
  graphene_rect_t text;    /* its words, as names keep clear of each other */
} Label;

static void
clear_label (gpointer data)
{
  g_clear_object (&((Label *) data)->texture);
}

typedef struct
{
  cairo_t *cr;
  double world_size;
  double x0, y0;           /* world pixels of the surface's origin */
  double width, height;
  const Palette *palette;
  GArray *taken;           /* of graphene_rect_t: where labels are */
  PangoLayout *layout;
  GHashTable *left_out_towns;     /* nullable: features not to name */
  GHashTable *left_out_countries; /* nullable: codes of countries not to name */
  double label_scale;
  GArray *labels;          /* nullable: of Label, each drawn apart rather than with cr */
  int scale;               /* the labels' device scale */
  GArray *covered;         /* nullable: world boxes no name may touch */
} Render;

static gboolean
feature_visible (const Render           *render,
                 const SbBasemapFeature *feature)
{
  return feature->max_x * render->world_size >= render->x0 &&
         feature->min_x * render->world_size <= render->x0 + render->width &&
         feature->max_y * render->world_size >= render->y0 &&
         feature->min_y * render->world_size <= render->y0 + render->height;
}

static void
trace_feature (const Render           *render,
               const SbBasemapFeature *feature,
               gboolean                close)
{
  cairo_t *cr = render->cr;

  for (guint p = 0; p < feature->n_parts; p++)
    {
      for (guint i = feature->part_starts[p]; i < feature->part_starts[p + 1]; i++)
        {
          double x = feature->points[2 * i] * render->world_size;
          double y = feature->points[2 * i + 1] * render->world_size;

          if (i == feature->part_starts[p])
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }

      if (close)
        cairo_close_path (cr);
    }
}

static void
set_colour (cairo_t      *cr,
            const double *rgb)
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static void
draw_kind (const Render        *render,
           const SbBasemapFile *file,
           SbBasemapKind        kind,
           int                  max_scalerank)
{
  cairo_t *cr = render->cr;
  gboolean fill = kind == SB_BASEMAP_COUNTRY || kind == SB_BASEMAP_LAKE;

  for (guint i = 0; i < file->features->len; i++)
    {
      SbBasemapFeature *feature = g_ptr_array_index (file->features, i);

      if (feature->kind != kind || feature->scalerank > max_scalerank ||
          !feature_visible (render, feature))
        continue;

      trace_feature (render, feature, fill);
    }

  if (fill)
    cairo_fill (cr);
  else
    cairo_stroke (cr);
}

static gboolean
label_fits (Render                *render,
            const graphene_rect_t *rect)
{
  /* Drawn straight to an export's page, a name at its edge would be cut
   * (on screen, the view's edge is known only when the names are shown).
   */
  if (render->labels == NULL &&
      !graphene_rect_contains_rect (&GRAPHENE_RECT_INIT (render->x0, render->y0, render->width, render->height), rect))
    return FALSE;

  for (guint i = 0; i < render->taken->len; i++)
    if (graphene_rect_intersection (&g_array_index (render->taken, graphene_rect_t, i), rect, NULL))
      return FALSE;

  for (guint i = 0; render->covered != NULL && i < render->covered->len; i++)
    if (graphene_rect_intersection (&g_array_index (render->covered, graphene_rect_t, i), rect, NULL))
      return FALSE;

  return TRUE;
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height, GDK_MEMORY_DEFAULT,
                                 bytes, cairo_image_surface_get_stride (surface));
}

static void
paint_label (Render       *render,
             cairo_t      *cr,
             double        x,
             double        y,
             double        lx,
             double        ly,
             double        dot,
             const double *colour)
{
  if (dot > 0)
    {
      cairo_new_path (cr);
      cairo_arc (cr, x, y, dot, 0, 2 * G_PI);
      set_colour (cr, colour);
      cairo_fill_preserve (cr);
      set_colour (cr, render->palette->halo);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  cairo_move_to (cr, lx, ly);
  pango_cairo_layout_path (cr, render->layout);
  set_colour (cr, render->palette->halo);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  cairo_move_to (cr, lx, ly);
  set_colour (cr, colour);
  pango_cairo_show_layout (cr, render->layout);
}

/* Draws a name into a texture of its own, at its place in the world. */
static void
add_label (Render                *render,
           const graphene_rect_t *text,
           double                 x,
           double                 y,
           double                 lx,
           double                 ly,
           double                 dot,
           const double          *colour)
{
  Label label = { NULL, *text, *text };
  cairo_surface_t *surface;
  cairo_t *cr;

  if (dot > 0)
    graphene_rect_union (&label.bounds, &GRAPHENE_RECT_INIT (x - dot - 1, y - dot - 1, 2 * dot + 2, 2 * dot + 2),
                         &label.bounds);
  graphene_rect_inset (&label.bounds, -2, -2);
  label.bounds.origin.x = floor (label.bounds.origin.x);
  label.bounds.origin.y = floor (label.bounds.origin.y);
  label.bounds.size.width = ceil (label.bounds.size.width) + 1;
  label.bounds.size.height = ceil (label.bounds.size.height) + 1;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) label.bounds.size.width * render->scale,
                                        (int) label.bounds.size.height * render->scale);
  cr = cairo_create (surface);
  cairo_scale (cr, render->scale, render->scale);
  cairo_translate (cr, -label.bounds.origin.x, -label.bounds.origin.y);
  pango_cairo_update_layout (cr, render->layout);
  paint_label (render, cr, x, y, lx, ly, dot, colour);
  cairo_destroy (cr);

  label.texture = texture_for_surface (surface);
  g_array_append_val (render->labels, label);
}

static void
draw_label (Render     *render,
            const char *text,
            double      x,
            double      y,
            gboolean    centred,
            gboolean    bold,
            double      size,
            const double *colour)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  PangoRectangle extents;
  graphene_rect_t rect;
  double lx, ly, dot;

  pango_font_description_set_absolute_size (font, size * render->label_scale * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (render->layout, font);
  pango_layout_set_text (render->layout, text, -1);
  pango_layout_get_pixel_extents (render->layout, NULL, &extents);

  lx = centred ? x - extents.width / 2.0 : x + 5 * render->label_scale;
  ly = y - extents.height / 2.0;
  graphene_rect_init (&rect, lx - 3, ly - 1, extents.width + 6, extents.height + 2);
  if (!label_fits (render, &rect))
    return;
  g_array_append_val (render->taken, rect);

  dot = centred ? 0 : (bold ? 3.0 : 2.2) * render->label_scale;
  if (render->labels != NULL)
    add_label (render, &rect, x, y, lx, ly, dot, colour);
  else
    paint_label (render, render->cr, x, y, lx, ly, dot, colour);
}

/* Places of rank 0 show from zoom 3, rank 10 from zoom 8. */
static int
max_place_rank (double zoom)
{
  return (int) floor ((zoom - 3.0) * 2.0);
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const SbBasemapFeature *fa = *(const SbBasemapFeature **) a;
  const SbBasemapFeature *fb = *(const SbBasemapFeature **) b;

  if (fa->is_capital != fb->is_capital)
    return fa->is_capital ? -1 : 1;
  return fa->scalerank - fb->scalerank;
}

static void
draw_labels (Render              *render,
             const SbBasemapFile *countries,
             const SbBasemapFile *places,
             double               zoom)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  int max_rank = max_place_rank (zoom);

  /* Towns first, most important first; country names fill the gaps. */
  for (guint i = 0; places != NULL && i < places->features->len; i++)
    {
      SbBasemapFeature *feature = g_ptr_array_index (places->features, i);

      if (feature->kind == SB_BASEMAP_PLACE && feature->name != NULL &&
          feature->scalerank <= max_rank + (feature->is_capital ? 1 : 0) &&
          feature_visible (render, feature) &&
          (render->left_out_towns == NULL || !g_hash_table_contains (render->left_out_towns, feature)))
        g_ptr_array_add (candidates, feature);
    }
  g_ptr_array_sort (candidates, compare_places);

  for (guint i = 0; i < candidates->len; i++)
    {
      SbBasemapFeature *feature = g_ptr_array_index (candidates, i);

      draw_label (render, feature->name,
                  feature->label_x * render->world_size, feature->label_y * render->world_size,
                  FALSE, feature->is_capital, feature->is_capital ? 12.5 : 11.5,
                  render->palette->label);
    }

  if (zoom < 3.0 || zoom > 7.5)
    return;

  for (guint i = 0; i < countries->features->len; i++)
    {
      SbBasemapFeature *feature = g_ptr_array_index (countries->features, i);
      double span = (feature->max_x - feature->min_x) * render->world_size;
      g_autofree char *upper = NULL;

      /* A name wider than its country would label its neighbours. */
      if (feature->kind != SB_BASEMAP_COUNTRY || feature->name == NULL ||
          span < 60 || !feature_visible (render, feature) ||
          (render->left_out_countries != NULL && feature->iso_a3 != NULL &&
           g_hash_table_contains (render->left_out_countries, feature->iso_a3)))
        continue;

      upper = g_utf8_strup (feature->name, -1);
      draw_label (render, upper,
                  feature->label_x * render->world_size, feature->label_y * render->world_size,
                  TRUE, FALSE, 11.0, render->palette->country_label);
    }
}

static void
draw_file (Render              *render,
           const SbBasemapFile *file,
           double               zoom)
{
  cairo_t *cr = render->cr;

  set_colour (cr, render->palette->land);
  draw_kind (render, file, SB_BASEMAP_COUNTRY, G_MAXINT);

  set_colour (cr, render->palette->sea);
  draw_kind (render, file, SB_BASEMAP_LAKE, G_MAXINT);

  set_colour (cr, render->palette->river);
  cairo_set_line_width (cr, zoom >= 6 ? 1.6 : 1.1);
  draw_kind (render, file, SB_BASEMAP_RIVER, (int) floor (zoom + 1.5));

  set_colour (cr, render->palette->coast);
  cairo_set_line_width (cr, 1.0);
  draw_kind (render, file, SB_BASEMAP_COAST, G_MAXINT);

  set_colour (cr, render->palette->border);
  cairo_set_line_width (cr, zoom >= 5 ? 1.3 : 1.0);
  draw_kind (render, file, SB_BASEMAP_BORDER, G_MAXINT);
}

static void
clip_to_file (Render              *render,
              const SbBasemapFile *file,
              gboolean             inside)
{
  cairo_t *cr = render->cr;

  cairo_new_path (cr);
  if (!inside)
    cairo_rectangle (cr, render->x0, render->y0, render->width, render->height);
  cairo_rectangle (cr, file->min_x * render->world_size, file->min_y * render->world_size,
                   (file->max_x - file->min_x) * render->world_size,
                   (file->max_y - file->min_y) * render->world_size);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
}

/* Draws the box of world pixels at (@x0, @y0) with @cr's origin at its
 * corner.
 */
static void
draw_basemap (SbBaseLayer *self,
              cairo_t     *cr,
              double       zoom,
              double       x0,
              double       y0,
              double       width,
              double       height,
              gboolean     dark,
              GArray      *labels,
              int          scale,
              GArray      *covered)
{
  const SbBasemapFile *world = sb_basemap_get_world (self->basemap);
  const SbBasemapFile *sahel = sb_basemap_get_sahel (self->basemap);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  Render render = {
    cr, SB_TILE_SIZE * exp2 (zoom), x0, y0, width, height,
    dark ? &dark_palette : &light_palette, taken, pango_cairo_create_layout (cr),
    self->left_out_towns, self->left_out_countries, self->label_scale,
    labels, scale, covered,
  };
  gboolean regional = zoom >= SAHEL_MIN_ZOOM;

  cairo_save (cr);
  cairo_translate (cr, -x0, -y0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  set_colour (cr, render.palette->sea);
  cairo_paint (cr);

  /* Outside the regional file's box the world file; inside it the finer
   * regional one, so coarse coasts never show under fine ones.
   */
  cairo_save (cr);
  if (regional)
    clip_to_file (&render, sahel, FALSE);
  draw_file (&render, world, zoom);
  cairo_restore (cr);

  if (regional)
    {
      cairo_save (cr);
      clip_to_file (&render, sahel, TRUE);
      draw_file (&render, sahel, zoom);
      cairo_restore (cr);
    }

  draw_labels (&render, regional ? sahel : world, sahel, zoom);

  g_object_unref (render.layout);
  cairo_restore (cr);
}

/**
 * sb_base_layer_draw:
 * @covered: (nullable) (element-type graphene_rect_t): what the
 *   briefing's layers cover, in the view's pixels: no name is drawn there
 *
 * Draws the base map of the unrotated view @projection with @cr, in the
 * view's coordinates: for exports and printing, which are vector where
 * the surface is.
 */
void
sb_base_layer_draw (SbBaseLayer        *self,
                    cairo_t            *cr,
                    const SbProjection *projection,
                    gboolean            dark,
                    GArray             *covered)
{
  double x0 = projection->center_x - projection->half_width;
  double y0 = projection->center_y - projection->half_height;
  g_autoptr(GArray) in_world = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  g_return_if_fail (SB_IS_BASE_LAYER (self));

  for (guint i = 0; covered != NULL && i < covered->len; i++)
    {
      graphene_rect_t box = g_array_index (covered, graphene_rect_t, i);

      box.origin.x += x0;
      box.origin.y += y0;
      g_array_append_val (in_world, box);
    }

  draw_basemap (self, cr, projection->zoom, x0, y0,
                2 * projection->half_width, 2 * projection->half_height, dark,
                NULL, 1, in_world);
}

static GdkTexture *
render_texture (SbBaseLayer *self,
                double       zoom,
                double       x0,
                double       y0,
                double       width,
                double       height,
                int          scale,
                gboolean     dark)
{
  int pixel_width = (int) ceil (width * scale);
  int pixel_height = (int) ceil (height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  g_clear_pointer (&self->labels, g_array_unref);
  self->labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (self->labels, clear_label);
  draw_basemap (self, cr, zoom, x0, y0, width, height, dark, self->labels, scale, NULL);
  cairo_destroy (cr);

  return texture_for_surface (surface);
}

static gboolean
on_settled (gpointer user_data)
{
  SbBaseLayer *self = user_data;

  self->settle_source = 0;
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Where @box (world pixels at the texture's zoom) shows in the layer, as
 * a box around it at any rotation.
 */
static graphene_rect_t
box_in_view (const SbProjection    *projection,
             const graphene_rect_t *box,
             double                 factor)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  for (guint c = 0; c < 4; c++)
    {
      double dx = (box->origin.x + (c & 1 ? box->size.width : 0)) * factor - projection->center_x;
      double dy = (box->origin.y + (c & 2 ? box->size.height : 0)) * factor - projection->center_y;
      graphene_rect_t corner = GRAPHENE_RECT_INIT (dx * projection->cos_rotation - dy * projection->sin_rotation +
                                                   projection->half_width,
                                                   dx * projection->sin_rotation + dy * projection->cos_rotation +
                                                   projection->half_height, 0, 0);

      if (c == 0)
        bounds = corner;
      else
        graphene_rect_union (&bounds, &corner, &bounds);
    }

  return bounds;
}

/* The names, less those the briefing's layer covers now, and less those
 * the view's edge would cut: a name shows whole or not at all.
 */
static void
append_labels (SbBaseLayer        *self,
               GtkSnapshot        *snapshot,
               const SbProjection *projection,
               double              factor)
{
  g_autoptr(GArray) covered = NULL;
  double covered_zoom = 0, to_texture = 1;
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, 2 * projection->half_width, 2 * projection->half_height);

  g_array_set_size (self->shown_names, 0);
  if (self->labels == NULL)
    return;

  if (self->cover_source != NULL && projection->sin_rotation == 0 &&
      gtk_widget_get_visible (GTK_WIDGET (self->cover_source)))
    covered = sb_map_layer_get_covered (self->cover_source, &covered_zoom);
  if (covered != NULL)
    to_texture = exp2 (self->texture_zoom - covered_zoom);

  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);
      graphene_rect_t shown = box_in_view (projection, &label->text, factor);
      gboolean hidden = !graphene_rect_contains_rect (&view, &shown);

      for (guint k = 0; covered != NULL && k < covered->len && !hidden; k++)
        {
          graphene_rect_t box;

          graphene_rect_scale (&g_array_index (covered, graphene_rect_t, k), to_texture, to_texture, &box);
          hidden = graphene_rect_intersection (&box, &label->text, NULL);
        }

      if (hidden)
        continue;

      g_array_append_val (self->shown_names, shown);
      gtk_snapshot_append_texture (snapshot, label->texture,
                                   &GRAPHENE_RECT_INIT (label->bounds.origin.x * factor - projection->center_x,
                                                        label->bounds.origin.y * factor - projection->center_y,
                                                        label->bounds.size.width * factor,
                                                        label->bounds.size.height * factor));
    }
}

static void
sb_base_layer_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SbBaseLayer *self = SB_BASE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean dark = is_dark ();
  SbProjection projection;
  double view_x, view_y, view_width, view_height, factor;

  if (width <= 0 || height <= 0)
    return;

  sb_projection_init (&projection, viewport, width, height);

  /* Drawn unrotated: over the view, or once it turns, over a square that
   * covers it at any angle (half as many pixels again, in memory twice:
   * the texture's and the renderer's copy).
   */
  if (projection.sin_rotation == 0 && projection.cos_rotation == 1)
    {
      view_width = width;
      view_height = height;
    }
  else
    view_width = view_height = hypot (width, height);
  view_x = projection.center_x - view_width / 2;
  view_y = projection.center_y - view_height / 2;

  if (self->texture != NULL &&
      (self->texture_scale != scale || self->texture_dark != dark))
    g_clear_object (&self->texture);

  if (self->texture != NULL && self->texture_zoom == projection.zoom &&
      (view_x < self->texture_x || view_y < self->texture_y ||
       view_x + view_width > self->texture_x + self->texture_width ||
       view_y + view_height > self->texture_y + self->texture_height))
    g_clear_object (&self->texture);

  if (self->texture != NULL && fabs (self->texture_zoom - projection.zoom) > 1.5)
    g_clear_object (&self->texture);

  if (self->texture == NULL)
    {
      double margin = MAX (view_width, view_height) * MARGIN;

      self->texture_zoom = projection.zoom;
      self->texture_x = view_x - margin;
      self->texture_y = view_y - margin;
      self->texture_width = view_width + 2 * margin;
      self->texture_height = view_height + 2 * margin;
      self->texture_scale = scale;
      self->texture_dark = dark;
      self->texture = render_texture (self, projection.zoom,
                                      self->texture_x, self->texture_y,
                                      self->texture_width, self->texture_height,
                                      scale, dark);
    }
  else if (self->texture_zoom != projection.zoom)
    {
      g_clear_handle_id (&self->settle_source, g_source_remove);
      self->settle_source = g_timeout_add (SETTLE_MS, on_settled, self);
    }

  factor = exp2 (projection.zoom - self->texture_zoom);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2, height / 2));
  gtk_snapshot_rotate (snapshot, atan2 (projection.sin_rotation, projection.cos_rotation) * 180.0 / G_PI);
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (self->texture_x * factor - projection.center_x,
                                                    self->texture_y * factor - projection.center_y,
                                                    self->texture_width * factor,
                                                    self->texture_height * factor));
  append_labels (self, snapshot, &projection, factor);
  gtk_snapshot_restore (snapshot);
}

static void
on_style_changed (SbBaseLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sb_base_layer_constructed (GObject *object)
{
  SbBaseLayer *self = SB_BASE_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (sb_base_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

static void
sb_base_layer_dispose (GObject *object)
{
  SbBaseLayer *self = (SbBaseLayer *)object;

  g_clear_handle_id (&self->settle_source, g_source_remove);
  g_clear_handle_id (&self->cover_source_id, g_source_remove);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->shown_names, g_array_unref);
  if (self->cover_source != NULL)
    g_signal_handlers_disconnect_by_data (self->cover_source, self);
  g_clear_weak_pointer (&self->cover_source);
  g_clear_pointer (&self->left_out_towns, g_hash_table_unref);
  g_clear_pointer (&self->left_out_countries, g_hash_table_unref);

  G_OBJECT_CLASS (sb_base_layer_parent_class)->dispose (object);
}

static void
sb_base_layer_class_init (SbBaseLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_base_layer_constructed;
  object_class->dispose = sb_base_layer_dispose;
  widget_class->snapshot = sb_base_layer_snapshot;
}

static void
sb_base_layer_init (SbBaseLayer *self)
{
  self->basemap = sb_basemap_get_default ();
  self->label_scale = 1.0;
  self->shown_names = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/**
 * sb_base_layer_set_briefing:
 * @briefing: (nullable): the briefing shown over the base map
 *
 * Leaves out the names the briefing's own layer draws over everything:
 * the towns it mentions, the countries it speaks of as a whole or
 * through their regions.
 */
void
sb_base_layer_set_briefing (SbBaseLayer *self,
                            SbBriefing  *briefing)
{
  g_return_if_fail (SB_IS_BASE_LAYER (self));
  g_return_if_fail (!briefing || SB_IS_BRIEFING (briefing));

  g_clear_pointer (&self->left_out_towns, g_hash_table_unref);
  g_clear_pointer (&self->left_out_countries, g_hash_table_unref);

  if (briefing != NULL)
    {
      GPtrArray *towns = sb_mentioned_places_get (briefing);
      GListModel *places = sb_briefing_get_places (briefing);

      self->left_out_towns = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < towns->len; i++)
        g_hash_table_add (self->left_out_towns, g_ptr_array_index (towns, i));

      self->left_out_countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (places); i++)
        {
          g_autoptr(SbPlace) place = g_list_model_get_item (places, i);

          /* (the countries of its regions too: the layout names them where
           * there is room for their names) */
          if ((sb_place_get_precision (place) == SB_PLACE_PRECISION_COUNTRY ||
               sb_place_get_precision (place) == SB_PLACE_PRECISION_REGION) &&
              sb_place_get_country (place) != NULL)
            g_hash_table_add (self->left_out_countries, g_strdup (sb_place_get_country (place)));
        }
    }

  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_base_layer_set_label_scale:
 *
 * Draws the names of towns and countries @label_scale times their size on
 * screen: for a projector.
 */
void
sb_base_layer_set_label_scale (SbBaseLayer *self,
                               double       label_scale)
{
  g_return_if_fail (SB_IS_BASE_LAYER (self));
  g_return_if_fail (label_scale > 0);

  if (self->label_scale == label_scale)
    return;

  self->label_scale = label_scale;
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
draw_again (gpointer user_data)
{
  SbBaseLayer *self = user_data;

  self->cover_source_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* The briefing's layer draws after this one in a frame: a widget asked to
 * draw again while the frame is drawn would not be, so after it (as a
 * timeout, which slow frames do not starve as they starve idles).
 */
static void
on_cover_drawn (SbBaseLayer *self)
{
  if (self->cover_source_id == 0)
    self->cover_source_id = g_timeout_add (0, draw_again, self);
}

/**
 * sb_base_layer_set_cover_source:
 * @source: (nullable): the briefing's layer whose cards, symbols and
 *   labels lie over the base map
 *
 * Leaves out the names @source covers, rather than show them half hidden
 * under an opaque card.
 */
void
sb_base_layer_set_cover_source (SbBaseLayer *self,
                                SbMapLayer  *source)
{
  g_return_if_fail (SB_IS_BASE_LAYER (self));
  g_return_if_fail (!source || SB_IS_MAP_LAYER (source));

  if (self->cover_source != NULL)
    g_signal_handlers_disconnect_by_data (self->cover_source, self);
  g_set_weak_pointer (&self->cover_source, source);
  if (source != NULL)
    {
      g_signal_connect_object (source, "drawn", G_CALLBACK (on_cover_drawn), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (source, "notify::visible", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

SbBaseLayer *
sb_base_layer_new (ShumateViewport *viewport)
{
  return g_object_new (SB_TYPE_BASE_LAYER,
                       "viewport", viewport,
                       NULL);
}

/**
 * sb_base_layer_get_shown_names:
 *
 * Returns: (transfer none) (element-type graphene_rect_t): where the
 *   names shown in the last frame are, in the layer's pixels
 */
GArray *
sb_base_layer_get_shown_names (SbBaseLayer *self)
{
  g_return_val_if_fail (SB_IS_BASE_LAYER (self), NULL);

  return self->shown_names;
}

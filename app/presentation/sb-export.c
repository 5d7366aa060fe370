/* sb-export.c
 *
 * The map drawn with cairo for files and paper: the view as PNG or PDF,
 * the handout, printing.
 *
 * Every export draws the same way: the base map, the tiles that could be
 * had, the briefing's layers (vector in a PDF: they draw with cairo), and
 * the text around the map. An export first asks for all its tiles and
 * waits at most a few seconds: a tile that did not come is counted, and
 * the base map shows in its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sb-area-layer.h"
#include "sb-base-layer.h"
#include "sb-export.h"
#include "sb-file-output.h"
#include "sb-format.h"
#include "sb-item-layer.h"
#include "sb-legend-rows.h"
#include "sb-movement-layer.h"
#include "sb-presentation.h"
#include "sb-projection.h"
#include "sb-source.h"
#include "sb-symbols.h"

#define BASE_MAP_ATTRIBUTION "Base map: Natural Earth"
#define A4_SHORT 595.0
#define A4_LONG 842.0
#define MAX_TILES 600
#define LEGEND_WIDTH 360.0 /* beside the map of a view, in units */

static guint tile_timeout_ms = 8000;

G_DEFINE_QUARK (sb-export-error-quark, sb_export_error)

typedef struct
{
  double latitude;
  double longitude;
  double zoom;
  int slide;               /* -1 for the view */
} Page;

typedef enum
{
  JOB_VIEW,
  JOB_HANDOUT,
  JOB_PRINT,
} JobKind;

typedef struct
{
  JobKind kind;
  SbBriefing *briefing;
  SbSelection *selection;  /* the view's; NULL for steps */
  SbPresentation *presentation;
  ShumateMapSource *tiles;
  ShumateDataSource *data_source;
  SbExportFormat format;
  double width, height;    /* pixels or points */
  gboolean notes;
  GFile *file;
  GtkWindow *parent;
  GArray *pages;           /* of Page */

  GHashTable *tile_images; /* "z/x/y" → cairo_surface_t, NULL when missing */
  SbExportProgressFunc progress;
  gpointer progress_data;
  guint asked;
  guint pending;
  guint missing;
  guint timeout_source;
  GCancellable *tiles_cancellable;
  GCancellable *cancellable;   /* the caller's, nullable */
  gulong cancelled_id;
  gboolean fetching_done;

  /* Drawing helpers, made once per job. */
  SbBaseLayer *base_layer;
  SbMapLayer *layers[3];
  ShumateViewport *viewport;
} Job;

static void
job_free (Job *job)
{
  g_clear_handle_id (&job->timeout_source, g_source_remove);
  if (job->cancellable != NULL)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);
  g_clear_object (&job->cancellable);
  if (job->tiles_cancellable != NULL)
    g_cancellable_cancel (job->tiles_cancellable);
  g_clear_object (&job->tiles_cancellable);
  g_clear_object (&job->briefing);
  g_clear_object (&job->selection);
  g_clear_object (&job->presentation);
  g_clear_object (&job->tiles);
  g_clear_object (&job->data_source);
  g_clear_object (&job->file);
  g_clear_object (&job->parent);
  g_clear_pointer (&job->pages, g_array_unref);
  g_clear_pointer (&job->tile_images, g_hash_table_unref);
  g_clear_object (&job->base_layer);
  for (guint i = 0; i < G_N_ELEMENTS (job->layers); i++)
    g_clear_object (&job->layers[i]);
  g_clear_object (&job->viewport);
  g_free (job);
}

void
sb_export_set_tile_timeout (guint milliseconds)
{
  tile_timeout_ms = milliseconds;
}

/**
 * sb_export_file_for_format:
 *
 * The file type chosen is the one written: "map.png" chosen as a PDF is
 * written as "map.pdf", and a name without a suffix gets the format's.
 *
 * Returns: (transfer full): @file, named for @format
 */
GFile *
sb_export_file_for_format (GFile          *file,
                           SbExportFormat  format)
{
  static const char * const suffixes[] = { ".png", ".pdf" };
  const char *suffix = suffixes[format == SB_EXPORT_PDF];
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GString) renamed = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  folded = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (folded, suffix))
    return g_object_ref (file);

  renamed = g_string_new (name);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (folded, suffixes[i]) && renamed->len > strlen (suffixes[i]))
      g_string_truncate (renamed, renamed->len - strlen (suffixes[i]));
  g_string_append (renamed, suffix);

  parent = g_file_get_parent (file);
  return parent ? g_file_get_child (parent, renamed->str) : g_file_new_for_path (renamed->str);
}

/* Tiles */

static ShumateDataSource *
data_source_of (ShumateMapSource *tiles)
{
  ShumateDataSource *data_source = NULL;

  if (tiles != NULL && SHUMATE_IS_RASTER_RENDERER (tiles))
    g_object_get (tiles, "data-source", &data_source, NULL);

  return data_source;
}

static int
tile_zoom_for (ShumateMapSource *tiles,
               double            zoom,
               gboolean          sharp)
{
  int z = (int) round (zoom) + (sharp ? 1 : 0);

  return CLAMP (z, (int) shumate_map_source_get_min_zoom_level (tiles),
                (int) shumate_map_source_get_max_zoom_level (tiles));
}

typedef void (*TileFunc) (int x, int y, int z, double left, double top, double size, gpointer data);

/* Calls @func for each tile under a @width × @height view of @projection,
 * with where it goes in the view.
 */
static void
foreach_tile (ShumateMapSource   *tiles,
              const SbProjection *projection,
              double              width,
              double              height,
              gboolean            sharp,
              TileFunc            func,
              gpointer            data)
{
  int z = tile_zoom_for (tiles, projection->zoom, sharp);
  double tile_size = shumate_map_source_get_tile_size (tiles) * exp2 (projection->zoom - z);
  double left = projection->center_x - width / 2;
  double top = projection->center_y - height / 2;
  int n = 1 << z;
  int x0 = (int) floor (left / tile_size), x1 = (int) floor ((left + width) / tile_size);
  int y0 = (int) floor (top / tile_size), y1 = (int) floor ((top + height) / tile_size);

  if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES)
    return;

  for (int y = MAX (y0, 0); y <= MIN (y1, n - 1); y++)
    for (int x = x0; x <= x1; x++)
      func (((x % n) + n) % n, y, z, x * tile_size - left, y * tile_size - top, tile_size, data);
}

static void
on_prefetched (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GBytes) bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, NULL);
}

static void
prefetch_one (int      x,
              int      y,
              int      z,
              double   left,
              double   top,
              double   size,
              gpointer data)
{
  shumate_data_source_get_tile_data_async (data, x, y, z, NULL, on_prefetched, NULL);
}

/**
 * sb_export_prefetch_tiles:
 *
 * Asks for the tiles of a view ahead of showing it, so that they come
 * from the disk cache when it is shown. libshumate has no call for this:
 * the tiles are asked of the data source, whose cache keeps them.
 */
void
sb_export_prefetch_tiles (ShumateMapSource *tiles,
                          double            latitude,
                          double            longitude,
                          double            zoom,
                          double            width,
                          double            height)
{
  g_autoptr(ShumateDataSource) data_source = data_source_of (tiles);
  SbProjection projection;

  if (data_source == NULL || width <= 0 || height <= 0)
    return;

  sb_projection_init_at (&projection, latitude, longitude, zoom, width, height);
  foreach_tile (tiles, &projection, width, height, FALSE, prefetch_one, data_source);
}

typedef struct
{
  GTask *task;
  char *key;
} TileRequest;

static void render_job (GTask *task);
static void run_print (GTask *task);

static void
fetching_done (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  if (job->fetching_done)
    return;

  job->fetching_done = TRUE;
  g_clear_handle_id (&job->timeout_source, g_source_remove);
  g_cancellable_cancel (job->tiles_cancellable);
  render_job (task);
}

static cairo_surface_t *
surface_from_bytes (GBytes *bytes)
{
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  texture = gdk_texture_new_from_bytes (bytes, NULL);
  if (texture == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        gdk_texture_get_width (texture),
                                        gdk_texture_get_height (texture));
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);

  return surface;
}

static void
on_tile_data (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TileRequest *request = user_data;
  Job *job = g_task_get_task_data (request->task);
  g_autoptr(GBytes) bytes = NULL;

  bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, NULL);

  if (!job->fetching_done)
    {
      cairo_surface_t *surface = bytes ? surface_from_bytes (bytes) : NULL;

      if (surface != NULL)
        g_hash_table_replace (job->tile_images, g_strdup (request->key), surface);

      job->pending--;
      if (job->progress != NULL)
        job->progress (job->asked - job->pending, job->asked, job->progress_data);
      if (job->pending == 0)
        fetching_done (request->task);
    }

  g_object_unref (request->task);
  g_free (request->key);
  g_free (request);
}

static void
request_tile (int      x,
              int      y,
              int      z,
              double   left,
              double   top,
              double   size,
              gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);
  g_autofree char *key = g_strdup_printf ("%d/%d/%d", z, x, y);
  TileRequest *request;

  if (g_hash_table_contains (job->tile_images, key))
    return;

  g_hash_table_insert (job->tile_images, g_strdup (key), NULL);
  request = g_new0 (TileRequest, 1);
  request->task = g_object_ref (task);
  request->key = g_steal_pointer (&key);
  job->pending++;
  job->asked++;
  shumate_data_source_get_tile_data_async (job->data_source, x, y, z, job->tiles_cancellable,
                                           on_tile_data, request);
}

static gboolean
on_tiles_timeout (gpointer user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);

  job->timeout_source = 0;
  fetching_done (task);

  return G_SOURCE_REMOVE;
}

/* Page layout: where the map goes on a page of the job's size. */
typedef struct
{
  double unit;
  double map_x, map_y, map_width, map_height;
} Layout;

static void
layout_page (Job    *job,
             double  width,
             double  height,
             Layout *layout)
{
  if (job->kind == JOB_VIEW)
    {
      layout->unit = MIN (width / 1920.0, height / 1080.0);
      layout->map_x = 0;
      layout->map_y = 96 * layout->unit;
      layout->map_width = width - LEGEND_WIDTH * layout->unit;
      layout->map_height = height - layout->map_y - 92 * layout->unit;
    }
  else
    {
      /* A page of paper, portrait: the map above, the step's text under it. */
      layout->unit = width / 1100.0;
      layout->map_x = 60 * layout->unit;
      layout->map_y = 120 * layout->unit;
      layout->map_width = width - 2 * layout->map_x;
      layout->map_height = MIN (layout->map_width * 0.75, height * 0.55);
    }
}

static gboolean
on_cancel_idle (gpointer user_data)
{
  fetching_done (user_data);
  return G_SOURCE_REMOVE;
}

/* Cancelled while the tiles come: stop waiting for them at once, from
 * the main loop rather than inside g_cancellable_cancel().
 */
static void
on_cancelled (GCancellable *cancellable,
              GTask        *task)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, on_cancel_idle, g_object_ref (task), g_object_unref);
}

static void
start_fetching (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  Layout layout;

  job->tile_images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) cairo_surface_destroy);
  job->tiles_cancellable = g_cancellable_new ();
  job->data_source = data_source_of (job->tiles);

  layout_page (job, job->width, job->height, &layout);

  if (job->data_source != NULL)
    for (guint i = 0; i < job->pages->len; i++)
      {
        Page *page = &g_array_index (job->pages, Page, i);
        SbProjection projection;

        sb_projection_init_at (&projection, page->latitude, page->longitude, page->zoom,
                         layout.map_width, layout.map_height);
        foreach_tile (job->tiles, &projection, layout.map_width, layout.map_height,
                      job->format == SB_EXPORT_PDF, request_tile, task);
      }

  if (job->pending == 0)
    {
      fetching_done (task);
      return;
    }

  if (job->progress != NULL)
    job->progress (0, job->asked, job->progress_data);
  if (g_task_get_cancellable (task) != NULL)
    {
      job->cancellable = g_object_ref (g_task_get_cancellable (task));
      job->cancelled_id = g_cancellable_connect (job->cancellable, G_CALLBACK (on_cancelled), task, NULL);
    }
  job->timeout_source = g_timeout_add (tile_timeout_ms, on_tiles_timeout, task);
}

/* Drawing */

typedef struct
{
  Job *job;
  cairo_t *cr;
} TileDraw;

static void
draw_tile (int      x,
           int      y,
           int      z,
           double   left,
           double   top,
           double   size,
           gpointer data)
{
  TileDraw *draw = data;
  g_autofree char *key = g_strdup_printf ("%d/%d/%d", z, x, y);
  cairo_surface_t *surface = g_hash_table_lookup (draw->job->tile_images, key);
  double scale;

  if (surface == NULL)
    {
      draw->job->missing++;
      return;
    }

  scale = size / cairo_image_surface_get_width (surface);
  cairo_save (draw->cr);
  cairo_translate (draw->cr, left, top);
  cairo_rectangle (draw->cr, 0, 0, size, size);
  cairo_clip (draw->cr);
  cairo_scale (draw->cr, scale, scale);
  cairo_set_source_surface (draw->cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (draw->cr), CAIRO_FILTER_GOOD);
  cairo_paint (draw->cr);
  cairo_restore (draw->cr);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             double      size,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Sizes in the surface's own units, whatever its resolution. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_font_description_set_absolute_size (description, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, description);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

/* Draws @text at (@x, @y) and returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      size,
           double      x,
           double      y,
           double      width,
           int         max_lines,
           const double *rgb)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, font, size, width);
  int text_width, text_height;

  pango_layout_set_text (layout, text, -1);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  cairo_save (cr);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  return text_height;
}

static const double black[3] = { 0.08, 0.08, 0.09 };
static const double grey[3] = { 0.30, 0.30, 0.32 };

static void
ensure_layers (Job *job)
{
  if (job->viewport != NULL)
    return;

  job->viewport = shumate_viewport_new ();
  job->base_layer = g_object_ref_sink (sb_base_layer_new (job->viewport));
}

static void
set_layers_selection (Job         *job,
                      SbSelection *selection)
{
  for (guint i = 0; i < G_N_ELEMENTS (job->layers); i++)
    g_clear_object (&job->layers[i]);

  job->layers[0] = SB_MAP_LAYER (g_object_ref_sink (sb_area_layer_new (job->viewport, selection)));
  job->layers[1] = SB_MAP_LAYER (g_object_ref_sink (sb_movement_layer_new (job->viewport, selection)));
  job->layers[2] = SB_MAP_LAYER (g_object_ref_sink (sb_item_layer_new (job->viewport, selection)));
  sb_map_layer_set_layout_source (job->layers[0], job->layers[2]);
  sb_map_layer_set_layout_source (job->layers[1], job->layers[2]);
}

static void
draw_scale (cairo_t            *cr,
            const SbProjection *projection,
            double              latitude,
            double              x,
            double              y,
            double              unit)
{
  double pixels_per_km = sb_projection_pixels_per_km (projection, latitude);
  double max_km = 220 * unit / pixels_per_km;
  double step = pow (10, floor (log10 (max_km)));
  double km = step;
  double length;
  g_autofree char *label = NULL;

  if (max_km >= 5 * step)
    km = 5 * step;
  else if (max_km >= 2 * step)
    km = 2 * step;
  length = km * pixels_per_km;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_rectangle (cr, x - 8 * unit, y - 34 * unit, length + 16 * unit, 44 * unit);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, black[0], black[1], black[2]);
  cairo_set_line_width (cr, 3 * unit);
  cairo_move_to (cr, x, y - 8 * unit);
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x + length, y);
  cairo_line_to (cr, x + length, y - 8 * unit);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Translators: a distance on the map's scale bar, in kilometres */
  label = g_strdup_printf (_("%g km"), km);
  draw_text (cr, label, "Sans", 18 * unit, x, y - 32 * unit, -1, 1, black);
}

/* A heading stands apart from the rows above it by this share of a row. */
#define HEADING_GAP (1.0 / 3.0)
#define MAX_LEGEND_COLUMNS 4

typedef struct
{
  cairo_t *cr;
  double unit;
  double size;             /* of the type, 1 at its largest */
  double column_width;
} LegendStyle;

static double
legend_row_base (const LegendStyle *style)
{
  return 26 * style->unit * style->size;
}

/* A row's height: its label wrapped in the column, whole: an actor's
 * name cut short names no one.
 */
static double
legend_row_height (const LegendStyle *style,
                   const SbLegendRow *row,
                   gboolean           first_in_column)
{
  double base = legend_row_base (style);
  double indent = row->sample == SB_LEGEND_HEADING ? 0 : 40 * style->unit * style->size;
  g_autoptr(PangoLayout) layout = make_layout (style->cr, row->sample == SB_LEGEND_HEADING ? "Sans Bold" : "Sans",
                                               16 * style->unit * style->size, style->column_width - indent);
  int width, height;

  pango_layout_set_text (layout, row->label, -1);
  pango_layout_get_pixel_size (layout, &width, &height);

  return MAX (base, height + 8 * style->unit * style->size) +
         (row->sample == SB_LEGEND_HEADING && !first_in_column ? base * HEADING_GAP : 0);
}

/* Fills @n_columns in order, a column after another, no column taller
 * than @max_height; never a heading at the foot of a column.
 */
static gboolean
legend_fill (const LegendStyle *style,
             GArray            *rows,
             guint              n_columns,
             double             max_height,
             guint             *starts)
{
  guint column = 0;
  double height = 0;

  starts[0] = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const SbLegendRow *row = &g_array_index (rows, SbLegendRow, i);
      double row_height = legend_row_height (style, row, i == starts[column]);

      if (height + row_height > max_height && i > starts[column])
        {
          guint start = i;

          if (++column >= n_columns)
            return FALSE;
          if (g_array_index (rows, SbLegendRow, i - 1).sample == SB_LEGEND_HEADING && i - 1 > starts[column - 1])
            start = i - 1;
          starts[column] = start;
          i = start;
          height = legend_row_height (style, &g_array_index (rows, SbLegendRow, i), TRUE);
          continue;
        }
      height += row_height;
    }

  for (guint c = column + 1; c <= n_columns; c++)
    starts[c] = rows->len;
  return height <= max_height;
}

/* What the page shows and nothing else, every way it is drawn: the
 * actors, each with its colour and the shape of its kind, how deployments
 * stand, the arrows, the incidents' signs, how certain what is drawn is,
 * areas and how precisely places are known. All of it: where it does not
 * fit, in more columns or smaller type, never "and more".
 */
static void
draw_legend (cairo_t     *cr,
             SbBriefing  *briefing,
             SbSelection *selection,
             double       x,
             double       y,
             double       width,
             double       max_height,
             double       unit)
{
  g_autoptr(GArray) rows = sb_legend_rows_new (selection, SB_LEGEND_SHOWN | SB_LEGEND_ACTORS | SB_LEGEND_SHORT);
  static const double sizes[] = { 1.0, 0.9, 0.8, 0.7, 0.6, 0.5 };
  guint starts[MAX_LEGEND_COLUMNS + 1];
  LegendStyle style = { cr, unit, 1.0, width };
  guint n_columns = 1;
  gboolean fits = FALSE;

  if (rows->len == 0)
    return;

  /* The largest type that fits, in columns no narrower than a name needs. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes) && !fits; i++)
    for (n_columns = 1; n_columns <= MAX_LEGEND_COLUMNS && !fits; n_columns++)
      {
        style.size = sizes[i];
        style.column_width = width / n_columns - 12 * unit;
        fits = style.column_width >= 140 * unit * style.size &&
               legend_fill (&style, rows, n_columns, max_height, starts);
        if (fits)
          break;
      }

  /* Too much even so: the last try, drawn whole past its room. */
  if (!fits)
    {
      n_columns = MAX_LEGEND_COLUMNS;
      style.column_width = width / n_columns - 12 * unit;
      legend_fill (&style, rows, n_columns, G_MAXDOUBLE, starts);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      double column_x = x + c * width / n_columns;
      double row_y = y;

      for (guint i = starts[c]; i < starts[c + 1]; i++)
        {
          const SbLegendRow *row = &g_array_index (rows, SbLegendRow, i);
          double height = legend_row_height (&style, row, i == starts[c]);
          double base = legend_row_base (&style);
          double s = style.size * unit;

          if (row->sample == SB_LEGEND_HEADING)
            {
              double top = row_y + height - base;

              draw_text (cr, row->label, "Sans Bold", 16 * s, column_x, top + 3 * s, style.column_width, 1, black);
            }
          else
            {
              cairo_save (cr);
              cairo_translate (cr, column_x, row_y + 2 * s);
              sb_legend_paint_sample (cr, row, 34 * s, 22 * s, FALSE);
              cairo_restore (cr);
              draw_text (cr, row->label, "Sans", 16 * s, column_x + 40 * s, row_y + 3 * s,
                         style.column_width - 40 * s, 0, black);
            }
          row_y += height;
        }
    }
}

static char *
format_sources (SbBriefing *briefing)
{
  GListModel *sources = sb_briefing_get_sources (briefing);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(SbSource) source = g_list_model_get_item (sources, i);
      g_autofree char *line = sb_format_source_line (source);

      g_string_append_printf (text, "%s%s", i ? "; " : "", line);
    }

  /* Translators: before the list of a briefing's sources on an export */
  return g_strdup_printf (_("Sources: %s"), text->str);
}

static char *
format_attribution (Job *job)
{
  const char *license = job->tiles ? shumate_map_source_get_license (job->tiles) : NULL;

  if (license != NULL && *license != '\0')
    return g_strdup_printf ("%s · %s", license, _(BASE_MAP_ATTRIBUTION));

  return g_strdup (_(BASE_MAP_ATTRIBUTION));
}

/* The map of one page: base map, tiles, the briefing's layers, scale. */
static void
draw_map (Job          *job,
          cairo_t      *cr,
          const Page   *page,
          const Layout *layout,
          SbSelection  *selection)
{
  SbProjection projection;
  TileDraw tile_draw = { job, cr };
  double symbol_scale = MAX (layout->unit * 1.4, 0.5);
  g_autoptr(GArray) covered = NULL;

  sb_projection_init_at (&projection, page->latitude, page->longitude, page->zoom,
                   layout->map_width, layout->map_height);

  cairo_save (cr);
  cairo_translate (cr, layout->map_x, layout->map_y);
  cairo_rectangle (cr, 0, 0, layout->map_width, layout->map_height);
  cairo_clip (cr);

  ensure_layers (job);
  set_layers_selection (job, selection);
  covered = sb_map_layer_get_covered_in (job->layers[2], &projection, symbol_scale);
  sb_base_layer_set_briefing (job->base_layer, sb_selection_get_briefing (selection));
  /* The base map's names at the scale of the briefing's own: never larger,
   * and never half under a card.
   */
  sb_base_layer_set_label_scale (job->base_layer, symbol_scale);
  sb_base_layer_draw (job->base_layer, cr, &projection, FALSE, covered);

  if (job->tiles != NULL && job->data_source != NULL)
    foreach_tile (job->tiles, &projection, layout->map_width, layout->map_height,
                  job->format == SB_EXPORT_PDF, draw_tile, &tile_draw);

  for (guint i = 0; i < G_N_ELEMENTS (job->layers); i++)
    sb_map_layer_draw_scaled (job->layers[i], cr, &projection, symbol_scale);

  draw_scale (cr, &projection, page->latitude, 24 * layout->unit, layout->map_height - 18 * layout->unit,
              layout->unit);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, grey[0], grey[1], grey[2]);
  cairo_set_line_width (cr, MAX (layout->unit, 0.5));
  cairo_rectangle (cr, layout->map_x, layout->map_y, layout->map_width, layout->map_height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
format_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  SbDate today = { { 0, }, };

  today.start.year = g_date_time_get_year (now);
  today.start.month = g_date_time_get_month (now);
  today.start.day = g_date_time_get_day_of_month (now);
  today.start.precision = SB_DATE_PRECISION_DAY;

  return sb_format_date (&today);
}

static void
draw_view_page (Job     *job,
                cairo_t *cr,
                double   width,
                double   height)
{
  Page *page = &g_array_index (job->pages, Page, 0);
  SbText *subtitle = sb_briefing_get_subtitle (job->briefing);
  g_autofree char *today = format_today ();
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  g_autofree char *sources = format_sources (job->briefing);
  g_autofree char *attribution = format_attribution (job);
  Layout layout;
  double u;

  layout_page (job, width, height, &layout);
  u = layout.unit;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  draw_map (job, cr, page, &layout, job->selection);
  draw_legend (cr, job->briefing, job->selection, layout.map_width + 24 * u, layout.map_y + 8 * u,
               LEGEND_WIDTH * u - 40 * u, layout.map_height - 8 * u, u);

  draw_text (cr, sb_text_get (sb_briefing_get_title (job->briefing)), "Sans Bold", 38 * u,
             24 * u, 10 * u, width - 48 * u, 1, black);
  date = sb_date_is_set (sb_briefing_get_date (job->briefing))
           ? sb_format_date (sb_briefing_get_date (job->briefing)) : NULL;
  if (subtitle != NULL)
    /* Translators: under an export's title: the briefing's subtitle, its date, and the day of the export */
    line = g_strdup_printf (_("%s · Briefing of %s · exported %s"),
                            sb_text_get (subtitle), date ? date : "—", today);
  else
    /* Translators: under an export's title: the briefing's date, and the day of the export */
    line = g_strdup_printf (_("Briefing of %s · exported %s"), date ? date : "—", today);
  draw_text (cr, line, "Sans", 22 * u, 24 * u, 58 * u, width - 48 * u, 1, grey);

  draw_text (cr, sources, "Sans", 17 * u, 24 * u, layout.map_y + layout.map_height + 10 * u,
             width * 0.66, 3, grey);
  draw_text (cr, attribution, "Sans", 17 * u, width * 0.70, layout.map_y + layout.map_height + 10 * u,
             width * 0.30 - 24 * u, 3, grey);
}

/* The step's passage whole, never cut: its translation in the reader's
 * language with the original under it, and its source.
 */
static double
draw_citation (cairo_t    *cr,
               SbCitation *citation,
               double      x,
               double      y,
               double      width,
               double      u)
{
  const char *translation = sb_citation_get_translation (citation, sb_text_get_preferred_languages (), NULL);
  g_autofree char *line = sb_format_source_line (citation->source);
  g_autofree char *source = g_strdup_printf (_("Source: %s"), line);
  double top = y;

  if (translation != NULL)
    {
      g_autofree char *from = sb_format_translated_from (sb_source_get_language (citation->source));
      g_autofree char *quoted = g_strdup_printf (_("“%s” %s"), translation, from);
      g_autofree char *original = g_strdup_printf (_("Original: “%s”"), sb_citation_get_quote (citation));

      y += draw_text (cr, quoted, "Sans Italic", 20 * u, x, y, width, 0, black) + 4 * u;
      y += draw_text (cr, original, "Sans Italic", 17 * u, x, y, width, 0, grey) + 4 * u;
    }
  else
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), sb_citation_get_quote (citation));

      y += draw_text (cr, quoted, "Sans Italic", 20 * u, x, y, width, 0, black) + 4 * u;
    }

  y += draw_text (cr, source, "Sans", 16 * u, x, y, width, 0, grey);
  if (sb_source_get_url (citation->source) != NULL)
    y += draw_text (cr, sb_source_get_url (citation->source), "Sans", 16 * u, x, y, width, 1, grey);
  return y - top;
}

/* What a step shows: its layers, statements and highlights. */
static SbSelection *
step_selection (Job           *job,
                const SbSlide *slide)
{
  SbSelection *selection = sb_selection_new ();

  sb_selection_set_briefing (selection, job->briefing);
  for (guint layer = SB_LAYER_AREAS; layer <= SB_LAYER_INCIDENTS; layer <<= 1)
    sb_selection_set_layer_visible (selection, layer, (slide->layers & layer) != 0);
  sb_selection_set_shown (selection, slide->shown);
  sb_selection_set_highlighted (selection, slide->highlight);

  return selection;
}

static void
draw_step_page (Job     *job,
                cairo_t *cr,
                double   width,
                double   height,
                guint    index)
{
  Page *page = &g_array_index (job->pages, Page, index);
  g_auto(SbSlide) slide = { 0, };
  g_autoptr(SbSelection) selection = NULL;
  g_autofree char *number = NULL;
  g_autofree char *attribution = format_attribution (job);
  Layout layout;
  double u, x, y, text_width;

  layout_page (job, width, height, &layout);
  u = layout.unit;
  x = layout.map_x;
  /* The step's text on the left under the map, its legend on the right. */
  text_width = layout.map_width * 0.62;

  sb_presentation_describe (job->presentation, page->slide, &slide);
  selection = step_selection (job, &slide);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* Translators: a handout page's header: the step number, how many there are, and the briefing */
  number = g_strdup_printf (_("%u / %u · %s"), page->slide + 1,
                            sb_presentation_get_n_slides (job->presentation),
                            sb_text_get (sb_briefing_get_title (job->briefing)));
  draw_text (cr, number, "Sans", 20 * u, x, 40 * u, layout.map_width, 1, grey);
  draw_text (cr, slide.title ? slide.title : "", "Sans Bold", 34 * u, x, 70 * u, layout.map_width, 1, black);

  draw_map (job, cr, page, &layout, selection);
  draw_text (cr, attribution, "Sans", 13 * u, x, layout.map_y + layout.map_height + 4 * u,
             layout.map_width, 1, grey);

  y = layout.map_y + layout.map_height + 40 * u;
  draw_legend (cr, job->briefing, selection, x + layout.map_width * 0.66, y,
               layout.map_width * 0.34, height - y - 40 * u, u);
  if (slide.caption != NULL)
    y += draw_text (cr, slide.caption, "Sans", 24 * u, x, y, text_width, 4, black) + 18 * u;

  if (slide.citation != NULL && sb_citation_get_quote (slide.citation) != NULL)
    y += draw_citation (cr, slide.citation, x, y, text_width, u) + 18 * u;

  if (job->notes && slide.notes != NULL && y < height - 80 * u)
    {
      y += draw_text (cr, _("Notes"), "Sans Bold", 20 * u, x, y, text_width, 1, black) + 4 * u;
      draw_text (cr, slide.notes, "Sans", 20 * u, x, y, text_width,
                 (int) MAX (1, (height - 40 * u - y) / (28 * u)), black);
    }
}

/* Cairo does not say why a write failed: the first error is kept. */
typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} CairoWrite;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  CairoWrite *write = closure;

  if (write->error != NULL ||
      !g_output_stream_write_all (write->stream, data, length, NULL, write->cancellable, &write->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_failed (GTask       *task,
              GFile       *file,
              const char  *message)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_task_return_new_error (task, SB_EXPORT_ERROR, SB_EXPORT_ERROR_WRITE,
                           /* Translators: the file, and why it could not be written */
                           _("Could not write “%s”: %s"), name, message);
  return FALSE;
}

/* The file is replaced only by a complete picture or document: cancelled,
 * or failed in cairo or on the disk, the export leaves it as it was. What
 * it returns says which; the tasks do not look at the cancellable again
 * when they end, so an export cancelled after the file was replaced
 * reports that it was made.
 */
static void
render_job (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbFileOutput) output = NULL;
  CairoWrite write = { NULL, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  /* Cancelled while the tiles came: nothing is written. */
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (job->kind == JOB_PRINT)
    {
      run_print (task);
      g_object_unref (task);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  output = sb_file_output_new (job->file, SB_FILE_OUTPUT_NONE, cancellable, &error);
  if (output == NULL)
    {
      write_failed (task, job->file, error->message);
      g_object_unref (task);
      return;
    }
  write.stream = sb_file_output_get_stream (output);

  job->missing = 0;
  if (job->format == SB_EXPORT_PNG)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) job->width, (int) job->height);
      cr = cairo_create (surface);
      draw_view_page (job, cr, job->width, job->height);
      cairo_destroy (cr);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, write_to_stream, &write);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, &write, job->width, job->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      sb_text_get (sb_briefing_get_title (job->briefing)));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "SahelBrief " PACKAGE_VERSION);
      cr = cairo_create (surface);
      for (guint i = 0; i < job->pages->len; i++)
        {
          if (job->kind == JOB_VIEW)
            draw_view_page (job, cr, job->width, job->height);
          else
            draw_step_page (job, cr, job->width, job->height, i);
          cairo_show_page (cr);
        }
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (g_error_matches (write.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&write.error));
  else if (write.error != NULL)
    write_failed (task, job->file, write.error->message);
  else if (status != CAIRO_STATUS_SUCCESS)
    write_failed (task, job->file, cairo_status_to_string (status));
  else if (!sb_file_output_commit (output, cancellable, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        write_failed (task, job->file, error->message);
    }
  else
    g_task_return_boolean (task, TRUE);

  g_clear_error (&write.error);
  g_object_unref (task);
}

static Job *
job_new (JobKind           kind,
         SbBriefing       *briefing,
         ShumateMapSource *tiles)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->briefing = g_object_ref (briefing);
  job->tiles = tiles ? g_object_ref (tiles) : NULL;
  job->pages = g_array_new (FALSE, TRUE, sizeof (Page));

  return job;
}

/**
 * sb_export_view_async:
 * @tiles: (nullable): the tiles over the base map
 * @progress: (nullable): told as the tiles come, until the file is written
 * @view_width: the width of the view on screen, so that the export shows
 *   at least what it shows
 * @width: of a PNG, in pixels; a PDF is an A4 page, landscape
 *
 * Exports a view of the map as @selection shows it.
 */
void
sb_export_view_async (SbSelection        *selection,
                      ShumateMapSource   *tiles,
                      double              latitude,
                      double              longitude,
                      double              zoom,
                      double              view_width,
                      double              view_height,
                      SbExportFormat      format,
                      int                 width,
                      int                 height,
                      GFile              *file,
                      SbExportProgressFunc progress,
                      gpointer            progress_data,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  GTask *task;
  Job *job;
  Page page = { latitude, longitude, zoom, -1 };
  Layout layout;

  g_return_if_fail (SB_IS_SELECTION (selection));
  g_return_if_fail (sb_selection_get_briefing (selection) != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = job_new (JOB_VIEW, sb_selection_get_briefing (selection), tiles);
  job->selection = g_object_ref (selection);
  job->progress = progress;
  job->progress_data = progress_data;
  job->format = format;
  job->file = g_object_ref (file);
  job->width = format == SB_EXPORT_PNG ? MAX (width, 16) : A4_LONG;
  job->height = format == SB_EXPORT_PNG ? MAX (height, 16) : A4_SHORT;

  /* At least what the screen shows, with the same centre. */
  layout_page (job, job->width, job->height, &layout);
  if (view_width > 0 && view_height > 0)
    page.zoom = zoom + log2 (MIN (layout.map_width / view_width, layout.map_height / view_height));
  g_array_append_val (job->pages, page);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_check_cancellable (task, FALSE);  /* see render_job() */
  g_task_set_source_tag (task, sb_export_view_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  start_fetching (task);
}

static gboolean
add_step_pages (Job     *job,
                GTask   *task)
{
  Layout layout;

  job->presentation = sb_presentation_new (job->briefing);
  if (sb_presentation_get_n_slides (job->presentation) == 0)
    {
      g_task_return_new_error (task, SB_EXPORT_ERROR, SB_EXPORT_ERROR_NO_STEPS,
                               _("The briefing has no steps and no incidents to put on pages"));
      g_object_unref (task);
      return FALSE;
    }

  layout_page (job, job->width, job->height, &layout);
  for (guint i = 0; i < sb_presentation_get_n_slides (job->presentation); i++)
    {
      g_auto(SbSlide) slide = { 0, };
      Page page = { 15.0, 0.0, 4.0, (int) i };

      sb_presentation_describe (job->presentation, i, &slide);
      sb_slide_get_camera (&slide, job->briefing, layout.map_width, layout.map_height,
                           &page.latitude, &page.longitude, &page.zoom);
      /* The screen's zooms on a page a third of its size. */
      page.zoom = CLAMP (page.zoom, 2.0, 16.0);
      g_array_append_val (job->pages, page);
    }

  return TRUE;
}

/**
 * sb_export_handout_async:
 * @notes: whether to print the speaker notes under each step
 *
 * Exports every step, or every incident when there are no steps, as a
 * page of an A4 PDF: the map, the step's title, caption and passage.
 */
void
sb_export_handout_async (SbBriefing         *briefing,
                         ShumateMapSource   *tiles,
                         gboolean            notes,
                         GFile              *file,
                         SbExportProgressFunc progress,
                         gpointer            progress_data,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (SB_IS_BRIEFING (briefing));
  g_return_if_fail (G_IS_FILE (file));

  job = job_new (JOB_HANDOUT, briefing, tiles);
  job->progress = progress;
  job->progress_data = progress_data;
  job->format = SB_EXPORT_PDF;
  job->notes = notes;
  job->file = g_object_ref (file);
  job->width = A4_SHORT;
  job->height = A4_LONG;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_check_cancellable (task, FALSE);  /* see render_job() */
  g_task_set_source_tag (task, sb_export_handout_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (add_step_pages (job, task))
    start_fetching (task);
}

/**
 * sb_export_draw_step_preview:
 * @index: the step
 * @width: in pixels
 * @height: in pixels
 *
 * Draws step @index of @presentation as a small map, at once: the
 * built-in base map and the briefing's layers, without tiles (they may
 * not have come, and need no network). For the presenter console.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL when there
 *   is no such step
 */
GdkTexture *
sb_export_draw_step_preview (SbPresentation *presentation,
                             guint           index,
                             int             width,
                             int             height)
{
  g_auto(SbSlide) slide = { 0, };
  g_autoptr(SbSelection) selection = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Layout layout = { 0, };
  Page page = { 15.0, 0.0, 4.0, (int) index };
  Job *job;
  GdkTexture *texture;

  g_return_val_if_fail (SB_IS_PRESENTATION (presentation), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (!sb_presentation_describe (presentation, index, &slide))
    return NULL;

  job = job_new (JOB_HANDOUT, sb_presentation_get_briefing (presentation), NULL);
  job->presentation = g_object_ref (presentation);
  selection = step_selection (job, &slide);

  /* As large as a handout's map would draw it, scaled down. */
  layout.unit = width / 1100.0;
  layout.map_width = width;
  layout.map_height = height;
  sb_slide_get_camera (&slide, job->briefing, width, height, &page.latitude, &page.longitude, &page.zoom);
  page.zoom = CLAMP (page.zoom, 2.0, 16.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_map (job, cr, &page, &layout, selection);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  job_free (job);

  return texture;
}

/* Printing: the handout's pages, on the printer's paper. */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  gtk_print_operation_set_n_pages (operation, job->pages->len);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  draw_step_page (job, cr, gtk_print_context_get_width (context),
                  gtk_print_context_get_height (context), page_nr);
}

static void
run_print (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_job_name (operation, sb_text_get (sb_briefing_get_title (job->briefing)));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);

  job->missing = 0;
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    job->parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}


/**
 * sb_export_print_async:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Prints the handout, after fetching its tiles.
 */
void
sb_export_print_async (SbBriefing         *briefing,
                       ShumateMapSource   *tiles,
                       gboolean            notes,
                       GtkWindow          *parent,
                       SbExportProgressFunc progress,
                       gpointer            progress_data,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (SB_IS_BRIEFING (briefing));

  job = job_new (JOB_PRINT, briefing, tiles);
  job->progress = progress;
  job->progress_data = progress_data;
  job->format = SB_EXPORT_PDF;
  job->notes = notes;
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->width = A4_SHORT;
  job->height = A4_LONG;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_export_print_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (add_step_pages (job, task))
    start_fetching (task);
}

/**
 * sb_export_finish:
 * @missing_tiles: (out) (optional): how many tiles could not be had and
 *   show the base map instead
 */
gboolean
sb_export_finish (GAsyncResult  *result,
                  guint         *missing_tiles,
                  GError       **error)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (missing_tiles != NULL)
    *missing_tiles = job->missing;

  return g_task_propagate_boolean (G_TASK (result), error);
}

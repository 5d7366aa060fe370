/* make-icons.c
 *
 * Writes the symbolic icons of the actor kinds, incident types and item
 * layers from the map's own drawing code, so that an icon next to a label
 * is the symbol the map draws:
 *
 *   ninja -C build make-icons
 *
 * regenerates icons/scalable/status/. Symbolic icons are recoloured by
 * their fill alone, so every stroke of the map's glyphs is written as the
 * outline of its area: segments as quadrilaterals with round caps and
 * joins, closed outlines and circles as rings. The pieces of a glyph all
 * wind the same way, so with the nonzero rule they add up to their union.
 * Outlines are snapped to the pixel grid so that they stay crisp at 16 px.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* First, as it defines G_LOG_DOMAIN: trace_glyph() and glyph_is_filled()
 * are the map's private business. */
#include "../app/map/sb-symbols.c"

#include <glib/gstdio.h>
#include <string.h>

#include "sb-enums.h"

#define SIZE 16
#define FILL "#2e3436"

/* Pixels per unit of the map's glyph box (side 2): 14 px of 16. */
#define GLYPH_SCALE 7.0
#define GLYPH_WIDTH 2.0

/* The actor shapes at the map's proportions: the square, and the diamond's
 * and triangle's points, are where the same area puts them. */
#define ACTOR_RADIUS 6.0

typedef struct
{
  double x, y;
} Point;

typedef struct
{
  GArray *points;          /* of Point */
  gboolean closed;
  gboolean curved;
} Subpath;

static void
subpath_free (gpointer data)
{
  Subpath *sub = data;

  g_array_unref (sub->points);
  g_free (sub);
}

/* The subpaths of @path; curves contribute their end points only, so read
 * a flattened path to follow them. */
static GPtrArray *
split_path (const cairo_path_t *path)
{
  GPtrArray *subs = g_ptr_array_new_with_free_func (subpath_free);
  Subpath *sub = NULL;

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];
      Point point;

      switch (data->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          sub = g_new0 (Subpath, 1);
          sub->points = g_array_new (FALSE, FALSE, sizeof (Point));
          g_ptr_array_add (subs, sub);
          point = (Point) { data[1].point.x, data[1].point.y };
          g_array_append_val (sub->points, point);
          break;
        case CAIRO_PATH_LINE_TO:
          point = (Point) { data[1].point.x, data[1].point.y };
          g_array_append_val (sub->points, point);
          break;
        case CAIRO_PATH_CURVE_TO:
          point = (Point) { data[3].point.x, data[3].point.y };
          g_array_append_val (sub->points, point);
          sub->curved = TRUE;
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          sub->closed = TRUE;
          break;
        }
    }

  return subs;
}

static void
append_number (GString *d,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  value = round (value * 1000) / 1000;
  if (value == 0)
    value = 0;  /* no "-0" */
  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append (d, buffer);
}

static void
append_point (GString    *d,
              const char *command,
              double      x,
              double      y)
{
  g_string_append (d, command);
  append_number (d, x);
  g_string_append_c (d, ' ');
  append_number (d, y);
}

static double
signed_area (const Point *points,
             guint        n)
{
  double area = 0;

  for (guint i = 0; i < n; i++)
    {
      const Point *a = &points[i];
      const Point *b = &points[(i + 1) % n];

      area += a->x * b->y - b->x * a->y;
    }

  return area / 2;
}

/* A polygon winding clockwise on screen (@positive) or anticlockwise. */
static void
append_polygon (GString     *d,
                const Point *points,
                guint        n,
                gboolean     positive)
{
  gboolean reverse = (signed_area (points, n) > 0) != positive;

  for (guint i = 0; i < n; i++)
    {
      const Point *p = &points[reverse ? n - 1 - i : i];

      append_point (d, i == 0 ? "M" : "L", p->x, p->y);
    }
  g_string_append_c (d, 'Z');
}

static void
append_circle (GString  *d,
               double    cx,
               double    cy,
               double    r,
               gboolean  positive)
{
  const char *flags = positive ? " 0 1 1 " : " 0 1 0 ";

  append_point (d, "M", cx + r, cy);
  for (guint i = 0; i < 2; i++)
    {
      append_point (d, "A", r, r);
      g_string_append (d, flags);
      append_point (d, "", i == 0 ? cx - r : cx + r, cy);
    }
  g_string_append_c (d, 'Z');
}

/* Strokes of an even width are crisp centred on pixel edges, of an odd
 * width on pixel centres. */
static double
snap (double value,
      double width)
{
  double offset = fmod (width, 2.0) == 1.0 ? 0.5 : 0.0;

  return round (value - offset) + offset;
}

static void
append_segment (GString     *d,
                const Point *a,
                const Point *b,
                double       width)
{
  double length = hypot (b->x - a->x, b->y - a->y);
  double nx, ny;
  Point quad[4];

  if (length < 1e-6)
    return;

  nx = -(b->y - a->y) / length * width / 2;
  ny = (b->x - a->x) / length * width / 2;
  quad[0] = (Point) { a->x + nx, a->y + ny };
  quad[1] = (Point) { b->x + nx, b->y + ny };
  quad[2] = (Point) { b->x - nx, b->y - ny };
  quad[3] = (Point) { a->x - nx, a->y - ny };
  append_polygon (d, quad, 4, TRUE);
}

/* The outline of a closed polygon moved by @distance, mitred. */
static GArray *
offset_polygon (const Point *points,
                guint        n,
                double       distance)
{
  GArray *result = g_array_sized_new (FALSE, FALSE, sizeof (Point), n);
  double sign = signed_area (points, n) > 0 ? 1 : -1;

  for (guint i = 0; i < n; i++)
    {
      const Point *prev = &points[(i + n - 1) % n];
      const Point *p = &points[i];
      const Point *next = &points[(i + 1) % n];
      double l1 = hypot (p->x - prev->x, p->y - prev->y);
      double l2 = hypot (next->x - p->x, next->y - p->y);
      /* Outward normals of a clockwise polygon on screen. */
      double n1x = sign * -(p->y - prev->y) / l1, n1y = sign * (p->x - prev->x) / l1;
      double n2x = sign * -(next->y - p->y) / l2, n2y = sign * (next->x - p->x) / l2;
      double k = distance / (1 + n1x * n2x + n1y * n2y);
      Point moved = { p->x - k * (n1x + n2x), p->y - k * (n1y + n2y) };

      g_array_append_val (result, moved);
    }

  return result;
}

typedef struct
{
  double x, y, r;
} Ring;

static gboolean
fit_circle (const Subpath *flat,
            double        *cx,
            double        *cy,
            double        *r)
{
  const Point *points = (const Point *) flat->points->data;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (guint i = 0; i < flat->points->len; i++)
    {
      x1 = MIN (x1, points[i].x);
      y1 = MIN (y1, points[i].y);
      x2 = MAX (x2, points[i].x);
      y2 = MAX (y2, points[i].y);
    }

  *cx = (x1 + x2) / 2;
  *cy = (y1 + y2) / 2;
  *r = (x2 - x1 + y2 - y1) / 4;

  for (guint i = 0; i < flat->points->len; i++)
    if (fabs (hypot (points[i].x - *cx, points[i].y - *cy) - *r) > *r * 0.03)
      return FALSE;

  return *r > 0;
}

/* The area cairo_stroke() would paint for the current path with round
 * caps and joins, as fills. */
static void
append_stroke (GString *d,
               cairo_t *cr,
               double   width)
{
  cairo_path_t *path = cairo_copy_path (cr);
  cairo_path_t *flat_path = cairo_copy_path_flat (cr);
  g_autoptr(GPtrArray) subs = split_path (path);
  g_autoptr(GPtrArray) flats = split_path (flat_path);
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (Ring));

  g_assert (subs->len == flats->len);

  for (guint s = 0; s < subs->len; s++)
    {
      Subpath *sub = g_ptr_array_index (subs, s);
      Subpath *flat = g_ptr_array_index (flats, s);
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));
      double cx, cy, r;

      if (sub->curved && fit_circle (flat, &cx, &cy, &r))
        {
          /* Halves round down, to stay inside the icon. */
          Ring ring = { snap (cx, width), snap (cy, width), MAX (floor (r + 0.4), width) };

          g_array_append_val (rings, ring);
          continue;
        }

      /* Snapped, without the repeats snapping makes. */
      for (guint i = 0; i < flat->points->len; i++)
        {
          Point p = g_array_index (flat->points, Point, i);

          if (!sub->curved)
            p = (Point) { snap (p.x, width), snap (p.y, width) };
          if (points->len == 0 ||
              hypot (p.x - g_array_index (points, Point, points->len - 1).x,
                     p.y - g_array_index (points, Point, points->len - 1).y) > 1e-6)
            g_array_append_val (points, p);
        }

      if (flat->closed && points->len > 2 &&
          hypot (g_array_index (points, Point, 0).x - g_array_index (points, Point, points->len - 1).x,
                 g_array_index (points, Point, 0).y - g_array_index (points, Point, points->len - 1).y) < 1e-6)
        g_array_set_size (points, points->len - 1);

      if (flat->closed && points->len > 2)
        {
          g_autoptr(GArray) outer = offset_polygon ((Point *) points->data, points->len, width / 2);
          g_autoptr(GArray) inner = offset_polygon ((Point *) points->data, points->len, -width / 2);

          append_polygon (d, (Point *) outer->data, outer->len, TRUE);
          append_polygon (d, (Point *) inner->data, inner->len, FALSE);
          continue;
        }

      for (guint i = 0; i < points->len; i++)
        {
          const Point *p = &g_array_index (points, Point, i);

          append_circle (d, p->x, p->y, width / 2, TRUE);
          if (i + 1 < points->len)
            append_segment (d, p, p + 1, width);
        }
    }

  /* Linked rings, drawn apart until neither crosses the other's hole: at
   * 16 px a crossed hole fills in. */
  for (guint i = 0; i < rings->len; i++)
    for (guint j = i + 1; j < rings->len; j++)
      {
        Ring *a = &g_array_index (rings, Ring, i);
        Ring *b = &g_array_index (rings, Ring, j);
        double dx = b->x - a->x, dy = b->y - a->y;
        double distance = hypot (dx, dy);
        double push;

        if (distance < 1e-6 || distance >= a->r + b->r)
          continue;
        push = (a->r + b->r - distance) / 2 / distance;
        a->x = snap (a->x - dx * push, width);
        a->y = snap (a->y - dy * push, width);
        b->x = snap (b->x + dx * push, width);
        b->y = snap (b->y + dy * push, width);
      }

  for (guint i = 0; i < rings->len; i++)
    {
      const Ring *ring = &g_array_index (rings, Ring, i);

      append_circle (d, ring->x, ring->y, ring->r + width / 2, TRUE);
      append_circle (d, ring->x, ring->y, ring->r - width / 2, FALSE);
    }

  cairo_path_destroy (path);
  cairo_path_destroy (flat_path);
  cairo_new_path (cr);
}

typedef enum
{
  SNAP_NONE = 0,
  SNAP_LINES = 1 << 0,     /* polygons */
  SNAP_CURVES = 1 << 1,    /* circles, and the ends of curves */
} Snap;

/* The current path as a fill. */
static void
append_fill (GString  *d,
             cairo_t  *cr,
             Snap      snapping)
{
  cairo_path_t *path = cairo_copy_path (cr);
  cairo_path_t *flat_path = cairo_copy_path_flat (cr);
  g_autoptr(GPtrArray) subs = split_path (path);
  g_autoptr(GPtrArray) flats = split_path (flat_path);
  Subpath *sub = NULL;
  gboolean skip = FALSE;
  gboolean snapped = FALSE;
  Point delta = { 0, 0 };  /* how far snapping moved the current point */
  int s = -1;

  g_assert (subs->len == flats->len);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];
      Point p = { data[1].point.x, data[1].point.y };
      double cx, cy, r;

      if (data->header.type == CAIRO_PATH_MOVE_TO)
        {
          sub = g_ptr_array_index (subs, ++s);
          snapped = (snapping & (sub->curved ? SNAP_CURVES : SNAP_LINES)) != 0;
          /* A lone move, as cairo adds after closing a subpath. */
          skip = sub->points->len < 2;
          if (!skip && sub->curved && snapped &&
              fit_circle (g_ptr_array_index (flats, s), &cx, &cy, &r))
            {
              append_circle (d, round (cx), round (cy), MAX (round (r), 1), TRUE);
              skip = TRUE;
            }
        }

      if (skip)
        continue;

      switch (data->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
        case CAIRO_PATH_LINE_TO:
          if (snapped)
            {
              delta = (Point) { round (p.x) - p.x, round (p.y) - p.y };
              p = (Point) { p.x + delta.x, p.y + delta.y };
            }
          append_point (d, data->header.type == CAIRO_PATH_MOVE_TO ? "M" : "L", p.x, p.y);
          break;
        case CAIRO_PATH_CURVE_TO:
          /* Control points move with the end they belong to. */
          append_point (d, "C", p.x + delta.x, p.y + delta.y);
          p = (Point) { data[3].point.x, data[3].point.y };
          if (snapped)
            delta = (Point) { round (p.x) - p.x, round (p.y) - p.y };
          append_point (d, " ", data[2].point.x + delta.x, data[2].point.y + delta.y);
          append_point (d, " ", p.x + delta.x, p.y + delta.y);
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          g_string_append_c (d, 'Z');
          break;
        }
    }

  cairo_path_destroy (path);
  cairo_path_destroy (flat_path);
  cairo_new_path (cr);
}

static void
write_icon (const char *dir,
            const char *name,
            GString    *body)
{
  g_autofree char *file_name = g_strdup_printf ("%s-symbolic.svg", name);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n"
                              "%s"
                              "</svg>\n",
                              SIZE, SIZE, SIZE, SIZE, body->str);
  if (!g_file_set_contents (path, contents, -1, &error))
    g_error ("%s", error->message);
  g_print ("%s\n", path);
}

static void
append_element (GString    *body,
                GString    *d,
                const char *attributes)
{
  if (d->len == 0)
    return;
  g_string_append_printf (body, "  <path fill=\"" FILL "\"%s d=\"%s\"/>\n", attributes, d->str);
  g_string_truncate (d, 0);
}

static void
make_actor_kind (cairo_t     *cr,
                 const char  *dir,
                 SbActorKind  kind,
                 const char  *nick)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) d = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("sb-actor-%s", nick);

  cairo_new_path (cr);
  sb_symbol_trace_actor_kind (cr, kind, SIZE / 2, SIZE / 2, ACTOR_RADIUS);
  append_fill (d, cr, SNAP_LINES | SNAP_CURVES);
  append_element (body, d, "");
  write_icon (dir, name, body);
}

static void
trace_glyph_at (cairo_t        *cr,
                SbIncidentType  type,
                double          x,
                double          y,
                double          scale)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  trace_glyph (cr, type);
  cairo_restore (cr);
}

static void
make_incident_type (cairo_t        *cr,
                    const char     *dir,
                    SbIncidentType  type,
                    const char     *nick)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) d = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("sb-incident-%s", nick);

  cairo_new_path (cr);
  trace_glyph_at (cr, type, SIZE / 2, SIZE / 2, GLYPH_SCALE);
  if (glyph_is_filled (type))
    append_fill (d, cr, SNAP_CURVES);
  else
    append_stroke (d, cr, GLYPH_WIDTH);
  append_element (body, d, "");
  write_icon (dir, name, body);
}

/* Three kinds of actor. */
static void
make_deployments (cairo_t    *cr,
                  const char *dir)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) d = g_string_new (NULL);

  cairo_new_path (cr);
  sb_symbol_trace_actor_kind (cr, SB_ACTOR_KIND_NATIONAL_FORCES, 4, 4, 3);
  sb_symbol_trace_actor_kind (cr, SB_ACTOR_KIND_FOREIGN_FORCES, 12, 4, 3.4);
  sb_symbol_trace_actor_kind (cr, SB_ACTOR_KIND_ARMED_GROUP, 8, 12, 3.3);
  append_fill (d, cr, SNAP_LINES | SNAP_CURVES);
  append_element (body, d, "");
  write_icon (dir, "sb-layer-deployments", body);
}

/* An arrow as the movement layer draws one: a dot where it starts, a
 * curve, and a head. */
static void
make_movements (cairo_t    *cr,
                const char *dir)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) d = g_string_new (NULL);

  cairo_new_path (cr);
  cairo_move_to (cr, 3, 13);
  cairo_curve_to (cr, 3, 7, 6, 4, 11, 4);
  append_stroke (d, cr, 2);
  sb_symbol_paint_arrow_head (cr, 15, 4, 0, 6);
  append_fill (d, cr, SNAP_NONE);
  append_circle (d, 3, 13, 2.5, TRUE);
  append_element (body, d, "");
  write_icon (dir, "sb-layer-movements", body);
}

/* The incident badge with the attack's burst cut out of it. */
static void
make_incidents (cairo_t    *cr,
                const char *dir)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) d = g_string_new (NULL);
  double radius = (SIZE - 2) / 1.8;
  double side = radius * 1.8;
  double corner = radius * 0.45;
  double x = SIZE / 2, y = SIZE / 2;

  /* The badge of sb_symbol_paint_incident(). */
  cairo_new_path (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + side / 2 - corner, y - side / 2 + corner, corner, -G_PI / 2, 0);
  cairo_arc (cr, x + side / 2 - corner, y + side / 2 - corner, corner, 0, G_PI / 2);
  cairo_arc (cr, x - side / 2 + corner, y + side / 2 - corner, corner, G_PI / 2, G_PI);
  cairo_arc (cr, x - side / 2 + corner, y - side / 2 + corner, corner, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  /* Larger than on the map, or at 16 px the burst is a round hole. */
  trace_glyph_at (cr, SB_INCIDENT_TYPE_ATTACK, x, y, radius * 0.75);
  append_fill (d, cr, SNAP_NONE);
  append_element (body, d, " fill-rule=\"evenodd\"");
  write_icon (dir, "sb-layer-incidents", body);
}

/* A region: its outline, and its ground at the opacity of a tint. */
static void
make_areas (cairo_t    *cr,
            const char *dir)
{
  static const Point outline[] = {
    { 2, 3 }, { 8, 2 }, { 14, 4 }, { 12, 8 }, { 14, 13 }, { 6, 14 }, { 2, 10 },
  };
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) d = g_string_new (NULL);

  /* Under the outline, so that no seam shows between them. */
  append_polygon (d, outline, G_N_ELEMENTS (outline), TRUE);
  append_element (body, d, " opacity=\"0.35\"");

  cairo_new_path (cr);
  for (guint i = 0; i < G_N_ELEMENTS (outline); i++)
    cairo_line_to (cr, outline[i].x, outline[i].y);
  cairo_close_path (cr);
  append_stroke (d, cr, 2);
  append_element (body, d, "");
  write_icon (dir, "sb-layer-areas", body);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GEnumClass) actor_kinds = g_type_class_ref (SB_TYPE_ACTOR_KIND);
  g_autoptr(GEnumClass) incident_types = g_type_class_ref (SB_TYPE_INCIDENT_TYPE);
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *dir;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DIRECTORY\n", argv[0]);
      return 1;
    }
  dir = argv[1];
  g_mkdir_with_parents (dir, 0755);

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, SIZE, SIZE);
  cr = cairo_create (surface);
  cairo_set_tolerance (cr, 0.02);

  for (guint i = 0; i < actor_kinds->n_values; i++)
    make_actor_kind (cr, dir, actor_kinds->values[i].value, actor_kinds->values[i].value_nick);
  for (guint i = 0; i < incident_types->n_values; i++)
    make_incident_type (cr, dir, incident_types->values[i].value, incident_types->values[i].value_nick);

  make_deployments (cr, dir);
  make_movements (cr, dir);
  make_incidents (cr, dir);
  make_areas (cr, dir);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return 0;
}

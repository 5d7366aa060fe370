/* sb-cluster-index.c
 *
 * Points clustered for every zoom level, built once in a worker thread
 * and then only read.
 *
 * Greedy clustering level by level, as supercluster does it: from the
 * deepest level up, each node not yet taken gathers the untaken nodes
 * within the radius into a cluster at their weighted centre. Points at
 * one place are one node (a site) from the start, so a million events at
 * twenty thousand places cluster like twenty thousand points.
 *
 * Each level is an array of node ids sorted by the Morton code of their
 * cell. A level's cells are twice the size of the next deeper level's, so
 * one order serves every level: a cell's code is the deepest code shifted
 * right. A box is found by a binary search per cell; neighbours within
 * the radius lie in the 3 × 3 cells around a node.
 *
 * An edit patches the index on the main thread rather than waiting for a
 * new one: a point taken out leaves its site and clusters lighter (empty
 * ones are skipped), a point at a new place is a site of its own at every
 * level until the next build clusters it with its neighbours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-cluster-index"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sb-cluster-index.h"

#define NONE G_MAXUINT32
#define SITE_BITS 31             /* places closer than 1/128 px at zoom 16 are one */
/* Cells of 128 px at their level, no smaller than the radius: the
 * neighbours within it lie in the 3 × 3 cells around.
 */
#define CELL_BITS(level) ((level) + 1)
#define SITE_SHIFT (2 * (SITE_BITS - CELL_BITS (SB_CLUSTER_SITE_LEVEL)))

G_STATIC_ASSERT (SB_CLUSTER_RADIUS <= 128.0);

typedef struct
{
  double x;
  double y;
  guint64 key;                  /* Morton code of its cell at the site level */
  guint32 count;
  guint32 n_marked;             /* of its points, those marked */
  guint32 parent;
  guint32 first_child;
  guint32 next_sibling;
  guint32 first_point;          /* sites: where its ids start */
  gint8 level;                  /* the deepest level it is shown at */
  guint8 stamp;                 /* build: the level that has taken it, + 1 */
  guint8 dominant;
  guint8 dominant_percent;
} Node;

struct _SbClusterIndex
{
  Node *nodes;
  guint n_nodes;
  guint32 *ids;                 /* the points' ids, site by site */
  guint n_ids;                  /* the length of ids: sites patched move to its end */
  guint n_points;
  GArray *levels[SB_CLUSTER_SITE_LEVEL + 1];  /* of guint32, may be shared */
};

static guint64
spread_bits (guint32 value)
{
  guint64 x = value;

  x = (x | (x << 16)) & G_GUINT64_CONSTANT (0x0000ffff0000ffff);
  x = (x | (x << 8)) & G_GUINT64_CONSTANT (0x00ff00ff00ff00ff);
  x = (x | (x << 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);
  x = (x | (x << 2)) & G_GUINT64_CONSTANT (0x3333333333333333);
  x = (x | (x << 1)) & G_GUINT64_CONSTANT (0x5555555555555555);
  return x;
}

static guint64
morton (guint32 cx,
        guint32 cy)
{
  return spread_bits (cx) | (spread_bits (cy) << 1);
}

static guint32
cell_of (double x,
         guint  bits)
{
  double n = (double) (G_GUINT64_CONSTANT (1) << bits);
  double c = floor (x * n);

  return (guint32) CLAMP (c, 0, n - 1);
}

static guint64
key_of (double x,
        double y,
        guint  bits)
{
  return morton (cell_of (x, bits), cell_of (y, bits));
}

int
sb_cluster_index_level_for_zoom (double zoom)
{
  /* A little slack: a view at 4.9999… after an animation is at 5. */
  return CLAMP ((int) floor (zoom + 1e-6), 0, SB_CLUSTER_SITE_LEVEL);
}

typedef struct
{
  guint64 key;
  guint32 index;
} KeyedIndex;

/* LSD radix sort on the low @bits bits of the keys: a million points in a
 * few tens of milliseconds, where qsort takes several hundred.
 */
static void
radix_sort (KeyedIndex *items,
            gsize       n,
            guint       bits)
{
  g_autofree KeyedIndex *scratch = g_new (KeyedIndex, n);
  KeyedIndex *from = items, *to = scratch;

  for (guint shift = 0; shift < bits; shift += 11)
    {
      gsize counts[2048] = { 0, };
      gsize total = 0;

      for (gsize i = 0; i < n; i++)
        counts[(from[i].key >> shift) & 2047]++;
      for (guint b = 0; b < 2048; b++)
        {
          gsize c = counts[b];

          counts[b] = total;
          total += c;
        }
      for (gsize i = 0; i < n; i++)
        to[counts[(from[i].key >> shift) & 2047]++] = from[i];

      { KeyedIndex *swap = from; from = to; to = swap; }
    }

  if (from != items)
    memcpy (items, from, n * sizeof *items);
}

/* The first position in @level whose cell at @shift is not below @cell. */
static guint
lower_bound (const Node   *nodes,
             const GArray *level,
             guint         shift,
             guint64       cell)
{
  const guint32 *ids = (const guint32 *) (gconstpointer) level->data;
  guint lo = 0, hi = level->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((nodes[ids[mid]].key >> shift) < cell)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
level_shift (int level)
{
  return 2 * (CELL_BITS (SB_CLUSTER_SITE_LEVEL) - CELL_BITS (level));
}

static int
compare_node_keys (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const Node *nodes = *(Node **) user_data;
  guint64 ka = nodes[*(const guint32 *) a].key, kb = nodes[*(const guint32 *) b].key;

  return ka < kb ? -1 : ka > kb;
}

typedef struct
{
  GArray *nodes;                /* of Node */
  GArray *histograms;           /* of guint32[SB_CLUSTER_MAX_TYPES] */
  GArray *neighbours;           /* of guint32, reused */
} Builder;

static guint32 *
histogram (Builder *builder,
           guint32  node)
{
  return &g_array_index (builder->histograms, guint32, (gsize) node * SB_CLUSTER_MAX_TYPES);
}

static guint32
add_node (Builder    *builder,
          const Node *node)
{
  g_array_append_vals (builder->nodes, node, 1);
  g_array_set_size (builder->histograms, builder->histograms->len + SB_CLUSTER_MAX_TYPES);
  return builder->nodes->len - 1;
}

/* Gathers the untaken nodes of @input within the radius of @seed. */
static void
find_neighbours (Builder      *builder,
                 const GArray *input,
                 int           level,
                 guint32       seed)
{
  const Node *nodes = (const Node *) (gconstpointer) builder->nodes->data;
  const guint32 *ids = (const guint32 *) (gconstpointer) input->data;
  guint bits = CELL_BITS (level);
  guint shift = level_shift (level);
  double radius = SB_CLUSTER_RADIUS / (256.0 * (double) (G_GUINT64_CONSTANT (1) << level));
  gint64 cx = cell_of (nodes[seed].x, bits), cy = cell_of (nodes[seed].y, bits);
  gint64 n_cells = G_GINT64_CONSTANT (1) << bits;
  guint8 stamp = level + 1;

  g_array_set_size (builder->neighbours, 0);

  for (gint64 y = MAX (cy - 1, 0); y <= MIN (cy + 1, n_cells - 1); y++)
    for (gint64 x = MAX (cx - 1, 0); x <= MIN (cx + 1, n_cells - 1); x++)
      {
        guint64 cell = morton (x, y);

        for (guint i = lower_bound (nodes, input, shift, cell);
             i < input->len && (nodes[ids[i]].key >> shift) == cell; i++)
          {
            const Node *other = &nodes[ids[i]];

            if (ids[i] == seed || other->stamp == stamp)
              continue;
            if (hypot (other->x - nodes[seed].x, other->y - nodes[seed].y) <= radius)
              g_array_append_val (builder->neighbours, ids[i]);
          }
      }
}

static guint32
merge (Builder *builder,
       int      level,
       guint32  seed)
{
  Node cluster = { 0, };
  double sum_x = 0, sum_y = 0;
  guint32 id;
  guint8 stamp = level + 1;

  cluster.parent = NONE;
  cluster.first_child = NONE;
  cluster.next_sibling = NONE;
  cluster.first_point = NONE;
  cluster.level = level;
  cluster.stamp = stamp;
  id = add_node (builder, &cluster);

  for (guint i = 0; i <= builder->neighbours->len; i++)
    {
      guint32 child_id = i == 0 ? seed : g_array_index (builder->neighbours, guint32, i - 1);
      Node *nodes = (Node *) (gpointer) builder->nodes->data;
      Node *child = &nodes[child_id];
      guint32 *sum = histogram (builder, id), *part = histogram (builder, child_id);

      child->parent = id;
      child->stamp = stamp;
      child->next_sibling = nodes[id].first_child;
      nodes[id].first_child = child_id;
      nodes[id].count += child->count;
      nodes[id].n_marked += child->n_marked;
      sum_x += child->x * child->count;
      sum_y += child->y * child->count;
      for (guint t = 0; t < SB_CLUSTER_MAX_TYPES; t++)
        sum[t] += part[t];
    }

  {
    Node *node = &g_array_index (builder->nodes, Node, id);

    node->x = sum_x / node->count;
    node->y = sum_y / node->count;
    node->key = key_of (node->x, node->y, CELL_BITS (SB_CLUSTER_SITE_LEVEL));
  }

  return id;
}

static GArray *
cluster_level (Builder *builder,
               GArray  *input,
               int      level)
{
  GArray *output = g_array_sized_new (FALSE, FALSE, sizeof (guint32), input->len);
  gboolean merged = FALSE;
  guint8 stamp = level + 1;

  for (guint i = 0; i < input->len; i++)
    {
      guint32 seed = g_array_index (input, guint32, i);
      guint32 cluster;

      if (g_array_index (builder->nodes, Node, seed).stamp == stamp)
        continue;

      g_array_index (builder->nodes, Node, seed).stamp = stamp;
      find_neighbours (builder, input, level, seed);
      if (builder->neighbours->len == 0)
        {
          g_array_append_val (output, seed);
          continue;
        }

      cluster = merge (builder, level, seed);
      g_array_append_val (output, cluster);
      merged = TRUE;
    }

  /* Nothing merged: the level is the one below, in the same order. */
  if (!merged)
    {
      g_array_unref (output);
      return g_array_ref (input);
    }

  {
    Node *nodes = (Node *) (gpointer) builder->nodes->data;

    g_array_sort_with_data (output, compare_node_keys, &nodes);
  }
  return output;
}

static void
make_sites (Builder              *builder,
            SbClusterIndex       *self,
            const SbClusterPoint *points,
            guint                 n_points)
{
  g_autofree KeyedIndex *order = g_new (KeyedIndex, n_points);
  GArray *sites = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < n_points; i++)
    {
      order[i].key = key_of (points[i].x, points[i].y, SITE_BITS);
      order[i].index = i;
    }
  radix_sort (order, n_points, 2 * SITE_BITS);

  self->ids = g_new (guint32, MAX (n_points, 1));
  for (guint i = 0; i < n_points;)
    {
      const SbClusterPoint *first = &points[order[i].index];
      Node site = { 0, };
      guint32 id, *counts;
      guint j;

      site.x = first->x;
      site.y = first->y;
      site.key = order[i].key >> SITE_SHIFT;
      site.parent = NONE;
      site.first_child = NONE;
      site.next_sibling = NONE;
      site.first_point = i;
      site.level = SB_CLUSTER_SITE_LEVEL;
      id = add_node (builder, &site);
      counts = histogram (builder, id);

      for (j = i; j < n_points && order[j].key == order[i].key; j++)
        {
          const SbClusterPoint *point = &points[order[j].index];

          self->ids[j] = point->id;
          counts[MIN (point->type, SB_CLUSTER_MAX_TYPES - 1)]++;
          g_array_index (builder->nodes, Node, id).n_marked += point->marked ? 1 : 0;
        }

      g_array_index (builder->nodes, Node, id).count = j - i;
      g_array_append_val (sites, id);
      i = j;
    }

  self->levels[SB_CLUSTER_SITE_LEVEL] = sites;
}

static void
set_dominant_types (Builder *builder)
{
  for (guint n = 0; n < builder->nodes->len; n++)
    {
      Node *node = &g_array_index (builder->nodes, Node, n);
      guint32 *counts = histogram (builder, n);
      guint best = 0;

      for (guint t = 1; t < SB_CLUSTER_MAX_TYPES; t++)
        if (counts[t] > counts[best])
          best = t;

      node->dominant = best;
      node->dominant_percent = node->count ? (guint8) (100.0 * counts[best] / node->count + 0.5) : 0;
    }
}

/**
 * sb_cluster_index_new:
 *
 * Clusters @points for every level; slow for many points, so meant for a
 * worker thread.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL if cancelled
 */
SbClusterIndex *
sb_cluster_index_new (const SbClusterPoint *points,
                      guint                 n_points,
                      GCancellable         *cancellable)
{
  SbClusterIndex *self = g_atomic_rc_box_new0 (SbClusterIndex);
  Builder builder;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  builder.nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  builder.histograms = g_array_new (FALSE, TRUE, sizeof (guint32));
  builder.neighbours = g_array_new (FALSE, FALSE, sizeof (guint32));

  self->n_points = n_points;
  self->n_ids = n_points;
  make_sites (&builder, self, points, n_points);

  for (int level = SB_CLUSTER_SITE_LEVEL - 1; level >= 0; level--)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      self->levels[level] = cluster_level (&builder, self->levels[level + 1], level);
    }

  set_dominant_types (&builder);
  g_array_unref (builder.histograms);
  g_array_unref (builder.neighbours);
  self->n_nodes = builder.nodes->len;
  self->nodes = (Node *) (gpointer) g_array_free (builder.nodes, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    {
      sb_cluster_index_unref (self);
      return NULL;
    }

  return self;
}

static void
sb_cluster_index_clear (gpointer data)
{
  SbClusterIndex *self = data;

  for (guint i = 0; i < G_N_ELEMENTS (self->levels); i++)
    g_clear_pointer (&self->levels[i], g_array_unref);
  g_clear_pointer (&self->nodes, g_free);
  g_clear_pointer (&self->ids, g_free);
}

SbClusterIndex *
sb_cluster_index_ref (SbClusterIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
sb_cluster_index_unref (SbClusterIndex *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, sb_cluster_index_clear);
}

guint
sb_cluster_index_get_n_points (SbClusterIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_points;
}

/**
 * sb_cluster_index_get_memory_size:
 *
 * Returns: the bytes the index holds, levels shared once
 */
gsize
sb_cluster_index_get_memory_size (SbClusterIndex *self)
{
  gsize size = sizeof *self + self->n_nodes * sizeof (Node) + self->n_ids * sizeof (guint32);

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (self->levels); i++)
    if (self->levels[i] != NULL && (i == 0 || self->levels[i] != self->levels[i - 1]))
      size += self->levels[i]->len * sizeof (guint32);

  return size;
}

static void
fill_cluster (SbClusterIndex *self,
              guint32         id,
              SbCluster      *cluster)
{
  const Node *node = &self->nodes[id];

  cluster->node = id;
  cluster->x = node->x;
  cluster->y = node->y;
  cluster->count = node->count;
  cluster->n_marked = node->n_marked;
  cluster->dominant = node->dominant;
  cluster->dominant_percent = node->dominant_percent;
  cluster->is_site = node->first_point != NONE;
}

/**
 * sb_cluster_index_query:
 * @clusters: (element-type SbCluster): where to append what is found
 *
 * Finds the clusters shown at @zoom whose centres lie in the box.
 */
void
sb_cluster_index_query (SbClusterIndex *self,
                        double          zoom,
                        double          min_x,
                        double          min_y,
                        double          max_x,
                        double          max_y,
                        GArray         *clusters)
{
  int level = sb_cluster_index_level_for_zoom (zoom);
  GArray *ids;
  guint bits = CELL_BITS (level), shift = level_shift (level);
  guint32 cx0, cx1, cy0, cy1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (clusters != NULL);

  ids = self->levels[level];
  if (ids == NULL || ids->len == 0 || min_x > max_x || min_y > max_y)
    return;

  cx0 = cell_of (min_x, bits);
  cx1 = cell_of (max_x, bits);
  cy0 = cell_of (min_y, bits);
  cy1 = cell_of (max_y, bits);

  /* A box of more cells than the level has nodes: reading them all is quicker. */
  if ((guint64) (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > ids->len / 8)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          const Node *node = &self->nodes[g_array_index (ids, guint32, i)];
          SbCluster cluster;

          if (node->count == 0 || node->x < min_x || node->x > max_x || node->y < min_y || node->y > max_y)
            continue;
          fill_cluster (self, g_array_index (ids, guint32, i), &cluster);
          g_array_append_val (clusters, cluster);
        }
      return;
    }

  for (guint32 cy = cy0; cy <= cy1; cy++)
    for (guint32 cx = cx0; cx <= cx1; cx++)
      {
        guint64 cell = morton (cx, cy);

        for (guint i = lower_bound (self->nodes, ids, shift, cell);
             i < ids->len && (self->nodes[g_array_index (ids, guint32, i)].key >> shift) == cell; i++)
          {
            guint32 id = g_array_index (ids, guint32, i);
            const Node *node = &self->nodes[id];
            SbCluster cluster;

            if (node->count == 0 || node->x < min_x || node->x > max_x || node->y < min_y || node->y > max_y)
              continue;
            fill_cluster (self, id, &cluster);
            g_array_append_val (clusters, cluster);
          }
      }
}

/**
 * sb_cluster_index_locate:
 * @x: (in): where the point with @id is
 *
 * Finds the cluster that shows the point @id at @zoom.
 *
 * Returns: %TRUE if the index holds the point
 */
/* The site of the place (x, y), or NONE. */
static guint32
find_site (SbClusterIndex *self,
           double          x,
           double          y)
{
  GArray *sites = self->levels[SB_CLUSTER_SITE_LEVEL];
  guint64 key = key_of (x, y, SITE_BITS);

  for (guint i = lower_bound (self->nodes, sites, 0, key >> SITE_SHIFT);
       i < sites->len && self->nodes[g_array_index (sites, guint32, i)].key == key >> SITE_SHIFT; i++)
    {
      const Node *site = &self->nodes[g_array_index (sites, guint32, i)];

      if (key_of (site->x, site->y, SITE_BITS) == key)
        return g_array_index (sites, guint32, i);
    }

  return NONE;
}

/* Where @id is among the points of @site, or NONE. */
static guint32
find_point (SbClusterIndex *self,
            guint32         site,
            guint32         id)
{
  const Node *node = &self->nodes[site];

  for (guint p = node->first_point; p < node->first_point + node->count; p++)
    if (self->ids[p] == id)
      return p;

  return NONE;
}

gboolean
sb_cluster_index_locate (SbClusterIndex *self,
                         double          zoom,
                         double          x,
                         double          y,
                         guint32         id,
                         SbCluster      *cluster)
{
  guint32 found;
  int level = sb_cluster_index_level_for_zoom (zoom);

  g_return_val_if_fail (self != NULL, FALSE);

  found = find_site (self, x, y);
  if (found == NONE || find_point (self, found, id) == NONE)
    return FALSE;

  while (self->nodes[found].parent != NONE && self->nodes[self->nodes[found].parent].level >= level)
    found = self->nodes[found].parent;

  fill_cluster (self, found, cluster);
  return TRUE;
}

/**
 * sb_cluster_index_get_cluster:
 * @node: a cluster's node, as found before
 *
 * Reads a cluster again after points were added or removed: where it is
 * now, how many it holds.
 *
 * Returns: %FALSE if it holds nothing any more, and is not shown
 */
gboolean
sb_cluster_index_get_cluster (SbClusterIndex *self,
                              guint32         node,
                              SbCluster      *cluster)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node < self->n_nodes, FALSE);

  if (self->nodes[node].count == 0)
    return FALSE;

  fill_cluster (self, node, cluster);
  return TRUE;
}

/**
 * sb_cluster_index_get_expansion_zoom:
 *
 * Returns: the zoom at which @node splits into smaller clusters, or -1
 *   for a place, which never does
 */
int
sb_cluster_index_get_expansion_zoom (SbClusterIndex *self,
                                     guint32         node)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (node < self->n_nodes, -1);

  if (self->nodes[node].first_point != NONE)
    return -1;

  return self->nodes[node].level + 1;
}

typedef void (*SiteFunc) (SbClusterIndex *self,
                          const Node     *site,
                          gpointer        user_data);

/* Depth first without recursion: a cluster may hold a million sites. */
static void
foreach_site (SbClusterIndex *self,
              guint32         root,
              SiteFunc        func,
              gpointer        user_data)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32));

  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      guint32 id = g_array_index (stack, guint32, stack->len - 1);
      const Node *node = &self->nodes[id];

      g_array_set_size (stack, stack->len - 1);
      if (node->first_point != NONE)
        {
          func (self, node, user_data);
          continue;
        }

      for (guint32 child = node->first_child; child != NONE; child = self->nodes[child].next_sibling)
        g_array_append_val (stack, child);
    }
}

typedef struct
{
  GArray *ids;
  guint limit;
} IdsData;

static void
collect_ids (SbClusterIndex *self,
             const Node     *site,
             gpointer        user_data)
{
  IdsData *data = user_data;

  for (guint p = site->first_point; p < site->first_point + site->count && data->ids->len < data->limit; p++)
    g_array_append_val (data->ids, self->ids[p]);
}

/**
 * sb_cluster_index_get_ids:
 * @limit: the most ids to append
 * @ids: (element-type guint32): where to append the ids of @node's points
 */
void
sb_cluster_index_get_ids (SbClusterIndex *self,
                          guint32         node,
                          guint           limit,
                          GArray         *ids)
{
  IdsData data = { ids, ids->len + limit };

  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);

  foreach_site (self, node, collect_ids, &data);
}

static void
extend_extent (SbClusterIndex *self,
               const Node     *site,
               gpointer        user_data)
{
  double *box = user_data;

  box[0] = MIN (box[0], site->x);
  box[1] = MIN (box[1], site->y);
  box[2] = MAX (box[2], site->x);
  box[3] = MAX (box[3], site->y);
}

/**
 * sb_cluster_index_get_extent:
 *
 * Gets the box of the places of @node's points.
 */
void
sb_cluster_index_get_extent (SbClusterIndex *self,
                             guint32         node,
                             double         *min_x,
                             double         *min_y,
                             double         *max_x,
                             double         *max_y)
{
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);

  foreach_site (self, node, extend_extent, box);
  *min_x = box[0];
  *min_y = box[1];
  *max_x = box[2];
  *max_y = box[3];
}

/* @node and the clusters over it gain (@sign 1) or lose (-1) the point
 * at (x, y), @marked or not, and their centres move with it.
 */
static void
weigh (SbClusterIndex *self,
       guint32         node,
       double          x,
       double          y,
       int             sign,
       gboolean        marked)
{
  for (; node != NONE; node = self->nodes[node].parent)
    {
      Node *n = &self->nodes[node];
      double count = n->count;

      if (marked && sign > 0)
        n->n_marked++;
      else if (marked && n->n_marked > 0)
        n->n_marked--;

      if (sign < 0 && n->count <= 1)
        n->count = n->n_marked = 0;
      else if (sign > 0 && n->count == 0)
        {
          n->x = x;
          n->y = y;
          n->count = 1;
        }
      else
        {
          n->x = (n->x * count + sign * x) / (count + sign);
          n->y = (n->y * count + sign * y) / (count + sign);
          n->count += sign;
        }
    }
}

/**
 * sb_cluster_index_remove_point:
 * @x: (in): where the point with @id is
 * @marked: whether it was added marked
 *
 * Takes the point @id out of the index, on the main thread: its site and
 * the clusters over it are lighter by one; empty, they are not found.
 *
 * Returns: %TRUE if the index held the point
 */
gboolean
sb_cluster_index_remove_point (SbClusterIndex *self,
                               double          x,
                               double          y,
                               guint32         id,
                               gboolean        marked)
{
  guint32 site, at;
  Node *node;

  g_return_val_if_fail (self != NULL, FALSE);

  site = find_site (self, x, y);
  if (site == NONE || (at = find_point (self, site, id)) == NONE)
    return FALSE;

  node = &self->nodes[site];
  self->ids[at] = self->ids[node->first_point + node->count - 1];
  weigh (self, site, node->x, node->y, -1, marked);
  self->n_points--;

  return TRUE;
}

/* Puts @node into @level's array, in key order. */
static void
insert_into_level (SbClusterIndex *self,
                   int             level,
                   guint32         node)
{
  GArray *ids = self->levels[level];
  guint at = lower_bound (self->nodes, ids, 0, self->nodes[node].key);

  g_array_insert_val (ids, at, node);
}

/**
 * sb_cluster_index_add_point:
 * @type: below %SB_CLUSTER_MAX_TYPES
 * @marked: whether the clusters over it count it as marked
 *
 * Adds a point to the index, on the main thread: to the site at its place
 * if there is one (and the clusters over it), else as a site of its own
 * shown at every level.
 */
void
sb_cluster_index_add_point (SbClusterIndex *self,
                            double          x,
                            double          y,
                            guint32         id,
                            guint8          type,
                            gboolean        marked)
{
  guint32 site, first;
  Node *node;

  g_return_if_fail (self != NULL);

  site = find_site (self, x, y);

  /* The points of a site lie together: they move to the end, with it. */
  first = self->n_ids;
  if (site != NONE)
    {
      node = &self->nodes[site];
      self->ids = g_renew (guint32, self->ids, self->n_ids + node->count + 1);
      memcpy (self->ids + first, self->ids + node->first_point, node->count * sizeof (guint32));
      self->ids[first + node->count] = id;
      self->n_ids += node->count + 1;
      node->first_point = first;
      weigh (self, site, x, y, 1, marked);
      self->n_points++;
      return;
    }

  self->ids = g_renew (guint32, self->ids, self->n_ids + 1);
  self->ids[self->n_ids++] = id;

  self->nodes = g_renew (Node, self->nodes, self->n_nodes + 1);
  site = self->n_nodes++;
  node = &self->nodes[site];
  memset (node, 0, sizeof *node);
  node->x = x;
  node->y = y;
  node->key = key_of (x, y, SITE_BITS) >> SITE_SHIFT;
  node->count = 1;
  node->n_marked = marked ? 1 : 0;
  node->parent = NONE;
  node->first_child = NONE;
  node->next_sibling = NONE;
  node->first_point = first;
  node->level = 0;
  node->dominant = MIN (type, SB_CLUSTER_MAX_TYPES - 1);
  node->dominant_percent = 100;

  /* Levels that share one array take the site once. */
  for (int level = SB_CLUSTER_SITE_LEVEL; level >= 0; level--)
    {
      if (level < SB_CLUSTER_SITE_LEVEL && self->levels[level] == self->levels[level + 1])
        continue;
      insert_into_level (self, level, site);
    }

  self->n_points++;
}

/* briefing-generator.h
 *
 * Random briefings that the loader accepts, for property tests: every
 * kind of statement and every form of text, date, quantity and geometry
 * the format allows, with strings full of what breaks writers (quotes,
 * backslashes, control characters, markup, emoji, right-to-left text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint n_sources;
  guint n_actors;
  guint n_places;
  guint n_statements;      /* of each kind */
  guint n_steps;
  guint max_ring_points;   /* the largest polygon ring */
} BriefingShape;

char *briefing_generator_write (guint32              seed,
                                const BriefingShape *shape,
                                gsize               *length);

G_END_DECLS

/* acled-generator.h
 *
 * ACLED-style CSV exports of any size for tests and benchmarks: events
 * over six years at places gathered around towns of the Sahel, a few
 * places busy and most quiet, as real exports are.
 */

#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

void acled_generator_write (FILE    *out,
                            guint    n_rows,
                            guint    n_locations,
                            guint32  seed);

G_END_DECLS

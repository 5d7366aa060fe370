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

/* How the file is written: as ACLED writes it, or as it arrives after a
 * spreadsheet (Windows-1252, Excel's dates, CRLF). The events are the
 * same either way.
 */
typedef enum
{
  ACLED_GENERATOR_CLEAN,
  ACLED_GENERATOR_SPREADSHEET,
} AcledGeneratorStyle;

void acled_generator_write        (FILE                *out,
                                   guint                n_rows,
                                   guint                n_locations,
                                   guint32              seed);
void acled_generator_write_styled (FILE                *out,
                                   guint                n_rows,
                                   guint                n_locations,
                                   guint32              seed,
                                   AcledGeneratorStyle  style);

G_END_DECLS

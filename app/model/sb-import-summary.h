/* sb-import-summary.h
 *
 * What an import made of one file, and what it could not: the honest
 * counts the import's toast, dialog and `sahelbrief --check` show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_IMPORT_SUMMARY (sb_import_summary_get_type ())
#define SB_N_PROBLEM_CODES (SB_PROBLEM_TOO_MANY_PROBLEMS + 1)

typedef enum
{
  SB_IMPORT_FORMAT_UNKNOWN,
  SB_IMPORT_FORMAT_BRIEFING,
  SB_IMPORT_FORMAT_ACLED,
  SB_IMPORT_FORMAT_UCDP,
  SB_IMPORT_FORMAT_GEOJSON,
} SbImportFormat;

/* Read-only once the import returns it. */
typedef struct
{
  char *name;                        /* the file's name, valid UTF-8 */
  SbImportFormat format;
  char *encoding;                    /* as the file was read, e.g. "UTF-8" */

  guint n_records;                   /* rows or features read */
  guint n_merged;                    /* rows merged into another row's event */
  guint n_skipped;                   /* rows or features left out */
  guint skipped[SB_N_PROBLEM_CODES]; /* of those, by the reason */
  guint n_warnings;                  /* problems that left nothing out */

  guint n_items[SB_N_ITEM_KINDS];    /* statements made */
  guint n_reference;                 /* reference places and areas made */
  guint n_actors;                    /* actors first named in this file */
  guint n_places;                    /* places made for it */

  gboolean monadic;                  /* one row per actor (ACLED) */
  char *name_key;                    /* the property places for reference are named by */
  GPtrArray *name_keys;              /* of char *: those they could be named by */
  GPtrArray *notes;                  /* of char *: how the file was read */
  GPtrArray *problems;               /* of SbProblem, at most 100 */
} SbImportSummary;

GType            sb_import_summary_get_type    (void) G_GNUC_CONST;
SbImportSummary *sb_import_summary_new         (const char            *name,
                                                SbImportFormat         format);
SbImportSummary *sb_import_summary_ref         (SbImportSummary       *self);
void             sb_import_summary_unref       (SbImportSummary       *self);
gboolean         sb_import_summary_made_anything (const SbImportSummary *self);
char            *sb_import_summary_to_line     (const SbImportSummary *self);
char            *sb_import_summary_to_text     (const SbImportSummary *self);
const char      *sb_import_format_get_name     (SbImportFormat         format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbImportSummary, sb_import_summary_unref)

G_END_DECLS

/* sb-gazetteer.h
 *
 * Places a briefing can be placed at without a network: Natural Earth's
 * countries, first-level regions of the Sahel and its neighbours, and
 * towns, with their Dutch and French names, plus the briefing's own
 * places. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-name-match.h"
#include "sb-place.h"

G_BEGIN_DECLS

typedef enum
{
  SB_GAZETTEER_BRIEFING,   /* a place of the briefing itself */
  SB_GAZETTEER_COUNTRY,
  SB_GAZETTEER_PLACE,      /* a town or city */
  SB_GAZETTEER_REGION,     /* a first-level region (admin-1) */
} SbGazetteerKind;

typedef struct
{
  SbGazetteerKind kind;
  char *name;
  char **other_names;      /* in other languages and spellings */
  double latitude;
  double longitude;
  char *country;           /* ISO 3166-1 alpha-2, nullable */
  int rank;                /* 0 first */
  double reach_km;         /* how far a region or country reaches from its point */
  SbPlace *place;          /* the briefing's place, for SB_GAZETTEER_BRIEFING */
  char *country_code;      /* its country's ISO 3166-1 alpha-3, as briefings write it; nullable */
  gboolean near_only;      /* a briefing's place known only to be within reach_km of its point, under a
                            * name no town of the gazetteer has there ("Téra", near Niamey) */
} SbGazetteerEntry;

/* A place named in a text, at byte offsets in it. */
typedef struct
{
  gsize start;
  gsize end;
  SbGazetteerEntry *entry;
} SbGazetteerMention;

#define SB_TYPE_GAZETTEER_ENTRY (sb_gazetteer_entry_get_type ())
#define SB_TYPE_GAZETTEER (sb_gazetteer_get_type ())

GType             sb_gazetteer_entry_get_type  (void) G_GNUC_CONST;
SbGazetteerEntry *sb_gazetteer_entry_copy      (const SbGazetteerEntry *self);
void              sb_gazetteer_entry_free      (SbGazetteerEntry       *self);
SbPlacePrecision  sb_gazetteer_entry_get_precision (const SbGazetteerEntry *self);
SbGazetteerEntry *sb_gazetteer_entry_new_for_place (SbPlace               *place);

G_DECLARE_FINAL_TYPE (SbGazetteer, sb_gazetteer, SB, GAZETTEER, GObject)

SbGazetteer      *sb_gazetteer_new_from_bytes  (GBytes       *tsv,
                                                GError      **error);
SbGazetteer      *sb_gazetteer_get_default     (void);
guint             sb_gazetteer_get_n_entries   (SbGazetteer  *self);
GPtrArray        *sb_gazetteer_search          (SbGazetteer  *self,
                                                const char   *query,
                                                SbBriefing   *briefing,
                                                guint         max_results);
GArray           *sb_gazetteer_find_in_text    (SbGazetteer  *self,
                                                const char   *text);
GPtrArray        *sb_gazetteer_find_mentions   (SbGazetteer  *self,
                                                const char   *text,
                                                SbBriefing   *briefing);
void              sb_gazetteer_mention_free    (SbGazetteerMention *self);
const SbGazetteerEntry *sb_gazetteer_nearest   (SbGazetteer  *self,
                                                double        latitude,
                                                double        longitude,
                                                double        within_km);
const char       *sb_gazetteer_country_name    (SbGazetteer  *self,
                                                const char   *country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbGazetteerEntry, sb_gazetteer_entry_free)

gboolean                sb_gazetteer_text_says_near (const char *text);

G_END_DECLS

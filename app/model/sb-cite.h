/* sb-cite.h
 *
 * Citing a passage of a source: the quote taken from the selected text,
 * the certainty its wording suggests, and the one edit that makes a new
 * statement or figure of it, or adds it to what is selected. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"
#include "sb-edit.h"
#include "sb-gazetteer.h"
#include "sb-name-match.h"

G_BEGIN_DECLS

typedef enum
{
  SB_CITE_END_NONE,
  SB_CITE_END_ORIGIN,
  SB_CITE_END_DESTINATION,
} SbCiteEnd;

SbCertainty  sb_cite_suggest_certainty (const char             *passage,
                                        const char             *language,
                                        gboolean               *obvious);
gboolean     sb_cite_says_near         (SbItem                 *item);
SbActor     *sb_cite_suggest_claimant  (SbBriefing             *briefing,
                                        const char             *passage,
                                        const char             *language);
SbCiteEnd    sb_cite_route_end         (const char             *text,
                                        gsize                   name_start,
                                        const char             *language);
void         sb_cite_suggest_route     (const char             *text,
                                        const char             *language,
                                        const SbGazetteerMention *mentions,
                                        guint                   n_mentions,
                                        int                     chosen,
                                        int                    *origin,
                                        int                    *destination);
gboolean     sb_cite_quote_range       (const char             *text,
                                        glong                   start_char,
                                        glong                   end_char,
                                        gsize                  *start,
                                        gsize                  *end);
SbCitation  *sb_cite_citation          (SbSource               *source,
                                        const char             *quote,
                                        gssize                  at);
gssize       sb_cite_locate            (const SbCitation       *citation,
                                        const char             *text);
void         sb_cite_sentence_around   (const char             *text,
                                        gsize                   start,
                                        gsize                   end,
                                        gsize                  *sentence_start,
                                        gsize                  *sentence_end);
SbEdit      *sb_cite_new_item          (SbBriefing             *briefing,
                                        SbItemKind              kind,
                                        SbSource               *source,
                                        const char             *quote,
                                        gssize                  at,
                                        SbActor                *actor,
                                        const SbGazetteerEntry *place);
SbEdit      *sb_cite_new_movement      (SbBriefing             *briefing,
                                        SbSource               *source,
                                        const char             *quote,
                                        gssize                  at,
                                        SbActor                *actor,
                                        const SbGazetteerEntry *origin,
                                        const SbGazetteerEntry *destination);
SbEdit      *sb_cite_new_figure        (SbBriefing             *briefing,
                                        SbActor                *actor,
                                        SbSource               *source,
                                        const char             *quote,
                                        gssize                  at);
gboolean     sb_cite_can_cite          (SbEntity               *entity);
SbEdit      *sb_cite_add_citation      (SbEntity               *entity,
                                        SbSource               *source,
                                        const char             *quote,
                                        gssize                  at,
                                        GError                **error);
SbEdit      *sb_cite_add_relation_citation
                                       (SbActor                *actor,
                                        guint                   index,
                                        SbCitation             *citation,
                                        GError                **error);
SbEdit      *sb_cite_place             (SbBriefing             *briefing,
                                        SbItem                 *item,
                                        guint                   field,
                                        const SbGazetteerEntry *entry,
                                        SbPlacePrecision        precision,
                                        double                  radius_km);
SbEdit      *sb_cite_place_at          (SbBriefing             *briefing,
                                        SbItem                 *item,
                                        guint                   field,
                                        double                  latitude,
                                        double                  longitude);
SbEdit      *sb_cite_place_named       (SbBriefing             *briefing,
                                        SbItem                 *item,
                                        guint                   field,
                                        const char             *name,
                                        const SbGazetteerEntry *where,
                                        SbPlacePrecision        precision,
                                        double                  radius_km);
SbGazetteerEntry *sb_cite_entry_at     (double                  latitude,
                                        double                  longitude);
SbEdit      *sb_cite_move              (SbBriefing             *briefing,
                                        SbItem                 *item,
                                        double                  latitude,
                                        double                  longitude);
SbEdit      *sb_cite_draw_movement     (SbBriefing             *briefing,
                                        SbItem                 *movement,
                                        double                  from_latitude,
                                        double                  from_longitude,
                                        double                  to_latitude,
                                        double                  to_longitude);
SbEdit      *sb_cite_set_outline       (SbItem                 *area,
                                        const double           *points,
                                        guint                   n_points);

G_END_DECLS

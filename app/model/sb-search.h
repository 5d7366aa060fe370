/* sb-search.h
 *
 * Search over a briefing's actors, statements, places and source texts,
 * within what the filters show.
 */

#pragma once

#include "sb-selection.h"
#include "sb-source.h"

G_BEGIN_DECLS

typedef enum
{
  SB_SEARCH_ACTOR,
  SB_SEARCH_ITEM,
  SB_SEARCH_PLACE,
  SB_SEARCH_SOURCE_TEXT,
} SbSearchKind;

typedef struct
{
  SbSearchKind kind;
  SbEntity *entity;        /* unowned: the briefing's */
  SbCitation *passage;     /* for source text: the match, as a citation */
  char *snippet;           /* for source text: the match in context */
} SbSearchResult;

GPtrArray *sb_search_run                  (SbSelection *selection,
                                           const char  *query,
                                           guint        max_per_kind);
gboolean   sb_search_find_case_insensitive (const char *text,
                                            const char *needle,
                                            gsize       from,
                                            gsize      *match_start,
                                            gsize      *match_end);

G_END_DECLS

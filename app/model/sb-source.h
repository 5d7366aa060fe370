/* sb-source.h
 *
 * An article or document the briefing draws on, with its full text.
 */

#pragma once

#include "sb-date.h"
#include "sb-entity.h"
#include "sb-text.h"

G_BEGIN_DECLS

#define SB_TYPE_SOURCE (sb_source_get_type ())

G_DECLARE_FINAL_TYPE (SbSource, sb_source, SB, SOURCE, SbEntity)

SbText       *sb_source_get_title     (SbSource *self);
const char   *sb_source_get_publisher (SbSource *self);
gboolean      sb_source_same_publisher (SbSource *a,
                                        SbSource *b);
const char   *sb_source_get_author    (SbSource *self);
const SbDate *sb_source_get_date      (SbSource *self);
const char   *sb_source_get_language  (SbSource *self);
const char   *sb_source_get_url       (SbSource *self);
const char   *sb_source_get_text      (SbSource *self);
SbText       *sb_source_get_note      (SbSource *self);

G_END_DECLS

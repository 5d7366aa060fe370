/* sb-element-reader.h
 *
 * Reads the elements of a briefing into model objects. Private to the
 * loader.
 */

#pragma once

#include "sb-json-reader.h"
#include "sb-model-private.h"

G_BEGIN_DECLS

gboolean  sb_read_format (SbReader           *reader,
                          SbJsonObject         *root);
void      sb_read_header (SbReader           *reader,
                          SbJsonObject         *root,
                          SbBriefingContents *contents);
SbSource *sb_read_source (SbReader           *reader,
                          SbJsonObject         *object);
SbActor  *sb_read_actor  (SbReader           *reader,
                          SbJsonObject         *object);
SbPlace  *sb_read_place  (SbReader           *reader,
                          SbJsonObject         *object);
SbItem   *sb_read_item   (SbReader           *reader,
                          SbJsonObject         *object,
                          SbItemKind          kind);
SbStep   *sb_read_step   (SbReader           *reader,
                          SbJsonObject         *object);

G_END_DECLS

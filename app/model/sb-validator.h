/* sb-validator.h
 *
 * The checks that need the whole briefing read: references between
 * objects, and quotes against their sources.
 */

#pragma once

#include "sb-json-reader.h"
#include "sb-model-private.h"

G_BEGIN_DECLS

void sb_validator_check (SbReader           *reader,
                         SbBriefingContents *contents);

G_END_DECLS

/* sb-json-builder.h
 *
 * json-glib nodes straight from text that sb_json_syntax_check() has
 * accepted.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sb-json-syntax.h"

G_BEGIN_DECLS

JsonNode *sb_json_build (const char *data,
                         SbJsonSpan  span);

G_END_DECLS

/* sb-validator.h
 *
 * The checks that need more than one value: references between objects,
 * and quotes against their sources; and their messages.
 */

#pragma once

#include "sb-json-reader.h"

G_BEGIN_DECLS

void sb_validator_report_unknown       (SbReader   *reader,
                                        const char *path,
                                        const char *id,
                                        GType       type);
void sb_validator_report_wrong_kind    (SbReader   *reader,
                                        const char *path,
                                        const char *id,
                                        GType       type,
                                        const char *defined_at);
void sb_validator_report_missing_quote (SbReader   *reader,
                                        SbCitation *citation);
void sb_validator_finish               (SbReader   *reader);

G_END_DECLS

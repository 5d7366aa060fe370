/* sb-validator.h
 *
 * The problems of references between objects and of quotes against their
 * sources, in words, at their JSON paths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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

G_END_DECLS

/* sb-reference-reader.h
 *
 * Reading ids, references and citations of a briefing, checked against
 * what has been read. Private to the loader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-json-reader.h"

G_BEGIN_DECLS

char       *sb_reader_get_id           (SbReader      *self,
                                        SbJsonObject    *object);
gboolean    sb_reader_get_reference    (SbReader      *self,
                                        SbJsonObject    *object,
                                        const char    *member,
                                        SbPresence     presence,
                                        GType          type,
                                        gpointer      *slot);
GPtrArray  *sb_reader_get_references   (SbReader      *self,
                                        SbJsonObject    *object,
                                        const char    *member,
                                        GType          type);
SbCitation *sb_reader_read_citation    (SbReader      *self,
                                        SbJsonNode      *node);
GPtrArray  *sb_reader_get_citations    (SbReader      *self,
                                        SbJsonObject    *object,
                                        const char    *member,
                                        SbPresence     presence);
void        sb_reader_get_evidence     (SbReader      *self,
                                        SbJsonObject    *object,
                                        SbEvidence    *evidence);
void        sb_reader_resolve_deferred (SbReader      *self);

G_END_DECLS

/* sb-extract-text.h
 *
 * What a document says of itself and its text, as every reader gives it
 * back: title, publisher, author, date, language, address and the text as
 * a source keeps it (paragraphs separated by one blank line, no white
 * space at the ends of lines); and plain text read as such.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-date.h"

G_BEGIN_DECLS

#define SB_EXTRACT_ERROR (sb_extract_error_quark ())

typedef enum
{
  SB_EXTRACT_ERROR_EMPTY,       /* no text in it */
  SB_EXTRACT_ERROR_FORMAT,      /* not a document of a kind read here */
  SB_EXTRACT_ERROR_DAMAGED,     /* of that kind, but unreadable */
  SB_EXTRACT_ERROR_HTTP,        /* the server answered with an error */
  SB_EXTRACT_ERROR_TOO_LARGE,
} SbExtractError;

typedef struct
{
  char *title;
  char *publisher;
  char *author;
  SbDate date;
  char *language;
  char *url;
  char *text;
} SbExtract;

GQuark     sb_extract_error_quark   (void);
SbExtract *sb_extract_new           (void);
void       sb_extract_free          (SbExtract   *self);

SbExtract *sb_extract_from_text     (const char  *data,
                                     gssize       length,
                                     GError     **error);

char      *sb_extract_tidy_text     (const char  *text);
char      *sb_extract_headline      (const char  *text);
gboolean   sb_extract_parse_date    (const char  *string,
                                     SbDate      *date);
gboolean   sb_extract_text_date     (const char  *text,
                                     const SbDate *today,
                                     SbDate      *date);
void       sb_extract_read_text_date (SbExtract  *extract);
char      *sb_extract_text_publisher (const char  *text);
void       sb_extract_read_text_publisher (SbExtract *extract);
const char *sb_extract_guess_language (const char *text);
void       sb_extract_read_text_language (SbExtract *extract);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbExtract, sb_extract_free)

G_END_DECLS

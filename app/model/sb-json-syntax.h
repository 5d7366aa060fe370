/* sb-json-syntax.h
 *
 * A strict check of JSON syntax (RFC 8259) before json-glib sees the text:
 * json-glib 1.6 also reads comments, single quotes, hexadecimal and octal
 * numbers and lone surrogates, and recurses without a limit. The check
 * also finds the top-level members and the elements of top-level arrays,
 * so that the loader can parse a large briefing one element at a time.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize start;             /* byte offsets: [start, end) */
  gsize end;
} SbJsonSpan;

typedef struct
{
  char *name;              /* decoded */
  SbJsonSpan value;
  GArray *elements;        /* of SbJsonSpan when the value is an array, else NULL */
} SbJsonMember;

typedef struct
{
  gboolean root_is_object;
  gboolean empty;          /* only white space */
  GArray *members;         /* of SbJsonMember, in file order */
  gsize error_offset;
  char *error_message;
  gboolean too_deep;
} SbJsonOutline;

gboolean sb_json_syntax_check  (const char    *data,
                                gsize          length,
                                guint          max_depth,
                                SbJsonOutline *outline);
gboolean sb_json_syntax_check_value (const char *data,
                                     gsize       length,
                                     guint       max_depth);
void     sb_json_outline_clear (SbJsonOutline *outline);

G_END_DECLS

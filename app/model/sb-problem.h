/* sb-problem.h
 *
 * One thing wrong with a briefing file, and where.
 */

#pragma once

#include <glib-object.h>

#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_PROBLEM (sb_problem_get_type ())

/* Read-only once reported. */
typedef struct
{
  SbProblemCode code;
  char *path;              /* JSON path such as "$.incidents[3].place", or NULL */
  guint line;              /* 1-based; 0 when unknown */
  guint column;            /* 1-based, in characters; 0 when unknown */
  char *message;
} SbProblem;

GType       sb_problem_get_type      (void) G_GNUC_CONST;
SbProblem  *sb_problem_new           (SbProblemCode    code,
                                      const char      *path,
                                      const char      *message);
SbProblem  *sb_problem_new_for_io_error (const GError *error);
SbProblem  *sb_problem_copy          (const SbProblem *self);
void        sb_problem_free          (SbProblem       *self);
const char *sb_problem_code_to_nick  (SbProblemCode    code);
char       *sb_problem_to_string     (const SbProblem *self,
                                      const char      *filename);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbProblem, sb_problem_free)

G_END_DECLS

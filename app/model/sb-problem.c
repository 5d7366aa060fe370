/* sb-problem.c
 *
 * One thing wrong with a briefing file, where it is, and the line that
 * says it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-problem"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "sb-enums.h"
#include "sb-problem.h"

G_DEFINE_BOXED_TYPE (SbProblem, sb_problem, sb_problem_copy, sb_problem_free)

SbProblem *
sb_problem_new (SbProblemCode  code,
                const char    *path,
                const char    *message)
{
  SbProblem *self;

  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (SbProblem, 1);
  self->code = code;
  self->path = g_strdup (path);
  self->message = g_strdup (message);

  return self;
}

/**
 * sb_problem_new_for_io_error:
 *
 * Returns: (transfer full): a problem reading a file, in words for the
 *   person who gave it; the file is named where the problem is shown
 */
SbProblem *
sb_problem_new_for_io_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return sb_problem_new (SB_PROBLEM_IO, NULL, _("there is no such file; it may have been moved, renamed or deleted"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return sb_problem_new (SB_PROBLEM_IO, NULL, _("you are not allowed to read this file"));

  return sb_problem_new (SB_PROBLEM_IO, NULL, error->message);
}

SbProblem *
sb_problem_copy (const SbProblem *self)
{
  SbProblem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sb_problem_new (self->code, self->path, self->message);
  copy->line = self->line;
  copy->column = self->column;

  return copy;
}

void
sb_problem_free (SbProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

const char *
sb_problem_code_to_nick (SbProblemCode code)
{
  return sb_enum_to_nick (SB_TYPE_PROBLEM_CODE, code);
}

/**
 * sb_problem_to_string:
 * @filename: (nullable): the file the problem is in
 *
 * Returns: the problem in the "FILE:LINE:COLUMN: code: path: message"
 *   form that editors and CI logs link to their place
 */
char *
sb_problem_to_string (const SbProblem *self,
                      const char      *filename)
{
  GString *string;

  g_return_val_if_fail (self != NULL, NULL);

  string = g_string_new (filename);

  if (filename != NULL)
    {
      if (self->line > 0)
        g_string_append_printf (string, ":%u:%u", self->line, MAX (self->column, 1));
      g_string_append (string, ": ");
    }

  g_string_append_printf (string, "%s: ", sb_problem_code_to_nick (self->code));

  if (self->path != NULL)
    g_string_append_printf (string, "%s: ", self->path);

  g_string_append (string, self->message);

  return g_string_free (string, FALSE);
}

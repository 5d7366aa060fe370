/* sb-import-summary.c
 *
 * The counts are kept whole however many problems there are: the list
 * stops at 100, "623 rows skipped" does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-import-summary.h"
#include "sb-problem.h"

G_DEFINE_BOXED_TYPE (SbImportSummary, sb_import_summary, sb_import_summary_ref, sb_import_summary_unref)

static void
summary_clear (SbImportSummary *self)
{
  g_free (self->name);
  g_free (self->encoding);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->problems);
  g_free (self->name_key);
  g_ptr_array_unref (self->name_keys);
}

/**
 * sb_import_summary_new:
 * @name: the file's name, shown in messages
 *
 * Returns: (transfer full): an empty summary
 */
SbImportSummary *
sb_import_summary_new (const char     *name,
                       SbImportFormat  format)
{
  SbImportSummary *self = g_atomic_rc_box_new0 (SbImportSummary);

  self->name = g_utf8_make_valid (name ? name : "", -1);
  self->format = format;
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);
  self->name_keys = g_ptr_array_new_with_free_func (g_free);

  return self;
}

SbImportSummary *
sb_import_summary_ref (SbImportSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
sb_import_summary_unref (SbImportSummary *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) summary_clear);
}

/**
 * sb_import_summary_made_anything:
 *
 * Returns: whether the file gave any statement or reference place
 */
gboolean
sb_import_summary_made_anything (const SbImportSummary *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    if (self->n_items[i] > 0)
      return TRUE;

  return self->n_reference > 0;
}

/**
 * sb_import_format_get_name:
 *
 * Returns: what the format is called, "ACLED export" or "GeoJSON"
 */
const char *
sb_import_format_get_name (SbImportFormat format)
{
  switch (format)
    {
    case SB_IMPORT_FORMAT_BRIEFING:
      return _("SahelBrief briefing");
    case SB_IMPORT_FORMAT_ACLED:
      return _("ACLED export");
    case SB_IMPORT_FORMAT_UCDP:
      return _("UCDP GED");
    case SB_IMPORT_FORMAT_GEOJSON:
      return _("GeoJSON");
    case SB_IMPORT_FORMAT_UNKNOWN:
    default:
      return _("unknown format");
    }
}

/* "14 rows read" or "14 features read". */
static void
append_records (GString               *out,
                const SbImportSummary *self)
{
  if (self->format == SB_IMPORT_FORMAT_GEOJSON)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u feature read", "%u features read",
                                              self->n_records),
                            self->n_records);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u row read", "%u rows read", self->n_records),
                            self->n_records);
}

/* "3 skipped (1 bad-date, 2 duplicate-id)", the reasons most frequent
 * first.
 */
static void
append_skipped (GString               *out,
                const SbImportSummary *self)
{
  gboolean done[SB_N_PROBLEM_CODES] = { FALSE, };

  g_string_append_printf (out, _("%u skipped"), self->n_skipped);
  if (self->n_skipped == 0)
    return;

  g_string_append (out, " (");
  for (;;)
    {
      int best = -1;

      for (int code = 0; code < SB_N_PROBLEM_CODES; code++)
        if (!done[code] && self->skipped[code] > 0 && (best < 0 || self->skipped[code] > self->skipped[best]))
          best = code;

      if (best < 0)
        break;

      done[best] = TRUE;
      if (out->str[out->len - 1] != '(')
        g_string_append (out, ", ");
      g_string_append_printf (out, "%u %s", self->skipped[best], sb_problem_code_to_nick (best));
    }
  g_string_append_c (out, ')');
}

/**
 * sb_import_summary_to_line:
 *
 * Returns: (transfer full): one line, as `sahelbrief --check` ends each
 *   file with: "12 incidents, 5 actors, 0 areas, 7 places; 14 rows read,
 *   2 merged (monadic export), 1 skipped (1 bad-date)"
 */
char *
sb_import_summary_to_line (const SbImportSummary *self)
{
  GString *out;
  guint n_statements = 0;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    if (i != SB_ITEM_KIND_INCIDENT && i != SB_ITEM_KIND_AREA)
      n_statements += self->n_items[i];

  out = g_string_new (NULL);

  /* Refused whole: the problem above says why. */
  if (!sb_import_summary_made_anything (self))
    {
      g_string_append (out, _("nothing imported"));
      if (self->n_records > 0)
        {
          g_string_append (out, "; ");
          append_records (out, self);
          g_string_append (out, ", ");
          append_skipped (out, self);
        }
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents",
                                            self->n_items[SB_ITEM_KIND_INCIDENT]),
                          self->n_items[SB_ITEM_KIND_INCIDENT]);
  if (n_statements > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u other statement", "%u other statements",
                                                n_statements), n_statements);
    }
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", self->n_actors),
                          self->n_actors);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u area", "%u areas",
                                            self->n_items[SB_ITEM_KIND_AREA]),
                          self->n_items[SB_ITEM_KIND_AREA]);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places", self->n_places),
                          self->n_places);
  if (self->n_reference > 0)
    {
      g_string_append (out, " ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "(%u for reference)", "(%u for reference)",
                                                self->n_reference), self->n_reference);
    }

  g_string_append (out, "; ");
  append_records (out, self);

  if (self->n_merged > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, _("%u merged (monadic export)"), self->n_merged);
    }

  g_string_append (out, ", ");
  append_skipped (out, self);

  if (self->n_warnings > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", self->n_warnings),
                              self->n_warnings);
    }

  return g_string_free (out, FALSE);
}

/**
 * sb_import_summary_to_text:
 *
 * Returns: (transfer full): what the import made and left out, and how the
 *   file was read, in sentences for the import's dialog
 */
char *
sb_import_summary_to_text (const SbImportSummary *self)
{
  g_autofree char *line = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  line = sb_import_summary_to_line (self);
  out = g_string_new (NULL);
  g_string_append_printf (out, _("“%s” (%s): %s."), self->name, sb_import_format_get_name (self->format), line);

  for (guint i = 0; i < self->notes->len; i++)
    g_string_append_printf (out, "\n%s", (const char *) g_ptr_array_index (self->notes, i));

  return g_string_free (out, FALSE);
}

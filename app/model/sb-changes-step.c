/* sb-changes-step.c
 *
 * "5 new incidents, 2 revised, 1 withdrawn since 14 August 2022": the
 * caption is made in each of the briefing's languages from the app's own
 * catalogues (sb-catalog.c), whatever the interface's language, so that
 * a Dutch briefing presented from a French desktop still speaks Dutch.
 * What was withdrawn is no longer in the briefing: it is counted, not
 * highlighted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-changes-step"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-changes-step.h"
#include "sb-item.h"
#include "sb-step.h"

static const char *month_names[] = {
  NC_ ("month", "January"), NC_ ("month", "February"), NC_ ("month", "March"),
  NC_ ("month", "April"), NC_ ("month", "May"), NC_ ("month", "June"),
  NC_ ("month", "July"), NC_ ("month", "August"), NC_ ("month", "September"),
  NC_ ("month", "October"), NC_ ("month", "November"), NC_ ("month", "December"),
};

typedef struct
{
  guint added;
  guint changed;
  guint removed;
  gboolean only_incidents;
} Counts;

static void
count (SbComparison *comparison,
       Counts       *counts)
{
  GListModel *changes = G_LIST_MODEL (comparison);

  memset (counts, 0, sizeof *counts);
  counts->only_incidents = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(SbChange) change = g_list_model_get_item (changes, i);
      SbEntity *entity = sb_change_get_entity (change);

      if (!SB_IS_ITEM (entity))
        continue;
      if (sb_item_get_kind (SB_ITEM (entity)) != SB_ITEM_KIND_INCIDENT)
        counts->only_incidents = FALSE;
      switch (sb_change_get_kind (change))
        {
        case SB_CHANGE_ADDED:
          counts->added++;
          break;
        case SB_CHANGE_CHANGED:
          counts->changed++;
          break;
        case SB_CHANGE_REMOVED:
        default:
          counts->removed++;
          break;
        }
    }
}

/* The date of the version compared with, as precisely as it is known. */
static char *
format_since (const SbDate *date,
              const char   *language)
{
  const SbCalendarDate *day = date ? &date->start : NULL;
  const char *month;

  if (day == NULL || !sb_date_is_set (date))
    return NULL;

  switch (day->precision)
    {
    case SB_DATE_PRECISION_DAY:
      month = sb_catalog_gettext (language, "month", month_names[CLAMP (day->month, 1, 12) - 1]);
      /* TRANSLATORS: a day's date: the day of the month, the month's name, the year: "14 August 2022" */
      return g_strdup_printf (sb_catalog_gettext (language, "changes step", "%u %s %d"), day->day, month, day->year);
    case SB_DATE_PRECISION_MONTH:
      month = sb_catalog_gettext (language, "month", month_names[CLAMP (day->month, 1, 12) - 1]);
      /* TRANSLATORS: a month's date: the month's name, the year: "August 2022" */
      return g_strdup_printf (sb_catalog_gettext (language, "changes step", "%s %d"), month, day->year);
    case SB_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", day->year);
    default:
      return NULL;
    }
}

/**
 * sb_changes_step_caption:
 * @language: (nullable): a language code; %NULL for English
 *
 * Returns: (transfer full): what changed, counted in @language: "5 new
 *   incidents, 2 revised, 1 withdrawn since 14 August 2022"
 */
char *
sb_changes_step_caption (SbComparison *comparison,
                         const char   *language)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *since = NULL;
  g_autofree char *counted = NULL;
  Counts counts;

  g_return_val_if_fail (SB_IS_COMPARISON (comparison), NULL);

  count (comparison, &counts);
  if (counts.added > 0)
    g_ptr_array_add (parts, g_strdup_printf (counts.only_incidents
                                             ? sb_catalog_ngettext (language, "changes step", "%u new incident", "%u new incidents", counts.added)
                                             : sb_catalog_ngettext (language, "changes step", "%u new statement", "%u new statements", counts.added),
                                             counts.added));
  if (counts.changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (sb_catalog_ngettext (language, "changes step", "%u revised", "%u revised", counts.changed),
                                             counts.changed));
  if (counts.removed > 0)
    g_ptr_array_add (parts, g_strdup_printf (sb_catalog_ngettext (language, "changes step", "%u withdrawn", "%u withdrawn", counts.removed),
                                             counts.removed));

  if (parts->len == 0)
    counted = g_strdup (sb_catalog_gettext (language, "changes step", "Nothing new, revised or withdrawn"));
  else
    {
      g_ptr_array_add (parts, NULL);
      /* TRANSLATORS: between the counts of what changed: "5 new incidents, 2 revised" */
      counted = g_strjoinv (sb_catalog_gettext (language, "changes step", ", "), (char **) parts->pdata);
    }

  since = format_since (sb_briefing_get_date (sb_comparison_get_before (comparison)), language);
  if (since == NULL)
    return g_steal_pointer (&counted);

  /* TRANSLATORS: what changed, then since when: "5 new incidents, 2 revised since 14 August 2022" */
  return g_strdup_printf (sb_catalog_gettext (language, "changes step", "%s since %s"), counted, since);
}

static void
add_language (GPtrArray  *languages,
              const char *code)
{
  if (code != NULL && *code != '\0' &&
      !g_ptr_array_find_with_equal_func (languages, code, g_str_equal, NULL))
    g_ptr_array_add (languages, (char *) code);
}

/* The briefing's own language, then those its title and captions are in. */
static GPtrArray *
briefing_languages (SbBriefing *briefing)
{
  GPtrArray *languages = g_ptr_array_new ();
  SbText *title = sb_briefing_get_title (briefing);
  GListModel *steps = sb_briefing_get_steps (briefing);

  add_language (languages, sb_briefing_get_language (briefing));
  for (guint i = 0; title != NULL && i < sb_text_get_n_languages (title); i++)
    add_language (languages, sb_text_get_language_at (title, i));
  for (guint i = 0; steps != NULL && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SbStep) step = g_list_model_get_item (steps, i);
      SbText *caption = sb_step_get_caption (step);

      for (guint j = 0; caption != NULL && j < sb_text_get_n_languages (caption); j++)
        add_language (languages, sb_text_get_language_at (caption, j));
    }
  if (languages->len == 0)
    g_ptr_array_add (languages, (char *) "en");

  return languages;
}

/**
 * sb_changes_step_new_edit:
 * @briefing: the briefing compared (the comparison's after), to add it to
 * @position: where among the steps; -1 for the end
 *
 * Returns: (transfer full): one edit that adds a step framing and
 *   highlighting the statements added and changed, titled and captioned
 *   in each of @briefing's languages
 */
SbEdit *
sb_changes_step_new_edit (SbComparison *comparison,
                          SbBriefing   *briefing,
                          int           position)
{
  g_autoptr(GPtrArray) languages = NULL;
  g_autoptr(GPtrArray) highlight = g_ptr_array_new ();
  g_autoptr(SbText) title = NULL;
  g_autoptr(SbText) caption = NULL;
  GListModel *changes = G_LIST_MODEL (comparison);
  SbEdit *edit;
  SbEntity *step;

  g_return_val_if_fail (SB_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  languages = briefing_languages (briefing);
  for (guint i = 0; i < languages->len; i++)
    {
      const char *language = g_ptr_array_index (languages, i);
      g_autofree char *text = sb_changes_step_caption (comparison, language);
      const char *heading = sb_catalog_gettext (language, "changes step", "What Changed");

      if (title == NULL)
        {
          title = sb_text_new (language, heading);
          caption = sb_text_new (language, text);
        }
      else
        {
          sb_text_add (title, language, heading);
          sb_text_add (caption, language, text);
        }
    }

  /* What is in the briefing now: the new and the changed. */
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(SbChange) change = g_list_model_get_item (changes, i);
      SbEntity *entity;

      if (sb_change_get_kind (change) == SB_CHANGE_REMOVED || !SB_IS_ITEM (sb_change_get_entity (change)))
        continue;
      entity = sb_briefing_lookup (briefing, sb_change_get_id (change));
      if (entity != NULL && SB_IS_ITEM (entity))
        g_ptr_array_add (highlight, entity);
    }

  edit = sb_edit_new_add_step (briefing, position, title);
  sb_edit_set_label (edit, _("Add a Changes Step"));
  step = sb_edit_get_entity (edit);
  sb_edit_group_add (edit, sb_edit_new_set_text (step, SB_STEP_FIELD_CAPTION, caption));
  if (highlight->len > 0)
    sb_edit_group_add (edit, sb_edit_new_set_array (step, SB_STEP_FIELD_HIGHLIGHT, highlight));
  sb_edit_set_select (edit, step);

  return edit;
}

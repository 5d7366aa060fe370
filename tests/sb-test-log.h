/* sb-test-log.h
 *
 * Warnings stay fatal in the GUI tests, but for one that libadwaita 1.6
 * and 1.7 cause themselves: their message dialog measures its large
 * heading label narrower than the label's minimum width, and GTK 4.18
 * warns about it, whatever the heading says. Criticals stay fatal always.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <stdlib.h>

static gboolean
sb_test_log_is_dialog_heading_warning (const char *message)
{
  static const char prefix[] = "Trying to measure GtkLabel 0x";
  GtkWidget *label;
  GtkRoot *root;

  if (message == NULL || !g_str_has_prefix (message, prefix))
    return FALSE;

  /* The warning names the label by its address. */
  label = (GtkWidget *) (gsize) g_ascii_strtoull (message + sizeof prefix - 3, NULL, 16);
  if (!GTK_IS_LABEL (label) || (root = gtk_widget_get_root (label)) == NULL)
    return FALSE;

  return ADW_IS_MESSAGE_DIALOG (root) &&
         gtk_widget_get_parent (label) != NULL &&
         g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (label)), "AdwGizmo");
}

static GLogWriterOutput
sb_test_log_writer (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      message = fields[i].value;

  static gboolean noted;

  if ((level & G_LOG_LEVEL_WARNING) && sb_test_log_is_dialog_heading_warning (message))
    {
      if (!noted)
        g_printerr ("# libadwaita's message dialog warns about its own heading; not fatal\n");
      noted = TRUE;
      return G_LOG_WRITER_HANDLED;
    }

  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & G_LOG_LEVEL_WARNING)
    abort ();

  return G_LOG_WRITER_HANDLED;
}

/* Call after gtk_test_init () and adw_init (). */
static inline void
sb_test_log_init (void)
{
  if (adw_get_major_version () != 1 || adw_get_minor_version () < 6)
    return;

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (sb_test_log_writer, NULL, NULL);
}

/* sb-file-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @file is %NULL when the person cancelled. */
typedef void (*SbFileChosenFunc) (GFile    *file,
                                  gpointer  user_data);

GtkFileFilter *sb_file_filter_new  (const char    *name,
                                    const char    *mime_type,
                                    ...) G_GNUC_NULL_TERMINATED;
GListModel    *sb_file_filters_new (GtkFileFilter *first,
                                    ...) G_GNUC_NULL_TERMINATED;

void sb_file_chooser_open (GtkWindow        *parent,
                           const char       *title,
                           const char       *accept_label,
                           GListModel       *filters,
                           SbFileChosenFunc  callback,
                           gpointer          user_data);
void sb_file_chooser_save (GtkWindow        *parent,
                           const char       *title,
                           GFile            *folder,
                           const char       *suggested_name,
                           GListModel       *filters,
                           SbFileChosenFunc  callback,
                           gpointer          user_data);

void   sb_file_chooser_answer_for_testing    (GFile       *file);
GFile *sb_file_chooser_get_asked_for_testing (const char **name);

G_END_DECLS

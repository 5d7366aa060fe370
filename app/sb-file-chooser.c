/* sb-file-chooser.c
 *
 * The file chooser of the running GTK: GtkFileDialog where there is one,
 * GtkFileChooserNative on GTK 4.8. Both go through the portal in a
 * sandbox. The callback gets the file, or NULL when cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-file-chooser.h"

typedef struct
{
  SbFileChosenFunc callback;
  gpointer user_data;
  gboolean save;
  GFile *folder;           /* nullable: where a save starts */
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->folder);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* Tests answer for the person: no dialog, which Xvfb could not drive;
 * what a save dialog would have started with is kept for them to see.
 */
static GFile *answer_for_testing;
static GFile *asked_folder_for_testing;
static char *asked_name_for_testing;

static gboolean
answer_from_test (gpointer data)
{
  g_autoptr(Request) request = data;
  g_autoptr(GFile) file = g_steal_pointer (&answer_for_testing);

  request->callback (file, request->user_data);
  return G_SOURCE_REMOVE;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_dialog_done (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(Request) request = data;
  g_autoptr(GFile) file = NULL;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (request->save)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
G_GNUC_END_IGNORE_DEPRECATIONS

  request->callback (file, request->user_data);
}

static void
choose (GtkWindow        *parent,
        const char       *title,
        const char       *accept_label,
        const char       *suggested_name,
        GListModel       *filters,
        Request          *request)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (accept_label != NULL)
    gtk_file_dialog_set_accept_label (dialog, accept_label);
  if (filters != NULL && g_list_model_get_n_items (filters) > 0)
    {
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

      gtk_file_dialog_set_filters (dialog, filters);
      gtk_file_dialog_set_default_filter (dialog, first);
    }

  if (request->save)
    {
      if (request->folder != NULL)
        gtk_file_dialog_set_initial_folder (dialog, request->folder);
      gtk_file_dialog_set_initial_name (dialog, suggested_name);
      gtk_file_dialog_save (dialog, parent, NULL, on_dialog_done, request);
    }
  else
    gtk_file_dialog_open (dialog, parent, NULL, on_dialog_done, request);
G_GNUC_END_IGNORE_DEPRECATIONS
}
#else
static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         data)
{
  g_autoptr(Request) request = data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  request->callback (file, request->user_data);
  g_object_unref (dialog);
}

static void
choose (GtkWindow        *parent,
        const char       *title,
        const char       *accept_label,
        const char       *suggested_name,
        GListModel       *filters,
        Request          *request)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent,
                                         request->save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                       : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept_label, _("_Cancel"));
  for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (request->save && request->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), request->folder, NULL);
  if (request->save && suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
#endif

/**
 * sb_file_chooser_open:
 * @accept_label: (nullable): the button that chooses, with a mnemonic
 * @filters: (nullable): of #GtkFileFilter; the first is the default
 *
 * Asks for an existing file.
 */
void
sb_file_chooser_open (GtkWindow        *parent,
                      const char       *title,
                      const char       *accept_label,
                      GListModel       *filters,
                      SbFileChosenFunc  callback,
                      gpointer          user_data)
{
  Request *request = g_new0 (Request, 1);

  request->callback = callback;
  request->user_data = user_data;
  if (answer_for_testing != NULL)
    g_idle_add (answer_from_test, request);
  else
    choose (parent, title, accept_label ? accept_label : _("_Open"), NULL, filters, request);
}

/**
 * sb_file_chooser_save:
 * @folder: (nullable): where to start
 * @filters: (nullable): of #GtkFileFilter; the first is the default
 *
 * Asks where to save, suggesting @suggested_name in @folder.
 */
void
sb_file_chooser_save (GtkWindow        *parent,
                      const char       *title,
                      GFile            *folder,
                      const char       *suggested_name,
                      GListModel       *filters,
                      SbFileChosenFunc  callback,
                      gpointer          user_data)
{
  Request *request = g_new0 (Request, 1);

  request->callback = callback;
  request->user_data = user_data;
  request->save = TRUE;
  request->folder = folder ? g_object_ref (folder) : NULL;
  if (answer_for_testing != NULL)
    {
      g_set_object (&asked_folder_for_testing, folder);
      g_free (asked_name_for_testing);
      asked_name_for_testing = g_strdup (suggested_name);
      g_idle_add (answer_from_test, request);
    }
  else
    choose (parent, title, _("_Save"), suggested_name, filters, request);
}

/**
 * sb_file_chooser_answer_for_testing:
 * @file: (nullable): what the next chooser returns at once, as if chosen
 */
void
sb_file_chooser_answer_for_testing (GFile *file)
{
  g_set_object (&answer_for_testing, file);
}

/**
 * sb_file_chooser_get_asked_for_testing:
 * @name: (out) (optional) (transfer none): the name the last save dialog
 *   answered for a test suggested
 *
 * Returns: (nullable) (transfer none): the folder it started in
 */
GFile *
sb_file_chooser_get_asked_for_testing (const char **name)
{
  if (name != NULL)
    *name = asked_name_for_testing;
  return asked_folder_for_testing;
}

/**
 * sb_file_filter_new:
 * @mime_type: (nullable): a MIME type the filter takes
 * @...: file name suffixes without the dot, then %NULL
 *
 * Returns: (transfer full): a filter named @name
 */
GtkFileFilter *
sb_file_filter_new (const char *name,
                    const char *mime_type,
                    ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  va_start (args, mime_type);
  for (const char *suffix = va_arg (args, const char *); suffix != NULL; suffix = va_arg (args, const char *))
    gtk_file_filter_add_suffix (filter, suffix);
  va_end (args);

  return filter;
}

/**
 * sb_file_filters_new:
 * @first: (transfer full): the default filter
 * @...: (transfer full): more filters, then %NULL
 *
 * Returns: (transfer full): a list of the filters, for the choosers above
 */
GListModel *
sb_file_filters_new (GtkFileFilter *first,
                     ...)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  va_list args;

  va_start (args, first);
  for (GtkFileFilter *filter = first; filter != NULL; filter = va_arg (args, GtkFileFilter *))
    {
      g_list_store_append (filters, filter);
      g_object_unref (filter);
    }
  va_end (args);

  return G_LIST_MODEL (filters);
}

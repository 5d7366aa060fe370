/* sb-webdav-browser.c
 *
 * The list of a WebDAV folder's entries under Open Location's address:
 * folders open in place, a briefing chosen is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-webdav-browser"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-webdav.h"
#include "sb-webdav-browser.h"

struct _SbWebdavBrowser
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *status;
  GtkListBox *list;
  GtkWidget *scrolled;

  GCancellable *cancellable;
  char *folder;
  GPtrArray *entries;      /* of SbWebdavEntry, as listed */
};

G_DEFINE_FINAL_TYPE (SbWebdavBrowser, sb_webdav_browser, GTK_TYPE_WIDGET)

enum {
  FOLDER_CHANGED,
  FILE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_entry (const SbWebdavEntry *entry)
{
  g_autofree char *date = entry->modified ? g_date_time_format (entry->modified, "%x %X") : NULL;
  g_autofree char *size = entry->size >= 0 ? g_format_size (entry->size) : NULL;

  if (entry->is_folder)
    return date ? g_strdup_printf (_("Folder · %s"), date) : g_strdup (_("Folder"));
  if (date && size)
    /* TRANSLATORS: a file in a server's folder: its date, then its size */
    return g_strdup_printf (_("%s · %s"), date, size);

  return g_strdup (date ? date : size ? size : "");
}

static void
clear_list (SbWebdavBrowser *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
show_status (SbWebdavBrowser *self,
             const char      *text,
             gboolean         error)
{
  gtk_label_set_text (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
}

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SbWebdavBrowser) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = sb_webdav_list_finish (result, &error);
  guint shown = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (entries == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_ref (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      SbWebdavEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *subtitle = describe_entry (entry);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (entry->is_folder ? "folder-symbolic"
                                                                       : "text-x-generic-symbolic");

      /* A name from the server is text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "entry", entry);
      gtk_list_box_append (self->list, row);
      shown++;
    }

  gtk_widget_set_visible (self->scrolled, shown > 0);
  show_status (self, shown == 0 ? _("The folder is empty") : NULL, FALSE);
}

/**
 * sb_webdav_browser_list:
 * @folder_uri: the address of a folder on a WebDAV server
 */
void
sb_webdav_browser_list (SbWebdavBrowser *self,
                        const char      *folder_uri)
{
  g_return_if_fail (SB_IS_WEBDAV_BROWSER (self));
  g_return_if_fail (folder_uri != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->folder);
  self->folder = g_str_has_suffix (folder_uri, "/") ? g_strdup (folder_uri) : g_strconcat (folder_uri, "/", NULL);
  clear_list (self);
  gtk_widget_set_visible (self->scrolled, FALSE);
  show_status (self, _("Listing the folder…"), FALSE);
  g_signal_emit (self, signals[FOLDER_CHANGED], 0, self->folder);

  sb_webdav_list_async (self->folder, self->cancellable, on_listed, g_object_ref (self));
}

const char *
sb_webdav_browser_get_folder (SbWebdavBrowser *self)
{
  g_return_val_if_fail (SB_IS_WEBDAV_BROWSER (self), NULL);

  return self->folder;
}

gboolean
sb_webdav_browser_is_busy (SbWebdavBrowser *self)
{
  g_return_val_if_fail (SB_IS_WEBDAV_BROWSER (self), FALSE);

  return self->cancellable != NULL;
}

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  SbWebdavBrowser *self)
{
  SbWebdavEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  g_autofree char *uri = NULL;

  if (entry == NULL)
    return;

  uri = g_strdup (entry->uri);
  if (entry->is_folder)
    sb_webdav_browser_list (self, uri);
  else
    g_signal_emit (self, signals[FILE_ACTIVATED], 0, uri);
}

GtkWidget *
sb_webdav_browser_new (void)
{
  return g_object_new (SB_TYPE_WEBDAV_BROWSER, NULL);
}

static void
sb_webdav_browser_dispose (GObject *object)
{
  SbWebdavBrowser *self = SB_WEBDAV_BROWSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_webdav_browser_parent_class)->dispose (object);
}

static void
sb_webdav_browser_class_init (SbWebdavBrowserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sb_webdav_browser_dispose;

  signals[FOLDER_CHANGED] = g_signal_new ("folder-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FILE_ACTIVATED] = g_signal_new ("file-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-webdav-browser");
}

static void
sb_webdav_browser_init (SbWebdavBrowser *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  self->scrolled = gtk_scrolled_window_new ();

  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);

  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Folder on the server"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled), 300);
  gtk_widget_set_visible (self->scrolled, FALSE);

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (self->box), self->scrolled);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

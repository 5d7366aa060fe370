/* sb-webdav-browser.h
 *
 * A folder on a WebDAV server as Open Location lists it: its briefings
 * and folders with their dates and sizes; a folder chosen is listed in
 * turn, a briefing chosen is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SB_TYPE_WEBDAV_BROWSER (sb_webdav_browser_get_type ())

G_DECLARE_FINAL_TYPE (SbWebdavBrowser, sb_webdav_browser, SB, WEBDAV_BROWSER, GtkWidget)

GtkWidget  *sb_webdav_browser_new      (void);
void        sb_webdav_browser_list     (SbWebdavBrowser *self,
                                        const char      *folder_uri);
const char *sb_webdav_browser_get_folder (SbWebdavBrowser *self);
gboolean    sb_webdav_browser_is_busy  (SbWebdavBrowser *self);

G_END_DECLS

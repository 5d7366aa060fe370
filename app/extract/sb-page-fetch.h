/* sb-page-fetch.h
 *
 * Fetches a web page (or a PDF or text document) by its address and
 * reads it as Add Source shows it: see sb-extract.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-extract.h"

G_BEGIN_DECLS

void       sb_page_fetch_async              (const char          *address,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
SbExtract *sb_page_fetch_finish             (GAsyncResult        *result,
                                             GError             **error);

void       sb_page_fetch_set_timeout_for_testing (guint seconds);

G_END_DECLS

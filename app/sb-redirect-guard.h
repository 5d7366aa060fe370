/* sb-redirect-guard.h
 *
 * A server on the internet is never followed into a private or local
 * network (a router's page, a cloud machine's 169.254.169.254): every
 * request the app sends to a server it was given (Open Location, the
 * team's WebDAV server) carries this guard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

GCancellable *sb_redirect_guard_attach                 (SoupMessage  *message,
                                                        GCancellable *cancellable);
const char   *sb_redirect_guard_get_refused            (SoupMessage  *message);
void          sb_redirect_guard_set_public_for_testing (const char   *mask);

G_END_DECLS

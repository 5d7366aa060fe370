/* sb-server-auth.h
 *
 * Passwords for the team's server, as the server asks for them: Digest,
 * or Basic over https only. A password is looked up in the desktop's
 * keyring (libsecret), else asked for; one the server accepts is kept in
 * the keyring, never in settings or logs. A wrong one is asked for again;
 * a cancelled prompt fails the request with 401, which callers report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

void        sb_server_auth_attach       (SoupMessage *message);
const char *sb_server_auth_get_refusal  (SoupMessage *message);
void        sb_server_auth_set_parent   (GtkWindow   *parent);

G_END_DECLS

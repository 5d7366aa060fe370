/* sb-redirect-guard.c
 *
 * The first connection tells whether the server is on the public
 * internet. A redirect from there to an address literal that is not
 * public is refused before it connects; to a name, once connected, by the
 * address it resolved to, before the request goes out. Refusing cancels
 * the message's cancellable, so it fails as cancelled and the caller asks
 * sb_redirect_guard_get_refused() why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-redirect-guard"

#include "config.h"

#include <string.h>

#include "sb-redirect-guard.h"

#define GUARD_KEY "sb-redirect-guard"

static GInetAddressMask *public_for_testing;

typedef struct
{
  GCancellable *cancellable;      /* the message's, cancelled on a refusal */
  GCancellable *caller;
  gulong caller_id;
  guint n_starts;
  gboolean origin_public;
  char *refused;
} Guard;

static void
guard_free (Guard *guard)
{
  g_cancellable_disconnect (guard->caller, guard->caller_id);
  g_clear_object (&guard->caller);
  g_clear_object (&guard->cancellable);
  g_free (guard->refused);
  g_free (guard);
}

/* Not on the public internet: a private, local or special network. */
static gboolean
is_public_address (GInetAddress *address)
{
  const guint8 *bytes = g_inet_address_to_bytes (address);
  g_autoptr(GInetAddress) embedded = NULL;

  if (public_for_testing != NULL && g_inet_address_mask_matches (public_for_testing, address))
    return TRUE;

  /* ::ffff:a.b.c.d is the IPv4 address a.b.c.d. */
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6
      && memcmp (bytes, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0)
    {
      embedded = g_inet_address_new_from_bytes (bytes + 12, G_SOCKET_FAMILY_IPV4);
      return is_public_address (embedded);
    }

  if (g_inet_address_get_is_any (address) || g_inet_address_get_is_loopback (address)
      || g_inet_address_get_is_link_local (address) || g_inet_address_get_is_site_local (address)
      || g_inet_address_get_is_multicast (address))
    return FALSE;

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    /* 0.0.0.0/8, and 100.64.0.0/10 behind carrier-grade NAT. */
    return bytes[0] != 0 && !(bytes[0] == 100 && (bytes[1] & 0xc0) == 64);

  /* Unique local addresses, fc00::/7. */
  return (bytes[0] & 0xfe) != 0xfc;
}

/* Returns: whether @host is an address literal that is not public */
static gboolean
is_private_literal (const char *host)
{
  g_autoptr(GInetAddress) address = host ? g_inet_address_new_from_string (host) : NULL;

  return address != NULL && !is_public_address (address);
}

static void
refuse (Guard      *guard,
        const char *host)
{
  if (guard->refused == NULL)
    guard->refused = g_strdup (host);
  g_cancellable_cancel (guard->cancellable);
}

/* A redirect, before it connects: an address literal is judged now. */
static void
on_restarted (SoupMessage *message,
              Guard       *guard)
{
  const char *host = g_uri_get_host (soup_message_get_uri (message));

  if (guard->origin_public && is_private_literal (host))
    refuse (guard, host);
}

/* Connected, before the request goes out: the address connected to. */
static void
on_starting (SoupMessage *message,
             Guard       *guard)
{
  GSocketAddress *remote = soup_message_get_remote_address (message);
  GInetAddress *address = NULL;
  gboolean is_public;

  if (remote != NULL && G_IS_INET_SOCKET_ADDRESS (remote))
    address = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote));
  is_public = address != NULL ? is_public_address (address)
                              : !is_private_literal (g_uri_get_host (soup_message_get_uri (message)));

  if (guard->n_starts++ == 0)
    {
      guard->origin_public = is_public;
      return;
    }

  if (guard->origin_public && !is_public)
    {
      g_autofree char *text = address ? g_inet_address_to_string (address) : NULL;
      g_autofree char *where = NULL;
      const char *host = g_uri_get_host (soup_message_get_uri (message));

      where = text && g_strcmp0 (host, text) != 0 ? g_strdup_printf ("%s (%s)", host, text) : g_strdup (host);
      refuse (guard, where);
    }
}

static void
on_caller_cancelled (GCancellable *caller,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/**
 * sb_redirect_guard_attach:
 * @cancellable: (nullable): the caller's, which cancels the message too
 *
 * Guards @message; send it with the cancellable returned, which a
 * refused redirect cancels.
 *
 * Returns: (transfer none): the message's cancellable, as long as the
 *   message lives
 */
GCancellable *
sb_redirect_guard_attach (SoupMessage  *message,
                          GCancellable *cancellable)
{
  Guard *guard;

  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);
  g_return_val_if_fail (g_object_get_data (G_OBJECT (message), GUARD_KEY) == NULL, NULL);

  guard = g_new0 (Guard, 1);
  guard->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      guard->caller = g_object_ref (cancellable);
      guard->caller_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                g_object_ref (guard->cancellable), g_object_unref);
    }
  g_object_set_data_full (G_OBJECT (message), GUARD_KEY, guard, (GDestroyNotify) guard_free);
  g_signal_connect (message, "restarted", G_CALLBACK (on_restarted), guard);
  g_signal_connect (message, "starting", G_CALLBACK (on_starting), guard);

  return guard->cancellable;
}

/**
 * sb_redirect_guard_get_refused:
 *
 * Returns: (nullable): the host (and the address it resolved to) a
 *   redirect of @message was refused to
 */
const char *
sb_redirect_guard_get_refused (SoupMessage *message)
{
  Guard *guard;

  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);

  guard = g_object_get_data (G_OBJECT (message), GUARD_KEY);
  return guard ? guard->refused : NULL;
}

/**
 * sb_redirect_guard_set_public_for_testing:
 * @mask: (nullable): addresses to take as public, such as "127.0.0.2/32"
 *
 * Tests run servers on this machine; this lets one of them stand for a
 * server on the internet.
 */
void
sb_redirect_guard_set_public_for_testing (const char *mask)
{
  g_clear_object (&public_for_testing);
  if (mask != NULL)
    public_for_testing = g_inet_address_mask_new_from_string (mask, NULL);
}

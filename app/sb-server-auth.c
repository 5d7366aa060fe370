/* sb-server-auth.c
 *
 * The keyring is read in a worker (libsecret's synchronous search, which
 * also unlocks it); libsoup waits meanwhile, as it does for the prompt:
 * the "authenticate" handler keeps the SoupAuth and answers later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-server-auth"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "sb-server-auth.h"

#define REFUSAL_KEY "sb-auth-refusal"
#define GIVEN_KEY "sb-auth-given"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "com.example.SahelBrief.Server", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "realm", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static GtkWindow *parent_window;   /* (weak) */

/**
 * sb_server_auth_set_parent:
 * @parent: (nullable): the window password prompts belong to
 */
void
sb_server_auth_set_parent (GtkWindow *parent)
{
  g_set_weak_pointer (&parent_window, parent);
}

/* What the keyring or the person gave, kept until the server answers. */
typedef struct
{
  char *server;
  char *realm;
  char *user;
  char *password;
  gboolean from_keyring;
} Given;

static void
given_free (Given *given)
{
  g_free (given->server);
  g_free (given->realm);
  g_free (given->user);
  if (given->password != NULL)
    memset (given->password, 0, strlen (given->password));
  g_free (given->password);
  g_free (given);
}

static char *
server_of (SoupMessage *message)
{
  GUri *uri = soup_message_get_uri (message);

  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
}

/**
 * sb_server_auth_get_refusal:
 *
 * Returns: (nullable): why no password was sent for @message, in words
 */
const char *
sb_server_auth_get_refusal (SoupMessage *message)
{
  return g_object_get_data (G_OBJECT (message), REFUSAL_KEY);
}

static void
refuse (SoupMessage *message,
        const char  *why)
{
  g_object_set_data_full (G_OBJECT (message), REFUSAL_KEY, g_strdup (why), g_free);
}

/* Prompting */

typedef struct
{
  SoupMessage *message;
  SoupAuth *auth;
  GtkWidget *user_entry;
  GtkWidget *password_entry;
  char *server;
} Prompt;

static void
prompt_free (Prompt *prompt)
{
  g_clear_object (&prompt->message);
  g_clear_object (&prompt->auth);
  g_free (prompt->server);
  g_free (prompt);
}

static void
on_prompt_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Prompt           *prompt)
{
  if (g_str_equal (response, "log-in"))
    {
      Given *given = g_new0 (Given, 1);

      given->server = g_strdup (prompt->server);
      given->realm = g_strdup (soup_auth_get_realm (prompt->auth) ? soup_auth_get_realm (prompt->auth) : "");
      given->user = g_strdup (gtk_editable_get_text (GTK_EDITABLE (prompt->user_entry)));
      given->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (prompt->password_entry)));
      gtk_editable_set_text (GTK_EDITABLE (prompt->password_entry), "");
      g_object_set_data_full (G_OBJECT (prompt->message), GIVEN_KEY, given, (GDestroyNotify) given_free);
      soup_auth_authenticate (prompt->auth, given->user, given->password);
    }
  else
    {
      refuse (prompt->message, _("The password was not given: nothing was sent to the server"));
      soup_auth_cancel (prompt->auth);
    }

  prompt_free (prompt);
}

/* Loading asks before any window has said it is the one: the first
 * window shown. */
static GtkWindow *
any_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_APPLICATION_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
ask (SoupMessage *message,
     SoupAuth    *auth,
     const char  *user,
     gboolean     retrying)
{
  Prompt *prompt = g_new0 (Prompt, 1);
  GtkWidget *dialog, *box;
  g_autofree char *body = NULL;
  const char *realm = soup_auth_get_realm (auth);

  prompt->message = g_object_ref (message);
  prompt->auth = g_object_ref (auth);
  prompt->server = server_of (message);

  /* TRANSLATORS: the server's host name, then what it calls its protected area */
  body = g_strdup_printf (_("The server “%s” asks for a user name and password for “%s”."),
                          g_uri_get_host (soup_message_get_uri (message)), realm ? realm : "");
  if (retrying)
    {
      g_autofree char *again = g_strdup_printf ("%s\n\n%s", body, _("The server did not accept the last password. Try again."));

      g_free (body);
      body = g_steal_pointer (&again);
    }

  dialog = adw_message_dialog_new (parent_window ? parent_window : any_window (), _("Password Needed"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  prompt->user_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (prompt->user_entry), _("User name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (prompt->user_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("User name"), -1);
  if (user != NULL)
    gtk_editable_set_text (GTK_EDITABLE (prompt->user_entry), user);
  prompt->password_entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (prompt->password_entry), TRUE);
  g_object_set (prompt->password_entry, "placeholder-text", _("Password"), "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (prompt->password_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Password"), -1);
  gtk_box_append (GTK_BOX (box), prompt->user_entry);
  gtk_box_append (GTK_BOX (box), prompt->password_entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "log-in", _("_Log In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "log-in", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "log-in");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_prompt_response), prompt);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (user != NULL ? prompt->password_entry : prompt->user_entry);
}

/* The keyring */

typedef struct
{
  SoupMessage *message;
  SoupAuth *auth;
  char *server;
  char *realm;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->message);
  g_clear_object (&lookup->auth);
  g_free (lookup->server);
  g_free (lookup->realm);
  g_free (lookup);
}

static void
lookup_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  g_autoptr(GError) error = NULL;
  GList *found;
  Given *given = NULL;

  found = secret_password_search_sync (get_schema (), SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                                       cancellable, &error,
                                       "server", lookup->server, "realm", lookup->realm, NULL);
  if (error != NULL)
    g_debug ("No keyring to look in: %s", error->message);

  if (found != NULL)
    {
      SecretRetrievable *item = found->data;
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (item);
      g_autoptr(SecretValue) value = secret_retrievable_retrieve_secret_sync (item, cancellable, NULL);

      if (value != NULL && g_hash_table_lookup (attributes, "user") != NULL)
        {
          given = g_new0 (Given, 1);
          given->server = g_strdup (lookup->server);
          given->realm = g_strdup (lookup->realm);
          given->user = g_strdup (g_hash_table_lookup (attributes, "user"));
          given->password = g_strdup (secret_value_get_text (value));
          given->from_keyring = TRUE;
        }
    }
  g_list_free_full (found, g_object_unref);

  g_task_return_pointer (task, given, (GDestroyNotify) given_free);
}

static void
on_looked_up (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Lookup *lookup = g_task_get_task_data (G_TASK (result));
  Given *given = g_task_propagate_pointer (G_TASK (result), NULL);

  if (given != NULL && given->password != NULL)
    {
      g_object_set_data_full (G_OBJECT (lookup->message), GIVEN_KEY, given, (GDestroyNotify) given_free);
      soup_auth_authenticate (lookup->auth, given->user, given->password);
      return;
    }

  g_clear_pointer (&given, given_free);
  ask (lookup->message, lookup->auth, NULL, FALSE);
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_debug ("The password could not be kept in the keyring: %s", error->message);
}

/* Accepted: kept for next time. */
static void
on_finished (SoupMessage *message)
{
  Given *given = g_object_get_data (G_OBJECT (message), GIVEN_KEY);
  guint status = soup_message_get_status (message);
  g_autofree char *label = NULL;

  if (given == NULL || given->from_keyring || status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_NONE)
    return;

  /* TRANSLATORS: the keyring item's name: "SahelBrief: analyst on dav.example.org:443" */
  label = g_strdup_printf (_("SahelBrief: %s on %s"), given->user, given->server);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, given->password, NULL,
                         on_stored, NULL,
                         "server", given->server, "realm", given->realm, "user", given->user,
                         NULL);
}

static gboolean
on_authenticate (SoupMessage *message,
                 SoupAuth    *auth,
                 gboolean     retrying)
{
  GUri *uri = soup_message_get_uri (message);
  Given *given = g_object_get_data (G_OBJECT (message), GIVEN_KEY);

  if (soup_auth_is_for_proxy (auth))
    return FALSE;

  /* Basic sends the password as it is: only inside https. */
  if (g_ascii_strcasecmp (soup_auth_get_scheme_name (auth), "Basic") == 0 &&
      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
    {
      refuse (message, _("The server asks for the password unencrypted (Basic over http): it was not sent. Use an https address, or a server that asks with Digest."));
      return FALSE;
    }

  if (retrying || given != NULL)
    {
      ask (message, auth, given ? given->user : NULL, TRUE);
      return TRUE;
    }

  {
    Lookup *lookup = g_new0 (Lookup, 1);
    g_autoptr(GTask) task = g_task_new (NULL, NULL, on_looked_up, NULL);

    lookup->message = g_object_ref (message);
    lookup->auth = g_object_ref (auth);
    lookup->server = server_of (message);
    lookup->realm = g_strdup (soup_auth_get_realm (auth) ? soup_auth_get_realm (auth) : "");
    g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
    g_task_run_in_thread (task, lookup_in_thread);
  }

  return TRUE;
}

/**
 * sb_server_auth_attach:
 *
 * Answers @message's requests for a password: from the keyring, else
 * from the person.
 */
void
sb_server_auth_attach (SoupMessage *message)
{
  g_return_if_fail (SOUP_IS_MESSAGE (message));

  g_signal_connect (message, "authenticate", G_CALLBACK (on_authenticate), NULL);
  g_signal_connect (message, "finished", G_CALLBACK (on_finished), NULL);
}

/* sb-webdav.c
 *
 * Apache gives a file changed within the last second a weak ETag
 * (W/"…"), and a weak ETag never satisfies If-Match. The strong form of
 * the same tag is sent instead: it matches once the second has passed,
 * and if the file changed meanwhile its tag changed too. A save refused
 * only because the tag was still weak (the server's tag is ours) is
 * tried again a second later.
 *
 * A message restarted to answer the server's password request must be
 * given its body again (see set_body()).
 *
 * Apache does not say the new ETag in its answer to PUT: a HEAD asks for
 * it, and it is kept only if the file there has the length just written;
 * otherwise no ETag is kept and the next save is refused as a conflict
 * rather than risk replacing a colleague's version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-webdav"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sb-download.h"
#include "sb-remote-briefing.h"
#include "sb-server-auth.h"
#include "sb-webdav.h"

#define MAX_LISTING_SIZE (16 * 1024 * 1024)
#define MAX_ANSWER_SIZE (1024 * 1024)      /* to a PUT or a HEAD */
#define DEADLINE_SECONDS (30 * 60)
#define WEAK_RETRY_MS 1100

G_DEFINE_QUARK (sb-webdav-error-quark, sb_webdav_error)

void
sb_webdav_entry_free (SbWebdavEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->name);
  g_free (entry->uri);
  g_clear_pointer (&entry->modified, g_date_time_unref);
  g_free (entry);
}

static char *
server_name (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  if (parsed == NULL || g_uri_get_host (parsed) == NULL)
    return g_strdup (uri);
  if (g_uri_get_port (parsed) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (parsed), g_uri_get_port (parsed));
  return g_strdup (g_uri_get_host (parsed));
}

/* A transport failure in words: a limit of the download (a redirect
 * refused, an answer too large), or the server cannot be reached. */
static GError *
transport_error (const char *uri,
                 GError     *error)
{
  g_autofree char *server = server_name (uri);

  if (error->domain == SB_DOWNLOAD_ERROR)
    return g_error_new_literal (SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  return g_error_new (SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_UNREACHABLE,
                      _("The server “%s” cannot be reached: %s"), server, error->message);
}

/* As every download of the app (app/net/sb-download.c), on the session
 * Open Location uses, with the password the server asks for: never
 * followed from the internet into a private network, its answer capped.
 * The download is the callback's source object. */
static void
send_message (SoupMessage         *message,
              guint64              max_answer,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  const SbDownloadLimits limits = {
    .max_size = max_answer,
    .deadline_seconds = DEADLINE_SECONDS,
    .refuse_private_redirects = TRUE,
  };
  g_autoptr(SbDownload) download = sb_download_new (sb_remote_briefing_get_session (), message, &limits);

  sb_server_auth_attach (message);
  sb_download_run_async (download, cancellable, callback, user_data);
}

static GError *
status_error (const char  *uri,
              SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  g_autofree char *server = server_name (uri);

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_PROXY_UNAUTHORIZED)
    {
      const char *refusal = sb_server_auth_get_refusal (message);

      return g_error_new (SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_AUTH, "%s",
                          refusal ? refusal : _("The server did not accept the user name and password"));
    }
  if (status == SOUP_STATUS_FORBIDDEN)
    return g_error_new (SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED,
                        _("The server “%s” does not allow this (403 Forbidden)"), server);
  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_CONFLICT)
    return g_error_new (SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED,
                        _("The folder is not on the server “%s” (%u %s)"), server, status,
                        soup_message_get_reason_phrase (message));
  if (status == SOUP_STATUS_INSUFFICIENT_STORAGE)
    return g_error_new (SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED,
                        _("The server “%s” has no room left (507 Insufficient Storage)"), server);

  return g_error_new (SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED,
                      _("The server “%s” answered %u %s"), server, status,
                      soup_message_get_reason_phrase (message));
}

/* A message restarted (to answer a password request, or redirected)
 * sends its body again: libsoup has read the stream it was given once,
 * and would send nothing, which on a PUT empties the file.
 */
static void
on_restarted (SoupMessage *message,
              GBytes      *body)
{
  soup_message_set_request_body_from_bytes (message, g_object_get_data (G_OBJECT (message), "content-type"), body);
}

static void
set_body (SoupMessage *message,
          const char  *content_type,
          GBytes      *body)
{
  g_object_set_data_full (G_OBJECT (message), "content-type", g_strdup (content_type), g_free);
  soup_message_set_request_body_from_bytes (message, content_type, body);
  g_signal_connect_data (message, "restarted", G_CALLBACK (on_restarted), g_bytes_ref (body),
                         (GClosureNotify) (void (*) (void)) g_bytes_unref, 0);
}

/* Listing */

typedef struct
{
  GUri *base;
  GPtrArray *entries;      /* of SbWebdavEntry */
  GString *text;
  char *href;
  char *name;
  char *modified;
  char *length;
  gboolean is_folder;
  gboolean prop_ok;        /* the propstat's status is 200 */
  gboolean in_prop;
  gboolean prop_is_folder;
  char *prop_name, *prop_modified, *prop_length;
} Multistatus;

static void
replace_string (char       **slot,
                const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon ? colon + 1 : element;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Multistatus *ms = user_data;
  const char *name = local_name (element);

  g_string_truncate (ms->text, 0);
  if (g_str_equal (name, "response"))
    {
      g_clear_pointer (&ms->href, g_free);
      g_clear_pointer (&ms->name, g_free);
      g_clear_pointer (&ms->modified, g_free);
      g_clear_pointer (&ms->length, g_free);
      ms->is_folder = FALSE;
    }
  else if (g_str_equal (name, "propstat"))
    {
      ms->prop_ok = FALSE;
      ms->prop_is_folder = FALSE;
      g_clear_pointer (&ms->prop_name, g_free);
      g_clear_pointer (&ms->prop_modified, g_free);
      g_clear_pointer (&ms->prop_length, g_free);
    }
  else if (g_str_equal (name, "prop"))
    ms->in_prop = TRUE;
  else if (g_str_equal (name, "collection") && ms->in_prop)
    ms->prop_is_folder = TRUE;
}

static void
add_entry (Multistatus *ms)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base_path = NULL;
  SbWebdavEntry *entry;

  if (ms->href == NULL)
    return;

  uri = g_uri_parse_relative (ms->base, g_strstrip (ms->href), G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return;

  /* The folder itself is listed too. */
  path = g_strdup (g_uri_get_path (uri));
  base_path = g_strdup (g_uri_get_path (ms->base));
  while (g_str_has_suffix (path, "/") && strlen (path) > 1)
    path[strlen (path) - 1] = '\0';
  while (g_str_has_suffix (base_path, "/") && strlen (base_path) > 1)
    base_path[strlen (base_path) - 1] = '\0';
  if (g_str_equal (path, base_path))
    return;

  entry = g_new0 (SbWebdavEntry, 1);
  entry->uri = g_uri_to_string (uri);
  entry->is_folder = ms->is_folder;
  if (ms->name != NULL && *g_strstrip (ms->name) != '\0')
    entry->name = g_strdup (ms->name);
  else
    {
      const char *slash = strrchr (path, '/');

      entry->name = g_uri_unescape_string (slash ? slash + 1 : path, NULL);
      if (entry->name == NULL)
        entry->name = g_strdup (slash ? slash + 1 : path);
    }
  entry->modified = ms->modified ? soup_date_time_new_from_http_string (g_strstrip (ms->modified)) : NULL;
  entry->size = -1;
  if (!entry->is_folder && ms->length != NULL)
    {
      guint64 size;

      if (g_ascii_string_to_unsigned (g_strstrip (ms->length), 10, 0, G_MAXINT64, &size, NULL))
        entry->size = size;
    }
  g_ptr_array_add (ms->entries, entry);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Multistatus *ms = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "href") && !ms->in_prop)
    {
      g_free (ms->href);
      ms->href = g_strdup (ms->text->str);
    }
  else if (g_str_equal (name, "displayname"))
    {
      g_free (ms->prop_name);
      ms->prop_name = g_strdup (ms->text->str);
    }
  else if (g_str_equal (name, "getlastmodified"))
    {
      g_free (ms->prop_modified);
      ms->prop_modified = g_strdup (ms->text->str);
    }
  else if (g_str_equal (name, "getcontentlength"))
    {
      g_free (ms->prop_length);
      ms->prop_length = g_strdup (ms->text->str);
    }
  else if (g_str_equal (name, "status") && !ms->in_prop)
    ms->prop_ok = strstr (ms->text->str, " 200") != NULL;
  else if (g_str_equal (name, "prop"))
    ms->in_prop = FALSE;
  else if (g_str_equal (name, "propstat") && ms->prop_ok)
    {
      ms->is_folder |= ms->prop_is_folder;
      if (ms->prop_name)
        replace_string (&ms->name, ms->prop_name);
      if (ms->prop_modified)
        replace_string (&ms->modified, ms->prop_modified);
      if (ms->prop_length)
        replace_string (&ms->length, ms->prop_length);
    }
  else if (g_str_equal (name, "response"))
    add_entry (ms);

  g_string_truncate (ms->text, 0);
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  Multistatus *ms = user_data;

  g_string_append_len (ms->text, text, text_len);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SbWebdavEntry *x = *(SbWebdavEntry **) a;
  const SbWebdavEntry *y = *(SbWebdavEntry **) b;

  if (x->is_folder != y->is_folder)
    return x->is_folder ? -1 : 1;

  return g_utf8_collate (x->name, y->name);
}

/**
 * sb_webdav_parse_multistatus:
 * @base_uri: the folder listed, which hrefs are relative to
 *
 * Reads a PROPFIND answer (RFC 4918's multistatus).
 *
 * Returns: (transfer full) (element-type SbWebdavEntry): the folder's
 *   entries, folders first, then by name
 */
GPtrArray *
sb_webdav_parse_multistatus (const char  *base_uri,
                             const char  *xml,
                             gssize       length,
                             GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  Multistatus ms = { 0, };
  GPtrArray *entries = NULL;

  g_return_val_if_fail (base_uri != NULL, NULL);
  g_return_val_if_fail (xml != NULL, NULL);

  ms.base = g_uri_parse (base_uri, G_URI_FLAGS_ENCODED, error);
  if (ms.base == NULL)
    return NULL;
  ms.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_webdav_entry_free);
  ms.text = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, 0, &ms, NULL);
  if (g_markup_parse_context_parse (context, xml, length, error) &&
      g_markup_parse_context_end_parse (context, error))
    {
      entries = g_steal_pointer (&ms.entries);
      g_ptr_array_sort (entries, compare_entries);
    }

  g_clear_pointer (&ms.entries, g_ptr_array_unref);
  g_string_free (ms.text, TRUE);
  g_uri_unref (ms.base);
  g_free (ms.href);
  g_free (ms.name);
  g_free (ms.modified);
  g_free (ms.length);
  g_free (ms.prop_name);
  g_free (ms.prop_modified);
  g_free (ms.prop_length);

  if (entries == NULL && error != NULL && *error != NULL)
    {
      g_autoptr(GError) cause = g_steal_pointer (error);

      g_set_error (error, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_NOT_WEBDAV,
                   _("The server’s list of the folder could not be read: %s"), cause->message);
    }

  return entries;
}

static const char propfind_body[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<D:propfind xmlns:D=\"DAV:\"><D:prop>"
  "<D:displayname/><D:resourcetype/><D:getlastmodified/><D:getcontentlength/>"
  "</D:prop></D:propfind>\n";

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = sb_download_run_finish (SB_DOWNLOAD (object), result, &error);
  const char *uri = g_object_get_data (G_OBJECT (task), "uri");
  g_autofree char *server = server_name (uri);
  GPtrArray *entries;

  if (body == NULL)
    {
      g_task_return_error (task, transport_error (uri, error));
      return;
    }

  if (soup_message_get_status (message) != SOUP_STATUS_MULTI_STATUS)
    {
      guint status = soup_message_get_status (message);

      if (status == SOUP_STATUS_METHOD_NOT_ALLOWED || status == SOUP_STATUS_NOT_IMPLEMENTED ||
          SOUP_STATUS_IS_SUCCESSFUL (status))
        g_task_return_new_error (task, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_NOT_WEBDAV,
                                 _("The server “%s” does not list folders (it is not a WebDAV server, or not at this address)"),
                                 server);
      else
        g_task_return_error (task, status_error (uri, message));
      return;
    }

  entries = sb_webdav_parse_multistatus (uri, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  if (entries == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * sb_webdav_list_async:
 * @folder_uri: an http or https address of a folder
 *
 * Lists the folder's briefings and folders (PROPFIND, Depth 1).
 */
void
sb_webdav_list_async (const char          *folder_uri,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GBytes) body = g_bytes_new_static (propfind_body, strlen (propfind_body));
  g_autofree char *with_slash = g_str_has_suffix (folder_uri, "/") ? g_strdup (folder_uri)
                                                                    : g_strconcat (folder_uri, "/", NULL);
  SoupMessage *message;

  g_task_set_source_tag (task, sb_webdav_list_async);

  message = soup_message_new ("PROPFIND", with_slash);
  if (message == NULL)
    {
      g_task_return_new_error (task, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED,
                               _("“%s” is not a web address"), folder_uri);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", "1");
  set_body (message, "application/xml; charset=utf-8", body);
  g_object_set_data_full (G_OBJECT (task), "uri", g_strdup (with_slash), g_free);
  g_task_set_task_data (task, message, g_object_unref);

  send_message (message, MAX_LISTING_SIZE, cancellable, on_listed, g_object_ref (task));
}

/**
 * sb_webdav_list_finish:
 *
 * Returns: (transfer full) (element-type SbWebdavEntry): the entries
 */
GPtrArray *
sb_webdav_list_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving */

typedef struct
{
  char *uri;
  GBytes *body;
  char *etag;              /* nullable: a new file */
  gboolean retried;
  char *new_etag;
  char *new_last_modified;
} Put;

static void
put_free (Put *put)
{
  g_free (put->uri);
  g_bytes_unref (put->body);
  g_free (put->etag);
  g_free (put->new_etag);
  g_free (put->new_last_modified);
  g_free (put);
}

static const char *
strong (const char *etag)
{
  return g_str_has_prefix (etag, "W/") ? etag + 2 : etag;
}

static void send_put (GTask *task);

static void
on_head (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Put *put = g_task_get_task_data (task);
  SoupMessage *message = g_object_get_data (G_OBJECT (task), "head");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = sb_download_run_finish (SB_DOWNLOAD (object), result, &error);
  SoupMessageHeaders *headers;
  const char *etag;

  /* Saved all the same: only the tag to save with next is unknown. */
  if (body == NULL || !SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  headers = soup_message_get_response_headers (message);
  etag = soup_message_headers_get_one (headers, "ETag");
  if (etag != NULL && soup_message_headers_get_content_length (headers) == (goffset) g_bytes_get_size (put->body))
    put->new_etag = g_strdup (etag);
  put->new_last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  g_task_return_boolean (task, TRUE);
}

static gboolean
retry_put (gpointer data)
{
  send_put (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* A 412 to a weak tag: is the file there still the one we saw? */
static void
on_conflict_head (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Put *put = g_task_get_task_data (task);
  SoupMessage *message = g_object_get_data (G_OBJECT (task), "head");
  g_autoptr(GBytes) body = sb_download_run_finish (SB_DOWNLOAD (object), result, NULL);
  const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag");

  if (body != NULL && etag != NULL && g_str_equal (strong (etag), strong (put->etag)) && !put->retried)
    {
      put->retried = TRUE;
      g_timeout_add (WEAK_RETRY_MS, retry_put, g_object_ref (task));
      return;
    }

  g_task_return_new_error (task, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_CONFLICT,
                           _("The briefing on the server was changed since you opened or last saved it"));
}

static void
send_head (GTask               *task,
           GAsyncReadyCallback  callback)
{
  Put *put = g_task_get_task_data (task);
  SoupMessage *head = soup_message_new (SOUP_METHOD_HEAD, put->uri);

  g_object_set_data_full (G_OBJECT (task), "head", head, g_object_unref);
  send_message (head, MAX_ANSWER_SIZE, g_task_get_cancellable (task), callback, g_object_ref (task));
}

static void
on_put (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Put *put = g_task_get_task_data (task);
  SoupMessage *message = g_object_get_data (G_OBJECT (task), "put");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = sb_download_run_finish (SB_DOWNLOAD (object), result, &error);
  guint status;

  if (answer == NULL)
    {
      g_task_return_error (task, transport_error (put->uri, error));
      return;
    }

  status = soup_message_get_status (message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag");

      if (etag != NULL)
        {
          put->new_etag = g_strdup (etag);
          put->new_last_modified = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                                           "Last-Modified"));
          g_task_return_boolean (task, TRUE);
        }
      else
        send_head (task, on_head);
      return;
    }

  if (status == SOUP_STATUS_PRECONDITION_FAILED && put->etag == NULL)
    {
      g_task_return_new_error (task, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_EXISTS,
                               _("There is already a file of that name on the server"));
      return;
    }

  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    {
      send_head (task, on_conflict_head);
      return;
    }

  g_task_return_error (task, status_error (put->uri, message));
}

static void
send_put (GTask *task)
{
  Put *put = g_task_get_task_data (task);
  SoupMessage *message = soup_message_new (SOUP_METHOD_PUT, put->uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  set_body (message, "application/json", put->body);
  if (put->etag != NULL)
    soup_message_headers_replace (headers, "If-Match", strong (put->etag));
  else
    soup_message_headers_replace (headers, "If-None-Match", "*");
  g_object_set_data_full (G_OBJECT (task), "put", message, g_object_unref);
  send_message (message, MAX_ANSWER_SIZE, g_task_get_cancellable (task), on_put, g_object_ref (task));
}

/**
 * sb_webdav_put_async:
 * @uri: the briefing's address
 * @body: what to write there
 * @etag: (nullable): the ETag of the version there that @body replaces;
 *   NULL for a new briefing, which must not replace anything
 *
 * Saves @body to @uri only if the server has the version @etag names
 * (or nothing, for a new briefing). A version changed meanwhile fails
 * with %SB_WEBDAV_ERROR_CONFLICT, a name taken with
 * %SB_WEBDAV_ERROR_EXISTS; the server is never overwritten blindly.
 */
void
sb_webdav_put_async (const char          *uri,
                     GBytes              *body,
                     const char          *etag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GUri) parsed = NULL;
  Put *put;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (body != NULL);

  g_task_set_source_tag (task, sb_webdav_put_async);
  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || (g_strcmp0 (g_uri_get_scheme (parsed), "http") != 0 &&
                         g_strcmp0 (g_uri_get_scheme (parsed), "https") != 0))
    {
      g_task_return_new_error (task, SB_WEBDAV_ERROR, SB_WEBDAV_ERROR_FAILED,
                               _("“%s” is not a web address"), uri);
      return;
    }

  put = g_new0 (Put, 1);
  put->uri = g_strdup (uri);
  put->body = g_bytes_ref (body);
  put->etag = g_strdup (etag);
  g_task_set_task_data (task, put, (GDestroyNotify) put_free);

  send_put (task);
}

/**
 * sb_webdav_put_finish:
 * @etag: (out) (optional) (nullable): the ETag of the version saved, to
 *   save with next time; NULL when the server did not tell it
 * @last_modified: (out) (optional) (nullable): its Last-Modified
 */
gboolean
sb_webdav_put_finish (GAsyncResult  *result,
                      char         **etag,
                      char         **last_modified,
                      GError       **error)
{
  Put *put;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  put = g_task_get_task_data (G_TASK (result));
  if (etag != NULL)
    *etag = g_strdup (put->new_etag);
  if (last_modified != NULL)
    *last_modified = g_strdup (put->new_last_modified);

  return TRUE;
}

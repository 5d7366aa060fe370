/* sb-extract.c
 *
 * The text of a document and what it says of itself, for Add Source: a
 * document read as what it is, plain text (sb-extract-text.c), HTML
 * (sb-extract-html.c) or PDF (sb-extract-pdf.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-extract"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sb-extract.h"
#include "sb-file-input.h"

/* A source's text is kept whole; beyond this it is not an article. */
#define MAX_DOCUMENT_SIZE (64 * 1024 * 1024)

static gboolean
is_type (const char *content_type,
         const char *name,
         const char *mime_type,
         const char *suffix)
{
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  if (content_type != NULL && g_content_type_is_mime_type (content_type, mime_type))
    return TRUE;
  return lower != NULL && g_str_has_suffix (lower, suffix);
}

/**
 * sb_extract_from_bytes:
 * @content_type: (nullable): what the server or the file system says it is
 * @name: (nullable): its file name, for its suffix
 * @address: (nullable): where it was fetched from: the address of the
 *   source, unless the document names its own
 *
 * Reads a document as what it is: PDF, HTML or plain text.
 */
SbExtract *
sb_extract_from_bytes (GBytes      *bytes,
                       const char  *content_type,
                       const char  *name,
                       const char  *address,
                       GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *guessed = NULL;
  SbExtract *extract;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (length > MAX_DOCUMENT_SIZE)
    {
      g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_TOO_LARGE,
                   _("It is larger than 64 MB: too large for the text of a source"));
      return NULL;
    }

  if (content_type == NULL || g_content_type_is_unknown (content_type) ||
      g_content_type_is_mime_type (content_type, "application/octet-stream"))
    content_type = guessed = g_content_type_guess (name, (const guchar *) data, MIN (length, 4096), NULL);

  if ((length >= 5 && memcmp (data, "%PDF-", 5) == 0) || is_type (content_type, name, "application/pdf", ".pdf"))
    extract = sb_extract_from_pdf (bytes, error);
  else if (is_type (content_type, name, "text/html", ".html") || is_type (content_type, name, "text/html", ".htm") ||
           is_type (content_type, name, "application/xhtml+xml", ".xhtml"))
    extract = sb_extract_from_html (data, length, address, error);
  else if (is_type (content_type, name, "text/plain", ".txt") ||
           (content_type != NULL && g_content_type_is_a (content_type, "text/plain")))
    extract = sb_extract_from_text (data, length, error);
  else
    {
      g_autofree char *description = content_type ? g_content_type_get_description (content_type) : NULL;

      /* TRANSLATORS: %s says what kind of file it is, as "ZIP archive" */
      g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_FORMAT,
                   _("It is not a text, HTML or PDF document but “%s”"),
                   description ? description : _("unknown"));
      return NULL;
    }

  if (extract != NULL && extract->url == NULL && address != NULL &&
      (g_str_has_prefix (address, "https://") || g_str_has_prefix (address, "http://")))
    extract->url = g_strdup (address);

  return extract;
}

/**
 * sb_extract_from_file:
 *
 * Reads a .txt, .html or .pdf file, through sb_file_input_load() as
 * every file the user names: a pipe or a device is refused at once, and
 * a file that grows while it is read is still not read past the limit.
 */
SbExtract *
sb_extract_from_file (GFile        *file,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = sb_file_input_load (file, MAX_DOCUMENT_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_TOO_LARGE,
                     _("It is larger than 64 MB: too large for the text of a source"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* What it is, told from its name and its bytes: not opened again. */
  name = g_file_get_basename (file);

  return sb_extract_from_bytes (bytes, NULL, name, NULL, error);
}

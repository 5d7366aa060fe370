/* sb-extract-pdf.c
 *
 * The text of a PDF document, through poppler-glib, and its title,
 * author and date. A PDF knows lines, not paragraphs: lines are joined
 * into paragraphs, a paragraph ending at a blank line or at a line that
 * ends a sentence well short of the page's usual width; a word broken
 * over two lines with a hyphen is joined again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-extract"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "sb-extract-pdf.h"

static gunichar
last_char (const char *line)
{
  if (*line == '\0')
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (line, line + strlen (line)));
}

static gboolean
ends_sentence (const char *line)
{
  gunichar c = last_char (line);

  return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x201D /* ” */ || c == '"' || c == 0x00BB /* » */;
}

static int
compare_widths (gconstpointer a,
                gconstpointer b)
{
  glong x = *(const glong *) a, y = *(const glong *) b;

  return (x > y) - (x < y);
}

/* The width most lines of the page reach, in characters: the 75th
 * percentile, as the last lines of paragraphs are shorter.
 */
static glong
usual_width (GStrv lines)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (glong));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      glong width = g_utf8_strlen (lines[i], -1);

      if (width > 0)
        g_array_append_val (widths, width);
    }
  if (widths->len == 0)
    return 0;

  g_array_sort (widths, compare_widths);
  return g_array_index (widths, glong, (widths->len * 3) / 4);
}

/* Appends a page's lines to @out as paragraphs. */
static void
append_page (GString    *out,
             const char *page_text)
{
  g_autofree char *tidy = sb_extract_tidy_text (page_text);
  g_auto(GStrv) lines = g_strsplit (tidy, "\n", -1);
  glong usual = usual_width (lines);
  gboolean paragraph_open = out->len > 0 && !g_str_has_suffix (out->str, "\n\n");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line == '\0')
        {
          if (out->len > 0 && !g_str_has_suffix (out->str, "\n\n"))
            g_string_append (out, "\n\n");
          paragraph_open = FALSE;
          continue;
        }

      if (paragraph_open)
        {
          gunichar before = out->len > 1 ? g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len - 1)) : 0;

          /* "Wag-" "ner": one word broken over two lines. */
          if (last_char (out->str) == '-' && g_unichar_islower (before) && g_unichar_islower (g_utf8_get_char (line)))
            g_string_truncate (out, out->len - 1);
          else
            g_string_append_c (out, ' ');
        }
      g_string_append (out, line);
      paragraph_open = TRUE;

      if (ends_sentence (line) && g_utf8_strlen (line, -1) < usual * 4 / 5)
        {
          g_string_append (out, "\n\n");
          paragraph_open = FALSE;
        }
    }

  /* A page that ends a sentence ends its paragraph. */
  if (paragraph_open && ends_sentence (out->str))
    g_string_append (out, "\n\n");
}

/* "Microsoft Word - report.docx" names a file, not a document. */
static char *
document_title (PopplerDocument *document)
{
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *lower = NULL;
  const char *start;

  if (title == NULL)
    return NULL;

  g_strstrip (title);
  start = g_str_has_prefix (title, "Microsoft Word - ") ? title + strlen ("Microsoft Word - ") : title;
  lower = g_ascii_strdown (start, -1);
  if (*start == '\0' || g_str_has_suffix (lower, ".doc") || g_str_has_suffix (lower, ".docx") ||
      g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".odt") || g_str_has_suffix (lower, ".indd"))
    return NULL;
  return g_strdup (start);
}

SbExtract *
sb_extract_from_pdf (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(SbExtract) extract = sb_extract_new ();
  /* poppler-glib 22 has no g_autoptr() for its types; 25 has. */
  g_autoptr(GObject) owner = NULL;
  PopplerDocument *document;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) created = NULL;
  int n_pages;

  g_return_val_if_fail (bytes != NULL, NULL);

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  owner = G_OBJECT (document);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_DAMAGED,
                     _("The PDF document is locked with a password"));
      else
        /* TRANSLATORS: %s is what the PDF reader says is wrong */
        g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_DAMAGED,
                     _("The PDF document cannot be read: %s"), local_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (document, i));
      g_autofree char *page_text = page ? poppler_page_get_text (POPPLER_PAGE (page)) : NULL;

      if (page_text != NULL)
        append_page (text, page_text);
    }

  extract->text = sb_extract_tidy_text (text->str);
  if (*extract->text == '\0')
    {
      g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_EMPTY,
                   _("The PDF document has no text: it may be scanned pages, which would need text recognition first"));
      return NULL;
    }

  extract->title = document_title (document);
  extract->author = poppler_document_get_author (document);
  if (extract->author != NULL && *g_strstrip (extract->author) == '\0')
    g_clear_pointer (&extract->author, g_free);
  created = poppler_document_get_creation_date_time (document);
  if (created != NULL)
    {
      extract->date.start.year = g_date_time_get_year (created);
      extract->date.start.month = g_date_time_get_month (created);
      extract->date.start.day = g_date_time_get_day_of_month (created);
      extract->date.start.precision = SB_DATE_PRECISION_DAY;
    }
  sb_extract_read_text_date (extract);
  sb_extract_read_text_publisher (extract);
  sb_extract_read_text_language (extract);

  return g_steal_pointer (&extract);
}

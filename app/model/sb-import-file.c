/* sb-import-file.c
 *
 * Reads a data file into an importer, through one stream: its start is
 * looked at to tell the format and the encoding (byte-order marks), the
 * rest is converted to UTF-8 as it is read and handed to the reader of
 * its format (sb-acled.c, sb-ucdp.c, sb-geojson-import.c). CSV is read a
 * row at a time, never whole; GeoJSON is read whole, within its cap, and
 * checked as text first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-acled.h"
#include "sb-file-input.h"
#include "sb-geojson-import.h"
#include "sb-import-file.h"
#include "sb-import-private.h"
#include "sb-ucdp.h"

#define SNIFF_SIZE (16 * 1024)
#define READ_CHUNK (64 * 1024)

/* Sniffing */

/* The value of the JSON string at @p, into @out (escapes kept as they
 * are: the names looked for have none); returns the character after it.
 */
static const char *
scan_string (const char *p,
             const char *end,
             GString    *out)
{
  g_string_truncate (out, 0);

  for (p++; p < end && *p != '"'; p++)
    {
      if (*p == '\\' && p + 1 < end)
        g_string_append_c (out, *p++);
      g_string_append_c (out, *p);
    }

  return p < end ? p + 1 : end;
}

/* What the members at the top of a JSON object say it is: "format":
 * "sahelbrief" a briefing, a GeoJSON "type" or "features" GeoJSON.
 */
static SbImportFormat
sniff_json (const char *p,
            const char *end)
{
  static const char * const geojson_types[] = {
    "FeatureCollection", "Feature", "Point", "MultiPoint", "LineString", "MultiLineString",
    "Polygon", "MultiPolygon", "GeometryCollection", NULL
  };
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  int depth = 0;
  gboolean expect_key = TRUE;
  gboolean after_colon = FALSE;

  for (; p < end; p++)
    {
      switch (*p)
        {
        case '{':
        case '[':
          depth++;
          expect_key = *p == '{';
          after_colon = FALSE;
          break;

        case '}':
        case ']':
          depth--;
          break;

        case ',':
          expect_key = TRUE;
          after_colon = FALSE;
          break;

        case ':':
          after_colon = TRUE;
          expect_key = FALSE;
          break;

        case '"':
          if (depth == 1 && expect_key)
            {
              p = scan_string (p, end, key) - 1;
              expect_key = FALSE;

              if (g_str_equal (key->str, "features") || g_str_equal (key->str, "geometry") ||
                  g_str_equal (key->str, "coordinates"))
                return SB_IMPORT_FORMAT_GEOJSON;
              if (g_str_equal (key->str, "sources") || g_str_equal (key->str, "actors") ||
                  g_str_equal (key->str, "incidents"))
                return SB_IMPORT_FORMAT_BRIEFING;
            }
          else if (depth == 1 && after_colon)
            {
              p = scan_string (p, end, value) - 1;
              after_colon = FALSE;

              if (g_str_equal (key->str, "format"))
                return g_str_equal (value->str, "sahelbrief") ? SB_IMPORT_FORMAT_BRIEFING
                                                               : SB_IMPORT_FORMAT_UNKNOWN;
              if (g_str_equal (key->str, "type") && g_strv_contains (geojson_types, value->str))
                return SB_IMPORT_FORMAT_GEOJSON;
            }
          else
            p = scan_string (p, end, value) - 1;
          break;

        default:
          break;
        }

      if (depth <= 0)
        break;
    }

  return SB_IMPORT_FORMAT_UNKNOWN;
}

/* The column names of a CSV file's first line, lower-cased, comma-separated. */
static SbImportFormat
sniff_csv (const char *p,
           const char *end)
{
  static const char * const ucdp_columns[] = { "type_of_violence", "where_prec", "side_a", "date_prec", NULL };
  static const char * const acled_columns[] = { "event_id_cnty", "data_id", "event_type", "event_date", NULL };
  const char *line_end = memchr (p, '\n', end - p);
  g_autofree char *line = g_ascii_strdown (p, (line_end ? line_end : end) - p);
  g_auto(GStrv) names = g_strsplit_set (line, ",;\t", -1);
  guint ucdp = 0, acled = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (g_strdelimit (names[i], "\"\r", ' '));
      ucdp += g_strv_contains (ucdp_columns, names[i]);
      acled += g_strv_contains (acled_columns, names[i]);
    }

  if (ucdp >= 2)
    return SB_IMPORT_FORMAT_UCDP;
  if (acled >= 2)
    return SB_IMPORT_FORMAT_ACLED;

  return SB_IMPORT_FORMAT_UNKNOWN;
}

/**
 * sb_import_sniff:
 * @data: the start of a file, a few kilobytes
 *
 * Tells what a file is by its content: a briefing, GeoJSON (whatever its
 * name: ".json" files are often GeoJSON), an ACLED export or UCDP GED.
 * UTF-8 and UTF-16 with a byte-order mark are understood.
 *
 * Returns: the format, or %SB_IMPORT_FORMAT_UNKNOWN
 */
SbImportFormat
sb_import_sniff (const char *data,
                 gsize       length)
{
  g_autofree char *converted = NULL;
  const char *p = data;
  const char *end = data + length;

  g_return_val_if_fail (data != NULL || length == 0, SB_IMPORT_FORMAT_UNKNOWN);

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE) &&
      ((guchar) data[1] == 0xFF || (guchar) data[1] == 0xFE) && data[0] != data[1])
    {
      gsize converted_length = 0;

      converted = g_convert (data + 2, (length - 2) & ~(gsize) 1, "UTF-8",
                             (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                             NULL, &converted_length, NULL);
      if (converted == NULL)
        return SB_IMPORT_FORMAT_UNKNOWN;
      p = converted;
      end = converted + converted_length;
    }

  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  if (p < end && *p == '{')
    return sniff_json (p, end);
  if (p < end)
    return sniff_csv (p, end);

  return SB_IMPORT_FORMAT_UNKNOWN;
}

/**
 * sb_import_format_from_name:
 *
 * Returns: what a file's name says it is: ".csv" an ACLED export (or UCDP
 *   GED: only the content tells), ".geojson" GeoJSON, ".sahelbrief" a
 *   briefing; ".json" says nothing
 */
SbImportFormat
sb_import_format_from_name (const char *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, SB_IMPORT_FORMAT_UNKNOWN);

  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return SB_IMPORT_FORMAT_ACLED;
  if (g_str_has_suffix (lower, ".geojson"))
    return SB_IMPORT_FORMAT_GEOJSON;
  if (g_str_has_suffix (lower, ".sahelbrief"))
    return SB_IMPORT_FORMAT_BRIEFING;

  return SB_IMPORT_FORMAT_UNKNOWN;
}

/**
 * sb_import_sniff_file:
 *
 * Tells what @file is by its first kilobytes, when it is a local file
 * (a remote one is not waited for), else by its name. Quick enough for
 * the main thread: a local regular file's start is read, nothing else
 * (a pipe is not waited on).
 *
 * Returns: the format, or %SB_IMPORT_FORMAT_UNKNOWN
 */
SbImportFormat
sb_import_sniff_file (GFile *file)
{
  g_autofree char *name = NULL;
  g_autoptr(GInputStream) stream = NULL;
  SbImportFormat format = SB_IMPORT_FORMAT_UNKNOWN;

  g_return_val_if_fail (G_IS_FILE (file), SB_IMPORT_FORMAT_UNKNOWN);

  if (g_file_is_native (file))
    stream = sb_file_input_open (file, SB_IMPORT_MAX_CSV_SIZE, NULL, NULL, NULL);
  if (stream != NULL)
    {
      g_autofree char *head = g_malloc (SNIFF_SIZE);
      gsize n_read = 0;

      if (g_input_stream_read_all (stream, head, SNIFF_SIZE, &n_read, NULL, NULL))
        format = sb_import_sniff (head, n_read);
    }

  name = g_file_get_basename (file);
  if (format == SB_IMPORT_FORMAT_UNKNOWN && name != NULL)
    format = sb_import_format_from_name (name);

  return format;
}

/* Reading a file into the importer */

static void
report_error (SbImporter *self,
              GError     *error)
{
  SbProblemCode code = SB_PROBLEM_IO;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    code = SB_PROBLEM_TOO_LARGE;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _sb_importer_report (self, code, NULL, 0, "%s", _("the import was cancelled"));
      return;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      g_autoptr(SbProblem) problem = sb_problem_new_for_io_error (error);

      _sb_importer_report (self, code, NULL, 0, "%s", problem->message);
      return;
    }

  _sb_importer_report (self, code, NULL, 0, "%s", error->message);
}

/* Fills @buffered with the start of the file, as much as SNIFF_SIZE. */
static gboolean
peek_start (GBufferedInputStream  *buffered,
            const char           **data,
            gsize                 *length,
            GCancellable          *cancellable,
            GError               **error)
{
  for (;;)
    {
      gsize available = g_buffered_input_stream_get_available (buffered);
      gssize n;

      if (available >= SNIFF_SIZE)
        break;

      n = g_buffered_input_stream_fill (buffered, SNIFF_SIZE - available, cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
    }

  *data = g_buffered_input_stream_peek_buffer (buffered, length);
  return TRUE;
}

/* UTF-16 from its byte-order mark, or what the person chose. */
static GInputStream *
decode (SbImporter    *self,
        GInputStream  *stream,
        const char    *data,
        gsize          length,
        const char    *encoding,
        GError       **error)
{
  g_autoptr(GCharsetConverter) converter = NULL;
  const char *from = NULL;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      from = encoding;
      _sb_importer_add_note (self, _("Read as %s, as chosen."), encoding);
    }
  else if (encoding == NULL && length >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    {
      from = "UTF-16LE";
      _sb_importer_add_note (self, "%s", _("Read as UTF-16 (little-endian), as its byte-order mark says."));
    }
  else if (encoding == NULL && length >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    {
      from = "UTF-16BE";
      _sb_importer_add_note (self, "%s", _("Read as UTF-16 (big-endian), as its byte-order mark says."));
    }

  g_free (self->summary->encoding);
  self->summary->encoding = g_strdup (from ? from : "UTF-8");

  if (from == NULL)
    return g_object_ref (stream);

  converter = g_charset_converter_new ("UTF-8", from, error);
  if (converter == NULL)
    return NULL;

  /* A byte the encoding lacks shows as "\xx" rather than end the import. */
  g_charset_converter_set_use_fallback (converter, TRUE);
  return g_converter_input_stream_new (stream, G_CONVERTER (converter));
}

static void
import_csv (SbImporter     *self,
            GInputStream   *stream,
            gboolean        detect_encoding,
            GCancellable   *cancellable)
{
  g_autoptr(SbCsvReader) csv = sb_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  SbCsvStatus status;

  sb_csv_reader_set_windows_1252 (csv, detect_encoding);
  sb_csv_reader_detect_separator (csv);
  status = sb_csv_reader_next (csv, cancellable, &error);

  if (status == SB_CSV_ERROR)
    report_error (self, error);
  else if (status == SB_CSV_END)
    _sb_importer_report (self, SB_PROBLEM_NOT_BRIEFING, NULL, 0, "%s",
                         _("the file is empty: an ACLED export or UCDP GED starts with a line of column names"));
  else if (status == SB_CSV_BAD_RECORD)
    _sb_importer_report (self, sb_csv_reader_is_encoding_error (csv) ? SB_PROBLEM_ENCODING : SB_PROBLEM_SYNTAX,
                         NULL, 1, "%s", sb_csv_reader_get_message (csv));
  else if (self->summary->format == SB_IMPORT_FORMAT_UCDP)
    _sb_ucdp_read (self, csv, cancellable);
  else
    _sb_acled_read (self, csv, cancellable);

  if (sb_csv_reader_get_separator (csv) != ',')
    _sb_importer_add_note (self, "%s",
                           sb_csv_reader_get_separator (csv) == ';'
                             ? _("Fields are separated by semicolons, as spreadsheets write CSV where the decimal separator is a comma; decimal commas were read.")
                             : _("Fields are separated by tabs."));

  if (sb_csv_reader_get_n_converted (csv) > 0)
    {
      guint n = sb_csv_reader_get_n_converted (csv);

      g_free (self->summary->encoding);
      self->summary->encoding = g_strdup ("WINDOWS-1252");
      _sb_importer_add_note (self,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%u row was not UTF-8 and was read as Windows-1252 (Western European), accents and all.",
                                          "%u rows were not UTF-8 and were read as Windows-1252 (Western European), accents and all.",
                                          n),
                             n);
    }
}

/* GeoJSON whole, within its cap, NUL-terminated. */
static GBytes *
read_all (GInputStream  *stream,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  for (;;)
    {
      gsize old = bytes->len;
      gsize n_read = 0;

      g_byte_array_set_size (bytes, old + READ_CHUNK);
      if (!g_input_stream_read_all (stream, bytes->data + old, READ_CHUNK, &n_read, cancellable, error))
        return NULL;
      g_byte_array_set_size (bytes, old + n_read);

      if (n_read == 0)
        break;

      if (bytes->len > SB_IMPORT_MAX_GEOJSON_SIZE)
        {
          g_autofree char *size = g_format_size_full (SB_IMPORT_MAX_GEOJSON_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("the file is larger than %s, the most SahelBrief reads"), size);
          return NULL;
        }
    }

  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
import_geojson (SbImporter   *self,
                GInputStream *stream,
                gboolean      detect_encoding,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_all (stream, cancellable, &error);
  g_autofree char *converted = NULL;
  const char *data;
  gsize length;

  if (bytes == NULL)
    {
      report_error (self, error);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  length--;   /* the NUL */

  /* RFC 7946 asks for UTF-8; old tools wrote their system's encoding. */
  if (detect_encoding && !g_utf8_validate_len (data, length, NULL) && memchr (data, '\0', length) == NULL)
    {
      converted = _sb_import_windows_1252_to_utf8 (data, length, &length);
      data = converted;
      g_free (self->summary->encoding);
      self->summary->encoding = g_strdup ("WINDOWS-1252");
      _sb_importer_add_note (self, "%s",
                             _("The file is not UTF-8, as GeoJSON must be: it was read as Windows-1252 (Western European)."));
    }

  _sb_geojson_read (self, data, length, cancellable);
}

/**
 * sb_importer_add_stream:
 * @name: the file's name, for messages, titles and the source that stands
 *   for the file
 * @format: what the file is, or %SB_IMPORT_FORMAT_UNKNOWN to tell by its
 *   content
 * @encoding: (nullable): the file's character encoding as iconv names it
 *   ("WINDOWS-1252"), or %NULL to detect it
 *
 * Reads a data file into the briefing the importer makes; blocks, so
 * call it from a thread.
 *
 * Returns: (transfer full): what was made of the file and what was not;
 *   sb_import_summary_made_anything() tells whether it gave anything
 */
SbImportSummary *
sb_importer_add_stream (SbImporter     *self,
                        GInputStream   *stream,
                        const char     *name,
                        SbImportFormat  format,
                        const char     *encoding,
                        GCancellable   *cancellable)
{
  g_autoptr(GBufferedInputStream) buffered = NULL;
  g_autoptr(GInputStream) decoded = NULL;
  g_autoptr(GError) error = NULL;
  const char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  _sb_importer_begin_file (self, name ? name : _("data"), format);

  if (encoding != NULL && (*encoding == '\0' || g_ascii_strcasecmp (encoding, "auto") == 0))
    encoding = NULL;

  buffered = G_BUFFERED_INPUT_STREAM (g_buffered_input_stream_new_sized (stream, READ_CHUNK));
  if (!peek_start (buffered, &data, &length, cancellable, &error))
    report_error (self, error);
  else
    {
      SbImportFormat sniffed = sb_import_sniff (data, length);

      /* The content decides between ACLED and GED, and finds GeoJSON in
       * ".json" files; a format the content does not show stands.
       */
      if (sniffed != SB_IMPORT_FORMAT_UNKNOWN)
        self->summary->format = sniffed;
      else if (format == SB_IMPORT_FORMAT_UNKNOWN)
        self->summary->format = length > 0 && memchr (data, '{', MIN (length, 64)) != NULL
                                ? SB_IMPORT_FORMAT_GEOJSON : SB_IMPORT_FORMAT_ACLED;

      decoded = decode (self, G_INPUT_STREAM (buffered), data, length, encoding, &error);

      if (decoded == NULL)
        report_error (self, error);
      else if (self->summary->format == SB_IMPORT_FORMAT_BRIEFING)
        _sb_importer_report (self, SB_PROBLEM_NOT_BRIEFING, NULL, 0, "%s",
                             _("this is a SahelBrief briefing, not data to import: open it instead"));
      else if (self->summary->format == SB_IMPORT_FORMAT_GEOJSON)
        import_geojson (self, decoded, encoding == NULL, cancellable);
      else
        import_csv (self, decoded, encoding == NULL && decoded == G_INPUT_STREAM (buffered), cancellable);
    }

  _sb_importer_end_file (self);

  return sb_import_summary_ref (self->summary);
}

/**
 * sb_importer_add_file:
 *
 * Reads @file with sb_importer_add_stream(), named after its base name.
 * Only regular files are read, never more than %SB_IMPORT_MAX_CSV_SIZE.
 *
 * Returns: (transfer full): what was made of the file and what was not
 */
SbImportSummary *
sb_importer_add_file (SbImporter     *self,
                      GFile          *file,
                      SbImportFormat  format,
                      const char     *encoding,
                      GCancellable   *cancellable)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename ? basename : "");

  if (format == SB_IMPORT_FORMAT_UNKNOWN)
    format = sb_import_format_from_name (name);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  modified = info ? g_file_info_get_modification_date_time (info) : NULL;
  _sb_importer_set_file_date (self, modified);

  stream = sb_file_input_open (file, SB_IMPORT_MAX_CSV_SIZE, NULL, cancellable, &error);
  if (stream == NULL)
    {
      _sb_importer_begin_file (self, name, format);
      report_error (self, error);
      _sb_importer_end_file (self);
      return sb_import_summary_ref (self->summary);
    }

  return sb_importer_add_stream (self, stream, name, format, encoding, cancellable);
}

/**
 * sb_import_file:
 * @format: what the file is, or %SB_IMPORT_FORMAT_UNKNOWN to tell by its
 *   content
 * @encoding: (nullable): the file's encoding, or %NULL to detect it
 * @summary: (out) (optional) (transfer full): what was made and what was not
 *
 * Imports one file as a briefing; blocks, so call it from a thread.
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_import_file (GFile            *file,
                SbImportFormat    format,
                const char       *encoding,
                GCancellable     *cancellable,
                SbImportSummary **summary)
{
  g_autoptr(SbImporter) importer = sb_importer_new ();
  g_autoptr(SbImportSummary) result = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  result = sb_importer_add_file (importer, file, format, encoding, cancellable);
  if (summary != NULL)
    *summary = g_steal_pointer (&result);

  return sb_importer_finish (importer, NULL);
}

/* One file of a known format, with what went wrong as a list of problems */

static SbBriefing *
import_stream_for_problems (GInputStream    *stream,
                            const char      *name,
                            SbImportFormat   format,
                            GCancellable    *cancellable,
                            GPtrArray      **problems)
{
  g_autoptr(SbImporter) importer = sb_importer_new ();
  g_autoptr(SbImportSummary) summary = sb_importer_add_stream (importer, stream, name, format, NULL, cancellable);

  if (problems != NULL)
    *problems = g_ptr_array_ref (summary->problems);

  return sb_importer_finish (importer, NULL);
}

static SbBriefing *
import_file_for_problems (GFile           *file,
                          SbImportFormat   format,
                          GCancellable    *cancellable,
                          GPtrArray      **problems)
{
  g_autoptr(SbImportSummary) summary = NULL;
  SbBriefing *briefing = sb_import_file (file, format, NULL, cancellable, &summary);

  if (problems != NULL)
    *problems = g_ptr_array_ref (summary->problems);

  return briefing;
}

/**
 * sb_acled_import:
 * @name: (nullable): the file's name, for the briefing's title and the
 *   source that stands for the export
 * @problems: (out) (optional) (transfer full): what could not be imported,
 *   at most 100; rows with problems are skipped
 *
 * Reads an ACLED export from @stream (UCDP GED too: the content decides);
 * blocks, so call it from a thread. sb_importer_add_stream() says more of
 * what became of the file.
 *
 * Returns: (transfer full) (nullable): the briefing, or %NULL if the data
 *   is not an ACLED export or holds no event that could be imported
 */
SbBriefing *
sb_acled_import (GInputStream  *stream,
                 const char    *name,
                 GCancellable  *cancellable,
                 GPtrArray    **problems)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  return import_stream_for_problems (stream, name ? name : "ACLED", SB_IMPORT_FORMAT_ACLED,
                                     cancellable, problems);
}

/**
 * sb_acled_import_file:
 *
 * Imports @file with sb_acled_import(), named after its base name.
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_acled_import_file (GFile         *file,
                      GCancellable  *cancellable,
                      GPtrArray    **problems)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return import_file_for_problems (file, SB_IMPORT_FORMAT_ACLED, cancellable, problems);
}

/**
 * sb_ucdp_import_file:
 * @problems: (out) (optional) (transfer full): what could not be imported
 *
 * Imports a UCDP GED file as a briefing; blocks, so call it from a thread.
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_ucdp_import_file (GFile         *file,
                     GCancellable  *cancellable,
                     GPtrArray    **problems)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return import_file_for_problems (file, SB_IMPORT_FORMAT_UCDP, cancellable, problems);
}

/**
 * sb_geojson_import:
 * @name: (nullable): the file's name: the briefing's title and its source
 * @problems: (out) (optional) (transfer full): what could not be imported,
 *   at most 100, with the JSON path of the feature and its line and column
 *
 * Reads GeoJSON from @stream; blocks, so call it from a thread.
 * sb_importer_add_stream() says more of what became of the file.
 *
 * Returns: (transfer full) (nullable): the briefing, or %NULL when the
 *   text is not GeoJSON or no feature could be imported
 */
SbBriefing *
sb_geojson_import (GInputStream  *stream,
                   const char    *name,
                   GCancellable  *cancellable,
                   GPtrArray    **problems)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  return import_stream_for_problems (stream, name ? name : "GeoJSON", SB_IMPORT_FORMAT_GEOJSON,
                                     cancellable, problems);
}

/**
 * sb_geojson_import_file:
 *
 * Imports @file with sb_geojson_import(), named after its base name.
 *
 * Returns: (transfer full) (nullable): the briefing
 */
SbBriefing *
sb_geojson_import_file (GFile         *file,
                        GCancellable  *cancellable,
                        GPtrArray    **problems)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return import_file_for_problems (file, SB_IMPORT_FORMAT_GEOJSON, cancellable, problems);
}

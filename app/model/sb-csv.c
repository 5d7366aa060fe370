/* sb-csv.c
 *
 * A streaming RFC 4180 CSV reader.
 *
 * Reads from a fixed buffer and collects each record's fields, each
 * terminated by a NUL, in one reused string: no allocation per record
 * once the buffers have grown to the longest one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-csv.h"
#include "sb-import-text.h"

#define BUFFER_SIZE (256 * 1024)

/* No honest record is this long; an unclosed quote would otherwise read
 * the rest of a large file into memory.
 */
#define MAX_RECORD_SIZE (4 * 1024 * 1024)

#define END_OF_INPUT (-1)

typedef enum
{
  READ_RECORD,
  READ_BLANK,
  READ_BAD,
  READ_END,
} ReadResult;

struct _SbCsvReader
{
  GInputStream *stream;
  GCancellable *cancellable;   /* during sb_csv_reader_next() only */
  GError *error;

  char *buffer;
  gsize pos;
  gsize end;
  guint started : 1;
  guint at_end : 1;
  guint encoding_error : 1;
  guint windows_1252 : 1;      /* records that are not UTF-8 are read as Windows-1252 */
  guint detect_separator : 1;  /* from the first line: ',', ';' or a tab */
  char separator;

  GString *record;             /* the fields, each followed by a NUL */
  GString *converted;          /* for a record read as Windows-1252 */
  GArray *starts;              /* of gsize: where each field starts in record */

  guint line;                  /* the line being read, from 1 */
  guint record_line;           /* the line the last record started on */
  guint n_records;             /* records read, the header and blank lines included */
  guint n_header_fields;       /* 0 until the header is read */
  guint n_named_fields;        /* the header's, up to its last non-empty name */
  guint n_converted;           /* records read as Windows-1252 */
  char *message;
};

/**
 * sb_csv_reader_new:
 *
 * Returns: (transfer full): a reader of @stream's records; a UTF-8
 *   byte-order mark at its start is skipped
 */
SbCsvReader *
sb_csv_reader_new (GInputStream *stream)
{
  SbCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (SbCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_malloc (BUFFER_SIZE);
  self->record = g_string_sized_new (1024);
  self->converted = g_string_sized_new (1024);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);
  self->line = 1;
  self->separator = ',';

  return self;
}

void
sb_csv_reader_free (SbCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_error (&self->error);
  g_free (self->buffer);
  g_string_free (self->record, TRUE);
  g_string_free (self->converted, TRUE);
  g_array_unref (self->starts);
  g_free (self->message);
  g_free (self);
}

/* What separates the first line's fields, outside quotes: Excel in
 * French or German writes ';', "Unicode text" a tab.
 */
static char
guess_separator (const char *p,
                 gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *end = p + length; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          commas += *p == ',';
          semicolons += *p == ';';
          tabs += *p == '\t';
        }
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';

  return ',';
}

static gboolean
refill (SbCsvReader *self)
{
  gsize n_read = 0;

  if (self->at_end)
    return FALSE;

  if (!g_input_stream_read_all (self->stream, self->buffer, BUFFER_SIZE, &n_read,
                                self->cancellable, &self->error))
    {
      self->at_end = TRUE;
      return FALSE;
    }

  self->pos = 0;
  self->end = n_read;
  self->at_end = n_read == 0;

  /* Spreadsheets on Windows start their UTF-8 with a byte-order mark. */
  if (!self->started)
    {
      self->started = TRUE;
      if (n_read >= 3 && memcmp (self->buffer, "\xEF\xBB\xBF", 3) == 0)
        self->pos = 3;
      if (self->detect_separator)
        self->separator = guess_separator (self->buffer + self->pos, self->end - self->pos);
    }

  return TRUE;
}

static inline int
next_char (SbCsvReader *self)
{
  while (G_UNLIKELY (self->pos >= self->end))
    if (!refill (self))
      return END_OF_INPUT;

  return (guchar) self->buffer[self->pos++];
}

/* Valid only straight after next_char() returned a character. */
static inline void
unget_char (SbCsvReader *self)
{
  self->pos--;
}

static inline gboolean
ends_field (SbCsvReader *self,
            int          c)
{
  return c == self->separator || c == '\n' || c == '\r' || c == END_OF_INPUT;
}

static void
set_message (SbCsvReader *self,
             char        *message)
{
  g_free (self->message);
  self->message = message;
}

/* After a malformed record: on to the start of the next line. */
static void
skip_line (SbCsvReader *self)
{
  int c;

  while ((c = next_char (self)) != END_OF_INPUT)
    {
      if (c == '\n')
        {
          self->line++;
          return;
        }
    }
}

static gboolean
check_size (SbCsvReader *self)
{
  if (G_LIKELY (self->record->len <= MAX_RECORD_SIZE))
    return TRUE;

  set_message (self, g_strdup_printf (_("the record is longer than %d MiB: is a quote not closed?"),
                                      MAX_RECORD_SIZE / (1024 * 1024)));
  return FALSE;
}

/* At the character after an opening quote: reads up to the closing quote
 * and returns the character after it.
 */
static int
read_quoted (SbCsvReader *self,
             gboolean    *ok)
{
  guint start_line = self->line;
  int c;

  *ok = TRUE;

  for (;;)
    {
      const char *run = self->buffer + self->pos;
      const char *stop = self->buffer + self->end;
      const char *p = run;

      while (p < stop && *p != '"' && *p != '\r' && *p != '\n')
        p++;
      g_string_append_len (self->record, run, p - run);
      self->pos = p - self->buffer;

      if (!check_size (self))
        {
          *ok = FALSE;
          return END_OF_INPUT;
        }

      c = next_char (self);
      if (c == END_OF_INPUT)
        {
          set_message (self, g_strdup_printf (_("the quoted field that starts on line %u is not closed"),
                                              start_line));
          *ok = FALSE;
          return END_OF_INPUT;
        }

      if (c == '"')
        {
          c = next_char (self);
          if (c != '"')
            return c;
          g_string_append_c (self->record, '"');
        }
      else if (c == '\r')
        {
          /* Line breaks inside a field are kept, as "\n". */
          c = next_char (self);
          if (c != '\n' && c != END_OF_INPUT)
            unget_char (self);
          g_string_append_c (self->record, '\n');
          self->line++;
        }
      else if (c == '\n')
        {
          g_string_append_c (self->record, '\n');
          self->line++;
        }
      else if (c != END_OF_INPUT)
        g_string_append_c (self->record, c);
    }
}

/* From the field's first character: returns the character that ends it.
 * A quote inside an unquoted field is taken as it is, as most readers do.
 */
static int
read_unquoted (SbCsvReader *self,
               int          c,
               gboolean    *ok)
{
  *ok = TRUE;

  while (!ends_field (self, c))
    {
      const char *run = self->buffer + self->pos;
      const char *stop = self->buffer + self->end;
      const char *p = run;

      g_string_append_c (self->record, c);
      while (p < stop && *p != self->separator && *p != '\r' && *p != '\n')
        p++;
      g_string_append_len (self->record, run, p - run);
      self->pos = p - self->buffer;

      if (!check_size (self))
        {
          *ok = FALSE;
          return END_OF_INPUT;
        }

      c = next_char (self);
    }

  return c;
}

/* The character that starts with byte @c, just read, quoted for a
 * message: the bytes of a UTF-8 sequence are not characters on their own.
 */
static char *
describe_char (SbCsvReader *self,
               int          c)
{
  char bytes[5] = { (char) c, };
  gsize n = 1;

  if (c < 0x80)
    return g_ascii_isprint (c) ? g_strdup_printf ("“%c”", c) : g_strdup_printf (_("the byte 0x%02x"), c);

  while (n < 4 && self->pos + n - 1 < self->end && ((guchar) self->buffer[self->pos + n - 1] & 0xC0) == 0x80)
    {
      bytes[n] = self->buffer[self->pos + n - 1];
      n++;
    }

  if (g_utf8_validate (bytes, n, NULL) && g_utf8_get_char_validated (bytes, n) != (gunichar) -1)
    return g_strdup_printf ("“%s”", bytes);

  return g_strdup_printf (_("the byte 0x%02x"), c);
}

static ReadResult
read_record (SbCsvReader *self)
{
  gboolean quoted = FALSE;
  int c;

  g_string_truncate (self->record, 0);
  g_array_set_size (self->starts, 0);
  g_clear_pointer (&self->message, g_free);
  self->encoding_error = FALSE;
  self->record_line = self->line;

  c = next_char (self);
  if (c == END_OF_INPUT)
    return READ_END;

  self->n_records++;

  for (;;)
    {
      gboolean ok;
      gsize start = self->record->len;

      g_array_append_val (self->starts, start);

      if (c == '"')
        {
          quoted = TRUE;
          c = read_quoted (self, &ok);
          if (ok && !ends_field (self, c))
            {
              g_autofree char *shown = describe_char (self, c);

              set_message (self, g_strdup_printf (_("field %u has %s after its closing quote; a quote inside a quoted field is written twice"),
                                                  self->starts->len, shown));
              ok = FALSE;
              skip_line (self);
            }
        }
      else
        {
          c = read_unquoted (self, c, &ok);
          if (!ok)
            skip_line (self);
        }

      if (!ok)
        return READ_BAD;

      g_string_append_c (self->record, '\0');

      if (c != self->separator)
        break;
      c = next_char (self);
    }

  if (c == '\r')
    {
      c = next_char (self);
      if (c != '\n' && c != END_OF_INPUT)
        unget_char (self);
      self->line++;
    }
  else if (c == '\n')
    self->line++;

  if (self->starts->len == 1 && self->record->len == 1 && !quoted)
    return READ_BLANK;

  return READ_RECORD;
}

/* The record's fields, from Windows-1252. */
static void
convert_record (SbCsvReader *self)
{
  GString *converted = self->converted;

  g_string_truncate (converted, 0);
  for (guint i = 0; i < self->starts->len; i++)
    {
      gsize length;
      const char *field = sb_csv_reader_get_field (self, i, &length);

      g_array_index (self->starts, gsize, i) = converted->len;
      _sb_import_append_windows_1252 (converted, field, length);
      g_string_append_c (converted, '\0');
    }

  /* The buffers trade places: no allocation per record. */
  self->converted = self->record;
  self->record = converted;
  self->n_converted++;
}

/* Spreadsheets write a column for every cell that was ever touched: the
 * header may end in empty names, and rows in empty fields, in numbers
 * that differ. Fields past the named ones must be empty; the record then
 * gets the header's number of fields.
 */
static gboolean
fit_to_header (SbCsvReader *self)
{
  guint n_fields = self->starts->len;

  if (n_fields < self->n_named_fields)
    return FALSE;

  for (guint i = self->n_named_fields; i < n_fields; i++)
    {
      gsize length;

      sb_csv_reader_get_field (self, i, &length);
      if (length > 0)
        return FALSE;
    }

  if (n_fields > self->n_header_fields)
    {
      g_string_truncate (self->record, g_array_index (self->starts, gsize, self->n_header_fields));
      g_array_set_size (self->starts, self->n_header_fields);
    }

  while (self->starts->len < self->n_header_fields)
    {
      gsize start = self->record->len;

      g_array_append_val (self->starts, start);
      g_string_append_c (self->record, '\0');
    }

  return TRUE;
}

static gboolean
check_record (SbCsvReader *self)
{
  guint n_fields = self->starts->len;

  for (guint i = 0; i < n_fields; i++)
    {
      gsize length;
      const char *field = sb_csv_reader_get_field (self, i, &length);
      const char *invalid;

      if (g_utf8_validate_len (field, length, &invalid))
        continue;

      if (self->windows_1252)
        {
          convert_record (self);
          break;
        }

      set_message (self, g_strdup_printf (_("field %u is not valid UTF-8: byte 0x%02x cannot start or continue a character"),
                                          i + 1, (guchar) *invalid));
      self->encoding_error = TRUE;
      return FALSE;
    }

  if (self->n_header_fields == 0)
    {
      self->n_header_fields = n_fields;
      for (guint i = 0; i < n_fields; i++)
        {
          gsize length;
          const char *name = sb_csv_reader_get_field (self, i, &length);

          if (!_sb_import_is_blank (name))
            self->n_named_fields = i + 1;
        }
      return TRUE;
    }

  if (n_fields != self->n_header_fields && !fit_to_header (self))
    {
      set_message (self, g_strdup_printf (ngettext ("the record has %u field; the header has %u",
                                                    "the record has %u fields; the header has %u",
                                                    n_fields),
                                          n_fields, self->n_header_fields));
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_csv_reader_next:
 *
 * Reads the next record. The first record sets the number of fields every
 * other must have. Blank lines are skipped.
 *
 * Returns: %SB_CSV_RECORD with a record; %SB_CSV_BAD_RECORD for a record
 *   that is malformed, with sb_csv_reader_get_message() saying why (the
 *   next call goes on after it); %SB_CSV_END at the end; %SB_CSV_ERROR
 *   when reading failed or was cancelled, with @error set
 */
SbCsvStatus
sb_csv_reader_next (SbCsvReader   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ReadResult result;

  g_return_val_if_fail (self != NULL, SB_CSV_ERROR);

  self->cancellable = cancellable;

  do
    result = read_record (self);
  while (result == READ_BLANK && self->error == NULL);

  self->cancellable = NULL;

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return SB_CSV_ERROR;
    }

  switch (result)
    {
    case READ_END:
      return SB_CSV_END;
    case READ_BAD:
      return SB_CSV_BAD_RECORD;
    case READ_RECORD:
    case READ_BLANK:
    default:
      return check_record (self) ? SB_CSV_RECORD : SB_CSV_BAD_RECORD;
    }
}

guint
sb_csv_reader_get_n_fields (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->starts->len;
}

/**
 * sb_csv_reader_get_field:
 * @length: (out) (optional): the field's length in bytes
 *
 * Returns: the field, NUL-terminated, valid until the next record is read
 */
const char *
sb_csv_reader_get_field (SbCsvReader *self,
                         guint        index,
                         gsize       *length)
{
  gsize start, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->starts->len, NULL);

  start = g_array_index (self->starts, gsize, index);
  end = index + 1 < self->starts->len ? g_array_index (self->starts, gsize, index + 1)
                                      : self->record->len;
  if (length != NULL)
    *length = end - start - 1;

  return self->record->str + start;
}

/**
 * sb_csv_reader_get_line:
 *
 * Returns: the line of the file the last record started on, from 1;
 *   fields with line breaks make a record span several lines
 */
guint
sb_csv_reader_get_line (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/**
 * sb_csv_reader_get_record:
 *
 * Returns: the number of the last record, from 1 for the header, blank
 *   lines counted: the row a spreadsheet shows it in
 */
guint
sb_csv_reader_get_record (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_records;
}

/**
 * sb_csv_reader_get_message:
 *
 * Returns: (nullable): why the last record was malformed
 */
const char *
sb_csv_reader_get_message (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->message;
}

/**
 * sb_csv_reader_set_windows_1252:
 *
 * Reads records that are not UTF-8 as Windows-1252, the encoding of
 * Excel's "CSV" on Western Windows and of ACLED's releases before 2018,
 * instead of reporting them.
 */
void
sb_csv_reader_set_windows_1252 (SbCsvReader *self,
                                gboolean     windows_1252)
{
  g_return_if_fail (self != NULL);

  self->windows_1252 = !!windows_1252;
}

/**
 * sb_csv_reader_detect_separator:
 *
 * Tells the separator from the first line, before the first record is
 * read: a comma, a semicolon (Excel where the decimal separator is a
 * comma) or a tab, whichever separates most fields.
 */
void
sb_csv_reader_detect_separator (SbCsvReader *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->started);

  self->detect_separator = TRUE;
}

/**
 * sb_csv_reader_get_separator:
 *
 * Returns: the character between fields
 */
char
sb_csv_reader_get_separator (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

/**
 * sb_csv_reader_get_n_converted:
 *
 * Returns: how many records were read as Windows-1252
 */
guint
sb_csv_reader_get_n_converted (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_converted;
}

gboolean
sb_csv_reader_is_encoding_error (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->encoding_error;
}

/* sb-csv.h
 *
 * An RFC 4180 CSV reader that streams: data sets such as ACLED's run to
 * hundreds of megabytes, so records are read one at a time from a stream
 * and never held whole.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SB_CSV_END,              /* no more records */
  SB_CSV_RECORD,           /* a record; its fields are valid until the next call */
  SB_CSV_BAD_RECORD,       /* a malformed record, skipped; see the message */
  SB_CSV_ERROR,            /* the stream failed; see the GError */
} SbCsvStatus;

typedef struct _SbCsvReader SbCsvReader;

SbCsvReader *sb_csv_reader_new             (GInputStream  *stream);
void         sb_csv_reader_free            (SbCsvReader   *self);
SbCsvStatus  sb_csv_reader_next            (SbCsvReader   *self,
                                            GCancellable  *cancellable,
                                            GError       **error);
guint        sb_csv_reader_get_n_fields    (SbCsvReader   *self);
const char  *sb_csv_reader_get_field       (SbCsvReader   *self,
                                            guint          index,
                                            gsize         *length);
guint        sb_csv_reader_get_line        (SbCsvReader   *self);
guint        sb_csv_reader_get_record      (SbCsvReader   *self);
const char  *sb_csv_reader_get_message     (SbCsvReader   *self);
gboolean     sb_csv_reader_is_encoding_error (SbCsvReader *self);
void         sb_csv_reader_set_windows_1252  (SbCsvReader *self,
                                              gboolean     windows_1252);
guint        sb_csv_reader_get_n_converted   (SbCsvReader *self);
void         sb_csv_reader_detect_separator  (SbCsvReader *self);
char         sb_csv_reader_get_separator     (SbCsvReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCsvReader, sb_csv_reader_free)

G_END_DECLS

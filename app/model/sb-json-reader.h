/* sb-json-reader.h
 *
 * Typed access to a parsed briefing that reports every mismatch as an
 * SbProblem at its JSON path. Private to the loader.
 */

#pragma once

#include "sb-json-node.h"

#include "sb-citation.h"
#include "sb-date.h"
#include "sb-entity.h"
#include "sb-problem.h"
#include "sb-quantity.h"
#include "sb-text.h"

G_BEGIN_DECLS

#define SB_MAX_ID_LENGTH 64

/* A reference to a name not (yet) defined when it was read. */
typedef struct
{
  char *path;
  char *id;
  GType type;              /* what the reference must name */
  gpointer *slot;          /* set to the entity once resolved */
} SbReference;

/* The JSON path where @entity is defined, such as "$.actors[2]". */
typedef char *(*SbLocateFunc) (SbEntity *entity,
                               gpointer  user_data);

typedef struct
{
  GPtrArray *problems;     /* of SbProblem */
  guint max_problems;
  GString *path;
  const char *language;    /* of plain-string text fields */
  int version;             /* of the format the file says it uses */
  GHashTable *entities;    /* id → SbEntity defined so far; only read */
  SbLocateFunc locate;
  gpointer locate_data;
  GArray *deferred;        /* of SbReference */
  GHashTable *quotes;      /* SbSource → set of SbCitation: the quotes looked for */
} SbReader;

typedef enum
{
  SB_OPTIONAL,
  SB_REQUIRED,
} SbPresence;

void        sb_reader_init           (SbReader      *self,
                                      guint          max_problems,
                                      GHashTable    *entities,
                                      SbLocateFunc   locate,
                                      gpointer       locate_data);
void        sb_reader_clear          (SbReader      *self);
gboolean    sb_reader_is_full        (SbReader      *self);
void        sb_reader_report         (SbReader      *self,
                                      SbProblemCode  code,
                                      const char    *member,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (4, 5);
void        sb_reader_report_at      (SbReader      *self,
                                      SbProblemCode  code,
                                      const char    *path,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (4, 5);
gsize       sb_reader_push_member    (SbReader      *self,
                                      const char    *member);
gsize       sb_reader_push_index     (SbReader      *self,
                                      guint          index);
void        sb_reader_pop            (SbReader      *self,
                                      gsize          saved);

SbJsonObject *sb_reader_as_object      (SbReader      *self,
                                      SbJsonNode      *node);
const char *sb_reader_read_string    (SbReader      *self,
                                      SbJsonNode      *node,
                                      const char    *member);
void        sb_reader_check_members  (SbReader           *self,
                                      SbJsonObject         *object,
                                      const char * const *allowed);
SbJsonArray  *sb_reader_get_array      (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence);
SbJsonObject *sb_reader_get_object     (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence);
const char *sb_reader_get_string     (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence);
char       *sb_reader_dup_string     (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence);
char      **sb_reader_get_strings    (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member);
SbText     *sb_reader_get_text       (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence);
gboolean    sb_reader_get_number     (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence,
                                      double         min,
                                      double         max,
                                      double        *value);
gboolean    sb_reader_get_boolean    (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      gboolean      *value);
gboolean    sb_reader_get_enum       (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence,
                                      GType          enum_type,
                                      int           *value);
gboolean    sb_reader_get_date       (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence,
                                      SbDate        *date);
gboolean    sb_reader_get_quantity   (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence,
                                      SbQuantity    *quantity);
char       *sb_reader_get_code       (SbReader      *self,
                                      SbJsonObject    *object,
                                      const char    *member,
                                      SbPresence     presence,
                                      const char    *what,
                                      gboolean     (*is_valid) (const char *));
gboolean    sb_id_is_valid           (const char    *id);
guint       sb_edit_distance         (const char    *a,
                                      const char    *b);

G_END_DECLS

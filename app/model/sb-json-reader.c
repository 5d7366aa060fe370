/* sb-json-reader.c
 *
 * Typed access to a parsed briefing that reports every mismatch at its
 * JSON path.
 *
 * Every getter here reports what is wrong and returns a neutral value, so
 * that the loader reads on and finds every problem in one pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sb-enums.h"
#include "sb-json-reader.h"
#include "sb-json-scan.h"

/**
 * sb_reader_init:
 * @entities: id → entity of what references may name so far; the reader
 *   only looks things up in it
 * @locate: gives the JSON path where an entity is defined, for messages
 */
void
sb_reader_init (SbReader       *self,
                guint           max_problems,
                GHashTable     *entities,
                SbLocateFunc    locate,
                gpointer        locate_data)
{
  memset (self, 0, sizeof *self);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_problem_free);
  self->max_problems = max_problems;
  self->path = g_string_new ("$");
  self->entities = entities;
  self->locate = locate;
  self->locate_data = locate_data;
  self->deferred = g_array_new (FALSE, FALSE, sizeof (SbReference));
  self->quotes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
}

void
sb_reader_clear (SbReader *self)
{
  for (guint i = 0; self->deferred != NULL && i < self->deferred->len; i++)
    {
      SbReference *reference = &g_array_index (self->deferred, SbReference, i);

      g_free (reference->path);
      g_free (reference->id);
    }

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (self->path != NULL)
    g_string_free (g_steal_pointer (&self->path), TRUE);
  g_clear_pointer (&self->deferred, g_array_unref);
  g_clear_pointer (&self->quotes, g_hash_table_unref);
}

gboolean
sb_reader_is_full (SbReader *self)
{
  return self->problems->len >= self->max_problems;
}

static void
report_valist (SbReader      *self,
               SbProblemCode  code,
               const char    *path,
               const char    *format,
               va_list        args)
{
  g_autofree char *message = NULL;

  if (sb_reader_is_full (self))
    return;

  if (self->problems->len + 1 == self->max_problems)
    {
      g_ptr_array_add (self->problems,
                       sb_problem_new (SB_PROBLEM_TOO_MANY_PROBLEMS, path,
                                       _("too many problems; checking stopped here")));
      return;
    }

  message = g_strdup_vprintf (format, args);
  g_ptr_array_add (self->problems, sb_problem_new (code, path, message));
}

void
sb_reader_report_at (SbReader      *self,
                     SbProblemCode  code,
                     const char    *path,
                     const char    *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  report_valist (self, code, path, format, args);
  va_end (args);
}

/**
 * sb_reader_report:
 * @member: (nullable): the member of the current object the problem is
 *   in, or %NULL for the current path itself
 */
void
sb_reader_report (SbReader      *self,
                  SbProblemCode  code,
                  const char    *member,
                  const char    *format,
                  ...)
{
  gsize saved = self->path->len;
  va_list args;

  if (member != NULL)
    sb_json_path_append_member (self->path, member);

  va_start (args, format);
  report_valist (self, code, self->path->str, format, args);
  va_end (args);

  g_string_truncate (self->path, saved);
}

gsize
sb_reader_push_member (SbReader   *self,
                       const char *member)
{
  gsize saved = self->path->len;

  sb_json_path_append_member (self->path, member);
  return saved;
}

gsize
sb_reader_push_index (SbReader *self,
                      guint     index)
{
  gsize saved = self->path->len;

  sb_json_path_append_index (self->path, index);
  return saved;
}

void
sb_reader_pop (SbReader *self,
               gsize     saved)
{
  g_string_truncate (self->path, saved);
}

/* JSON's own names for its types: technical terms, not translated. */
static const char *
json_type_name (SbJsonNode *node)
{
  switch (SB_JSON_NODE_TYPE (node))
    {
    case SB_JSON_NODE_OBJECT:
      return "object";
    case SB_JSON_NODE_ARRAY:
      return "array";
    case SB_JSON_NODE_NULL:
      return "null";
    case SB_JSON_NODE_VALUE:
    default:
      switch (sb_json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "string";
        case G_TYPE_BOOLEAN:
          return "boolean";
        default:
          return "number";
        }
    }
}

static gboolean
node_is_string (SbJsonNode *node)
{
  return SB_JSON_NODE_HOLDS_VALUE (node) && sb_json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (SbJsonNode *node)
{
  GType type;

  if (!SB_JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = sb_json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_boolean (SbJsonNode *node)
{
  return SB_JSON_NODE_HOLDS_VALUE (node) && sb_json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* Returns the member's node, reporting a required member that is absent. */
static SbJsonNode *
get_member (SbReader   *self,
            SbJsonObject *object,
            const char *member,
            SbPresence  presence)
{
  SbJsonNode *node = object ? sb_json_object_get_member (object, member) : NULL;

  if (node == NULL && presence == SB_REQUIRED && object != NULL)
    sb_reader_report (self, SB_PROBLEM_MISSING_FIELD, member,
                      _("required field “%s” is missing"), member);

  return node;
}

SbJsonObject *
sb_reader_as_object (SbReader *self,
                     SbJsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (!SB_JSON_NODE_HOLDS_OBJECT (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, NULL,
                        _("expected an object, found %s"), json_type_name (node));
      return NULL;
    }

  return sb_json_node_get_object (node);
}

guint
sb_edit_distance (const char *a,
                  const char *b)
{
  gsize a_len = strlen (a), b_len = strlen (b);
  g_autofree guint *row = g_new (guint, b_len + 1);

  for (gsize j = 0; j <= b_len; j++)
    row[j] = j;

  for (gsize i = 1; i <= a_len; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= b_len; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1),
                        diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }

  return row[b_len];
}

/* Every object of a briefing is checked: the first letter decides most
 * comparisons before strcmp() is needed.
 */
static gboolean
is_allowed (const char * const *allowed,
            const char         *member)
{
  for (guint i = 0; allowed[i] != NULL; i++)
    if (allowed[i][0] == member[0] && strcmp (allowed[i], member) == 0)
      return TRUE;

  return member[0] == 'x' && member[1] == '-';
}

void
sb_reader_check_members (SbReader           *self,
                         SbJsonObject         *object,
                         const char * const *allowed)
{
  SbJsonObjectIter iter;
  const char *member;

  if (object == NULL)
    return;

  sb_json_object_iter_init (&iter, object);
  while (sb_json_object_iter_next (&iter, &member, NULL))
    {
      const char *closest = NULL;
      guint closest_distance = 3;

      if (is_allowed (allowed, member))
        continue;

      for (guint i = 0; allowed[i] != NULL; i++)
        {
          guint distance = sb_edit_distance (member, allowed[i]);

          if (distance < closest_distance)
            {
              closest = allowed[i];
              closest_distance = distance;
            }
        }

      if (closest != NULL)
        sb_reader_report (self, SB_PROBLEM_UNKNOWN_FIELD, member,
                          _("unknown field “%s”; did you mean “%s”?"), member, closest);
      else
        sb_reader_report (self, SB_PROBLEM_UNKNOWN_FIELD, member,
                          _("unknown field “%s” (names of your own must start with “x-”)"), member);
    }
}

SbJsonArray *
sb_reader_get_array (SbReader   *self,
                     SbJsonObject *object,
                     const char *member,
                     SbPresence  presence)
{
  SbJsonNode *node = get_member (self, object, member, presence);

  if (node == NULL)
    return NULL;

  if (!SB_JSON_NODE_HOLDS_ARRAY (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected an array, found %s"), json_type_name (node));
      return NULL;
    }

  return sb_json_node_get_array (node);
}

SbJsonObject *
sb_reader_get_object (SbReader   *self,
                      SbJsonObject *object,
                      const char *member,
                      SbPresence  presence)
{
  SbJsonNode *node = get_member (self, object, member, presence);

  if (node == NULL)
    return NULL;

  if (!SB_JSON_NODE_HOLDS_OBJECT (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected an object, found %s"), json_type_name (node));
      return NULL;
    }

  return sb_json_node_get_object (node);
}

static gboolean
is_blank (const char *string)
{
  for (const char *p = string; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * sb_reader_read_string:
 * @member: (nullable): the member @node is, for the problem's path
 *
 * Returns: (nullable): the value of a string node that is not blank,
 *   reporting anything else
 */
const char *
sb_reader_read_string (SbReader   *self,
                       SbJsonNode   *node,
                       const char *member)
{
  const char *string;

  if (!node_is_string (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected a string, found %s"), json_type_name (node));
      return NULL;
    }

  string = sb_json_node_get_string (node);
  if (is_blank (string))
    {
      sb_reader_report (self, SB_PROBLEM_EMPTY_TEXT, member, _("the text is empty"));
      return NULL;
    }

  return string;
}

/**
 * sb_reader_get_string:
 *
 * Returns: (nullable): the member's string, which must not be blank
 */
const char *
sb_reader_get_string (SbReader   *self,
                      SbJsonObject *object,
                      const char *member,
                      SbPresence  presence)
{
  SbJsonNode *node = get_member (self, object, member, presence);

  if (node == NULL)
    return NULL;

  return sb_reader_read_string (self, node, member);
}

char *
sb_reader_dup_string (SbReader   *self,
                      SbJsonObject *object,
                      const char *member,
                      SbPresence  presence)
{
  return g_strdup (sb_reader_get_string (self, object, member, presence));
}

char **
sb_reader_get_strings (SbReader   *self,
                       SbJsonObject *object,
                       const char *member)
{
  SbJsonArray *array = sb_reader_get_array (self, object, member, SB_OPTIONAL);
  g_autoptr(GStrvBuilder) builder = NULL;
  gsize saved;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  saved = sb_reader_push_member (self, member);

  for (guint i = 0; i < sb_json_array_get_length (array); i++)
    {
      gsize saved_index = sb_reader_push_index (self, i);
      const char *string = sb_reader_read_string (self, sb_json_array_get_element (array, i), NULL);

      if (string != NULL)
        g_strv_builder_add (builder, string);
      sb_reader_pop (self, saved_index);
    }

  sb_reader_pop (self, saved);
  return g_strv_builder_end (builder);
}

SbText *
sb_reader_get_text (SbReader   *self,
                    SbJsonObject *object,
                    const char *member,
                    SbPresence  presence)
{
  SbJsonNode *node = get_member (self, object, member, presence);
  SbJsonObjectIter iter;
  const char *language;
  SbJsonNode *value;
  const char *stack_languages[8], *stack_strings[8];
  g_autofree const char **heap_languages = NULL;
  g_autofree const char **heap_strings = NULL;
  const char **languages = stack_languages, **strings = stack_strings;
  guint n = 0, size;
  SbText *text = NULL;
  gsize saved;

  if (node == NULL)
    return NULL;

  if (node_is_string (node))
    {
      const char *string = sb_reader_read_string (self, node, member);

      return string ? sb_text_new (self->language ? self->language : "und", string) : NULL;
    }

  if (!SB_JSON_NODE_HOLDS_OBJECT (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected text: a string, or an object of language codes to strings; found %s"),
                        json_type_name (node));
      return NULL;
    }

  saved = sb_reader_push_member (self, member);

  /* The strings are the nodes' until the text is made, in one block. */
  size = sb_json_object_get_size (sb_json_node_get_object (node));
  if (size > G_N_ELEMENTS (stack_languages))
    {
      languages = heap_languages = g_new (const char *, size);
      strings = heap_strings = g_new (const char *, size);
    }

  sb_json_object_iter_init (&iter, sb_json_node_get_object (node));
  while (sb_json_object_iter_next (&iter, &language, &value))
    {
      const char *string;
      guint i;

      if (!sb_language_code_is_valid (language))
        {
          sb_reader_report (self, SB_PROBLEM_BAD_VALUE, language,
                            _("“%s” is not a language code such as “en”, “nl” or “pt-BR”"), language);
          continue;
        }

      string = sb_reader_read_string (self, value, language);
      if (string == NULL)
        continue;

      for (i = 0; i < n && g_strcmp0 (languages[i], language) != 0; i++)
        ;

      /* The briefing's own language first: it is the last fallback. A
       * language given again takes the new string in its place, except
       * the briefing's own, which keeps the first.
       */
      if (n > 0 && g_strcmp0 (language, self->language) == 0)
        {
          if (i < n)
            string = strings[i];
          else
            n++;
          memmove (languages + 1, languages, i * sizeof (char *));
          memmove (strings + 1, strings, i * sizeof (char *));
          i = 0;
        }
      else if (i == n)
        n++;

      languages[i] = language;
      strings[i] = string;
    }

  if (n == 1)
    text = sb_text_new (languages[0], strings[0]);
  else if (n > 1)
    text = sb_text_new_packed (n, languages, strings);

  if (size == 0)
    sb_reader_report (self, SB_PROBLEM_EMPTY_TEXT, NULL,
                      _("the text has no language in it"));

  sb_reader_pop (self, saved);
  return text;
}

gboolean
sb_reader_get_number (SbReader   *self,
                      SbJsonObject *object,
                      const char *member,
                      SbPresence  presence,
                      double      min,
                      double      max,
                      double     *value)
{
  SbJsonNode *node = get_member (self, object, member, presence);
  double number;

  if (node == NULL)
    return FALSE;

  if (!node_is_number (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected a number, found %s"), json_type_name (node));
      return FALSE;
    }

  number = sb_json_node_get_double (node);
  if (!isfinite (number) || number < min || number > max)
    {
      sb_reader_report (self, SB_PROBLEM_OUT_OF_RANGE, member,
                        _("%g is out of range: “%s” runs from %g to %g"),
                        number, member, min, max);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

gboolean
sb_reader_get_boolean (SbReader   *self,
                       SbJsonObject *object,
                       const char *member,
                       gboolean   *value)
{
  SbJsonNode *node = get_member (self, object, member, SB_OPTIONAL);

  if (node == NULL)
    return FALSE;

  if (!node_is_boolean (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected true or false, found %s"), json_type_name (node));
      return FALSE;
    }

  *value = sb_json_node_get_boolean (node);
  return TRUE;
}

gboolean
sb_reader_get_enum (SbReader   *self,
                    SbJsonObject *object,
                    const char *member,
                    SbPresence  presence,
                    GType       enum_type,
                    int        *value)
{
  const char *nick = sb_reader_get_string (self, object, member, presence);
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) valid = NULL;
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value != NULL)
    {
      *value = enum_value->value;
      return TRUE;
    }

  valid = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (valid, "%s%s", i ? ", " : "", klass->values[i].value_nick);

  sb_reader_report (self, SB_PROBLEM_UNKNOWN_VALUE, member,
                    _("unknown value “%s”; expected one of: %s"), nick, valid->str);
  return FALSE;
}

static gboolean
calendar_date_of_node (SbReader       *self,
                       SbJsonNode       *node,
                       const char     *member,
                       SbCalendarDate *date)
{
  const char *string;

  if (!node_is_string (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected a date such as “2022”, “2022-08” or “2022-08-15”, found %s"),
                        json_type_name (node));
      return FALSE;
    }

  string = sb_json_node_get_string (node);
  if (!sb_calendar_date_parse (string, date))
    {
      sb_reader_report (self, SB_PROBLEM_BAD_DATE, member,
                        _("“%s” is not a date: write “2022”, “2022-08” or “2022-08-15”, for a date that exists"),
                        string);
      return FALSE;
    }

  return TRUE;
}

gboolean
sb_reader_get_date (SbReader   *self,
                    SbJsonObject *object,
                    const char *member,
                    SbPresence  presence,
                    SbDate     *date)
{
  static const char * const members[] = { "value", "from", "to", "approximate", NULL };
  SbJsonNode *node = get_member (self, object, member, presence);
  SbJsonObject *date_object;
  SbJsonNode *value, *from, *to;
  gboolean approximate = FALSE;
  gboolean ok = TRUE;
  gsize saved;

  memset (date, 0, sizeof *date);

  if (node == NULL)
    return FALSE;

  if (node_is_string (node))
    return calendar_date_of_node (self, node, member, &date->start);

  if (!SB_JSON_NODE_HOLDS_OBJECT (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected a date: a string such as “2022-08”, or an object with “value” or “from”; found %s"),
                        json_type_name (node));
      return FALSE;
    }

  saved = sb_reader_push_member (self, member);
  date_object = sb_json_node_get_object (node);
  sb_reader_check_members (self, date_object, members);

  value = sb_json_object_get_member (date_object, "value");
  from = sb_json_object_get_member (date_object, "from");
  to = sb_json_object_get_member (date_object, "to");

  if (value != NULL && (from != NULL || to != NULL))
    {
      sb_reader_report (self, SB_PROBLEM_BAD_DATE, NULL,
                        _("a date has either “value” or “from” and “to”, not both"));
      ok = FALSE;
    }
  else if (value != NULL)
    {
      ok = calendar_date_of_node (self, value, "value", &date->start);
    }
  else if (from != NULL)
    {
      date->is_span = TRUE;
      ok = calendar_date_of_node (self, from, "from", &date->start);
      if (to != NULL)
        ok = calendar_date_of_node (self, to, "to", &date->end) && ok;

      if (ok && to != NULL &&
          sb_calendar_date_first_day (&date->end) < sb_calendar_date_first_day (&date->start))
        {
          sb_reader_report (self, SB_PROBLEM_BAD_DATE, "to",
                            _("the span ends before it starts"));
          ok = FALSE;
        }
    }
  else
    {
      sb_reader_report (self, SB_PROBLEM_MISSING_FIELD, to ? "from" : "value",
                        _("a date object needs “value”, or “from” (and optionally “to”)"));
      ok = FALSE;
    }

  if (sb_reader_get_boolean (self, date_object, "approximate", &approximate))
    date->approximate = approximate;

  sb_reader_pop (self, saved);

  if (!ok)
    memset (date, 0, sizeof *date);

  return ok;
}

static gboolean
count_of_node (SbReader   *self,
               SbJsonNode   *node,
               const char *member,
               double     *value)
{
  double number;

  if (!node_is_number (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected a number, found %s"), json_type_name (node));
      return FALSE;
    }

  number = sb_json_node_get_double (node);
  if (!isfinite (number) || number < 0)
    {
      sb_reader_report (self, SB_PROBLEM_OUT_OF_RANGE, member,
                        _("%g is out of range: a quantity is not negative"), number);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

gboolean
sb_reader_get_quantity (SbReader   *self,
                        SbJsonObject *object,
                        const char *member,
                        SbPresence  presence,
                        SbQuantity *quantity)
{
  static const char * const members[] = { "value", "min", "max", "approximate", NULL };
  SbJsonNode *node = get_member (self, object, member, presence);
  SbJsonObject *quantity_object;
  SbJsonNode *value, *min, *max;
  gboolean approximate = FALSE;
  gboolean ok;
  gsize saved;

  memset (quantity, 0, sizeof *quantity);

  if (node == NULL)
    return FALSE;

  if (node_is_number (node))
    {
      ok = count_of_node (self, node, member, &quantity->min);
      quantity->max = quantity->min;
      quantity->is_set = ok;
      return ok;
    }

  if (!SB_JSON_NODE_HOLDS_OBJECT (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, member,
                        _("expected a quantity: a number, or an object with “value” or “min” and “max”; found %s"),
                        json_type_name (node));
      return FALSE;
    }

  saved = sb_reader_push_member (self, member);
  quantity_object = sb_json_node_get_object (node);
  sb_reader_check_members (self, quantity_object, members);

  value = sb_json_object_get_member (quantity_object, "value");
  min = sb_json_object_get_member (quantity_object, "min");
  max = sb_json_object_get_member (quantity_object, "max");

  if (value != NULL && min == NULL && max == NULL)
    {
      ok = count_of_node (self, value, "value", &quantity->min);
      quantity->max = quantity->min;
    }
  else if (value == NULL && min != NULL && max != NULL)
    {
      ok = count_of_node (self, min, "min", &quantity->min);
      ok = count_of_node (self, max, "max", &quantity->max) && ok;
      quantity->is_range = TRUE;

      if (ok && quantity->min > quantity->max)
        {
          sb_reader_report (self, SB_PROBLEM_BAD_VALUE, "min",
                            _("“min” (%g) is larger than “max” (%g)"), quantity->min, quantity->max);
          ok = FALSE;
        }
    }
  else
    {
      sb_reader_report (self, SB_PROBLEM_BAD_VALUE, NULL,
                        _("a quantity object has either “value”, or both “min” and “max”"));
      ok = FALSE;
    }

  if (sb_reader_get_boolean (self, quantity_object, "approximate", &approximate))
    quantity->approximate = approximate;

  sb_reader_pop (self, saved);

  if (!ok)
    memset (quantity, 0, sizeof *quantity);
  quantity->is_set = ok;

  return ok;
}

/**
 * sb_id_is_valid:
 *
 * Returns: whether @id is a slug: lower-case letters and digits in groups
 *   joined by single hyphens, at most %SB_MAX_ID_LENGTH characters
 */
gboolean
sb_id_is_valid (const char *id)
{
  gboolean after_hyphen = TRUE;
  gsize len = 0;

  for (const char *p = id; *p; p++, len++)
    {
      if (*p == '-')
        {
          if (after_hyphen)
            return FALSE;
          after_hyphen = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_hyphen = FALSE;
      else
        return FALSE;
    }

  return len > 0 && len <= SB_MAX_ID_LENGTH && !after_hyphen;
}

/**
 * sb_reader_get_code:
 * @what: the kind of code, for the message ("a country code such as “MLI”")
 *
 * Returns: (nullable): a string member that @is_valid accepts
 */
char *
sb_reader_get_code (SbReader    *self,
                    SbJsonObject  *object,
                    const char  *member,
                    SbPresence   presence,
                    const char  *what,
                    gboolean   (*is_valid) (const char *))
{
  const char *code = sb_reader_get_string (self, object, member, presence);

  if (code == NULL)
    return NULL;

  if (!is_valid (code))
    {
      sb_reader_report (self, SB_PROBLEM_BAD_VALUE, member,
                        _("“%s” is not %s"), code, what);
      return NULL;
    }

  return g_strdup (code);
}

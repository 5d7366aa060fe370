/* sb-json-scan.c
 *
 * JSON paths, and where in the text a path lies.
 *
 * The locator only skips over JSON text: it runs on text the syntax check
 * has accepted, and only to place problems.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-json-scan"

#include "config.h"

#include <string.h>

#include "sb-json-scan.h"
#include "sb-problem.h"

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

void
sb_json_path_append_member (GString    *path,
                            const char *member)
{
  if (is_identifier (member))
    {
      g_string_append_c (path, '.');
      g_string_append (path, member);
      return;
    }

  g_string_append (path, "['");
  for (const char *p = member; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (path, '\\');
      g_string_append_c (path, *p);
    }
  g_string_append (path, "']");
}

/* Without printf: the loader appends an index for every element it reads. */
void
sb_json_path_append_index (GString *path,
                           guint    index)
{
  char digits[16];
  guint n = 0;

  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);

  g_string_append_c (path, '[');
  while (n > 0)
    g_string_append_c (path, digits[--n]);
  g_string_append_c (path, ']');
}

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GString *path;
  GHashTable *wanted;      /* path → offset + 1, 0 while not found */
} Locator;

static void
skip_whitespace (Locator *self)
{
  while (self->p < self->end &&
         (*self->p == ' ' || *self->p == '\t' || *self->p == '\r' || *self->p == '\n'))
    self->p++;
}

static void
skip_string (Locator *self)
{
  self->p++;
  while (self->p < self->end && *self->p != '"')
    self->p += *self->p == '\\' ? 2 : 1;
  self->p++;
}

/* Member names are compared decoded; escapes in keys are rare, and
 * g_strcompress() decodes all but \u, which a path would not match anyway.
 */
static char *
read_key (Locator *self)
{
  const char *begin = self->p + 1;
  g_autofree char *raw = NULL;

  skip_string (self);
  raw = g_strndup (begin, MAX (self->p - 1 - begin, 0));

  if (strchr (raw, '\\') == NULL)
    return g_steal_pointer (&raw);

  return g_strcompress (raw);
}

static gboolean
is_wanted (Locator *self)
{
  return g_hash_table_contains (self->wanted, self->path->str);
}

static void
record (Locator    *self,
        const char *at)
{
  gpointer key, value;

  if (g_hash_table_lookup_extended (self->wanted, self->path->str, &key, &value) &&
      GPOINTER_TO_SIZE (value) == 0)
    g_hash_table_insert (self->wanted, g_strdup (key), GSIZE_TO_POINTER (at - self->start + 1));
}

static void skip_value (Locator *self, gboolean descend);

/* Only containers on a wanted path are entered; the others are skipped
 * without building paths for their children.
 */
static void
skip_container (Locator  *self,
                gboolean  descend)
{
  char close = *self->p == '{' ? '}' : ']';
  guint index = 0;

  self->p++;

  for (;;)
    {
      gsize saved_len = self->path->len;
      const char *member_start;

      skip_whitespace (self);
      if (self->p >= self->end || *self->p == close)
        break;

      member_start = self->p;

      if (close == '}')
        {
          g_autofree char *key = read_key (self);

          if (descend)
            sb_json_path_append_member (self->path, key);
          skip_whitespace (self);
          self->p++; /* ':' */
        }
      else if (descend)
        {
          sb_json_path_append_index (self->path, index);
        }

      if (descend)
        record (self, member_start);
      skip_value (self, descend && is_wanted (self));

      g_string_truncate (self->path, saved_len);
      index++;

      skip_whitespace (self);
      if (self->p < self->end && *self->p == ',')
        self->p++;
    }

  self->p++;
}

static void
skip_value (Locator  *self,
            gboolean  descend)
{
  skip_whitespace (self);
  if (self->p >= self->end)
    return;

  switch (*self->p)
    {
    case '{':
    case '[':
      skip_container (self, descend);
      break;

    case '"':
      skip_string (self);
      break;

    default:
      while (self->p < self->end && strchr (",]} \t\r\n", *self->p) == NULL)
        self->p++;
      break;
    }
}

void
sb_json_offset_to_position (const char *data,
                            gsize       offset,
                            guint      *line,
                            guint      *column)
{
  const char *line_start = data;
  guint lines = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          lines++;
          line_start = data + i + 1;
        }
    }

  *line = lines;
  *column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

/* "$.incidents[3].place" → "$", "$.incidents", "$.incidents[3]" and itself */
static void
add_path_and_parents (GHashTable *wanted,
                      const char *path)
{
  gsize length = strlen (path);

  for (gsize len = length; len > 0; len--)
    if (len == length || path[len] == '.' || path[len] == '[')
      g_hash_table_insert (wanted, g_strndup (path, len), NULL);
}

static gsize
lookup_offset (GHashTable *wanted,
               const char *path)
{
  g_autofree char *parent = g_strdup (path);
  gsize found = GPOINTER_TO_SIZE (g_hash_table_lookup (wanted, parent));

  /* A member that is missing is reported where its object starts. */
  for (gsize len = strlen (parent); found == 0 && len > 1; len--)
    {
      if (parent[len - 1] == '.' || parent[len - 1] == '[')
        {
          parent[len - 1] = '\0';
          found = GPOINTER_TO_SIZE (g_hash_table_lookup (wanted, parent));
        }
    }

  return found;
}

typedef struct
{
  gsize offset;
  SbProblem *problem;
} Located;

static int
compare_located (gconstpointer a,
                 gconstpointer b)
{
  gsize offset_a = ((const Located *) a)->offset;
  gsize offset_b = ((const Located *) b)->offset;

  return offset_a < offset_b ? -1 : offset_a > offset_b;
}

/**
 * sb_json_locate_problems:
 * @problems: (element-type SbProblem): problems to give a line and column
 *
 * Sets line and column of each problem that has a path but no position:
 * for a member, where its name starts; for an array element, where the
 * element starts; for a missing member, where its object starts.
 */
void
sb_json_locate_problems (const char *data,
                         gsize       length,
                         GPtrArray  *problems)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(GArray) located = NULL;
  Locator locator = { data, data, data + length, path, wanted };
  gsize scanned = 0, line_start = 0;
  guint line = 1;

  for (guint i = 0; i < problems->len; i++)
    {
      SbProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line == 0 && problem->path != NULL)
        add_path_and_parents (wanted, problem->path);
    }

  if (g_hash_table_size (wanted) == 0)
    return;

  skip_whitespace (&locator);
  record (&locator, locator.p);
  skip_value (&locator, TRUE);

  located = g_array_new (FALSE, FALSE, sizeof (Located));
  for (guint i = 0; i < problems->len; i++)
    {
      SbProblem *problem = g_ptr_array_index (problems, i);
      Located entry = { 0, problem };

      if (problem->line > 0 || problem->path == NULL)
        continue;

      entry.offset = lookup_offset (wanted, problem->path);
      if (entry.offset > 0)
        {
          entry.offset--;
          g_array_append_val (located, entry);
        }
    }

  /* One pass over the text for all problems, in the order they appear. */
  g_array_sort (located, compare_located);
  for (guint i = 0; i < located->len; i++)
    {
      Located *entry = &g_array_index (located, Located, i);

      while (scanned < entry->offset)
        {
          if (data[scanned] == '\n')
            {
              line++;
              line_start = scanned + 1;
            }
          scanned++;
        }

      entry->problem->line = line;
      entry->problem->column = g_utf8_strlen (data + line_start, entry->offset - line_start) + 1;
    }
}

/* sb-json-scan.c
 *
 * Both scanners here only skip over JSON text: they run on input that is
 * valid UTF-8, and the locator only on input json-glib has accepted.
 */

#define G_LOG_DOMAIN "sb-json-scan"

#include "config.h"

#include <string.h>

#include "sb-json-scan.h"
#include "sb-problem.h"

/**
 * sb_json_scan_depth:
 * @offending_offset: (out): where the nesting first exceeds @max_depth
 *
 * Returns: %TRUE if arrays and objects nest at most @max_depth deep
 */
gboolean
sb_json_scan_depth (const char *data,
                    gsize       length,
                    guint       max_depth,
                    gsize      *offending_offset)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            {
              *offending_offset = i;
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

static int
hex_quad (const char *p,
          const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/**
 * sb_json_scan_strings:
 * @offending_offset: (out): where the first problem starts
 *
 * json-glib 1.6 reads more than JSON, and not all of it safely: comments,
 * single-quoted strings and strings that run on over line ends, which hide
 * brackets and quotes from the other scans here; escapes JSON does not
 * have, which it drops; and lone
 * UTF-16 surrogates (“\ud800”), which it turns into bytes that are not
 * UTF-8, or, followed by another \u escape, leaks on.
 *
 * Returns: %FALSE at a “'” or “/” outside a string, at a control
 *   character in a string, or at an escape in a string that is not one of
 *   JSON's, or is a surrogate not in a pair
 */
gboolean
sb_json_scan_strings (const char *data,
                      gsize       length,
                      gsize      *offending_offset)
{
  const char *end = data + length;
  const char *p;
  gboolean in_string = FALSE;

  for (p = data; p < end; p++)
    {
      int unit;

      if (!in_string)
        {
          if (*p == '"')
            in_string = TRUE;
          else if (*p == '\'' || *p == '/')
            goto bad;
          continue;
        }

      if ((guchar) *p < 0x20)
        goto bad;

      if (*p == '"')
        {
          in_string = FALSE;
          continue;
        }

      if (*p != '\\')
        continue;

      /* An unterminated string is left to json-glib to report. */
      if (p + 1 == end)
        break;

      if (p[1] != '\0' && strchr ("\"\\/bfnrt", p[1]) != NULL)
        {
          p++;
          continue;
        }

      unit = p[1] == 'u' ? hex_quad (p + 2, end) : -1;
      if (unit >= 0 && (unit < 0xd800 || unit > 0xdfff))
        {
          p += 5;
          continue;
        }

      if (unit >= 0xd800 && unit <= 0xdbff && end - p >= 12 && p[6] == '\\' && p[7] == 'u')
        {
          int low = hex_quad (p + 8, end);

          if (low >= 0xdc00 && low <= 0xdfff)
            {
              p += 11;
              continue;
            }
        }

      goto bad;
    }

  return TRUE;

bad:
  *offending_offset = p - data;
  return FALSE;
}

/**
 * sb_json_scan_single_value:
 * @offending_offset: (out): where a second top-level value starts
 *
 * json-glib 1.6 parses on past the first top-level value: it keeps the
 * first and leaks every further array or object ("{…} {…}", "1 {…}").
 *
 * Returns: %FALSE if an array or object starts at the top level after
 *   anything but white space
 */
gboolean
sb_json_scan_single_value (const char *data,
                           gsize       length,
                           gsize      *offending_offset)
{
  gboolean in_string = FALSE;
  gboolean seen_value = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
          break;

        case '[':
        case '{':
          if (depth == 0 && seen_value)
            {
              *offending_offset = i;
              return FALSE;
            }
          depth++;
          seen_value = TRUE;
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          seen_value = TRUE;
          break;

        case '"':
          in_string = TRUE;
          seen_value = TRUE;
          break;

        default:
          seen_value = TRUE;
          break;
        }
    }

  return TRUE;
}

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

void
sb_json_path_append_index (GString *path,
                           guint    index)
{
  g_string_append_printf (path, "[%u]", index);
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

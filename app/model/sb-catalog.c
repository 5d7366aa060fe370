/* sb-catalog.c
 *
 * gettext answers in the interface's language only; a briefing's texts
 * are in its own languages. This reads the app's compiled catalogues
 * (LOCALEDIR/LANG/LC_MESSAGES/sahelbrief.mo, where bindtextdomain() says
 * they are) directly: the GNU .mo format, and the catalogue's own
 * Plural-Forms expression to choose a plural.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sb-catalog.h"

#define MO_MAGIC 0x950412de
#define MO_MAGIC_SWAPPED 0xde120495

typedef struct
{
  GMappedFile *file;
  GHashTable *messages;    /* msgid (with "context\004") → index + 1 in translations */
  GArray *translations;    /* of Translation, in the file */
  char *plural;            /* the Plural-Forms expression; nullable */
} Catalog;

typedef struct
{
  const char *text;        /* the forms of a plural follow each other, each ending with a NUL */
  guint32 length;
} Translation;

static GMutex lock;
static GHashTable *catalogs;   /* language → Catalog, NULL where there is none */

static void
catalog_free (Catalog *catalog)
{
  if (catalog == NULL)
    return;
  g_clear_pointer (&catalog->messages, g_hash_table_unref);
  g_clear_pointer (&catalog->translations, g_array_unref);
  g_clear_pointer (&catalog->file, g_mapped_file_unref);
  g_free (catalog->plural);
  g_free (catalog);
}

static guint32
read_u32 (const char *data,
          gsize       offset,
          gboolean    swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

static char *
find_plural (const char *header)
{
  const char *line = strstr (header, "Plural-Forms:");
  const char *start, *end;

  if (line == NULL || (start = strstr (line, "plural=")) == NULL)
    return NULL;
  start += strlen ("plural=");
  end = start + strcspn (start, ";\n");
  return g_strndup (start, end - start);
}

static Catalog *
catalog_load (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swapped;
  Catalog *catalog;

  if (file == NULL || (size = g_mapped_file_get_length (file)) < 28)
    return NULL;
  data = g_mapped_file_get_contents (file);
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return NULL;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64) originals + 8ull * n > size || (guint64) translations + 8ull * n > size)
    return NULL;

  catalog = g_new0 (Catalog, 1);
  catalog->file = g_steal_pointer (&file);
  catalog->messages = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->translations = g_array_new (FALSE, FALSE, sizeof (Translation));
  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_length = read_u32 (data, originals + 8 * i, swapped);
      guint32 o_offset = read_u32 (data, originals + 8 * i + 4, swapped);
      guint32 t_length = read_u32 (data, translations + 8 * i, swapped);
      guint32 t_offset = read_u32 (data, translations + 8 * i + 4, swapped);

      /* Each string ends with a NUL the length does not count. */
      if ((guint64) o_offset + o_length >= size || (guint64) t_offset + t_length >= size ||
          data[o_offset + o_length] != '\0' || data[t_offset + t_length] != '\0')
        continue;
      if (o_length == 0)
        catalog->plural = find_plural (data + t_offset);
      else
        {
          Translation translation = { data + t_offset, t_length };

          /* A plural's original is "msgid\0msgid_plural": its key ends at the NUL. */
          g_array_append_val (catalog->translations, translation);
          g_hash_table_insert (catalog->messages, (char *) data + o_offset, GUINT_TO_POINTER (catalog->translations->len));
        }
    }

  return catalog;
}

/* "fr_BE.UTF-8", "fr-BE", "fr": the catalogue of the most specific there is. */
static Catalog *
lookup_catalog (const char *language)
{
  g_autofree char *code = g_strdelimit (g_strdup (language), "-", '_');
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  Catalog *catalog = NULL;
  char *cut;

  if ((cut = strpbrk (code, ".@")) != NULL)
    *cut = '\0';

  g_mutex_lock (&lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) catalog_free);

  if (!g_hash_table_lookup_extended (catalogs, code, NULL, (gpointer *) &catalog))
    {
      g_autofree char *path = g_build_filename (dir ? dir : LOCALEDIR, code, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      catalog = catalog_load (path);
      if (catalog == NULL && (cut = strchr (code, '_')) != NULL)
        {
          g_autofree char *base = g_strndup (code, cut - code);
          g_autofree char *base_path = g_build_filename (dir ? dir : LOCALEDIR, base, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

          catalog = catalog_load (base_path);
        }
      g_hash_table_insert (catalogs, g_strdup (code), catalog);
    }
  g_mutex_unlock (&lock);

  return catalog;
}

/* Plural-Forms: a C expression of n. */

typedef struct
{
  const char *p;
  gulong n;
  gboolean failed;
} Parser;

static gulong parse_expression (Parser *parser);

static void
skip_spaces (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
accept (Parser     *parser,
        const char *token)
{
  skip_spaces (parser);
  if (strncmp (parser->p, token, strlen (token)) != 0)
    return FALSE;
  /* "<" is not "<=", "!" is not "!=". */
  if (strlen (token) == 1 && strchr ("<>!=", token[0]) != NULL && parser->p[1] == '=')
    return FALSE;
  parser->p += strlen (token);
  return TRUE;
}

static gulong
parse_primary (Parser *parser)
{
  gulong value;

  skip_spaces (parser);
  if (accept (parser, "("))
    {
      value = parse_expression (parser);
      if (!accept (parser, ")"))
        parser->failed = TRUE;
      return value;
    }
  if (*parser->p == 'n')
    {
      parser->p++;
      return parser->n;
    }
  if (g_ascii_isdigit (*parser->p))
    {
      char *end;

      value = strtoul (parser->p, &end, 10);
      parser->p = end;
      return value;
    }

  parser->failed = TRUE;
  return 0;
}

static gulong
parse_unary (Parser *parser)
{
  if (accept (parser, "!"))
    return !parse_unary (parser);
  return parse_primary (parser);
}

static gulong
parse_product (Parser *parser)
{
  gulong value = parse_unary (parser);

  for (;;)
    {
      if (accept (parser, "*"))
        value *= parse_unary (parser);
      else if (accept (parser, "/") || accept (parser, "%"))
        {
          char op = parser->p[-1];
          gulong divisor = parse_unary (parser);

          if (divisor == 0)
            {
              parser->failed = TRUE;
              return 0;
            }
          value = op == '/' ? value / divisor : value % divisor;
        }
      else
        return value;
    }
}

static gulong
parse_sum (Parser *parser)
{
  gulong value = parse_product (parser);

  for (;;)
    {
      if (accept (parser, "+"))
        value += parse_product (parser);
      else if (accept (parser, "-"))
        value -= parse_product (parser);
      else
        return value;
    }
}

static gulong
parse_relation (Parser *parser)
{
  gulong value = parse_sum (parser);

  for (;;)
    {
      if (accept (parser, "<="))
        value = value <= parse_sum (parser);
      else if (accept (parser, ">="))
        value = value >= parse_sum (parser);
      else if (accept (parser, "<"))
        value = value < parse_sum (parser);
      else if (accept (parser, ">"))
        value = value > parse_sum (parser);
      else
        return value;
    }
}

static gulong
parse_equality (Parser *parser)
{
  gulong value = parse_relation (parser);

  for (;;)
    {
      if (accept (parser, "=="))
        value = value == parse_relation (parser);
      else if (accept (parser, "!="))
        value = value != parse_relation (parser);
      else
        return value;
    }
}

static gulong
parse_and (Parser *parser)
{
  gulong value = parse_equality (parser);

  while (accept (parser, "&&"))
    {
      gulong other = parse_equality (parser);

      value = value && other;
    }
  return value;
}

static gulong
parse_or (Parser *parser)
{
  gulong value = parse_and (parser);

  while (accept (parser, "||"))
    {
      gulong other = parse_and (parser);

      value = value || other;
    }
  return value;
}

static gulong
parse_expression (Parser *parser)
{
  gulong condition = parse_or (parser);

  if (accept (parser, "?"))
    {
      gulong yes = parse_expression (parser);
      gulong no;

      if (!accept (parser, ":"))
        parser->failed = TRUE;
      no = parse_expression (parser);
      return condition ? yes : no;
    }
  return condition;
}

/**
 * sb_catalog_plural_eval:
 * @expression: a catalogue's plural expression, such as "(n > 1)"
 *
 * Returns: which plural form @n takes; that of English (n != 1) when
 *   @expression cannot be read
 */
gulong
sb_catalog_plural_eval (const char *expression,
                        gulong      n)
{
  Parser parser = { expression, n, FALSE };
  gulong form;

  if (expression == NULL)
    return n != 1;

  form = parse_expression (&parser);
  skip_spaces (&parser);
  if (parser.failed || *parser.p != '\0')
    return n != 1;
  return form;
}

static const char *
translate (const char *language,
           const char *context,
           const char *msgid,
           const char *msgid_plural,
           gulong      n)
{
  Catalog *catalog = language != NULL ? lookup_catalog (language) : NULL;
  g_autofree char *key = NULL;
  const Translation *translation;
  const char *found;
  guint index;
  gulong form;

  if (catalog == NULL)
    return msgid_plural != NULL && n != 1 ? msgid_plural : msgid;

  key = context != NULL ? g_strconcat (context, "\004", msgid, NULL) : g_strdup (msgid);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (catalog->messages, key));
  if (index == 0 || (translation = &g_array_index (catalog->translations, Translation, index - 1))->length == 0)
    return msgid_plural != NULL && n != 1 ? msgid_plural : msgid;
  if (msgid_plural == NULL)
    return translation->text;

  form = sb_catalog_plural_eval (catalog->plural, n);
  for (found = translation->text; form > 0; form--)
    {
      found += strlen (found) + 1;
      if (found > translation->text + translation->length)
        return msgid_plural;
    }
  return found;
}

/**
 * sb_catalog_gettext:
 * @language: a language code ("nl", "fr_BE"); %NULL or one without a
 *   catalogue gives @msgid
 * @context: (nullable): the message's context, as C_() gives it
 *
 * Returns: @msgid in @language
 */
const char *
sb_catalog_gettext (const char *language,
                    const char *context,
                    const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);

  return translate (language, context, msgid, NULL, 1);
}

/**
 * sb_catalog_ngettext:
 *
 * Returns: the form of @msgid that @n takes in @language
 */
const char *
sb_catalog_ngettext (const char *language,
                     const char *context,
                     const char *msgid,
                     const char *msgid_plural,
                     gulong      n)
{
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  return translate (language, context, msgid, msgid_plural, n);
}

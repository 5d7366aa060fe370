/* sb-extract-html.c
 *
 * The text of a web page and what it says of itself. libxml2's HTML
 * parser reads the page as browsers do, forgiving its mistakes; the text
 * is that of its <article> (the longest, when there are several) or its
 * <main>, else its body, without scripts, menus, asides and footers, a
 * paragraph for each block. Title, publisher, author, date, language and
 * address come from its JSON-LD, then OpenGraph and the usual <meta>
 * names, then <title> and <html lang>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-extract"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "sb-extract-html.h"
#include "sb-text.h"

typedef enum { BREAK_NONE, BREAK_SPACE, BREAK_LINE, BREAK_PARAGRAPH } Break;

typedef struct
{
  GString *out;
  Break pending;
  guint in_pre;
} Writer;

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_one_of (xmlNode            *node,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (is_named (node, names[i]))
      return TRUE;
  return FALSE;
}

static const char * const skipped[] = {
  "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "select",
  "iframe", "svg", "canvas", "object", "embed", "audio", "video", "head", NULL
};

static const char * const blocks[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "section", "article",
  "main", "header", "table", "tr", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "address",
  "hr", "center", "details", "summary", "body", NULL
};

static void
request_break (Writer *writer,
               Break   level)
{
  writer->pending = MAX (writer->pending, level);
}

static void
write_text (Writer     *writer,
            const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Runs of white space are one space, except in <pre>; a
       * non-breaking space is the article's own and stays.
       */
      if (writer->in_pre == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'))
        {
          request_break (writer, BREAK_SPACE);
          continue;
        }
      if (writer->in_pre > 0 && c == '\n')
        {
          request_break (writer, BREAK_LINE);
          continue;
        }

      if (writer->out->len > 0)
        {
          switch (writer->pending)
            {
            case BREAK_PARAGRAPH:
              g_string_append (writer->out, "\n\n");
              break;
            case BREAK_LINE:
              g_string_append_c (writer->out, '\n');
              break;
            case BREAK_SPACE:
              g_string_append_c (writer->out, ' ');
              break;
            case BREAK_NONE:
            default:
              break;
            }
        }
      writer->pending = BREAK_NONE;
      g_string_append_unichar (writer->out, c);
    }
}

static void
write_node (Writer  *writer,
            xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean block;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            write_text (writer, (const char *) child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE || is_one_of (child, skipped))
        continue;

      if (is_named (child, "br"))
        {
          request_break (writer, BREAK_LINE);
          continue;
        }

      block = is_one_of (child, blocks);
      if (block)
        request_break (writer, BREAK_PARAGRAPH);
      else if (is_named (child, "td") || is_named (child, "th"))
        request_break (writer, BREAK_SPACE);
      if (is_named (child, "pre"))
        writer->in_pre++;

      write_node (writer, child);

      if (is_named (child, "pre"))
        writer->in_pre--;
      if (block)
        request_break (writer, BREAK_PARAGRAPH);
    }
}

static char *
text_of (xmlNode *node)
{
  Writer writer = { g_string_new (NULL), BREAK_NONE, 0 };

  write_node (&writer, node);
  return g_string_free (writer.out, FALSE);
}

static void
find_all (xmlNode    *node,
          const char *name,
          GPtrArray  *found)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_named (child, name))
        g_ptr_array_add (found, child);
      find_all (child, name, found);
    }
}

static xmlNode *
find_first (xmlNode    *node,
            const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (node, name, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* The element whose text is the article. */
static xmlNode *
find_content (xmlNode *root)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  xmlNode *best = NULL;
  gsize best_length = 0;

  find_all (root, "article", articles);
  for (guint i = 0; i < articles->len; i++)
    {
      g_autofree char *text = text_of (g_ptr_array_index (articles, i));

      if (best == NULL || strlen (text) > best_length)
        {
          best = g_ptr_array_index (articles, i);
          best_length = strlen (text);
        }
    }
  if (best != NULL && best_length > 0)
    return best;

  if ((best = find_first (root, "main")) != NULL)
    return best;

  find_all (root, "div", all);
  find_all (root, "section", all);
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *role = get_attribute (g_ptr_array_index (all, i), "role");

      if (g_strcmp0 (role, "main") == 0)
        return g_ptr_array_index (all, i);
    }

  if ((best = find_first (root, "body")) != NULL)
    return best;
  return root;
}

/* ------------------------------------------------------------------ */
/* What the page says of itself                                        */
/* ------------------------------------------------------------------ */

typedef struct
{
  char *title, *publisher, *author, *date, *language, *url;
} Found;

static void
found_clear (Found *found)
{
  g_free (found->title);
  g_free (found->publisher);
  g_free (found->author);
  g_free (found->date);
  g_free (found->language);
  g_free (found->url);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Found, found_clear)

/* The first value found is kept: sources are read most trusted first. */
static void
keep (char      **slot,
      const char *value)
{
  g_autofree char *copy = NULL;

  if (*slot != NULL || value == NULL)
    return;
  copy = g_strstrip (g_strdup (value));
  if (*copy != '\0')
    *slot = g_steal_pointer (&copy);
}

/* A JSON-LD name: a string, an object with "name", or the first of a list. */
static const char *
json_name (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      return json_object_has_member (object, "name") ? json_name (json_object_get_member (object, "name")) : NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    return json_name (json_array_get_element (json_node_get_array (node), 0));
  return NULL;
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_article_type (JsonObject *object)
{
  const char *type = json_string (object, "@type");
  static const char * const articles[] = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report",
    "ScholarlyArticle", "WebPage", "OpinionNewsArticle", "BackgroundNewsArticle", NULL
  };

  return type != NULL && g_strv_contains (articles, type);
}

static void
read_json_ld_object (JsonObject *object,
                     Found      *found)
{
  if (json_object_has_member (object, "@graph") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "@graph")))
    {
      JsonArray *graph = json_object_get_array_member (object, "@graph");

      for (guint i = 0; i < json_array_get_length (graph); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (graph, i)))
          read_json_ld_object (json_array_get_object_element (graph, i), found);
      return;
    }

  if (!is_article_type (object))
    return;

  keep (&found->title, json_string (object, "headline"));
  keep (&found->title, json_string (object, "name"));
  keep (&found->date, json_string (object, "datePublished"));
  keep (&found->date, json_string (object, "dateCreated"));
  keep (&found->author, json_name (json_object_get_member (object, "author")));
  keep (&found->author, json_name (json_object_get_member (object, "creator")));
  keep (&found->publisher, json_name (json_object_get_member (object, "publisher")));
  keep (&found->language, json_string (object, "inLanguage"));
  keep (&found->url, json_string (object, "url"));
}

static void
read_json_ld (xmlNode *root,
              Found   *found)
{
  g_autoptr(GPtrArray) scripts = g_ptr_array_new ();

  find_all (root, "script", scripts);
  for (guint i = 0; i < scripts->len; i++)
    {
      xmlNode *script = g_ptr_array_index (scripts, i);
      g_autofree char *type = get_attribute (script, "type");
      g_autoptr(JsonParser) parser = NULL;
      xmlChar *content;
      JsonNode *node;

      if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0)
        continue;

      content = xmlNodeGetContent (script);
      parser = json_parser_new ();
      if (content != NULL && json_parser_load_from_data (parser, (const char *) content, -1, NULL))
        {
          node = json_parser_get_root (parser);
          if (JSON_NODE_HOLDS_OBJECT (node))
            read_json_ld_object (json_node_get_object (node), found);
          else if (JSON_NODE_HOLDS_ARRAY (node))
            for (guint j = 0; j < json_array_get_length (json_node_get_array (node)); j++)
              if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (node), j)))
                read_json_ld_object (json_array_get_object_element (json_node_get_array (node), j), found);
        }
      xmlFree (content);
    }
}

static void
read_meta (xmlNode *root,
           Found   *found)
{
  g_autoptr(GPtrArray) metas = g_ptr_array_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  /* In the order they are trusted; OpenGraph first. */
  static const struct { const char *name; gsize slot; } names[] = {
    { "og:title", G_STRUCT_OFFSET (Found, title) },
    { "og:site_name", G_STRUCT_OFFSET (Found, publisher) },
    { "og:url", G_STRUCT_OFFSET (Found, url) },
    { "article:published_time", G_STRUCT_OFFSET (Found, date) },
    { "og:locale", G_STRUCT_OFFSET (Found, language) },
    { "citation_title", G_STRUCT_OFFSET (Found, title) },
    { "citation_publisher", G_STRUCT_OFFSET (Found, publisher) },
    { "citation_author", G_STRUCT_OFFSET (Found, author) },
    { "citation_publication_date", G_STRUCT_OFFSET (Found, date) },
    { "citation_language", G_STRUCT_OFFSET (Found, language) },
    { "dc.title", G_STRUCT_OFFSET (Found, title) },
    { "dc.publisher", G_STRUCT_OFFSET (Found, publisher) },
    { "dc.creator", G_STRUCT_OFFSET (Found, author) },
    { "dc.date", G_STRUCT_OFFSET (Found, date) },
    { "dc.language", G_STRUCT_OFFSET (Found, language) },
    { "author", G_STRUCT_OFFSET (Found, author) },
    { "article:author", G_STRUCT_OFFSET (Found, author) },
    { "publisher", G_STRUCT_OFFSET (Found, publisher) },
    { "application-name", G_STRUCT_OFFSET (Found, publisher) },
    { "date", G_STRUCT_OFFSET (Found, date) },
    { "pubdate", G_STRUCT_OFFSET (Found, date) },
    { "content-language", G_STRUCT_OFFSET (Found, language) },
  };

  find_all (root, "meta", metas);
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (guint i = 0; i < metas->len; i++)
      {
        xmlNode *meta = g_ptr_array_index (metas, i);
        g_autofree char *property = get_attribute (meta, "property");
        g_autofree char *name = get_attribute (meta, "name");
        g_autofree char *equiv = get_attribute (meta, "http-equiv");
        g_autofree char *content = get_attribute (meta, "content");
        char **slot = G_STRUCT_MEMBER_P (found, names[n].slot);

        if (content == NULL)
          continue;
        if ((property && g_ascii_strcasecmp (property, names[n].name) == 0) ||
            (name && g_ascii_strcasecmp (name, names[n].name) == 0) ||
            (equiv && g_ascii_strcasecmp (equiv, names[n].name) == 0))
          {
            /* article:author is often the address of a profile. */
            if (slot == &found->author && g_str_has_prefix (content, "http"))
              continue;
            keep (slot, content);
          }
      }

  find_all (root, "link", links);
  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *rel = get_attribute (g_ptr_array_index (links, i), "rel");
      g_autofree char *href = get_attribute (g_ptr_array_index (links, i), "href");

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
        keep (&found->url, href);
    }
}

/* "nl_NL", "nl-NL" or "NL" as a language code: "nl". */
static char *
language_code (const char *value)
{
  g_autofree char *copy = NULL;
  char *separator;

  if (value == NULL)
    return NULL;

  copy = g_ascii_strdown (value, -1);
  g_strdelimit (copy, "_", '-');
  /* "nl-nl" says no more than "nl"; "pt-br" does. */
  separator = strchr (copy, '-');
  if (separator != NULL && g_ascii_strncasecmp (copy, separator + 1, separator - copy) == 0)
    *separator = '\0';
  else if (separator != NULL)
    {
      for (char *p = separator + 1; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
    }
  if (!sb_language_code_is_valid (copy))
    return NULL;
  return g_steal_pointer (&copy);
}

/* An address the page names, read against where it came from; only a
 * web address is a source's address.
 */
static char *
absolute_url (const char *url,
              const char *base)
{
  g_autofree char *resolved = NULL;

  if (url == NULL)
    return NULL;

  resolved = base != NULL ? g_uri_resolve_relative (base, url, G_URI_FLAGS_NONE, NULL) : g_strdup (url);
  if (resolved == NULL || !(g_str_has_prefix (resolved, "https://") || g_str_has_prefix (resolved, "http://")))
    return NULL;
  return g_steal_pointer (&resolved);
}

/**
 * sb_extract_from_html:
 * @address: (nullable): where the page was fetched from, against which
 *   the addresses it names are read
 */
SbExtract *
sb_extract_from_html (const char  *data,
                      gsize        length,
                      const char  *address,
                      GError     **error)
{
  g_autoptr(SbExtract) extract = sb_extract_new ();
  g_auto(Found) found = { NULL, };
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  htmlDocPtr doc;
  xmlNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  /* Valid UTF-8 is UTF-8 (the clipboard's HTML says no charset);
   * otherwise the page's own <meta charset> or Windows-1252.
   */
  if (g_utf8_validate_len (data, length, NULL))
    encoding = "UTF-8";

  doc = htmlReadMemory (data, (int) MIN (length, G_MAXINT), address, encoding,
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_EMPTY, _("There is no text in it"));
      return NULL;
    }

  read_json_ld (root, &found);
  read_meta (root, &found);
  if (found.title == NULL)
    {
      xmlNode *title = find_first (root, "title");
      xmlChar *content = title ? xmlNodeGetContent (title) : NULL;

      keep (&found.title, (const char *) content);
      xmlFree (content);
    }
  {
    g_autofree char *lang = get_attribute (root, "lang");

    keep (&found.language, lang);
  }

  text = text_of (find_content (root));
  xmlFreeDoc (doc);

  extract->text = sb_extract_tidy_text (text);
  if (*extract->text == '\0')
    {
      g_set_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_EMPTY, _("There is no text in it"));
      return NULL;
    }

  /* A title runs on one line, with single spaces. */
  if (found.title != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (found.title, " \t\n\r", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_strv_builder_add (kept, words[i]);
      joined = g_strv_builder_end (kept);
      extract->title = g_strjoinv (" ", joined);
    }
  extract->publisher = g_steal_pointer (&found.publisher);
  extract->author = g_steal_pointer (&found.author);
  extract->language = language_code (found.language);
  sb_extract_parse_date (found.date, &extract->date);
  sb_extract_read_text_date (extract);
  sb_extract_read_text_publisher (extract);
  sb_extract_read_text_language (extract);
  extract->url = absolute_url (found.url, address);

  return g_steal_pointer (&extract);
}

/* test-extract.c
 *
 * Reading documents for Add Source, with documents written here: text in
 * UTF-8 and Windows-1252, web pages (the text of their <article> or
 * <main>, paragraphs kept, what JSON-LD, OpenGraph and <meta> say of
 * them), a PDF drawn with cairo (its paragraphs, title, author and
 * date), and pages fetched from a server on 127.0.0.1: found, missing,
 * redirected, redirected into a private network, too slow, and not a
 * document; files that are not ordinary
 * files or are too large are refused before they are read; the date a
 * text gives under its headline or in its dateline, where the document
 * gives none of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb-download.h"
#include "sb-extract.h"
#include "sb-page-fetch.h"

static void
test_tidy (void)
{
  g_autofree char *tidy = sb_extract_tidy_text ("\xef\xbb\xbf\r\n  \nFirst line  \r\nsecond\t\n\n\n\nThird\x01 one\xc2\xa0\n\n");

  g_assert_cmpstr (tidy, ==, "First line\nsecond\n\nThird one");
}

static void
test_dates (void)
{
  SbDate date;

  g_assert_true (sb_extract_parse_date ("2022-08-15T09:30:00+02:00", &date));
  g_assert_cmpint (date.start.precision, ==, SB_DATE_PRECISION_DAY);
  g_assert_cmpint (date.start.day, ==, 15);
  g_assert_true (sb_extract_parse_date ("2022-08", &date));
  g_assert_cmpint (date.start.precision, ==, SB_DATE_PRECISION_MONTH);
  g_assert_true (sb_extract_parse_date (" 2022 ", &date));
  g_assert_cmpint (date.start.precision, ==, SB_DATE_PRECISION_YEAR);
  g_assert_false (sb_extract_parse_date ("15 August 2022", &date));
  g_assert_false (sb_extract_parse_date ("2022-13-01", &date));
  g_assert_false (sb_date_is_set (&date));
}

static void
test_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbExtract) utf8 = sb_extract_from_text ("Zo’n duizend militairen.\r\n\r\nDaarna…", -1, &error);
  g_autoptr(SbExtract) windows = NULL;
  g_autoptr(SbExtract) empty = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (utf8->text, ==, "Zo’n duizend militairen.\n\nDaarna…");
  g_assert_null (utf8->title);

  /* "Zo’n" with Windows-1252's right single quotation mark, 0x92. */
  windows = sb_extract_from_text ("Zo\x92n duizend", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (windows->text, ==, "Zo’n duizend");

  empty = sb_extract_from_text (" \n\t\n", -1, &error);
  g_assert_null (empty);
  g_assert_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_EMPTY);
}

/* A text that does not say its language is read for it: a French wire
 * report is French, not the briefing's English; a text too short to
 * tell, and one that says its language, are left as they are.
 */
static void
test_text_language (void)
{
  const struct { const char *text; const char *language; } cases[] = {
    { "Niger : une vingtaine de soldats tués dans l'attaque de Tassia\n\n"
      "NIAMEY, 26 juin 2024 (Agence Sahel Presse) — Au moins vingt soldats nigériens et un civil ont été tués "
      "mardi lors de l'attaque d'une position de l'armée à Tassia, dans la région de Tillabéri, a annoncé le "
      "ministère de la Défense. L'attaque a été attribuée à l'État islamique au Sahel, selon des sources sécuritaires.",
      "fr" },
    { "Last US troops leave Agadez drone base as Niger turns to Russia\n\n"
      "AGADEZ, Niger, 6 August 2024 (Sahel Wire) — The last American soldiers left Air Base 201 near Agadez on "
      "Monday, ending a decade in which the desert airfield was the centre of Washington's counter-terrorism effort.",
      "en" },
    { "Eerder had de junta in Mali reeds een overeenkomst gesloten met het Russische huurlingenbedrijf Wagner, "
      "dat al enige maanden operationeel is in Mali met naar wordt aangenomen zo’n duizend militairen.",
      "nl" },
    { "Gao, Ménaka, Kidal", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SbExtract) extract = sb_extract_from_text (cases[i].text, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (extract->language, ==, cases[i].language);
    }

  /* A page that says it is Dutch stays Dutch, whatever its words. */
  {
    const char *html = "<html lang=\"nl\"><body><article><p>The army said that the attack was over, and that "
                       "the town was calm.</p></article></body></html>";
    g_autoptr(GError) error = NULL;
    g_autoptr(SbExtract) extract = sb_extract_from_html (html, strlen (html), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (extract->language, ==, "nl");
  }
}

/* A .txt article's first line is suggested as its title when it reads as
 * a headline; it stays in the text. */
static void
test_text_headline (void)
{
  static const struct { const char *text, *title; } cases[] = {
    { "Leger  vertrekt uit Téra\n\nHet leger vertrok maandag uit Téra.", "Leger vertrekt uit Téra" },
    /* A paragraph a line, as text copied from a web page is saved. */
    { "Soldiers leave Niamey for Téra\nThe army left Niamey for Téra on Monday, officials said.", "Soldiers leave Niamey for Téra" },
    { "Who holds Ouallam?\n\nNobody knows.", "Who holds Ouallam?" },
    /* A sentence, a lone line, a wrapped paragraph: not a headline. */
    { "Zo’n duizend militairen.\n\nDaarna…", NULL },
    { "Only one line here", NULL },
    { "The army left Niamey for Téra on\nMonday, officials said on Tuesday\nin a statement.", NULL },
    { "Le bilan:\n\nDix morts.", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SbExtract) extract = sb_extract_from_text (cases[i].text, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (extract->title, ==, cases[i].title);
      /* The headline stays the text's first line. */
      g_assert_cmpint (strncmp (extract->text, cases[i].text, 5), ==, 0);
    }

  /* A file, as Add Source opens it. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = NULL;
    g_autoptr(GFile) file = NULL;
    g_autoptr(SbExtract) extract = NULL;
    int fd = g_file_open_tmp ("sb-article-XXXXXX.txt", &path, &error);

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (path, "Attaque près de Gotheye\r\n\r\nDes hommes armés ont attaqué Gotheye.\r\n", -1, &error));
    close (fd);
    file = g_file_new_for_path (path);
    extract = sb_extract_from_file (file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (extract->title, ==, "Attaque près de Gotheye");
    g_assert_cmpstr (extract->text, ==, "Attaque près de Gotheye\n\nDes hommes armés ont attaqué Gotheye.");
    g_unlink (path);
  }
}

/* Where the document says no date of itself: the date its text gives,
 * under the headline or in its first paragraph's dateline, with its
 * precision; a dateline without its year in the latest year before today.
 */
static void
test_text_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  /* 15 November of this year, or of last year while it is still to come. */
  int year_of_15_november = g_date_time_get_month (now) > 11 ||
                            (g_date_time_get_month (now) == 11 && g_date_time_get_day_of_month (now) >= 15)
                              ? this_year : this_year - 1;
  static const struct { const char *text; int year; int month, day; } cases[] = {
    { "Army retakes Kidal\n\nBAMAKO, 15 November 2023 (Reuters) — The army entered Kidal.", 2023, 11, 15 },
    { "Army retakes Kidal\n\nNIAMEY, Nov 15 (Reuters) - The army left Niamey.", -1, 11, 15 },
    { "L’armée à Kidal\n\nBamako, le 15 novembre 2023 – L’armée est entrée à Kidal.", 2023, 11, 15 },
    { "Leger in Kidal\n\nBAMAKO, 15 november – Het leger trok Kidal binnen.", -1, 11, 15 },
    { "Army retakes Kidal\nWednesday, 15 November 2023\n\nThe army entered Kidal.", 2023, 11, 15 },
    { "Army retakes Kidal\n\nNovember 2023\n\nThe army entered Kidal.", 2023, 11, 0 },
    { "Leger in Kidal\nGepubliceerd op 15 november 2023 om 10:32\n\nHet leger trok Kidal binnen.", 2023, 11, 15 },
    /* No date, or one deep in the story: none. */
    { "Army retakes Kidal\n\nThe army entered Kidal on 15 November 2023.", 0, 0, 0 },
    { "MINUSMA – de VN-missie – vertrekt op 15 november 2023.", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SbExtract) extract = sb_extract_from_text (cases[i].text, -1, &error);
      int year = cases[i].year < 0 ? year_of_15_november : cases[i].year;

      g_test_message ("%s", cases[i].text);
      g_assert_no_error (error);
      /* The text as it is: the dateline stays in it. */
      g_assert_cmpstr (extract->text, ==, cases[i].text);
      g_assert_cmpint (sb_date_is_set (&extract->date), ==, cases[i].year != 0);
      if (cases[i].year == 0)
        continue;
      g_assert_cmpint (extract->date.start.precision, ==,
                       cases[i].day > 0 ? SB_DATE_PRECISION_DAY : SB_DATE_PRECISION_MONTH);
      g_assert_cmpint (extract->date.start.year, ==, year);
      g_assert_cmpint (extract->date.start.month, ==, cases[i].month);
      g_assert_cmpint (extract->date.start.day, ==, cases[i].day);
    }

  /* A date the document gives of itself comes first. */
  {
    const char *page = "<html><head><meta property=\"article:published_time\" content=\"2023-11-16\"></head>"
                       "<body><article><p>BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal.</p></article></body></html>";
    const char *bare = "<html><body><article><h1>Army retakes Kidal</h1>"
                       "<p>BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal.</p></article></body></html>";
    g_autoptr(GError) error = NULL;
    g_autoptr(SbExtract) dated = sb_extract_from_html (page, strlen (page), NULL, &error);
    g_autoptr(SbExtract) undated = sb_extract_from_html (bare, strlen (bare), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (dated->date.start.day, ==, 16);
    g_assert_cmpint (undated->date.start.precision, ==, SB_DATE_PRECISION_DAY);
    g_assert_cmpint (undated->date.start.day, ==, 15);
  }
}

/* Where the document names no publisher of itself: the agency or
 * publisher its first paragraph's dateline names in brackets, editable in
 * Add Source as any other; a name in brackets later in the story is none.
 */
static void
test_text_publisher (void)
{
  static const struct { const char *text; const char *publisher; } cases[] = {
    { "Army retakes Kidal\n\nNIAMEY, 15 Nov (Sahel Wire) — The army left Niamey.", "Sahel Wire" },
    { "Army retakes Kidal\n\nBAMAKO, 15 November 2023 (Reuters) — The army entered Kidal.", "Reuters" },
    { "Army retakes Kidal\n\nBAMAKO (AFP) - The army entered Kidal.", "AFP" },
    { "Army retakes Kidal\n\nBAMAKO, 15 November 2023 — The army entered Kidal (Reuters).", NULL },
    { "Army retakes Kidal\n\nThe army, said a spokesman (Colonel Diarra), entered Kidal.", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SbExtract) extract = sb_extract_from_text (cases[i].text, -1, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (extract->publisher, ==, cases[i].publisher);
      g_assert_cmpstr (extract->text, ==, cases[i].text);
    }

  /* A publisher the document names of itself comes first. */
  {
    const char *page = "<html><head><meta property=\"og:site_name\" content=\"Het Journaal\"></head>"
                       "<body><article><p>BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal.</p></article></body></html>";
    const char *bare = "<html><body><article><h1>Army retakes Kidal</h1>"
                       "<p>BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal.</p></article></body></html>";
    g_autoptr(GError) error = NULL;
    g_autoptr(SbExtract) named = sb_extract_from_html (page, strlen (page), NULL, &error);
    g_autoptr(SbExtract) unnamed = sb_extract_from_html (bare, strlen (bare), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (named->publisher, ==, "Het Journaal");
    g_assert_cmpstr (unnamed->publisher, ==, "Reuters");
  }
}

static const char article_html[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"nl-NL\"><head><meta charset=\"utf-8\">\n"
  "<title>Site name | Laatste Franse militairen weg uit Mali</title>\n"
  "<meta property=\"og:title\" content=\"Laatste Franse militairen   weg uit Mali\">\n"
  "<meta property=\"og:site_name\" content=\"Het Journaal\">\n"
  "<meta property=\"article:published_time\" content=\"2022-08-15T18:02:11+02:00\">\n"
  "<meta name=\"author\" content=\"Jan Jansen\">\n"
  "<link rel=\"canonical\" href=\"/artikel/1234\">\n"
  "<style>p { color: red }</style><script>var x = '<p>not text</p>';</script>\n"
  "</head><body>\n"
  "<nav><a href=\"/\">Home</a> <a href=\"/news\">Nieuws</a></nav>\n"
  "<article class=\"teaser\"><p>Short teaser.</p></article>\n"
  "<article>\n"
  "  <h1>Laatste Franse militairen weg uit Mali</h1>\n"
  "  <p>De laatste Franse militairen hebben\n     Mali verlaten. Het land&rsquo;s\n"
  "     junta <em>verwelkomt</em> Russische <a href=\"#\">instructeurs</a>.</p>\n"
  "  <aside>Lees ook: iets anders</aside>\n"
  "  <p>Eerste regel<br>tweede regel</p>\n"
  "  <ul><li>Gao</li><li>Niamey</li></ul>\n"
  "  <script>track();</script>\n"
  "</article>\n"
  "<footer>© Het Journaal</footer>\n"
  "</body></html>\n";

static void
test_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbExtract) extract = sb_extract_from_html (article_html, strlen (article_html),
                                                       "https://journaal.example/nieuws/mali", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (extract->text, ==,
                   "Laatste Franse militairen weg uit Mali\n\n"
                   "De laatste Franse militairen hebben Mali verlaten. Het land’s junta verwelkomt Russische instructeurs.\n\n"
                   "Eerste regel\ntweede regel\n\n"
                   "Gao\n\nNiamey");
  g_assert_cmpstr (extract->title, ==, "Laatste Franse militairen weg uit Mali");
  g_assert_cmpstr (extract->publisher, ==, "Het Journaal");
  g_assert_cmpstr (extract->author, ==, "Jan Jansen");
  g_assert_cmpstr (extract->language, ==, "nl");
  g_assert_cmpstr (extract->url, ==, "https://journaal.example/artikel/1234");
  g_assert_cmpint (extract->date.start.precision, ==, SB_DATE_PRECISION_DAY);
  g_assert_cmpint (extract->date.start.year, ==, 2022);
  g_assert_cmpint (extract->date.start.month, ==, 8);
  g_assert_cmpint (extract->date.start.day, ==, 15);
}

/* JSON-LD is trusted before OpenGraph; <main> when there is no article;
 * the <title> when nothing else names the page.
 */
static void
test_html_json_ld (void)
{
  const char *page =
    "<html><head><title>Fallback</title>"
    "<meta property=\"og:title\" content=\"OpenGraph title\">"
    "<script type=\"application/ld+json\">"
    "{\"@context\": \"https://schema.org\", \"@graph\": ["
    "  {\"@type\": \"WebSite\", \"name\": \"Not this\"},"
    "  {\"@type\": \"NewsArticle\", \"headline\": \"Wagner in Mali\", \"datePublished\": \"2022-08\","
    "   \"author\": [{\"@type\": \"Person\", \"name\": \"A. Reporter\"}],"
    "   \"publisher\": {\"@type\": \"Organization\", \"name\": \"Sahel Wire\"}, \"inLanguage\": \"fr_FR\"}]}"
    "</script></head>"
    "<body><div class=\"menu\">Menu</div><main><p>Texte principal.</p><div>Suite</div></main></body></html>";
  const char *bare = "<p>Only a <b>pasted</b> passage.</p><p>And another.</p>";
  const char *broken = "<html><body><p>Unclosed <b>bold<p>Next</i></div>";
  const char *titled = "<html><head><title>\n  Just a   title\n</title></head><body>Body text.</body></html>";
  const char *nothing = "<html><head><title>Empty</title></head><body><script>x()</script></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(SbExtract) extract = sb_extract_from_html (page, strlen (page), NULL, &error);
  g_autoptr(SbExtract) pasted = NULL;
  g_autoptr(SbExtract) recovered = NULL;
  g_autoptr(SbExtract) only_title = NULL;
  g_autoptr(SbExtract) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (extract->title, ==, "Wagner in Mali");
  g_assert_cmpstr (extract->author, ==, "A. Reporter");
  g_assert_cmpstr (extract->publisher, ==, "Sahel Wire");
  g_assert_cmpstr (extract->language, ==, "fr");
  g_assert_cmpint (extract->date.start.precision, ==, SB_DATE_PRECISION_MONTH);
  g_assert_cmpstr (extract->text, ==, "Texte principal.\n\nSuite");
  g_assert_null (extract->url);

  pasted = sb_extract_from_html (bare, strlen (bare), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pasted->text, ==, "Only a pasted passage.\n\nAnd another.");

  recovered = sb_extract_from_html (broken, strlen (broken), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recovered->text, ==, "Unclosed bold\n\nNext");

  only_title = sb_extract_from_html (titled, strlen (titled), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (only_title->title, ==, "Just a title");
  g_assert_cmpstr (only_title->text, ==, "Body text.");

  none = sb_extract_from_html (nothing, strlen (nothing), NULL, &error);
  g_assert_null (none);
  g_assert_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_EMPTY);
}

static void
show_lines (cairo_t            *cr,
            const char * const *lines,
            double             *y)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      cairo_move_to (cr, 72, *y);
      cairo_show_text (cr, lines[i]);
      *y += 16;
    }
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A two-page PDF as a word processor writes it: lines, not paragraphs. */
static GBytes *
make_pdf (void)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_bytes, data, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const char * const first[] = {
    "Around a thousand French soldiers are stationed in",
    "neighbouring Niger, where they guard the border to-",
    "gether with the army of that country.",
    NULL
  };
  const char * const second[] = {
    "Russian instructors landed in Gao on Monday, the junta",
    "said; how many is not known.",
    NULL
  };
  const char * const third[] = { "The last page says one more thing.", NULL };
  double y = 100;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "French troops regroup in Niger");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Sahel Desk");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2022-08-16T08:00:00");
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  show_lines (cr, first, &y);
  y += 24;
  show_lines (cr, second, &y);
  cairo_show_page (cr);
  y = 100;
  show_lines (cr, third, &y);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (data);
}

static void
test_pdf (void)
{
  g_autoptr(GBytes) pdf = make_pdf ();
  g_autoptr(GBytes) damaged = g_bytes_new_static ("%PDF-1.5\nnot really", 19);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbExtract) extract = sb_extract_from_bytes (pdf, NULL, "report.pdf", NULL, &error);
  g_autoptr(SbExtract) unreadable = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (extract->text, ==,
                   "Around a thousand French soldiers are stationed in neighbouring Niger, where they guard the "
                   "border together with the army of that country.\n\n"
                   "Russian instructors landed in Gao on Monday, the junta said; how many is not known.\n\n"
                   "The last page says one more thing.");
  g_assert_cmpstr (extract->title, ==, "French troops regroup in Niger");
  g_assert_cmpstr (extract->author, ==, "Sahel Desk");
  g_assert_cmpint (extract->date.start.precision, ==, SB_DATE_PRECISION_DAY);
  g_assert_cmpint (extract->date.start.day, ==, 16);

  unreadable = sb_extract_from_bytes (damaged, "application/pdf", NULL, NULL, &error);
  g_assert_null (unreadable);
  g_assert_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_DAMAGED);
}

static void
test_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sb-extract-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "note.txt", NULL);
  g_autofree char *html = g_build_filename (dir, "page.html", NULL);
  g_autofree char *zip = g_build_filename (dir, "archive.zip", NULL);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt);
  g_autoptr(GFile) html_file = g_file_new_for_path (html);
  g_autoptr(GFile) zip_file = g_file_new_for_path (zip);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/sb-extract.txt");
  g_autoptr(SbExtract) from_txt = NULL;
  g_autoptr(SbExtract) from_html = NULL;
  g_autoptr(SbExtract) from_zip = NULL;
  g_autoptr(SbExtract) from_missing = NULL;
  g_autofree char *fifo = g_build_filename (dir, "pipe.txt", NULL);
  g_autofree char *large = g_build_filename (dir, "large.txt", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) zero_file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) large_file = g_file_new_for_path (large);
  g_autoptr(SbExtract) from_fifo = NULL;
  g_autoptr(SbExtract) from_device = NULL;
  g_autoptr(SbExtract) from_large = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (txt, "A note.\n", -1, NULL));
  g_assert_true (g_file_set_contents (html, article_html, -1, NULL));
  g_assert_true (g_file_set_contents (zip, "PK\x03\x04\x14\0\0\0\x08\0", 10, NULL));

  from_txt = sb_extract_from_file (txt_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_txt->text, ==, "A note.");

  from_html = sb_extract_from_file (html_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_html->publisher, ==, "Het Journaal");
  /* A file names no address of its own; the page's canonical link is relative. */
  g_assert_null (from_html->url);

  from_zip = sb_extract_from_file (zip_file, NULL, &error);
  g_assert_null (from_zip);
  g_assert_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_FORMAT);
  g_clear_error (&error);

  from_missing = sb_extract_from_file (missing, NULL, &error);
  g_assert_null (from_missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Read as every other input is: a pipe with no writer is refused at
   * once (it used to block for ever), a device is not read without end,
   * and a file over 64 MB is refused before it is read.
   */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  from_fifo = sb_extract_from_file (fifo_file, NULL, &error);
  g_assert_null (from_fifo);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  from_device = sb_extract_from_file (zero_file, NULL, &error);
  g_assert_null (from_device);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (large, "A note.\n", -1, NULL));
  g_assert_cmpint (truncate (large, 65 * 1024 * 1024), ==, 0);
  from_large = sb_extract_from_file (large_file, NULL, &error);
  g_assert_null (from_large);
  g_assert_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_TOO_LARGE);

  g_unlink (txt);
  g_unlink (html);
  g_unlink (zip);
  g_unlink (fifo);
  g_unlink (large);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Fetching                                                            */
/* ------------------------------------------------------------------ */

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  if (g_str_equal (path, "/nieuws/mali"))
    {
      soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        article_html, strlen (article_html));
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/to-metadata"))
    soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "http://169.254.169.254/latest/meta-data/");
  else if (g_str_equal (path, "/moved"))
    soup_server_message_set_redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, "/nieuws/mali");
  else if (g_str_equal (path, "/report"))
    {
      g_autoptr(GBytes) pdf = make_pdf ();

      soup_server_message_set_response (message, "application/pdf", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/image"))
    {
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_STATIC, "\x89PNG\r\n\x1a\n", 8);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/slow"))
    /* Never answered: the fetch gives up. */
    soup_server_message_pause (message);
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static SbExtract *
fetch (const char  *base,
       const char  *path,
       GError     **error)
{
  g_autofree char *address = g_strconcat (base, path, NULL);
  g_autoptr(GAsyncResult) result = NULL;

  sb_page_fetch_async (address, NULL, on_fetched, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return sb_page_fetch_finish (result, error);
}

static void
test_fetch (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbExtract) page = NULL;
  g_autoptr(SbExtract) moved = NULL;
  g_autoptr(SbExtract) report = NULL;
  g_autoptr(SbExtract) missing = NULL;
  g_autoptr(SbExtract) image = NULL;
  g_autoptr(SbExtract) slow = NULL;
  g_autoptr(SbExtract) not_web = NULL;
  g_autoptr(SbExtract) metadata = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *base = NULL;
  g_autofree char *expected_url = NULL;

  soup_server_add_handler (server, NULL, server_callback, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  sb_page_fetch_set_timeout_for_testing (1);

  page = fetch (base, "/nieuws/mali", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->title, ==, "Laatste Franse militairen weg uit Mali");
  g_assert_true (g_str_has_prefix (page->text, "Laatste Franse militairen weg uit Mali\n\nDe laatste"));
  /* The page's canonical address, read against where it was fetched. */
  expected_url = g_strconcat (base, "/artikel/1234", NULL);
  g_assert_cmpstr (page->url, ==, expected_url);

  moved = fetch (base, "/moved", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved->text, ==, page->text);

  report = fetch (base, "/report", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->title, ==, "French troops regroup in Niger");
  g_assert_true (g_str_has_prefix (report->url, base));

  missing = fetch (base, "/missing", &error);
  g_assert_null (missing);
  g_assert_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "404"));
  g_clear_error (&error);

  image = fetch (base, "/image", &error);
  g_assert_null (image);
  g_assert_error (error, SB_EXTRACT_ERROR, SB_EXTRACT_ERROR_FORMAT);
  g_clear_error (&error);

  slow = fetch (base, "/slow", &error);
  g_assert_null (slow);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);

  /* A page on the internet (as the test takes 127.0.0.1 to be) is not
   * followed into a private network: the address is refused before
   * anything connects to it.
   */
  sb_download_set_public_for_testing ("127.0.0.1/32");
  metadata = fetch (base, "/to-metadata", &error);
  sb_download_set_public_for_testing (NULL);
  g_assert_null (metadata);
  g_assert_error (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_REDIRECT_REFUSED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "The server “127.0.0.1” redirected to “169.254.169.254”"));
  g_assert_nonnull (strstr (error->message, "private or local network"));
  g_clear_error (&error);

  not_web = fetch ("file:///etc/passwd", "", &error);
  g_assert_null (not_web);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  /* The server is on this machine; no proxy may come between. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/tidy", test_tidy);
  g_test_add_func ("/extract/dates", test_dates);
  g_test_add_func ("/extract/text-date", test_text_date);
  g_test_add_func ("/extract/text-publisher", test_text_publisher);
  g_test_add_func ("/extract/text", test_text);
  g_test_add_func ("/extract/text-headline", test_text_headline);
  g_test_add_func ("/extract/text-language", test_text_language);
  g_test_add_func ("/extract/html", test_html);
  g_test_add_func ("/extract/html-json-ld", test_html_json_ld);
  g_test_add_func ("/extract/pdf", test_pdf);
  g_test_add_func ("/extract/files", test_files);
  g_test_add_func ("/extract/fetch", test_fetch);

  return g_test_run ();
}

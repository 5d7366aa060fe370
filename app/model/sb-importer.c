/* sb-importer.c
 *
 * The importer: the one briefing that every file read adds to, and what
 * the ACLED, UCDP and GeoJSON readers share to fill it: ids, the country
 * codes and actor kinds that names make plain, the actors, places and
 * sources, and each file's summary with its capped list of problems. An
 * event data set names the same actor, place and source thousands of
 * times: each is made once and looked up by name. The readers are above
 * it and sb-import-file.c above them; it calls neither.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-import-private.h"
#include "sb-loader.h"

#define MAX_SLUG_BASE 48

/* The countries of ACLED's and UCDP's African and Middle Eastern data, and
 * those whose forces serve there, by the names the data sets give them and
 * their ISO codes.
 */
static const struct {
  guint16 numeric;
  char alpha3[4];
  const char *name;
} countries[] = {
  { 12, "DZA", "Algeria" }, { 24, "AGO", "Angola" }, { 204, "BEN", "Benin" },
  { 72, "BWA", "Botswana" }, { 854, "BFA", "Burkina Faso" }, { 108, "BDI", "Burundi" },
  { 132, "CPV", "Cape Verde" }, { 132, "CPV", "Cabo Verde" }, { 120, "CMR", "Cameroon" },
  { 140, "CAF", "Central African Republic" }, { 148, "TCD", "Chad" },
  { 174, "COM", "Comoros" }, { 178, "COG", "Republic of Congo" }, { 178, "COG", "Congo" },
  { 180, "COD", "Democratic Republic of Congo" },
  { 180, "COD", "Democratic Republic of the Congo" }, { 262, "DJI", "Djibouti" },
  { 818, "EGY", "Egypt" }, { 226, "GNQ", "Equatorial Guinea" }, { 232, "ERI", "Eritrea" },
  { 748, "SWZ", "eSwatini" }, { 748, "SWZ", "Swaziland" }, { 231, "ETH", "Ethiopia" },
  { 266, "GAB", "Gabon" }, { 270, "GMB", "Gambia" }, { 270, "GMB", "The Gambia" },
  { 288, "GHA", "Ghana" }, { 324, "GIN", "Guinea" }, { 624, "GNB", "Guinea-Bissau" },
  { 384, "CIV", "Ivory Coast" }, { 384, "CIV", "Cote d'Ivoire" },
  { 384, "CIV", "Côte d'Ivoire" }, { 404, "KEN", "Kenya" }, { 426, "LSO", "Lesotho" },
  { 430, "LBR", "Liberia" }, { 434, "LBY", "Libya" }, { 450, "MDG", "Madagascar" },
  { 454, "MWI", "Malawi" }, { 466, "MLI", "Mali" }, { 478, "MRT", "Mauritania" },
  { 480, "MUS", "Mauritius" }, { 175, "MYT", "Mayotte" }, { 504, "MAR", "Morocco" },
  { 508, "MOZ", "Mozambique" }, { 516, "NAM", "Namibia" }, { 562, "NER", "Niger" },
  { 566, "NGA", "Nigeria" }, { 638, "REU", "Reunion" }, { 646, "RWA", "Rwanda" },
  { 654, "SHN", "Saint Helena, Ascension and Tristan da Cunha" },
  { 678, "STP", "Sao Tome and Principe" }, { 686, "SEN", "Senegal" },
  { 690, "SYC", "Seychelles" }, { 694, "SLE", "Sierra Leone" }, { 706, "SOM", "Somalia" },
  { 710, "ZAF", "South Africa" }, { 728, "SSD", "South Sudan" }, { 729, "SDN", "Sudan" },
  { 834, "TZA", "Tanzania" }, { 768, "TGO", "Togo" }, { 788, "TUN", "Tunisia" },
  { 800, "UGA", "Uganda" }, { 732, "ESH", "Western Sahara" }, { 894, "ZMB", "Zambia" },
  { 716, "ZWE", "Zimbabwe" },
  /* As UCDP names them. */
  { 180, "COD", "DR Congo (Zaire)" }, { 180, "COD", "DR Congo" }, { 384, "CIV", "Ivory Coast" },
  { 450, "MDG", "Madagascar (Malagasy)" }, { 716, "ZWE", "Zimbabwe (Rhodesia)" },
  { 887, "YEM", "Yemen (North Yemen)" }, { 643, "RUS", "Russia (Soviet Union)" },
  { 48, "BHR", "Bahrain" }, { 196, "CYP", "Cyprus" }, { 364, "IRN", "Iran" },
  { 368, "IRQ", "Iraq" }, { 376, "ISR", "Israel" }, { 400, "JOR", "Jordan" },
  { 414, "KWT", "Kuwait" }, { 422, "LBN", "Lebanon" }, { 512, "OMN", "Oman" },
  { 275, "PSE", "Palestine" }, { 634, "QAT", "Qatar" }, { 682, "SAU", "Saudi Arabia" },
  { 760, "SYR", "Syria" }, { 792, "TUR", "Turkey" }, { 784, "ARE", "United Arab Emirates" },
  { 887, "YEM", "Yemen" },
  { 56, "BEL", "Belgium" }, { 50, "BGD", "Bangladesh" }, { 112, "BLR", "Belarus" },
  { 124, "CAN", "Canada" }, { 156, "CHN", "China" }, { 203, "CZE", "Czech Republic" },
  { 208, "DNK", "Denmark" }, { 233, "EST", "Estonia" }, { 250, "FRA", "France" },
  { 276, "DEU", "Germany" }, { 356, "IND", "India" }, { 380, "ITA", "Italy" },
  { 528, "NLD", "Netherlands" }, { 578, "NOR", "Norway" }, { 586, "PAK", "Pakistan" },
  { 616, "POL", "Poland" }, { 620, "PRT", "Portugal" }, { 642, "ROU", "Romania" },
  { 643, "RUS", "Russia" }, { 724, "ESP", "Spain" }, { 752, "SWE", "Sweden" },
  { 804, "UKR", "Ukraine" }, { 826, "GBR", "United Kingdom" },
  { 840, "USA", "United States" }, { 840, "USA", "United States of America" },
};

/* Name fragments, as ACLED spells them, that say what an actor is
 * whatever its code.
 */
static const char * const mission_names[] = {
  "United Nations", "MINUSMA", "MONUSCO", "MINUSCA", "UNMISS", "UNAMID", "UNISFA",
  "UNIFIL", "UNSOM", "African Union", "AMISOM", "ATMIS", "AFISMA", "MISAHEL",
  "European Union", "EUTM", "EUCAP", "EUFOR", "ECOWAS", "ECOMIG", "SAMIDRC", "SAMIM",
  "G5 Sahel", "MNJTF", "Multinational Joint Task Force",
};

static const char * const private_military_names[] = {
  "Wagner", "Africa Corps", "Private Security Forces",
};


typedef struct
{
  double lat;
  double lon;
  SbPlacePrecision precision;
  double radius_km;
  const char *name;        /* stored after the key */
} PlaceKey;

/* Problems and counts */

/**
 * _sb_importer_report_valist:
 * @path: (nullable): where in the file, "row 12, latitude" or a JSON path
 * @line: the line of the file, from 1; 0 when unknown
 *
 * Lists a problem of the file being read, unless the list is full: the
 * 100th says there are too many and later ones are only counted. A
 * problem that leaves something out is also counted with
 * _sb_importer_skip(); any other is a warning.
 *
 * Returns: (transfer none) (nullable): the problem listed
 */
SbProblem *
_sb_importer_report_valist (SbImporter    *self,
                            SbProblemCode  code,
                            const char    *path,
                            guint          line,
                            const char    *format,
                            va_list        args)
{
  GPtrArray *problems = self->summary->problems;
  g_autofree char *message = NULL;
  SbProblem *problem;

  self->summary->n_warnings++;

  if (problems->len >= SB_LOADER_MAX_PROBLEMS)
    {
      self->n_unlisted++;
      return NULL;
    }

  if (problems->len == SB_LOADER_MAX_PROBLEMS - 1)
    {
      code = SB_PROBLEM_TOO_MANY_PROBLEMS;
      message = g_strdup (_("too many problems; the rest are not listed"));
      line = 0;
      path = NULL;
    }
  else
    message = g_strdup_vprintf (format, args);

  /* Everything shown must be UTF-8, whatever a fuzzed file holds. */
  if (!g_utf8_validate (message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (message, -1);

      g_free (message);
      message = valid;
    }

  problem = sb_problem_new (code, path, message);
  problem->line = line;
  g_ptr_array_add (problems, problem);
  return problem;
}

SbProblem *
_sb_importer_report (SbImporter    *self,
                     SbProblemCode  code,
                     const char    *path,
                     guint          line,
                     const char    *format,
                     ...)
{
  SbProblem *problem;
  va_list args;

  va_start (args, format);
  problem = _sb_importer_report_valist (self, code, path, line, format, args);
  va_end (args);

  return problem;
}

/**
 * _sb_importer_skip:
 * @reason: the code of the problem reported for it
 *
 * Counts a row or feature left out.
 */
void
_sb_importer_skip (SbImporter    *self,
                   SbProblemCode  reason)
{
  self->summary->n_skipped++;
  self->summary->skipped[reason]++;
  if (self->summary->n_warnings > 0)
    self->summary->n_warnings--;
}

/**
 * _sb_importer_report_row:
 * @column: (nullable): the column of the row being read
 *
 * Reports a problem at the CSV row being read: "row 12, latitude", at its
 * line of the file. The row is skipped with _sb_importer_skip_row() for
 * this reason, unless it is only a warning.
 */
void
_sb_importer_report_row (SbImporter    *self,
                         SbProblemCode  code,
                         const char    *column,
                         const char    *format,
                         ...)
{
  g_autofree char *path = NULL;
  va_list args;

  if (self->row == 0)
    path = NULL;
  else if (column != NULL)
    path = g_strdup_printf (_("row %u, %s"), self->row, column);
  else
    path = g_strdup_printf (_("row %u"), self->row);

  self->row_problem = code;

  va_start (args, format);
  _sb_importer_report_valist (self, code, path, self->line, format, args);
  va_end (args);
}

/* Counts the row being read as skipped, for the last problem reported. */
void
_sb_importer_skip_row (SbImporter *self)
{
  _sb_importer_skip (self, self->row_problem);
}

char *
_sb_import_normalize_column_name (const char *name)
{
  char *normal = g_ascii_strdown (name, -1);

  g_strstrip (normal);
  g_strdelimit (normal, " -", '_');
  return normal;
}

/* The first field of a name counts; a later one of the same name is not read. */
void
_sb_import_find_columns (SbCsvReader        *csv,
                         const char * const *names,
                         guint               n_names,
                         int                *columns)
{
  for (guint c = 0; c < n_names; c++)
    columns[c] = -1;

  for (guint i = 0; i < sb_csv_reader_get_n_fields (csv); i++)
    {
      g_autofree char *name = _sb_import_normalize_column_name (sb_csv_reader_get_field (csv, i, NULL));

      for (guint c = 0; c < n_names; c++)
        if (columns[c] < 0 && g_str_equal (name, names[c]))
          columns[c] = i;
    }
}

/* The field at @index of the row being read; "" for a column the file lacks (-1). */
const char *
_sb_import_field (SbCsvReader *csv,
                  int          index)
{
  return index < 0 ? "" : sb_csv_reader_get_field (csv, index, NULL);
}

#define CANCEL_CHECK_ROWS 4096

gboolean
_sb_import_read_rows (SbImporter      *self,
                      SbCsvReader     *csv,
                      GCancellable    *cancellable,
                      SbImportRowFunc  import_row,
                      gpointer         user_data)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      SbCsvStatus status;

      if (self->summary->n_records % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (cancellable))
        {
          self->row = self->line = 0;
          _sb_importer_report_row (self, SB_PROBLEM_IO, NULL, "%s", _("the import was cancelled"));
          return FALSE;
        }

      status = sb_csv_reader_next (csv, cancellable, &error);
      self->row = sb_csv_reader_get_record (csv);
      self->line = sb_csv_reader_get_line (csv);

      switch (status)
        {
        case SB_CSV_END:
          return TRUE;

        case SB_CSV_ERROR:
          self->row = self->line = 0;
          _sb_importer_report_row (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE)
                                         ? SB_PROBLEM_TOO_LARGE : SB_PROBLEM_IO,
                                   NULL, "%s", error->message);
          return FALSE;

        case SB_CSV_BAD_RECORD:
          self->summary->n_records++;
          _sb_importer_report_row (self, sb_csv_reader_is_encoding_error (csv) ? SB_PROBLEM_ENCODING : SB_PROBLEM_SYNTAX,
                                   NULL, "%s", sb_csv_reader_get_message (csv));
          _sb_importer_skip_row (self);
          break;

        case SB_CSV_RECORD:
        default:
          self->summary->n_records++;
          import_row (user_data);
          break;
        }
    }
}

/* A line for the summary: how the file was read. */
void
_sb_importer_add_note (SbImporter *self,
                       const char *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->summary->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Ids */

/**
 * _sb_import_append_slug:
 *
 * Appends lower-case ASCII letters and digits in groups joined by single
 * hyphens, transliterated where it can be ("Kidal-Région" →
 * "kidal-region"), cut between words to at most @max_length.
 */
void
_sb_import_append_slug (GString    *slug,
                        const char *name,
                        gsize       max_length)
{
  g_autofree char *ascii = NULL;
  gsize start = slug->len;
  gboolean hyphen = FALSE;
  gboolean plain = TRUE;

  for (const char *p = name; *p != '\0' && plain; p++)
    plain = (guchar) *p < 0x80;
  if (!plain)
    name = ascii = g_str_to_ascii (name, "C");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && slug->len > start)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else
        hyphen = TRUE;

      if (slug->len - start > max_length)
        {
          gsize cut = start + max_length;

          while (cut > start + max_length / 2 && slug->str[cut] != '-')
            cut--;
          g_string_truncate (slug, slug->str[cut] == '-' ? cut : start + max_length);
          break;
        }
    }
}

/**
 * _sb_importer_make_id:
 * @prefix: (nullable): put before the slug of @name
 * @name: (nullable)
 * @fallback: the slug when @name gives none
 *
 * Returns: (transfer full): an id made from @name, not yet taken, never
 *   of the forms "acled-…" and "ucdp-…" that events' ids take
 */
char *
_sb_importer_make_id (SbImporter *self,
                      const char *prefix,
                      const char *name,
                      const char *fallback)
{
  g_autoptr(GString) slug = g_string_new (prefix);
  gsize base_length;
  guint n;

  _sb_import_append_slug (slug, name ? name : "", MAX_SLUG_BASE);
  if (slug->len == (prefix ? strlen (prefix) : 0))
    g_string_append (slug, fallback);
  if (g_str_has_prefix (slug->str, "acled-") || g_str_has_prefix (slug->str, "ucdp-"))
    g_string_prepend (slug, "x-");

  if (!_sb_id_table_contains (self->by_id, slug->str))
    return g_string_free (g_steal_pointer (&slug), FALSE);

  /* A thousand places of one name must not each try every number. */
  base_length = slug->len;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->id_counters, slug->str));
  n = MAX (n, 1);

  do
    {
      g_string_truncate (slug, base_length);
      g_string_append_printf (slug, "-%u", ++n);
    }
  while (_sb_id_table_contains (self->by_id, slug->str));

  g_hash_table_replace (self->id_counters, g_strndup (slug->str, base_length), GUINT_TO_POINTER (n));

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

void
_sb_importer_register (SbImporter *self,
                       gpointer    entity)
{
  _sb_id_table_add (self->by_id, entity);
}

gboolean
_sb_importer_has_id (SbImporter *self,
                     const char *id)
{
  return _sb_id_table_contains (self->by_id, id);
}

/* Takes @item, whose id is not yet taken. */
void
_sb_importer_add_item (SbImporter *self,
                       SbItem     *item)
{
  g_ptr_array_add (self->contents.items[item->kind], item);
  _sb_importer_register (self, item);
}

const char *
_sb_importer_intern (SbImporter *self,
                     const char *string)
{
  char *pooled = g_hash_table_lookup (self->strings, string);

  if (pooled == NULL)
    {
      pooled = g_strdup (string);
      g_hash_table_add (self->strings, pooled);
    }

  return pooled;
}

/* Countries */

const char *
_sb_import_country_by_name (const char *name)
{
  const char *paren;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_ascii_strcasecmp (countries[i].name, name) == 0)
      return countries[i].alpha3;

  /* "Chad (Tchad)": the name before a remark. */
  paren = strstr (name, " (");
  if (paren != NULL)
    {
      g_autofree char *bare = g_strndup (name, paren - name);

      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        if (g_ascii_strcasecmp (countries[i].name, bare) == 0)
          return countries[i].alpha3;
    }

  return NULL;
}

const char *
_sb_import_country_by_number (guint number)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (countries[i].numeric == number)
      return countries[i].alpha3;

  return NULL;
}

/**
 * _sb_import_country_in_name:
 *
 * The country an actor's name gives: "Military Forces of Mali (2021-)",
 * "Military Forces of the United States (2021-)", "Government of Mali".
 *
 * Returns: (nullable): the country's name, in @buffer
 */
const char *
_sb_import_country_in_name (const char *name,
                            char       *buffer,
                            gsize       size)
{
  const char *of = strstr (name, " of ");
  const char *end;

  if (of == NULL)
    return NULL;

  of += strlen (" of ");
  if (g_str_has_prefix (of, "the "))
    of += strlen ("the ");

  end = strstr (of, " (");
  if (end == NULL)
    end = of + strlen (of);
  if ((gsize) (end - of) >= size)
    return NULL;

  memcpy (buffer, of, end - of);
  buffer[end - of] = '\0';
  return buffer;
}

/* Actor kinds */

static gboolean
name_contains_any (const char         *name,
                   const char * const *fragments,
                   guint               n_fragments)
{
  for (guint i = 0; i < n_fragments; i++)
    if (strstr (name, fragments[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* What an actor's name says, once for all its events: a mission, a
 * private military company, a government, a state's forces (of which
 * state, when known), or nothing (-1).
 */
static int
name_kind (const char  *name,
           const char **country)
{
  char buffer[64];
  const char *named;

  *country = NULL;

  if (name_contains_any (name, mission_names, G_N_ELEMENTS (mission_names)))
    return SB_ACTOR_KIND_INTERNATIONAL_MISSION;
  if (name_contains_any (name, private_military_names, G_N_ELEMENTS (private_military_names)))
    return SB_ACTOR_KIND_PRIVATE_MILITARY;

  named = _sb_import_country_in_name (name, buffer, sizeof buffer);
  *country = named ? _sb_import_country_by_name (named) : NULL;

  if (g_str_has_prefix (name, "Government of "))
    return SB_ACTOR_KIND_GOVERNMENT;
  if (g_str_has_prefix (name, "Military Forces of ") || g_str_has_prefix (name, "Police Forces of "))
    return SB_ACTOR_KIND_NATIONAL_FORCES;

  *country = NULL;
  return -1;
}

/**
 * _sb_import_actor_guess_kind:
 * @country: (nullable): the ISO alpha-3 code of the country the actor is
 *   seen in
 * @fallback: the kind when the name says nothing
 *
 * Returns: the kind the actor's name makes plain: missions, private
 *   military companies, governments, a state's forces (foreign when the
 *   state is not @country)
 */
SbActorKind
_sb_import_actor_guess_kind (const SbImportActor *actor,
                             const char          *country,
                             SbActorKind          fallback)
{
  if (actor->name_kind < 0)
    return fallback;

  if (actor->name_kind == SB_ACTOR_KIND_NATIONAL_FORCES && actor->named_country != NULL &&
      country != NULL && !g_str_equal (actor->named_country, country))
    return SB_ACTOR_KIND_FOREIGN_FORCES;

  return actor->name_kind;
}

/* Actors */

static gpointer
copy_citation (gconstpointer citation,
               gpointer      user_data)
{
  return sb_citation_ref ((SbCitation *) citation);
}

/**
 * _sb_importer_get_actor:
 * @citations: (nullable): what a new actor cites: the sources of the
 *   first statement it is named in
 *
 * Returns: (transfer none): the actor named @name, made if it is new;
 *   its kind is settled when the briefing is made, by its votes
 */
SbImportActor *
_sb_importer_get_actor (SbImporter *self,
                        const char *name,
                        GPtrArray  *citations)
{
  SbImportActor *entry = g_hash_table_lookup (self->actors, name);
  g_autofree char *id = NULL;

  if (entry != NULL)
    return entry;

  id = _sb_importer_make_id (self, NULL, name, "actor");
  entry = g_new0 (SbImportActor, 1);
  entry->actor = _sb_actor_new (id);
  entry->actor->name = _sb_import_text_new (name);
  entry->actor->kind = SB_ACTOR_KIND_ARMED_GROUP;
  entry->index = self->contents.actors->len;
  entry->stated_kind = -1;
  entry->first_kind = -1;
  entry->name_kind = name_kind (name, &entry->named_country);
  if (citations != NULL)
    g_ptr_array_extend (entry->actor->citations, citations, copy_citation, NULL);

  g_ptr_array_add (self->contents.actors, entry->actor);
  _sb_importer_register (self, entry->actor);
  g_hash_table_insert (self->actors, g_strdup (name), entry);

  return entry;
}

/**
 * _sb_import_actor_vote:
 * @own: %TRUE when the actor acts in its own right, %FALSE as another's
 *   associate
 *
 * Counts @kind for one statement: an actor's kind is the one of most of
 * the statements it acts in, so that the Malian army, fighting in Burkina
 * Faso now and then, stays national forces.
 */
void
_sb_import_actor_vote (SbImportActor *actor,
                       SbActorKind    kind,
                       gboolean       own)
{
  if (own)
    actor->votes[kind]++;
  else
    actor->assoc_votes[kind]++;

  if (actor->first_kind < 0)
    actor->first_kind = kind;
}

static int
most_voted (const SbImportActor *actor,
            const guint         *votes)
{
  int best = -1;

  for (int kind = 0; kind < SB_N_ACTOR_KINDS; kind++)
    {
      if (votes[kind] == 0)
        continue;
      if (best < 0 || votes[kind] > votes[best] ||
          (votes[kind] == votes[best] && kind == actor->first_kind))
        best = kind;
    }

  return best;
}

/* Each actor's kind: the one its file states, else the one of most of
 * its statements in its own right, else as an associate.
 */
static void
settle_actor_kinds (SbImporter *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->actors);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SbImportActor *entry = value;
      int kind = entry->stated_kind;

      if (kind < 0)
        kind = most_voted (entry, entry->votes);
      if (kind < 0)
        kind = most_voted (entry, entry->assoc_votes);
      if (kind >= 0)
        entry->actor->kind = kind;

      /* A state's forces and government belong to the state they name. */
      if (entry->actor->country == NULL && entry->named_country != NULL &&
          (entry->actor->kind == SB_ACTOR_KIND_NATIONAL_FORCES ||
           entry->actor->kind == SB_ACTOR_KIND_FOREIGN_FORCES ||
           entry->actor->kind == SB_ACTOR_KIND_GOVERNMENT))
        entry->actor->country = g_strdup (entry->named_country);
    }
}

/* Places */

static guint
place_key_hash (gconstpointer data)
{
  const PlaceKey *key = data;
  guint64 lat_bits, lon_bits;
  double lat = key->lat + 0.0, lon = key->lon + 0.0;   /* -0.0 is 0.0 */

  memcpy (&lat_bits, &lat, sizeof lat_bits);
  memcpy (&lon_bits, &lon, sizeof lon_bits);

  return g_str_hash (key->name) ^ (guint) (lat_bits ^ (lat_bits >> 32)) * 31u ^
         (guint) (lon_bits ^ (lon_bits >> 29)) ^ (guint) key->precision;
}

static gboolean
place_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const PlaceKey *key_a = a;
  const PlaceKey *key_b = b;

  return key_a->lat == key_b->lat && key_a->lon == key_b->lon &&
         key_a->precision == key_b->precision && key_a->radius_km == key_b->radius_km &&
         g_str_equal (key_a->name, key_b->name);
}

/**
 * _sb_importer_get_place:
 * @name: the place's name as the file gives it
 * @id_base: (nullable): what its id is made from, when not @name
 * @radius_km: 0 for none
 * @country: (nullable): ISO alpha-3
 *
 * Returns: (transfer none): the place of that name, position and
 *   precision, made if it is new
 */
SbPlace *
_sb_importer_get_place (SbImporter       *self,
                        const char       *name,
                        const char       *id_base,
                        double            lat,
                        double            lon,
                        SbPlacePrecision  precision,
                        double            radius_km,
                        const char       *country)
{
  PlaceKey key = { lat, lon, precision, radius_km, name };
  g_autofree char *id = NULL;
  PlaceKey *stored;
  SbPlace *place;
  gsize length;

  place = g_hash_table_lookup (self->places, &key);
  if (place != NULL)
    return place;

  id = _sb_importer_make_id (self, NULL, id_base ? id_base : name, "place");
  place = _sb_place_new (id);
  place->name = _sb_import_text_new (name);
  place->lat = lat;
  place->lon = lon;
  place->precision = precision;
  place->radius_km = radius_km;
  place->country = g_strdup (country);

  /* The key keeps the name as the file gives it: the text may be cleaned. */
  length = strlen (name);
  stored = g_malloc (sizeof (PlaceKey) + length + 1);
  *stored = key;
  stored->name = memcpy (stored + 1, name, length + 1);

  g_ptr_array_add (self->contents.places, place);
  _sb_importer_register (self, place);
  g_hash_table_insert (self->places, stored, place);

  return place;
}

/* Sources */

/**
 * _sb_importer_get_source:
 * @dataset: (nullable): the data set that names it, for its note
 *
 * Returns: (transfer none): the source titled @title, made if it is new:
 *   in English, without text, so cited without a quote
 */
SbImportSource *
_sb_importer_get_source (SbImporter *self,
                         const char *title,
                         const char *dataset)
{
  SbImportSource *entry = g_hash_table_lookup (self->sources, title);
  g_autofree char *id = NULL;

  if (entry != NULL)
    return entry;

  id = _sb_importer_make_id (self, "source-", title, "source");
  entry = g_new0 (SbImportSource, 1);
  entry->source = _sb_source_new (id);
  entry->source->title = _sb_import_text_new (title);
  entry->source->language = g_strdup ("en");
  entry->citation = sb_citation_new (entry->source, NULL);
  entry->min_year = G_MAXINT16;
  entry->max_year = 0;
  entry->dataset = dataset;

  g_ptr_array_add (self->contents.sources, entry->source);
  _sb_importer_register (self, entry->source);
  g_hash_table_insert (self->sources, g_strdup (title), entry);

  return entry;
}

/**
 * _sb_import_source_note:
 * @year: of a statement that cites it, or 0
 * @scale: (nullable): how ACLED rates it ("National-International")
 */
void
_sb_import_source_note (SbImporter     *self,
                        SbImportSource *entry,
                        int             year,
                        const char     *scale)
{
  if (year > 0)
    {
      entry->min_year = MIN (entry->min_year, year);
      entry->max_year = MAX (entry->max_year, year);
    }

  if (scale == NULL || _sb_import_is_blank (scale))
    return;

  for (guint i = 0; i < entry->n_scales; i++)
    if (g_str_equal (entry->scales[i], scale))
      return;

  if (entry->n_scales == SB_IMPORT_MAX_SCALES)
    entry->more_scales = TRUE;
  else
    entry->scales[entry->n_scales++] = _sb_importer_intern (self, scale);
}

static void
year_span (SbDate *date,
           gint16  min_year,
           gint16  max_year)
{
  memset (date, 0, sizeof *date);
  date->start.year = min_year;
  date->start.precision = SB_DATE_PRECISION_YEAR;

  if (max_year != min_year)
    {
      date->end.year = max_year;
      date->end.precision = SB_DATE_PRECISION_YEAR;
      date->is_span = TRUE;
    }
}

/* Dates and notes, now that every statement citing the source is known.
 * The notes are data, in English like the data sets: not translated.
 */
static void
finish_sources (SbImporter *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->sources);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SbImportSource *entry = value;
      g_autoptr(GString) note = NULL;

      if (entry->min_year <= entry->max_year && !sb_date_is_set (&entry->source->date))
        year_span (&entry->source->date, entry->min_year, entry->max_year);

      /* Named only by rows left out: dated by the import, as it must be. */
      if (!sb_date_is_set (&entry->source->date))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          year_span (&entry->source->date, g_date_time_get_year (now), g_date_time_get_year (now));
        }

      if (entry->n_scales == 0 || entry->source->note != NULL)
        continue;

      note = g_string_new (NULL);
      g_string_append_printf (note, "Named as a source in %s data; %s gives its name, not its text. ",
                              entry->dataset ? entry->dataset : "the", entry->dataset ? entry->dataset : "it");
      g_string_append (note, entry->n_scales == 1 ? "Source scale: " : "Source scales: ");
      for (guint i = 0; i < entry->n_scales; i++)
        g_string_append_printf (note, "%s%s", i > 0 ? "; " : "", entry->scales[i]);
      g_string_append (note, entry->more_scales ? "; …" : ".");

      entry->source->note = _sb_import_text_new_take (g_string_free (g_steal_pointer (&note), FALSE));
    }
}

static void
actor_entry_free (SbImportActor *entry)
{
  g_free (entry);
}

static void
source_entry_free (SbImportSource *entry)
{
  sb_citation_unref (entry->citation);
  g_free (entry);
}

/* The importer's lifetime */

static void
init (SbImporter *self)
{
  memset (self, 0, sizeof *self);

  self->by_id = _sb_id_table_new ();
  self->id_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) actor_entry_free);
  self->places = g_hash_table_new_full (place_key_hash, place_key_equal, g_free, NULL);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) source_entry_free);
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_import_summary_unref);

  self->contents.sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->contents.actors = g_ptr_array_new_with_free_func (g_object_unref);
  self->contents.places = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    self->contents.items[i] = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
clear (SbImporter *self)
{
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->id_counters, g_hash_table_unref);
  g_clear_pointer (&self->actors, g_hash_table_unref);
  g_clear_pointer (&self->places, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_hash_table_unref);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->summary, sb_import_summary_unref);
  g_clear_pointer (&self->name_property, g_free);
  _sb_briefing_contents_clear (&self->contents);
}

/* Kinds, source dates and notes, once every file is read. */
static void
settle (SbImporter *self)
{
  settle_actor_kinds (self);
  finish_sources (self);
}

/**
 * sb_importer_new:
 *
 * Returns: (transfer full): an importer; add files to it, then make the
 *   briefing with sb_importer_finish()
 */
SbImporter *
sb_importer_new (void)
{
  SbImporter *self = g_new (SbImporter, 1);

  init (self);
  return self;
}

void
sb_importer_free (SbImporter *self)
{
  if (self == NULL)
    return;

  clear (self);
  g_free (self);
}

/**
 * sb_importer_set_name_property:
 * @key: (nullable): the GeoJSON property that names places and areas
 *   drawn for reference; %NULL to choose one such as "name" or "ADM2_EN"
 */
void
sb_importer_set_name_property (SbImporter *self,
                               const char *key)
{
  g_return_if_fail (self != NULL);

  g_free (self->name_property);
  self->name_property = g_strdup (key);
}

/* Each file */

static guint
count_reference_places (SbImporter *self,
                        guint       from)
{
  guint n = 0;

  for (guint i = from; i < self->contents.places->len; i++)
    n += sb_place_is_reference (g_ptr_array_index (self->contents.places, i));

  return n;
}

/* The day a file was last changed, or today: what dates a source made of
 * a file without dates of its own.
 */
void
_sb_importer_set_file_date (SbImporter *self,
                            GDateTime  *time)
{
  g_autoptr(GDateTime) now = time ? g_date_time_ref (time) : g_date_time_new_now_utc ();

  self->file_date.year = g_date_time_get_year (now);
  self->file_date.month = g_date_time_get_month (now);
  self->file_date.day = g_date_time_get_day_of_month (now);
  self->file_date.precision = SB_DATE_PRECISION_DAY;
}

/* A new summary, and where the briefing stands before the file. */
void
_sb_importer_begin_file (SbImporter     *self,
                         const char     *name,
                         SbImportFormat  format)
{
  g_clear_pointer (&self->summary, sb_import_summary_unref);
  self->summary = sb_import_summary_new (name, format);
  self->n_unlisted = 0;
  self->row = self->line = 0;
  if (self->file_date.precision == SB_DATE_PRECISION_NONE)
    _sb_importer_set_file_date (self, NULL);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    self->n_items_before[i] = self->contents.items[i]->len;
  self->n_actors_before = self->contents.actors->len;
  self->n_places_before = self->contents.places->len;
}

/* The counts of what the file added, and the last word on the problems. */
void
_sb_importer_end_file (SbImporter *self)
{
  SbImportSummary *summary = self->summary;

  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    summary->n_items[i] = self->contents.items[i]->len - self->n_items_before[i];
  summary->n_actors = self->contents.actors->len - self->n_actors_before;
  summary->n_places = self->contents.places->len - self->n_places_before;
  summary->n_reference = count_reference_places (self, self->n_places_before);

  /* What refused the file is no warning: it is the outcome. */
  if (!sb_import_summary_made_anything (summary))
    summary->n_warnings = 0;

  if (self->n_unlisted > 0)
    {
      SbProblem *last = g_ptr_array_index (summary->problems, summary->problems->len - 1);

      g_free (last->message);
      last->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "too many problems; %u more is not listed",
                                                    "too many problems; %u more are not listed",
                                                    self->n_unlisted + 1),
                                       self->n_unlisted + 1);
    }

  g_ptr_array_add (self->summaries, sb_import_summary_ref (summary));
  memset (&self->file_date, 0, sizeof self->file_date);
}

/* The briefing */

static char *
title_from_name (const char *name)
{
  static const char * const extensions[] = { ".csv", ".geojson", ".json", ".txt" };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]) && strlen (name) > strlen (extensions[i]))
      return g_strndup (name, strlen (name) - strlen (extensions[i]));

  return g_strdup (name);
}

static gboolean
made_anything (SbImporter *self)
{
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    if (self->contents.items[i]->len > 0)
      return TRUE;

  return count_reference_places (self, 0) > 0;
}

/* The briefing's date: its latest statement's. */
static void
set_latest_date (SbImporter *self)
{
  guint32 latest_day = 0;

  for (guint k = 0; k < SB_N_ITEM_KINDS; k++)
    for (guint i = 0; i < self->contents.items[k]->len; i++)
      {
        SbItem *item = g_ptr_array_index (self->contents.items[k], i);

        if (item->first_day > latest_day)
          {
            latest_day = item->first_day;
            self->contents.date.start = item->date.start;
          }
      }
}

/* "Imported from the ACLED export “mali.csv”: 2,900 rows, …". Data, in
 * English like the rest of what imports make: not translated.
 */
static char *
describe (SbImporter *self)
{
  GString *out = g_string_new ("Imported from ");

  for (guint i = 0; i < self->summaries->len; i++)
    {
      SbImportSummary *summary = g_ptr_array_index (self->summaries, i);
      const char *what = summary->format == SB_IMPORT_FORMAT_ACLED ? "the ACLED export"
                         : summary->format == SB_IMPORT_FORMAT_UCDP ? "the UCDP GED file"
                         : "the GeoJSON file";

      if (!sb_import_summary_made_anything (summary))
        continue;

      if (out->len > strlen ("Imported from "))
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s “%s” (%u %s", what, summary->name,
                              summary->n_records, summary->format == SB_IMPORT_FORMAT_GEOJSON ? "features" : "rows");
      if (summary->n_skipped > 0)
        g_string_append_printf (out, ", %u left out", summary->n_skipped);
      g_string_append (out, ")");
    }

  g_string_append_printf (out, ": %u statements, %u actors, %u places, %u sources.",
                          self->contents.items[SB_ITEM_KIND_DEPLOYMENT]->len +
                          self->contents.items[SB_ITEM_KIND_MOVEMENT]->len +
                          self->contents.items[SB_ITEM_KIND_INCIDENT]->len +
                          self->contents.items[SB_ITEM_KIND_AREA]->len,
                          self->contents.actors->len, self->contents.places->len,
                          self->contents.sources->len);

  return g_string_free (out, FALSE);
}

/**
 * sb_importer_finish:
 * @title: (nullable): the briefing's title; %NULL for the file's name,
 *   or the names of the files
 *
 * Makes the briefing of every file added: in English, dated by its
 * latest statement. Actors' kinds are settled now, from every statement
 * they are in.
 *
 * Returns: (transfer full) (nullable): the briefing, or %NULL when no
 *   file gave anything; the importer is then empty
 */
SbBriefing *
sb_importer_finish (SbImporter *self,
                    const char *title)
{
  g_autoptr(GString) names = NULL;
  SbBriefing *briefing;

  g_return_val_if_fail (self != NULL, NULL);

  if (!made_anything (self))
    return NULL;

  settle (self);
  set_latest_date (self);

  if (title == NULL)
    {
      names = g_string_new (NULL);
      for (guint i = 0; i < self->summaries->len; i++)
        {
          SbImportSummary *summary = g_ptr_array_index (self->summaries, i);
          g_autofree char *name = title_from_name (summary->name);

          if (!sb_import_summary_made_anything (summary))
            continue;
          g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", name);
        }
      title = names->str;
    }

  self->contents.title = _sb_import_text_new (title);
  self->contents.language = g_strdup ("en");
  self->contents.description = _sb_import_text_new_take (describe (self));

  briefing = _sb_briefing_new_take (&self->contents, g_steal_pointer (&self->by_id));

  /* What the briefing now owns is gone from the importer. */
  clear (self);
  init (self);

  return briefing;
}

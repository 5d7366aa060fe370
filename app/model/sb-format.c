/* sb-format.c
 *
 * The briefing's values in words for people, written the same way in
 * every view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "sb-format.h"

/**
 * sb_format_number:
 *
 * Returns: @value with the locale's digit grouping ("1,800,000"); whole
 *   numbers without decimals
 */
char *
sb_format_number (double value)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = NULL;
  GString *string;
  gsize length;

  if (value != floor (value) || fabs (value) >= 1e15)
    return g_strdup_printf ("%g", value);

  /* The C locale groups nothing; English grouping reads better there. */
  if (separator == NULL || *separator == '\0')
    separator = ",";

  digits = g_strdup_printf ("%.0f", fabs (value));
  length = strlen (digits);
  string = g_string_new (value < 0 ? "-" : "");

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (string, separator);
      g_string_append_c (string, digits[i]);
    }

  return g_string_free (string, FALSE);
}

char *
sb_format_quantity (const SbQuantity *quantity)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  if (!sb_quantity_is_set (quantity))
    return NULL;

  min = sb_format_number (quantity->min);
  if (quantity->is_range)
    {
      max = sb_format_number (quantity->max);
      /* TRANSLATORS: a range of numbers, "300–400" */
      return quantity->approximate ? g_strdup_printf (_("about %s–%s"), min, max)
                                   : g_strdup_printf (_("%s–%s"), min, max);
    }

  /* TRANSLATORS: an approximate number, "about 1,000" */
  return quantity->approximate ? g_strdup_printf (_("about %s"), min) : g_steal_pointer (&min);
}

static char *
format_calendar_date (const SbCalendarDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (date->year,
                                                   date->month ? date->month : 1,
                                                   date->day ? date->day : 1,
                                                   0, 0, 0);

  switch (date->precision)
    {
    case SB_DATE_PRECISION_DAY:
      if (date->day == 1)
        /* TRANSLATORS: the first day of a month, as strftime; "1 August
         * 2022". French writes "1er %B %Y".
         */
        return g_date_time_format (time, C_("first day of a month", "%-d %B %Y"));
      /* TRANSLATORS: a date known to the day, as strftime; "15 August 2022" */
      return g_date_time_format (time, _("%-d %B %Y"));
    case SB_DATE_PRECISION_MONTH:
      /* TRANSLATORS: a date known to the month, as strftime; "August 2022".
       * Languages whose month names change after a day number can use %OB.
       */
      return g_date_time_format (time, _("%B %Y"));
    case SB_DATE_PRECISION_YEAR:
      return g_date_time_format (time, "%Y");
    case SB_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

/**
 * sb_format_date:
 *
 * Returns: the date as precisely as it is known: "15 August 2022",
 *   "August 2022", "around 15 August 2022", "since 2015", "2020 – 2021"
 */
char *
sb_format_date (const SbDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!sb_date_is_set (date))
    return NULL;

  start = format_calendar_date (&date->start);

  if (!date->is_span)
    /* TRANSLATORS: an approximate date, "around 15 August 2022" */
    return date->approximate ? g_strdup_printf (_("around %s"), start) : g_steal_pointer (&start);

  if (date->end.precision == SB_DATE_PRECISION_NONE)
    /* TRANSLATORS: something ongoing, "since 2015" */
    return date->approximate ? g_strdup_printf (_("since around %s"), start)
                             : g_strdup_printf (_("since %s"), start);

  end = format_calendar_date (&date->end);
  /* TRANSLATORS: a period, "2020 – 2021" */
  return date->approximate ? g_strdup_printf (_("around %s – %s"), start, end)
                           : g_strdup_printf (_("%s – %s"), start, end);
}

/**
 * sb_format_date_precision:
 *
 * Returns: how precisely the date is known, in words
 */
char *
sb_format_date_precision (const SbDate *date)
{
  if (!sb_date_is_set (date))
    return g_strdup (_("No date given"));

  if (date->approximate)
    return g_strdup (_("Approximate: the source gives it only relatively"));

  /* A span known more precisely at one end than at the other says so
   * for each ("2019 – 5 August 2024").
   */
  if (date->is_span && date->end.precision != SB_DATE_PRECISION_NONE &&
      date->end.precision != date->start.precision)
    {
      SbDatePrecision start = date->start.precision;
      SbDatePrecision end = date->end.precision;

      if (start == SB_DATE_PRECISION_DAY)
        return g_strdup (end == SB_DATE_PRECISION_MONTH ? _("Start known to the day, end to the month")
                                                        : _("Start known to the day, end to the year"));
      if (start == SB_DATE_PRECISION_MONTH)
        return g_strdup (end == SB_DATE_PRECISION_DAY ? _("Start known to the month, end to the day")
                                                      : _("Start known to the month, end to the year"));
      return g_strdup (end == SB_DATE_PRECISION_DAY ? _("Start known to the year, end to the day")
                                                    : _("Start known to the year, end to the month"));
    }

  switch (date->start.precision)
    {
    case SB_DATE_PRECISION_DAY:
      return g_strdup (_("Known to the day"));
    case SB_DATE_PRECISION_MONTH:
      return g_strdup (_("Known to the month"));
    case SB_DATE_PRECISION_YEAR:
    case SB_DATE_PRECISION_NONE:
    default:
      return g_strdup (_("Known to the year"));
    }
}

const char *
sb_format_certainty (SbCertainty certainty)
{
  switch (certainty)
    {
    case SB_CERTAINTY_REPORTED:
      return C_("certainty", "Reported");
    case SB_CERTAINTY_CLAIMED:
      return C_("certainty", "Claimed");
    case SB_CERTAINTY_ESTIMATED:
      return C_("certainty", "Estimated");
    case SB_CERTAINTY_UNCLEAR:
      return C_("certainty", "Unclear");
    case SB_CERTAINTY_FEARED:
      return C_("certainty", "Feared");
    case SB_CERTAINTY_PROJECTED:
    default:
      return C_("certainty", "Projected");
    }
}

/**
 * sb_format_corroboration:
 * @n_sources: independent sources, from sb_item_count_independent_sources()
 *
 * Returns: (transfer full): how many independent sources support a
 *   statement, in words
 */
char *
sb_format_corroboration (guint n_sources)
{
  if (n_sources == 0)
    return g_strdup (_("No source cited"));
  if (n_sources == 1)
    return g_strdup (_("One source only"));

  return g_strdup_printf (ngettext ("%u independent source", "%u independent sources", n_sources), n_sources);
}

/* What each certainty means, for tooltips and the legend. */
const char *
sb_format_certainty_help (SbCertainty certainty)
{
  switch (certainty)
    {
    case SB_CERTAINTY_REPORTED:
      return _("The source states it as fact");
    case SB_CERTAINTY_CLAIMED:
      return _("The source attributes it to a party");
    case SB_CERTAINTY_ESTIMATED:
      return _("The source gives it as an estimate or assumption");
    case SB_CERTAINTY_UNCLEAR:
      return _("The source says it is not known");
    case SB_CERTAINTY_FEARED:
      return _("The source reports a fear or risk");
    case SB_CERTAINTY_PROJECTED:
    default:
      return _("The source reports a plan or expected development");
    }
}

/**
 * sb_format_evidence:
 *
 * Returns: the certainty in words, naming the claimant of a claim:
 *   "Claimed by the Russian government"
 */
char *
sb_format_evidence (const SbEvidence *evidence)
{
  if (evidence->certainty == SB_CERTAINTY_CLAIMED && evidence->claimed_by != NULL)
    /* TRANSLATORS: %s is an actor's name */
    return g_strdup_printf (_("Claimed by %s"), sb_entity_get_label (SB_ENTITY (evidence->claimed_by)));

  return g_strdup (sb_format_certainty (evidence->certainty));
}

const char *
sb_format_actor_kind (SbActorKind kind)
{
  switch (kind)
    {
    case SB_ACTOR_KIND_NATIONAL_FORCES:
      return _("National forces");
    case SB_ACTOR_KIND_FOREIGN_FORCES:
      return _("Foreign forces");
    case SB_ACTOR_KIND_PRIVATE_MILITARY:
      return _("Private military company");
    case SB_ACTOR_KIND_ARMED_GROUP:
      return _("Armed group");
    case SB_ACTOR_KIND_INTERNATIONAL_MISSION:
      return _("International mission");
    case SB_ACTOR_KIND_GOVERNMENT:
    default:
      return _("Government");
    }
}

const char *
sb_format_actor_kind_plural (SbActorKind kind)
{
  switch (kind)
    {
    case SB_ACTOR_KIND_NATIONAL_FORCES:
      return _("National Forces");
    case SB_ACTOR_KIND_FOREIGN_FORCES:
      return _("Foreign Forces");
    case SB_ACTOR_KIND_PRIVATE_MILITARY:
      return _("Private Military Companies");
    case SB_ACTOR_KIND_ARMED_GROUP:
      return _("Armed Groups");
    case SB_ACTOR_KIND_INTERNATIONAL_MISSION:
      return _("International Missions");
    case SB_ACTOR_KIND_GOVERNMENT:
    default:
      return _("Governments");
    }
}

const char *
sb_format_item_kind (SbItemKind kind)
{
  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      return _("Deployment");
    case SB_ITEM_KIND_MOVEMENT:
      return _("Movement");
    case SB_ITEM_KIND_INCIDENT:
      return _("Incident");
    case SB_ITEM_KIND_AREA:
    default:
      return _("Area");
    }
}

const char *
sb_format_incident_type (SbIncidentType type)
{
  switch (type)
    {
    case SB_INCIDENT_TYPE_ATTACK:
      return _("Attack");
    case SB_INCIDENT_TYPE_CLASH:
      return _("Clash");
    case SB_INCIDENT_TYPE_COUP:
      return _("Coup");
    case SB_INCIDENT_TYPE_ARREST:
      return _("Arrest");
    case SB_INCIDENT_TYPE_CIVILIAN_HARM:
      return _("Harm to civilians");
    case SB_INCIDENT_TYPE_DISPLACEMENT:
      return _("Displacement");
    case SB_INCIDENT_TYPE_RESTRICTION:
      return _("Restriction");
    case SB_INCIDENT_TYPE_AGREEMENT:
      return _("Agreement");
    case SB_INCIDENT_TYPE_ARRIVAL:
      return _("Arrival");
    case SB_INCIDENT_TYPE_DEPARTURE:
      return _("Departure");
    case SB_INCIDENT_TYPE_OTHER:
    default:
      return _("Other incident");
    }
}

const char *
sb_format_deployment_status (SbDeploymentStatus status)
{
  switch (status)
    {
    case SB_DEPLOYMENT_STATUS_PRESENT:
      return _("Present");
    case SB_DEPLOYMENT_STATUS_ARRIVING:
      return _("Arriving");
    case SB_DEPLOYMENT_STATUS_DEPARTING:
      return _("Departing");
    case SB_DEPLOYMENT_STATUS_DEPARTED:
      return _("Departed");
    case SB_DEPLOYMENT_STATUS_WITHDRAWN:
      return _("Withdrawn");
    case SB_DEPLOYMENT_STATUS_PLANNED:
    default:
      return _("Planned");
    }
}

const char *
sb_format_movement_status (SbMovementStatus status)
{
  switch (status)
    {
    case SB_MOVEMENT_STATUS_COMPLETED:
      return _("Completed");
    case SB_MOVEMENT_STATUS_ONGOING:
      return _("Ongoing");
    case SB_MOVEMENT_STATUS_PLANNED:
    default:
      return _("Planned");
    }
}

const char *
sb_format_means (SbMovementMeans means)
{
  switch (means)
    {
    case SB_MOVEMENT_MEANS_AIR:
      return _("By air");
    case SB_MOVEMENT_MEANS_GROUND:
      return _("Over land");
    case SB_MOVEMENT_MEANS_RIVER:
      return _("By river");
    case SB_MOVEMENT_MEANS_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
sb_format_area_kind (SbAreaKind kind)
{
  switch (kind)
    {
    case SB_AREA_KIND_CONTROL:
      return _("Held ground");
    case SB_AREA_KIND_INFLUENCE:
      return _("Area of influence");
    case SB_AREA_KIND_OPERATIONS:
      return _("Area of operations");
    case SB_AREA_KIND_RISK:
    default:
      return _("Area at risk");
    }
}

const char *
sb_format_boundary (SbBoundary boundary)
{
  switch (boundary)
    {
    case SB_BOUNDARY_EXACT:
      return _("Exact outline");
    case SB_BOUNDARY_APPROXIMATE:
      return _("Approximate outline");
    case SB_BOUNDARY_SCHEMATIC:
    default:
      return _("Schematic outline: the source describes the area only in words");
    }
}

const char *
sb_format_figure_measure (SbFigureMeasure measure)
{
  switch (measure)
    {
    case SB_FIGURE_MEASURE_STRENGTH:
      return _("Strength");
    case SB_FIGURE_MEASURE_DISPLACED:
      return _("People displaced");
    case SB_FIGURE_MEASURE_FATALITIES:
      return _("Fatalities");
    case SB_FIGURE_MEASURE_DETAINED:
      return _("Detained");
    case SB_FIGURE_MEASURE_RATIO:
      return _("Ratio");
    case SB_FIGURE_MEASURE_OTHER:
    default:
      return _("Figure");
    }
}

const char *
sb_format_relation_type (SbRelationType type)
{
  switch (type)
    {
    case SB_RELATION_TYPE_ALLIED_WITH:
      return _("Allied with");
    case SB_RELATION_TYPE_COOPERATES_WITH:
      return _("Cooperates with");
    case SB_RELATION_TYPE_CONTRACTED_BY:
      return _("Contracted by");
    case SB_RELATION_TYPE_SUPPORTS:
      return _("Supports");
    case SB_RELATION_TYPE_TRAINS:
      return _("Trains");
    case SB_RELATION_TYPE_FIGHTS:
      return _("Fights");
    case SB_RELATION_TYPE_AT_ODDS_WITH:
      return _("At odds with");
    case SB_RELATION_TYPE_PART_OF:
      return _("Part of");
    case SB_RELATION_TYPE_AFFILIATED_WITH:
      return _("Affiliated with");
    case SB_RELATION_TYPE_SUCCEEDS:
      /* TRANSLATORS: a relation: Africa Corps took over from Wagner */
      return _("Took over from");
    case SB_RELATION_TYPE_HOSTS:
    default:
      return _("Hosts");
    }
}

/**
 * sb_format_relation_end:
 *
 * Returns: the relation in words from the side of the actor who sees it:
 *   "Contracted by" from Wagner's, "Contracts" from the junta's, "At odds
 *   with" from either
 */
const char *
sb_format_relation_end (const SbRelationEnd *end)
{
  if (!end->inverse || sb_relation_type_is_symmetric (end->relation->type))
    return sb_format_relation_type (end->relation->type);

  switch (end->relation->type)
    {
    case SB_RELATION_TYPE_CONTRACTED_BY:
      /* TRANSLATORS: the inverse of "Contracted by": the junta contracts Wagner */
      return C_("relation", "Contracts");
    case SB_RELATION_TYPE_SUPPORTS:
      return C_("relation", "Supported by");
    case SB_RELATION_TYPE_TRAINS:
      return C_("relation", "Trained by");
    case SB_RELATION_TYPE_PART_OF:
      /* TRANSLATORS: the inverse of "Part of": a group includes its members */
      return C_("relation", "Includes");
    case SB_RELATION_TYPE_SUCCEEDS:
      /* TRANSLATORS: the inverse of "Took over from": Wagner was succeeded by Africa Corps */
      return C_("relation", "Succeeded by");
    case SB_RELATION_TYPE_HOSTS:
    default:
      return C_("relation", "Hosted by");
    }
}

/**
 * sb_format_place_precision:
 *
 * Returns: how precisely the place is known: "Exact location",
 *   "Within about 25 km of Gao", "Somewhere in Mali"
 */
char *
sb_format_place_precision (SbPlace *place)
{
  const char *name = sb_entity_get_label (SB_ENTITY (place));
  g_autofree char *radius = sb_format_number (round (sb_place_get_radius_km (place)));

  switch (sb_place_get_precision (place))
    {
    case SB_PLACE_PRECISION_POINT:
      return g_strdup (_("Exact location"));
    case SB_PLACE_PRECISION_NEAR:
      /* TRANSLATORS: "Within about 25 km of Gao" */
      return g_strdup_printf (_("Within about %s km of %s"), radius, name);
    case SB_PLACE_PRECISION_REGION:
      if (sb_place_get_region (place) != NULL)
        /* TRANSLATORS: a village the gazetteer lacks, known only to its
         * region: "Tassia, somewhere in Tillabéri region"
         */
        return g_strdup_printf (_("%s, somewhere in %s region"), name, sb_place_get_region (place));
      /* TRANSLATORS: "Somewhere in the border region (about 200 km across)" */
      return g_strdup_printf (_("Somewhere in %s (within about %s km)"), name, radius);
    case SB_PLACE_PRECISION_COUNTRY:
    default:
      if (sb_place_get_region (place) != NULL)
        /* TRANSLATORS: a village the gazetteer lacks, known only to its
         * country: "Tassia, somewhere in Niger"
         */
        return g_strdup_printf (_("%s, somewhere in %s"), name, sb_place_get_region (place));
      /* TRANSLATORS: "Somewhere in Mali: the country as a whole" */
      return g_strdup_printf (_("Somewhere in %s: known only to the country"), name);
    }
}

/**
 * sb_format_figure:
 *
 * Returns: "about 1,000, as of August 2022"
 */
char *
sb_format_figure (const SbFigure *figure)
{
  g_autofree char *value = sb_format_quantity (&figure->value);
  g_autofree char *as_of = sb_format_date (&figure->as_of);

  if (figure->measure == SB_FIGURE_MEASURE_RATIO)
    {
      g_autofree char *times = g_strdup_printf ("×%s", value);

      g_free (value);
      value = g_steal_pointer (&times);
    }

  if (as_of == NULL)
    return g_steal_pointer (&value);

  /* TRANSLATORS: a number and when it held: "about 1,000, as of August 2022" */
  return g_strdup_printf (_("%s, as of %s"), value, as_of);
}

static const char *
item_what (SbItem         *item,
           const SbFilter *filter)
{
  switch (sb_item_get_kind (item))
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      return sb_format_deployment_status (filter ? sb_filter_get_deployment_status (filter, item)
                                                 : sb_item_get_deployment_status (item));
    case SB_ITEM_KIND_MOVEMENT:
      return sb_format_movement_status (sb_item_get_movement_status (item));
    case SB_ITEM_KIND_INCIDENT:
      return sb_format_incident_type (sb_item_get_incident_type (item));
    case SB_ITEM_KIND_AREA:
    default:
      return sb_format_area_kind (sb_item_get_area_kind (item));
    }
}

/**
 * sb_format_item_subtitle:
 *
 * Returns: one line on a statement for lists: "Coup · 2020 · Reported"
 */
char *
sb_format_item_subtitle (SbItem *item)
{
  return sb_format_item_subtitle_for (item, NULL);
}

/**
 * sb_format_item_subtitle_for:
 * @filter: (nullable): the filters shown: a deployment's status is its
 *   status in their time range
 *
 * Returns: one line on a statement for lists: "Deployment, present ·
 *   2013–2022 · Reported"
 */
char *
sb_format_item_subtitle_for (SbItem         *item,
                             const SbFilter *filter)
{
  g_autofree char *date = sb_format_date (sb_item_get_date (item));
  g_autofree char *evidence = sb_format_evidence (sb_item_get_evidence (item));

  /* A statement made in the app has no date until one is given. */
  if (date == NULL || *date == '\0')
    return g_strdup_printf ("%s · %s", item_what (item, filter), evidence);
  return g_strdup_printf ("%s · %s · %s", item_what (item, filter), date, evidence);
}

/* What a statement is, in one word or two: "Attack", "Deployment". */
static const char *
item_type (SbItem *item)
{
  switch (sb_item_get_kind (item))
    {
    case SB_ITEM_KIND_INCIDENT:
      if (sb_item_get_incident_type (item) != SB_INCIDENT_TYPE_OTHER)
        return sb_format_incident_type (sb_item_get_incident_type (item));
      return sb_format_item_kind (SB_ITEM_KIND_INCIDENT);
    case SB_ITEM_KIND_AREA:
      return sb_format_area_kind (sb_item_get_area_kind (item));
    case SB_ITEM_KIND_DEPLOYMENT:
    case SB_ITEM_KIND_MOVEMENT:
    default:
      return sb_format_item_kind (sb_item_get_kind (item));
    }
}

/**
 * sb_format_item_name:
 *
 * Returns: what names a statement for people, in a list, a tooltip or a
 *   step: its title (or name, or description); while it has none, what it
 *   is, where and when
 *   ("Attack, Djibo, 12 March 2024"), never its id
 */
char *
sb_format_item_name (SbItem *item)
{
  const char *label = sb_entity_get_label (SB_ENTITY (item));
  SbPlace *place = sb_item_get_place (item) ? sb_item_get_place (item) : sb_item_get_origin (item);
  const char *where = place && sb_place_get_name (place) ? sb_text_get (sb_place_get_name (place)) : NULL;
  g_autofree char *when = sb_format_date (sb_item_get_date (item));
  const char *what = item_type (item);

  /* Its title, else a name or description it came with (an import's). */
  if (g_strcmp0 (label, sb_entity_get_id (SB_ENTITY (item))) != 0)
    return g_strdup (label);

  if (where != NULL && *where != '\0' && when != NULL && *when != '\0')
    /* TRANSLATORS: a statement with no title yet, by what, where and
     * when it is: "Attack, Djibo, 12 March 2024"
     */
    return g_strdup_printf (_("%s, %s, %s"), what, where, when);
  if (where != NULL && *where != '\0')
    /* TRANSLATORS: a statement with no title yet, by what it is and
     * where or when: "Attack, Djibo", "Attack, 12 March 2024"
     */
    return g_strdup_printf (_("%s, %s"), what, where);
  if (when != NULL && *when != '\0')
    return g_strdup_printf (_("%s, %s"), what, when);

  return g_strdup (what);
}

/**
 * sb_format_language:
 *
 * Returns: the language's name in the user's language, or the code
 */
const char *
sb_format_language (const char *code)
{
  static const struct {
    const char *code;
    const char *name;
  } languages[] = {
    { "ar", N_("Arabic") },
    { "de", N_("German") },
    { "en", N_("English") },
    { "es", N_("Spanish") },
    { "fr", N_("French") },
    { "nl", N_("Dutch") },
    { "pt", N_("Portuguese") },
    { "ru", N_("Russian") },
  };

  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strncasecmp (code, languages[i].code, 2) == 0 &&
        (code[2] == '\0' || code[2] == '-'))
      return _(languages[i].name);

  return code;
}

/**
 * sb_format_publisher:
 *
 * Returns: (nullable): the source's publisher, or "publisher unknown" for
 *   an article or document whose publisher the briefing does not know;
 *   %NULL for a source only named (a data set's "Reuters" is its own
 *   publisher)
 */
const char *
sb_format_publisher (SbSource *source)
{
  if (sb_source_get_publisher (source) != NULL)
    return sb_source_get_publisher (source);

  if (sb_source_get_text (source) != NULL)
    return _("publisher unknown");

  return NULL;
}

/**
 * sb_format_source_date:
 *
 * Returns: (transfer full): when the source appeared, as far as it says:
 *   "August 2022", or "date unknown" for one added without a date
 */
char *
sb_format_source_date (SbSource *source)
{
  char *date = sb_format_date (sb_source_get_date (source));

  /* TRANSLATORS: in place of a source's date, beside "publisher unknown" */
  return date != NULL ? date : g_strdup (_("date unknown"));
}

/**
 * sb_format_source_line:
 *
 * Returns: "Title — Publisher, August 2022 (Dutch)", "Title — publisher
 *   unknown, August 2022 (Dutch)"
 */
char *
sb_format_source_line (SbSource *source)
{
  g_autofree char *date = sb_format_source_date (source);
  const char *title = sb_text_get (sb_source_get_title (source));
  const char *publisher = sb_format_publisher (source);
  const char *language = sb_format_language (sb_source_get_language (source));

  if (publisher != NULL)
    /* TRANSLATORS: title, publisher, date and language of a source */
    return g_strdup_printf (_("%s — %s, %s (%s)"), title, publisher, date, language);

  /* TRANSLATORS: title, date and language of a source */
  return g_strdup_printf (_("%s — %s (%s)"), title, date, language);
}

/**
 * sb_format_translated_from:
 * @language: the language of the original
 *
 * Returns: "(translated from Dutch)", after a translation of a quote
 */
char *
sb_format_translated_from (const char *language)
{
  /* TRANSLATORS: after a translation of a quoted passage, the language
   * of the original: "(translated from Dutch)"
   */
  return g_strdup_printf (_("(translated from %s)"), sb_format_language (language));
}

/**
 * sb_format_citation:
 *
 * Returns: the passage with its source and date, as put on the
 *   clipboard: “…” — Title, Publisher, August 2022; with the translation
 *   in the reader's language above the original, when the quote has one
 */
char *
sb_format_citation (SbCitation *citation)
{
  g_autofree char *source = sb_format_source_line (citation->source);
  const char *url = sb_source_get_url (citation->source);
  const char *translation;
  g_autoptr(GString) text = NULL;

  /* A source only named has no passage to copy, only its name. */
  if (sb_citation_get_quote (citation) == NULL)
    return url ? g_strdup_printf ("%s\n%s", source, url) : g_steal_pointer (&source);

  text = g_string_new (NULL);
  translation = sb_citation_get_translation (citation, sb_text_get_preferred_languages (), NULL);
  if (translation != NULL)
    {
      g_autofree char *from = sb_format_translated_from (sb_source_get_language (citation->source));

      /* TRANSLATORS: a citation put on the clipboard: the translation of
       * the quoted passage, "(translated from Dutch)", and on the next
       * line the passage as the source has it
       */
      g_string_append_printf (text, _("“%s” %s\nOriginal: “%s”"), translation, from, sb_citation_get_quote (citation));
    }
  else
    /* TRANSLATORS: a quoted passage */
    g_string_append_printf (text, _("“%s”"), sb_citation_get_quote (citation));

  /* TRANSLATORS: the source of a quoted passage, on a line of its own */
  g_string_append_printf (text, _("\n— %s"), source);
  if (url != NULL)
    g_string_append_printf (text, "\n%s", url);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

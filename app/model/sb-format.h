/* sb-format.h
 *
 * The briefing's values in words for people: dates at their precision,
 * quantities, certainty, kinds and places. Shared by every view so the
 * same thing always reads the same.
 */

#pragma once

#include "sb-briefing.h"
#include "sb-citation.h"
#include "sb-figure.h"
#include "sb-filter.h"
#include "sb-relation.h"
#include "sb-source.h"

G_BEGIN_DECLS

char       *sb_format_number              (double              value);
char       *sb_format_quantity            (const SbQuantity  *quantity);
char       *sb_format_date                (const SbDate      *date);
char       *sb_format_date_precision      (const SbDate      *date);
const char *sb_format_certainty           (SbCertainty        certainty);
char       *sb_format_evidence            (const SbEvidence  *evidence);
const char *sb_format_certainty_help      (SbCertainty        certainty);
char       *sb_format_corroboration       (guint              n_sources);
const char *sb_format_actor_kind          (SbActorKind        kind);
const char *sb_format_actor_kind_plural   (SbActorKind        kind);
const char *sb_format_item_kind           (SbItemKind         kind);
const char *sb_format_incident_type       (SbIncidentType     type);
const char *sb_format_deployment_status   (SbDeploymentStatus status);
const char *sb_format_movement_status     (SbMovementStatus   status);
const char *sb_format_means               (SbMovementMeans    means);
const char *sb_format_area_kind           (SbAreaKind         kind);
const char *sb_format_boundary            (SbBoundary         boundary);
const char *sb_format_figure_measure      (SbFigureMeasure    measure);
const char *sb_format_relation_type       (SbRelationType     type);
const char *sb_format_relation_end        (const SbRelationEnd *end);
char       *sb_format_place_precision     (SbPlace           *place);
char       *sb_format_figure              (const SbFigure    *figure);
char       *sb_format_item_subtitle       (SbItem            *item);
char       *sb_format_item_name           (SbItem            *item);
char       *sb_format_item_subtitle_for   (SbItem            *item,
                                           const SbFilter    *filter);
const char *sb_format_language            (const char        *code);
const char *sb_format_publisher           (SbSource          *source);
char       *sb_format_source_date         (SbSource          *source);
char       *sb_format_source_line         (SbSource          *source);
char       *sb_format_translated_from     (const char        *language);
char       *sb_format_citation            (SbCitation        *citation);

G_END_DECLS

/* sb-model-private.h
 *
 * The instance structures of the model objects, shared by the objects
 * themselves, the loader that fills them and the writer that saves them.
 * Nothing outside app/model/ includes this.
 */

#pragma once

#include "sb-actor.h"
#include "sb-briefing.h"
#include "sb-citation.h"
#include "sb-fields.h"
#include "sb-item.h"
#include "sb-place.h"
#include "sb-source.h"
#include "sb-step.h"

G_BEGIN_DECLS

struct _SbSource
{
  SbEntity parent_instance;

  SbText *title;
  char *publisher;
  char *author;
  SbDate date;
  char *language;
  char *url;
  char *text;
  char *passages_text;     /* the text as loaded, which loaded citations' quotes are
                            * passages of: kept while the source lives, edited or not;
                            * the same block as text until the text is edited */
  SbText *note;
};

struct _SbActor
{
  SbEntity parent_instance;

  SbText *name;
  SbText *short_name;
  char **aliases;
  SbActorKind kind;
  SbText *affiliation;
  char *country;
  guint32 colour;          /* 0xRRGGBB */
  guint32 default_colour;  /* the briefing's choice, when it has none of its own */
  guint has_colour : 1;
  SbText *summary;
  GPtrArray *figures;      /* of SbFigure */
  GPtrArray *relations;    /* of SbRelation */
  GPtrArray *citations;    /* of SbCitation */
};

struct _SbPlace
{
  SbEntity parent_instance;

  SbText *name;
  double lat;
  double lon;
  SbPlacePrecision precision;
  double radius_km;        /* 0 when the file gives none */
  char *country;
  guint reference : 1;     /* drawn for reference even when nothing refers to it */
  SbGeometry *geometry;    /* its outline, nullable */
  char **properties;       /* key, value, key, value…, nullable */
};

/* What few statements have: allocated on the first write (_sb_item_extra),
 * read through _sb_item_peek_extra(), which never allocates.
 */
typedef struct
{
  SbBoundary boundary;     /* areas */
  SbPlace *origin;         /* movements only */
  GPtrArray *figures;      /* of SbFigure, nullable */
  SbText *role;            /* deployments */
  GPtrArray *targets;      /* incidents: of SbActor, the side attacked; nullable */
  SbText *name;            /* areas */
  SbGeometry *geometry;    /* areas */
  char **properties;       /* key, value, key, value…, nullable */
} SbItemExtra;

struct _SbItem
{
  SbEntity parent_instance;

  /* Fields ordered so that none pads another: there may be millions, and
   * GSlice gives an instance of 152 bytes as much as one of 160.
   */
  SbText *title;
  SbText *description;
  SbDate date;
  guint32 first_day;       /* of date, as a Julian day: the sort key */
  guint8 kind;             /* SbItemKind */
  gint8 status;            /* SbDeploymentStatus or SbMovementStatus */
  gint8 subtype;           /* SbIncidentType, SbAreaKind or SbMovementMeans */
  SbEvidence evidence;

  /* One actor for deployments and movements, any number for the others. */
  GPtrArray *actors;       /* of unowned SbActor *, nullable */

  SbPlace *place;          /* for movements the destination */
  SbItemExtra *extra;      /* nullable */
  SbQuantity quantity;     /* strength or fatalities */
};

extern const SbItemExtra _sb_item_no_extra;

static inline const SbItemExtra *
_sb_item_peek_extra (const SbItem *self)
{
  return self->extra != NULL ? self->extra : &_sb_item_no_extra;
}

SbItemExtra *_sb_item_extra (SbItem *self);

struct _SbStep
{
  SbEntity parent_instance;

  SbText *title;
  SbText *caption;
  SbText *notes;

  guint has_center : 1;
  guint has_layers : 1;
  double lat;
  double lon;
  double zoom;
  GPtrArray *frame;         /* of unowned SbEntity *, nullable */
  SbLayers layers;
  GPtrArray *show;          /* nullable: everything is shown */
  GPtrArray *highlight;     /* nullable */
  SbCitation *citation;     /* nullable */
};

void       _sb_entity_set_id        (SbEntity   *self,
                                     const char *id);

GHashTable *_sb_id_table_new        (void);
void        _sb_id_table_add        (GHashTable *table,
                                     SbEntity   *entity);
SbEntity   *_sb_id_table_lookup     (GHashTable *table,
                                     const char *id);
gboolean    _sb_id_table_contains   (GHashTable *table,
                                     const char *id);
void        _sb_id_table_remove     (GHashTable *table,
                                     const char *id);
const char *_sb_entity_peek_id      (gpointer    entity);

SbSource  *_sb_source_new           (const char *id);
SbActor   *_sb_actor_new            (const char *id);
SbPlace   *_sb_place_new            (const char *id);
void       _sb_place_set_region     (SbPlace    *self,
                                     const char *region);
SbItem    *_sb_item_new             (const char *id,
                                     SbItemKind  kind);
SbStep    *_sb_step_new             (const char *id);

void        _sb_citation_set_passage  (SbCitation       *self,
                                       gsize             offset,
                                       gsize             length);
void        _sb_citation_take_quote   (SbCitation       *self,
                                       char             *quote);
const char *_sb_citation_peek_quote   (const SbCitation *self,
                                       gsize            *length);
gboolean    _sb_citation_has_quote    (const SbCitation *self);

typedef struct
{
  SbText *title;
  SbText *subtitle;
  SbText *description;
  char *language;
  SbDate date;
  char **authors;
  GPtrArray *sources;
  GPtrArray *actors;
  GPtrArray *places;
  GPtrArray *items[SB_N_ITEM_KINDS];
  GPtrArray *steps;
} SbBriefingContents;

SbBriefing *_sb_briefing_new_take   (SbBriefingContents *contents,
                                     GHashTable         *by_id);
void        _sb_briefing_contents_clear (SbBriefingContents *contents);
const SbBriefingContents *_sb_briefing_get_contents (SbBriefing *self);

/* Changing a briefing: only edits (sb-edit.c) call these, on the main
 * thread. Each change is recorded until _sb_briefing_emit_changed().
 */
void        _sb_briefing_insert         (SbBriefing *self,
                                         SbEntity   *entity,
                                         guint       position);
guint       _sb_briefing_remove         (SbBriefing *self,
                                         SbEntity   *entity);
void        _sb_briefing_move           (SbBriefing *self,
                                         SbEntity   *entity,
                                         guint       position);
void        _sb_briefing_swap_field     (SbBriefing *self,
                                         SbEntity   *entity,
                                         guint       field,
                                         GValue     *value);
void        _sb_briefing_emit_changed   (SbBriefing *self,
                                         SbEntity   *select);

void       _sb_swap_pointer         (gpointer    slot,
                                     GValue     *value);
void       _sb_swap_reference       (gpointer    slot,
                                     GValue     *value);
void       _sb_swap_date            (SbDate     *slot,
                                     GValue     *value);
void       _sb_source_swap_field    (SbSource   *self,
                                     guint       field,
                                     GValue     *value);
void       _sb_actor_swap_field     (SbActor    *self,
                                     guint       field,
                                     GValue     *value);
void       _sb_place_swap_field     (SbPlace    *self,
                                     guint       field,
                                     GValue     *value);
void       _sb_item_swap_field      (SbItem     *self,
                                     guint       field,
                                     GValue     *value);
void       _sb_step_swap_field      (SbStep     *self,
                                     guint       field,
                                     GValue     *value);
void       _sb_entity_swap_field    (SbEntity   *self,
                                     guint       field,
                                     GValue     *value);

G_END_DECLS

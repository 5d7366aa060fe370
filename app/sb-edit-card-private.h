/* sb-edit-card-private.h
 *
 * The editable card's insides: the rows it is made of
 * (sb-edit-card-rows.c), shared by the card itself (sb-edit-card.c: the
 * widget and the cards of statements, places and sources) and the files
 * that build the cards of actors (sb-edit-card-actor.c) and steps
 * (sb-edit-card-step.c) from the same rows. The rows know no card: the
 * cards are built from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sb-changes.h"
#include "sb-edit-card.h"

G_BEGIN_DECLS

struct _SbEditCard
{
  GtkWidget parent_instance;

  GtkWidget *box;
  SbDocument *document;
  SbEntity *entity;
  gboolean briefing_shown;   /* the briefing's own fields, entity NULL */
  GPtrArray *fields;         /* of Field */
  GPtrArray *languages;      /* of interned codes: a text row each */
  GPtrArray *added;          /* of interned codes: languages added here */
  gboolean rebuilding;       /* rows going: their signals change nothing */
  guint rebuild_source;      /* rows made anew once the signal is over */
  guint rebuild_tick;        /* or in the next frame, the card shown */
  SbEntity *built_for;       /* unowned, compared only: whose rows are shown */
  double scroll_to;          /* where the card was scrolled before rows were made anew */
  guint scroll_tick;
};

typedef struct _Field Field;
typedef void (*FieldFunc) (Field *field);
typedef gboolean (*StringCheck) (const char *string);
typedef const char *(*EnumLabel) (int value);

/* One row (or a few, for a date) that shows and sets one field. */
struct _Field
{
  SbEditCard *card;
  guint field;
  const char *language;      /* interned: the language of a text row */
  GtkWidget *row;
  GtkWidget *widget;         /* an entry, a switch, a combo row */
  GtkWidget *end_row;        /* dates: "To" */
  GtkWidget *kind_row;       /* dates: on, from–to, since */
  GtkWidget *approximate;    /* dates and quantities: a switch */
  GtkWidget *message_row;    /* dates: what they still need or is wrong */
  SbDate *held;              /* dates: the briefing's date while the rows
                              * hold one not applied (a span without its
                              * end, a span backwards), else NULL */
  FieldFunc refresh;
  FieldFunc apply;
  GArray *values;            /* of int: a choice's value per position */
  GPtrArray *entities;       /* of SbEntity, a choice of them (NULL: none) */
  guint index;               /* figures, actors, citations: which */
  char *shown;               /* what the entry was given or applied */
  gboolean editing;          /* the entry has the focus */
  gboolean gone;             /* dropped by a rebuild: the late signals of
                              * its widgets (a focus leaving, a colour
                              * chosen) are for what the card showed then */
  gboolean quiet;            /* being shown: changes are not edits */
};

/* The rows' makers keep their short names in the card's files and a
 * prefixed one in the program.
 */
#define add_field _sb_edit_card_add_field
#define keep_field _sb_edit_card_keep_field
#define is_live _sb_edit_card_is_live
#define is_current _sb_edit_card_is_current
#define apply_edit _sb_edit_card_apply_edit
#define get_value _sb_edit_card_get_value
#define set_error _sb_edit_card_set_error
#define new_group _sb_edit_card_new_group
#define plain_row _sb_edit_card_plain_row
#define new_entry_row _sb_edit_card_new_entry_row
#define show_text _sb_edit_card_show_text
#define typed_text _sb_edit_card_typed_text
#define show_typed _sb_edit_card_show_typed
#define add_text_rows _sb_edit_card_add_text_rows
#define add_string_row _sb_edit_card_add_string_row
#define new_combo_row _sb_edit_card_new_combo_row
#define combo_row_new _sb_edit_card_combo_row_new
#define select_quietly _sb_edit_card_select_quietly
#define add_enum_row _sb_edit_card_add_enum_row
#define new_remove_button _sb_edit_card_new_remove_button
#define refresh_nothing _sb_edit_card_refresh_nothing
#define add_figure_rows _sb_edit_card_add_figure_rows
#define add_citation_rows _sb_edit_card_add_citation_rows
#define new_switch_row _sb_edit_card_new_switch_row
#define refresh_entity _sb_edit_card_refresh_entity
#define parse_quantity _sb_edit_card_parse_quantity
#define field_unref _sb_edit_card_field_unref
#define shows_something _sb_edit_card_shows_something
#define apply_value _sb_edit_card_apply_value
#define url_is_valid _sb_edit_card_url_is_valid
#define country_is_valid _sb_edit_card_country_is_valid
#define certainty_label _sb_edit_card_certainty_label
#define add_entity_row _sb_edit_card_add_entity_row
#define add_date_rows _sb_edit_card_add_date_rows
#define add_quantity_rows _sb_edit_card_add_quantity_rows
#define refresh_coordinates _sb_edit_card_refresh_coordinates
#define apply_coordinates _sb_edit_card_apply_coordinates
#define refresh_radius _sb_edit_card_refresh_radius
#define apply_radius _sb_edit_card_apply_radius
#define add_actor_list _sb_edit_card_add_actor_list
#define add_target_list _sb_edit_card_add_target_list

Field     *add_field          (SbEditCard    *self,
                               guint          field_id);
void       keep_field         (GtkWidget     *widget,
                               Field         *field);
gboolean   is_live            (Field         *field);
gboolean   is_current         (Field         *field);
void       apply_edit         (SbEditCard    *self,
                               SbEdit        *edit);
void       get_value          (Field         *field,
                               GValue        *value);
void       set_error          (GtkWidget     *widget,
                               const char    *message);
GtkWidget *new_group          (SbEditCard    *self,
                               const char    *title);
void       plain_row          (GtkWidget     *row);
GtkWidget *new_entry_row      (Field         *field,
                               const char    *title);
void       show_text          (GtkWidget     *entry,
                               Field         *field,
                               const char    *text);
char      *typed_text         (Field         *field,
                               GtkWidget     *entry);
void       show_typed         (Field         *field,
                               GtkWidget     *entry,
                               const char    *typed);
void       add_text_rows      (SbEditCard    *self,
                               GtkWidget     *group,
                               guint          field_id,
                               const char    *title);
void       add_string_row     (SbEditCard    *self,
                               GtkWidget     *group,
                               guint          field_id,
                               const char    *title,
                               StringCheck    check,
                               const char    *message);
GtkWidget *new_combo_row      (Field         *field,
                               const char    *title,
                               GtkStringList *labels);
GtkWidget *combo_row_new      (const char    *title,
                               GtkStringList *labels);
void       select_quietly     (Field         *field,
                               guint          position);
Field     *add_enum_row       (SbEditCard    *self,
                               GtkWidget     *group,
                               guint          field_id,
                               const char    *title,
                               int            first,
                               int            last,
                               EnumLabel      label);
GtkWidget *new_remove_button  (const char    *spoken);
void       refresh_nothing    (Field         *field);
void       add_figure_rows    (SbEditCard    *self,
                               GtkWidget     *group,
                               guint          field_id,
                               GPtrArray     *figures);
void       add_citation_rows  (SbEditCard    *self,
                               GtkWidget     *group,
                               guint          field_id,
                               GPtrArray     *citations);
GtkWidget *new_switch_row     (Field         *field,
                               const char    *title,
                               const char    *subtitle);
void       refresh_entity     (Field         *field);
gboolean   parse_quantity     (const char    *text,
                               SbQuantity    *quantity);
void       field_unref        (Field         *field);
gboolean   shows_something    (SbEditCard    *self);
void       apply_value        (Field         *field,
                               GType          type,
                               ...);
gboolean   url_is_valid       (const char    *url);
gboolean   country_is_valid   (const char    *code);
const char *certainty_label   (int            value);
Field     *add_entity_row     (SbEditCard    *self,
                               GtkWidget     *group,
                               guint          field_id,
                               const char    *title,
                               GListModel    *choices,
                               const char    *none);
void       add_date_rows      (SbEditCard    *self,
                               GtkWidget     *group,
                               guint          field_id);
void       add_quantity_rows  (SbEditCard    *self,
                               GtkWidget     *group,
                               guint          field_id,
                               const char    *title);
void       refresh_coordinates (Field        *field);
void       apply_coordinates  (Field         *field);
void       refresh_radius     (Field         *field);
void       apply_radius       (Field         *field);
void       add_actor_list     (SbEditCard    *self,
                               GtkWidget     *group,
                               SbBriefing    *briefing);
void       add_target_list    (SbEditCard    *self,
                               GtkWidget     *group,
                               SbBriefing    *briefing);

/* sb-edit-card-actor.c */
void       _sb_edit_card_build_actor              (SbEditCard *self,
                                                   SbBriefing *briefing);
gboolean   _sb_edit_card_lists_changed            (SbEditCard *self,
                                                   SbChanges  *changes);

/* sb-edit-card-rows.c: citations to choose, inner lists named */
void       _sb_edit_card_add_figure_citation_row  (SbEditCard *self,
                                                   GtkWidget  *expander,
                                                   guint       field_id,
                                                   guint       index);
GPtrArray *_sb_edit_card_citation_choices         (SbBriefing *briefing,
                                                   GPtrArray  *nearest);
char      *_sb_edit_card_citation_label           (SbCitation *citation);
GtkWidget *_sb_edit_card_citation_row             (Field      *field,
                                                   const char *title,
                                                   const char *none,
                                                   GPtrArray  *nearest,
                                                   SbCitation *current);
char      *_sb_edit_card_remove_citation_name     (guint             index,
                                                  const SbCitation *citation);
void       _sb_edit_card_name_inner               (GtkWidget  *widget,
                                                   const char *name);

/* sb-edit-card-step.c */
void       _sb_edit_card_build_step               (SbEditCard *self,
                                                   SbBriefing *briefing);

G_END_DECLS

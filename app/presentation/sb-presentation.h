/* sb-presentation.h
 *
 * A presentation: the slides of a briefing (its steps, or else its
 * incidents in date order), which one is shown, whether the screen is
 * blanked, and the keys of slide software and clicker remotes.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-briefing.h"
#include "sb-citation.h"
#include "sb-types.h"

G_BEGIN_DECLS

typedef enum
{
  SB_BLANK_NONE,
  SB_BLANK_BLACK,
  SB_BLANK_WHITE,
} SbBlank;

/* What one slide shows, from a step or an incident. */
typedef struct
{
  SbEntity *entity;        /* the SbStep or SbItem */
  const char *title;
  char *caption;           /* nullable */
  const char *notes;       /* nullable */
  SbCitation *citation;    /* nullable, unowned */
  GPtrArray *highlight;    /* nullable, owned */
  GPtrArray *shown;        /* nullable, unowned: the only statements shown */
  GPtrArray *frame;        /* nullable, unowned: what the camera fits */
  SbLayers layers;
  gboolean has_center;
  double latitude;
  double longitude;
  double zoom;
} SbSlide;

void sb_slide_clear (SbSlide *slide);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SbSlide, sb_slide_clear)

#define SB_TYPE_PRESENTATION (sb_presentation_get_type ())

G_DECLARE_FINAL_TYPE (SbPresentation, sb_presentation, SB, PRESENTATION, GObject)

SbPresentation *sb_presentation_new              (SbBriefing     *briefing);
SbBriefing     *sb_presentation_get_briefing     (SbPresentation *self);
gboolean        sb_presentation_has_steps        (SbPresentation *self);
guint           sb_presentation_get_n_slides     (SbPresentation *self);
gboolean        sb_presentation_describe         (SbPresentation *self,
                                                  guint           index,
                                                  SbSlide        *slide);
guint           sb_presentation_get_index        (SbPresentation *self);
void            sb_presentation_set_index        (SbPresentation *self,
                                                  guint           index);
gboolean        sb_presentation_get_at_end       (SbPresentation *self);
gboolean        sb_presentation_get_legend_visible (SbPresentation *self);
void            sb_presentation_set_legend_visible (SbPresentation *self,
                                                    gboolean        visible);
void            sb_presentation_next             (SbPresentation *self);
void            sb_presentation_previous         (SbPresentation *self);
SbBlank         sb_presentation_get_blank        (SbPresentation *self);
void            sb_presentation_set_blank        (SbPresentation *self,
                                                  SbBlank         blank);
const char     *sb_presentation_get_typed_number (SbPresentation *self);
gboolean        sb_presentation_handle_key       (SbPresentation *self,
                                                  guint           keyval,
                                                  GdkModifierType state);
void            sb_presentation_end              (SbPresentation *self);
gboolean        sb_presentation_is_ended         (SbPresentation *self);
gint64          sb_presentation_get_start_time   (SbPresentation *self);
gint64          sb_presentation_get_slide_time   (SbPresentation *self);
gboolean        sb_slide_get_camera              (const SbSlide  *slide,
                                                  SbBriefing     *briefing,
                                                  double          width,
                                                  double          height,
                                                  double         *latitude,
                                                  double         *longitude,
                                                  double         *zoom);
gboolean        sb_slide_get_camera_around       (const SbSlide         *slide,
                                                  SbBriefing            *briefing,
                                                  double                 width,
                                                  double                 height,
                                                  const graphene_rect_t *covered,
                                                  double                 scale,
                                                  double                *latitude,
                                                  double                *longitude,
                                                  double                *zoom);
void            sb_slide_keep_clear              (const SbSlide         *slide,
                                                  SbBriefing            *briefing,
                                                  double                 width,
                                                  double                 height,
                                                  const graphene_rect_t *corner,
                                                  double                 scale,
                                                  double                *latitude,
                                                  double                *longitude,
                                                  double                *zoom);

G_END_DECLS

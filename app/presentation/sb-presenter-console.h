/* sb-presenter-console.h
 *
 * What the presenter sees on the other monitor: the current and next
 * step, the notes, the clocks and the cited passage. The same keys work.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-presentation.h"

G_BEGIN_DECLS

#define SB_TYPE_PRESENTER_CONSOLE (sb_presenter_console_get_type ())

G_DECLARE_FINAL_TYPE (SbPresenterConsole, sb_presenter_console, SB, PRESENTER_CONSOLE, GtkWindow)

SbPresenterConsole *sb_presenter_console_new                 (SbPresentation     *presentation);
void                sb_presenter_console_set_notice          (SbPresenterConsole *self,
                                                              const char         *notice);
void                sb_presenter_console_set_quote_on_screen (SbPresenterConsole *self,
                                                              gboolean            on_screen);

G_END_DECLS

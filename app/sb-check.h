/* sb-check.h
 *
 * `sahelbrief --check FILE…`: validates briefings without a window.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sb_check_is_requested (int    argc,
                                char **argv);
int      sb_check_run          (int    argc,
                                char **argv);

G_END_DECLS

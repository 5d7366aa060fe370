/* test-basemap.c
 *
 * The built-in base map read ahead while the app starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "sahelbrief-resources.h"
#include "sb-basemap.h"

/* The resources go as the process exits, perhaps while the reader started
 * with the app still runs (seen as "sahel-basemap.bin missing from the
 * resources" after a test had passed): what it reads was found before.
 */
static void
test_read_ahead_outlives_resources (void)
{
  GResource *resource = sahelbrief_get_resource ();
  SbBasemap *basemap;

  g_assert_null (sb_basemap_peek_default ());
  sb_basemap_read_ahead ();
  g_resources_unregister (resource);

  for (guint waited_ms = 0; (basemap = sb_basemap_peek_default ()) == NULL; waited_ms += 10)
    {
      g_assert_cmpuint (waited_ms, <, 30000);
      g_usleep (10 * 1000);
    }
  g_resources_register (resource);

  g_assert_cmpuint (sb_basemap_get_world (basemap)->features->len, >, 100);
  g_assert_cmpuint (sb_basemap_get_sahel (basemap)->features->len, >, 10);
  g_assert_nonnull (sb_basemap_lookup_country (basemap, "MLI"));
  g_assert_true (sb_basemap_get_default () == basemap);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/basemap/read-ahead-outlives-resources", test_read_ahead_outlives_resources);

  return g_test_run ();
}

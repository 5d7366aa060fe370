/* test-kind-icons.c
 *
 * Every actor kind, incident type and item layer has its symbolic icon in
 * the app's resources, where GTK's icon theme finds it; each is an SVG that
 * loads at 16 px, drawn in one colour of fills only, as GTK recolours
 * symbolic icons by their fill. A new enum value without an icon fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>
#include <string.h>

#include "sb-enums.h"
#include "sb-kind-icons.h"

#define ICON_PATH "/com/example/SahelBrief/icons"

typedef const char *(*IconNameFunc) (int value);

typedef struct
{
  GType (*get_type) (void);
  IconNameFunc icon_name;
} Family;

static void
check_icon (const char *icon_name)
{
  g_autofree char *path = g_strdup_printf (ICON_PATH "/scalable/status/%s.svg", icon_name);
  g_autoptr(GtkIconTheme) theme = gtk_icon_theme_new ();
  const char *resource_paths[] = { ICON_PATH, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  const char *svg;

  g_test_message ("%s", path);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  pixbuf = gdk_pixbuf_new_from_resource (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 16);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 16);

  /* Fills of one colour; a stroke would not be recoloured. */
  svg = g_bytes_get_data (bytes, NULL);
  g_assert_null (g_strstr_len (svg, g_bytes_get_size (bytes), "stroke"));
  for (const char *fill = svg; (fill = g_strstr_len (fill, -1, "fill=\"")) != NULL; fill++)
    g_assert_true (g_str_has_prefix (fill, "fill=\"#2e3436\""));

  gtk_icon_theme_set_resource_path (theme, resource_paths);
  g_assert_true (gtk_icon_theme_has_icon (theme, icon_name));
}

static const char *
actor_kind_icon_name (int value)
{
  return sb_actor_kind_icon_name (value);
}

static const char *
incident_type_icon_name (int value)
{
  return sb_incident_type_icon_name (value);
}

static const char *
item_kind_icon_name (int value)
{
  return sb_item_kind_icon_name (value);
}

static void
test_family (gconstpointer data)
{
  const Family *family = data;
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (family->get_type ());

  g_assert_cmpuint (enum_class->n_values, >, 0);
  for (guint i = 0; i < enum_class->n_values; i++)
    check_icon (family->icon_name (enum_class->values[i].value));
}

int
main (int   argc,
      char *argv[])
{
  static const Family actor_kinds = { sb_actor_kind_get_type, actor_kind_icon_name };
  static const Family incident_types = { sb_incident_type_get_type, incident_type_icon_name };
  static const Family item_kinds = { sb_item_kind_get_type, item_kind_icon_name };

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/kind-icons/actor-kinds", &actor_kinds, test_family);
  g_test_add_data_func ("/kind-icons/incident-types", &incident_types, test_family);
  g_test_add_data_func ("/kind-icons/layers", &item_kinds, test_family);

  return g_test_run ();
}

/* validate-ui.c
 *
 * Validates GtkBuilder files as `gtk4-builder-tool validate` does, but
 * knowing the types the app's files use. GTK 4.8's tool knows only GTK's
 * own types: it rejects every AdwStatusPage, ShumateMap or Sb… widget, a
 * template whose parent is not a GTK type ("Failed to lookup template
 * parent type AdwApplicationWindow") and every signal handler of a template
 * ("No function named `on_reset_clicked`"). Here libadwaita, libshumate
 * and the app's code are linked in, so GtkBuilder finds each type by its
 * _get_type function; a template is built on a stand-in subclass of its
 * parent, as the tool does, and signal handlers are accepted by name (the
 * classes bind the real ones, which the GUI tests exercise).
 *
 *   validate-ui [--deprecations] FILE.ui    validates one file
 *   validate-ui [--deprecations] DIRECTORY  validates every .ui file below
 *                            it, each in its own process, as TAP
 *
 * --deprecations turns on GTK's builder debugging, which from GTK 4.10 on
 * names deprecated forms (such as <child> where a child property exists);
 * a file whose output mentions one fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "validate-ui"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

/* A GtkBuilderCScope that makes a no-op closure for any handler name. */
#define VALIDATE_TYPE_SCOPE (validate_scope_get_type ())
G_DECLARE_FINAL_TYPE (ValidateScope, validate_scope, VALIDATE, SCOPE, GtkBuilderCScope)

struct _ValidateScope
{
  GtkBuilderCScope parent_instance;
};

static void validate_scope_iface_init (GtkBuilderScopeInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ValidateScope, validate_scope, GTK_TYPE_BUILDER_CSCOPE,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE, validate_scope_iface_init))

static GtkBuilderScopeInterface *parent_scope_iface;

static void
noop (void)
{
}

static GClosure *
validate_scope_create_closure (GtkBuilderScope         *scope,
                               GtkBuilder              *builder,
                               const char              *function_name,
                               GtkBuilderClosureFlags   flags,
                               GObject                 *object,
                               GError                 **error)
{
  return g_cclosure_new (G_CALLBACK (noop), NULL, NULL);
}

static void
validate_scope_iface_init (GtkBuilderScopeInterface *iface)
{
  parent_scope_iface = g_type_interface_peek_parent (iface);
  iface->get_type_from_name = parent_scope_iface->get_type_from_name;
  iface->get_type_from_function = parent_scope_iface->get_type_from_function;
  iface->create_closure = validate_scope_create_closure;
}

static void
validate_scope_class_init (ValidateScopeClass *klass)
{
}

static void
validate_scope_init (ValidateScope *self)
{
}

/* The class and parent of the file's <template>, if it has one. */
typedef struct
{
  char *class_name;
  char *parent_name;
} TemplateInfo;

static void
find_template (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  TemplateInfo *info = user_data;

  if (strcmp (element_name, "template") != 0 || info->class_name != NULL)
    return;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (strcmp (attribute_names[i], "class") == 0)
        info->class_name = g_strdup (attribute_values[i]);
      else if (strcmp (attribute_names[i], "parent") == 0)
        info->parent_name = g_strdup (attribute_values[i]);
    }
}

static guint n_messages;

/* Any warning or critical while building counts as a failure. */
static GLogWriterOutput
count_messages (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    n_messages++;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
validate_file (const char *filename)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  TemplateInfo info = { NULL, NULL };
  GMarkupParser parser = { find_template, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GObject) object = NULL;
  gboolean ok;

  if (!g_file_get_contents (filename, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  if (!g_markup_parse_context_parse (context, contents, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      g_printerr ("%s: %s\n", filename, error->message);
      return FALSE;
    }

  builder = gtk_builder_new ();
  scope = g_object_new (VALIDATE_TYPE_SCOPE, NULL);
  gtk_builder_set_scope (builder, scope);

  if (info.class_name != NULL)
    {
      GType parent_type, template_type;
      GTypeQuery query;

      if (info.parent_name == NULL)
        {
          g_printerr ("%s: the template %s names no parent\n", filename, info.class_name);
          return FALSE;
        }

      /* Nothing here refers to the template's own class, so its name is
       * still free for the stand-in. */
      if (g_type_from_name (info.class_name) != G_TYPE_INVALID)
        {
          g_printerr ("%s: the template class %s is already registered\n", filename, info.class_name);
          return FALSE;
        }

      parent_type = gtk_builder_get_type_from_name (builder, info.parent_name);
      if (parent_type == G_TYPE_INVALID || !g_type_is_a (parent_type, GTK_TYPE_WIDGET))
        {
          g_printerr ("%s: the template parent %s is not a known widget type\n", filename, info.parent_name);
          return FALSE;
        }

      g_type_query (parent_type, &query);
      template_type = g_type_register_static_simple (parent_type, info.class_name,
                                                     query.class_size, NULL,
                                                     query.instance_size, NULL, 0);
      object = g_object_ref_sink (g_object_new (template_type, NULL));
      ok = gtk_builder_extend_with_template (builder, object, template_type, " ", 1, &error);
    }
  else
    ok = TRUE;

  if (ok)
    ok = gtk_builder_add_from_file (builder, filename, &error);

  if (!ok)
    g_printerr ("%s\n", error->message);

  /* The stand-in has no dispose of its own to drop the template's
   * children, as the real class does. */
  if (object != NULL && GTK_IS_WINDOW (object))
    gtk_window_destroy (GTK_WINDOW (object));
  else if (object != NULL && !GTK_IS_POPOVER (object))
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
        gtk_widget_unparent (child);
    }

  g_free (info.class_name);
  g_free (info.parent_name);

  return ok && n_messages == 0;
}

static void
collect_ui_files (GFile     *dir,
                  GPtrArray *files)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *child;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return;

  while ((child = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (child);
      g_autoptr(GFile) file = g_file_get_child (dir, name);

      if (g_file_info_get_file_type (child) == G_FILE_TYPE_DIRECTORY)
        collect_ui_files (file, files);
      else if (g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (files, g_file_get_path (file));

      g_object_unref (child);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static int
validate_directory (const char *self,
                    gboolean    deprecations,
                    const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint n_failed = 0;

  collect_ui_files (dir, files);
  g_ptr_array_sort (files, compare_paths);

  g_print ("1..%u\n", files->len);
  if (files->len == 0)
    {
      g_print ("Bail out! no .ui files below %s\n", path);
      return 1;
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      const char *with_flag[] = { self, "--deprecations", file, NULL };
      const char *without[] = { self, file, NULL };
      const char **argv = deprecations ? with_flag : without;
      g_autofree char *output = NULL;
      g_autoptr(GError) error = NULL;
      int status = 1;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                         NULL, NULL, &output, NULL, &status, &error))
        output = g_strdup (error->message);
      else if (!g_spawn_check_wait_status (status, NULL))
        status = 1;
      else if (deprecations && strstr (output, "deprecated") != NULL)
        status = 1;

      if (status != 0)
        {
          g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

          n_failed++;
          g_print ("not ok %u - %s\n", i + 1, file);
          for (guint j = 0; lines[j] != NULL; j++)
            if (lines[j][0] != '\0')
              g_print ("# %s\n", lines[j]);
        }
      else
        g_print ("ok %u - %s\n", i + 1, file);
    }

  return n_failed == 0 ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  gboolean deprecations = argc == 3 && strcmp (argv[1], "--deprecations") == 0;
  const char *path = argv[argc - 1];

  if (argc != 2 && !deprecations)
    {
      g_printerr ("usage: %s [--deprecations] FILE.ui|DIRECTORY\n", argv[0]);
      return 2;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return validate_directory (argv[0], deprecations, path);

  /* Messages go to stdout so that the parent reports them with the file. */
  dup2 (STDOUT_FILENO, STDERR_FILENO);
  g_log_set_writer_func (count_messages, NULL, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("cannot open a display\n");
      return 1;
    }
  adw_init ();

  if (deprecations)
    gtk_set_debug_flags (gtk_get_debug_flags () | GTK_DEBUG_BUILDER);

  return validate_file (path) ? 0 : 1;
}

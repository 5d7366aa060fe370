/* sb-briefing-language.c
 *
 * The "briefing-language" setting: empty for the interface's language, or
 * a language code. Texts are looked up in it, then in English, then in the
 * briefing's own language (sb_text_lookup()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-briefing-language"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-actor.h"
#include "sb-briefing-language.h"
#include "sb-format.h"
#include "sb-step.h"

/**
 * sb_briefing_language_apply:
 * @code: (nullable): a language code, or %NULL or "" for the interface's
 *
 * Sets the language texts of briefings are shown in. Open windows are not
 * refreshed: their selections are told with sb_selection_texts_changed().
 */
void
sb_briefing_language_apply (const char *code)
{
  if (code == NULL || *code == '\0')
    {
      sb_text_set_preferred_languages (NULL);
    }
  else
    {
      const char *languages[] = { code, NULL };

      sb_text_set_preferred_languages (languages);
    }
}

static void
add_languages (GPtrArray *codes,
               SbText    *text)
{
  for (guint i = 0; text != NULL && i < sb_text_get_n_languages (text); i++)
    {
      const char *code = sb_text_get_language_at (text, i);

      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, g_strdup (code));
    }
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * sb_briefing_language_list:
 * @briefing: (nullable): the briefing shown
 * @current: (nullable): the setting's value
 *
 * Returns: (transfer full): the codes to offer: "" for the interface's
 *   language, English, Dutch and French, then the others @briefing has
 *   texts in and @current, in alphabetical order
 */
char **
sb_briefing_language_list (SbBriefing *briefing,
                           const char *current)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *codes = g_ptr_array_new ();
  const char *fixed[] = { "", "en", "nl", "fr" };

  if (briefing != NULL)
    {
      GListModel *actors = sb_briefing_get_actors (briefing);
      GListModel *steps = sb_briefing_get_steps (briefing);

      add_languages (found, sb_briefing_get_title (briefing));
      for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
        {
          g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

          add_languages (found, sb_actor_get_summary (actor));
        }
      for (guint i = 0; steps != NULL && i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(SbStep) step = g_list_model_get_item (steps, i);

          add_languages (found, sb_step_get_caption (step));
        }
    }
  if (current != NULL && *current != '\0')
    g_ptr_array_add (found, g_strdup (current));
  g_ptr_array_sort (found, compare_codes);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (codes, g_strdup (fixed[i]));
  for (guint i = 0; i < found->len; i++)
    {
      const char *code = g_ptr_array_index (found, i);

      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, g_strdup (code));
    }

  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (codes, FALSE);
}

/**
 * sb_briefing_language_get_name:
 *
 * Returns: the name of the language in itself, as language choosers show
 *   them ("Nederlands", "Français"), or its name in the interface's
 *   language, or the code
 */
const char *
sb_briefing_language_get_name (const char *code)
{
  static const struct {
    const char *code;
    const char *name;
  } names[] = {
    { "ar", "العربية" },
    { "de", "Deutsch" },
    { "en", "English" },
    { "es", "Español" },
    { "fr", "Français" },
    { "nl", "Nederlands" },
    { "pt", "Português" },
    { "ru", "Русский" },
  };

  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (code, names[i].code) == 0)
      return names[i].name;

  return sb_format_language (code);
}

/**
 * sb_briefing_language_is_fallback:
 * @text: (nullable): a text of the briefing
 * @shown: (out) (optional): the language @text is shown in
 * @wanted: (out) (optional): the language it was wanted in
 *
 * Returns: %TRUE if @text is shown in another language than the first
 *   one wanted, because it has none in that language
 */
gboolean
sb_briefing_language_is_fallback (SbText      *text,
                                  const char **shown,
                                  const char **wanted)
{
  const char * const *languages = sb_text_get_preferred_languages ();
  const char *chosen = NULL;

  if (text == NULL || languages == NULL || languages[0] == NULL)
    return FALSE;

  sb_text_lookup (text, languages, &chosen);
  if (chosen == NULL || sb_language_same_primary (chosen, languages[0]))
    return FALSE;

  if (shown != NULL)
    *shown = chosen;
  if (wanted != NULL)
    *wanted = languages[0];
  return TRUE;
}

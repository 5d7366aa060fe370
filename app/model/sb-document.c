/* sb-document.c
 *
 * The editing object of a window: it applies edits to its briefing, keeps
 * them for undo and redo for as long as it lives, and knows whether what
 * is shown differs from what was saved.
 *
 * Each applied edit gets a new revision number; the briefing is modified
 * while the revision at the top of the undo stack is not the one saved,
 * so undoing back to the saved state is not modified. Consecutive edits
 * of one text field of one entity are one step to undo, as typing in a
 * text editor, until another edit or sb_document_break_coalescing().
 *
 * Edits dropped from the redo stack are kept until the document goes:
 * the values they hold may still be read by a worker thread that took a
 * snapshot before they were undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-briefing-private.h"
#include "sb-document.h"
#include "sb-edit-private.h"
#include "sb-file-output.h"
#include "sb-file-target.h"
#include "sb-writer.h"

struct _SbDocument
{
  GObject parent_instance;

  SbBriefing *briefing;
  SbSelection *selection;    /* nullable, weak */
  SbChecker *checker;
  gulong changed_handler;

  GFile *file;               /* nullable: where it is saved */
  char *location;            /* nullable: the web address it came from */
  char *etag;
  char *last_modified;
  gboolean imported;         /* file is an ACLED export, GeoJSON, … */

  GPtrArray *undo_stack;     /* of SbEdit, the last on top */
  GPtrArray *redo_stack;
  GPtrArray *dropped;        /* of SbEdit: off the redo stack, kept alive */
  SbEdit *group;             /* nullable: between begin and end_group */
  guint group_depth;
  gboolean coalesce;         /* the top edit may take the next */
  guint64 next_revision;
  guint64 saved_revision;
  char *undo_label;
  char *redo_label;
};

G_DEFINE_FINAL_TYPE (SbDocument, sb_document, G_TYPE_OBJECT)

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

enum {
  PROP_0,
  PROP_BRIEFING,
  PROP_FILE,
  PROP_LOCATION,
  PROP_IMPORTED,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_document_dispose (GObject *object)
{
  SbDocument *self = (SbDocument *)object;

  g_clear_weak_pointer (&self->selection);
  g_clear_signal_handler (&self->changed_handler, self->briefing);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (sb_document_parent_class)->dispose (object);
}

static void
sb_document_finalize (GObject *object)
{
  SbDocument *self = (SbDocument *)object;

  g_clear_pointer (&self->group, sb_edit_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->dropped, g_ptr_array_unref);
  g_clear_object (&self->briefing);
  g_clear_object (&self->file);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (sb_document_parent_class)->finalize (object);
}

static void
sb_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SbDocument *self = SB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BRIEFING:
      g_value_set_object (value, self->briefing);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_IMPORTED:
      g_value_set_boolean (value, self->imported);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, sb_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sb_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sb_document_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, sb_document_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, sb_document_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SbDocument *self = SB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BRIEFING:
      self->briefing = g_value_dup_object (value);
      break;
    case PROP_FILE:
      sb_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_IMPORTED:
      sb_document_set_imported (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_briefing_changed (SbDocument *self)
{
  sb_checker_queue (self->checker);
}

static void
sb_document_constructed (GObject *object)
{
  SbDocument *self = SB_DOCUMENT (object);

  G_OBJECT_CLASS (sb_document_parent_class)->constructed (object);

  self->checker = sb_checker_new (self->briefing);
  self->changed_handler = g_signal_connect_swapped (self->briefing, "changed", G_CALLBACK (on_briefing_changed), self);
}

static void
sb_document_class_init (SbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sb_document_constructed;
  object_class->dispose = sb_document_dispose;
  object_class->finalize = sb_document_finalize;
  object_class->get_property = sb_document_get_property;
  object_class->set_property = sb_document_set_property;

  properties[PROP_BRIEFING] =
    g_param_spec_object ("briefing", NULL, NULL,
                         SB_TYPE_BRIEFING,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPORTED] =
    g_param_spec_boolean ("imported", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_document_init (SbDocument *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_edit_unref);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_edit_unref);
  self->dropped = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_edit_unref);
  self->next_revision = 1;
}

/**
 * sb_document_new:
 * @briefing: a briefing (not a snapshot), which the document changes
 *   from now on
 */
SbDocument *
sb_document_new (SbBriefing *briefing)
{
  SbDocument *self;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (!sb_briefing_is_snapshot (briefing), NULL);

  self = g_object_new (SB_TYPE_DOCUMENT, "briefing", briefing, NULL);
  sb_checker_check_now (self->checker);
  return self;
}

/**
 * sb_document_new_checked:
 * @briefing: a briefing the loader has just read without a problem
 *
 * Like sb_document_new(), without checking @briefing until it changes:
 * the check writes it as Save would and reads it back with the loader,
 * which has just found nothing. At 1,000,000 incidents that check held a
 * second copy of the briefing (some 850 MiB) and took about 10 s of
 * processor time (writing and loading it) after every opening.
 */
SbDocument *
sb_document_new_checked (SbBriefing *briefing)
{
  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (!sb_briefing_is_snapshot (briefing), NULL);

  return g_object_new (SB_TYPE_DOCUMENT, "briefing", briefing, NULL);
}

SbBriefing *
sb_document_get_briefing (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  return self->briefing;
}

/**
 * sb_document_get_file:
 *
 * Returns: (nullable): the file the briefing was opened from or saved to;
 *   for an import, the file imported
 */
GFile *
sb_document_get_file (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
sb_document_set_file (SbDocument *self,
                      GFile      *file)
{
  g_return_if_fail (SB_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * sb_document_get_location:
 *
 * Returns: (nullable): the web address the briefing came from
 */
const char *
sb_document_get_location (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  return self->location;
}

/**
 * sb_document_set_location:
 * @uri: (nullable): the address, or %NULL when it came from none
 * @etag: (nullable): the server's ETag for it, or for a file the stamp of
 *   the version read or saved (sb_file_target_dup_stamp()): to ask
 *   whether it changed
 * @last_modified: (nullable): its Last-Modified
 */
void
sb_document_set_location (SbDocument *self,
                          const char *uri,
                          const char *etag,
                          const char *last_modified)
{
  g_return_if_fail (SB_IS_DOCUMENT (self));

  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_free (self->last_modified);
  self->last_modified = g_strdup (last_modified);

  if (set_str (&self->location, uri))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

const char *
sb_document_get_etag (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  return self->etag;
}

const char *
sb_document_get_last_modified (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  return self->last_modified;
}

/**
 * sb_document_get_imported:
 *
 * Returns: whether the file is an import (ACLED, GeoJSON, UCDP): saving
 *   then asks for a new .sahelbrief file, never overwrites it
 */
gboolean
sb_document_get_imported (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), FALSE);

  return self->imported;
}

void
sb_document_set_imported (SbDocument *self,
                          gboolean    imported)
{
  g_return_if_fail (SB_IS_DOCUMENT (self));

  imported = !!imported;
  if (self->imported == imported)
    return;

  self->imported = imported;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED]);
}

/**
 * sb_document_dup_name:
 *
 * Returns: (transfer full): how to name the briefing in a question: its
 *   file's name, else its title
 */
char *
sb_document_dup_name (SbDocument *self)
{
  const char *title;

  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  if (self->file != NULL && !self->imported)
    return g_file_get_basename (self->file);

  title = sb_text_get (sb_briefing_get_title (self->briefing));
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  return g_strdup (_("Untitled Briefing"));
}

/**
 * sb_document_set_selection:
 * @selection: (nullable): the window's selection
 *
 * Lets undoing an edit select again what was selected before it.
 */
void
sb_document_set_selection (SbDocument  *self,
                           SbSelection *selection)
{
  g_return_if_fail (SB_IS_DOCUMENT (self));

  g_set_weak_pointer (&self->selection, selection);
}

static SbEdit *
top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

guint64
sb_document_get_revision (SbDocument *self)
{
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_DOCUMENT (self), 0);

  edit = top (self->undo_stack);
  return edit ? edit->revision : 0;
}

gboolean
sb_document_get_modified (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), FALSE);

  return sb_document_get_revision (self) != self->saved_revision;
}

/**
 * sb_document_mark_saved:
 * @revision: the revision saved: sb_document_get_revision() when the
 *   snapshot written was taken
 */
void
sb_document_mark_saved (SbDocument *self,
                        guint64     revision)
{
  gboolean was_modified;

  g_return_if_fail (SB_IS_DOCUMENT (self));

  was_modified = sb_document_get_modified (self);
  self->saved_revision = revision;
  if (was_modified != sb_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * sb_document_get_checker:
 *
 * Returns: (transfer none): what checks the briefing as it is edited
 */
SbChecker *
sb_document_get_checker (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  return self->checker;
}

gboolean
sb_document_can_undo (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0 && self->group == NULL;
}

gboolean
sb_document_can_redo (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0 && self->group == NULL;
}

/**
 * sb_document_get_undo_label:
 *
 * Returns: (nullable): what Undo says it undoes, as "Undo Move “Gao”"
 */
const char *
sb_document_get_undo_label (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  return self->undo_label;
}

const char *
sb_document_get_redo_label (SbDocument *self)
{
  g_return_val_if_fail (SB_IS_DOCUMENT (self), NULL);

  return self->redo_label;
}


/* Tells what the stacks changed: labels, whether there is anything to
 * undo or redo, whether the briefing is saved.
 */
static void
stacks_changed (SbDocument *self,
                gboolean    was_modified,
                gboolean    could_undo,
                gboolean    could_redo)
{
  SbEdit *undo = top (self->undo_stack), *redo = top (self->redo_stack);
  /* Translators: the menu entry, as "Undo Move “Gao”" */
  g_autofree char *undo_label = undo ? g_strdup_printf (_("Undo %s"), sb_edit_get_label (undo)) : NULL;
  /* Translators: the menu entry, as "Redo Move “Gao”" */
  g_autofree char *redo_label = redo ? g_strdup_printf (_("Redo %s"), sb_edit_get_label (redo)) : NULL;

  g_object_freeze_notify (G_OBJECT (self));

  if (set_str (&self->undo_label, undo_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (set_str (&self->redo_label, redo_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  if (could_undo != sb_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != sb_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != sb_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
drop_redo_stack (SbDocument *self)
{
  while (self->redo_stack->len > 0)
    g_ptr_array_add (self->dropped, g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1));
}

static SbEntity *
selected (SbDocument *self)
{
  return self->selection ? sb_selection_get_selected (self->selection) : NULL;
}

/**
 * sb_document_apply:
 * @edit: (transfer full): an edit not applied yet
 *
 * Applies @edit to the briefing and keeps it to undo; the briefing says
 * what changed with "changed" (at the end of the group, inside one).
 *
 * Returns: %FALSE, with nothing changed, when @edit cannot be applied (it
 *   adds an id the briefing has, or changes what it does not hold)
 */
gboolean
sb_document_apply (SbDocument  *self,
                   SbEdit      *edit,
                   GError     **error)
{
  g_autoptr(SbEdit) owned = edit;
  gboolean was_modified, could_undo, could_redo;
  SbEdit *previous;

  g_return_val_if_fail (SB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (!edit->applied, FALSE);

  g_set_object (&edit->selected_before, selected (self));
  if (!_sb_edit_apply (edit, self->briefing, error))
    return FALSE;

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, g_steal_pointer (&owned));
      return TRUE;
    }

  was_modified = sb_document_get_modified (self);
  could_undo = sb_document_can_undo (self);
  could_redo = sb_document_can_redo (self);

  drop_redo_stack (self);

  previous = top (self->undo_stack);
  if (self->coalesce && previous != NULL && _sb_edit_merge (previous, edit))
    {
      /* A new revision all the same: what is saved is not this. */
      previous->revision = self->next_revision++;
      g_ptr_array_add (self->dropped, g_steal_pointer (&owned));
    }
  else
    {
      edit->revision = self->next_revision++;
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&owned));
    }
  self->coalesce = TRUE;

  _sb_briefing_emit_changed (self->briefing, edit->select);
  stacks_changed (self, was_modified, could_undo, could_redo);

  return TRUE;
}

/**
 * sb_document_begin_group:
 * @label: the name of the edits to come, as one: "Add Incident"
 *
 * Makes the edits applied until sb_document_end_group() one edit, undone
 * as one. Groups nest; the outermost names the edit.
 */
void
sb_document_begin_group (SbDocument *self,
                         const char *label)
{
  g_return_if_fail (SB_IS_DOCUMENT (self));

  if (self->group_depth++ > 0)
    return;

  self->group = sb_edit_new_group (label);
  self->group->applied = TRUE;
  g_set_object (&self->group->selected_before, selected (self));
}

static SbEntity *
group_select (SbEdit *group)
{
  for (guint i = 0; i < group->children->len; i++)
    {
      SbEdit *child = g_ptr_array_index (group->children, i);

      if (child->select != NULL)
        return child->select;
    }

  return NULL;
}

void
sb_document_end_group (SbDocument *self)
{
  g_autoptr(SbEdit) group = NULL;
  gboolean was_modified, could_undo, could_redo;

  g_return_if_fail (SB_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  could_undo = self->undo_stack->len > 0;
  could_redo = self->redo_stack->len > 0;
  group = g_steal_pointer (&self->group);

  if (group->children->len == 0)
    {
      stacks_changed (self, sb_document_get_modified (self), could_undo, could_redo);
      return;
    }

  was_modified = sb_document_get_modified (self);
  if (group->label == NULL)
    group->label = g_strdup (sb_edit_get_label (g_ptr_array_index (group->children, 0)));
  if (group->entity == NULL)
    g_set_object (&group->entity, sb_edit_get_entity (g_ptr_array_index (group->children, 0)));
  g_set_object (&group->select, group_select (group));

  drop_redo_stack (self);
  group->revision = self->next_revision++;
  g_ptr_array_add (self->undo_stack, sb_edit_ref (group));
  self->coalesce = FALSE;

  _sb_briefing_emit_changed (self->briefing, group->select);
  stacks_changed (self, was_modified, could_undo, could_redo);
}

/**
 * sb_document_break_coalescing:
 *
 * Makes the next edit a step of its own to undo, even if it sets the
 * text field the last one did: the user moved on (focus left the field).
 */
void
sb_document_break_coalescing (SbDocument *self)
{
  g_return_if_fail (SB_IS_DOCUMENT (self));

  self->coalesce = FALSE;
}

/**
 * sb_document_undo:
 *
 * Returns: whether there was an edit to undo
 */
gboolean
sb_document_undo (SbDocument *self)
{
  gboolean was_modified, could_undo, could_redo;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_DOCUMENT (self), FALSE);

  if (!sb_document_can_undo (self))
    return FALSE;

  was_modified = sb_document_get_modified (self);
  could_undo = TRUE;
  could_redo = sb_document_can_redo (self);

  edit = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  _sb_edit_undo (edit, self->briefing);
  g_ptr_array_add (self->redo_stack, edit);
  self->coalesce = FALSE;

  _sb_briefing_emit_changed (self->briefing, edit->selected_before);
  stacks_changed (self, was_modified, could_undo, could_redo);

  return TRUE;
}

/**
 * sb_document_redo:
 *
 * Returns: whether there was an edit to redo
 */
gboolean
sb_document_redo (SbDocument *self)
{
  gboolean was_modified, could_undo, could_redo;
  g_autoptr(GError) error = NULL;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_DOCUMENT (self), FALSE);

  if (!sb_document_can_redo (self))
    return FALSE;

  was_modified = sb_document_get_modified (self);
  could_undo = sb_document_can_undo (self);
  could_redo = TRUE;

  edit = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  g_set_object (&edit->selected_before, selected (self));

  /* Undone in order, an edit always applies again. */
  if (!_sb_edit_apply (edit, self->briefing, &error))
    g_error ("Cannot redo %s: %s", sb_edit_get_label (edit), error->message);

  g_ptr_array_add (self->undo_stack, edit);
  self->coalesce = FALSE;

  _sb_briefing_emit_changed (self->briefing, edit->select);
  stacks_changed (self, was_modified, could_undo, could_redo);

  return TRUE;
}

/* The briefing as its file has it, and how many problems that file has. */
static GBytes *
write_contents (SbBriefing *snapshot,
                guint      *n_problems)
{
  gsize length;
  char *data = sb_writer_to_data (snapshot, &length);

  if (n_problems != NULL)
    {
      g_autoptr(GPtrArray) problems = sb_checker_check_data (snapshot, data, length);

      *n_problems = problems->len;
    }

  return g_bytes_new_take (data, length);
}

/**
 * sb_document_write_file:
 * @snapshot: the briefing to write, a snapshot
 * @n_problems: (out) (optional): how many problems the file has
 *
 * Writes @snapshot to @file through a temporary file beside it, flushed
 * to disk, then renamed over it; the file replaced is kept as "NAME~".
 * What fails leaves @file as it was. Meant for a worker thread.
 */
gboolean
sb_document_write_file (SbBriefing    *snapshot,
                        GFile         *file,
                        guint         *n_problems,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (SB_IS_BRIEFING (snapshot), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  contents = write_contents (snapshot, n_problems);
  return sb_file_output_replace_contents (file, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                          SB_FILE_OUTPUT_BACKUP, cancellable, error);
}

typedef struct
{
  SbBriefing *snapshot;
  SbSaveTarget *target;
  guint64 revision;
  guint n_problems;
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->snapshot);
  g_clear_object (&save->target);
  g_free (save);
}

static void
contents_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Save *save = task_data;

  g_task_return_pointer (task, write_contents (save->snapshot, &save->n_problems), (GDestroyNotify) g_bytes_unref);
}

static void
on_target_written (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!sb_save_target_write_finish (SB_SAVE_TARGET (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_contents (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Save *save = g_task_get_task_data (task);
  g_autoptr(GBytes) contents = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_task_return_error_if_cancelled (task))
    return;

  sb_save_target_write_async (save->target, contents, g_task_get_cancellable (task),
                              on_target_written, g_object_ref (task));
}

/**
 * sb_document_save_to_async:
 * @target: where to save: a file here or an address on a server; where
 *   the document is from then on
 *
 * Saves the briefing as it is now while editing goes on: written from a
 * snapshot in a worker thread, then handed to @target, which never leaves
 * half of it. Finish with sb_document_save_finish().
 */
void
sb_document_save_to_async (SbDocument          *self,
                           SbSaveTarget        *target,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) contents = NULL;
  Save *save;

  g_return_if_fail (SB_IS_DOCUMENT (self));
  g_return_if_fail (SB_IS_SAVE_TARGET (target));

  save = g_new0 (Save, 1);
  save->snapshot = sb_briefing_get_snapshot (self->briefing);
  save->target = g_object_ref (target);
  save->revision = sb_document_get_revision (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_document_save_to_async);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);

  contents = g_task_new (NULL, cancellable, on_contents, g_object_ref (task));
  g_task_set_task_data (contents, save, NULL);
  g_task_run_in_thread (contents, contents_thread);
}

/**
 * sb_document_save_async:
 * @file: where to save; the document's file from then on
 *
 * Saves the briefing to @file; see sb_document_save_to_async().
 */
void
sb_document_save_async (SbDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(SbSaveTarget) target = NULL;

  g_return_if_fail (SB_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  target = sb_file_target_new (file);
  sb_document_save_to_async (self, target, cancellable, callback, user_data);
}

/**
 * sb_document_save_finish:
 * @n_problems: (out) (optional): how many problems the file saved has
 *
 * Returns: whether the briefing was saved; then it is where it was
 *   saved to (a file, no longer an import or a web address; or an
 *   address on a server, with the tag of the version saved there), and
 *   saved as far as the edits made before the save began
 */
gboolean
sb_document_save_finish (SbDocument    *self,
                         GAsyncResult  *result,
                         guint         *n_problems,
                         GError       **error)
{
  Save *save;

  g_return_val_if_fail (SB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  save = g_task_get_task_data (G_TASK (result));
  if (n_problems != NULL)
    *n_problems = save->n_problems;

  g_object_freeze_notify (G_OBJECT (self));
  sb_document_set_file (self, sb_save_target_get_file (save->target));
  sb_document_set_imported (self, FALSE);
  sb_document_set_location (self, sb_save_target_get_uri (save->target), sb_save_target_get_etag (save->target),
                            sb_save_target_get_last_modified (save->target));
  sb_document_mark_saved (self, save->revision);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

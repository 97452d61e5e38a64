/* test-key-value-tags-view.c: the Tags tab and its rows, checked as data.all and AWS would
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-key-value-tag-row.h"
#include "sluice-key-value-tags-view.h"
#include "sluice-test-utils.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
changed_cb (SluiceKeyValueTagRow *row,
            guint                *count)
{
  (*count)++;
}

static SluiceKeyValueTagRow *
nth_row (SluiceKeyValueTagsView *view,
         guint                   n)
{
  GtkWidget *found = NULL;
  guint i = 0;

  for (GtkWidget *box = sluice_test_find_widget (GTK_WIDGET (view), SLUICE_TYPE_KEY_VALUE_TAG_ROW, NULL);
       box != NULL && found == NULL;
       box = gtk_widget_get_next_sibling (box))
    if (SLUICE_IS_KEY_VALUE_TAG_ROW (box) && i++ == n)
      found = box;
  g_assert_nonnull (found);
  return SLUICE_KEY_VALUE_TAG_ROW (found);
}

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = sluice_test_find_widget (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_visible (label);
}

static void
test_row (void)
{
  SluiceKeyValueTagRow *row = SLUICE_KEY_VALUE_TAG_ROW (g_object_ref_sink (sluice_key_value_tag_row_new ("  team ", "data", TRUE)));
  guint n_changed = 0;
  guint n_key = 0;

  /* What was given is not what the user typed. */
  g_assert_cmpstr (sluice_key_value_tag_row_get_key (row), ==, "  team ");
  g_assert_false (sluice_key_value_tag_row_get_key_edited (row));
  g_assert_true (sluice_key_value_tag_row_get_cascade (row));
  {
    g_autofree char *key = sluice_key_value_tag_row_dup_clean_key (row);

    g_assert_cmpstr (key, ==, "team");
  }
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Key"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Value"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, "Cascade to AWS resources"));

  g_signal_connect (row, "changed", G_CALLBACK (changed_cb), &n_changed);
  g_signal_connect (row, "notify::key", G_CALLBACK (count_cb), &n_key);
  gtk_editable_set_text (GTK_EDITABLE (sluice_key_value_tag_row_get_key_field (row)), "owner");
  g_assert_true (sluice_key_value_tag_row_get_key_edited (row));
  g_assert_cmpuint (n_changed, >, 0);
  g_assert_cmpuint (n_key, ==, n_changed);
  /* The same key again changes nothing. */
  n_changed = n_key = 0;
  sluice_key_value_tag_row_set_key (row, "owner");
  g_assert_cmpuint (n_key, ==, 0);
  sluice_key_value_tag_row_set_cascade (row, FALSE);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_key, ==, 0);

  sluice_key_value_tag_row_set_errors (row, "Enter a key.", NULL);
  g_assert_true (label_shown (GTK_WIDGET (row), "Enter a key."));
  g_assert_true (gtk_widget_has_css_class (sluice_key_value_tag_row_get_key_field (row), "error"));
  g_assert_false (gtk_widget_has_css_class (sluice_key_value_tag_row_get_value_field (row), "error"));
  sluice_key_value_tag_row_set_errors (row, NULL, NULL);
  g_assert_false (label_shown (GTK_WIDGET (row), "Enter a key."));
  g_assert_false (gtk_widget_has_css_class (sluice_key_value_tag_row_get_key_field (row), "error"));

  g_assert_finalize_object (row);
}

static void
test_edit_and_validate (void)
{
  GtkWidget *window = gtk_window_new ();
  SluiceKeyValueTagsView *view = SLUICE_KEY_VALUE_TAGS_VIEW (sluice_key_value_tags_view_new ());
  guint n_can_save = 0;
  gboolean can_save = TRUE;

  g_object_ref (view);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (view, "notify::can-save", G_CALLBACK (count_cb), &n_can_save);

  /* No tags yet: nothing to save, one to add, and a row that says so. */
  g_assert_cmpuint (sluice_key_value_tags_view_get_n_tags (view), ==, 0);
  g_assert_false (sluice_key_value_tags_view_get_changed (view));
  g_assert_true (sluice_key_value_tags_view_get_can_add (view));
  g_assert_true (gtk_widget_is_visible (sluice_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW,
                                                                  "No key/value tags")));

  /* A new tag is a change; its empty key is only pointed out once typed in. */
  sluice_key_value_tags_view_add_tag (view);
  g_assert_cmpuint (sluice_key_value_tags_view_get_n_tags (view), ==, 1);
  g_assert_true (sluice_key_value_tags_view_get_changed (view));
  g_object_get (view, "can-save", &can_save, NULL);
  g_assert_true (can_save);
  g_assert_cmpuint (n_can_save, ==, 1);
  g_assert_false (gtk_widget_is_visible (sluice_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW,
                                                                   "No key/value tags")));
  g_assert_false (label_shown (GTK_WIDGET (view), "Enter a key."));

  gtk_editable_set_text (GTK_EDITABLE (sluice_key_value_tag_row_get_key_field (nth_row (view, 0))), "AWS:name");
  g_assert_true (label_shown (GTK_WIDGET (view), "Keys starting with “aws:” are reserved for AWS."));
  gtk_editable_set_text (GTK_EDITABLE (sluice_key_value_tag_row_get_key_field (nth_row (view, 0))), "");
  g_assert_true (label_shown (GTK_WIDGET (view), "Enter a key."));
  gtk_editable_set_text (GTK_EDITABLE (sluice_key_value_tag_row_get_key_field (nth_row (view, 0))), "Owner");
  g_assert_false (label_shown (GTK_WIDGET (view), "Enter a key."));

  /* Keys are the same whatever their case. */
  sluice_key_value_tags_view_add_tag (view);
  gtk_editable_set_text (GTK_EDITABLE (sluice_key_value_tag_row_get_key_field (nth_row (view, 1))), "owner ");
  g_assert_true (label_shown (GTK_WIDGET (view),
                              "Another tag has this key. Keys are the same whatever their case."));

  /* Reverting shows data.all's tags again: none. */
  sluice_key_value_tags_view_revert (view);
  g_assert_cmpuint (sluice_key_value_tags_view_get_n_tags (view), ==, 0);
  g_assert_false (sluice_key_value_tags_view_get_changed (view));
  g_object_get (view, "can-save", &can_save, NULL);
  g_assert_false (can_save);
  g_assert_cmpuint (n_can_save, ==, 2);

  /* Without a pipeline there is nothing to load or save, and nothing breaks. */
  sluice_key_value_tags_view_load (view);
  g_assert_false (sluice_key_value_tags_view_get_requested (view));
  g_assert_false (sluice_key_value_tags_view_get_loading (view));
  sluice_key_value_tags_view_add_tag (view);
  sluice_key_value_tags_view_save (view);
  g_assert_false (sluice_key_value_tags_view_get_loading (view));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_at_most_40 (void)
{
  SluiceKeyValueTagsView *view = SLUICE_KEY_VALUE_TAGS_VIEW (g_object_ref_sink (sluice_key_value_tags_view_new ()));
  guint n_can_add = 0;

  g_signal_connect (view, "notify::can-add", G_CALLBACK (count_cb), &n_can_add);
  for (guint i = 0; i < 40; i++)
    sluice_key_value_tags_view_add_tag (view);
  g_assert_cmpuint (sluice_key_value_tags_view_get_n_tags (view), ==, 40);
  g_assert_false (sluice_key_value_tags_view_get_can_add (view));
  g_assert_cmpuint (n_can_add, ==, 1);
  {
    GtkWidget *content = sluice_test_find_widget (GTK_WIDGET (view), ADW_TYPE_BUTTON_CONTENT, NULL);
    GtkWidget *add = gtk_widget_get_ancestor (content, GTK_TYPE_BUTTON);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, "A pipeline can have at most 40 key/value tags");
  }
  sluice_key_value_tags_view_add_tag (view);
  g_assert_cmpuint (sluice_key_value_tags_view_get_n_tags (view), ==, 40);

  /* Removing one, with its own button, makes room again. */
  g_signal_emit_by_name (nth_row (view, 39), "remove");
  g_assert_cmpuint (sluice_key_value_tags_view_get_n_tags (view), ==, 39);
  g_assert_true (sluice_key_value_tags_view_get_can_add (view));
  g_assert_cmpuint (n_can_add, ==, 2);

  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/key-value-tags-view/row", test_row);
  g_test_add_func ("/sluice/key-value-tags-view/edit-and-validate", test_edit_and_validate);
  g_test_add_func ("/sluice/key-value-tags-view/at-most-40", test_at_most_40);

  return g_test_run ();
}

/* sluice-ddk-writer.c: the byte-preserving writer of ddk.json
 *
 * The edited tree is compared with the tree as loaded, and only the members that differ are
 * rewritten in place, in the file's own style (colon, comma, indentation, line ends); the
 * line diff shown before a save.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-ddk-config"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sluice-ddk-config-private.h"

/* A longer file is shown as one replaced block rather than diffed line by line. */
#define MAX_DIFF_LINES 2000

/* ------------------------------------------------------------------------------------------ */
/* Style and serialisation of what Sluice adds                                                */
/* ------------------------------------------------------------------------------------------ */

void
_sluice_ddk_style_clear (Style *style)
{
  g_clear_pointer (&style->colon, g_free);
  g_clear_pointer (&style->comma, g_free);
  g_clear_pointer (&style->indent_unit, g_free);
  g_clear_pointer (&style->newline, g_free);
}

/* The indentation of the line that holds @pos. */
static char *
line_indent (const char *text,
             gsize       bom_len,
             gsize       pos)
{
  gsize start = pos, end;

  while (start > bom_len && text[start - 1] != '\n')
    start--;
  end = start;
  while (text[end] == ' ' || text[end] == '\t')
    end++;
  return g_strndup (text + start, end - start);
}

static Span *
first_object_with_members (Span  *span,
                           guint  at_least)
{
  if (span == NULL || span->type != JSON_NODE_OBJECT)
    return NULL;
  if (span->members->len >= at_least)
    return span;
  for (guint i = 0; i < span->members->len; i++)
    {
      SpanMember *member = g_ptr_array_index (span->members, i);
      Span *found = first_object_with_members (member->value, at_least);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
_sluice_ddk_style_detect (Style      *style,
                          const char *text,
                          gsize       bom_len,
                          Span       *root)
{
  Span *one = first_object_with_members (root, 1);
  Span *two = first_object_with_members (root, 2);

  _sluice_ddk_style_clear (style);
  style->newline = g_strdup (strstr (text, "\r\n") != NULL ? "\r\n" : "\n");
  style->colon = g_strdup (": ");
  style->comma = g_strdup (", ");
  style->pretty = TRUE;

  if (one != NULL)
    {
      SpanMember *first = g_ptr_array_index (one->members, 0);
      const char *gap = text + one->start + 1;
      gsize gap_len = first->key_start - one->start - 1;
      const char *nl = g_strrstr_len (gap, gap_len, "\n");

      g_free (style->colon);
      style->colon = g_strndup (text + first->key_end, first->value->start - first->key_end);
      style->pretty = nl != NULL;
      if (nl != NULL)
        {
          g_autofree char *outer = line_indent (text, bom_len, one->start);
          gsize inner_len = gap + gap_len - (nl + 1);

          /* The first member's indentation minus its object's. */
          if (inner_len > strlen (outer) && strncmp (nl + 1, outer, strlen (outer)) == 0)
            style->indent_unit = g_strndup (nl + 1 + strlen (outer), inner_len - strlen (outer));
        }
    }
  if (two != NULL && !style->pretty)
    {
      SpanMember *a = g_ptr_array_index (two->members, 0);
      SpanMember *b = g_ptr_array_index (two->members, 1);

      g_free (style->comma);
      style->comma = g_strndup (text + a->value->end, b->key_start - a->value->end);
    }
  if (style->indent_unit == NULL)
    style->indent_unit = g_strdup ("  ");
}

static void
append_string (GString    *out,
               const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void append_node (GString *out, JsonNode *node, const Style *style, const char *indent, gboolean pretty);

static void
append_separator (GString     *out,
                  const Style *style,
                  const char  *indent,
                  gboolean     pretty,
                  gboolean     first)
{
  if (!first)
    g_string_append (out, pretty ? "," : style->comma);
  if (pretty)
    {
      g_string_append (out, style->newline);
      g_string_append (out, indent);
      g_string_append (out, style->indent_unit);
    }
}

static void
append_node (GString     *out,
             JsonNode    *node,
             const Style *style,
             const char  *indent,
             gboolean     pretty)
{
  g_autofree char *inner = g_strconcat (indent, style->indent_unit, NULL);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = names; l != NULL; l = l->next)
          {
            append_separator (out, style, indent, pretty, l == names);
            append_string (out, l->data);
            g_string_append (out, style->colon);
            append_node (out, json_object_get_member (object, l->data), style, inner, pretty);
          }
        if (names != NULL && pretty)
          {
            g_string_append (out, style->newline);
            g_string_append (out, indent);
          }
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            append_separator (out, style, indent, pretty, i == 0);
            append_node (out, json_array_get_element (array, i), style, inner, pretty);
          }
        if (n > 0 && pretty)
          {
            g_string_append (out, style->newline);
            g_string_append (out, indent);
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            double d = json_node_get_double (node);
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            /* JSON has no infinities: a value that overflowed a double is written as null. */
            if (!isfinite (d))
              g_string_append (out, "null");
            else
              g_string_append (out, g_ascii_dtostr (buf, sizeof buf, d));
          }
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Saving only what changed                                                                   */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  gsize  start;
  gsize  end;
  char  *text;
} Patch;

static void
patch_clear (gpointer data)
{
  g_free (((Patch *) data)->text);
}

static void
add_patch (GArray *patches,
           gsize   start,
           gsize   end,
           char   *text)
{
  Patch patch = { start, end, text };

  g_array_append_val (patches, patch);
}

static void patch_node (SluiceDdkConfig *self, GArray *patches, Span *span, JsonNode *old, JsonNode *new);

static void
replace_value (SluiceDdkConfig *self,
               GArray          *patches,
               Span            *span,
               JsonNode        *new)
{
  g_autofree char *indent = line_indent (self->original, self->bom_len, span->start);
  GString *out = g_string_new (NULL);

  append_node (out, new, &self->style, indent, self->style.pretty);
  add_patch (patches, span->start, span->end, g_string_free (out, FALSE));
}

static void
patch_object (SluiceDdkConfig *self,
              GArray          *patches,
              Span            *span,
              JsonObject      *old,
              JsonObject      *new)
{
  const char *text = self->original;
  guint n = span->members->len;
  g_autofree gboolean *deleted = g_new0 (gboolean, n + 1);
  g_autoptr(GList) new_names = json_object_get_members (new);
  g_autoptr(GPtrArray) inserted = g_ptr_array_new ();
  int last_kept = -1;

  for (guint i = 0; i < n; i++)
    {
      SpanMember *member = g_ptr_array_index (span->members, i);

      /* An earlier duplicate goes once its object changes: json-glib and DDK saw only the last. */
      if (_sluice_ddk_span_lookup (span, member->key) != member || !json_object_has_member (new, member->key))
        deleted[i] = TRUE;
      else
        last_kept = (int) i;
    }
  for (GList *l = new_names; l != NULL; l = l->next)
    if (!json_object_has_member (old, l->data))
      g_ptr_array_add (inserted, l->data);

  if (last_kept < 0)
    {
      if (inserted->len == 0)
        add_patch (patches, span->start + 1, span->end - 1, g_strdup (""));
      else
        {
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), new);

          replace_value (self, patches, span, node);
        }
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      SpanMember *member = g_ptr_array_index (span->members, i);

      if (!deleted[i])
        patch_node (self, patches, member->value,
                    json_object_get_member (old, member->key),
                    json_object_get_member (new, member->key));
      else if ((int) i < last_kept)
        {
          SpanMember *next = g_ptr_array_index (span->members, i + 1);

          add_patch (patches, member->key_start, next->key_start, g_strdup (""));
        }
      else
        {
          SpanMember *previous = g_ptr_array_index (span->members, i - 1);

          add_patch (patches, previous->value->end, member->value->end, g_strdup (""));
        }
    }

  if (inserted->len > 0)
    {
      SpanMember *kept = g_ptr_array_index (span->members, last_kept);
      gsize gap_start = kept->key_start;
      g_autofree char *gap = NULL;
      g_autofree char *indent = NULL;
      const char *nl;
      gboolean pretty;
      GString *out = g_string_new (NULL);

      /* The whitespace before the last kept key: what separates members in this object. */
      while (gap_start > 0 && strchr (" \t\r\n", text[gap_start - 1]) != NULL)
        gap_start--;
      gap = g_strndup (text + gap_start, kept->key_start - gap_start);
      nl = strrchr (gap, '\n');
      pretty = nl != NULL;
      indent = pretty ? g_strdup (nl + 1) : line_indent (text, self->bom_len, kept->key_start);

      for (guint i = 0; i < inserted->len; i++)
        {
          const char *key = g_ptr_array_index (inserted, i);

          g_string_append_c (out, ',');
          g_string_append (out, gap);
          append_string (out, key);
          g_string_append (out, self->style.colon);
          append_node (out, json_object_get_member (new, key), &self->style, indent, pretty);
        }
      add_patch (patches, kept->value->end, kept->value->end, g_string_free (out, FALSE));
    }
}

static void
patch_node (SluiceDdkConfig *self,
            GArray          *patches,
            Span            *span,
            JsonNode        *old,
            JsonNode        *new)
{
  if (json_node_equal (old, new))
    return;
  if (span->type == JSON_NODE_OBJECT &&
      JSON_NODE_HOLDS_OBJECT (old) && JSON_NODE_HOLDS_OBJECT (new))
    patch_object (self, patches, span, json_node_get_object (old), json_node_get_object (new));
  else
    replace_value (self, patches, span, new);
}

static int
patch_compare (gconstpointer a,
               gconstpointer b)
{
  const Patch *pa = a, *pb = b;

  if (pa->start != pb->start)
    return pa->start < pb->start ? -1 : 1;
  if (pa->end != pb->end)
    return pa->end < pb->end ? -1 : 1;
  return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Line diff                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static char **
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* A final newline does not start another line. */
  if (n > 0 && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }
  return g_steal_pointer (&lines);
}

typedef struct
{
  char op;        /* ' ', '-' or '+' */
  const char *line;
  guint a, b;     /* line numbers (0-based) in the old and the new text */
} DiffLine;

static void
append_hunks (GString *out,
              GArray  *script)
{
  const guint context = 3;
  guint i = 0;

  while (i < script->len)
    {
      guint first_change, start, end, a_len = 0, b_len = 0;
      DiffLine *head;

      while (i < script->len && g_array_index (script, DiffLine, i).op == ' ')
        i++;
      if (i >= script->len)
        break;
      first_change = i;
      start = first_change > context ? first_change - context : 0;
      /* Extend the hunk while changes are less than two contexts apart. */
      end = i;
      while (end < script->len)
        {
          guint same = 0;

          while (end < script->len && g_array_index (script, DiffLine, end).op != ' ')
            end++;
          while (end + same < script->len && g_array_index (script, DiffLine, end + same).op == ' ')
            same++;
          if (end + same >= script->len || same > 2 * context)
            {
              end += MIN (same, context);
              break;
            }
          end += same;
        }
      for (guint k = start; k < end; k++)
        {
          char op = g_array_index (script, DiffLine, k).op;

          if (op != '+')
            a_len++;
          if (op != '-')
            b_len++;
        }
      head = &g_array_index (script, DiffLine, start);
      g_string_append_printf (out, "@@ -%u,%u +%u,%u @@\n", head->a + (a_len ? 1 : 0), a_len,
                              head->b + (b_len ? 1 : 0), b_len);
      for (guint k = start; k < end; k++)
        {
          DiffLine *line = &g_array_index (script, DiffLine, k);

          g_string_append_printf (out, "%c%s\n", line->op, line->line);
        }
      i = end;
    }
}

static char *
line_diff (const char *old_text,
           const char *new_text)
{
  g_auto(GStrv) a = split_lines (old_text);
  g_auto(GStrv) b = split_lines (new_text);
  guint n = g_strv_length (a), m = g_strv_length (b);
  guint prefix = 0, suffix = 0, an, bm;
  g_autoptr(GArray) script = g_array_new (FALSE, FALSE, sizeof (DiffLine));
  GString *out = g_string_new (NULL);

  if (g_strcmp0 (old_text, new_text) == 0)
    return g_string_free (out, FALSE);

  while (prefix < n && prefix < m && strcmp (a[prefix], b[prefix]) == 0)
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         strcmp (a[n - 1 - suffix], b[m - 1 - suffix]) == 0)
    suffix++;
  an = n - prefix - suffix;
  bm = m - prefix - suffix;

  for (guint i = 0; i < prefix; i++)
    g_array_append_val (script, ((DiffLine) { ' ', a[i], i, i }));

  if ((gsize) an * bm <= (gsize) MAX_DIFF_LINES * MAX_DIFF_LINES / 4)
    {
      /* Longest common subsequence of the middle lines. */
      g_autofree guint16 *lcs = g_new0 (guint16, (gsize) (an + 1) * (bm + 1));
      guint i = 0, j = 0;

#define LCS(x, y) lcs[(gsize) (x) * (bm + 1) + (y)]
      for (guint x = an; x-- > 0;)
        for (guint y = bm; y-- > 0;)
          LCS (x, y) = strcmp (a[prefix + x], b[prefix + y]) == 0
            ? (guint16) MIN (LCS (x + 1, y + 1) + 1, G_MAXUINT16)
            : MAX (LCS (x + 1, y), LCS (x, y + 1));
      while (i < an || j < bm)
        {
          if (i < an && j < bm && strcmp (a[prefix + i], b[prefix + j]) == 0)
            {
              g_array_append_val (script, ((DiffLine) { ' ', a[prefix + i], prefix + i, prefix + j }));
              i++, j++;
            }
          else if (i < an && (j >= bm || LCS (i + 1, j) >= LCS (i, j + 1)))
            {
              /* Removed lines come before the lines that replace them, as in diff -u. */
              g_array_append_val (script, ((DiffLine) { '-', a[prefix + i], prefix + i, prefix + j }));
              i++;
            }
          else
            {
              g_array_append_val (script, ((DiffLine) { '+', b[prefix + j], prefix + i, prefix + j }));
              j++;
            }
        }
#undef LCS
    }
  else
    {
      for (guint i = 0; i < an; i++)
        g_array_append_val (script, ((DiffLine) { '-', a[prefix + i], prefix + i, prefix }));
      for (guint j = 0; j < bm; j++)
        g_array_append_val (script, ((DiffLine) { '+', b[prefix + j], prefix + an, prefix + j }));
    }

  for (guint k = 0; k < suffix; k++)
    g_array_append_val (script, ((DiffLine) { ' ', a[n - suffix + k], n - suffix + k, m - suffix + k }));

  append_hunks (out, script);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* The file as edited                                                                         */
/* ------------------------------------------------------------------------------------------ */

char *
sluice_ddk_config_to_data (SluiceDdkConfig *self,
                           gsize           *length)
{
  g_autoptr(GArray) patches = NULL;
  GString *out;
  gsize pos = 0;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  if (json_node_equal (self->original_root, self->root))
    {
      if (length != NULL)
        *length = self->original_len;
      return g_strndup (self->original, self->original_len);
    }

  patches = g_array_new (FALSE, FALSE, sizeof (Patch));
  g_array_set_clear_func (patches, patch_clear);
  patch_node (self, patches, self->spans, self->original_root, self->root);
  g_array_sort (patches, patch_compare);

  out = g_string_sized_new (self->original_len + 256);
  for (guint i = 0; i < patches->len; i++)
    {
      Patch *patch = &g_array_index (patches, Patch, i);

      /* Patches never overlap: each rewrites a different member. */
      g_assert (patch->start >= pos && patch->end >= patch->start);
      g_string_append_len (out, self->original + pos, patch->start - pos);
      g_string_append (out, patch->text);
      pos = patch->end;
    }
  g_string_append_len (out, self->original + pos, self->original_len - pos);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

char *
sluice_ddk_config_diff (SluiceDdkConfig *self)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  data = sluice_ddk_config_to_data (self, NULL);
  return line_diff (self->original, data);
}

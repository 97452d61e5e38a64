/* sluice-ddk-config.c: a pipeline repository's ddk.json
 *
 * The file is read twice: once by a strict scanner of our own, which reports broken syntax with
 * its line and column and records where every object member sits in the text, and once by
 * json-glib, which builds the tree the model edits. Saving never re-serialises the whole file:
 * the edited tree is compared with the tree as loaded, and only the members that differ are
 * rewritten in place, in the file's own indentation and spacing. A file nobody changed is
 * written back byte for byte; unknown keys, their order and the user's formatting survive.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-ddk-config"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sluice-ddk-config.h"
#include "sluice-git.h"

/* Deeper than any configuration needs; keeps the scanner's and json-glib's recursion bounded. */
#define MAX_DEPTH 128

/* A longer file is shown as one replaced block rather than diffed line by line. */
#define MAX_DIFF_LINES 2000

typedef struct _Span Span;

typedef struct
{
  char  *key;
  gsize  key_start;
  gsize  key_end;
  Span  *value;
} SpanMember;

/* Where one value sits in the text: [start, end). Objects also record their members, in
 * file order, duplicates included. */
struct _Span
{
  JsonNodeType  type;
  gsize         start;
  gsize         end;
  GPtrArray    *members;
};

/* How the file is written, so that what Sluice adds looks like the rest. */
typedef struct
{
  char     *colon;        /* between a key and its value: ": ", ":" or " : " */
  char     *comma;        /* between members on one line: ", " or "," */
  char     *indent_unit;  /* one level of indentation in a multi-line file */
  char     *newline;      /* "\n" or "\r\n" */
  gboolean  pretty;       /* members on lines of their own */
} Style;

struct _SluiceDdkConfig
{
  GObject    parent_instance;

  GFile     *file;
  char      *etag;

  char      *original;       /* the text as loaded or last saved, NUL-terminated */
  gsize      original_len;
  gsize      bom_len;        /* a UTF-8 byte order mark at the start, kept */
  Span      *spans;
  JsonNode  *original_root;  /* json-glib's tree of the original text, never edited */
  JsonNode  *root;           /* the tree the setters edit */
  Style      style;
  gboolean   modified;
};

G_DEFINE_FINAL_TYPE (SluiceDdkConfig, sluice_ddk_config, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sluice-ddk-config-error-quark, sluice_ddk_config_error)

/* ------------------------------------------------------------------------------------------ */
/* Boxed types                                                                                */
/* ------------------------------------------------------------------------------------------ */

SluiceDdkProblem *
sluice_ddk_problem_copy (const SluiceDdkProblem *problem)
{
  SluiceDdkProblem *copy = g_new0 (SluiceDdkProblem, 1);

  copy->environment = g_strdup (problem->environment);
  copy->resource = g_strdup (problem->resource);
  copy->key = g_strdup (problem->key);
  copy->message = g_strdup (problem->message);
  return copy;
}

void
sluice_ddk_problem_free (SluiceDdkProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->environment);
  g_free (problem->resource);
  g_free (problem->key);
  g_free (problem->message);
  g_free (problem);
}

G_DEFINE_BOXED_TYPE (SluiceDdkProblem, sluice_ddk_problem, sluice_ddk_problem_copy, sluice_ddk_problem_free)

SluiceDdkBootstrap *
sluice_ddk_bootstrap_copy (const SluiceDdkBootstrap *bootstrap)
{
  SluiceDdkBootstrap *copy = g_new0 (SluiceDdkBootstrap, 1);

  copy->account = g_strdup (bootstrap->account);
  copy->region = g_strdup (bootstrap->region);
  copy->environments = g_strdupv (bootstrap->environments);
  copy->command = g_strdup (bootstrap->command);
  copy->legacy_command = g_strdup (bootstrap->legacy_command);
  return copy;
}

void
sluice_ddk_bootstrap_free (SluiceDdkBootstrap *bootstrap)
{
  if (bootstrap == NULL)
    return;
  g_free (bootstrap->account);
  g_free (bootstrap->region);
  g_strfreev (bootstrap->environments);
  g_free (bootstrap->command);
  g_free (bootstrap->legacy_command);
  g_free (bootstrap);
}

G_DEFINE_BOXED_TYPE (SluiceDdkBootstrap, sluice_ddk_bootstrap, sluice_ddk_bootstrap_copy, sluice_ddk_bootstrap_free)

/* ------------------------------------------------------------------------------------------ */
/* Regions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  const char *partition;
  const char *regions[40];
} Partition;

/* Every commercial, China, GovCloud, ISO and sovereign region as of 2026 (botocore's
 * endpoints.json plus the regions opened since Debian 12's copy). */
static const Partition partitions[] = {
  { "aws", { "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2",
             "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
             "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
             "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
             "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
             "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
             "us-east-1", "us-east-2", "us-west-1", "us-west-2", NULL } },
  { "aws-cn", { "cn-north-1", "cn-northwest-1", NULL } },
  { "aws-us-gov", { "us-gov-east-1", "us-gov-west-1", NULL } },
  { "aws-iso", { "us-iso-east-1", "us-iso-west-1", NULL } },
  { "aws-iso-b", { "us-isob-east-1", NULL } },
  { "aws-iso-e", { "eu-isoe-west-1", NULL } },
  { "aws-iso-f", { "us-isof-east-1", "us-isof-south-1", NULL } },
  { "aws-eusc", { "eusc-de-east-1", NULL } },
};

const char *
sluice_ddk_region_get_partition (const char *region)
{
  if (region == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (partitions); i++)
    for (gsize j = 0; partitions[i].regions[j] != NULL; j++)
      if (strcmp (partitions[i].regions[j], region) == 0)
        return partitions[i].partition;
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* The strict scanner                                                                         */
/* ------------------------------------------------------------------------------------------ */

static void
span_member_free (SpanMember *member)
{
  g_free (member->key);
  g_clear_pointer (&member->value, g_free);
  g_free (member);
}

static void
span_free (Span *span)
{
  if (span == NULL)
    return;
  if (span->members != NULL)
    {
      for (guint i = 0; i < span->members->len; i++)
        {
          SpanMember *member = g_ptr_array_index (span->members, i);

          span_free (member->value);
          member->value = NULL;
          span_member_free (member);
        }
      g_ptr_array_free (span->members, TRUE);
    }
  g_free (span);
}

typedef struct
{
  const char *text;
  gsize       len;
  gsize       pos;
  guint       depth;
  const char *reason;     /* untranslated; translated when the error is built */
  gsize       error_pos;
} Scanner;

static gboolean
scan_fail (Scanner    *sc,
           const char *reason)
{
  if (sc->reason == NULL)
    {
      sc->reason = reason;
      sc->error_pos = sc->pos;
    }
  return FALSE;
}

static void
skip_space (Scanner *sc)
{
  while (sc->pos < sc->len)
    {
      char c = sc->text[sc->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      sc->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
scan_hex4 (Scanner  *sc,
           gunichar *out)
{
  gunichar value = 0;

  if (sc->len - sc->pos < 4)
    return scan_fail (sc, N_("a string holds an invalid escape"));
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (sc->text[sc->pos + i]);

      if (digit < 0)
        return scan_fail (sc, N_("a string holds an invalid escape"));
      value = value * 16 + (gunichar) digit;
    }
  sc->pos += 4;
  *out = value;
  return TRUE;
}

/* A string at sc->pos (on its opening quote); decoded into @out when it is not NULL. */
static gboolean
scan_string (Scanner *sc,
             GString *out)
{
  sc->pos++;
  while (TRUE)
    {
      guchar c;

      if (sc->pos >= sc->len)
        return scan_fail (sc, N_("a string is not closed"));
      c = (guchar) sc->text[sc->pos];
      if (c == '"')
        {
          sc->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return scan_fail (sc, N_("a string holds a control character"));
      if (c != '\\')
        {
          if (out != NULL)
            g_string_append_c (out, (char) c);
          sc->pos++;
          continue;
        }

      sc->pos++;
      if (sc->pos >= sc->len)
        return scan_fail (sc, N_("a string is not closed"));
      c = (guchar) sc->text[sc->pos++];
      switch (c)
        {
        case '"': case '\\': case '/':
          if (out != NULL)
            g_string_append_c (out, (char) c);
          break;
        case 'b': if (out != NULL) g_string_append_c (out, '\b'); break;
        case 'f': if (out != NULL) g_string_append_c (out, '\f'); break;
        case 'n': if (out != NULL) g_string_append_c (out, '\n'); break;
        case 'r': if (out != NULL) g_string_append_c (out, '\r'); break;
        case 't': if (out != NULL) g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar ch, low;

            if (!scan_hex4 (sc, &ch))
              return FALSE;
            if (ch >= 0xDC00 && ch <= 0xDFFF)
              return scan_fail (sc, N_("a string holds a NUL character or a lone surrogate"));
            if (ch >= 0xD800 && ch <= 0xDBFF)
              {
                if (sc->len - sc->pos < 2 || sc->text[sc->pos] != '\\' || sc->text[sc->pos + 1] != 'u')
                  return scan_fail (sc, N_("a string holds a NUL character or a lone surrogate"));
                sc->pos += 2;
                if (!scan_hex4 (sc, &low))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  return scan_fail (sc, N_("a string holds a NUL character or a lone surrogate"));
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
              }
            if (ch == 0)
              return scan_fail (sc, N_("a string holds a NUL character or a lone surrogate"));
            if (out != NULL)
              g_string_append_unichar (out, ch);
          }
          break;
        default:
          sc->pos--;
          return scan_fail (sc, N_("a string holds an invalid escape"));
        }
    }
}

static gboolean
is_digit (Scanner *sc)
{
  return sc->pos < sc->len && g_ascii_isdigit (sc->text[sc->pos]);
}

static gboolean
scan_number (Scanner *sc)
{
  if (sc->text[sc->pos] == '-')
    sc->pos++;
  if (!is_digit (sc))
    return scan_fail (sc, N_("a number is malformed"));
  if (sc->text[sc->pos] == '0')
    sc->pos++;
  else
    while (is_digit (sc))
      sc->pos++;
  if (sc->pos < sc->len && sc->text[sc->pos] == '.')
    {
      sc->pos++;
      if (!is_digit (sc))
        return scan_fail (sc, N_("a number is malformed"));
      while (is_digit (sc))
        sc->pos++;
    }
  if (sc->pos < sc->len && (sc->text[sc->pos] == 'e' || sc->text[sc->pos] == 'E'))
    {
      sc->pos++;
      if (sc->pos < sc->len && (sc->text[sc->pos] == '+' || sc->text[sc->pos] == '-'))
        sc->pos++;
      if (!is_digit (sc))
        return scan_fail (sc, N_("a number is malformed"));
      while (is_digit (sc))
        sc->pos++;
    }
  /* "01" or "1x": json-glib would take these; strict JSON does not. */
  if (sc->pos < sc->len && (g_ascii_isalnum (sc->text[sc->pos]) || sc->text[sc->pos] == '.'))
    return scan_fail (sc, N_("a number is malformed"));
  return TRUE;
}

static Span *scan_value (Scanner *sc);

static Span *
scan_object (Scanner *sc)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  Span *span;
  gsize start = sc->pos;
  gboolean ok = FALSE;

  sc->pos++;
  skip_space (sc);
  if (sc->pos < sc->len && sc->text[sc->pos] == '}')
    {
      sc->pos++;
      ok = TRUE;
    }
  while (!ok)
    {
      g_autoptr(GString) key = g_string_new (NULL);
      SpanMember *member;
      gsize key_start;

      if (sc->pos >= sc->len)
        {
          scan_fail (sc, N_("the file ends too early"));
          break;
        }
      if (sc->text[sc->pos] != '"')
        {
          scan_fail (sc, N_("a key in double quotes was expected"));
          break;
        }
      key_start = sc->pos;
      if (!scan_string (sc, key))
        break;
      member = g_new0 (SpanMember, 1);
      member->key = g_string_free (g_steal_pointer (&key), FALSE);
      member->key_start = key_start;
      member->key_end = sc->pos;
      g_ptr_array_add (members, member);

      skip_space (sc);
      if (sc->pos >= sc->len || sc->text[sc->pos] != ':')
        {
          scan_fail (sc, sc->pos >= sc->len ? N_("the file ends too early") : N_("“:” was expected"));
          break;
        }
      sc->pos++;
      skip_space (sc);
      member->value = scan_value (sc);
      if (member->value == NULL)
        break;
      skip_space (sc);
      if (sc->pos >= sc->len)
        {
          scan_fail (sc, N_("the file ends too early"));
          break;
        }
      if (sc->text[sc->pos] == '}')
        {
          sc->pos++;
          ok = TRUE;
        }
      else if (sc->text[sc->pos] == ',')
        {
          sc->pos++;
          skip_space (sc);
        }
      else
        {
          scan_fail (sc, N_("“,” or “}” was expected"));
          break;
        }
    }

  span = g_new0 (Span, 1);
  span->type = JSON_NODE_OBJECT;
  span->start = start;
  span->end = sc->pos;
  span->members = g_steal_pointer (&members);
  if (!ok)
    {
      span_free (span);
      return NULL;
    }
  return span;
}

static Span *
scan_array (Scanner *sc)
{
  gsize start = sc->pos;
  Span *span;

  sc->pos++;
  skip_space (sc);
  if (sc->pos < sc->len && sc->text[sc->pos] == ']')
    sc->pos++;
  else
    while (TRUE)
      {
        Span *element = scan_value (sc);

        if (element == NULL)
          return NULL;
        span_free (element);
        skip_space (sc);
        if (sc->pos >= sc->len)
          {
            scan_fail (sc, N_("the file ends too early"));
            return NULL;
          }
        if (sc->text[sc->pos] == ']')
          {
            sc->pos++;
            break;
          }
        if (sc->text[sc->pos] != ',')
          {
            scan_fail (sc, N_("“,” or “]” was expected"));
            return NULL;
          }
        sc->pos++;
        skip_space (sc);
      }

  span = g_new0 (Span, 1);
  span->type = JSON_NODE_ARRAY;
  span->start = start;
  span->end = sc->pos;
  return span;
}

static gboolean
scan_literal (Scanner    *sc,
              const char *word)
{
  gsize n = strlen (word);

  if (sc->len - sc->pos < n || memcmp (sc->text + sc->pos, word, n) != 0)
    return scan_fail (sc, N_("a value was expected"));
  sc->pos += n;
  if (sc->pos < sc->len && g_ascii_isalnum (sc->text[sc->pos]))
    return scan_fail (sc, N_("a value was expected"));
  return TRUE;
}

static Span *
scan_value (Scanner *sc)
{
  gsize start = sc->pos;
  gboolean ok;
  Span *span;

  if (sc->pos >= sc->len)
    {
      scan_fail (sc, N_("the file ends too early"));
      return NULL;
    }
  if (sc->depth >= MAX_DEPTH)
    {
      scan_fail (sc, N_("the values are nested too deeply"));
      return NULL;
    }

  switch (sc->text[sc->pos])
    {
    case '{':
      sc->depth++;
      span = scan_object (sc);
      sc->depth--;
      return span;
    case '[':
      sc->depth++;
      span = scan_array (sc);
      sc->depth--;
      return span;
    case '"':
      ok = scan_string (sc, NULL);
      break;
    case 't':
      ok = scan_literal (sc, "true");
      break;
    case 'f':
      ok = scan_literal (sc, "false");
      break;
    case 'n':
      ok = scan_literal (sc, "null");
      break;
    default:
      if (sc->text[sc->pos] == '-' || g_ascii_isdigit (sc->text[sc->pos]))
        ok = scan_number (sc);
      else
        ok = scan_fail (sc, N_("a value was expected"));
      break;
    }
  if (!ok)
    return NULL;

  span = g_new0 (Span, 1);
  span->type = JSON_NODE_VALUE;
  span->start = start;
  span->end = sc->pos;
  return span;
}

static void
line_and_column (const char *text,
                 gsize       bom_len,
                 gsize       pos,
                 guint      *line,
                 guint      *column)
{
  gsize line_start = bom_len;

  *line = 1;
  for (gsize i = bom_len; i < pos; i++)
    if (text[i] == '\n')
      {
        (*line)++;
        line_start = i + 1;
      }
  /* Columns count characters, as editors do; pos may sit inside a multi-byte character. */
  *column = 1;
  for (gsize i = line_start; i < pos; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      (*column)++;
}

/* How errors name the file: its own name, as the user sees it in the repository. */
static char *
display_name (GFile *file)
{
  return file != NULL ? g_file_get_basename (file) : g_strdup ("ddk.json");
}

static Span *
scan_document (const char  *text,
               gsize        len,
               gsize        bom_len,
               const char  *name,
               GError     **error)
{
  Scanner sc = { text, len, bom_len, 0, NULL, 0 };
  Span *span;
  guint line, column;

  skip_space (&sc);
  span = scan_value (&sc);
  if (span != NULL)
    {
      skip_space (&sc);
      if (sc.pos < len)
        {
          scan_fail (&sc, N_("there is more text after the end"));
          g_clear_pointer (&span, span_free);
        }
    }
  if (span != NULL)
    return span;

  line_and_column (text, bom_len, sc.error_pos, &line, &column);
  g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON,
               /* Translators: “ddk.json” is not valid JSON: a value was expected at line 3, column 5. */
               _("“%s” is not valid JSON: %s at line %u, column %u."),
               name, _(sc.reason), line, column);
  return NULL;
}

static SpanMember *
span_lookup (Span       *span,
             const char *key)
{
  /* The last of duplicate keys is the one json-glib and DDK use. */
  if (span == NULL || span->members == NULL)
    return NULL;
  for (guint i = span->members->len; i > 0; i--)
    {
      SpanMember *member = g_ptr_array_index (span->members, i - 1);

      if (strcmp (member->key, key) == 0)
        return member;
    }
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Style and serialisation of what Sluice adds                                                */
/* ------------------------------------------------------------------------------------------ */

static void
style_clear (Style *style)
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

static void
style_detect (Style      *style,
              const char *text,
              gsize       bom_len,
              Span       *root)
{
  Span *one = first_object_with_members (root, 1);
  Span *two = first_object_with_members (root, 2);

  style_clear (style);
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
      if (span_lookup (span, member->key) != member || !json_object_has_member (new, member->key))
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
/* Helpers of the model                                                                       */
/* ------------------------------------------------------------------------------------------ */

static JsonObject *
root_object (SluiceDdkConfig *self)
{
  return json_node_get_object (self->root);
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *key)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, key);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_string_member (JsonObject *object,
                   const char *key)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
environments (SluiceDdkConfig *self)
{
  return get_object_member (root_object (self), "environments");
}

static JsonObject *
environment (SluiceDdkConfig *self,
             const char      *name)
{
  return name == NULL ? root_object (self) : get_object_member (environments (self), name);
}

/* A member that is an object, made when it is missing or something else. */
static JsonObject *
ensure_object_member (JsonObject *object,
                      const char *key)
{
  JsonObject *child = get_object_member (object, key);

  if (child == NULL)
    {
      child = json_object_new ();
      json_object_set_object_member (object, key, child);
    }
  return child;
}

/* Whether the file as loaded had @key of @environment_name as an empty object: one the user
 * wrote and Sluice keeps, even when the last member Sluice added to it goes again. */
static gboolean
keep_empty (SluiceDdkConfig *self,
            const char      *environment_name,
            const char      *key)
{
  JsonObject *root = json_node_get_object (self->original_root);
  JsonObject *object = environment_name == NULL
    ? root : get_object_member (get_object_member (root, "environments"), environment_name);
  JsonObject *child = get_object_member (object, key);

  return child != NULL && json_object_get_size (child) == 0;
}

static void
update_modified (SluiceDdkConfig *self)
{
  gboolean modified = !json_node_equal (self->original_root, self->root);

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
changed (SluiceDdkConfig *self)
{
  update_modified (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Sets or removes object[key]; TRUE when that changed anything. Takes @value. */
static gboolean
set_node (JsonObject *object,
          const char *key,
          JsonNode   *value)
{
  JsonNode *old = json_object_get_member (object, key);

  if (value == NULL)
    {
      if (old == NULL)
        return FALSE;
      json_object_remove_member (object, key);
      return TRUE;
    }
  if (old != NULL && json_node_equal (old, value))
    {
      json_node_unref (value);
      return FALSE;
    }
  json_object_set_member (object, key, value);
  return TRUE;
}

static char **
dup_names (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (object != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
    }
  return g_strv_builder_end (builder);
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
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_ddk_config_finalize (GObject *object)
{
  SluiceDdkConfig *self = SLUICE_DDK_CONFIG (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->original, g_free);
  g_clear_pointer (&self->spans, span_free);
  g_clear_pointer (&self->original_root, json_node_unref);
  g_clear_pointer (&self->root, json_node_unref);
  style_clear (&self->style);

  G_OBJECT_CLASS (sluice_ddk_config_parent_class)->finalize (object);
}

static void
sluice_ddk_config_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SluiceDdkConfig *self = SLUICE_DDK_CONFIG (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_ddk_config_class_init (SluiceDdkConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_ddk_config_finalize;
  object_class->get_property = sluice_ddk_config_get_property;

  /**
   * SluiceDdkConfig:modified:
   *
   * Whether saving would write something else than the file holds.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceDdkConfig::changed:
   *
   * Emitted after any value of the configuration changed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sluice_ddk_config_init (SluiceDdkConfig *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Takes @text. */
static gboolean
set_text (SluiceDdkConfig  *self,
          char             *text,
          gsize             len,
          GError          **error)
{
  g_autofree char *owned = text;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = display_name (self->file);
  const char *end = NULL;
  gsize bom_len = 0;
  Span *spans;
  JsonNode *root;
  JsonObject *envs;

  if (!g_utf8_validate (text, len, &end))
    {
      guint line, column;

      line_and_column (text, 0, end - text, &line, &column);
      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON,
                   _("“%s” is not UTF-8 text (line %u, column %u)."), name, line, column);
      return FALSE;
    }
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    bom_len = 3;

  spans = scan_document (text, len, bom_len, name, error);
  if (spans == NULL)
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text + bom_len, len - bom_len, &local_error))
    {
      /* The strict scanner took it: json-glib refusing it is unexpected, but say what it said. */
      span_free (spans);
      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON,
                   _("“%s” is not valid JSON: %s"), name, local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      span_free (spans);
      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_DDK,
                   _("“%s” is not a DDK configuration: it holds no JSON object."), name);
      return FALSE;
    }
  envs = get_object_member (json_node_get_object (root), "environments");
  if (envs == NULL)
    {
      span_free (spans);
      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_DDK,
                   _("“%s” is not a DDK configuration: it has no “environments” object."), name);
      return FALSE;
    }
  {
    g_autoptr(GList) names = json_object_get_members (envs);

    for (GList *l = names; l != NULL; l = l->next)
      if (get_object_member (envs, l->data) == NULL)
        {
          span_free (spans);
          g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_DDK,
                       _("“%s” is not a DDK configuration: environment “%s” is not an object."),
                       name, (const char *) l->data);
          return FALSE;
        }
  }

  g_clear_pointer (&self->spans, span_free);
  g_clear_pointer (&self->original_root, json_node_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->original, g_free);
  self->spans = spans;
  self->original = g_steal_pointer (&owned);
  self->original_len = len;
  self->bom_len = bom_len;
  self->original_root = json_parser_steal_root (parser);
  /* json_node_copy() would share the object: the edited tree is a second, separate parse. */
  self->root = json_from_string (self->original + bom_len, NULL);
  g_assert (self->root != NULL);
  style_detect (&self->style, self->original, bom_len, spans);
  return TRUE;
}

static SluiceDdkConfig *
config_new (GFile       *file,
            const char  *data,
            gsize        len,
            GError     **error)
{
  g_autoptr(SluiceDdkConfig) self = g_object_new (SLUICE_TYPE_DDK_CONFIG, NULL);

  g_set_object (&self->file, file);
  if (memchr (data, '\0', len) != NULL)
    {
      g_autofree char *name = display_name (file);

      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON,
                   _("“%s” is not valid JSON: it holds a NUL byte."), name);
      return NULL;
    }
  if (!set_text (self, g_strndup (data, len), len, error))
    return NULL;
  return g_steal_pointer (&self);
}

SluiceDdkConfig *
sluice_ddk_config_new_from_data (const char  *data,
                                 gssize       length,
                                 GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);

  return config_new (NULL, data, length < 0 ? strlen (data) : (gsize) length, error);
}

static SluiceDdkConfig *
config_from_contents (GFile   *file,
                      char    *contents,
                      gsize    length,
                      char    *etag,
                      GError **error)
{
  g_autoptr(SluiceDdkConfig) self = NULL;
  g_autofree char *owned = contents;
  g_autofree char *owned_etag = etag;

  self = config_new (file, contents, length, error);
  if (self == NULL)
    return NULL;
  self->etag = g_steal_pointer (&owned_etag);
  return g_steal_pointer (&self);
}

static void
set_read_error (GError     **error,
                GFile       *file,
                const GError *io_error)
{
  g_autofree char *path = g_file_get_parse_name (file);

  g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_READ,
               _("Could not read “%s”: %s"), path, io_error->message);
}

SluiceDdkConfig *
sluice_ddk_config_load (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL, *etag = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, &etag, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_read_error (error, file, local_error);
      return NULL;
    }
  return config_from_contents (file, contents, length, etag, error);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = G_FILE (source);
  char *contents = NULL, *etag = NULL;
  gsize length = 0;
  SluiceDdkConfig *self;

  if (!g_file_load_contents_finish (file, result, &contents, &length, &etag, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          GError *read_error = NULL;

          set_read_error (&read_error, file, error);
          g_task_return_error (task, read_error);
        }
      return;
    }

  self = config_from_contents (file, contents, length, etag, &error);
  if (self == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
sluice_ddk_config_load_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_ddk_config_load_async);
  g_file_load_contents_async (file, cancellable, load_cb, g_steal_pointer (&task));
}

SluiceDdkConfig *
sluice_ddk_config_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
sluice_ddk_config_get_file (SluiceDdkConfig *self)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return self->file;
}

const char *
sluice_ddk_config_get_original_data (SluiceDdkConfig *self,
                                     gsize           *length)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  if (length != NULL)
    *length = self->original_len;
  return self->original;
}

gboolean
sluice_ddk_config_get_modified (SluiceDdkConfig *self)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);

  return self->modified;
}

/* The tree as edited, to read only: changes go through the setters, which keep "modified"
 * and "changed" right. */
JsonNode *
sluice_ddk_config_get_root (SluiceDdkConfig *self)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return self->root;
}

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

/* ------------------------------------------------------------------------------------------ */
/* Saving                                                                                     */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  GFile *file;
  char  *data;
  gsize  length;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data->data);
  g_free (data);
}

/* The save keeps the previous file as "ddk.json~" (g_file_replace's backup). In a clone that
 * backup would sit in `git status` as an untracked file, inviting a commit of it: it goes into
 * the clone's own info/exclude instead (shared with nobody, unlike a .gitignore, which would
 * be a change to commit). A backup elsewhere, e.g. in the cache, would leave no copy beside
 * the file where people look for one. */
static void
exclude_backup_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autofree char *path = g_file_get_path (data->file);
  g_autofree char *backup = path != NULL ? g_strconcat (path, "~", NULL) : NULL;
  g_autoptr(GError) error = NULL;

  if (backup != NULL && g_file_test (backup, G_FILE_TEST_IS_REGULAR) &&
      !sluice_git_exclude_path (backup, &error))
    g_warning ("%s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SluiceDdkConfig *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autofree char *path = g_file_get_parse_name (data->file);
  g_autoptr(SluiceDdkConfig) saved = NULL;
  char *etag = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, &etag, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        g_task_return_new_error (task, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_CHANGED_ON_DISK,
                                 _("“%s” changed on disk since Sluice read it. Open it again before saving."),
                                 path);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
               g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
        g_task_return_new_error (task, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_SAVE,
                                 _("Could not save “%s”: its folder is read-only. The file on disk is unchanged (%s)."),
                                 path, error->message);
      else
        g_task_return_new_error (task, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_SAVE,
                                 _("Could not save “%s”. The file on disk is unchanged (%s)."),
                                 path, error->message);
      return;
    }

  /* What is on disk now is the new original: later saves compare with it. */
  saved = config_new (data->file, data->data, data->length, &error);
  if (saved == NULL)
    {
      /* Our own output must read back; if it ever does not, keep the old state and say so. */
      g_free (etag);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_set_object (&self->file, data->file);
  g_free (self->etag);
  self->etag = etag;
  g_free (self->original);
  self->original = g_steal_pointer (&saved->original);
  self->original_len = saved->original_len;
  self->bom_len = saved->bom_len;
  g_clear_pointer (&self->spans, span_free);
  self->spans = g_steal_pointer (&saved->spans);
  g_clear_pointer (&self->original_root, json_node_unref);
  self->original_root = g_steal_pointer (&saved->original_root);
  style_clear (&self->style);
  self->style = saved->style;
  memset (&saved->style, 0, sizeof saved->style);
  update_modified (self);
  /* Saved: what is left cannot fail the save, and the task is not cancelled any more. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, exclude_backup_thread);
}

void
sluice_ddk_config_save_async (SluiceDdkConfig     *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;
  const char *etag = NULL;

  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_ddk_config_save_async);

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file != NULL ? file : self->file);
  data->data = sluice_ddk_config_to_data (self, &data->length);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  /* Refuse to overwrite what someone else wrote since we read it. */
  if (self->file != NULL && g_file_equal (data->file, self->file))
    etag = self->etag;

  bytes = g_bytes_new (data->data, data->length);
  g_file_replace_contents_bytes_async (data->file, bytes, etag, TRUE, G_FILE_CREATE_NONE,
                                       cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
sluice_ddk_config_save_finish (SluiceDdkConfig  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------------------------ */
/* Environments and their members                                                             */
/* ------------------------------------------------------------------------------------------ */

char **
sluice_ddk_config_dup_environment_names (SluiceDdkConfig *self)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return dup_names (environments (self));
}

gboolean
sluice_ddk_config_has_environment (SluiceDdkConfig *self,
                                   const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return environment (self, name) != NULL;
}

gboolean
sluice_ddk_config_add_environment (SluiceDdkConfig *self,
                                   const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (environment (self, name) != NULL)
    return FALSE;
  json_object_set_object_member (environments (self), name, json_object_new ());
  changed (self);
  return TRUE;
}

gboolean
sluice_ddk_config_remove_environment (SluiceDdkConfig *self,
                                      const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (environment (self, name) == NULL)
    return FALSE;
  json_object_remove_member (environments (self), name);
  changed (self);
  return TRUE;
}

JsonNode *
sluice_ddk_config_get_member (SluiceDdkConfig *self,
                              const char      *name,
                              const char      *key)
{
  JsonObject *object;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  object = environment (self, name);
  return object != NULL ? json_object_get_member (object, key) : NULL;
}

void
sluice_ddk_config_set_member (SluiceDdkConfig *self,
                              const char      *name,
                              const char      *key,
                              JsonNode        *value)
{
  JsonObject *object;

  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));
  g_return_if_fail (key != NULL);
  /* The model stands on the environments object. */
  g_return_if_fail (name != NULL || strcmp (key, "environments") != 0 ||
                    (value != NULL && JSON_NODE_HOLDS_OBJECT (value)));

  object = name != NULL ? ensure_object_member (environments (self), name) : root_object (self);
  if (set_node (object, key, value != NULL ? json_node_copy (value) : NULL))
    changed (self);
}

static void
set_string (SluiceDdkConfig *self,
            const char      *name,
            const char      *key,
            const char      *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  sluice_ddk_config_set_member (self, name, key, node);
}

const char *
sluice_ddk_config_get_account (SluiceDdkConfig *self,
                               const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return get_string_member (environment (self, name), "account");
}

void
sluice_ddk_config_set_account (SluiceDdkConfig *self,
                               const char      *name,
                               const char      *account)
{
  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));

  set_string (self, name, "account", account);
}

const char *
sluice_ddk_config_get_region (SluiceDdkConfig *self,
                              const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return get_string_member (environment (self, name), "region");
}

void
sluice_ddk_config_set_region (SluiceDdkConfig *self,
                              const char      *name,
                              const char      *region)
{
  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));

  set_string (self, name, "region", region);
}

char **
sluice_ddk_config_dup_tag_names (SluiceDdkConfig *self,
                                 const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return dup_names (get_object_member (environment (self, name), "tags"));
}

const char *
sluice_ddk_config_get_tag (SluiceDdkConfig *self,
                           const char      *name,
                           const char      *tag)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  return get_string_member (get_object_member (environment (self, name), "tags"), tag);
}

/* Sets or removes a member of the object @key of @object (made when needed). An object the
 * last removal left empty goes too, unless the file had it empty. */
static gboolean
set_in_child (SluiceDdkConfig *self,
              const char      *name,
              JsonObject      *object,
              const char      *key,
              const char      *child_key,
              JsonNode        *value)
{
  JsonObject *child;
  gboolean did;

  if (value == NULL && get_object_member (object, key) == NULL)
    return FALSE;
  child = ensure_object_member (object, key);
  did = set_node (child, child_key, value);
  if (json_object_get_size (child) == 0 && !keep_empty (self, name, key))
    {
      json_object_remove_member (object, key);
      did = TRUE;
    }
  return did;
}

void
sluice_ddk_config_set_tag (SluiceDdkConfig *self,
                           const char      *name,
                           const char      *tag,
                           const char      *value)
{
  JsonObject *object;
  JsonNode *node = NULL;

  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));
  g_return_if_fail (tag != NULL);

  object = name != NULL ? ensure_object_member (environments (self), name) : root_object (self);
  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  if (set_in_child (self, name, object, "tags", tag, node))
    changed (self);
}

char **
sluice_ddk_config_dup_resource_names (SluiceDdkConfig *self,
                                      const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return dup_names (get_object_member (environment (self, name), "resources"));
}

char **
sluice_ddk_config_dup_resource_setting_names (SluiceDdkConfig *self,
                                              const char      *name,
                                              const char      *resource)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (resource != NULL, NULL);

  return dup_names (get_object_member (get_object_member (environment (self, name), "resources"), resource));
}

JsonNode *
sluice_ddk_config_get_resource_setting (SluiceDdkConfig *self,
                                        const char      *name,
                                        const char      *resource,
                                        const char      *key)
{
  JsonObject *settings;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (resource != NULL && key != NULL, NULL);

  settings = get_object_member (get_object_member (environment (self, name), "resources"), resource);
  return settings != NULL ? json_object_get_member (settings, key) : NULL;
}

void
sluice_ddk_config_set_resource_setting (SluiceDdkConfig *self,
                                        const char      *name,
                                        const char      *resource,
                                        const char      *key,
                                        JsonNode        *value)
{
  JsonObject *object, *resources;
  gboolean did;

  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));
  g_return_if_fail (resource != NULL && key != NULL);

  object = name != NULL ? ensure_object_member (environments (self), name) : root_object (self);
  if (value == NULL && sluice_ddk_config_get_resource_setting (self, name, resource, key) == NULL)
    return;

  resources = ensure_object_member (object, "resources");
  did = set_node (ensure_object_member (resources, resource), key,
                  value != NULL ? json_node_copy (value) : NULL);
  if (json_object_get_size (get_object_member (resources, resource)) == 0)
    {
      json_object_remove_member (resources, resource);
      did = TRUE;
    }
  if (json_object_get_size (resources) == 0 && !keep_empty (self, name, "resources"))
    {
      json_object_remove_member (object, "resources");
      did = TRUE;
    }
  if (did)
    changed (self);
}

gboolean
sluice_ddk_config_remove_resource (SluiceDdkConfig *self,
                                   const char      *name,
                                   const char      *resource)
{
  JsonObject *object, *resources;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (resource != NULL, FALSE);

  object = environment (self, name);
  resources = get_object_member (object, "resources");
  if (resources == NULL || !json_object_has_member (resources, resource))
    return FALSE;
  json_object_remove_member (resources, resource);
  if (json_object_get_size (resources) == 0 && !keep_empty (self, name, "resources"))
    json_object_remove_member (object, "resources");
  changed (self);
  return TRUE;
}

const char *
sluice_ddk_config_get_bootstrap_string (SluiceDdkConfig *self,
                                        const char      *name,
                                        const char      *key)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return get_string_member (get_object_member (environment (self, name), "bootstrap"), key);
}

/* ------------------------------------------------------------------------------------------ */
/* Validation                                                                                 */
/* ------------------------------------------------------------------------------------------ */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  if (error != NULL)
    {
      va_start (args, format);
      *error = g_error_new_valist (SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_INVALID, format, args);
      va_end (args);
    }
  return FALSE;
}

gboolean
sluice_ddk_check_account (const char  *account,
                          GError     **error)
{
  if (account == NULL || account[0] == '\0')
    return invalid (error, _("Enter the 12-digit ID of an AWS account."));
  if (strlen (account) != 12 || strspn (account, "0123456789") != 12)
    return invalid (error, _("“%s” is not an AWS account ID: it must be exactly 12 digits."), account);
  return TRUE;
}

gboolean
sluice_ddk_check_region (const char  *region,
                         GError     **error)
{
  if (region == NULL || region[0] == '\0')
    return invalid (error, _("Enter an AWS region code such as “eu-west-1”."));
  if (sluice_ddk_region_get_partition (region) == NULL)
    return invalid (error, _("“%s” is not an AWS region code such as “eu-west-1”."), region);
  return TRUE;
}

gboolean
sluice_ddk_check_environment_name (const char  *name,
                                   GError     **error)
{
  if (name == NULL || name[0] == '\0')
    return invalid (error, _("An environment needs a name."));
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return invalid (error, _("“%s” cannot name an environment: use only letters, digits, “-” and “_”."),
                      name);
  return TRUE;
}

gboolean
sluice_ddk_check_removal_policy (const char  *policy,
                                 GError     **error)
{
  static const char * const policies[] = { "destroy", "retain", "snapshot" };

  if (policy != NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (policies); i++)
      if (g_ascii_strcasecmp (policy, policies[i]) == 0)
        return TRUE;
  return invalid (error, _("“%s” is not a removal policy: DDK accepts “destroy”, “retain” or “snapshot”."),
                  policy != NULL ? policy : "");
}

static gboolean
is_removal_policy_key (const char *key)
{
  return g_ascii_strcasecmp (key, "removal_policy") == 0 || g_ascii_strcasecmp (key, "removalpolicy") == 0;
}

static gboolean
holds_type (JsonNode *value,
            GType     type)
{
  return value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == type;
}

gboolean
sluice_ddk_check_resource_setting (const char  *key,
                                   JsonNode    *value,
                                   GError     **error)
{
  /* Settings of DDK's constructs and of CloudFormation that take true or false. */
  static const char * const booleans[] = {
    "versioned", "auto_delete_objects", "enforce_ssl", "block_public_access",
  };

  g_return_val_if_fail (key != NULL, FALSE);

  if (key[0] == '\0')
    return invalid (error, _("A resource setting needs a name."));
  if (value == NULL)
    return invalid (error, _("“%s” has no value."), key);
  if (is_removal_policy_key (key))
    {
      if (!holds_type (value, G_TYPE_STRING))
        return invalid (error, _("“%s” must be “destroy”, “retain” or “snapshot”, in quotes."), key);
      return sluice_ddk_check_removal_policy (json_node_get_string (value), error);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (booleans); i++)
    if (g_ascii_strcasecmp (key, booleans[i]) == 0 && !holds_type (value, G_TYPE_BOOLEAN))
      return invalid (error, _("“%s” must be true or false."), key);
  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             const char *name,
             const char *resource,
             const char *key,
             char       *message)
{
  SluiceDdkProblem *problem = g_new0 (SluiceDdkProblem, 1);

  problem->environment = g_strdup (name);
  problem->resource = g_strdup (resource);
  problem->key = g_strdup (key);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static void
add_error_problem (GPtrArray  *problems,
                   const char *name,
                   const char *resource,
                   const char *key,
                   GError     *error)
{
  add_problem (problems, name, resource, key, g_strdup (error->message));
  g_error_free (error);
}

/* Members that must be objects, and tags whose values must be strings. */
static void
validate_common (GPtrArray  *problems,
                 const char *name,
                 JsonObject *object)
{
  static const char * const objects[] = { "resources", "tags", "bootstrap", "props" };

  for (gsize i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      JsonNode *node = json_object_get_member (object, objects[i]);

      if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
        add_problem (problems, name, NULL, objects[i],
                     g_strdup_printf (_("“%s” must be an object in braces."), objects[i]));
    }
  for (gsize i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "account" : "region";
      JsonNode *node = json_object_get_member (object, key);
      GError *error = NULL;

      if (node == NULL)
        continue;
      if (!holds_type (node, G_TYPE_STRING))
        add_problem (problems, name, NULL, key, g_strdup_printf (_("“%s” must be a string in quotes."), key));
      else if (i == 0 && !sluice_ddk_check_account (json_node_get_string (node), &error))
        add_error_problem (problems, name, NULL, key, error);
      else if (i == 1 && !sluice_ddk_check_region (json_node_get_string (node), &error))
        add_error_problem (problems, name, NULL, key, error);
    }

  {
    JsonObject *tags = get_object_member (object, "tags");
    g_autoptr(GList) names = tags != NULL ? json_object_get_members (tags) : NULL;

    for (GList *l = names; l != NULL; l = l->next)
      if (!holds_type (json_object_get_member (tags, l->data), G_TYPE_STRING))
        add_problem (problems, name, NULL, "tags",
                     g_strdup_printf (_("Tag “%s” must have a string in quotes as its value."),
                                      (const char *) l->data));
  }
  {
    JsonObject *bootstrap = get_object_member (object, "bootstrap");
    g_autoptr(GList) names = bootstrap != NULL ? json_object_get_members (bootstrap) : NULL;

    for (GList *l = names; l != NULL; l = l->next)
      if (!holds_type (json_object_get_member (bootstrap, l->data), G_TYPE_STRING))
        add_problem (problems, name, NULL, "bootstrap",
                     g_strdup_printf (_("Bootstrap setting “%s” must be a string in quotes."),
                                      (const char *) l->data));
  }
}

static void
validate_environment (SluiceDdkConfig *self,
                      GPtrArray       *problems,
                      const char      *name,
                      JsonObject      *env)
{
  JsonObject *resources = get_object_member (env, "resources");
  const char *stage = get_string_member (env, "stage");
  GError *error = NULL;

  if (!sluice_ddk_check_environment_name (name, &error))
    add_error_problem (problems, name, NULL, NULL, error);
  if (!json_object_has_member (env, "account"))
    add_problem (problems, name, NULL, "account",
                 g_strdup_printf (_("Environment “%s” has no AWS account."), name));
  if (!json_object_has_member (env, "region"))
    add_problem (problems, name, NULL, "region",
                 g_strdup_printf (_("Environment “%s” has no AWS region."), name));
  validate_common (problems, name, env);

  /* data.all's own writer names each environment after its stage. */
  if (json_object_has_member (env, "stage") && g_strcmp0 (stage, name) != 0)
    add_problem (problems, name, NULL, "stage",
                 g_strdup_printf (_("Environment “%s” says it is stage “%s”: data.all names each environment after its stage."),
                                  name, stage != NULL ? stage : ""));

  if (resources != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (resources);

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *resource = l->data;
          JsonObject *settings = get_object_member (resources, resource);
          g_autoptr(GList) keys = NULL;

          if (settings == NULL)
            {
              add_problem (problems, name, resource, NULL,
                           g_strdup_printf (_("The settings of resource “%s” must be an object in braces."),
                                            resource));
              continue;
            }
          keys = json_object_get_members (settings);
          for (GList *k = keys; k != NULL; k = k->next)
            if (!sluice_ddk_check_resource_setting (k->data, json_object_get_member (settings, k->data), &error))
              add_error_problem (problems, name, resource, k->data, error);
        }
    }
  (void) self;
}

GPtrArray *
sluice_ddk_config_validate (SluiceDdkConfig *self,
                            SluicePipeline  *pipeline)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_ddk_problem_free);
  JsonObject *envs;
  g_autoptr(GList) names = NULL;
  g_autoptr(GHashTable) stages = g_hash_table_new (g_str_hash, g_str_equal);
  SpanMember *envs_span;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), problems);
  g_return_val_if_fail (pipeline == NULL || SLUICE_IS_PIPELINE (pipeline), problems);

  envs = environments (self);
  if (environment (self, SLUICE_DDK_CICD) == NULL)
    add_problem (problems, SLUICE_DDK_CICD, NULL, NULL,
                 g_strdup (_("There is no “cicd” environment: DDK deploys the CI/CD pipeline there.")));

  validate_common (problems, NULL, root_object (self));

  names = json_object_get_members (envs);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonObject *env = get_object_member (envs, name);
      const char *stage;
      const char *other;

      if (env == NULL)
        {
          add_problem (problems, name, NULL, NULL,
                       g_strdup_printf (_("Environment “%s” must be an object in braces."), name));
          continue;
        }
      validate_environment (self, problems, name, env);

      stage = get_string_member (env, "stage");
      if (stage == NULL)
        stage = name;
      other = g_hash_table_lookup (stages, stage);
      if (other != NULL)
        add_problem (problems, name, NULL, "stage",
                     g_strdup_printf (_("Environments “%s” and “%s” are both stage “%s”: each stage has one environment."),
                                      other, name, stage));
      else
        g_hash_table_insert (stages, (gpointer) stage, (gpointer) name);
    }

  /* Duplicate keys only the text shows: json-glib kept the last of each. */
  envs_span = span_lookup (self->spans, "environments");
  if (envs_span != NULL && envs_span->value->type == JSON_NODE_OBJECT)
    {
      GPtrArray *members = envs_span->value->members;

      for (guint i = 0; i < members->len; i++)
        {
          SpanMember *member = g_ptr_array_index (members, i);
          guint count = 0;

          if (span_lookup (envs_span->value, member->key) != member)
            continue;
          for (guint j = 0; j < members->len; j++)
            if (strcmp (((SpanMember *) g_ptr_array_index (members, j))->key, member->key) == 0)
              count++;
          if (count > 1)
            add_problem (problems, member->key, NULL, NULL,
                         g_strdup_printf (_("Environment “%s” appears %u times: DDK uses only the last."),
                                          member->key, count));
        }
    }

  if (pipeline != NULL)
    {
      GListModel *list = sluice_pipeline_get_stages (pipeline);
      guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SluiceStage) stage = g_list_model_get_item (list, i);
          const char *name = sluice_stage_get_stage (stage);

          if (name != NULL && environment (self, name) == NULL)
            add_problem (problems, name, NULL, NULL,
                         g_strdup_printf (_("The pipeline’s stage “%s” has no environment in ddk.json."), name));
        }
    }

  return problems;
}

gboolean
sluice_ddk_config_check (SluiceDdkConfig  *self,
                         SluicePipeline   *pipeline,
                         GError          **error)
{
  g_autoptr(GPtrArray) problems = sluice_ddk_config_validate (self, pipeline);
  SluiceDdkProblem *first;

  if (problems->len == 0)
    return TRUE;
  first = g_ptr_array_index (problems, 0);
  if (problems->len == 1)
    g_set_error_literal (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_INVALID, first->message);
  else
    g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)", "%s (and %u more problems)",
                              problems->len - 1),
                 first->message, problems->len - 1);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* data.all's pipeline                                                                        */
/* ------------------------------------------------------------------------------------------ */

static gboolean
lacks (SluiceDdkConfig *self,
       const char      *name,
       const char      *key)
{
  const char *value = get_string_member (environment (self, name), key);
  JsonObject *env = environment (self, name);

  /* A value of another type is the user's to fix: prefilling does not overwrite it. */
  return env == NULL || !json_object_has_member (env, key) || (value != NULL && value[0] == '\0');
}

static guint
fill (SluiceDdkConfig *self,
      const char      *name,
      const char      *account,
      const char      *region)
{
  guint filled = 0;

  if (account != NULL && account[0] != '\0' && lacks (self, name, "account"))
    {
      set_string (self, name, "account", account);
      filled++;
    }
  if (region != NULL && region[0] != '\0' && lacks (self, name, "region"))
    {
      set_string (self, name, "region", region);
      filled++;
    }
  if (environment (self, name) == NULL)
    sluice_ddk_config_add_environment (self, name);
  return filled;
}

guint
sluice_ddk_config_prefill (SluiceDdkConfig *self,
                           SluicePipeline  *pipeline)
{
  SluiceEnvironment *cicd;
  GListModel *stages;
  guint filled = 0, n;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), 0);
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), 0);

  cicd = sluice_pipeline_get_environment (pipeline);
  if (cicd != NULL)
    filled += fill (self, SLUICE_DDK_CICD, sluice_environment_get_aws_account_id (cicd),
                    sluice_environment_get_region (cicd));

  stages = sluice_pipeline_get_stages (pipeline);
  n = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);
      const char *name = sluice_stage_get_stage (stage);

      if (name != NULL && name[0] != '\0')
        filled += fill (self, name, sluice_stage_get_aws_account_id (stage), sluice_stage_get_region (stage));
    }
  return filled;
}

gboolean
sluice_ddk_config_has_own_account (SluiceDdkConfig *self,
                                   const char      *name)
{
  const char *account, *cicd_account;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (strcmp (name, SLUICE_DDK_CICD) == 0)
    return FALSE;
  account = sluice_ddk_config_get_account (self, name);
  cicd_account = sluice_ddk_config_get_account (self, SLUICE_DDK_CICD);
  return account != NULL && account[0] != '\0' && cicd_account != NULL && strcmp (account, cicd_account) != 0;
}

/* A word the shell takes as it is: quoted only when it has to be. */
static char *
shell_word (const char *word)
{
  if (word[0] != '\0' && strspn (word, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:/@=+,")
      == strlen (word))
    return g_strdup (word);
  return g_shell_quote (word);
}

char *
sluice_ddk_bootstrap_command (const char *cicd_account,
                              const char *stage_account,
                              const char *region,
                              const char *qualifier,
                              const char *profile)
{
  const char *partition = sluice_ddk_region_get_partition (region);
  GString *command;

  if (!sluice_ddk_check_account (cicd_account, NULL) || !sluice_ddk_check_account (stage_account, NULL) ||
      partition == NULL)
    return NULL;

  /* DDK 1.x's how-to: cdk bootstrap -p <profile> --trust <cicd account>
   * --cloudformation-execution-policies arn:aws:iam::aws:policy/AdministratorAccess. The
   * aws://account/region target makes CDK bootstrap the stage's region and refuse credentials
   * of another account. */
  command = g_string_new ("cdk bootstrap");
  g_string_append_printf (command, " aws://%s/%s", stage_account, region);
  if (profile != NULL && profile[0] != '\0')
    {
      g_autofree char *word = shell_word (profile);

      g_string_append_printf (command, " -p %s", word);
    }
  g_string_append_printf (command, " --trust %s", cicd_account);
  g_string_append_printf (command, " --cloudformation-execution-policies arn:%s:iam::aws:policy/AdministratorAccess",
                          partition);
  if (qualifier != NULL && qualifier[0] != '\0' && strcmp (qualifier, "hnb659fds") != 0)
    {
      g_autofree char *word = shell_word (qualifier);

      g_string_append_printf (command, " --qualifier %s", word);
    }
  return g_string_free (command, FALSE);
}

char *
sluice_ddk_legacy_bootstrap_command (const char *environment_name,
                                     const char *cicd_account,
                                     const char *profile)
{
  g_autofree char *env_word = NULL;
  GString *command;

  if (environment_name == NULL || environment_name[0] == '\0' || !sluice_ddk_check_account (cicd_account, NULL))
    return NULL;

  env_word = shell_word (environment_name);
  command = g_string_new (NULL);
  g_string_append_printf (command, "ddk bootstrap -e %s", env_word);
  if (profile != NULL && profile[0] != '\0')
    {
      g_autofree char *word = shell_word (profile);

      g_string_append_printf (command, " -p %s", word);
    }
  g_string_append_printf (command, " -a %s", cicd_account);
  return g_string_free (command, FALSE);
}

GPtrArray *
sluice_ddk_config_bootstrap_commands (SluiceDdkConfig *self,
                                      const char      *profile)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_ddk_bootstrap_free);
  g_auto(GStrv) names = NULL;
  const char *cicd_account;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), result);

  cicd_account = sluice_ddk_config_get_account (self, SLUICE_DDK_CICD);
  names = sluice_ddk_config_dup_environment_names (self);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *account = sluice_ddk_config_get_account (self, names[i]);
      const char *region = sluice_ddk_config_get_region (self, names[i]);
      const char *qualifier = sluice_ddk_config_get_bootstrap_string (self, names[i], "qualifier");
      SluiceDdkBootstrap *found = NULL;
      g_autofree char *command = NULL;
      g_autofree char *legacy = NULL;

      if (!sluice_ddk_config_has_own_account (self, names[i]))
        continue;
      if (qualifier == NULL)
        qualifier = sluice_ddk_config_get_bootstrap_string (self, NULL, "qualifier");
      command = sluice_ddk_bootstrap_command (cicd_account, account, region, qualifier, profile);
      legacy = sluice_ddk_legacy_bootstrap_command (names[i], cicd_account, profile);
      if (command == NULL)
        continue;

      for (guint j = 0; j < result->len && found == NULL; j++)
        {
          SluiceDdkBootstrap *b = g_ptr_array_index (result, j);

          if (strcmp (b->command, command) == 0)
            found = b;
        }
      if (found == NULL)
        {
          found = g_new0 (SluiceDdkBootstrap, 1);
          found->account = g_strdup (account);
          found->region = g_strdup (region);
          found->environments = g_new0 (char *, 1);
          found->command = g_steal_pointer (&command);
          found->legacy_command = g_steal_pointer (&legacy);
          g_ptr_array_add (result, found);
        }
      else
        {
          char *joined = g_strconcat (found->legacy_command, "\n", legacy, NULL);

          g_free (found->legacy_command);
          found->legacy_command = joined;
        }
      {
        guint n = g_strv_length (found->environments);

        found->environments = g_renew (char *, found->environments, n + 2);
        found->environments[n] = g_strdup (names[i]);
        found->environments[n + 1] = NULL;
      }
    }
  return result;
}

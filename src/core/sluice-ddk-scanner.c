/* sluice-ddk-scanner.c: the strict scanner of ddk.json
 *
 * JSON as RFC 8259 has it, and nothing more: broken syntax is reported with its line and
 * column, and every value's place in the text is recorded as a Span (objects with their
 * members, in file order, duplicates included) for the writer to patch in place.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-ddk-config"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-ddk-config-private.h"

/* Deeper than any configuration needs; keeps the scanner's and json-glib's recursion bounded
 * (json-glib only reads what the scanner accepted). */
#define MAX_DEPTH 128

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

void
_sluice_ddk_span_free (Span *span)
{
  if (span == NULL)
    return;
  if (span->members != NULL)
    {
      for (guint i = 0; i < span->members->len; i++)
        {
          SpanMember *member = g_ptr_array_index (span->members, i);

          _sluice_ddk_span_free (member->value);
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
      _sluice_ddk_span_free (span);
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
        _sluice_ddk_span_free (element);
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

void
_sluice_ddk_line_and_column (const char *text,
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
char *
_sluice_ddk_display_name (GFile *file)
{
  return file != NULL ? g_file_get_basename (file) : g_strdup ("ddk.json");
}

Span *
_sluice_ddk_scan_document (const char  *text,
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
          g_clear_pointer (&span, _sluice_ddk_span_free);
        }
    }
  if (span != NULL)
    return span;

  _sluice_ddk_line_and_column (text, bom_len, sc.error_pos, &line, &column);
  g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON,
               /* Translators: “ddk.json” is not valid JSON: a value was expected at line 3, column 5. */
               _("“%s” is not valid JSON: %s at line %u, column %u."),
               name, _(sc.reason), line, column);
  return NULL;
}

SpanMember *
_sluice_ddk_span_lookup (Span       *span,
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

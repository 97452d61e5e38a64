/* sluice-ddk-config-private.h: what the rooms of SluiceDdkConfig share
 *
 * sluice-ddk-config.c (the model), sluice-ddk-scanner.c (the strict scanner),
 * sluice-ddk-writer.c (the byte-preserving writer and the diff), sluice-ddk-load.c (reading),
 * sluice-ddk-save.c (saving) and sluice-ddk-validate.c (checks, problems, bootstrap commands).
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-ddk-config.h"

G_BEGIN_DECLS

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

/* sluice-ddk-config.c: the model */
JsonObject      *_sluice_ddk_config_root_object     (SluiceDdkConfig  *self);
JsonObject      *_sluice_ddk_config_environments    (SluiceDdkConfig  *self);
JsonObject      *_sluice_ddk_config_environment     (SluiceDdkConfig  *self,
                                                     const char       *name);
void             _sluice_ddk_config_update_modified (SluiceDdkConfig  *self);
JsonObject      *_sluice_ddk_get_object_member      (JsonObject       *object,
                                                     const char       *key);
const char      *_sluice_ddk_get_string_member      (JsonObject       *object,
                                                     const char       *key);

/* sluice-ddk-scanner.c: the strict scanner */
Span            *_sluice_ddk_scan_document          (const char       *text,
                                                     gsize             len,
                                                     gsize             bom_len,
                                                     const char       *name,
                                                     GError          **error);
void             _sluice_ddk_span_free              (Span             *span);
SpanMember      *_sluice_ddk_span_lookup            (Span             *span,
                                                     const char       *key);
void             _sluice_ddk_line_and_column        (const char       *text,
                                                     gsize             bom_len,
                                                     gsize             pos,
                                                     guint            *line,
                                                     guint            *column);
char            *_sluice_ddk_display_name           (GFile            *file);

/* sluice-ddk-load.c: reading */
SluiceDdkConfig *_sluice_ddk_config_new             (GFile            *file,
                                                     const char       *data,
                                                     gsize             len,
                                                     GError          **error);

/* sluice-ddk-writer.c: the byte-preserving writer */
void             _sluice_ddk_style_detect           (Style            *style,
                                                     const char       *text,
                                                     gsize             bom_len,
                                                     Span             *root);
void             _sluice_ddk_style_clear            (Style            *style);

G_END_DECLS

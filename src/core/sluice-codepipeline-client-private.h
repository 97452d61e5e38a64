/* sluice-codepipeline-client-private.h: what the CodePipeline client's files share
 *
 * sluice-codepipeline-error.c      the error domain, its sentences, error answers
 * sluice-codepipeline-answers.c    JSON answers into the boxed types (the fuzz target links it)
 * sluice-codepipeline-transport.c  one call: the pipeline's keys, signing, the request
 * sluice-codepipeline-client.c     the GObject and its operations
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sluice-codepipeline-client.h"

G_BEGIN_DECLS

struct _SluiceCodePipelineClient
{
  GObject               parent_instance;

  SoupSession          *session;
  SluiceAccount        *account;      /* nullable: fixed credentials */
  char                 *pipeline_uri;
  char                 *pipeline_label;
  char                 *aws_account_id;
  char                 *region;
  char                 *endpoint;     /* nullable: from the environment or the account */
  SluiceAwsCredentials *credentials;
  GPtrArray            *waiting;      /* GTask: calls waiting for the keys being fetched */
  gboolean              fetching;
  gboolean              fetch_forced; /* the fetch under way renews the keys */
  gboolean              fetch_again;  /* a caller wants them renewed after this fetch */
  guint                 timeout;
  guint                 n_requests;
};

/* -- errors (sluice-codepipeline-error.c) -- */

GError     *sluice_codepipeline_error_new            (SluiceCodePipelineError  code,
                                                      guint                    http_status,
                                                      const char              *type_name,
                                                      const char              *detail);
GError     *sluice_codepipeline_error_new_unreadable (const char              *what);

/* A string member, %NULL when absent or not a string. */
const char *sluice_codepipeline_member_string        (JsonObject              *object,
                                                      const char              *name);

/* -- answers (sluice-codepipeline-answers.c) -- */

JsonNode   *sluice_codepipeline_answer_load            (JsonParser  *parser,
                                                        const char  *data,
                                                        gsize        size,
                                                        GError     **error);

char       *sluice_codepipeline_execution_id_from_json (JsonNode  *root,
                                                        GError   **error);
gboolean    sluice_codepipeline_approved_at_from_json  (JsonNode  *root,
                                                        gint64    *approved_at,
                                                        GError   **error);
gboolean    sluice_codepipeline_empty_answer_check     (JsonNode  *root,
                                                        GError   **error);

/* -- one call (sluice-codepipeline-transport.c) -- */

typedef gpointer (*SluiceCodePipelineParseFunc) (JsonNode  *root,
                                                 char     **next_token,
                                                 GError   **error);

void        sluice_codepipeline_client_call_async  (SluiceCodePipelineClient    *self,
                                                    gpointer                     source_tag,
                                                    const char                  *operation,
                                                    JsonBuilder                 *builder,
                                                    SluiceCodePipelineParseFunc  parse,
                                                    GDestroyNotify               free_result,
                                                    GCancellable                *cancellable,
                                                    GAsyncReadyCallback          callback,
                                                    gpointer                     user_data);
gpointer    sluice_codepipeline_client_call_finish (SluiceCodePipelineClient    *self,
                                                    GAsyncResult                *result,
                                                    gpointer                     source_tag,
                                                    char                       **next_token,
                                                    GError                     **error);

G_END_DECLS

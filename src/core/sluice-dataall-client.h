/* sluice-dataall-client.h: data.all's GraphQL API over libsoup
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sluice-dataall-error.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------ */
/* The token provider: how an account hands its tokens to the client                          */
/* ------------------------------------------------------------------------------------------ */

/**
 * SluiceDataallTokenKind:
 * @SLUICE_DATAALL_TOKEN_ACCESS: the OAuth access token, sent as `Authorization: Bearer <token>`
 *   (data.all 2.7 and later)
 * @SLUICE_DATAALL_TOKEN_ID: the raw ID token, sent as `Authorization: <token>` with no
 *   "Bearer " (data.all before 2.7); selected by #SluiceDataallClient:id-token-auth
 *
 * Which token the client asks its provider for.
 */
typedef enum
{
  SLUICE_DATAALL_TOKEN_ACCESS,
  SLUICE_DATAALL_TOKEN_ID,
} SluiceDataallTokenKind;

#define SLUICE_TYPE_DATAALL_TOKEN_PROVIDER (sluice_dataall_token_provider_get_type ())

G_DECLARE_INTERFACE (SluiceDataallTokenProvider, sluice_dataall_token_provider,
                     SLUICE, DATAALL_TOKEN_PROVIDER, GObject)

/**
 * SluiceDataallTokenProviderInterface:
 * @get_token_async: starts getting a token of @kind. When @rejected_token is not %NULL, the
 *   gateway answered HTTP 403 to a request that carried it: the provider refreshes (once, even
 *   if several requests report the same token at the same time) and returns the new token,
 *   or, if it already holds a newer token than @rejected_token, returns that one. It fails
 *   (with %SLUICE_DATAALL_ERROR_NOT_SIGNED_IN, or its own error) when it cannot.
 * @get_token_finish: returns the token (transfer full) or %NULL with an error.
 *
 * What an account implements so that the client can ask it for tokens. The client calls
 * get_token_async() before each request (the provider answers from its cache, refreshing
 * ahead of expiry as it sees fit) and, after a 403 from the gateway, calls it once more with
 * the token that was refused, then retries the request once with the new token. A second 403
 * is reported as %SLUICE_DATAALL_ERROR_NOT_SIGNED_IN.
 */
struct _SluiceDataallTokenProviderInterface
{
  GTypeInterface parent_iface;

  void   (*get_token_async)  (SluiceDataallTokenProvider  *self,
                              SluiceDataallTokenKind       kind,
                              const char                  *rejected_token,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data);
  char * (*get_token_finish) (SluiceDataallTokenProvider  *self,
                              GAsyncResult                *result,
                              GError                     **error);

  /*< private >*/
  gpointer padding[6];
};

void  sluice_dataall_token_provider_get_token_async  (SluiceDataallTokenProvider  *self,
                                                      SluiceDataallTokenKind       kind,
                                                      const char                  *rejected_token,
                                                      GCancellable                *cancellable,
                                                      GAsyncReadyCallback          callback,
                                                      gpointer                     user_data);
char *sluice_dataall_token_provider_get_token_finish (SluiceDataallTokenProvider  *self,
                                                      GAsyncResult                *result,
                                                      GError                     **error);

/* ------------------------------------------------------------------------------------------ */
/* The client                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * SluiceDataallClient:
 *
 * One data.all API, spoken to asynchronously: `POST <api-url>/graphql/api` with
 * `{operationName, query, variables}`, the documents of resources/graphql/ loaded from the
 * GResource. An account sets it up once:
 *
 * |[<!-- language="C" -->
 * client = sluice_dataall_client_new (api_url);
 * sluice_dataall_client_set_token_provider (client, SLUICE_DATAALL_TOKEN_PROVIDER (account));
 * sluice_dataall_client_set_id_token_auth (client, server_is_older_than_2_7);
 * sluice_dataall_client_probe_pipelines_async (client, cancellable, probed_cb, self);
 * ]|
 *
 * The typed calls (get, create, delete a pipeline, its stages, environments, teams, stack,
 * tags, credentials) are in sluice-dataall-api.h; the pipeline list in sluice-pipeline-list.h.
 * Every failure is a %SLUICE_DATAALL_ERROR (or %G_IO_ERROR_CANCELLED): its message is a sentence
 * for people; sluice_dataall_error_get_detail() holds the server's own words for a "Details"
 * expander, and sluice_dataall_error_get_partial_data() what data came with the errors.
 */

#define SLUICE_TYPE_DATAALL_CLIENT (sluice_dataall_client_get_type ())

G_DECLARE_FINAL_TYPE (SluiceDataallClient, sluice_dataall_client, SLUICE, DATAALL_CLIENT, GObject)

/**
 * SluiceDataallTransformFunc:
 * @data: the answer's `data` object
 * @user_data: the data given with the function
 * @error: return location for an error
 *
 * Turns an answer into what the caller wants (model objects, say) in a worker thread, so that
 * large answers never stall the main loop. It must not touch objects the main thread uses.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
typedef gpointer (*SluiceDataallTransformFunc) (JsonNode  *data,
                                                gpointer   user_data,
                                                GError   **error);

#define SLUICE_DATAALL_DEFAULT_TIMEOUT 30

SluiceDataallClient        *sluice_dataall_client_new                (const char                  *api_url);

const char                 *sluice_dataall_client_get_api_url        (SluiceDataallClient         *self);
const char                 *sluice_dataall_client_get_endpoint       (SluiceDataallClient         *self);
const char                 *sluice_dataall_client_get_token          (SluiceDataallClient         *self);
void                        sluice_dataall_client_set_token          (SluiceDataallClient         *self,
                                                                      const char                  *token);
SluiceDataallTokenProvider *sluice_dataall_client_get_token_provider (SluiceDataallClient         *self);
void                        sluice_dataall_client_set_token_provider (SluiceDataallClient         *self,
                                                                      SluiceDataallTokenProvider  *provider);
gboolean                    sluice_dataall_client_get_id_token_auth  (SluiceDataallClient         *self);
void                        sluice_dataall_client_set_id_token_auth  (SluiceDataallClient         *self,
                                                                      gboolean                     id_token_auth);
guint                       sluice_dataall_client_get_timeout        (SluiceDataallClient         *self);
void                        sluice_dataall_client_set_timeout        (SluiceDataallClient         *self,
                                                                      guint                        seconds);
guint                       sluice_dataall_client_get_max_retries    (SluiceDataallClient         *self);
void                        sluice_dataall_client_set_max_retries    (SluiceDataallClient         *self,
                                                                      guint                        max_retries);
const char                 *sluice_dataall_client_get_user_agent     (SluiceDataallClient         *self);

char                       *sluice_dataall_client_load_document      (const char                  *document,
                                                                      gboolean                    *is_mutation,
                                                                      GError                     **error);
GBytes                     *sluice_dataall_client_build_body         (const char                  *document,
                                                                      JsonObject                  *variables,
                                                                      gboolean                    *is_mutation,
                                                                      GError                     **error);

void                        sluice_dataall_client_execute_async      (SluiceDataallClient         *self,
                                                                      const char                  *document,
                                                                      JsonObject                  *variables,
                                                                      GCancellable                *cancellable,
                                                                      GAsyncReadyCallback          callback,
                                                                      gpointer                     user_data);
JsonNode                   *sluice_dataall_client_execute_finish     (SluiceDataallClient         *self,
                                                                      GAsyncResult                *result,
                                                                      GError                     **error);
void                        sluice_dataall_client_execute_full_async (SluiceDataallClient         *self,
                                                                      const char                  *document,
                                                                      JsonObject                  *variables,
                                                                      SluiceDataallTransformFunc   transform,
                                                                      gpointer                     transform_data,
                                                                      GDestroyNotify               transform_data_destroy,
                                                                      GDestroyNotify               result_destroy,
                                                                      GCancellable                *cancellable,
                                                                      GAsyncReadyCallback          callback,
                                                                      gpointer                     user_data);
gpointer                    sluice_dataall_client_execute_full_finish (SluiceDataallClient        *self,
                                                                      GAsyncResult                *result,
                                                                      GError                     **error);

G_END_DECLS

/* sluice-dataall-error.h: the errors of data.all's API, as a person reads them
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLUICE_DATAALL_ERROR (sluice_dataall_error_quark ())

/**
 * SluiceDataallError:
 * @SLUICE_DATAALL_ERROR_NETWORK: the server could not be reached (DNS, refused, reset, dropped)
 * @SLUICE_DATAALL_ERROR_TIMEOUT: no answer within the client's timeout
 * @SLUICE_DATAALL_ERROR_NOT_SIGNED_IN: no token, or the gateway refused it (HTTP 403): signed
 *   out or the token expired; the account refreshes it or asks to sign in again
 * @SLUICE_DATAALL_ERROR_REAUTH_REQUIRED: the operation needs a fresh sign-in (HTTP 401 with the
 *   `REAUTH` code; data.all's maintenance block, a 401 without it, is a %SLUICE_DATAALL_ERROR_SERVER)
 * @SLUICE_DATAALL_ERROR_NOT_AUTHORIZED: `(UnauthorizedOperation)`: the user lacks a permission
 *   (data.all also says this for a pipeline id that does not exist)
 * @SLUICE_DATAALL_ERROR_NOT_FOUND: `(ResourceNotFound)` or `(AWSResourceNotFound)`
 * @SLUICE_DATAALL_ERROR_INVALID_INPUT: `(RequiredParameter)` or `(InvalidInput)`: a value the
 *   user gave is missing or wrong
 * @SLUICE_DATAALL_ERROR_FEATURE_DISABLED: the Pipelines module is off on the server (HTTP 400
 *   naming the operation's field), pipelines are disabled for the environment
 *   (`pipelinesEnabled` false), or the server refuses a legacy field (HTTP 400 naming it)
 * @SLUICE_DATAALL_ERROR_INVALID_REQUEST: any other HTTP 400: the server refused the document
 * @SLUICE_DATAALL_ERROR_SERVER: HTTP 5xx, an unexpected status, an answer that is not JSON,
 *   data.all's maintenance block, or API Gateway's throttling (HTTP 429; queries are retried
 *   first, mutations never)
 * @SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE: the body is over data.all's 8 KB firewall limit;
 *   refused before sending
 * @SLUICE_DATAALL_ERROR_FAILED: data.all reported an error without one of its codes
 *
 * Error codes of the %SLUICE_DATAALL_ERROR domain. Cancellation is reported as
 * %G_IO_ERROR_CANCELLED, as everywhere in GIO.
 */
typedef enum
{
  SLUICE_DATAALL_ERROR_NETWORK,
  SLUICE_DATAALL_ERROR_TIMEOUT,
  SLUICE_DATAALL_ERROR_NOT_SIGNED_IN,
  SLUICE_DATAALL_ERROR_REAUTH_REQUIRED,
  SLUICE_DATAALL_ERROR_NOT_AUTHORIZED,
  SLUICE_DATAALL_ERROR_NOT_FOUND,
  SLUICE_DATAALL_ERROR_INVALID_INPUT,
  SLUICE_DATAALL_ERROR_FEATURE_DISABLED,
  SLUICE_DATAALL_ERROR_INVALID_REQUEST,
  SLUICE_DATAALL_ERROR_SERVER,
  SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE,
  SLUICE_DATAALL_ERROR_FAILED,
} SluiceDataallError;

/* The firewall in front of data.all's API blocks request bodies over 8 KB. */
#define SLUICE_DATAALL_MAX_BODY_SIZE 8192

GQuark      sluice_dataall_error_quark            (void);

const char *sluice_dataall_error_get_detail       (const GError *error);
guint       sluice_dataall_error_get_http_status  (const GError *error);
const char *sluice_dataall_error_get_server_code  (const GError *error);
const char *sluice_dataall_error_get_operation    (const GError *error);
JsonNode   *sluice_dataall_error_get_partial_data (const GError *error);
JsonArray  *sluice_dataall_error_get_errors       (const GError *error);

/* For core code that makes its own errors. */
GError     *sluice_dataall_error_new              (SluiceDataallError  code,
                                                   const char         *operation,
                                                   guint               http_status,
                                                   const char         *server_code,
                                                   const char         *detail);

G_END_DECLS

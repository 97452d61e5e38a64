/* sluice-sigv4.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SluiceSigV4Request:
 *
 * One HTTP request to sign with AWS Signature Version 4, as botocore's `SigV4Auth` signs it:
 * the path is normalised (dot segments and repeated slashes removed) and URI-encoded, query
 * parameters are URI-encoded and sorted, every header except `User-Agent`, `Expect` and
 * `X-Amzn-Trace-Id` is signed, and the payload hash is the SHA-256 of the body (or the value of
 * an `X-Amz-Content-SHA256` header).
 */
typedef struct _SluiceSigV4Request SluiceSigV4Request;

#define SLUICE_TYPE_SIGV4_REQUEST (sluice_sigv4_request_get_type ())

GType               sluice_sigv4_request_get_type            (void) G_GNUC_CONST;
SluiceSigV4Request *sluice_sigv4_request_new                 (const char          *method,
                                                              const char          *path);
SluiceSigV4Request *sluice_sigv4_request_ref                 (SluiceSigV4Request  *self);
void                sluice_sigv4_request_unref               (SluiceSigV4Request  *self);
const char         *sluice_sigv4_request_get_method          (SluiceSigV4Request  *self);
const char         *sluice_sigv4_request_get_path            (SluiceSigV4Request  *self);
void                sluice_sigv4_request_add_query_param     (SluiceSigV4Request  *self,
                                                              const char          *name,
                                                              const char          *value);
char               *sluice_sigv4_request_get_query_string    (SluiceSigV4Request  *self);
void                sluice_sigv4_request_add_header          (SluiceSigV4Request  *self,
                                                              const char          *name,
                                                              const char          *value);
void                sluice_sigv4_request_set_header          (SluiceSigV4Request  *self,
                                                              const char          *name,
                                                              const char          *value);
void                sluice_sigv4_request_remove_header       (SluiceSigV4Request  *self,
                                                              const char          *name);
const char         *sluice_sigv4_request_get_header          (SluiceSigV4Request  *self,
                                                              const char          *name);
guint               sluice_sigv4_request_get_n_headers       (SluiceSigV4Request  *self);
void                sluice_sigv4_request_get_nth_header      (SluiceSigV4Request  *self,
                                                              guint                n,
                                                              const char         **name,
                                                              const char         **value);
void                sluice_sigv4_request_set_body            (SluiceSigV4Request  *self,
                                                              GBytes              *body);
char               *sluice_sigv4_request_get_canonical_uri   (SluiceSigV4Request  *self);
char               *sluice_sigv4_request_get_canonical_query (SluiceSigV4Request  *self);
char               *sluice_sigv4_request_get_canonical_request (SluiceSigV4Request *self);
char               *sluice_sigv4_request_get_signed_headers  (SluiceSigV4Request  *self);

gboolean            sluice_sigv4_request_sign                (SluiceSigV4Request  *self,
                                                              const char          *access_key_id,
                                                              const char          *secret_access_key,
                                                              const char          *session_token,
                                                              const char          *region,
                                                              const char          *service,
                                                              GDateTime           *when,
                                                              char               **out_string_to_sign,
                                                              GError             **error);

char               *sluice_sigv4_uri_encode                  (const char          *str,
                                                              gboolean             keep_slash);
char               *sluice_sigv4_normalize_path              (const char          *path);
char               *sluice_sigv4_format_timestamp            (GDateTime           *when,
                                                              gboolean             with_z);
char               *sluice_sigv4_signature                   (const char          *secret_access_key,
                                                              const char          *date,
                                                              const char          *region,
                                                              const char          *service,
                                                              const char          *string_to_sign);

char               *sluice_sigv4_codecommit_canonical_request (const char         *host,
                                                               const char         *path);
char               *sluice_sigv4_codecommit_signature        (const char          *secret_access_key,
                                                              const char          *region,
                                                              const char          *host,
                                                              const char          *path,
                                                              const char          *timestamp);
char               *sluice_sigv4_codecommit_password         (const char          *secret_access_key,
                                                              const char          *region,
                                                              const char          *host,
                                                              const char          *path,
                                                              GDateTime           *when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceSigV4Request, sluice_sigv4_request_unref)

G_END_DECLS

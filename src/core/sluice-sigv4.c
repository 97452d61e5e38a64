/* sluice-sigv4.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-sigv4"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "sluice-sigv4.h"

#define ALGORITHM "AWS4-HMAC-SHA256"
#define SHA256_LEN 32

typedef struct
{
  char *name;
  char *value;
} Pair;

struct _SluiceSigV4Request
{
  gatomicrefcount  ref_count;
  char            *method;
  char            *path;
  GPtrArray       *query;    /* Pair, decoded */
  GPtrArray       *headers;  /* Pair, as given */
  GBytes          *body;
};

G_DEFINE_BOXED_TYPE (SluiceSigV4Request, sluice_sigv4_request,
                     sluice_sigv4_request_ref, sluice_sigv4_request_unref)

/* Headers botocore leaves out of the signature: proxies and clients change them. The signer
 * replaces any Authorization header, so the canonical request of a signed request leaves out
 * its own signature too. */
static const char * const unsigned_headers[] = {
  "authorization", "expect", "user-agent", "x-amzn-trace-id",
};

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
pair_free (gpointer data)
{
  Pair *pair = data;

  g_free (pair->name);
  g_free (pair->value);
  g_free (pair);
}

static Pair *
pair_new (const char *name,
          const char *value)
{
  Pair *pair = g_new0 (Pair, 1);

  pair->name = g_strdup (name);
  pair->value = g_strdup (value);

  return pair;
}

static char *
hex_encode (const guint8 *data,
            gsize         len)
{
  static const char digits[] = "0123456789abcdef";
  char *out = g_malloc (len * 2 + 1);

  for (gsize i = 0; i < len; i++)
    {
      out[i * 2] = digits[data[i] >> 4];
      out[i * 2 + 1] = digits[data[i] & 0xf];
    }
  out[len * 2] = '\0';

  return out;
}

static void
hmac_sha256 (const guint8 *key,
             gsize         key_len,
             const char   *msg,
             guint8        out[SHA256_LEN])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  gsize len = SHA256_LEN;

  g_hmac_update (hmac, (const guchar *) msg, strlen (msg));
  g_hmac_get_digest (hmac, out, &len);
  g_assert (len == SHA256_LEN);
}

static char *
sha256_hex (const void *data,
            gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

static gboolean
is_unreserved (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == '~';
}

/* Collapses runs of whitespace to one space and trims both ends, as Python's
 * ' '.join (value.split ()) does for ASCII. */
static char *
trim_all (const char *value)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
header_is_signed (const char *lower_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (unsigned_headers); i++)
    if (g_str_equal (lower_name, unsigned_headers[i]))
      return FALSE;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The sorted, unique, lower-case names of the headers to sign. */
static GPtrArray *
signed_header_names (SluiceSigV4Request *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->headers->len; i++)
    {
      Pair *pair = g_ptr_array_index (self->headers, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (pair->name));
      g_autofree char *lower = g_ascii_strdown (trimmed, -1);
      gboolean seen = FALSE;

      if (!header_is_signed (lower))
        continue;
      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (names, j), lower);
      if (!seen)
        g_ptr_array_add (names, g_steal_pointer (&lower));
    }
  g_ptr_array_sort (names, compare_strings);

  return g_steal_pointer (&names);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_sigv4_request_new:
 * @method: the HTTP method, e.g. "POST"
 * @path: the request path, as it appears in the URL (it is encoded once more for signing,
 *   as AWS requires for every service but S3)
 *
 * Returns: (transfer full): a new request without headers, query or body
 */
SluiceSigV4Request *
sluice_sigv4_request_new (const char *method,
                          const char *path)
{
  SluiceSigV4Request *self;

  g_return_val_if_fail (method != NULL, NULL);

  self = g_new0 (SluiceSigV4Request, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->method = g_ascii_strup (method, -1);
  self->path = g_strdup (path != NULL && *path != '\0' ? path : "/");
  self->query = g_ptr_array_new_with_free_func (pair_free);
  self->headers = g_ptr_array_new_with_free_func (pair_free);

  return self;
}

SluiceSigV4Request *
sluice_sigv4_request_ref (SluiceSigV4Request *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
sluice_sigv4_request_unref (SluiceSigV4Request *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->method);
  g_free (self->path);
  g_ptr_array_unref (self->query);
  g_ptr_array_unref (self->headers);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self);
}

const char *
sluice_sigv4_request_get_method (SluiceSigV4Request *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->method;
}

const char *
sluice_sigv4_request_get_path (SluiceSigV4Request *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/**
 * sluice_sigv4_request_add_query_param:
 * @name: the parameter's name, not encoded
 * @value: its value, not encoded
 *
 * Adds a query parameter; a name may repeat.
 */
void
sluice_sigv4_request_add_query_param (SluiceSigV4Request *self,
                                      const char         *name,
                                      const char         *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  g_ptr_array_add (self->query, pair_new (name, value != NULL ? value : ""));
}

/**
 * sluice_sigv4_request_get_query_string:
 *
 * Returns: (transfer full): the query string to send (without the "?"), which is the
 *   canonical one: the parameters encoded and sorted
 */
char *
sluice_sigv4_request_get_query_string (SluiceSigV4Request *self)
{
  return sluice_sigv4_request_get_canonical_query (self);
}

/**
 * sluice_sigv4_request_add_header:
 *
 * Adds a header, keeping any other of the same name: their values are signed in the order
 * they were added, joined with commas.
 */
void
sluice_sigv4_request_add_header (SluiceSigV4Request *self,
                                 const char         *name,
                                 const char         *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  g_ptr_array_add (self->headers, pair_new (name, value != NULL ? value : ""));
}

void
sluice_sigv4_request_remove_header (SluiceSigV4Request *self,
                                    const char         *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  for (guint i = self->headers->len; i > 0; i--)
    {
      Pair *pair = g_ptr_array_index (self->headers, i - 1);

      if (g_ascii_strcasecmp (pair->name, name) == 0)
        g_ptr_array_remove_index (self->headers, i - 1);
    }
}

/* Replaces every header of that name with one, added last (as botocore does). */
void
sluice_sigv4_request_set_header (SluiceSigV4Request *self,
                                 const char         *name,
                                 const char         *value)
{
  sluice_sigv4_request_remove_header (self, name);
  sluice_sigv4_request_add_header (self, name, value);
}

/**
 * sluice_sigv4_request_get_header:
 *
 * Returns: (nullable): the value of the first header named @name (any case)
 */
const char *
sluice_sigv4_request_get_header (SluiceSigV4Request *self,
                                 const char         *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->headers->len; i++)
    {
      Pair *pair = g_ptr_array_index (self->headers, i);

      if (g_ascii_strcasecmp (pair->name, name) == 0)
        return pair->value;
    }

  return NULL;
}

guint
sluice_sigv4_request_get_n_headers (SluiceSigV4Request *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->headers->len;
}

/**
 * sluice_sigv4_request_get_nth_header:
 * @name: (out) (transfer none):
 * @value: (out) (transfer none):
 *
 * Gets a header, for copying all of them into the real HTTP message after signing.
 */
void
sluice_sigv4_request_get_nth_header (SluiceSigV4Request  *self,
                                     guint                n,
                                     const char         **name,
                                     const char         **value)
{
  Pair *pair;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n < self->headers->len);

  pair = g_ptr_array_index (self->headers, n);
  if (name != NULL)
    *name = pair->name;
  if (value != NULL)
    *value = pair->value;
}

void
sluice_sigv4_request_set_body (SluiceSigV4Request *self,
                               GBytes             *body)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->body, g_bytes_unref);
  if (body != NULL)
    self->body = g_bytes_ref (body);
}

/**
 * sluice_sigv4_uri_encode:
 * @str: a UTF-8 or binary string
 * @keep_slash: whether "/" stays as it is
 *
 * Percent-encodes every byte but the unreserved characters A-Z a-z 0-9 - _ . ~ (and "/"
 * with @keep_slash), with upper-case hex digits, as SigV4 requires.
 *
 * Returns: (transfer full): the encoded string
 */
char *
sluice_sigv4_uri_encode (const char *str,
                         gboolean    keep_slash)
{
  GString *out;

  g_return_val_if_fail (str != NULL, NULL);

  out = g_string_sized_new (strlen (str));
  for (const guchar *p = (const guchar *) str; *p != '\0'; p++)
    {
      if (is_unreserved (*p) || (keep_slash && *p == '/'))
        g_string_append_c (out, (char) *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * sluice_sigv4_normalize_path:
 *
 * Removes "." and ".." segments and empty segments (repeated slashes), keeping a leading
 * and a trailing slash, as botocore's remove_dot_segments() does.
 *
 * Returns: (transfer full): the normalised path
 */
char *
sluice_sigv4_normalize_path (const char *path)
{
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) out = NULL;
  GString *result;
  gsize len;

  if (path == NULL || *path == '\0')
    return g_strdup ("/");

  len = strlen (path);
  segments = g_strsplit (path, "/", -1);
  out = g_ptr_array_new ();
  for (guint i = 0; segments[i] != NULL; i++)
    {
      const char *segment = segments[i];

      if (*segment == '\0' || g_str_equal (segment, "."))
        continue;
      if (g_str_equal (segment, ".."))
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, (gpointer) segment);
    }

  result = g_string_new (path[0] == '/' ? "/" : "");
  for (guint i = 0; i < out->len; i++)
    {
      if (i > 0)
        g_string_append_c (result, '/');
      g_string_append (result, g_ptr_array_index (out, i));
    }
  if (path[len - 1] == '/' && out->len > 0)
    g_string_append_c (result, '/');

  return g_string_free (result, FALSE);
}

char *
sluice_sigv4_request_get_canonical_uri (SluiceSigV4Request *self)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  normalized = sluice_sigv4_normalize_path (self->path);

  return sluice_sigv4_uri_encode (normalized, TRUE);
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *pa = *(const Pair * const *) a;
  const Pair *pb = *(const Pair * const *) b;
  int cmp = strcmp (pa->name, pb->name);

  return cmp != 0 ? cmp : strcmp (pa->value, pb->value);
}

char *
sluice_sigv4_request_get_canonical_query (SluiceSigV4Request *self)
{
  g_autoptr(GPtrArray) encoded = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  encoded = g_ptr_array_new_with_free_func (pair_free);
  for (guint i = 0; i < self->query->len; i++)
    {
      Pair *pair = g_ptr_array_index (self->query, i);
      Pair *enc = g_new0 (Pair, 1);

      enc->name = sluice_sigv4_uri_encode (pair->name, FALSE);
      enc->value = sluice_sigv4_uri_encode (pair->value, FALSE);
      g_ptr_array_add (encoded, enc);
    }
  g_ptr_array_sort (encoded, compare_pairs);

  out = g_string_new (NULL);
  for (guint i = 0; i < encoded->len; i++)
    {
      Pair *pair = g_ptr_array_index (encoded, i);

      if (i > 0)
        g_string_append_c (out, '&');
      g_string_append_printf (out, "%s=%s", pair->name, pair->value);
    }

  return g_string_free (out, FALSE);
}

/**
 * sluice_sigv4_request_get_signed_headers:
 *
 * Returns: (transfer full): the signed-headers list, e.g. "host;x-amz-date"
 */
char *
sluice_sigv4_request_get_signed_headers (SluiceSigV4Request *self)
{
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  names = signed_header_names (self);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (";", (char **) names->pdata);
}

static char *
payload_hash (SluiceSigV4Request *self)
{
  const char *declared = sluice_sigv4_request_get_header (self, "X-Amz-Content-SHA256");
  gconstpointer data = "";
  gsize len = 0;

  if (declared != NULL)
    return g_strdup (declared);
  if (self->body != NULL)
    data = g_bytes_get_data (self->body, &len);

  return sha256_hex (data != NULL ? data : "", len);
}

/**
 * sluice_sigv4_request_get_canonical_request:
 *
 * Returns: (transfer full): the canonical request of the request as it is now
 */
char *
sluice_sigv4_request_get_canonical_request (SluiceSigV4Request *self)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *query = NULL;
  g_autofree char *signed_headers = NULL;
  g_autofree char *hash = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  uri = sluice_sigv4_request_get_canonical_uri (self);
  query = sluice_sigv4_request_get_canonical_query (self);
  signed_headers = sluice_sigv4_request_get_signed_headers (self);
  hash = payload_hash (self);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s\n%s\n%s\n", self->method, uri, query);

  names = signed_header_names (self);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean first = TRUE;

      g_string_append_printf (out, "%s:", name);
      for (guint j = 0; j < self->headers->len; j++)
        {
          Pair *pair = g_ptr_array_index (self->headers, j);
          g_autofree char *stripped = g_strstrip (g_strdup (pair->name));
          g_autofree char *value = NULL;

          if (g_ascii_strcasecmp (stripped, name) != 0)
            continue;
          value = trim_all (pair->value);
          if (!first)
            g_string_append_c (out, ',');
          g_string_append (out, value);
          first = FALSE;
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n%s\n%s", signed_headers, hash);

  return g_string_free (out, FALSE);
}

/**
 * sluice_sigv4_format_timestamp:
 * @when: a time (any time zone)
 * @with_z: whether to end with "Z"
 *
 * Returns: (transfer full): the UTC time as "YYYYMMDDTHHMMSS" or "YYYYMMDDTHHMMSSZ"
 */
char *
sluice_sigv4_format_timestamp (GDateTime *when,
                               gboolean   with_z)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, with_z ? "%Y%m%dT%H%M%SZ" : "%Y%m%dT%H%M%S");
}

/**
 * sluice_sigv4_signature:
 * @date: the "YYYYMMDD" date of the credential scope
 *
 * Derives the signing key (kDate, kRegion, kService, kSigning) and signs @string_to_sign.
 *
 * Returns: (transfer full): the lower-case hex signature
 */
char *
sluice_sigv4_signature (const char *secret_access_key,
                        const char *date,
                        const char *region,
                        const char *service,
                        const char *string_to_sign)
{
  g_autofree char *key = NULL;
  g_autofree char *day = NULL;
  guint8 k1[SHA256_LEN], k2[SHA256_LEN], sig[SHA256_LEN];

  g_return_val_if_fail (secret_access_key != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (service != NULL, NULL);
  g_return_val_if_fail (string_to_sign != NULL, NULL);

  /* The scope's date is the first eight characters of a timestamp. */
  day = g_strndup (date, 8);
  key = g_strconcat ("AWS4", secret_access_key, NULL);
  hmac_sha256 ((const guint8 *) key, strlen (key), day, k1);
  hmac_sha256 (k1, SHA256_LEN, region, k2);
  hmac_sha256 (k2, SHA256_LEN, service, k1);
  hmac_sha256 (k1, SHA256_LEN, "aws4_request", k2);
  hmac_sha256 (k2, SHA256_LEN, string_to_sign, sig);

  /* The key material is as secret as the key itself. */
  memset (k1, 0, sizeof k1);
  memset (k2, 0, sizeof k2);
  memset (key, 0, strlen (key));

  return hex_encode (sig, SHA256_LEN);
}

static char *
string_to_sign (const char *timestamp,
                const char *region,
                const char *service,
                const char *canonical_request)
{
  g_autofree char *hash = sha256_hex (canonical_request, strlen (canonical_request));

  return g_strdup_printf (ALGORITHM "\n%s\n%.8s/%s/%s/aws4_request\n%s",
                          timestamp, timestamp, region, service, hash);
}

/**
 * sluice_sigv4_request_sign:
 * @access_key_id: the key id
 * @secret_access_key: the secret key
 * @session_token: (nullable): the session token of temporary credentials
 * @region: the region of the credential scope, e.g. "eu-west-1"
 * @service: the service of the credential scope, e.g. "codepipeline"
 * @when: (nullable): the signing time; %NULL for now
 * @out_string_to_sign: (out) (optional) (transfer full): the string that was signed
 * @error: return location for an error
 *
 * Signs the request as botocore does: sets `X-Amz-Date` (replacing any), sets
 * `X-Amz-Security-Token` when there is a token, and then adds the `Authorization` header
 * (replacing any). The request needs a `Host` header.
 *
 * Returns: %TRUE if the request was signed
 */
gboolean
sluice_sigv4_request_sign (SluiceSigV4Request  *self,
                           const char          *access_key_id,
                           const char          *secret_access_key,
                           const char          *session_token,
                           const char          *region,
                           const char          *service,
                           GDateTime           *when,
                           char               **out_string_to_sign,
                           GError             **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *timestamp = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *sts = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *signed_headers = NULL;
  g_autofree char *authorization = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (access_key_id == NULL || *access_key_id == '\0' ||
      secret_access_key == NULL || *secret_access_key == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The AWS credentials lack an access key ID or a secret access key."));
      return FALSE;
    }
  if (region == NULL || *region == '\0' || service == NULL || *service == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The request cannot be signed without an AWS region."));
      return FALSE;
    }
  if (sluice_sigv4_request_get_header (self, "Host") == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The request cannot be signed without a host name."));
      return FALSE;
    }

  if (when == NULL)
    when = now = g_date_time_new_now_utc ();
  timestamp = sluice_sigv4_format_timestamp (when, TRUE);

  sluice_sigv4_request_remove_header (self, "Authorization");
  sluice_sigv4_request_set_header (self, "X-Amz-Date", timestamp);
  if (session_token != NULL && *session_token != '\0')
    sluice_sigv4_request_set_header (self, "X-Amz-Security-Token", session_token);

  canonical = sluice_sigv4_request_get_canonical_request (self);
  sts = string_to_sign (timestamp, region, service, canonical);
  signature = sluice_sigv4_signature (secret_access_key, timestamp, region, service, sts);
  signed_headers = sluice_sigv4_request_get_signed_headers (self);

  authorization = g_strdup_printf (ALGORITHM " Credential=%s/%.8s/%s/%s/aws4_request, "
                                   "SignedHeaders=%s, Signature=%s",
                                   access_key_id, timestamp, region, service,
                                   signed_headers, signature);
  sluice_sigv4_request_add_header (self, "Authorization", authorization);

  if (out_string_to_sign != NULL)
    *out_string_to_sign = g_steal_pointer (&sts);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* CodeCommit "GIT" variant                                                                   */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_sigv4_codecommit_canonical_request:
 * @host: the host name, without a port
 * @path: "/v1/repos/<repository>", not encoded or normalised
 *
 * Returns: (transfer full): git-remote-codecommit's canonical request: method GIT, only the
 *   host signed, and an empty payload hash
 */
char *
sluice_sigv4_codecommit_canonical_request (const char *host,
                                           const char *path)
{
  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_strdup_printf ("GIT\n%s\n\nhost:%s\n\nhost\n", path, host);
}

/**
 * sluice_sigv4_codecommit_signature:
 * @timestamp: "YYYYMMDDTHHMMSS", without the "Z" (which the string to sign lacks too)
 *
 * Returns: (transfer full): the hex signature of a CodeCommit git password
 */
char *
sluice_sigv4_codecommit_signature (const char *secret_access_key,
                                   const char *region,
                                   const char *host,
                                   const char *path,
                                   const char *timestamp)
{
  g_autofree char *canonical = NULL;
  g_autofree char *sts = NULL;

  g_return_val_if_fail (timestamp != NULL, NULL);

  canonical = sluice_sigv4_codecommit_canonical_request (host, path);
  sts = string_to_sign (timestamp, region, "codecommit", canonical);

  return sluice_sigv4_signature (secret_access_key, timestamp, region, "codecommit", sts);
}

/**
 * sluice_sigv4_codecommit_password:
 * @when: (nullable): the signing time; %NULL for now
 *
 * Returns: (transfer full): the git password, "YYYYMMDDTHHMMSSZ" followed by the signature
 */
char *
sluice_sigv4_codecommit_password (const char *secret_access_key,
                                  const char *region,
                                  const char *host,
                                  const char *path,
                                  GDateTime  *when)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *timestamp = NULL;
  g_autofree char *signature = NULL;

  if (when == NULL)
    when = now = g_date_time_new_now_utc ();
  timestamp = sluice_sigv4_format_timestamp (when, FALSE);
  signature = sluice_sigv4_codecommit_signature (secret_access_key, region, host, path, timestamp);

  return g_strdup_printf ("%sZ%s", timestamp, signature);
}

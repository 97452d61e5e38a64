/* sluice-aws-credentials.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-aws-credentials"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sluice-aws-credentials.h"

struct _SluiceAwsCredentials
{
  GObject    parent_instance;

  char      *access_key_id;
  char      *secret_access_key;
  char      *session_token;
  GDateTime *expiration;
  gboolean   expiration_estimated;
  char      *name;
  char      *aws_account_id;
  char      *region;
  char      *pipeline_uri;
  char      *repository;
  char      *dataall_account;
};

G_DEFINE_FINAL_TYPE (SluiceAwsCredentials, sluice_aws_credentials, G_TYPE_OBJECT)

G_DEFINE_QUARK (sluice-aws-credentials-error-quark, sluice_aws_credentials_error)

enum {
  PROP_0,
  PROP_ACCESS_KEY_ID,
  PROP_SECRET_ACCESS_KEY,
  PROP_SESSION_TOKEN,
  PROP_KIND,
  PROP_EXPIRATION,
  PROP_EXPIRATION_ESTIMATED,
  PROP_NAME,
  PROP_AWS_ACCOUNT_ID,
  PROP_REGION,
  PROP_PIPELINE_URI,
  PROP_REPOSITORY,
  PROP_DATAALL_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields of any spelling, before they become an object. */
typedef struct
{
  char *access_key_id;
  char *secret_access_key;
  char *session_token;
  char *expiration;
  gboolean estimated;
  gboolean has_estimated;
  char *name;
  char *aws_account_id;
  char *region;
  char *pipeline_uri;
  char *repository;
  char *dataall_account;
} Fields;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fields_clear (Fields *fields)
{
  g_free (fields->access_key_id);
  g_free (fields->secret_access_key);
  g_free (fields->session_token);
  g_free (fields->expiration);
  g_free (fields->name);
  g_free (fields->aws_account_id);
  g_free (fields->region);
  g_free (fields->pipeline_uri);
  g_free (fields->repository);
  g_free (fields->dataall_account);
  memset (fields, 0, sizeof *fields);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

static void
set_field (char       **field,
           const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
is_account_id (const char *str)
{
  if (str == NULL || strlen (str) != 12)
    return FALSE;
  for (const char *p = str; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static GDateTime *
parse_expiration (const char  *str,
                  GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *when = g_date_time_new_from_iso8601 (str, utc);

  if (when == NULL)
    g_set_error (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_EXPIRATION,
                 _("The expiry time “%s” is not a date and time Sluice understands."), str);

  return when;
}

static char *
format_expiration (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

  /* Not "%Y": it does not pad years before 1000, which ISO 8601 parsers then refuse. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/* Checks and turns @fields into credentials. */
static SluiceAwsCredentials *
build (Fields     *fields,
       GDateTime  *fetched_at,
       GError    **error)
{
  g_autoptr(SluiceAwsCredentials) self = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (fields->access_key_id == NULL || *fields->access_key_id == '\0')
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID,
                           _("The text holds no AWS access key ID."));
      return NULL;
    }
  if (fields->secret_access_key == NULL || *fields->secret_access_key == '\0')
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET,
                           _("The text holds an access key ID but no secret access key."));
      return NULL;
    }
  if (fields->session_token != NULL && *fields->session_token == '\0')
    g_clear_pointer (&fields->session_token, g_free);

  self = sluice_aws_credentials_new (fields->access_key_id, fields->secret_access_key,
                                     fields->session_token);
  if (!sluice_aws_credentials_validate (self, error))
    return NULL;

  if (fields->expiration != NULL && *fields->expiration != '\0')
    {
      g_autoptr(GDateTime) when = parse_expiration (fields->expiration, error);

      if (when == NULL)
        return NULL;
      self->expiration = g_steal_pointer (&when);
      self->expiration_estimated = fields->has_estimated && fields->estimated;
    }
  else if (self->session_token != NULL)
    {
      /* data.all's JSON and its export lines say nothing of the expiry: STS's default. */
      if (fetched_at == NULL)
        fetched_at = now = g_date_time_new_now_utc ();
      self->expiration = g_date_time_add_seconds (fetched_at, SLUICE_AWS_CREDENTIALS_ESTIMATED_LIFETIME_SECONDS);
      self->expiration_estimated = TRUE;
    }

  set_string (&self->name, fields->name);
  if (is_account_id (fields->aws_account_id))
    set_string (&self->aws_account_id, fields->aws_account_id);
  set_string (&self->region, fields->region);
  set_string (&self->pipeline_uri, fields->pipeline_uri);
  set_string (&self->repository, fields->repository);
  set_string (&self->dataall_account, fields->dataall_account);

  return g_steal_pointer (&self);
}

static char *
strip_quotes (const char *value)
{
  gsize len = strlen (value);

  if (len >= 2 && (value[0] == '"' || value[0] == '\'') && value[len - 1] == value[0])
    return g_strndup (value + 1, len - 2);

  return g_strdup (value);
}

/* Splits text into lines, with any "\r" before a "\n" dropped. */
static GStrv
split_lines (const char *text,
             gssize      length)
{
  g_autofree char *copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
  GStrv lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
    }

  return lines;
}

/* "[name]" or "[profile name]": the profile's name, else %NULL. */
static char *
section_name (const char *line)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (line));
  gsize len = strlen (trimmed);
  char *inner;

  if (len < 2 || trimmed[0] != '[' || trimmed[len - 1] != ']')
    return NULL;

  trimmed[len - 1] = '\0';
  inner = g_strstrip (trimmed + 1);
  if (g_str_has_prefix (inner, "profile "))
    inner = g_strstrip (inner + strlen ("profile "));

  return g_strdup (inner);
}

/* "key = value": the lower-case key and the value, else FALSE (comments, blank lines). */
static gboolean
ini_key_value (const char  *line,
               char       **key,
               char       **value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (line));
  char *eq;

  if (*trimmed == '\0' || *trimmed == '#' || *trimmed == ';' || *trimmed == '[')
    return FALSE;
  eq = strchr (trimmed, '=');
  if (eq == NULL)
    return FALSE;
  *eq = '\0';
  *key = g_ascii_strdown (g_strstrip (trimmed), -1);
  *value = g_strdup (g_strstrip (eq + 1));

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_aws_credentials_finalize (GObject *object)
{
  SluiceAwsCredentials *self = (SluiceAwsCredentials *) object;

  /* Secrets should not linger in freed memory. */
  if (self->secret_access_key != NULL)
    memset (self->secret_access_key, 0, strlen (self->secret_access_key));
  if (self->session_token != NULL)
    memset (self->session_token, 0, strlen (self->session_token));

  g_clear_pointer (&self->access_key_id, g_free);
  g_clear_pointer (&self->secret_access_key, g_free);
  g_clear_pointer (&self->session_token, g_free);
  g_clear_pointer (&self->expiration, g_date_time_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->aws_account_id, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->pipeline_uri, g_free);
  g_clear_pointer (&self->repository, g_free);
  g_clear_pointer (&self->dataall_account, g_free);

  G_OBJECT_CLASS (sluice_aws_credentials_parent_class)->finalize (object);
}

static void
sluice_aws_credentials_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SluiceAwsCredentials *self = SLUICE_AWS_CREDENTIALS (object);

  switch (prop_id)
    {
    case PROP_ACCESS_KEY_ID:
      g_value_set_string (value, self->access_key_id);
      break;
    case PROP_SECRET_ACCESS_KEY:
      g_value_set_string (value, self->secret_access_key);
      break;
    case PROP_SESSION_TOKEN:
      g_value_set_string (value, self->session_token);
      break;
    case PROP_KIND:
      g_value_set_int (value, sluice_aws_credentials_get_kind (self));
      break;
    case PROP_EXPIRATION:
      g_value_set_boxed (value, self->expiration);
      break;
    case PROP_EXPIRATION_ESTIMATED:
      g_value_set_boolean (value, self->expiration_estimated);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_AWS_ACCOUNT_ID:
      g_value_set_string (value, self->aws_account_id);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_PIPELINE_URI:
      g_value_set_string (value, self->pipeline_uri);
      break;
    case PROP_REPOSITORY:
      g_value_set_string (value, self->repository);
      break;
    case PROP_DATAALL_ACCOUNT:
      g_value_set_string (value, self->dataall_account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_aws_credentials_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SluiceAwsCredentials *self = SLUICE_AWS_CREDENTIALS (object);

  switch (prop_id)
    {
    case PROP_ACCESS_KEY_ID:
      sluice_aws_credentials_set_access_key_id (self, g_value_get_string (value));
      break;
    case PROP_SECRET_ACCESS_KEY:
      sluice_aws_credentials_set_secret_access_key (self, g_value_get_string (value));
      break;
    case PROP_SESSION_TOKEN:
      sluice_aws_credentials_set_session_token (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      sluice_aws_credentials_set_name (self, g_value_get_string (value));
      break;
    case PROP_AWS_ACCOUNT_ID:
      sluice_aws_credentials_set_aws_account_id (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      sluice_aws_credentials_set_region (self, g_value_get_string (value));
      break;
    case PROP_PIPELINE_URI:
      sluice_aws_credentials_set_pipeline_uri (self, g_value_get_string (value));
      break;
    case PROP_REPOSITORY:
      sluice_aws_credentials_set_repository (self, g_value_get_string (value));
      break;
    case PROP_DATAALL_ACCOUNT:
      sluice_aws_credentials_set_dataall_account (self, g_value_get_string (value));
      break;
    case PROP_KIND:
    case PROP_EXPIRATION:
    case PROP_EXPIRATION_ESTIMATED:
    case PROP_0:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_aws_credentials_class_init (SluiceAwsCredentialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sluice_aws_credentials_finalize;
  object_class->get_property = sluice_aws_credentials_get_property;
  object_class->set_property = sluice_aws_credentials_set_property;

  properties[PROP_ACCESS_KEY_ID] = g_param_spec_string ("access-key-id", NULL, NULL, NULL, rw);
  properties[PROP_SECRET_ACCESS_KEY] = g_param_spec_string ("secret-access-key", NULL, NULL, NULL, rw);
  properties[PROP_SESSION_TOKEN] = g_param_spec_string ("session-token", NULL, NULL, NULL, rw);
  /* A SluiceAwsCredentialsKind. */
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL,
                                            SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM,
                                            SLUICE_AWS_CREDENTIALS_KIND_SESSION,
                                            SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM, ro);
  properties[PROP_EXPIRATION] = g_param_spec_boxed ("expiration", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_EXPIRATION_ESTIMATED] = g_param_spec_boolean ("expiration-estimated", NULL, NULL, FALSE, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_AWS_ACCOUNT_ID] = g_param_spec_string ("aws-account-id", NULL, NULL, NULL, rw);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, rw);
  properties[PROP_PIPELINE_URI] = g_param_spec_string ("pipeline-uri", NULL, NULL, NULL, rw);
  properties[PROP_REPOSITORY] = g_param_spec_string ("repository", NULL, NULL, NULL, rw);
  properties[PROP_DATAALL_ACCOUNT] = g_param_spec_string ("dataall-account", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_aws_credentials_init (SluiceAwsCredentials *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Public API: the object                                                                     */
/* ------------------------------------------------------------------------------------------ */

const char *
sluice_aws_credentials_kind_to_string (SluiceAwsCredentialsKind kind)
{
  switch (kind)
    {
    case SLUICE_AWS_CREDENTIALS_KIND_SESSION:
      return "session";
    case SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM:
    default:
      return "long-term";
    }
}

gboolean
sluice_aws_credentials_kind_from_string (const char               *str,
                                         SluiceAwsCredentialsKind *kind)
{
  if (g_strcmp0 (str, "session") == 0)
    *kind = SLUICE_AWS_CREDENTIALS_KIND_SESSION;
  else if (g_strcmp0 (str, "long-term") == 0)
    *kind = SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM;
  else
    return FALSE;
  return TRUE;
}

/**
 * sluice_aws_credentials_new:
 * @session_token: (nullable): the token of temporary credentials
 *
 * Creates credentials without checking them (see sluice_aws_credentials_validate()).
 *
 * Returns: (transfer full): new credentials
 */
SluiceAwsCredentials *
sluice_aws_credentials_new (const char *access_key_id,
                            const char *secret_access_key,
                            const char *session_token)
{
  return g_object_new (SLUICE_TYPE_AWS_CREDENTIALS,
                       "access-key-id", access_key_id,
                       "secret-access-key", secret_access_key,
                       "session-token", session_token,
                       NULL);
}

SluiceAwsCredentials *
sluice_aws_credentials_copy (SluiceAwsCredentials *self)
{
  SluiceAwsCredentials *copy;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), NULL);

  copy = sluice_aws_credentials_new (self->access_key_id, self->secret_access_key, self->session_token);
  sluice_aws_credentials_set_expiration (copy, self->expiration, self->expiration_estimated);
  set_string (&copy->name, self->name);
  set_string (&copy->aws_account_id, self->aws_account_id);
  set_string (&copy->region, self->region);
  set_string (&copy->pipeline_uri, self->pipeline_uri);
  set_string (&copy->repository, self->repository);
  set_string (&copy->dataall_account, self->dataall_account);

  return copy;
}

#define DEFINE_STRING_PROPERTY(field, PROP)                                          \
const char *                                                                         \
sluice_aws_credentials_get_##field (SluiceAwsCredentials *self)                      \
{                                                                                    \
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), NULL);                     \
  return self->field;                                                                \
}                                                                                    \
void                                                                                 \
sluice_aws_credentials_set_##field (SluiceAwsCredentials *self,                      \
                                    const char           *value)                     \
{                                                                                    \
  g_return_if_fail (SLUICE_IS_AWS_CREDENTIALS (self));                               \
  if (set_string (&self->field, value))                                              \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                    \
}

DEFINE_STRING_PROPERTY (access_key_id, PROP_ACCESS_KEY_ID)
DEFINE_STRING_PROPERTY (secret_access_key, PROP_SECRET_ACCESS_KEY)
DEFINE_STRING_PROPERTY (name, PROP_NAME)
DEFINE_STRING_PROPERTY (aws_account_id, PROP_AWS_ACCOUNT_ID)
DEFINE_STRING_PROPERTY (region, PROP_REGION)
DEFINE_STRING_PROPERTY (pipeline_uri, PROP_PIPELINE_URI)
DEFINE_STRING_PROPERTY (repository, PROP_REPOSITORY)
DEFINE_STRING_PROPERTY (dataall_account, PROP_DATAALL_ACCOUNT)

const char *
sluice_aws_credentials_get_session_token (SluiceAwsCredentials *self)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), NULL);

  return self->session_token;
}

void
sluice_aws_credentials_set_session_token (SluiceAwsCredentials *self,
                                          const char           *session_token)
{
  SluiceAwsCredentialsKind kind;

  g_return_if_fail (SLUICE_IS_AWS_CREDENTIALS (self));

  kind = sluice_aws_credentials_get_kind (self);
  if (!set_string (&self->session_token, session_token))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_TOKEN]);
  if (kind != sluice_aws_credentials_get_kind (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * sluice_aws_credentials_get_kind:
 *
 * Returns: session credentials (with a token) or long-term ones (without)
 */
SluiceAwsCredentialsKind
sluice_aws_credentials_get_kind (SluiceAwsCredentials *self)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM);

  return self->session_token != NULL ? SLUICE_AWS_CREDENTIALS_KIND_SESSION
                                     : SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM;
}

/**
 * sluice_aws_credentials_get_expiration:
 *
 * Returns: (transfer none) (nullable): when the credentials expire; %NULL for long-term keys
 */
GDateTime *
sluice_aws_credentials_get_expiration (SluiceAwsCredentials *self)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), NULL);

  return self->expiration;
}

/**
 * sluice_aws_credentials_get_expiration_estimated:
 *
 * Returns: %TRUE when the expiry is Sluice's estimate (one hour from the fetch, STS's
 *   default), because the source (data.all) did not say; the UI should say "about"
 */
gboolean
sluice_aws_credentials_get_expiration_estimated (SluiceAwsCredentials *self)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), FALSE);

  return self->expiration_estimated;
}

void
sluice_aws_credentials_set_expiration (SluiceAwsCredentials *self,
                                       GDateTime            *expiration,
                                       gboolean              estimated)
{
  g_return_if_fail (SLUICE_IS_AWS_CREDENTIALS (self));

  estimated = expiration != NULL && estimated;
  if (self->expiration != expiration &&
      (self->expiration == NULL || expiration == NULL || !g_date_time_equal (self->expiration, expiration)))
    {
      g_clear_pointer (&self->expiration, g_date_time_unref);
      if (expiration != NULL)
        self->expiration = g_date_time_ref (expiration);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRATION]);
    }
  if (self->expiration_estimated != estimated)
    {
      self->expiration_estimated = estimated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRATION_ESTIMATED]);
    }
}

/**
 * sluice_aws_credentials_get_seconds_left:
 * @now: (nullable): the time to count from; %NULL for now
 *
 * Returns: seconds until expiry (0 or less once expired), or %G_MAXINT64 without expiry
 */
gint64
sluice_aws_credentials_get_seconds_left (SluiceAwsCredentials *self,
                                         GDateTime            *now)
{
  g_autoptr(GDateTime) current = NULL;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), 0);

  if (self->expiration == NULL)
    return G_MAXINT64;
  if (now == NULL)
    now = current = g_date_time_new_now_utc ();

  return g_date_time_difference (self->expiration, now) / G_TIME_SPAN_SECOND;
}

gboolean
sluice_aws_credentials_is_expired (SluiceAwsCredentials *self,
                                   GDateTime            *now)
{
  return sluice_aws_credentials_get_seconds_left (self, now) <= 0;
}

/**
 * sluice_aws_credentials_validate:
 *
 * Returns: %TRUE if the key id, secret and token (if any) look like AWS's
 */
gboolean
sluice_aws_credentials_validate (SluiceAwsCredentials  *self,
                                 GError               **error)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), FALSE);

  return sluice_aws_credentials_check_access_key_id (self->access_key_id, error) &&
         sluice_aws_credentials_check_secret_access_key (self->secret_access_key, error) &&
         (self->session_token == NULL ||
          sluice_aws_credentials_check_session_token (self->session_token, error));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API: checks                                                                         */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_aws_credentials_check_access_key_id:
 *
 * An access key ID has 16 to 128 capital letters and digits (AWS's are 20, starting with
 * AKIA for long-term keys and ASIA for temporary ones).
 */
gboolean
sluice_aws_credentials_check_access_key_id (const char  *access_key_id,
                                            GError     **error)
{
  gsize len;

  if (access_key_id == NULL || *access_key_id == '\0')
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID,
                           _("Enter an access key ID."));
      return FALSE;
    }
  for (const char *p = access_key_id; *p != '\0'; p++)
    {
      if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
        {
          g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID,
                               _("An access key ID has only capital letters and digits, like AKIAIOSFODNN7EXAMPLE."));
          return FALSE;
        }
    }
  len = strlen (access_key_id);
  if (len < 16 || len > 128)
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID,
                           _("An access key ID is 20 characters long, like AKIAIOSFODNN7EXAMPLE."));
      return FALSE;
    }

  return TRUE;
}

/**
 * sluice_aws_credentials_check_secret_access_key:
 *
 * A secret access key has 40 letters, digits, "+" and "/".
 */
gboolean
sluice_aws_credentials_check_secret_access_key (const char  *secret_access_key,
                                                GError     **error)
{
  if (secret_access_key == NULL || *secret_access_key == '\0')
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET,
                           _("Enter a secret access key."));
      return FALSE;
    }
  for (const char *p = secret_access_key; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/')
        {
          g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_SECRET,
                               _("A secret access key has only letters, digits, “+” and “/”."));
          return FALSE;
        }
    }
  if (strlen (secret_access_key) != 40)
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_SECRET,
                           _("A secret access key is exactly 40 characters long."));
      return FALSE;
    }

  return TRUE;
}

gboolean
sluice_aws_credentials_check_session_token (const char  *session_token,
                                            GError     **error)
{
  if (session_token == NULL || *session_token == '\0')
    return TRUE;

  for (const char *p = session_token; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
        {
          g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_TOKEN,
                               _("A session token has only letters, digits, “+”, “/” and “=”."));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
sluice_aws_credentials_check_profile_name (const char  *profile,
                                           GError     **error)
{
  gboolean ok = profile != NULL && *profile != '\0' &&
                !g_ascii_isspace (profile[0]) && !g_ascii_isspace (profile[strlen (profile) - 1]) &&
                g_utf8_validate (profile, -1, NULL);

  for (const char *p = profile; ok && *p != '\0'; p++)
    ok = *p != '[' && *p != ']' && *p != '\n' && *p != '\r' && *p != '#' && *p != ';' && *p != '=';

  if (!ok)
    g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_PROFILE_NAME,
                         _("A profile name cannot be empty, start or end with a space, or contain brackets, “#”, “;”, “=” or line breaks."));

  return ok;
}

/**
 * sluice_aws_credentials_mask:
 * @secret: (nullable): a secret
 *
 * Returns: (transfer full): the secret with all but its last four characters hidden
 */
char *
sluice_aws_credentials_mask (const char *secret)
{
  gsize len = secret != NULL ? strlen (secret) : 0;

  if (len <= 8)
    return g_strdup ("••••••••");

  return g_strconcat ("••••••••", secret + len - 4, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API: parsing                                                                        */
/* ------------------------------------------------------------------------------------------ */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
copy_member (JsonObject  *object,
             const char  *name,
             char       **field)
{
  const char *value = member_string (object, name);

  if (value != NULL && *field == NULL)
    *field = g_strdup (value);
}

/**
 * sluice_aws_credentials_parse_json_object:
 * @format: (out) (optional): which spelling it was
 *
 * Reads data.all's pipeline spelling (`AWS_ACCESS_KEY_ID`...), its environment and dataset
 * spelling (`AccessKey`, `SessionKey`, `sessionToken`), STS's and credential_process's
 * (`AccessKeyId`..., `Expiration`, also inside `Credentials` as STS answers) and Sluice's own.
 */
SluiceAwsCredentials *
sluice_aws_credentials_parse_json_object (JsonObject                  *object,
                                          GDateTime                   *fetched_at,
                                          SluiceAwsCredentialsFormat  *format,
                                          GError                     **error)
{
  g_auto(Fields) fields = { 0 };
  SluiceAwsCredentialsFormat found;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);

  node = json_object_get_member (object, "Credentials");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *user = NULL;
      const char *arn = NULL;

      /* A whole STS answer: the account is in the assumed role's ARN. */
      node = json_object_get_member (object, "AssumedRoleUser");
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        user = json_node_get_object (node);
      if (user != NULL)
        arn = member_string (user, "Arn");
      if (arn != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (arn, ":", 6);

          if (g_strv_length (parts) >= 5)
            fields.aws_account_id = g_strdup (parts[4]);
        }
      object = json_node_get_object (json_object_get_member (object, "Credentials"));
    }

  if (json_object_has_member (object, "AWS_ACCESS_KEY_ID"))
    {
      found = SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_PIPELINE;
      copy_member (object, "AWS_ACCESS_KEY_ID", &fields.access_key_id);
      copy_member (object, "AWS_SECRET_ACCESS_KEY", &fields.secret_access_key);
      copy_member (object, "AWS_SESSION_TOKEN", &fields.session_token);
      copy_member (object, "AWS_CREDENTIAL_EXPIRATION", &fields.expiration);
      copy_member (object, "AWS_DEFAULT_REGION", &fields.region);
      copy_member (object, "AWS_REGION", &fields.region);
    }
  else if (json_object_has_member (object, "AccessKey"))
    {
      found = SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_ENVIRONMENT;
      copy_member (object, "AccessKey", &fields.access_key_id);
      copy_member (object, "SessionKey", &fields.secret_access_key);
      copy_member (object, "SecretKey", &fields.secret_access_key);
      copy_member (object, "sessionToken", &fields.session_token);
      copy_member (object, "SessionToken", &fields.session_token);
    }
  else if (json_object_has_member (object, "AccessKeyId"))
    {
      node = json_object_get_member (object, "SluiceVersion");
      found = node != NULL ? SLUICE_AWS_CREDENTIALS_FORMAT_SLUICE : SLUICE_AWS_CREDENTIALS_FORMAT_STS;
      copy_member (object, "AccessKeyId", &fields.access_key_id);
      copy_member (object, "SecretAccessKey", &fields.secret_access_key);
      copy_member (object, "SessionToken", &fields.session_token);
      copy_member (object, "Expiration", &fields.expiration);
      copy_member (object, "AccountId", &fields.aws_account_id);
      node = json_object_get_member (object, "Expiration");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE))
        {
          /* Seconds since the epoch, as some tools write it. */
          gdouble seconds = json_node_get_double (node);
          g_autoptr(GDateTime) when = NULL;

          if (seconds > 0 && seconds < 1e11)
            when = g_date_time_new_from_unix_utc ((gint64) seconds);
          if (when != NULL)
            fields.expiration = format_expiration (when);
        }
      node = json_object_get_member (object, "ExpirationEstimated");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        {
          fields.has_estimated = TRUE;
          fields.estimated = json_node_get_boolean (node);
        }
      copy_member (object, "Name", &fields.name);
      copy_member (object, "AwsAccountId", &fields.aws_account_id);
      copy_member (object, "Region", &fields.region);
      copy_member (object, "PipelineUri", &fields.pipeline_uri);
      copy_member (object, "Repository", &fields.repository);
      copy_member (object, "DataallAccount", &fields.dataall_account);
    }
  else
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID,
                           _("The JSON holds no AWS access key: Sluice looks for AWS_ACCESS_KEY_ID, AccessKey or AccessKeyId."));
      return NULL;
    }

  if (format != NULL)
    *format = found;

  return build (&fields, fetched_at, error);
}

static const char *
skip_json_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static const char *
skip_json_string (const char *p)
{
  /* At the opening quote; returns past the closing one, or at the end of the text. */
  for (p++; *p != '\0' && *p != '"'; p++)
    if (*p == '\\' && p[1] != '\0')
      p++;
  return *p == '"' ? p + 1 : p;
}

/* Whether @text holds one object, array or string and nothing after it. json-glib 1.6 reads
 * values written one after another and leaks all but the last, so such text never reaches it;
 * an unfinished value does, for json-glib's own error message. */
static gboolean
is_single_json_value (const char *text)
{
  const char *p = skip_json_space (text);
  int depth = 0;

  if (*p == '"')
    p = skip_json_string (p);
  else if (*p == '{' || *p == '[')
    {
      while (*p != '\0')
        {
          if (*p == '"')
            {
              p = skip_json_string (p);
              continue;
            }
          if (*p == '{' || *p == '[')
            depth++;
          else if ((*p == '}' || *p == ']') && --depth == 0)
            {
              p++;
              break;
            }
          p++;
        }
    }
  else
    return FALSE;

  return *skip_json_space (p) == '\0';
}

static SluiceAwsCredentials *
parse_json (const char                  *text,
            gssize                       length,
            GDateTime                   *fetched_at,
            SluiceAwsCredentialsFormat  *format,
            guint                        depth,
            GError                     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
  JsonNode *root;

  if (!is_single_json_value (copy))
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_INVALID,
                           _("The text is not one JSON object with AWS credentials."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, copy, -1, &local_error))
    {
      g_set_error (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_INVALID,
                   _("The text looks like JSON but is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  /* data.all answers with a JSON string that holds the JSON object. */
  if (root != NULL && depth == 0 && JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_STRING)
    return parse_json (json_node_get_string (root), -1, fetched_at, format, depth + 1, error);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_INVALID,
                           _("The JSON is not an object with AWS credentials."));
      return NULL;
    }

  return sluice_aws_credentials_parse_json_object (json_node_get_object (root), fetched_at, format, error);
}

static SluiceAwsCredentials *
parse_export_lines (const char  *text,
                    gssize       length,
                    GDateTime   *fetched_at,
                    GError     **error)
{
  g_auto(GStrv) lines = split_lines (text, length);
  g_auto(Fields) fields = { 0 };
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *value = NULL;
      const char *name = line;
      char *eq;

      if (*line == '\0' || *line == '#')
        continue;
      if (g_str_has_prefix (name, "export ") || g_str_has_prefix (name, "export\t"))
        name = g_strchug (line + strlen ("export"));
      else if (g_str_has_prefix (name, "set ") || g_str_has_prefix (name, "setx "))
        name = g_strchug (strchr (line, ' '));

      eq = strchr (name, '=');
      if (eq == NULL)
        continue;
      *eq = '\0';
      g_strchomp ((char *) name);
      value = strip_quotes (g_strstrip (eq + 1));

      if (g_str_equal (name, "AWS_ACCESS_KEY_ID"))
        set_field (&fields.access_key_id, value);
      else if (g_str_equal (name, "AWS_SECRET_ACCESS_KEY"))
        set_field (&fields.secret_access_key, value);
      else if (g_str_equal (name, "AWS_SESSION_TOKEN") || g_str_equal (name, "AWS_SECURITY_TOKEN"))
        set_field (&fields.session_token, value);
      else if (g_str_equal (name, "AWS_CREDENTIAL_EXPIRATION") || g_str_equal (name, "AWS_SESSION_EXPIRATION"))
        set_field (&fields.expiration, value);
      else if (g_str_equal (name, "AWS_DEFAULT_REGION") || g_str_equal (name, "AWS_REGION"))
        set_field (&fields.region, value);
      else if (g_str_equal (name, "AWS_ACCOUNT_ID"))
        set_field (&fields.aws_account_id, value);
      else
        continue;
      any = TRUE;
    }

  if (!any)
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_INVALID,
                           _("Sluice does not recognise these credentials. Paste data.all’s JSON, “export AWS_ACCESS_KEY_ID=…” lines or a section of ~/.aws/credentials."));
      return NULL;
    }

  return build (&fields, fetched_at, error);
}

/**
 * sluice_aws_credentials_list_ini_profiles:
 *
 * Returns: (transfer full): the names of the sections of a ~/.aws/credentials (or config) file
 */
GStrv
sluice_aws_credentials_list_ini_profiles (const char *text,
                                          gssize      length)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (text == NULL)
    return g_strv_builder_end (builder);

  lines = split_lines (text, length);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = section_name (lines[i]);

      if (name != NULL && *name != '\0')
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/**
 * sluice_aws_credentials_parse_ini:
 * @profile: (nullable): the section to read; %NULL for "default", else the first with a key
 *
 * Reads one profile of a ~/.aws/credentials file; the profile's name becomes the name.
 */
SluiceAwsCredentials *
sluice_aws_credentials_parse_ini (const char  *text,
                                  gssize       length,
                                  const char  *profile,
                                  GDateTime   *fetched_at,
                                  GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_auto(Fields) fields = { 0 };
  g_autofree char *wanted = NULL;
  g_autofree char *current = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (profile == NULL)
    {
      g_auto(GStrv) names = sluice_aws_credentials_list_ini_profiles (text, length);

      if (g_strv_contains ((const char * const *) names, "default"))
        wanted = g_strdup ("default");
    }
  else
    wanted = g_strdup (profile);

  lines = split_lines (text, length);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = section_name (lines[i]);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (name != NULL)
        {
          /* Without a profile asked for, the first section with a key is the one. */
          if (found && (wanted != NULL || fields.access_key_id != NULL))
            break;
          g_free (current);
          current = g_steal_pointer (&name);
          found = wanted == NULL || g_str_equal (current, wanted);
          if (found)
            fields_clear (&fields);
          continue;
        }
      if (!found || !ini_key_value (lines[i], &key, &value))
        continue;

      if (g_str_equal (key, "aws_access_key_id"))
        set_field (&fields.access_key_id, value);
      else if (g_str_equal (key, "aws_secret_access_key"))
        set_field (&fields.secret_access_key, value);
      else if (g_str_equal (key, "aws_session_token") || g_str_equal (key, "aws_security_token"))
        set_field (&fields.session_token, value);
      else if (g_str_equal (key, "region"))
        set_field (&fields.region, value);
      else if (g_str_equal (key, "aws_account_id"))
        set_field (&fields.aws_account_id, value);
      else if (g_str_equal (key, "aws_credential_expiration") || g_str_equal (key, "x_security_token_expires"))
        set_field (&fields.expiration, value);
    }

  if (!found)
    {
      if (wanted != NULL)
        g_set_error (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_PROFILE_NOT_FOUND,
                     _("There is no profile “%s” in the credentials file."), wanted);
      else
        g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_PROFILE_NOT_FOUND,
                             _("The credentials file holds no profile."));
      return NULL;
    }

  set_field (&fields.name, current);

  return build (&fields, fetched_at, error);
}

static gboolean
looks_like_ini (const char *text,
                gssize      length)
{
  g_auto(GStrv) names = sluice_aws_credentials_list_ini_profiles (text, length);

  return names[0] != NULL;
}

/**
 * sluice_aws_credentials_parse:
 * @text: what the user pasted or a file's contents (UTF-8)
 * @length: its length, or -1 if nul-terminated
 * @fetched_at: (nullable): when the credentials were issued, for the estimated expiry of
 *   data.all's; %NULL for now
 * @format: (out) (optional): which spelling @text used
 *
 * Reads AWS credentials in any spelling people paste: data.all's JSON (pipeline, environment,
 * dataset; also as a JSON string), STS and credential_process JSON, `export AWS_...=` lines
 * (quotes optional) and a ~/.aws/credentials section (the "default" one or the first). The key
 * id, secret and token are checked.
 *
 * Returns: (transfer full): the credentials, or %NULL with @error set
 */
SluiceAwsCredentials *
sluice_aws_credentials_parse (const char                  *text,
                              gssize                       length,
                              GDateTime                   *fetched_at,
                              SluiceAwsCredentialsFormat  *format,
                              GError                     **error)
{
  g_autofree char *copy = NULL;
  const char *start;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_INVALID,
                           _("The text is not valid UTF-8."));
      return NULL;
    }

  start = copy;
  if (g_str_has_prefix (start, "\xef\xbb\xbf"))
    start += 3;
  while (g_ascii_isspace (*start))
    start++;

  if (*start == '{' || *start == '"')
    return parse_json (start, -1, fetched_at, format, 0, error);
  if (*start == '[')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      /* A JSON array, not an INI section. */
      if (is_single_json_value (start) && json_parser_load_from_data (parser, start, -1, NULL))
        return parse_json (start, -1, fetched_at, format, 0, error);
    }

  if (looks_like_ini (start, -1))
    {
      if (format != NULL)
        *format = SLUICE_AWS_CREDENTIALS_FORMAT_INI;
      return sluice_aws_credentials_parse_ini (start, -1, NULL, fetched_at, error);
    }

  if (format != NULL)
    *format = SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT;

  return parse_export_lines (start, -1, fetched_at, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API: export                                                                         */
/* ------------------------------------------------------------------------------------------ */

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * sluice_aws_credentials_to_json:
 *
 * Everything, secret included, as JSON: what the keyring keeps as the secret.
 *
 * Returns: (transfer full): JSON that sluice_aws_credentials_from_json() reads back
 */
char *
sluice_aws_credentials_to_json (SluiceAwsCredentials *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "SluiceVersion");
  json_builder_add_int_value (builder, 1);
  add_string_member (builder, "AccessKeyId", self->access_key_id);
  add_string_member (builder, "SecretAccessKey", self->secret_access_key);
  add_string_member (builder, "SessionToken", self->session_token);
  if (self->expiration != NULL)
    {
      g_autofree char *expiration = format_expiration (self->expiration);

      add_string_member (builder, "Expiration", expiration);
      json_builder_set_member_name (builder, "ExpirationEstimated");
      json_builder_add_boolean_value (builder, self->expiration_estimated);
    }
  add_string_member (builder, "Name", self->name);
  add_string_member (builder, "AwsAccountId", self->aws_account_id);
  add_string_member (builder, "Region", self->region);
  add_string_member (builder, "PipelineUri", self->pipeline_uri);
  add_string_member (builder, "Repository", self->repository);
  add_string_member (builder, "DataallAccount", self->dataall_account);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

SluiceAwsCredentials *
sluice_aws_credentials_from_json (const char  *json,
                                  GError     **error)
{
  g_return_val_if_fail (json != NULL, NULL);

  return parse_json (json, -1, NULL, NULL, 1, error);
}

/**
 * sluice_aws_credentials_to_export_lines:
 *
 * Returns: (transfer full): `export AWS_ACCESS_KEY_ID="…"` lines for a POSIX shell
 */
char *
sluice_aws_credentials_to_export_lines (SluiceAwsCredentials *self)
{
  GString *out;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "export AWS_ACCESS_KEY_ID=\"%s\"\n", self->access_key_id);
  g_string_append_printf (out, "export AWS_SECRET_ACCESS_KEY=\"%s\"\n", self->secret_access_key);
  if (self->session_token != NULL)
    g_string_append_printf (out, "export AWS_SESSION_TOKEN=\"%s\"\n", self->session_token);
  if (self->expiration != NULL && !self->expiration_estimated)
    {
      g_autofree char *expiration = format_expiration (self->expiration);

      g_string_append_printf (out, "export AWS_CREDENTIAL_EXPIRATION=\"%s\"\n", expiration);
    }
  if (self->region != NULL)
    g_string_append_printf (out, "export AWS_DEFAULT_REGION=\"%s\"\n", self->region);

  return g_string_free (out, FALSE);
}

/**
 * sluice_aws_credentials_to_credential_process_json:
 *
 * Returns: (transfer full): the JSON an AWS `credential_process` prints (Version 1)
 */
char *
sluice_aws_credentials_to_credential_process_json (SluiceAwsCredentials *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Version");
  json_builder_add_int_value (builder, 1);
  add_string_member (builder, "AccessKeyId", self->access_key_id);
  add_string_member (builder, "SecretAccessKey", self->secret_access_key);
  add_string_member (builder, "SessionToken", self->session_token);
  if (self->expiration != NULL)
    {
      g_autofree char *expiration = format_expiration (self->expiration);

      add_string_member (builder, "Expiration", expiration);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}

/**
 * sluice_aws_credentials_update_ini:
 * @existing: (nullable): the credentials file as it is
 * @profile: the profile to write
 *
 * Writes the credentials into @profile of a credentials file: in place when the profile
 * exists (its other keys and comments kept, an old session token removed from long-term
 * keys), else as a new section at the end. Other profiles and comments are left as they are.
 *
 * Returns: (transfer full): the new file contents
 */
char *
sluice_aws_credentials_update_ini (SluiceAwsCredentials *self,
                                   const char           *existing,
                                   const char           *profile)
{
  static const char * const managed[] = {
    "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "aws_security_token", "region",
  };
  const char *values[G_N_ELEMENTS (managed)];
  gboolean written[G_N_ELEMENTS (managed)] = { FALSE, };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  guint n_lines, start = G_MAXUINT, end;
  GString *result;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  values[0] = self->access_key_id;
  values[1] = self->secret_access_key;
  values[2] = self->session_token;
  values[3] = NULL;  /* the old name of the token: dropped, or it would shadow nothing */
  values[4] = self->region;

  lines = split_lines (existing != NULL ? existing : "", -1);
  n_lines = g_strv_length (lines);
  /* A final newline gives an empty last "line" that is not one. */
  if (n_lines > 0 && *lines[n_lines - 1] == '\0')
    n_lines--;

  for (guint i = 0; i < n_lines && start == G_MAXUINT; i++)
    {
      g_autofree char *name = section_name (lines[i]);

      if (name != NULL && g_str_equal (name, profile))
        start = i;
    }

  if (start == G_MAXUINT)
    {
      for (guint i = 0; i < n_lines; i++)
        g_ptr_array_add (out, g_strdup (lines[i]));
      if (out->len > 0 && *(const char *) g_ptr_array_index (out, out->len - 1) != '\0')
        g_ptr_array_add (out, g_strdup (""));
      g_ptr_array_add (out, g_strdup_printf ("[%s]", profile));
      for (guint k = 0; k < G_N_ELEMENTS (managed); k++)
        if (values[k] != NULL)
          g_ptr_array_add (out, g_strdup_printf ("%s = %s", managed[k], values[k]));
    }
  else
    {
      guint insert_at;

      for (end = start + 1; end < n_lines; end++)
        {
          g_autofree char *name = section_name (lines[end]);

          if (name != NULL)
            break;
        }

      for (guint i = 0; i <= start; i++)
        g_ptr_array_add (out, g_strdup (lines[i]));
      insert_at = out->len;
      for (guint i = start + 1; i < end; i++)
        {
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;
          gboolean handled = FALSE;
          gboolean emitted = FALSE;

          if (ini_key_value (lines[i], &key, &value))
            {
              for (guint k = 0; k < G_N_ELEMENTS (managed); k++)
                {
                  if (!g_str_equal (key, managed[k]))
                    continue;
                  /* The region is ours to set, not to remove. */
                  if (k == 4 && values[k] == NULL)
                    break;
                  handled = TRUE;
                  if (values[k] != NULL && !written[k])
                    {
                      g_ptr_array_add (out, g_strdup_printf ("%s = %s", managed[k], values[k]));
                      written[k] = TRUE;
                      emitted = TRUE;
                    }
                  break;
                }
            }
          if (!handled)
            {
              g_autofree char *trimmed = g_strstrip (g_strdup (lines[i]));

              g_ptr_array_add (out, g_strdup (lines[i]));
              emitted = *trimmed != '\0';
            }
          /* New keys go after the section's last line, before the blank lines. */
          if (emitted)
            insert_at = out->len;
        }
      for (guint k = 0; k < G_N_ELEMENTS (managed); k++)
        {
          if (values[k] != NULL && !written[k])
            {
              g_ptr_array_insert (out, insert_at++, g_strdup_printf ("%s = %s", managed[k], values[k]));
              written[k] = TRUE;
            }
        }
      for (guint i = end; i < n_lines; i++)
        g_ptr_array_add (out, g_strdup (lines[i]));
    }

  result = g_string_new (NULL);
  for (guint i = 0; i < out->len; i++)
    {
      g_string_append (result, g_ptr_array_index (out, i));
      g_string_append_c (result, '\n');
    }

  return g_string_free (result, FALSE);
}

/**
 * sluice_aws_credentials_get_default_file:
 *
 * Returns: (transfer full): `$AWS_SHARED_CREDENTIALS_FILE`, else ~/.aws/credentials
 */
GFile *
sluice_aws_credentials_get_default_file (void)
{
  const char *path = g_getenv ("AWS_SHARED_CREDENTIALS_FILE");

  if (path != NULL && *path != '\0')
    return g_file_new_for_path (path);

  return g_file_new_build_filename (g_get_home_dir (), ".aws", "credentials", NULL);
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         len,
           GError      **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not write the credentials file: %s"), g_strerror (saved));
          return FALSE;
        }
      data += n;
      len -= n;
    }

  return TRUE;
}

/**
 * sluice_aws_credentials_write_profile:
 * @file: (nullable): the credentials file; %NULL for sluice_aws_credentials_get_default_file()
 * @profile: the profile to write
 *
 * Writes the credentials into @profile of @file (see sluice_aws_credentials_update_ini()),
 * atomically (a temporary file renamed over the old one) and readable by the user only
 * (mode 0600; its folder 0700 when created). Ask the user first: this changes a file other
 * programs use.
 *
 * Returns: %TRUE once written
 */
gboolean
sluice_aws_credentials_write_profile (SluiceAwsCredentials  *self,
                                      GFile                 *file,
                                      const char            *profile,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  g_autoptr(GFile) default_file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *parent_path = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *tmp_path = NULL;
  int fd;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!sluice_aws_credentials_check_profile_name (profile, error) ||
      !sluice_aws_credentials_validate (self, error))
    return FALSE;

  if (file == NULL)
    file = default_file = sluice_aws_credentials_get_default_file ();
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The credentials file must be a local file."));
      return FALSE;
    }

  if (!g_file_load_contents (file, cancellable, &existing, NULL, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not read the credentials file: "));
          return FALSE;
        }
      g_clear_error (&local_error);
    }
  if (existing != NULL && !g_utf8_validate (existing, -1, NULL))
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_INVALID,
                           _("The credentials file is not valid UTF-8; Sluice leaves it alone."));
      return FALSE;
    }

  contents = sluice_aws_credentials_update_ini (self, existing, profile);

  parent = g_file_get_parent (file);
  parent_path = parent != NULL ? g_file_get_path (parent) : NULL;
  if (parent_path != NULL && g_mkdir_with_parents (parent_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder for the credentials file: %s"), g_strerror (saved));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the credentials file: %s"), g_strerror (saved));
      return FALSE;
    }
  if (fchmod (fd, 0600) != 0 ||
      !write_all (fd, contents, strlen (contents), error) ||
      fsync (fd) != 0)
    {
      int saved = errno;

      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("Could not write the credentials file: %s"), g_strerror (saved));
      close (fd);
      g_unlink (tmp_path);
      return FALSE;
    }
  close (fd);

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the credentials file: %s"), g_strerror (saved));
      return FALSE;
    }

  memset (contents, 0, strlen (contents));

  return TRUE;
}

typedef struct
{
  SluiceAwsCredentials *credentials;  /* a copy: the worker never touches the caller's object */
  GFile                *file;
  char                 *profile;
} WriteProfile;

static void
write_profile_free (gpointer data)
{
  WriteProfile *write = data;

  g_clear_object (&write->credentials);
  g_clear_object (&write->file);
  g_free (write->profile);
  g_free (write);
}

static void
write_profile_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  WriteProfile *write = task_data;
  GError *error = NULL;

  if (sluice_aws_credentials_write_profile (write->credentials, write->file, write->profile, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sluice_aws_credentials_write_profile_async:
 * @file: (nullable): the credentials file; %NULL for sluice_aws_credentials_get_default_file()
 * @profile: the profile to write
 *
 * sluice_aws_credentials_write_profile() on a worker thread, with a copy of the credentials
 * taken now: later changes to @self are not written.
 */
void
sluice_aws_credentials_write_profile_async (SluiceAwsCredentials *self,
                                            GFile                *file,
                                            const char           *profile,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteProfile *write;

  g_return_if_fail (SLUICE_IS_AWS_CREDENTIALS (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (profile != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  write = g_new0 (WriteProfile, 1);
  write->credentials = sluice_aws_credentials_copy (self);
  write->file = file != NULL ? g_object_ref (file) : sluice_aws_credentials_get_default_file ();
  write->profile = g_strdup (profile);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_aws_credentials_write_profile_async);
  g_task_set_task_data (task, write, write_profile_free);
  g_task_run_in_thread (task, write_profile_thread);
}

/**
 * sluice_aws_credentials_write_profile_finish:
 *
 * Returns: %TRUE once written; %FALSE with @error set otherwise
 */
gboolean
sluice_aws_credentials_write_profile_finish (SluiceAwsCredentials  *self,
                                             GAsyncResult          *result,
                                             GError               **error)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_aws_credentials_write_profile_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* sluice-test-emulator.c: start a local data.all emulator for a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-test-emulator"

#include "sluice-test-emulator.h"

#include "sluice-account.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>

#ifdef __linux__
#include <sys/prctl.h>
#endif

#define START_TIMEOUT_SECONDS 30
#define STOP_TIMEOUT_SECONDS 10

struct _SluiceTestEmulator
{
  GSubprocess      *process;
  GDataInputStream *stdout_stream;
  char             *info_json;
  char             *url;
  char             *graphql;
  char             *oauth;
  char             *client_id;
  char             *codecommit;
  char             *codepipeline;
  GStrv             users;
};

typedef struct
{
  GCancellable *cancellable;
  gboolean      done;
  gboolean      timed_out;
  GAsyncResult *result;
} Waiter;

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Waiter *waiter = user_data;

  (void) source;
  waiter->result = g_object_ref (result);
  waiter->done = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Waiter *waiter = user_data;

  waiter->timed_out = TRUE;
  g_cancellable_cancel (waiter->cancellable);
  return G_SOURCE_REMOVE;
}

/* Iterates @context until the pending async call finishes, cancelling it after @seconds;
 * the caller then finishes the call with waiter->result. */
static void
wait_for (GMainContext *context,
          Waiter       *waiter,
          guint         seconds)
{
  g_autoptr(GSource) timeout = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (timeout, timeout_cb, waiter, NULL);
  g_source_attach (timeout, context);
  while (!waiter->done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
}

#ifdef __linux__
static void
child_setup_cb (gpointer user_data)
{
  (void) user_data;
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}
#endif

static char *
dup_member (JsonObject  *object,
            const char  *name,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "emulator line has no string \"%s\"", name);
      return NULL;
    }
  return g_strdup (json_node_get_string (node));
}

static gboolean
parse_info (SluiceTestEmulator  *self,
            GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonArray *users;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!json_parser_load_from_data (parser, self->info_json, -1, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "emulator line is not a JSON object: %s", self->info_json);
      return FALSE;
    }
  object = json_node_get_object (root);
  if (!(self->url = dup_member (object, "url", error)) ||
      !(self->graphql = dup_member (object, "graphql", error)) ||
      !(self->oauth = dup_member (object, "oauth", error)) ||
      !(self->client_id = dup_member (object, "client_id", error)) ||
      !(self->codecommit = dup_member (object, "codecommit", error)) ||
      !(self->codepipeline = dup_member (object, "codepipeline", error)))
    return FALSE;

  if (!json_object_has_member (object, "users") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "users")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "emulator line has no \"users\" array");
      return FALSE;
    }
  users = json_object_get_array_member (object, "users");
  for (guint i = 0; i < json_array_get_length (users); i++)
    g_strv_builder_add (builder, json_array_get_string_element (users, i));
  self->users = g_strv_builder_end (builder);
  return TRUE;
}

static void
sluice_test_emulator_free (SluiceTestEmulator *self)
{
  g_clear_object (&self->stdout_stream);
  g_clear_object (&self->process);
  g_free (self->info_json);
  g_free (self->url);
  g_free (self->graphql);
  g_free (self->oauth);
  g_free (self->client_id);
  g_free (self->codecommit);
  g_free (self->codepipeline);
  g_strfreev (self->users);
  g_free (self);
}

/**
 * sluice_test_emulator_start:
 * @extra_args: (nullable): more arguments for the emulator, %NULL-terminated
 *   (e.g. "--seed", "empty"); `--port 0` is added unless they name a port
 * @error: return location for a #GError
 *
 * Spawns an emulator and reads the JSON line it prints once it listens.
 *
 * Returns: (transfer full): the running emulator, or %NULL with @error set
 */
SluiceTestEmulator *
sluice_test_emulator_start (const char * const  *extra_args,
                            GError             **error)
{
  g_autoptr(SluiceTestEmulator) self = g_new0 (SluiceTestEmulator, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  Waiter waiter = { .cancellable = cancellable };
  const char *path = g_getenv ("SLUICE_EMULATOR");
  gboolean has_port = FALSE;
  gsize length = 0;

#ifdef SLUICE_EMULATOR_PATH
  if (path == NULL || *path == '\0')
    path = SLUICE_EMULATOR_PATH;
#endif
  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "no emulator: set SLUICE_EMULATOR or define SLUICE_EMULATOR_PATH");
      return NULL;
    }

  g_ptr_array_add (argv, (gpointer) path);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    if (g_str_equal (extra_args[i], "--port") || g_str_has_prefix (extra_args[i], "--port="))
      has_port = TRUE;
  if (!has_port)
    {
      g_ptr_array_add (argv, (gpointer) "--port");
      g_ptr_array_add (argv, (gpointer) "0");
    }
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
#ifdef __linux__
  g_subprocess_launcher_set_child_setup (launcher, child_setup_cb, NULL, NULL);
#endif
  self->process = g_subprocess_launcher_spawnv (launcher,
                                                (const char * const *) argv->pdata, error);
  if (self->process == NULL)
    return NULL;
  self->stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_data_input_stream_read_line_async (self->stdout_stream, G_PRIORITY_DEFAULT, cancellable,
                                       async_done_cb, &waiter);
  wait_for (context, &waiter, START_TIMEOUT_SECONDS);
  self->info_json = g_data_input_stream_read_line_finish_utf8 (self->stdout_stream,
                                                               waiter.result, &length,
                                                               &local_error);
  g_clear_object (&waiter.result);
  g_main_context_pop_thread_default (context);

  if (self->info_json == NULL)
    {
      if (waiter.timed_out)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                     "emulator %s printed no line within %d s", path, START_TIMEOUT_SECONDS);
      else if (local_error != NULL)
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    "reading the emulator's first line: ");
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE,
                     "emulator %s exited before printing its line", path);
      return NULL;
    }
  if (!parse_info (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * sluice_test_emulator_stop:
 * @self: (transfer full) (nullable): an emulator
 *
 * Sends SIGTERM, waits for the emulator to exit (killing it if it takes too long) and frees
 * @self. Also usable as the g_autoptr() cleanup.
 */
void
sluice_test_emulator_stop (SluiceTestEmulator *self)
{
  if (self == NULL)
    return;

  if (self->process != NULL && g_subprocess_get_identifier (self->process) != NULL)
    {
      g_autoptr(GMainContext) context = g_main_context_new ();
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      Waiter waiter = { .cancellable = cancellable };

      g_subprocess_send_signal (self->process, SIGTERM);
      g_main_context_push_thread_default (context);
      g_subprocess_wait_async (self->process, cancellable, async_done_cb, &waiter);
      wait_for (context, &waiter, STOP_TIMEOUT_SECONDS);
      if (!g_subprocess_wait_finish (self->process, waiter.result, NULL))
        {
          g_subprocess_force_exit (self->process);
          g_subprocess_wait (self->process, NULL, NULL);
        }
      g_clear_object (&waiter.result);
      g_main_context_pop_thread_default (context);
    }
  sluice_test_emulator_free (self);
}

const char *
sluice_test_emulator_get_url (SluiceTestEmulator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

const char *
sluice_test_emulator_get_graphql (SluiceTestEmulator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->graphql;
}

const char *
sluice_test_emulator_get_oauth (SluiceTestEmulator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->oauth;
}

const char *
sluice_test_emulator_get_client_id (SluiceTestEmulator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->client_id;
}

const char *
sluice_test_emulator_get_codecommit (SluiceTestEmulator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->codecommit;
}

const char *
sluice_test_emulator_get_codepipeline (SluiceTestEmulator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->codepipeline;
}

/**
 * sluice_test_emulator_get_users:
 *
 * Returns: (transfer none): the seeded users' e-mails: admin, member, no pipeline permission
 */
const char * const *
sluice_test_emulator_get_users (SluiceTestEmulator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->users;
}

/**
 * sluice_test_emulator_get_info_json:
 *
 * Returns: (transfer none): the emulator's whole first line
 */
const char *
sluice_test_emulator_get_info_json (SluiceTestEmulator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->info_json;
}

/* -------------------------------------------------------------------------------------------- */
/* Sign-in and test hooks (test-only: Sluice itself signs in through its dataall-auth code)      */
/* -------------------------------------------------------------------------------------------- */

#define TEST_REDIRECT_URI "http://localhost:8765/callback"
#define TEST_USER_AGENT "sluice-tests/1.0"

static char *
base64url (const guint8 *data,
           gsize         length)
{
  char *text = g_base64_encode (data, length);

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  for (char *end = text + strlen (text); end > text && end[-1] == '='; end--)
    end[-1] = '\0';
  return text;
}

static GBytes *
send_sync (SoupSession  *session,
           SoupMessage  *msg,
           GError      **error)
{
  return soup_session_send_and_read (session, msg, NULL, error);
}

/**
 * sluice_test_emulator_sign_in:
 * @email: (nullable): the user; %NULL for the one the emulator auto-approves
 *   (`--auto-approve EMAIL`)
 * @access_token: (out): the access token
 * @error: return location for a #GError
 *
 * Signs in as a browser and Sluice would: `GET /oauth2/authorize` (with `--auto-approve`) or
 * the login form's `POST` for @email, without following the redirect; then the code from its
 * `Location` and the PKCE verifier go to `/oauth2/token`. Runs synchronously.
 */
gboolean
sluice_test_emulator_sign_in (SluiceTestEmulator  *self,
                              const char          *email,
                              char               **access_token,
                              GError             **error)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("user-agent", TEST_USER_AGENT, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(GUri) location = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *authorize = g_strconcat (self->oauth, "/oauth2/authorize", NULL);
  g_autofree char *token_url = g_strconcat (self->oauth, "/oauth2/token", NULL);
  g_autofree char *verifier = NULL;
  g_autofree char *challenge = NULL;
  guint8 random_bytes[32];
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *code;
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (access_token != NULL, FALSE);

  for (guint i = 0; i < sizeof random_bytes; i++)
    random_bytes[i] = (guint8) g_random_int_range (0, 256);
  verifier = base64url (random_bytes, sizeof random_bytes);
  g_checksum_update (checksum, (const guchar *) verifier, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);
  challenge = base64url (digest, digest_len);

  form = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (form, (gpointer) "response_type", (gpointer) "code");
  g_hash_table_insert (form, (gpointer) "client_id", self->client_id);
  g_hash_table_insert (form, (gpointer) "redirect_uri", (gpointer) TEST_REDIRECT_URI);
  g_hash_table_insert (form, (gpointer) "state", (gpointer) "sluice-test-state");
  g_hash_table_insert (form, (gpointer) "scope", (gpointer) "openid email profile");
  g_hash_table_insert (form, (gpointer) "code_challenge", challenge);
  g_hash_table_insert (form, (gpointer) "code_challenge_method", (gpointer) "S256");
  if (email == NULL)
    {
      g_autofree char *encoded = soup_form_encode_hash (form);
      g_autofree char *url = g_strconcat (authorize, "?", encoded, NULL);

      msg = soup_message_new (SOUP_METHOD_GET, url);
    }
  else
    {
      g_hash_table_insert (form, (gpointer) "email", (gpointer) email);
      g_hash_table_insert (form, (gpointer) "decision", (gpointer) "approve");
      msg = soup_message_new_from_encoded_form (SOUP_METHOD_POST, authorize,
                                                soup_form_encode_hash (form));
    }
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  body = send_sync (session, msg, error);
  if (body == NULL)
    return FALSE;
  if (soup_message_get_status (msg) != SOUP_STATUS_FOUND ||
      soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "authorize answered %u without a redirect (is --auto-approve set?)",
                   soup_message_get_status (msg));
      return FALSE;
    }
  location = g_uri_parse (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                        "Location"),
                          G_URI_FLAGS_ENCODED_QUERY, error);
  if (location == NULL)
    return FALSE;
  query = g_uri_get_query (location) ? soup_form_decode (g_uri_get_query (location)) : NULL;
  code = query ? g_hash_table_lookup (query, "code") : NULL;
  if (code == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the redirect has no code: %s",
                   g_uri_get_query (location));
      return FALSE;
    }

  g_clear_object (&msg);
  g_clear_pointer (&body, g_bytes_unref);
  msg = soup_message_new_from_encoded_form (SOUP_METHOD_POST, token_url,
                                            soup_form_encode ("grant_type", "authorization_code",
                                                              "client_id", self->client_id,
                                                              "code", code,
                                                              "redirect_uri", TEST_REDIRECT_URI,
                                                              "code_verifier", verifier,
                                                              NULL));
  body = send_sync (session, msg, error);
  if (body == NULL)
    return FALSE;
  if (soup_message_get_status (msg) != SOUP_STATUS_OK ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "token endpoint answered %u",
                   soup_message_get_status (msg));
      return FALSE;
    }
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "access_token"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no access_token in the answer");
      return FALSE;
    }
  *access_token = g_strdup (json_object_get_string_member (object, "access_token"));
  return TRUE;
}

/**
 * sluice_test_emulator_request:
 * @method: "GET", "POST"…
 * @path: a path of the emulator, e.g. "/_emulator/state"
 * @json_body: (nullable): a JSON body
 * @status: (out) (optional): the HTTP status
 * @error: return location for a #GError
 *
 * One synchronous request to the emulator (a test hook, say), with a User-Agent.
 *
 * Returns: (transfer full): the answer's body, or %NULL with @error set
 */
char *
sluice_test_emulator_request (SluiceTestEmulator  *self,
                              const char          *method,
                              const char          *path,
                              const char          *json_body,
                              guint               *status,
                              GError             **error)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("user-agent", TEST_USER_AGENT, NULL);
  g_autofree char *url = g_strconcat (self->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) body = NULL;

  g_return_val_if_fail (msg != NULL, NULL);

  if (json_body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }
  body = send_sync (session, msg, error);
  if (body == NULL)
    return NULL;
  if (status != NULL)
    *status = soup_message_get_status (msg);
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/**
 * sluice_test_emulator_add_fault:
 * @fault_json: a fault, e.g. `{"kind": "http500", "match": "GetDataPipeline"}`
 *
 * `POST /_emulator/faults` (see tests/emulator/README.md).
 */
gboolean
sluice_test_emulator_add_fault (SluiceTestEmulator  *self,
                                const char          *fault_json,
                                GError             **error)
{
  g_autofree char *answer = NULL;
  guint status = 0;

  answer = sluice_test_emulator_request (self, "POST", "/_emulator/faults", fault_json, &status,
                                         error);
  if (answer == NULL)
    return FALSE;
  if (status != 200)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "fault refused: %s", answer);
      return FALSE;
    }
  return TRUE;
}

static void
account_signed_in_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/**
 * sluice_test_emulator_new_account:
 * @id: the account's id (its keyring entries are keyed by it)
 * @email: one of the emulator's users
 *
 * Returns: (transfer full): an account of this emulator, signed in as @email through the
 *   emulator's own sign-in and a pasted access token
 */
SluiceAccount *
sluice_test_emulator_new_account (SluiceTestEmulator *self,
                                  const char         *id,
                                  const char         *email)
{
  g_autoptr(SluiceAccount) account = sluice_account_new (id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  sluice_account_set_name (account, "Emulated data.all");
  sluice_account_set_api_url (account, sluice_test_emulator_get_url (self));
  sluice_account_set_provider (account, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (account, sluice_test_emulator_get_oauth (self));
  sluice_account_set_client_id (account, sluice_test_emulator_get_client_id (self));
  g_assert_true (sluice_test_emulator_sign_in (self, email, &token, &error));
  g_assert_no_error (error);
  sluice_account_sign_in_with_token_async (account, token, NULL, account_signed_in_cb, &result);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (result);
  g_assert_true (sluice_account_sign_in_with_token_finish (account, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sluice_account_get_state (account), ==, SLUICE_ACCOUNT_SIGNED_IN);
  return g_steal_pointer (&account);
}

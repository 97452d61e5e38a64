/* fuzz-dataall-auth.c: libFuzzer target for what sign-in reads from outside
 *
 * The OIDC discovery document, the token endpoint's answer (also read back from Sluice's own
 * JSON), and the claims of a JWT: the input as each of them, and, when it is not a JWT, as
 * the payload of one. Criticals and warnings are fatal.
 *
 * Build and run: build-aux/dev fuzz; the corpus is replayed by the unit suite.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sluice-dataall-auth.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
claims (const char *jwt)
{
  static const char * const names[] = { "sub", "email", "exp", "iat", "cognito:groups", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_free (sluice_jwt_get_string_claim (jwt, names[i]));
      sluice_jwt_get_int_claim (jwt, names[i]);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SluiceTokens) tokens = sluice_tokens_new_from_access_token (jwt, &error);

    g_assert ((tokens == NULL) != (error == NULL));
  }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *warm_up = "{\"access_token\": \"a.b.c\", \"expires_in\": 3600}";

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  LLVMFuzzerTestOneInput ((const uint8_t *) warm_up, strlen (warm_up));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SluiceOAuthEndpoints) endpoints = sluice_oauth_endpoints_new_from_discovery (text, &error);

    g_assert ((endpoints == NULL) != (error == NULL));
    if (endpoints != NULL)
      sluice_oauth_endpoints_free (sluice_oauth_endpoints_copy (endpoints));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SluiceTokens) tokens = sluice_tokens_new_from_json (text, 1700000000, &error);

    g_assert ((tokens == NULL) != (error == NULL));
    if (tokens != NULL)
      {
        g_autofree char *json = sluice_tokens_to_json (tokens);
        g_autoptr(SluiceTokens) again = sluice_tokens_new_from_json (json, 1700000000, NULL);

        /* What Sluice keeps of an answer reads back as the same tokens. */
        g_assert_nonnull (again);
        g_assert_cmpstr (again->access_token, ==, tokens->access_token);
        g_assert_cmpstr (again->refresh_token, ==, tokens->refresh_token);
        g_assert_cmpstr (again->id_token, ==, tokens->id_token);
        g_assert_cmpint (again->expires_at, ==, tokens->expires_at);
        sluice_tokens_expires_within (tokens, 1700000000, 60);
      }
  }

  claims (text);
  /* As the payload of a token: header.payload.signature, the payload in base64url. */
  {
    g_autofree char *payload = g_base64_encode (data, size);
    g_autofree char *jwt = NULL;

    g_strdelimit (payload, "+", '-');
    g_strdelimit (payload, "/", '_');
    g_strdelimit (payload, "=", '\0');
    jwt = g_strconcat ("eyJhbGciOiJIUzI1NiJ9.", payload, ".c2ln", NULL);
    claims (jwt);
  }
  return 0;
}

import type * as Client from 'openid-client';
import { ConfigError, type OidcSettings } from '../../platform/config';

// openid-client is loaded by the discovery, so an instance without single sign-on never loads it.
let loaded: Promise<typeof Client> | undefined;
const loadClient = () => (loaded ??= import('openid-client'));

/**
 * The instance's identity provider, discovered once at start (a wrong issuer stops the start). It
 * carries the library, loaded by the discovery, for the steps of a sign-in that follow.
 */
export type OidcProvider = { settings: OidcSettings; config: Client.Configuration; client: typeof Client };

export async function discoverOidc(settings: OidcSettings): Promise<OidcProvider> {
  const client = await loadClient();
  const execute = settings.allowHttp ? [client.allowInsecureRequests] : [];
  let config: Client.Configuration;
  try {
    config = await client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
      execute,
      timeout: 10,
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(
      `Invalid configuration:\n  OIDC_ISSUER: could not read ${settings.issuer}/.well-known/openid-configuration (${why}); check the issuer URL and that this server can reach it`,
    );
  }
  const meta = config.serverMetadata();
  // Most providers default to HTTP Basic for the client secret; use it when offered, else the form post.
  const methods = meta.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (methods.includes('client_secret_basic')) {
    config = new client.Configuration(
      meta,
      settings.clientId,
      settings.clientSecret,
      client.ClientSecretBasic(settings.clientSecret),
    );
    if (settings.allowHttp) client.allowInsecureRequests(config);
  }
  return { settings, config, client };
}

export function authorizationUrl(
  p: OidcProvider,
  redirectUri: string,
  flow: { state: string; nonce: string; codeChallenge: string },
): URL {
  return p.client.buildAuthorizationUrl(p.config, {
    redirect_uri: redirectUri,
    scope: p.settings.scopes,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: flow.codeChallenge,
    code_challenge_method: 'S256',
  });
}

export type SsoClaims = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
};

/**
 * Trades the code for tokens and validates the ID token (signature, issuer, audience, expiry,
 * nonce) and the state and PKCE verifier: openid-client does each check; any failure throws.
 */
export async function finishAuthorization(
  p: OidcProvider,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<SsoClaims> {
  const tokens = await p.client.authorizationCodeGrant(p.config, callbackUrl, {
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    pkceCodeVerifier: expected.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  const groupsClaim = claims[p.settings.groupsClaim];
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : null,
    groups: Array.isArray(groupsClaim) ? groupsClaim.filter((g): g is string => typeof g === 'string') : [],
  };
}

export const newFlowSecrets = async () => {
  const client = await loadClient();
  const codeVerifier = client.randomPKCECodeVerifier();
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier),
  };
};

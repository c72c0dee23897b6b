/**
 * A local stand-in for the Bot Framework's token authority: an RSA key of our own, served as
 * OpenID metadata and JWKS (through nock), and tokens signed with it the way the Bot Connector
 * signs the requests it sends to a bot.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import nock from 'nock';

export const APP_ID = '11111111-2222-3333-4444-555555555555';
export const APP_PASSWORD = 'test-app-password-do-not-log';
const ISSUER = 'https://api.botframework.com';
const KID = 'whoowns-test-key';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function newKey(): SigningKey {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

const b64url = (input: Buffer | string): string => Buffer.from(input).toString('base64url');

export function signToken(key: SigningKey, claims: Record<string, unknown>, kid = KID): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, x5t: kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

export function channelClaims(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
}

/** Serves `key` as the Bot Framework's signing key, and hands out outbound tokens. */
export function mockBotFrameworkAuthority(key: SigningKey): void {
  const jwk = { ...key.publicKey.export({ format: 'jwk' }), kid: KID, kty: 'RSA', use: 'sig', endorsements: ['msteams'] };
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, { issuer: ISSUER, authorization_endpoint: 'https://invalid.botframework.com', jwks_uri: 'https://login.botframework.com/v1/.well-known/keys', id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] })
    .get('/v1/.well-known/keys')
    .reply(200, { keys: [jwk] });
  // The bot's own token for calling the connector (client credentials through MSAL).
  nock('https://login.microsoftonline.com')
    .persist()
    .get(/.*openid-configuration.*/)
    .reply(200, {
      token_endpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token',
      issuer: 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
      authorization_endpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/authorize',
      jwks_uri: 'https://login.microsoftonline.com/botframework.com/discovery/v2.0/keys',
      response_types_supported: ['code'],
      end_session_endpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/logout',
    })
    .get(/.*discovery\/instance.*/)
    .reply(200, { tenant_discovery_endpoint: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration', 'api-version': '1.1', metadata: [] })
    .post(/.*oauth2\/v2\.0\/token/)
    .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'outbound-access-token' });
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/**
 * A municipality's identity provider as the API meets it in production: an issuer URL whose
 * JWKS is served over HTTP, and tokens signed with its ES256 key. Tests start one, point the
 * API at it (`env`) and sign what a real provider would issue.
 */
export interface TestIssuer {
  /** The issuer URL (`iss`), also the base of the JWKS address. */
  readonly url: string;
  readonly audience: string;
  /** OIDC_ISSUER, OIDC_JWKS_URL and OIDC_AUDIENCE for a server trusting this issuer. */
  readonly env: Record<string, string>;
  /**
   * Signs claims as this issuer. By default with the audience and ten minutes to live; `shape`
   * replaces those (to sign a token wrong on purpose).
   */
  sign(claims: JWTPayload, shape?: (jwt: SignJWT) => SignJWT): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(audience: string): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const body = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }],
  });
  const jwks: Server = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(body),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
  return {
    url,
    audience,
    env: { OIDC_ISSUER: url, OIDC_JWKS_URL: `${url}/jwks.json`, OIDC_AUDIENCE: audience },
    sign: (claims, shape = (jwt) => jwt.setAudience(audience).setExpirationTime('10m')) =>
      shape(
        new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(url).setIssuedAt(),
      ).sign(privateKey),
    close: () => new Promise<void>((resolve) => jwks.close(() => resolve())),
  };
}

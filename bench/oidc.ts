import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** The claims the API reads (api/src/access/identity.ts). */
export interface BenchClaims {
  sub: string;
  role: 'PROFESSIONAL' | 'COORDINATOR' | 'ANALYST' | 'INTEGRATION';
  municipality: string;
  department?: string;
}

export interface LocalIssuer {
  issuer: string;
  jwksUrl: string;
  audience: string;
  sign(claims: BenchClaims): Promise<string>;
  close(): Promise<void>;
}

/**
 * A stand-in OIDC issuer on 127.0.0.1: a fresh ES256 key pair, its public half served as a
 * JWKS, and tokens signed with the private half. The API verifies them exactly as it would a
 * municipality's identity provider's (production mode, remote JWKS).
 */
export async function startLocalIssuer(audience = 'helhed-bench'): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' }],
  });
  const server: Server = createServer((req, res) => {
    if (req.url === '/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks.json`,
    audience,
    sign: (claims) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from 'jose';
import { z } from 'zod';
import type { Config } from '../config.js';
import { type Actor, defaultPurpose, roles } from './actor.js';
import { VerifiedTokens } from './verified-tokens.js';

const DEV_ISSUER = 'urn:helhed:dev-identity';
const AUDIENCE = 'helhed-api';

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(roles),
  municipality: z.string().min(1),
  department: z.string().min(1).optional(),
  /** INTEGRATION clients: the departments the vendor's system serves. */
  departments: z.array(z.string().min(1)).max(50).optional(),
  citizen: z.string().min(1).optional(),
  purpose: z.string().min(1).max(100).optional(),
});

export type HelhedClaims = z.infer<typeof claimsSchema>;

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** Verifies bearer tokens and maps their claims to an actor. */
export interface TokenVerifier {
  verify(token: string, purposeHeader: string | null): Promise<Actor>;
}

/** Signs tokens for the demo and the tests. Never constructed in production mode. */
export interface DevIssuer {
  sign(claims: HelhedClaims, expiresIn?: string): Promise<string>;
}

function claimsOf(payload: JWTPayload): HelhedClaims {
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError('The token lacks the Helhed role claims.');
  return claims.data;
}

/** A new actor per request: the per-request audit memo is keyed by the actor object. */
function toActor(c: HelhedClaims, purposeHeader: string | null): Actor {
  return {
    subject: c.sub,
    role: c.role,
    municipalityId: c.municipality,
    departmentId: c.department ?? null,
    departmentIds: c.role === 'INTEGRATION' ? [...new Set(c.departments ?? [])] : [],
    citizenId: c.citizen ?? null,
    purpose: purposeHeader?.slice(0, 100) || c.purpose || defaultPurpose[c.role],
  };
}

function verifierFor(keys: JWTVerifyGetKey, issuer: string, audience: string | undefined): TokenVerifier {
  const verified = new VerifiedTokens<HelhedClaims>();
  return {
    async verify(token, purposeHeader) {
      const known = verified.get(token);
      if (known) return toActor(known, purposeHeader);
      try {
        const { payload } = await jwtVerify(token, keys, { issuer, audience, clockTolerance: 5 });
        const claims = claimsOf(payload);
        verified.set(token, claims, payload.exp);
        return toActor(claims, purposeHeader);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        throw new InvalidTokenError('The token is invalid or expired.');
      }
    },
  };
}

/** The local dev key, kept beside the database so tokens survive a restart of the demo. */
async function devKeyPair(dataDir: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const file = join(dataDir, 'dev-signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const pair = {
    privateJwk: { ...(await exportJWK(privateKey)), kid: 'dev', alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid: 'dev', alg: 'ES256' },
  };
  writeFileSync(file, JSON.stringify(pair), { mode: 0o600 });
  return pair;
}

export interface Identity {
  verifier: TokenVerifier;
  devIssuer: DevIssuer | null;
}

/** Builds token verification from config: a real OIDC issuer, the dev issuer, or both. */
export async function createIdentity(config: Config): Promise<Identity> {
  const verifiers: TokenVerifier[] = [];
  let devIssuer: DevIssuer | null = null;
  if (config.oidc) {
    const jwks = createRemoteJWKSet(new URL(config.oidc.jwksUrl));
    verifiers.push(verifierFor(jwks, config.oidc.issuer, config.oidc.audience));
  }
  if (config.devAuth && !config.production) {
    const { privateJwk, publicJwk } = await devKeyPair(config.dataDir);
    const privateKey = await importJWK(privateJwk, 'ES256');
    verifiers.push(verifierFor(createLocalJWKSet({ keys: [publicJwk] }), DEV_ISSUER, AUDIENCE));
    devIssuer = {
      sign: (claims, expiresIn = '8h') =>
        new SignJWT({ ...claims })
          .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
          .setIssuer(DEV_ISSUER)
          .setAudience(AUDIENCE)
          .setIssuedAt()
          .setExpirationTime(expiresIn)
          .sign(privateKey),
    };
  }
  const verifier: TokenVerifier = {
    async verify(token, purposeHeader) {
      let last: unknown = new InvalidTokenError('No identity provider is configured.');
      for (const v of verifiers) {
        try {
          return await v.verify(token, purposeHeader);
        } catch (error) {
          last = error;
        }
      }
      throw last;
    },
  };
  return { verifier, devIssuer };
}

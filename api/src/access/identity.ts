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
import { type Actor, defaultPurpose, purposeOf, roles } from './actor.js';
import { VerifiedTokens } from './verified-tokens.js';

const DEV_ISSUER = 'urn:helhed:dev-identity';
const AUDIENCE = 'helhed-api';

/** The whole municipality, said explicitly in an INTEGRATION token's `departments` claim. */
export const ALL_DEPARTMENTS = '*';

/**
 * Only asymmetric signatures, named: never `none`, never an HMAC (which would let anyone who
 * holds the public key sign), whatever the token's header says.
 */
export const ACCEPTED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** Clocks of issuer and API may disagree this much (seconds), no more. */
export const MAX_CLOCK_SKEW_SECONDS = 30;

/** A token valid for longer than this from now (or issued in the future) is refused. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/**
 * jose checks exp and nbf with the tolerance; a token issued "in the future" or expiring years
 * from now would otherwise pass, and a stolen one would never stop working.
 */
function assertBoundedInTime(payload: JWTPayload, nowSeconds: number): void {
  if (payload.iat !== undefined && payload.iat > nowSeconds + MAX_CLOCK_SKEW_SECONDS) {
    throw new InvalidTokenError('The token is issued in the future.');
  }
  if (payload.exp === undefined || payload.exp > nowSeconds + MAX_TOKEN_LIFETIME_SECONDS) {
    throw new InvalidTokenError('The token is valid for too long.');
  }
}

const claimsSchema = z
  .object({
    sub: z.string().min(1),
    role: z.enum(roles),
    municipality: z.string().min(1),
    department: z.string().min(1).optional(),
    /**
     * INTEGRATION clients: the departments the vendor's system serves, or "*" for a
     * municipality-wide system. Required: a missing or empty claim never means "everything".
     */
    departments: z.union([z.literal(ALL_DEPARTMENTS), z.array(z.string().min(1)).min(1).max(50)]).optional(),
    citizen: z.string().min(1).optional(),
    purpose: z.string().min(1).max(100).optional(),
    // OIDC's standard profile claims: staff records are created from them on first sign-in.
    name: z.string().min(1).max(200).optional(),
    email: z.string().max(254).optional(),
  })
  .refine((c) => c.role !== 'INTEGRATION' || c.departments !== undefined, {
    message: 'An INTEGRATION token must name its departments.',
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
function toActor(c: HelhedClaims, purposeHeader: string | null, exp: number): Actor {
  return {
    expiresAt: new Date(exp * 1000),
    subject: c.sub,
    role: c.role,
    municipalityId: c.municipality,
    departmentId: c.department ?? null,
    departmentIds:
      c.role === 'INTEGRATION' && Array.isArray(c.departments) ? [...new Set(c.departments)] : [],
    allDepartments: c.role === 'INTEGRATION' && c.departments === ALL_DEPARTMENTS,
    citizenId: c.citizen ?? null,
    purpose: purposeOf(purposeHeader?.trim() || c.purpose || defaultPurpose[c.role]),
    ...(c.name ? { profile: { name: c.name, email: c.email ?? null } } : {}),
  };
}

function verifierFor(keys: JWTVerifyGetKey, issuer: string, audience: string): TokenVerifier {
  const verified = new VerifiedTokens<{ claims: HelhedClaims; exp: number }>();
  return {
    async verify(token, purposeHeader) {
      const known = verified.get(token);
      if (known) return toActor(known.claims, purposeHeader, known.exp);
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer,
          audience,
          algorithms: ACCEPTED_ALGORITHMS,
          clockTolerance: MAX_CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'aud', 'sub'],
        });
        assertBoundedInTime(payload, Math.floor(Date.now() / 1000));
        const claims = claimsOf(payload);
        const exp = payload.exp as number; // required above
        verified.set(token, { claims, exp }, exp);
        return toActor(claims, purposeHeader, exp);
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
    // config.ts refuses an issuer without an audience; checked again so no token goes unbound.
    if (!config.oidc.audience) throw new Error('OIDC_AUDIENCE is required with OIDC_ISSUER.');
    verifiers.push(verifierFor(jwks, config.oidc.issuer, config.oidc.audience));
  }
  if (config.devAuth && !config.production && !config.oidc) {
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
      // The error is built only when every verifier refused: an Error captures a stack trace,
      // which cost more per request than the rest of this loop.
      let last: unknown;
      for (const v of verifiers) {
        try {
          return await v.verify(token, purposeHeader);
        } catch (error) {
          last = error;
        }
      }
      throw last ?? new InvalidTokenError('No identity provider is configured.');
    },
  };
  return { verifier, devIssuer };
}

/**
 * Login tokens: HS256-signed JWTs that expire.
 */
import { SignJWT, jwtVerify, errors } from 'jose';

export interface TokenService {
  sign(userId: string): Promise<{ token: string; expiresAt: Date }>;
  /** The user id of a valid token; throws a readable message otherwise. */
  verify(token: string): Promise<string>;
}

export class TokenError extends Error {}

export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(userId) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer('suiji')
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: 'suiji', algorithms: ['HS256'] });
        if (!payload.sub) throw new TokenError('The login token names no user: sign in again.');
        return payload.sub;
      } catch (error) {
        if (error instanceof TokenError) throw error;
        if (error instanceof errors.JWTExpired) throw new TokenError('Your login has expired: sign in again.');
        throw new TokenError('The login token is not valid: sign in again.');
      }
    },
  };
}

/**
 * Login tokens: HS256-signed JWTs that expire.
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import { text, type Text } from '@suiji/domain';

export interface TokenService {
  sign(userId: string): Promise<{ token: string; expiresAt: Date }>;
  /** The user id of a valid token; throws a readable message otherwise. */
  verify(token: string): Promise<string>;
}

/** Why a token was refused, in both languages. */
export class TokenError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

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
        if (!payload.sub)
          throw new TokenError(
            text('The login token names no user: sign in again.', '登录凭证未指明用户：请重新登录。'),
          );
        return payload.sub;
      } catch (error) {
        if (error instanceof TokenError) throw error;
        if (error instanceof errors.JWTExpired)
          throw new TokenError(text('Your login has expired: sign in again.', '登录已过期：请重新登录。'));
        throw new TokenError(
          text('The login token is not valid: sign in again.', '登录凭证无效：请重新登录。'),
        );
      }
    },
  };
}

/**
 * Login tokens: HS256-signed JWTs naming the user (`sub`) and their sign-in session (`jti`, a row of
 * `user_session` that signing out or a password change revokes), with an expiry (`exp`) that is required:
 * a token without one would last for ever.
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import { text, type Text } from '@suiji/domain';
import { present } from '../../invariant.js';

export interface TokenService {
  /** How long a new token lasts, in seconds. */
  readonly ttlSeconds: number;
  sign(userId: string, sessionId: string, expiresAt: Date): Promise<string>;
  /** The user and session of a valid token; throws a readable message otherwise. */
  verify(token: string): Promise<{ userId: string; sessionId: string }>;
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
    ttlSeconds,
    sign(userId, sessionId, expiresAt) {
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setJti(sessionId)
        .setIssuer('suiji')
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: 'suiji',
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'sub', 'jti'],
        });
        // Both are required claims, which jwtVerify has checked.
        return {
          userId: present(payload.sub, "the token's sub"),
          sessionId: present(payload.jti, "the token's jti"),
        };
      } catch (error) {
        if (error instanceof errors.JWTExpired)
          throw new TokenError(text('Your login has expired: sign in again.', '登录已过期：请重新登录。'));
        if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing')
          throw new TokenError(
            text(
              `The login token has no "${error.claim}" claim (every token must expire and name its user and session): sign in again.`,
              `登录凭证缺少“${error.claim}”声明（凭证须有有效期并指明用户和会话）：请重新登录。`,
            ),
          );
        throw new TokenError(
          text('The login token is not valid: sign in again.', '登录凭证无效：请重新登录。'),
        );
      }
    },
  };
}

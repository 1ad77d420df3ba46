import { MaxLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { MAX_LENGTH, text } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { BadInputError, UnauthenticatedError } from '../../graphql/errors.js';
import { inTransaction, Open, OwnTransaction, Policy, signedIn } from '../../graphql/policy.js';
import { User } from '../user/user.entity.js';
import { checkNewPassword } from '../user/user.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { revokeSession, revokeUserSessions, startSession } from './session.service.js';
import { attemptSucceeded, beginAttempt, throttleSubjects, withWait } from './throttle.js';

@ObjectType()
class AuthPayload {
  @Field(() => String)
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@ArgsType()
class LoginArgs {
  @Field(() => String)
  @MaxLength(MAX_LENGTH.code)
  username!: string;

  @Field(() => String)
  @MaxLength(MAX_LENGTH.password)
  password!: string;
}

@ArgsType()
class ChangePasswordArgs {
  @Field(() => String)
  @MaxLength(MAX_LENGTH.password)
  currentPassword!: string;

  @Field(() => String)
  @MaxLength(MAX_LENGTH.password)
  newPassword!: string;
}

/** A hash to compare against when the username is unknown, so both cases take the same time. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Resolver()
export class AuthResolver {
  /** Throttled per account and address before the password is hashed; see `throttle.ts`. */
  @Open()
  @OwnTransaction()
  @Mutation(() => AuthPayload, {
    description:
      'Sign in; the token goes in the Authorization header as "Bearer <token>". Refused with TOO_MANY_REQUESTS ("try again in N seconds") after too many failures of the account or the address.',
  })
  async login(
    @Ctx() ctx: Context,
    @Args(() => LoginArgs) { username, password }: LoginArgs,
  ): Promise<AuthPayload> {
    const { em, settings } = ctx;
    const name = username.trim();
    const subjects = throttleSubjects(name, ctx.address);
    const waitIfFailed = await beginAttempt(em, subjects, settings.loginThrottle, ctx.clock());
    const user = await em.findOne(User, { username: name, deletedAt: null, active: true });
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok)
      throw new UnauthenticatedError(
        withWait(
          text('Wrong username or password: check both and try again.', '用户名或密码错误：请核对后重试。'),
          waitIfFailed,
        ),
      );
    await attemptSucceeded(em, subjects, settings.loginThrottle);
    return { ...(await em.transactional((tx) => startSession(tx, ctx.tokens, user))), user };
  }

  @Policy('edit', 'account')
  @Mutation(() => Boolean, {
    description: "Sign out: ends the session of the request's token, which no longer signs anything in",
  })
  async logout(@Ctx() { em, sessionId }: Context): Promise<boolean> {
    // Set with the signed-in user, whom the rule requires.
    if (sessionId === null) throw new UnauthenticatedError();
    await revokeSession(em, sessionId);
    return true;
  }

  /**
   * Needs the current password, whose wrong guesses count against the account like failed sign-ins.
   * Ends every session of the user, this one too, and opens a new one: a token taken before the change
   * signs nothing in any more.
   */
  @Policy('edit', 'account')
  @OwnTransaction()
  @Mutation(() => AuthPayload, {
    description:
      "Change the signed-in user's password; every session of the user ends, and the answer holds a new token for this one",
  })
  async changeMyPassword(
    @Ctx() ctx: Context,
    @Args(() => ChangePasswordArgs) { currentPassword, newPassword }: ChangePasswordArgs,
  ): Promise<AuthPayload> {
    const user = signedIn(ctx);
    const { settings } = ctx;
    const subjects = throttleSubjects(user.username, ctx.address);
    const waitIfFailed = await beginAttempt(ctx.em, subjects, settings.loginThrottle, ctx.clock());
    if (!(await verifyPassword(currentPassword, user.passwordHash)))
      throw new BadInputError(
        withWait(
          text(
            'The current password is wrong: enter the one you signed in with.',
            '当前密码不正确：请输入您登录时使用的密码。',
          ),
          waitIfFailed,
        ),
        'currentPassword',
      );
    await attemptSucceeded(ctx.em, subjects, settings.loginThrottle);
    if (newPassword === currentPassword)
      throw new BadInputError(
        text(
          'The new password is the current one: choose a different one.',
          '新密码与当前密码相同：请设置一个不同的密码。',
        ),
        'newPassword',
      );
    checkNewPassword(newPassword, user.username, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    return inTransaction(ctx, async () => {
      const own = await ctx.em.findOneOrFail(User, user.id);
      own.passwordHash = passwordHash;
      await ctx.em.flush();
      await revokeUserSessions(ctx.em, own.id);
      return { ...(await startSession(ctx.em, ctx.tokens, own)), user: own };
    });
  }

  @Open()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null for the public' })
  me(@Ctx() { user }: Context): User | null {
    return user;
  }
}

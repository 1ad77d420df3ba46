import { MaxLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { MAX_LENGTH, text } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { UnauthenticatedError } from '../../graphql/errors.js';
import { Open } from '../../graphql/policy.js';
import { User } from '../user/user.entity.js';
import { verifyPassword } from './password.js';

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

/** A hash to compare against when the username is unknown, so both cases take the same time. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Resolver()
export class AuthResolver {
  @Open()
  @Mutation(() => AuthPayload, {
    description: 'Sign in; the token goes in the Authorization header as "Bearer <token>"',
  })
  async login(
    @Ctx() { em, tokens }: Context,
    @Args(() => LoginArgs) { username, password }: LoginArgs,
  ): Promise<AuthPayload> {
    const user = await em.findOne(User, { username: username.trim(), deletedAt: null, active: true });
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok)
      throw new UnauthenticatedError(
        text('Wrong username or password: check both and try again.', '用户名或密码错误：请核对后重试。'),
      );
    return { ...(await tokens.sign(user.id)), user };
  }

  @Open()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null for the public' })
  me(@Ctx() { user }: Context): User | null {
    return user;
  }
}

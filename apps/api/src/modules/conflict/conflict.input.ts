import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter } from '../../graphql/list.js';

@InputType()
export class ConflictInput {
  @Field(() => ID)
  inspectorId!: string;

  @Field(() => ID)
  targetId!: string;

  @Field(() => String, { description: 'Why the inspector must not inspect this target (回避事由)' })
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class ConflictUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

@InputType()
export class ConflictFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  inspectorId?: string;

  @Field(() => ID, { nullable: true })
  targetId?: string;
}

import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_LENGTH, type ClosureOutcome, type FollowUp, type InspectionMethod } from '@suiji/domain';
import { ClosureOutcomeEnum, FollowUpEnum, InspectionMethodEnum } from '../../graphql/enums.js';

@InputType({ description: 'The result for one item of the visit' })
export class ItemResultInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => String, {
    description: 'A result category code: a standard one or one of the task’s departments',
  })
  @MaxLength(40)
  category!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(MAX_LENGTH.text)
  findings!: string;

  @Field(() => FollowUpEnum, { defaultValue: 'NONE' })
  followUp!: FollowUp;
}

@InputType()
export class ResultInput {
  @Field(() => ID)
  inspectionId!: string;

  @Field(() => [ItemResultInput], { description: 'One result for each item the visit covers' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  items!: ItemResultInput[];

  @Field(() => [InspectionMethodEnum])
  @ArrayMaxSize(10)
  methodsUsed!: InspectionMethod[];

  @Field(() => String, { description: 'The day of the inspection, YYYY-MM-DD' })
  @MaxLength(10)
  inspectedOn!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      "The result's enteredAt as the form you typed in saw it (null: not entered before). Given, the entry is refused (CONFLICT) if the result was entered since — by a teammate, or by you on another device — instead of overwriting it",
  })
  @IsOptional()
  enteredAtSeen?: Date | null;
}

@InputType()
export class ReviewInput {
  @Field(() => ID)
  inspectionId!: string;

  @Field(() => Boolean, { description: 'true: publish (公示); false: reject, back to the team' })
  approve!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.text)
  comment?: string;
}

@InputType({ description: 'How a follow-up ended (后续处置完结)' })
export class CloseFollowUpInput {
  @Field(() => String, {
    description: 'The day it ended, YYYY-MM-DD: not before the inspection, not after today',
  })
  @MaxLength(10)
  closedOn!: string;

  @Field(() => ClosureOutcomeEnum)
  outcome!: ClosureOutcome;

  @Field(() => String, { nullable: true, description: 'A note (required when the outcome is OTHER)' })
  @IsOptional()
  @MaxLength(MAX_LENGTH.text)
  note?: string;
}

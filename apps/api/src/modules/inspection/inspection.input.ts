import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_LENGTH, type FollowUp, type InspectionMethod, type ResultCategory } from '@suiji/domain';
import { FollowUpEnum, InspectionMethodEnum, ResultCategoryEnum } from '../../graphql/enums.js';

@InputType()
export class ResultInput {
  @Field(() => ID)
  inspectionId!: string;

  @Field(() => ResultCategoryEnum)
  category!: ResultCategory;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(MAX_LENGTH.text)
  findings!: string;

  @Field(() => [InspectionMethodEnum])
  @ArrayMaxSize(10)
  methodsUsed!: InspectionMethod[];

  @Field(() => String, { description: 'The day of the inspection, YYYY-MM-DD' })
  @MaxLength(10)
  inspectedOn!: string;

  @Field(() => FollowUpEnum, { defaultValue: 'NONE' })
  followUp!: FollowUp;
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

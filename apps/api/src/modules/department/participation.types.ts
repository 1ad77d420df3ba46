/**
 * The fields a yearly plan and a task share, defined once: who takes part (one initiating department,
 * 发起部门, and for a joint one the cooperating departments, 配合部门) and the name and year, as stored and
 * as entered. `Plan` and `Task` (and their inputs) extend these.
 */
import { ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_LENGTH, YEAR_MAX, YEAR_MIN } from '@suiji/domain';
import { SoftDeletableEntity } from '../../db/base.entity.js';
import { StringListType } from '../../db/string-list.type.js';
import { Department } from './department.entity.js';

/** The most cooperating departments one plan or task names. */
export const COOPERATING_MAX = 10;

const YEAR_MESSAGE = `year must be from ${YEAR_MIN} to ${YEAR_MAX}`;

@ObjectType()
export abstract class Participated extends SoftDeletableEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  /** 发起部门: a top-level department. */
  @ManyToOne(() => Department)
  department!: Rel<Department>;

  @Field(() => ID, { description: 'The initiating department (发起部门)' })
  get departmentId(): Opt<string> {
    return this.department.id;
  }

  @Field(() => [ID], { description: 'The cooperating departments (配合部门), when joint' })
  @Property({ type: StringListType })
  cooperatingDepartmentIds: string[] = [];

  /** Every department taking part, for the role policy. */
  get departmentIds(): Opt<string[]> {
    return [this.department.id, ...this.cooperatingDepartmentIds];
  }
}

@InputType()
export abstract class ParticipationInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  name!: string;

  @Field(() => Int)
  @Min(YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(YEAR_MAX, { message: YEAR_MESSAGE })
  year!: number;

  @Field(() => ID, { nullable: true, description: 'The initiating department; defaults to your own' })
  @IsOptional()
  departmentId?: string;

  @Field(() => [ID], { defaultValue: [], description: 'Cooperating departments, when joint' })
  @ArrayMaxSize(COOPERATING_MAX)
  cooperatingDepartmentIds!: string[];
}

import { Entity, Enum, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { RESULT_STATES, type ResultState } from '@suiji/domain';
import { BaseEntity } from '../../db/base.entity.js';
import { StringListType } from '../../db/string-list.type.js';
import { ResultStateEnum } from '../../graphql/enums.js';
import { Draw } from '../draw/draw.entity.js';
import { Target } from '../target/target.entity.js';
import { Task } from '../task/task.entity.js';

/** One selected target of a draw and the team that inspects it. */
@ObjectType({ description: '检查（抽中的检查对象及其检查组）' })
@Entity()
@Unique({ properties: ['draw', 'target'] })
export class Inspection extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Draw)
  draw!: Rel<Draw>;

  @Field(() => ID)
  get drawId(): Opt<string> {
    return this.draw.id;
  }

  @ManyToOne(() => Task)
  task!: Rel<Task>;

  @Field(() => ID)
  get taskId(): Opt<string> {
    return this.task.id;
  }

  @ManyToOne(() => Target)
  target!: Rel<Target>;

  @Field(() => ID)
  get targetId(): Opt<string> {
    return this.target.id;
  }

  @Field(() => [ID], { description: 'The current team, replacements applied' })
  @Property({ type: StringListType })
  teamIds: string[] = [];

  @Field(() => ResultStateEnum)
  @Enum({ items: [...RESULT_STATES] })
  state: ResultState = 'PENDING_ENTRY';

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}

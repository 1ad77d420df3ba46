import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType } from '../../graphql/list.js';
import { manyByKey } from '../../graphql/loaders.js';
import { Policy } from '../../graphql/policy.js';
import { Department } from '../department/department.entity.js';
import { Task } from '../task/task.entity.js';
import { MergeProposal, MergeResponse } from './merge.entity.js';
import * as merges from './merge.service.js';

const MergeProposalPage = PageType(MergeProposal, 'MergeProposalPage');

@Resolver(() => MergeProposal)
export class MergeResolver {
  @Policy('list', 'merges')
  @Query(() => [MergeProposal], {
    description:
      'Tasks of different departments in the quarter whose draws would visit the same targets: the proposals made, and suggestions (id null) for the others',
  })
  mergeProposals(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
  ) {
    return merges.mergeProposals(ctx, year, quarter);
  }

  @Policy('accept', 'merges')
  @Query(() => MergeProposalPage, {
    description:
      "待办: the proposals awaiting your department's answer (open, its answer pending), oldest first",
  })
  mergeProposalsAwaiting(
    @Ctx() ctx: Context,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return merges.proposalsAwaiting(ctx, page);
  }

  @Policy('create', 'merges')
  @Mutation(() => MergeProposal, {
    description: 'Proposes to merge the tasks into one joint task; your department accepts by proposing',
  })
  proposeMerge(@Ctx() ctx: Context, @Arg('taskIds', () => [ID]) taskIds: string[]) {
    return merges.proposeMerge(ctx, taskIds);
  }

  @Policy('accept', 'merges')
  @Mutation(() => MergeProposal, {
    description:
      'Your department accepts or declines (with a reason) a merge; one decline closes it, the last acceptance merges the tasks',
  })
  respondToMergeProposal(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ) {
    return merges.respondToMergeProposal(ctx, id, accept, reason ?? null);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Null for a suggestion not yet proposed' })
  id(@Root() proposal: MergeProposal): string | null {
    return proposal.state === 'SUGGESTED' ? null : proposal.id;
  }

  @FieldResolver(() => [Task], { description: 'The tasks to merge, in order' })
  tasks(@Root() proposal: MergeProposal, @Ctx() ctx: Context) {
    // Batched over a page of proposals (deleted tasks included: once merged, they are).
    return manyByKey(ctx, Task, proposal.taskIds);
  }

  @FieldResolver(() => [Department])
  departments(@Root() proposal: MergeProposal, @Ctx() ctx: Context) {
    return manyByKey(ctx, Department, proposal.departmentIds);
  }

  @FieldResolver(() => [MergeResponse], { description: 'Each involved department’s answer' })
  responses(@Root() proposal: MergeProposal, @Ctx() ctx: Context) {
    return merges.responsesOf(ctx, proposal);
  }
}

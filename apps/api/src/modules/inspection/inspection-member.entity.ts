import { Entity, Index, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';

/**
 * An inspector of a visit's current team, one row each (replacements applied). The inspection keeps its
 * list (`teamIds`, in the team's order) for what it shows and checks in memory; queries — an inspector's
 * own list, the loads a draw evens out, the statistics of inspectors — read these rows. The visit's day
 * and task are copied by `refreshVisitFacts`, so a period's team places are counted from this table alone.
 */
@Entity()
@Index({ properties: ['inspectorId', 'drawnOn'] })
@Index({ properties: ['drawnOn', 'inspectorId'] })
export class InspectionMember {
  [PrimaryKeyProp]?: ['inspectionId', 'inspectorId'];

  @PrimaryKey({ type: 'string', length: 36 })
  inspectionId!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  inspectorId!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  taskId: Opt<string> | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  drawnOn: Opt<string> | null = null;
}

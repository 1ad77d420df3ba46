import { Entity, Index, PrimaryKey, Property, PrimaryKeyProp } from '@mikro-orm/core';

/**
 * 覆盖率 without counting distinct targets at request time: one row per visit whose result has been
 * entered, per set it can be counted in — every department (''), each department of its task — times
 * any item ('') and each item it covers. `prevOn` is the day of the same target's previous entered visit
 * in the same set (by day drawn, then id): the distinct targets of a range are the rows of the range whose
 * `prevOn` lies before it (or is null), a plain count over an index. Kept by `refreshVisitFacts`.
 */
@Entity()
@Index({
  properties: ['departmentKey', 'itemKey', 'drawnOn', 'prevOn', 'region', 'targetKind', 'riskClass'],
})
// A row's predecessor in its set: the same target's rows of the set, by day.
@Index({ properties: ['targetId', 'departmentKey', 'itemKey', 'drawnOn'] })
export class CoverageFact {
  [PrimaryKeyProp]?: ['departmentKey', 'itemKey', 'inspectionId'];

  /** A top-level department, or '' for all. */
  @PrimaryKey({ type: 'string', length: 36 })
  departmentKey!: string;

  /** An item, or '' for any. */
  @PrimaryKey({ type: 'string', length: 36 })
  itemKey!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  inspectionId!: string;

  @Property({ type: 'string', length: 36 })
  targetId!: string;

  @Property({ type: 'string', length: 10 })
  drawnOn!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  prevOn: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  region: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  targetKind: string | null = null;

  @Property({ type: 'string', length: 1, nullable: true })
  riskClass: string | null = null;
}

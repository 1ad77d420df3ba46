import { Entity, Index, PrimaryKey, PrimaryKeyProp } from '@mikro-orm/core';

/**
 * A tag (标签) of a target, one row each, for the registry's filter "has this tag", which an index can
 * serve where the target's own list (",a,b," text, matched by LIKE) cannot. Kept exact by triggers on
 * `target` in the statement's own transaction (see the migration that creates them), so every way a
 * target is written — the services, an import's bulk statements, SQL typed by hand — keeps its rows.
 * Rows stay with a soft-deleted target; the lists leave the target out.
 */
@Entity()
@Index({ properties: ['tag', 'targetId'] })
export class TargetTag {
  [PrimaryKeyProp]?: ['targetId', 'tag'];

  @PrimaryKey({ type: 'string', length: 36 })
  targetId!: string;

  /** As the target's list holds it (a tag has no comma). */
  @PrimaryKey({ type: 'text' })
  tag!: string;
}

/**
 * Partial search over the registry's names and credit codes, fast at a province's scale: on PostgreSQL a
 * case-insensitive ILIKE that the trigram indexes serve (pg_trgm, three characters or more); on SQLite
 * the FTS5 trigram index `target_search` for three characters or more, and LIKE for fewer (one or two
 * characters match too much for an index to help). Both match the text literally, `%` and `_` included.
 */
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { containsText } from '../graphql/list.js';
import type { Target } from '../modules/target/target.entity.js';
import { dialectOf } from './dialect.js';

/** FTS5 trigram phrases match substrings of at least three characters. */
const TRIGRAM = 3;

/** Targets whose name or credit code contains `text`, as a condition on `Target`. */
export function targetContains(em: EntityManager, text: string): FilterQuery<Target> {
  if (dialectOf(em).name === 'postgresql' || [...text].length < TRIGRAM) {
    const contains = containsText(em, text);
    return { $or: [{ name: contains }, { creditCode: contains }] };
  }
  // One FTS5 phrase (its double quotes doubled), over both columns.
  const phrase = `"${text.replace(/"/g, '""')}"`;
  return {
    [raw(
      (alias: string) => `${alias}.rowid in (select rowid from target_search where target_search match ?)`,
      [phrase],
    )]: [],
  };
}

/**
 * LIKE patterns that match the text they are built from literally. `%` and `_` in a search or a tag are
 * characters, not wildcards: they are escaped with a backslash, and every LIKE names that escape
 * character, as SQLite has none unless told (PostgreSQL's default is the same backslash).
 */
import { raw } from '@mikro-orm/core';

/** `column ${LIKE}` in SQL written by hand, with the pattern as the parameter. */
export const LIKE = "like ? escape '\\'";

/** The text with LIKE's wildcards and escape character escaped, to put inside a pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** A pattern as the operand of MikroORM's `$like` or `$ilike`: bound as a parameter, with its ESCAPE clause. */
export function likeOperand(pattern: string): string {
  return raw(`? escape '\\'`, [pattern]);
}

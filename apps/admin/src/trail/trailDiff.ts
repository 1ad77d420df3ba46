/**
 * The before and after of a trail entry, key by key. The API stores each side as canonical JSON (keys
 * sorted, dates as ISO text) of the changed fields: an update holds the changed keys on both sides, a
 * create only an after, a delete only a before.
 */

/** How a key differs between the sides. */
export type KeyChange = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  key: string;
  /** The value before; undefined when the key is absent there. */
  before: unknown;
  after: unknown;
  change: KeyChange;
}

/**
 * One side of an entry as an object: null when the side is absent; a side that is not a JSON object (or not
 * JSON at all) is kept whole under the key `""` so that nothing recorded goes unseen.
 */
export function parseSide(json: string | null | undefined): Record<string, unknown> | null {
  if (json == null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { '': json };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return value as Record<string, unknown>;
  return { '': value };
}

/** Equality of JSON values, whatever the order of their keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Every key of either side, in order, with how it changed. */
export function diffSides(before: string | null | undefined, after: string | null | undefined): DiffRow[] {
  const b = parseSide(before) ?? {};
  const a = parseSide(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.map((key) => {
    const inBefore = Object.hasOwn(b, key);
    const inAfter = Object.hasOwn(a, key);
    const change: KeyChange = !inBefore
      ? 'added'
      : !inAfter
        ? 'removed'
        : sameJson(b[key], a[key])
          ? 'same'
          : 'changed';
    return { key, before: b[key], after: a[key], change };
  });
}

/** A value as JSON text, indented when it spans several lines; an absent one as an empty string. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2);
}

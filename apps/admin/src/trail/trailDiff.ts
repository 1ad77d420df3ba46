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

/** An item of a list value (tags, target types) and whether the other side of its row lacks it. */
export interface ListItem {
  value: string | number | boolean;
  /** `removed` on the before side, `added` on the after side: not on the other side. */
  change: 'same' | 'removed' | 'added';
}

type Scalar = string | number | boolean;

function scalarList(value: unknown): Scalar[] | null {
  if (!Array.isArray(value)) return null;
  return value.every((v) => ['string', 'number', 'boolean'].includes(typeof v)) ? (value as Scalar[]) : null;
}

/**
 * A side of a row as list items, when its value is a list of plain values (null otherwise, to be shown as
 * JSON): each item marked when the other side's list lacks it, so a changed list shows what came and went.
 */
export function listItems(row: DiffRow, side: 'before' | 'after'): ListItem[] | null {
  const mine = scalarList(side === 'before' ? row.before : row.after);
  if (!mine) return null;
  const other = scalarList(side === 'before' ? row.after : row.before);
  const changed: ListItem['change'] = side === 'before' ? 'removed' : 'added';
  return mine.map((value) => ({ value, change: other && !other.includes(value) ? changed : 'same' }));
}

/** A value as JSON text, indented when it spans several lines; an absent one as an empty string. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2);
}

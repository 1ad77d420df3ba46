/**
 * Checked reads of what the code's own logic guarantees is there (an array's first element once its
 * length is checked, a map's entry for a key it was built from): a broken guarantee is a bug, reported as
 * one where it happens rather than as a TypeError further on.
 */

/** `value`, which must be present; throws an error naming `what` when it is null or undefined. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Internal error: ${what} is missing.`);
  return value;
}

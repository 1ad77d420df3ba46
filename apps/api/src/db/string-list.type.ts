import { Type } from '@mikro-orm/core';
import { escapeLike, likeOperand } from './like.js';

/**
 * A list of short strings (tags, target types, methods) stored as ",a,b," text, so that "has tag x"
 * is the same portable `LIKE '%,x,%'` on SQLite and PostgreSQL. Items must not contain commas;
 * inputs are validated for that.
 */
export class StringListType extends Type<string[], string> {
  override convertToDatabaseValue(value: string[] | string): string {
    if (typeof value === 'string') return value;
    return value.length === 0 ? '' : `,${value.join(',')},`;
  }

  override convertToJSValue(value: string[] | string | null): string[] {
    if (Array.isArray(value)) return value;
    if (!value) return [];
    return value.split(',').filter((item) => item !== '');
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(): string {
    return 'text';
  }

  /** The LIKE pattern that finds rows whose list contains `item`, for SQL written as `column ${LIKE}`. */
  static containing(item: string): string {
    return `%,${escapeLike(item)},%`;
  }

  /** The condition on a list property that it contains `item`. */
  static contains(item: string): { $like: string } {
    return { $like: likeOperand(StringListType.containing(item)) };
  }
}

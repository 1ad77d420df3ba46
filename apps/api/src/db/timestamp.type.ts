import { Type, type Platform, type TransformContext } from '@mikro-orm/core';

/**
 * A point in time, kept as ISO-8601 text in UTC on SQLite and as `timestamptz` on PostgreSQL, and
 * compared as that text. MikroORM 6's own datetime type on libsql snapshots a loaded entity's dates
 * differently from how it compares them, so every loaded entity looked changed and was rewritten at
 * the next flush; this type keeps both sides the same.
 */
export class TimestampType extends Type<Date | null, string | null> {
  override convertToDatabaseValue(
    value: Date | string | number | null,
    _platform: Platform,
    _context?: TransformContext,
  ): string | null {
    if (value == null) return null;
    return (value instanceof Date ? value : new Date(value)).toISOString();
  }

  override convertToJSValue(value: Date | string | number | null): Date | null {
    if (value == null) return null;
    return value instanceof Date ? value : new Date(value);
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(prop: { length?: number }, platform: Platform): string {
    return platform.getDateTimeTypeDeclarationSQL({ length: prop.length });
  }

  override getDefaultLength(platform: Platform): number {
    return platform.getDefaultDateTimeLength();
  }
}

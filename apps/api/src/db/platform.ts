import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** Whether `em` talks to PostgreSQL (otherwise the embedded SQLite): for the few places SQL differs. */
export function isPostgres(em: { getPlatform(): object }): boolean {
  return em.getPlatform() instanceof PostgreSqlPlatform;
}

/** The most parameters SQLite takes in one statement; multi-row inserts are cut to stay below. */
export const SQLITE_MAX_VARIABLES = 32_766;

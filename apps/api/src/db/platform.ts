import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** Whether `em` talks to PostgreSQL (otherwise the embedded SQLite): for the few places SQL differs. */
export function isPostgres(em: { getPlatform(): object }): boolean {
  return em.getPlatform() instanceof PostgreSqlPlatform;
}

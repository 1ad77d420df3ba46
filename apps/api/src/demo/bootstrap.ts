/**
 * What happens on every start after the migrations: an empty database gets the demo data (when
 * enabled) or a first administrator, so that somebody can always sign in.
 */
import type { EntityManager } from '@mikro-orm/core';
import { generatePassword, hashPassword } from '../modules/auth/password.js';
import { Department } from '../modules/department/department.entity.js';
import { User } from '../modules/user/user.entity.js';
import { demoLoginsText, seedDemo } from './seed-demo.js';

export interface BootstrapOptions {
  demo: boolean;
  /** With the demo data, last year's and this year's activity (the embedded demo's first start). */
  demoHistory?: boolean;
  /** What time it is: the demo's current year, and the end of its history. */
  now?: Date;
  adminPassword: string | null;
  log: (line: string) => void;
}

export async function bootstrap(em: EntityManager, options: BootstrapOptions): Promise<void> {
  if ((await em.count(User, {})) > 0) return;
  if (options.demo && (await em.count(Department, {})) === 0) {
    const started = Date.now();
    await em.transactional((tx) =>
      seedDemo(tx, { history: options.demoHistory ?? false, now: options.now ?? new Date() }),
    );
    const accounts = await em.find(User, { username: { $like: 'inspector%' } }, { fields: ['username'] });
    options.log(
      `Loaded the demo data${options.demoHistory ? ' with two years of history' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n${demoLoginsText(accounts.map((user) => user.username))}`,
    );
    return;
  }
  const password = options.adminPassword ?? generatePassword();
  await em.transactional(async (tx) => {
    const department =
      (await tx.findOne(Department, { parent: null, deletedAt: null }, { orderBy: { createdAt: 'ASC' } })) ??
      tx.create(Department, { name: '系统管理', code: 'SYSTEM', kind: 'DEPARTMENT', parent: null });
    tx.create(User, {
      username: 'admin',
      displayName: '系统管理员',
      passwordHash: await hashPassword(password),
      role: 'ADMIN',
      department,
      active: true,
    });
  });
  options.log(
    options.adminPassword
      ? 'Created the first administrator "admin" with the configured password.'
      : `Created the first administrator "admin" with the password ${password} — it is shown only this once; change it after signing in.`,
  );
}

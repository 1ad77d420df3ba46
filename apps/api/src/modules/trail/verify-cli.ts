/**
 * `pnpm --filter @suiji/api trail:verify`: checks the trail's hash chain in the configured database
 * (the same settings as the API) and names the first broken entry. Exits 1 when the chain is broken.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { readEnv } from '../../env.js';
import { ormOptions } from '../../db/orm.js';
import { databaseFor } from '../../server.js';
import { verifyTrail } from './trail.verify.js';

const orm = await MikroORM.init(ormOptions(databaseFor(readEnv())));
try {
  const result = await verifyTrail(orm.em.fork());
  if (result.ok) console.log(`OK: ${result.checked} entries, chain intact`);
  else
    console.log(
      `BROKEN at entry ${result.brokenSeq}: ${result.problem} (${result.checked} entries before it are intact)`,
    );
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await orm.close(true);
}

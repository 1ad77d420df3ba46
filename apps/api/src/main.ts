import 'reflect-metadata';
import { readEnv } from './env.js';
import { createApp, databaseFor, defaultAdminStaticDir, jwtSecretFor } from './server.js';

const env = readEnv();
const database = databaseFor(env);
const app = await createApp({
  mode: env.mode,
  database,
  jwtSecret: jwtSecretFor(env),
  tokenTtlSeconds: env.tokenTtlSeconds,
  demo: env.demo,
  // The shipped demo starts with a history, so that statistics, lists and the trail show something.
  demoHistory: true,
  adminPassword: env.adminPassword,
  adminStaticDir: env.adminStaticDir ?? defaultAdminStaticDir(),
  attachmentMaxMb: env.attachmentMaxMb,
  publicInspectorNames: env.publicInspectorNames,
  trustProxy: env.trustProxy,
  drawMinDelaySeconds: env.drawMinDelaySeconds,
});
const server = await app.listen(env.port, env.host);
const address = server.address();
const port = typeof address === 'object' && address ? address.port : env.port;
console.log(
  `suiji is running${env.mode === 'development' ? ' in development mode' : ''} on http://${env.host}:${port}/ (GraphQL at /graphql) with ${
    database.kind === 'sqlite' ? `the embedded database ${database.path}` : 'PostgreSQL'
  }`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

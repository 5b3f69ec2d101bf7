import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { runMigrations } from '../../src/shared/infrastructure/database/migrate.js';
import { testServices, withDatabase } from '../support/services.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports the database and Redis separately, both up', async () => {
    const response = await request(t.url).get('/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.details.database.status).toBe('up');
    expect(response.body.details.redis.status).toBe('up');
  });

  it('answers 503 with Redis down while the database stays up', async () => {
    const noRedis = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const response = await request(noRedis.url).get('/health');
      expect(response.status).toBe(503);
      expect(response.body.details.database.status).toBe('up');
      expect(response.body.details.redis.status).toBe('down');
    } finally {
      await noRedis.close();
    }
  });

  it('answers 503 with the database down while Redis stays up', async () => {
    const { adminUrl } = testServices();
    const name = `beian_health_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await runMigrations(withDatabase(adminUrl, name));
    const app = await startTestApp({ env: { DATABASE_URL: withDatabase(adminUrl, name) } });
    try {
      expect((await request(app.url).get('/health')).status).toBe(200);
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
        [name],
      );
      const response = await request(app.url).get('/health');
      expect(response.status).toBe(503);
      expect(response.body.details.database.status).toBe('down');
      expect(response.body.details.redis.status).toBe('up');
    } finally {
      await app.close().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});

export { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';
export {
  startRedisServer,
  RedisServerNotInstalledError,
  type RedisServerHandle,
} from './redis-server.js';

export { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';
export {
  startRedisServer,
  RedisServerNotInstalledError,
  type RedisServerHandle,
} from './redis-server.js';
export {
  EMBEDDED_DESK_ROLES,
  ensureDeskDatabase,
  ensureDeskRoles,
  urlAs,
  type DeskRoles,
} from './database-roles.js';

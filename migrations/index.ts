import { Foundation1764028800000 } from './1764028800000-foundation.js';
import { InitializationRequests1764201600000 } from './1764201600000-initialization-requests.js';
import { Exports1764374400000 } from './1764374400000-exports.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [
  Foundation1764028800000,
  InitializationRequests1764201600000,
  Exports1764374400000,
];

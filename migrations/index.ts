import { Foundation1764028800000 } from './1764028800000-foundation.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [Foundation1764028800000];

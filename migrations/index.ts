import { Foundation1764028800000 } from './1764028800000-foundation.js';
import { FilingRegistry1764115200000 } from './1764115200000-filing-registry.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [Foundation1764028800000, FilingRegistry1764115200000];

import type { Catalogue } from '../catalogue.js';
import type { queue as english } from '../en/queue.js';

export const queue: Catalogue<typeof english> = {};

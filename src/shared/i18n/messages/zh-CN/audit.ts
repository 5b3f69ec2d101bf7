import type { Catalogue } from '../catalogue.js';
import type { audit as english } from '../en/audit.js';

export const audit: Catalogue<typeof english> = {};

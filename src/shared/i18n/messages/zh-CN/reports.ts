import type { Catalogue } from '../catalogue.js';
import type { reports as english } from '../en/reports.js';

export const reports: Catalogue<typeof english> = {};

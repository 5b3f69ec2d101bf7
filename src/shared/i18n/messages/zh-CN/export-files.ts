import type { Catalogue } from '../catalogue.js';
import type { exportFiles as english } from '../en/export-files.js';

export const exportFiles: Catalogue<typeof english> = {};

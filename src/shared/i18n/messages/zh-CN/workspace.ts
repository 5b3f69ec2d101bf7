import type { Catalogue } from '../catalogue.js';
import type { workspace as english } from '../en/workspace.js';

export const workspace: Catalogue<typeof english> = {};

import type { Catalogue } from '../catalogue.js';
import type { notifications as english } from '../en/notifications.js';

export const notifications: Catalogue<typeof english> = {};

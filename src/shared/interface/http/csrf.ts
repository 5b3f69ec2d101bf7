import type { Request } from 'express';
import { csrfSync } from 'csrf-sync';

/** csrf-sync's synchroniser token pattern: one token per session, sent back in `_csrf`. */
export const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const body = req.body as Record<string, unknown> | undefined;
    const fromBody = body?._csrf;
    if (typeof fromBody === 'string') return fromBody;
    const header = req.headers['x-csrf-token'];
    return typeof header === 'string' ? header : undefined;
  },
});

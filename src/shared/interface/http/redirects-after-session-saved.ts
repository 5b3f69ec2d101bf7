import type { NextFunction, Request, Response } from 'express';

/**
 * express-session saves a changed session while the response is ending, after
 * the status line and headers have gone out, so a browser can follow a 303
 * before the flash message or the sign-in it carries is stored, and the next
 * page misses it (or a later one shows a stale message). A redirect therefore
 * waits for the session to be saved first; express-session then finds nothing
 * left to save.
 */
export function redirectsAfterSessionSaved(req: Request, res: Response, next: NextFunction): void {
  if (!req.session) return next();
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = (...args: unknown[]) => {
    // After a sign-out there is no session left to save; a failed save is tried again at the end.
    if (!req.session) return redirect(...args);
    req.session.save(() => redirect(...args));
  };
  next();
}

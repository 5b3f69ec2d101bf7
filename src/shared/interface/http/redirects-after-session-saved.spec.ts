import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';
import { redirectsAfterSessionSaved } from './redirects-after-session-saved.js';

/** A session whose store answers only when the test says so. */
function pendingSession() {
  const saves: (() => void)[] = [];
  return { saves, session: { save: (done: () => void) => saves.push(done) } };
}

function run(req: Partial<Request>) {
  const redirects: unknown[][] = [];
  const res = { redirect: (...args: unknown[]) => redirects.push(args) } as unknown as Response;
  let nexts = 0;
  redirectsAfterSessionSaved(req as Request, res, () => (nexts += 1));
  return { res, redirects, nexts: () => nexts };
}

describe('redirects after the session is saved', () => {
  it('sends the redirect only once the session with its flash message is stored', () => {
    const { saves, session } = pendingSession();
    const { res, redirects, nexts } = run({ session } as unknown as Partial<Request>);
    expect(nexts()).toBe(1);

    res.redirect(303, '/requests/1');
    expect(redirects).toEqual([]);
    expect(saves).toHaveLength(1);

    saves[0]!();
    expect(redirects).toEqual([[303, '/requests/1']]);
  });

  it('redirects at once after a sign-out left no session', () => {
    const { session } = pendingSession();
    const req = { session } as unknown as Request;
    const { res, redirects } = run(req);
    (req as { session?: unknown }).session = undefined;
    res.redirect(303, '/login');
    expect(redirects).toEqual([[303, '/login']]);
  });

  it('leaves requests without a session alone', () => {
    const { res, redirects, nexts } = run({});
    res.redirect(303, '/login');
    expect(nexts()).toBe(1);
    expect(redirects).toEqual([[303, '/login']]);
  });
});

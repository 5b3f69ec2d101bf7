/**
 * GET and HEAD only read: their pages may rely on a sign-in check (the session,
 * the staff account) a few seconds old. Anything else is checked afresh.
 */
export function onlyReads(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/**
 * The files the desk hands out: a request's document (`/requests/:id/documents/:documentId`)
 * and an export's download (`/exports/:id/download`, and its `.sha256`).
 */
const HANDS_OUT_A_FILE =
  /^\/requests\/[^/]+\/documents\/[^/]+$|^\/exports\/[^/]+\/download(?:\.sha256)?$/;

/**
 * Whether a request may rely on a sign-in check (the session, the staff account) a
 * few seconds old: a page that only reads. A change, a document view and a download
 * are checked afresh, so a session ended anywhere (a sign-out, a password reset, a
 * deactivation) hands out nothing more from that moment on, on any instance.
 */
export function mayRelyOnRecentChecks(method: string, path: string): boolean {
  return onlyReads(method) && !HANDS_OUT_A_FILE.test(path);
}

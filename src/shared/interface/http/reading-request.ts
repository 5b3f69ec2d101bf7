/**
 * GET and HEAD only read: their pages may rely on a sign-in check (the session,
 * the staff account) a few seconds old. Anything else is checked afresh.
 */
export function onlyReads(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

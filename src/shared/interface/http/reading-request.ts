/**
 * GET and HEAD only read. Only such a request may rely on a sign-in check a few
 * seconds old, and only on a page that shows a list (see `mayRelyOnRecentChecks`).
 */
export function onlyReads(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/**
 * The pages that show lists, and nothing of anyone in full: the queue (and its
 * badges), the audit trail, the exports, the reports, and the administrators'
 * lists of staff, mail and calendar days. Query strings (a tab, a filter, a page)
 * do not matter: `req.path` holds none.
 */
const SHOWS_A_LIST =
  /^\/(?:queue(?:\/sla-badges)?|audit|exports|reports|admin\/(?:users|mail|calendar))\/?$/;

/**
 * Whether a request may rely on a sign-in check (the session, the staff account) a
 * few seconds old (SESSION_READ_CACHE_SECONDS, STAFF_CHECK_CACHE_SECONDS): only a
 * GET or HEAD of a page that shows a list, where a check up to a few seconds old is
 * a fair trade for the reviewer paging through it.
 *
 * Everything else is checked afresh, so a session ended anywhere (a sign-out, a
 * password reset, a deactivation) opens nothing more from that moment on, on any
 * instance: every change (any other method); the request workspace
 * (`/requests/:id`, full ID numbers) and its document comparison
 * (`/requests/:id/compare`); a document view and an export download (and its
 * `.sha256`); and every page that shows one person or one record in full — a
 * filing subject's page (`/subjects/:id`: its credential number is masked, but its
 * account emails are shown in full), one mail (`/admin/mail/:id`), the audit
 * chain's verification, one's own account, and the confirmation pages of the
 * staff admin. A page not named here checks afresh by default: a new page is
 * fresh until someone decides it is a list.
 */
export function mayRelyOnRecentChecks(method: string, path: string): boolean {
  return onlyReads(method) && SHOWS_A_LIST.test(path);
}

import type { Request } from 'express';

/** The Referer when it is this site's own page, else the front page. */
export function safeBackUrl(request: Request): string {
  const referer = request.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    if (url.host !== request.get('host')) return '/';
    return url.pathname + url.search;
  } catch {
    return '/';
  }
}

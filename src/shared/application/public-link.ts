/**
 * An absolute link to a page of the desk, for places read outside the browser
 * (mails, a reset link handed over): `publicLink('https://desk.example.com', '/requests/1')`
 * gives `https://desk.example.com/requests/1`. `baseUrl` is the configured
 * `PUBLIC_BASE_URL` (a trailing slash is tolerated); `path` is the desk's own path,
 * with or without its leading slash, query included, already encoded.
 */
export function publicLink(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const rest = path.replace(/^\/+/, '');
  return `${base}/${rest}`;
}

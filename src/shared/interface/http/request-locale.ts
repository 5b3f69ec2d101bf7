import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import Negotiator from 'negotiator';
import { isLocale, localeOfLanguageTag, type Locale } from '../../i18n/locale.js';

/** The language chosen on the sign-in page (and kept after sign-in, for the next one). */
export const LOCALE_COOKIE = 'beian.locale';
const A_YEAR_MS = 365 * 24 * 3_600_000;

/**
 * The language of a staff portal page: the signed-in staff member's saved choice, else
 * the choice kept in the cookie, else the browser's `Accept-Language` (its first `zh*` or
 * `en*` entry in q-order), else the deployment's default.
 */
export function pageLocale(request: Request, defaultLocale: Locale): Locale {
  return (
    request.staff?.locale ??
    cookieLocale(request) ??
    acceptedLocale(request.headers['accept-language']) ??
    defaultLocale
  );
}

/** The intake API speaks English to machines unless a client asks for Chinese. */
export function apiLocale(request: Request): Locale {
  return acceptedLocale(request.headers['accept-language']) ?? 'en';
}

export function cookieLocale(request: Request): Locale | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const value = parseCookies(header)[LOCALE_COOKIE];
  return isLocale(value) ? value : null;
}

export function keepLocaleCookie(response: Response, locale: Locale, secure: boolean): void {
  response.cookie(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: A_YEAR_MS,
    path: '/',
  });
}

/** The first language of the header, by quality then order, that the desk speaks. */
export function acceptedLocale(header: string | string[] | undefined): Locale | null {
  if (!header) return null;
  const key = typeof header === 'string' ? header : header.join(',');
  // A browser sends the same header with every page: each one is read once.
  let locale = ACCEPTED.get(key);
  if (locale === undefined) {
    locale = null;
    for (const tag of new Negotiator({ headers: { 'accept-language': key } }).languages()) {
      locale = localeOfLanguageTag(tag);
      if (locale) break;
    }
    if (ACCEPTED.size >= 500) ACCEPTED.clear();
    ACCEPTED.set(key, locale);
  }
  return locale;
}
const ACCEPTED = new Map<string, Locale | null>();

import { describe, expect, it } from '@jest/globals';
import { mayRelyOnRecentChecks } from './reading-request.js';

describe('which requests may rely on a sign-in check a few seconds old', () => {
  it('pages that show lists may, whatever their tab, filter or page', () => {
    for (const path of [
      '/queue',
      '/queue/',
      '/queue/sla-badges',
      '/audit',
      '/exports',
      '/reports',
      '/admin/users',
      '/admin/mail',
      '/admin/calendar',
    ]) {
      expect(mayRelyOnRecentChecks('GET', path)).toBe(true);
    }
    expect(mayRelyOnRecentChecks('HEAD', '/queue')).toBe(true);
  });

  it('no change may, not even to a list page’s address', () => {
    expect(mayRelyOnRecentChecks('POST', '/requests/a/claim')).toBe(false);
    expect(mayRelyOnRecentChecks('POST', '/exports')).toBe(false);
    expect(mayRelyOnRecentChecks('POST', '/logout')).toBe(false);
    expect(mayRelyOnRecentChecks('PUT', '/queue')).toBe(false);
    expect(mayRelyOnRecentChecks('DELETE', '/admin/users')).toBe(false);
  });

  it('the workspace, the comparison, documents and downloads may not', () => {
    expect(mayRelyOnRecentChecks('GET', '/requests/a')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/requests/a/')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/requests/a/compare')).toBe(false);
    expect(mayRelyOnRecentChecks('HEAD', '/requests/a/compare')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/requests/a/documents/b')).toBe(false);
    expect(mayRelyOnRecentChecks('HEAD', '/requests/a/documents/b')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/exports/a/download')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/exports/a/download.sha256')).toBe(false);
  });

  it('pages that show one person or one record in full may not', () => {
    expect(mayRelyOnRecentChecks('GET', '/subjects/a')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/admin/mail/a')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/admin/mail/a/resend')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/admin/users/a/deactivate')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/admin/users/a/password-reset')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/audit/verify')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/account')).toBe(false);
  });

  it('an address it does not know is checked afresh, however it is spelled', () => {
    expect(mayRelyOnRecentChecks('GET', '/some-new-page')).toBe(false);
    // Express matches routes without regard to case: any other spelling is checked afresh.
    expect(mayRelyOnRecentChecks('GET', '/Requests/a/Documents/b')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/EXPORTS/a/download')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/queue/../requests/a')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/queuex')).toBe(false);
  });
});

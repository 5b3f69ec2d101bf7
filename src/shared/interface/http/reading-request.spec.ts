import { describe, expect, it } from '@jest/globals';
import { mayRelyOnRecentChecks } from './reading-request.js';

describe('which requests may rely on a sign-in check a few seconds old', () => {
  it('pages that only read may', () => {
    expect(mayRelyOnRecentChecks('GET', '/queue')).toBe(true);
    expect(mayRelyOnRecentChecks('HEAD', '/requests/a/compare')).toBe(true);
    expect(mayRelyOnRecentChecks('GET', '/exports')).toBe(true);
  });

  it('changes, documents and downloads may not', () => {
    expect(mayRelyOnRecentChecks('POST', '/requests/a/claim')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/requests/a/documents/b')).toBe(false);
    expect(mayRelyOnRecentChecks('HEAD', '/requests/a/documents/b')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/exports/a/download')).toBe(false);
    expect(mayRelyOnRecentChecks('GET', '/exports/a/download.sha256')).toBe(false);
  });
});

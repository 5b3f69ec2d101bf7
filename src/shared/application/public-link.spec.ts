import { describe, expect, it } from '@jest/globals';
import { publicLink } from './public-link.js';

describe('publicLink', () => {
  it('joins the public address and a path with exactly one slash', () => {
    expect(publicLink('https://desk.example.com', '/requests/abc')).toBe(
      'https://desk.example.com/requests/abc',
    );
    expect(publicLink('https://desk.example.com/', 'requests/abc')).toBe(
      'https://desk.example.com/requests/abc',
    );
    expect(publicLink('https://example.com/desk', '/set-password?token=x')).toBe(
      'https://example.com/desk/set-password?token=x',
    );
    expect(publicLink('http://localhost:3000', '/')).toBe('http://localhost:3000/');
  });
});

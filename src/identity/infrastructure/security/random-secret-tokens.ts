import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IssuedSecret, SecretTokens } from '../../application/ports/secret-tokens.js';

/** 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Tokens of 32 random bytes, kept as their SHA-256 (a token this long needs no slow hash). */
@Injectable()
export class RandomSecretTokens implements SecretTokens {
  issue(): IssuedSecret {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: sha256(token) };
  }

  hashOf(token: string): string | null {
    return TOKEN.test(token) ? sha256(token) : null;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

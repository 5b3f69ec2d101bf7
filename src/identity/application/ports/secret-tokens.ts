/** A secret to hand somebody once, and the hash under which it is kept. */
export interface IssuedSecret {
  /** URL-safe text; never stored. */
  token: string;
  /** What is stored instead: SHA-256 of the token, hex. */
  hash: string;
}

/** Random secrets for one-time links, and their hashes. */
export interface SecretTokens {
  issue(): IssuedSecret;
  /** The hash a handed-over token is looked up by; null for text that cannot be one of ours. */
  hashOf(token: string): string | null;
}
export const SECRET_TOKENS = Symbol('SecretTokens');

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spend the same time as a real verification, so unknown emails cannot be told apart. */
  verifyAgainstDummy(password: string): Promise<void>;
}
export const PASSWORD_HASHER = Symbol('PasswordHasher');

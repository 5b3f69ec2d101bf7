import { describe, expect, it } from '@jest/globals';
import {
  DocumentIntegrityError,
  DocumentKeyError,
  DocumentKeyring,
  newDataKey,
  openDocument,
  sealDocument,
} from './document-cipher.js';

const KEY_A = { id: 'a', key: Buffer.alloc(32, 1) };
const KEY_B = { id: 'b', key: Buffer.alloc(32, 2) };
const STORAGE_KEY = '0b7e7f4e-8c1a-4c39-9b5e-2a4d7a1f0c11';

describe('document envelope encryption', () => {
  it('seals a document so that its bytes do not appear, and opens it back exactly', () => {
    const plaintext = Buffer.concat([
      Buffer.from('%PDF-1.7 secret ID 330106199003070011'),
      Buffer.alloc(4096, 0x41),
    ]);
    const dataKey = newDataKey();
    const sealed = sealDocument(plaintext, dataKey, STORAGE_KEY);
    expect(sealed.subarray(0, 4).toString('ascii')).toBe('BDOC');
    expect(sealed.includes(Buffer.from('330106199003070011'))).toBe(false);
    expect(sealed.includes(Buffer.alloc(16, 0x41))).toBe(false);
    expect(openDocument(sealed, dataKey, STORAGE_KEY)).toEqual(plaintext);
    expect(
      openDocument(sealDocument(Buffer.alloc(0), dataKey, STORAGE_KEY), dataKey, STORAGE_KEY),
    ).toEqual(Buffer.alloc(0));
  });

  it("refuses an altered object, another document's object, or the wrong data key", () => {
    const dataKey = newDataKey();
    const sealed = sealDocument(Buffer.from('front of the ID card'), dataKey, STORAGE_KEY);
    const altered = Buffer.from(sealed);
    altered[20] = altered[20]! ^ 1;
    expect(() => openDocument(altered, dataKey, STORAGE_KEY)).toThrow(DocumentIntegrityError);
    expect(() => openDocument(sealed, dataKey, 'another-key')).toThrow(DocumentIntegrityError);
    expect(() => openDocument(sealed, newDataKey(), STORAGE_KEY)).toThrow(DocumentIntegrityError);
    expect(() => openDocument(Buffer.from('plain text'), dataKey, STORAGE_KEY)).toThrow(
      /not an encrypted document/,
    );
  });

  it('wraps data keys under the first master key and unwraps them under any key that wrapped them', () => {
    const dataKey = newDataKey();
    const old = new DocumentKeyring([KEY_A]).wrap(dataKey, STORAGE_KEY);
    expect(old.keyId).toBe('a');
    const rotated = new DocumentKeyring([KEY_B, KEY_A]);
    expect(rotated.unwrap(old.keyId, old.wrapped, STORAGE_KEY)).toEqual(dataKey);
    const rewrapped = rotated.wrap(dataKey, STORAGE_KEY);
    expect(rewrapped.keyId).toBe('b');
    expect(new DocumentKeyring([KEY_B]).unwrap('b', rewrapped.wrapped, STORAGE_KEY)).toEqual(
      dataKey,
    );
  });

  it('says clearly when the master key is missing or is not the one that wrapped the data key', () => {
    const { keyId, wrapped } = new DocumentKeyring([KEY_A]).wrap(newDataKey(), STORAGE_KEY);
    expect(() => new DocumentKeyring([KEY_B]).unwrap(keyId, wrapped, STORAGE_KEY)).toThrow(
      new DocumentKeyError(
        `the data key of document ${STORAGE_KEY} is wrapped by master key "a", which is not in DOCUMENT_ENCRYPTION_KEYS (configured: b); add it back to read the document`,
      ),
    );
    const impostor = new DocumentKeyring([{ id: 'a', key: Buffer.alloc(32, 9) }]);
    expect(() => impostor.unwrap(keyId, wrapped, STORAGE_KEY)).toThrow(
      /does not unwrap with master key "a": DOCUMENT_ENCRYPTION_KEYS holds a different key under that id/,
    );
    expect(() => new DocumentKeyring([KEY_A]).unwrap(keyId, wrapped, 'another-key')).toThrow(
      DocumentKeyError,
    );
  });
});

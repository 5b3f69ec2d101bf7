import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from '@jest/globals';
import {
  ObjectNotFoundError,
  ObjectStoreUnavailableError,
  type ObjectStore,
} from '../../src/shared/infrastructure/object-store/object-store.js';

export interface ObjectStoreUnderTest {
  /** An empty area of the store (a fresh folder, or a fresh prefix of the bucket). */
  store: ObjectStore;
  /** The same kind of store where nothing can be stored (a closed port, a folder that is a file). */
  unreachable: ObjectStore;
}

/** Streams `content` in chunks of 64 KiB, as an export's file or an upload arrives. */
function streamed(content: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < content.length; at += 64 * 1024)
        yield content.subarray(at, at + 64 * 1024);
    })(),
  );
}

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/**
 * The contract of the ObjectStore port (documents and exports), run against every adapter:
 * the disk one and the S3 one against a real S3-protocol server
 * (test/e2e/object-store.e2e-spec.ts).
 */
export function objectStoreContract(adapter: string, setup: () => ObjectStoreUnderTest): void {
  describe(`the object store (${adapter})`, () => {
    const key = (name: string): string => `${name}-${randomBytes(4).toString('hex')}`;

    it('reads back exactly the bytes written: binary over 5 MiB streamed, whole and as a stream', async () => {
      const { store } = setup();
      const content = randomBytes(5 * 1024 * 1024 + 12_345);
      // Every byte value, and the bytes aws-chunked framing would add, must survive as they are.
      content.set(Buffer.from('0;chunk-signature=\r\n\r\n'), 100);
      const name = key('large.bin');
      await store.put(name, { stream: streamed(content), sizeBytes: content.length });

      const whole = await store.read(name);
      expect(whole.length).toBe(content.length);
      expect(sha256(whole)).toBe(sha256(content));
      const opened = await store.open(name);
      expect(opened.sizeBytes).toBe(content.length);
      expect(sha256(await buffer(opened.stream))).toBe(sha256(content));
    });

    it('reads back an empty object, streamed or given whole', async () => {
      const { store } = setup();
      const fromStream = key('empty-streamed');
      const fromBuffer = key('empty-whole');
      await store.put(fromStream, { stream: streamed(Buffer.alloc(0)), sizeBytes: 0 });
      await store.put(fromBuffer, Buffer.alloc(0));
      for (const name of [fromStream, fromBuffer]) {
        expect(await store.exists(name)).toBe(true);
        expect(await store.read(name)).toEqual(Buffer.alloc(0));
        const opened = await store.open(name);
        expect(opened.sizeBytes).toBe(0);
        expect(await buffer(opened.stream)).toEqual(Buffer.alloc(0));
      }
    });

    it('replaces an object put again under the same key', async () => {
      const { store } = setup();
      const name = key('ab/cd/replaced');
      await store.put(name, Buffer.from('first version, longer than the second'));
      await store.put(name, Buffer.from('second'));
      expect((await store.read(name)).toString()).toBe('second');
    });

    it('says an object is missing, and removing it twice is not an error', async () => {
      const { store } = setup();
      const name = key('gone');
      await expect(store.read(name)).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(store.open(name)).rejects.toBeInstanceOf(ObjectNotFoundError);
      expect(await store.exists(name)).toBe(false);

      await store.put(name, Buffer.from('soon gone'));
      expect(await store.exists(name)).toBe(true);
      await store.remove(name);
      await store.remove(name);
      expect(await store.exists(name)).toBe(false);
      await expect(store.read(name)).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('stores nothing from a stream that fails or falls short of its announced size', async () => {
      const { store } = setup();
      const failing = key('failing');
      const broken = Readable.from(
        (async function* () {
          yield randomBytes(200 * 1024);
          throw new Error('the source broke');
        })(),
      );
      await expect(store.put(failing, { stream: broken, sizeBytes: 400 * 1024 })).rejects.toThrow(
        'the source broke',
      );
      expect(await store.exists(failing)).toBe(false);

      const short = key('short');
      await expect(
        store.put(short, { stream: streamed(randomBytes(1000)), sizeBytes: 2000 }),
      ).rejects.toThrow('not the 2000 announced');
      expect(await store.exists(short)).toBe(false);
    });

    it('lists every object under a prefix, across pages, with when it was written', async () => {
      const { store } = setup();
      const folder = key('listed');
      const before = Date.now() - 60_000;
      const names = ['a', 'b', 'c', 'd', 'e/f'].map((name) => `${folder}/${name}`);
      for (const name of names) await store.put(name, Buffer.from(name));
      await store.put(key('elsewhere'), Buffer.from('not under the prefix'));

      const listed: { key: string; lastModified: Date }[] = [];
      for await (const object of store.list(`${folder}/`)) listed.push(object);
      expect(listed.map((object) => object.key).sort()).toEqual(names);
      for (const object of listed) {
        expect(object.lastModified.getTime()).toBeGreaterThan(before);
        expect(object.lastModified.getTime()).toBeLessThan(Date.now() + 60_000);
      }
    });

    it('refuses keys the desk would never make', async () => {
      const { store } = setup();
      for (const bad of ['../escape', '/absolute', 'UPPER', 'a//b', 'dir/'])
        await expect(store.put(bad, Buffer.from('x'))).rejects.toThrow('not an object key');
    });

    it('passes its check, and a store that cannot be used fails with ObjectStoreUnavailableError', async () => {
      const { store, unreachable } = setup();
      await expect(store.check()).resolves.toBeUndefined();
      await expect(unreachable.check()).rejects.toBeInstanceOf(ObjectStoreUnavailableError);
      await expect(unreachable.put(key('x'), Buffer.from('x'))).rejects.toBeInstanceOf(
        ObjectStoreUnavailableError,
      );
      await expect(unreachable.read(key('x'))).rejects.toBeInstanceOf(ObjectStoreUnavailableError);
    });
  });
}

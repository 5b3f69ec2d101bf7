import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { S3Client } from '@aws-sdk/client-s3';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { FileSystemObjectStore } from './file-system-object-store.js';
import { DOCUMENT_OBJECTS, EXPORT_OBJECTS, type ObjectStore } from './object-store.js';
import { createS3Client, S3ObjectStore } from './s3-object-store.js';

/**
 * The two areas of the store, chosen by configuration: DOCUMENT_DIR and EXPORT_DIR on the
 * local disk, or the `documents/` and `exports/` prefixes of OBJECT_STORE_BUCKET (one
 * client for both).
 */
@Injectable()
export class ObjectStores implements OnApplicationShutdown {
  readonly documents: ObjectStore;
  readonly exports: ObjectStore;
  private readonly client: S3Client | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.OBJECT_STORE_URL === undefined) {
      this.client = null;
      this.documents = new FileSystemObjectStore(config.DOCUMENT_DIR);
      this.exports = new FileSystemObjectStore(config.EXPORT_DIR);
      return;
    }
    this.client = createS3Client({
      endpoint: config.OBJECT_STORE_URL,
      region: config.OBJECT_STORE_REGION,
      accessKeyId: config.OBJECT_STORE_ACCESS_KEY_ID!,
      secretAccessKey: config.OBJECT_STORE_SECRET_ACCESS_KEY!,
      forcePathStyle: config.OBJECT_STORE_FORCE_PATH_STYLE,
    });
    const bucket = config.OBJECT_STORE_BUCKET!;
    this.documents = new S3ObjectStore(this.client, bucket, 'documents/');
    this.exports = new S3ObjectStore(this.client, bucket, 'exports/');
  }

  get kind(): ObjectStore['kind'] {
    return this.documents.kind;
  }

  /** Both areas usable (one bucket is checked once); throws ObjectStoreUnavailableError. */
  async check(): Promise<void> {
    if (this.client) await this.documents.check();
    else await Promise.all([this.documents.check(), this.exports.check()]);
  }

  onApplicationShutdown(): void {
    this.client?.destroy();
  }
}

/** DOCUMENT_OBJECTS and EXPORT_OBJECTS, for every context. */
@Global()
@Module({
  providers: [
    ObjectStores,
    {
      provide: DOCUMENT_OBJECTS,
      inject: [ObjectStores],
      useFactory: (s: ObjectStores) => s.documents,
    },
    { provide: EXPORT_OBJECTS, inject: [ObjectStores], useFactory: (s: ObjectStores) => s.exports },
  ],
  exports: [ObjectStores, DOCUMENT_OBJECTS, EXPORT_OBJECTS],
})
export class ObjectStoreModule {}

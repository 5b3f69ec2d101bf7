import type { IdGenerator } from '../../shared/application/id-generator.js';
import type { RequestDocument } from '../domain/initialization-request.js';
import type { UploadedDocument } from './commands/submit-request/submit-request.command.js';
import type { DocumentStore, StagedDocument } from './ports/document-store.js';

/** An uploaded file as a new document version: what the request records of it. */
export type NewDocumentVersion = Omit<
  RequestDocument,
  'supersededAt' | 'replacesDocumentId' | 'purgedAt'
>;

/** The uploads, written aside in the store, as the change that names them sees them. */
export interface StagedUploads {
  /** Each upload as a new document version received at `now`, with a new id, in upload order. */
  versionsAt(now: Date): NewDocumentVersion[];
}

/**
 * Stages the uploads in the store (hashing and sizing them), runs the change that records
 * them, and then commits the files, or discards them when the change fails or `keep` says
 * its result does not use them (a replay). Nothing is left behind in the store on failure.
 */
export async function withStagedDocuments<T>(
  ports: { store: DocumentStore; ids: IdGenerator },
  uploads: readonly UploadedDocument[],
  change: (staged: StagedUploads) => Promise<T>,
  keep: (result: T) => boolean = () => true,
): Promise<T> {
  const staged: StagedDocument[] = [];
  try {
    for (const upload of uploads) staged.push(await ports.store.stage(upload.content));
    const result = await change({
      versionsAt: (now) =>
        uploads.map((upload, index) => ({
          id: ports.ids.newId(),
          kind: upload.kind,
          mediaType: upload.mediaType,
          sizeBytes: staged[index]!.sizeBytes,
          sha256: staged[index]!.sha256,
          storageKey: staged[index]!.storageKey,
          originalName: upload.originalName,
          uploadedAt: now,
        })),
    });
    if (keep(result)) await Promise.all(staged.map((document) => document.commit()));
    else await Promise.all(staged.map((document) => document.discard()));
    return result;
  } catch (error) {
    await Promise.allSettled(staged.map((document) => document.discard()));
    throw error;
  }
}

/** Hands an export to a worker. Queuing the same export twice runs it once. */
export interface ExportQueue {
  enqueue(exportId: string): Promise<void>;
}
export const EXPORT_QUEUE = Symbol('ExportQueue');

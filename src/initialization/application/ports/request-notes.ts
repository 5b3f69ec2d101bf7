import type { RequestNote } from '../../domain/request-note.js';

/** A stored note: as written, with its id. */
export interface StoredRequestNote extends RequestNote {
  id: string;
}

/** The internal notes of requests: written once (the workspace reads them with the request). */
export interface RequestNotes {
  /** Stores a new note inside the current unit of work; returns its id. */
  add(note: RequestNote): Promise<string>;
}
export const REQUEST_NOTES = Symbol('RequestNotes');

import type { RequestNote } from '../../domain/request-note.js';

/** A stored note: as written, with its id. */
export interface StoredRequestNote extends RequestNote {
  id: string;
}

/** The internal notes of requests: written once, read in the order they were written. */
export interface RequestNotes {
  /** Stores a new note inside the current unit of work; returns its id. */
  add(note: RequestNote): Promise<string>;
  /** Every note of a request, oldest first. */
  of(requestId: string): Promise<StoredRequestNote[]>;
}
export const REQUEST_NOTES = Symbol('RequestNotes');

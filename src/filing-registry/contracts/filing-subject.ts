/** A filing subject as other contexts see it (what this context's queries return). */
export type { FilingSubjectSnapshot } from '../application/filing-subject-snapshot.js';

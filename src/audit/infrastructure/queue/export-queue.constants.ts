/** The bull queue exports run on, and how often a failing export is tried. */
export const EXPORTS_QUEUE = 'exports';
export const EXPORT_JOB = 'run-export';
export const EXPORT_ATTEMPTS = 3;

export interface ExportJobData {
  exportId: string;
}

import type { Request } from 'express';
import 'express-session';

export interface FlashMessage {
  type: 'success' | 'error' | 'info';
  text: string;
}

/** What a form submitted, kept across the redirect so the page can show it again with its errors. */
export interface FormState {
  form: string;
  values: Record<string, unknown>;
  message: string;
}

declare module 'express-session' {
  interface SessionData {
    staffId?: string;
    signedInAt?: number;
    flash?: FlashMessage[];
    formState?: FormState;
  }
}

/** Adds a message to show on the next page the user sees. */
export function flash(req: Request, type: FlashMessage['type'], text: string): void {
  if (!req.session) return;
  req.session.flash = [...(req.session.flash ?? []), { type, text }];
}

export function takeFlash(req: Request): FlashMessage[] {
  const messages = req.session?.flash ?? [];
  if (req.session?.flash) delete req.session.flash;
  return messages;
}

const NEVER_KEPT = new Set(['_csrf', 'password']);

export function keepFormState(req: Request, message: string): void {
  if (!req.session) return;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(Object.entries(body).filter(([key]) => !NEVER_KEPT.has(key)));
  const form = typeof body._form === 'string' ? body._form : req.path;
  req.session.formState = { form, values, message };
}

export function takeFormState(req: Request): FormState | undefined {
  const state = req.session?.formState;
  if (state) delete req.session.formState;
  return state;
}

import type { Request } from 'express';
import 'express-session';
import { Message, type MessageParam } from '../../i18n/message.js';

/** Words kept in the session until the next page: a message (rendered in the reader's locale). */
interface KeptMessage {
  key: string;
  params?: Record<string, unknown>;
}

export interface FlashMessage {
  type: 'success' | 'error' | 'info';
  text: Message;
}

/** What a form submitted, kept across the redirect so the page can show it again with its errors. */
export interface FormState {
  form: string;
  values: Record<string, unknown>;
  message: Message;
}

declare module 'express-session' {
  interface SessionData {
    staffId?: string;
    signedInAt?: number;
    flash?: { type: FlashMessage['type']; text: KeptMessage }[];
    formState?: { form: string; values: Record<string, unknown>; message: KeptMessage };
  }
}

/** Adds a message to show on the next page the user sees. */
export function flash(req: Request, type: FlashMessage['type'], text: Message): void {
  if (!req.session) return;
  req.session.flash = [...(req.session.flash ?? []), { type, text: keep(text) }];
}

export function takeFlash(req: Request): FlashMessage[] {
  const messages = req.session?.flash ?? [];
  if (req.session?.flash) delete req.session.flash;
  return messages.map(({ type, text }) => ({ type, text: revive(text) }));
}

const NEVER_KEPT = new Set([
  '_csrf',
  'password',
  'currentPassword',
  'newPassword',
  'confirmPassword',
]);

export function keepFormState(req: Request, message: Message): void {
  if (!req.session) return;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(Object.entries(body).filter(([key]) => !NEVER_KEPT.has(key)));
  const form = typeof body._form === 'string' ? body._form : req.path;
  req.session.formState = { form, values, message: keep(message) };
}

export function takeFormState(req: Request): FormState | undefined {
  const state = req.session?.formState;
  if (!state) return undefined;
  delete req.session.formState;
  return { ...state, message: revive(state.message) };
}

/** A message as the session stores it (JSON): its key, and its parameters with messages nested. */
function keep(message: Message): KeptMessage {
  if (!message.params) return { key: message.key };
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.params)) {
    if (value instanceof Message) params[name] = keep(value);
    else if (Array.isArray(value)) params[name] = (value as Message[]).map(keep);
    else if (value instanceof Date) params[name] = value.toISOString();
    else params[name] = value;
  }
  return { key: message.key, params };
}

function revive(kept: KeptMessage): Message {
  if (!kept.params) return new Message(kept.key as Message['key']);
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(kept.params)) {
    if (Array.isArray(value)) params[name] = value.map((item) => revive(item as KeptMessage));
    else if (value && typeof value === 'object') params[name] = revive(value as KeptMessage);
    else params[name] = value as MessageParam;
  }
  return new Message(kept.key as Message['key'], params);
}

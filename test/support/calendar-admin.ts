import { expect } from '@jest/globals';
import type { WebSession } from './web-session.js';

/** Text as Handlebars escaped it, read back. */
export function unescapeHtml(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x60;/g, '`')
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The fields of the preview's confirmation form (the Save button), as the browser would send them. */
export function confirmationOf(html: string): Record<string, string> {
  const form = /<form[^>]*class="confirm-calendar"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error('the page shows no confirmation');
  const fields: Record<string, string> = {};
  for (const input of form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    if (input[1] !== '_csrf') fields[input[1]!] = unescapeHtml(input[2]!);
  return fields;
}

/** Checks the arrangement's changes (the preview), then saves it with the preview's button. */
export async function saveArrangement(session: WebSession, fields: Record<string, string>) {
  const preview = await session.submit('/admin/calendar', fields);
  expect(preview.status).toBe(200);
  return session.submit('/admin/calendar', confirmationOf(preview.text));
}

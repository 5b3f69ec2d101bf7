import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {
  ALL_AUDIT_ACTIONS,
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  isAuditAction,
} from '../../shared/domain/audit-actions.js';
import { projectRoot } from '../../shared/infrastructure/project-root.js';
import { CATALOGUES } from '../../shared/i18n/messages/index.js';
import { Translator } from '../../shared/i18n/translator.js';
import {
  AUDIT_ACTION_CHOICES,
  auditActionLabel,
  describeAuditEvent,
} from './audit-event-wording.js';

const translator = new Translator('Asia/Shanghai');
const LOCALES = [translator.words('en'), translator.words('zh-CN')];

/** Every TypeScript source file of the app (not the tests). */
function sources(): { file: string; source: string }[] {
  const found: { file: string; source: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
        found.push({
          file: path.relative(projectRoot(), full),
          source: fs.readFileSync(full, 'utf8'),
        });
    }
  };
  walk(path.join(projectRoot(), 'src'));
  return found;
}

const ACTION_SHAPE = /'([a-z]+\.[a-z]+(?:_[a-z]+)*)'/g;
const literalsIn = (text: string): string[] =>
  [...text.matchAll(ACTION_SHAPE)].map((match) => match[1]!);

/**
 * The actions the code can record, as written in it: `action: '…'` (and both sides
 * of `action: cond ? '…' : '…'`) in `AUDIT_LOG.record` calls, an aggregate's
 * `this.record('…', …)`, the sign-in's `recordAttempt('…', …)`, the `type: '…'` of
 * domain events, the SLA watch's event types, and the events reactions wait for.
 */
function recordedActions(): { action: string; file: string }[] {
  const found: { action: string; file: string }[] = [];
  for (const { file, source } of sources()) {
    const add = (actions: string[]) => actions.forEach((action) => found.push({ action, file }));
    // `action: <expression>` up to the end of the property (it may span lines).
    for (const match of source.matchAll(/\baction:\s*([^,;{}]*)/g)) {
      add(literalsIn(match[1]!));
    }
    for (const match of source.matchAll(
      /\b(?:this\.record|request\.record|recordAttempt)\(\s*'([^']+)'/g,
    )) {
      add([match[1]!]);
    }
    for (const match of source.matchAll(/@ReactsTo\(([^)]*)\)/g)) add(literalsIn(match[1]!));
    if (/\bDomainEvent\b/.test(source)) {
      for (const match of source.matchAll(/\btype:\s*'([^']+)'/g)) add([match[1]!]);
    }
    // A handler that takes an action as a parameter is given it as a literal argument.
    if (/\bAuditActionOf<|\bAuditAction\b/.test(source)) {
      for (const match of source.matchAll(/\bthis\.\w+\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
        add(literalsIn(match[1]!).filter((literal) => /^[a-z]+\.[a-z_]+$/.test(literal)));
      }
    }
  }
  return found;
}

/** The text inside the brackets that open at `start` (`{…}`), nested brackets and all. */
function bracketed(source: string, start: number): string {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const ch = source[i]!;
    if ('{[('.includes(ch)) depth++;
    else if ('}])'.includes(ch) && --depth === 0) return source.slice(start + 1, i);
  }
  return '';
}

/** The names of an object literal's own properties (`a: 1, b, ...c` → a, b). */
function propertyNames(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if ('{[('.includes(ch)) depth++;
    if ('}])'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((part) => part.replace(/^\s*(\/\/[^\n]*\n\s*)*/, '').trim())
    .filter((part) => part && !part.startsWith('...'))
    .map((part) => /^([A-Za-z_$][\w$]*)\s*(?::|$)/.exec(part)?.[1])
    .filter((name): name is string => !!name);
}

/** The details the code records: the properties of `details: {…}` and of an aggregate's event details. */
function recordedDetails(): { key: string; file: string }[] {
  const found: { key: string; file: string }[] = [];
  for (const { file, source } of sources()) {
    if (!/AUDIT_LOG|DomainEvent|\b(?:this|request)\.record\(/.test(source)) continue;
    const opening = /\bdetails:\s*\{|\b(?:this|request)\.record\(\s*'[^']+',\s*\w+,\s*\{/g;
    for (const match of source.matchAll(opening)) {
      const body = bracketed(source, match.index + match[0].length - 1);
      for (const key of propertyNames(body)) found.push({ key, file });
    }
  }
  return found;
}

describe('every action the desk records speaks', () => {
  const recorded = recordedActions();

  it('finds the actions the code records (the walk reads the code)', () => {
    const actions = new Set(recorded.map(({ action }) => action));
    // A sample from each way of recording, so a change to the code that hides them fails here.
    for (const action of [
      'staff.created', // AUDIT_LOG.record({ action: '…' })
      'staff.signed_out', // … on one line
      'request.approved', // the aggregate's this.record('…')
      'request.submitted', // request.record('…') in its factory
      'staff.signed_in', // recordAttempt('…')
      'calendar.year_changed', // action: before ? '…' : '…'
      'request.sla_at_risk', // the SLA watch's event types
      'export.requested',
      'document.viewed',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('labels every detail the code records, in both locales', () => {
    const details = recordedDetails();
    // The walk reads the details (a sample of each way of recording them).
    for (const key of ['awaitingSecondApproval', 'email', 'year', 'exportId'])
      expect(details.map((detail) => detail.key)).toContain(key);
    const unlabelled = details.filter(
      ({ key }) => !Object.prototype.hasOwnProperty.call(CATALOGUES.en, `audit.detail.${key}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it('records only registered actions', () => {
    const unregistered = recorded.filter(({ action }) => !isAuditAction(action));
    expect(unregistered).toEqual([]);
  });

  it.each(ALL_AUDIT_ACTIONS.map((action) => [action]))(
    '%s has a label and a sentence in both locales, and no detail shown as JSON',
    (action) => {
      for (const words of LOCALES) {
        const label = words.text(auditActionLabel(action));
        expect(label).not.toMatch(/^audit\.|[{}]/);
        expect(label).not.toBe(action);
        const worded = describeAuditEvent({
          actorType: 'STAFF',
          actorName: '刘洋',
          action,
          details: {
            year: 2027,
            nested: { source: 'a notice', daysOff: [{ from: '2027-01-01', to: '2027-01-01' }] },
            list: [{ kind: 'ID_FRONT' }],
          },
        });
        const sentence = words.text(worded.sentence);
        expect(sentence).not.toContain(action);
        expect(sentence).not.toMatch(/[{}]|\baudit\.[a-z]/);
        for (const { label: detailLabel, value } of worded.details) {
          const shown = [
            words.text(detailLabel),
            typeof value === 'string' ? value : words.text(value),
          ];
          for (const text of shown) expect(text).not.toMatch(/[{}[\]"]|\baudit\.[a-z]/);
        }
      }
    },
  );

  it('lists every action once in the Action filter, grouped, each group one family', () => {
    expect(AUDIT_ACTION_GROUPS).toEqual(
      expect.arrayContaining(['requests', 'documents', 'staff', 'calendar', 'exports', 'mail']),
    );
    const listed = AUDIT_ACTION_CHOICES.flatMap((group) => group.actions.map(({ value }) => value));
    expect(listed).toEqual([...new Set(listed)]);
    expect(new Set(listed)).toEqual(new Set(ALL_AUDIT_ACTIONS));
    for (const group of AUDIT_ACTION_CHOICES) {
      for (const action of AUDIT_ACTIONS[group.group])
        expect(action.startsWith(group.family)).toBe(true);
      // No other group's action falls in this family (the family filter is a prefix).
      for (const other of ALL_AUDIT_ACTIONS.filter(
        (a) => !(AUDIT_ACTIONS[group.group] as readonly string[]).includes(a),
      ))
        expect(other.startsWith(group.family)).toBe(false);
      for (const words of LOCALES) {
        expect(words.text(group.label)).not.toMatch(/^audit\./);
        expect(words.text(group.any)).not.toMatch(/^audit\./);
      }
    }
  });
});

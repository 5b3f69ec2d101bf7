import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../infrastructure/project-root.js';
import { catalogueProblems } from './catalogue-check.js';
import { CATALOGUES } from './messages/index.js';
import { templateKeys, untranslatedTexts } from './template-text.js';
import { Translator } from './translator.js';

const VIEWS = path.join(projectRoot(), 'views');

function templates(): { file: string; source: string }[] {
  const found: { file: string; source: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.hbs'))
        found.push({ file: path.relative(VIEWS, full), source: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(VIEWS);
  return found;
}

describe('the catalogues', () => {
  it('hold the same keys in zh-CN and en, every message parses, and both take the same arguments', () => {
    expect(catalogueProblems(CATALOGUES)).toEqual([]);
  });

  it('fail the check for a key missing in one locale, a plural without "other", or different arguments', () => {
    const problems = catalogueProblems({
      'zh-CN': { 'a.only': '只有中文', 'a.count': '{count} 个', 'a.name': '{holder} 认领了' },
      en: {
        'a.count': '{count, plural, one {# request}}',
        'a.name': '{name} claimed it',
      },
    });
    expect(problems).toEqual([
      expect.stringMatching(/^a\.count: the en message does not parse/),
      'a.name: en does not use {holder}, which zh-CN does',
      'a.name: en uses {name}, which zh-CN does not',
      'a.only: missing in en',
    ]);
  });

  it('fail the check for a date without a style (it would be formatted in the server’s zone)', () => {
    expect(
      catalogueProblems({
        'zh-CN': { 'a.at': '{at, date, medium}' },
        en: { 'a.at': '{at, date}' },
      }),
    ).toEqual(['a.at: the en message formats {at} without a style (write {at, date, medium})']);
  });

  it('accept Chinese without plural forms beside English with them', () => {
    expect(
      catalogueProblems({
        'zh-CN': { 'a.count': '{count} 个申请' },
        en: { 'a.count': '{count, plural, one {# request} other {# requests}}' },
      }),
    ).toEqual([]);
  });

  it('compile every message in both locales', () => {
    const translator = new Translator('Asia/Shanghai');
    for (const locale of ['zh-CN', 'en'] as const) {
      const words = translator.words(locale);
      expect(() => words.compileAll()).not.toThrow();
    }
  });
});

describe('the templates', () => {
  it('name only keys that the catalogues hold', () => {
    const missing = templates().flatMap(({ file, source }) =>
      templateKeys(source)
        .filter((key) => !(key in CATALOGUES.en) || !(key in CATALOGUES['zh-CN']))
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('show no words that do not go through the translator', () => {
    const untranslated = templates().flatMap(({ file, source }) =>
      untranslatedTexts(source).map((text) => `${file}: ${text}`),
    );
    expect(untranslated).toEqual([]);
  });

  it('are scanned for words in elements and in worded attributes, but not in mustaches or keys', () => {
    expect(
      untranslatedTexts(
        '<h1>Queue</h1><p>{{t "queue.title"}}</p><input placeholder="reference" title="{{t "x"}}">' +
          '<span aria-label="待办">{{name}}</span><kbd>j</kbd>{{!-- a comment --}}<b>·</b>',
      ),
    ).toEqual(['placeholder="reference"', 'aria-label="待办"', 'Queue']);
    expect(templateKeys('{{t "a.b"}} {{x (t "c.d" n=1)}} {{t label}}')).toEqual(['a.b', 'c.d']);
  });
});

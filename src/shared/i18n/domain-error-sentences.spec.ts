import { describe, expect, it } from '@jest/globals';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGUES, type MessageKey } from './messages/index.js';
import { Translator } from './translator.js';

/** Sample facts for a message's arguments, of the kind each argument takes. */
function sampleParams(source: string): Record<string, string | number | Date> {
  const params: Record<string, string | number | Date> = {};
  const walk = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (element.type === TYPE.plural || element.type === TYPE.number) params[element.value] = 2;
      else if (element.type === TYPE.date || element.type === TYPE.time)
        params[element.value] = new Date('2026-12-02T02:00:00Z');
      else if (element.type === TYPE.select) {
        const [first] = Object.keys(element.options).filter((option) => option !== 'other');
        params[element.value] = first ?? 'other';
      } else if (element.type === TYPE.argument) params[element.value] ??= `‹${element.value}›`;
      if ('options' in element)
        for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(source, { ignoreTag: true }));
  return params;
}

describe('every domain refusal', () => {
  const translator = new Translator('Asia/Shanghai');
  // A DomainError's code must have an `error.<code>` sentence (DomainErrorCode), so these
  // keys are every code the domain can refuse with.
  const codes = Object.keys(CATALOGUES.en).filter((key) =>
    key.startsWith('error.'),
  ) as MessageKey[];

  it('has codes in every context', () => {
    const contexts = [...new Set(codes.map((key) => key.split('.')[1]))].sort();
    expect(contexts).toEqual([
      'calendar',
      'export',
      'notifications',
      'registry',
      'report',
      'request',
      'staff',
    ]);
    expect(codes.length).toBeGreaterThan(30);
  });

  it.each(codes)('%s renders in Chinese and in English with its facts', (key) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const params = sampleParams(CATALOGUES[locale][key]);
      const sentence = translator.words(locale).t(key, params);
      expect(sentence).not.toBe(key);
      expect(sentence).not.toMatch(/[{}]/);
      // Words of its own in Chinese (a sentence made only of other sentences has none).
      if (locale === 'zh-CN' && /[\u3400-\u9fff]/.test(CATALOGUES[locale][key]))
        expect(sentence).toMatch(/[\u3400-\u9fff]/);
    }
  });
});

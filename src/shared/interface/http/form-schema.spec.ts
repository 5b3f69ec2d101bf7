import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { type Message } from '../../i18n/message.js';
import { Translator } from '../../i18n/translator.js';
import { formText, MalformedFormException, optionalFormText, parseForm } from './form-schema.js';

const translator = new Translator('Asia/Shanghai');
const FORM = z.object({ note: formText, year: optionalFormText });
const WORDS = { note: 'request.formProblem.note', year: 'sla.formProblem.year' } as const;

describe('a web form parsed by its schema', () => {
  it('gives the schema’s output, passing over the fields it does not name', () => {
    expect(parseForm(FORM, { _csrf: 't', note: 'hello', year: '2027' }, WORDS)).toEqual({
      note: 'hello',
      year: '2027',
    });
  });

  it('reads a body that is no set of fields as an empty form', () => {
    for (const body of [undefined, null, 'text', ['a']])
      expect(parseForm(FORM, body, WORDS)).toEqual({ note: '', year: undefined });
  });

  it('refuses a malformed form with a 400 naming every field that is wrong', () => {
    let refused: unknown;
    try {
      parseForm(FORM, { note: ['a', 'b'], year: { x: '1' }, other: ['x', 'y'] }, WORDS);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(MalformedFormException);
    const exception = refused as MalformedFormException;
    expect(exception.getStatus()).toBe(400);
    expect(exception.problems.map((problem) => problem.key)).toEqual([
      'request.formProblem.note',
      'sla.formProblem.year',
    ]);
    const words = (locale: 'en' | 'zh-CN') =>
      translator.words(locale).text(exception.getResponse() as Message);
    expect(words('en')).toBe('Write the note as one text. Write the year as one text.');
    expect(words('zh-CN')).toBe('请将说明填写为一段文字。请将年份填写为一段文字。');
  });

  it('names a field without words of its own in general terms', () => {
    expect(() => parseForm(FORM, { note: ['a', 'b'] }, {})).toThrow(MalformedFormException);
  });
});

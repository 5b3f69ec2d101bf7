import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../shared/i18n/translator.js';
import { IncompleteDecisionError } from '../../domain/initialization-request.errors.js';
import { parseNoteForm } from './request-note-form.js';

const translator = new Translator('Asia/Shanghai');

describe('the notes form, parsed at the boundary', () => {
  it('gives the note’s text; an empty one is the request’s to refuse', () => {
    expect(parseNoteForm({ _csrf: 'token', text: 'Called the applicant.' })).toEqual({
      text: 'Called the applicant.',
    });
    expect(parseNoteForm({})).toEqual({ text: '' });
    expect(parseNoteForm(undefined)).toEqual({ text: '' });
  });

  it('refuses a text sent twice or as fields, in words, in the reader’s language', () => {
    for (const text of [['one', 'two'], { a: 'one' }]) {
      let refused: unknown;
      try {
        parseNoteForm({ text });
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(IncompleteDecisionError);
      const sentence = (refused as IncompleteDecisionError).sentence;
      expect(translator.words('en').text(sentence)).toBe('Write the note as one text.');
      expect(translator.words('zh-CN').text(sentence)).toBe('请将说明填写为一段文字。');
    }
  });
});

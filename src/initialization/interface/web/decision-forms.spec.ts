import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../shared/i18n/translator.js';
import { IncompleteDecisionError } from '../../domain/initialization-request.errors.js';
import { parseDecisionForm, type DecisionForm, type DecisionName } from './decision-forms.js';

const translator = new Translator('Asia/Shanghai');
const DOCUMENT = '6f1c7f9e-3b7a-4c2e-9d4f-0a1b2c3d4e5f';

/** The sentence a refused form comes back with, in one language. */
function refusal(name: DecisionName, form: DecisionForm, locale: 'en' | 'zh-CN' = 'en'): string {
  try {
    parseDecisionForm(name, form);
  } catch (error) {
    expect(error).toBeInstanceOf(IncompleteDecisionError);
    return translator.words(locale).text((error as IncompleteDecisionError).sentence);
  }
  throw new Error(`the ${name} form was accepted`);
}

describe('the review decision forms, parsed at the boundary', () => {
  describe('a form as the workspace page sends it gives its command input', () => {
    it.each<[DecisionName, DecisionForm, unknown]>([
      ['claim', { _csrf: 'token', _form: 'claim' }, { version: undefined }],
      ['release', { _form: 'release', version: '3' }, { version: 3 }],
      ['approve', { version: '4' }, { version: 4 }],
      ['second-approval', { version: '5' }, { version: 5 }],
      ['reassign', { assigneeId: 'staff-2', version: '2' }, { assigneeId: 'staff-2', version: 2 }],
      [
        'return',
        { note: 'Look at the photo again.', version: '6' },
        { note: 'Look at the photo again.', version: 6 },
      ],
      [
        'reject',
        { reasons: ['INFO_MISMATCH', 'OTHER'], message: 'The name differs.', version: '2' },
        { reasons: ['INFO_MISMATCH', 'OTHER'], message: 'The name differs.', version: 2 },
      ],
      [
        'request-info',
        {
          documents: 'ID_CARD_FRONT',
          fields: ['applicant.phone, subjectName', 'newAccountEmail'],
          message: 'Send a clearer scan.',
          version: '7',
        },
        {
          documents: ['ID_CARD_FRONT'],
          fields: ['applicant.phone', 'subjectName', 'newAccountEmail'],
          message: 'Send a clearer scan.',
          version: 7,
        },
      ],
      [
        'checks',
        {
          checks: {
            [DOCUMENT]: { legible: 'yes', authentic: 'on', valid: 'no', note: 'Faint stamp' },
          },
          version: '3',
        },
        {
          checks: [
            {
              documentId: DOCUMENT,
              legible: true,
              authentic: true,
              valid: false,
              matchesApplication: false,
              note: 'Faint stamp',
            },
          ],
          version: 3,
        },
      ],
    ])('%s', (name, form, input) => {
      expect(parseDecisionForm(name, form)).toEqual(input);
    });

    it('an empty form is an empty input: what a decision lacks is for the request to say', () => {
      expect(parseDecisionForm('reject', {})).toEqual({
        reasons: [],
        message: '',
        version: undefined,
      });
      expect(parseDecisionForm('request-info', { documents: '', fields: '' })).toEqual({
        documents: [],
        fields: [],
        message: '',
        version: undefined,
      });
      expect(parseDecisionForm('checks', {})).toEqual({ checks: [], version: undefined });
      expect(parseDecisionForm('reassign', { version: '' })).toEqual({
        assigneeId: '',
        version: undefined,
      });
    });
  });

  describe('a form the page would never send is refused with every problem at once, in words', () => {
    it.each<[DecisionName, DecisionForm, string]>([
      [
        'claim',
        { version: 'latest' },
        'The form does not say which version of the request it was filled in on; reload the page and try again.',
      ],
      [
        'release',
        { version: '0' },
        'The form does not say which version of the request it was filled in on; reload the page and try again.',
      ],
      [
        'approve',
        { version: '2.5' },
        'The form does not say which version of the request it was filled in on; reload the page and try again.',
      ],
      [
        'second-approval',
        { version: ['3', '4'] },
        'The form does not say which version of the request it was filled in on; reload the page and try again.',
      ],
      [
        'reassign',
        { assigneeId: ['staff-2', 'staff-3'], version: 'x' },
        'Choose one reviewer to hand the request to. The form does not say which version of the request it was filled in on; reload the page and try again.',
      ],
      [
        'return',
        { note: { a: 'one' }, version: '-1' },
        'Write the note as one text. The form does not say which version of the request it was filled in on; reload the page and try again.',
      ],
      [
        'reject',
        { reasons: { OTHER: 'x' }, message: ['one', 'two'], version: 'x' },
        'Choose the reasons from the list. Write the message as one text. The form does not say which version of the request it was filled in on; reload the page and try again.',
      ],
      [
        'request-info',
        { documents: [{ kind: 'ID_CARD_FRONT' }], fields: { a: 'b' }, message: ['x'] },
        'One of the documents asked for is not a document kind. Choose the fields from the list. Write the message as one text.',
      ],
      [
        'checks',
        { checks: { [DOCUMENT]: 'yes', other: { legible: ['yes', 'yes'] } }, version: 'old' },
        "Each document's checks must be its four answers and a note; reload the page and record them again. The form does not say which version of the request it was filled in on; reload the page and try again.",
      ],
    ])('%s', (name, form, words) => {
      expect(refusal(name, form)).toBe(words);
    });

    it("says it in the reader's language", () => {
      expect(refusal('reject', { reasons: { OTHER: 'x' }, message: ['one', 'two'] }, 'zh-CN')).toBe(
        '请从列表中选择驳回原因。请将说明填写为一段文字。',
      );
    });
  });
});

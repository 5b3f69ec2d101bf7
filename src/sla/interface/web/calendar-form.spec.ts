import { describe, expect, it } from '@jest/globals';
import { type Message } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { MalformedFormException } from '../../../shared/interface/http/form-schema.js';
import { parseCalendarForm } from './calendar-form.js';

const translator = new Translator('Asia/Shanghai');

/** The words a refused form comes back with (a 400 page), in one language. */
function refusal(body: unknown, locale: 'en' | 'zh-CN' = 'en'): string {
  try {
    parseCalendarForm(body);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedFormException);
    return translator
      .words(locale)
      .text((error as MalformedFormException).getResponse() as Message);
  }
  throw new Error('the form was accepted');
}

describe('the calendar form, parsed at the boundary', () => {
  it('the edit step gives the arrangement read from its lines and what was typed', () => {
    const input = parseCalendarForm({
      _csrf: 'token',
      year: '2027',
      source: '国务院办公厅通知',
      daysOff: '2027-01-01..2027-01-03 New Year',
      makeUpWorkdays: '',
    });
    expect(input).toMatchObject({
      parsed: {
        ok: true,
        arrangement: {
          year: 2027,
          source: '国务院办公厅通知',
          daysOff: [{ from: '2027-01-01', to: '2027-01-03', name: 'New Year' }],
          makeUpWorkdays: [],
        },
      },
      typed: {
        year: '2027',
        source: '国务院办公厅通知',
        daysOff: '2027-01-01..2027-01-03 New Year',
        makeUpWorkdays: '',
      },
      basis: '',
      confirmed: false,
    });
  });

  it("the preview's Save button confirms, on the basis it was made from", () => {
    const input = parseCalendarForm({
      year: '2027',
      source: 'Notice',
      daysOff: '',
      makeUpWorkdays: '',
      basis: 'v3',
      confirm: 'yes',
    });
    expect(input).toMatchObject({ basis: 'v3', confirmed: true });
  });

  it("an empty form is the arrangement's own problems, beside their fields", () => {
    const input = parseCalendarForm(undefined);
    expect(input.parsed.ok).toBe(false);
    expect(input.parsed.problems.year).toHaveLength(1);
    expect(input.parsed.problems.source).toHaveLength(1);
    expect(input.typed).toEqual({ year: '', source: '', daysOff: '', makeUpWorkdays: '' });
    expect(input.confirmed).toBe(false);
  });

  it('a form the page would never send is refused with every problem at once, in words', () => {
    const body = {
      year: ['2027', '2028'],
      source: { a: 'b' },
      daysOff: ['x', 'y'],
      makeUpWorkdays: ['z'],
      basis: ['v1', 'v2'],
      confirm: ['yes', 'yes'],
    };
    expect(refusal(body)).toBe(
      'Write the year as one text. Write the source notice as one text. Write the days off as one text, one entry a line. Write the make-up working days as one text, one entry a line. The form does not say which preview it confirms; check the arrangement again and save it from the new preview.',
    );
    expect(refusal({ year: ['2027', '2028'], source: { a: 'b' } }, 'zh-CN')).toBe(
      '请将年份填写为一段文字。请将通知来源填写为一段文字。',
    );
  });
});

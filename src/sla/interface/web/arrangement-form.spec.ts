import { describe, expect, it } from '@jest/globals';
import { arrangementProblems, describeArrangementProblem } from '@lib/business-calendar';
import { Translator } from '../../../shared/i18n/translator.js';
import { arrangementProblem, InvalidCalendarError } from '../../domain/calendar.errors.js';
import { parseArrangementForm } from './arrangement-form.js';
import { calendarNames } from './calendar-names.js';

const translator = new Translator('Asia/Shanghai');
const english = translator.words('en');
const chinese = translator.words('zh-CN');

describe('the arrangement form', () => {
  it('reads one block of days off or one make-up working day per line', () => {
    const parsed = parseArrangementForm({
      year: '2027',
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      daysOff: "2027-01-01..2027-01-03 New Year's Day\r\n\r\n2027-04-05 清明节",
      makeUpWorkdays: '2027-02-07 春节',
    });
    expect(parsed).toMatchObject({
      ok: true,
      arrangement: {
        year: 2027,
        source: '国务院办公厅关于2027年部分节假日安排的通知',
        daysOff: [
          { from: '2027-01-01', to: '2027-01-03', name: "New Year's Day" },
          { from: '2027-04-05', to: '2027-04-05', name: '清明节' },
        ],
        makeUpWorkdays: [{ date: '2027-02-07', name: '春节' }],
      },
    });
    // Lines are numbered as the text area's rows, blank ones included.
    expect(parsed.lines).toEqual([
      {
        field: 'daysOff',
        line: 1,
        text: "2027-01-01..2027-01-03 New Year's Day",
        days: ['2027-01-01', '2027-01-02', '2027-01-03'],
      },
      { field: 'daysOff', line: 3, text: '2027-04-05 清明节', days: ['2027-04-05'] },
      { field: 'makeUpWorkdays', line: 1, text: '2027-02-07 春节', days: ['2027-02-07'] },
    ]);
  });

  it('names every problem at once, in the reader’s language', () => {
    const parsed = parseArrangementForm({
      year: '1999',
      source: ' ',
      daysOff: '2027-01-01..2027-01-03 New Year\nsoon',
      makeUpWorkdays: 'Sunday',
    });
    expect(parsed.ok).toBe(false);
    const refusal = new InvalidCalendarError(Object.values(parsed.problems).flat());
    expect(english.text(refusal.sentence)).toBe(
      'The arrangement was not saved: Choose a year between 2000 and 2100. Name the State Council notice the arrangement comes from. Days off, line 2 ("soon") is not "YYYY-MM-DD..YYYY-MM-DD Name". Make-up working days, line 1 ("Sunday") is not "YYYY-MM-DD Name".',
    );
    expect(chinese.text(refusal.sentence)).toBe(
      '安排未保存：请选择 2000 至 2100 年之间的年份。请填写该安排所依据的国务院办公厅通知。法定休息日第 2 行（“soon”）不符合“YYYY-MM-DD..YYYY-MM-DD 名称”的格式。调休上班日第 1 行（“Sunday”）不符合“YYYY-MM-DD 名称”的格式。',
    );
  });

  it('refuses, by line and all at once, days outside the year and the last week of December before it, keeping the lines that can be saved', () => {
    const parsed = parseArrangementForm({
      year: '2027',
      source: 'test notice',
      daysOff:
        '2026-12-31..2027-01-01 New Year\n2025-12-31 Too early\n2026-12-24..2026-12-26 Christmas\n2027-12-31..2028-01-01 New Year 2028',
      makeUpWorkdays: '2026-12-26 New Year\n2027-02-30 Spring Festival',
    });
    expect(parsed.ok).toBe(false);
    expect(parsed.arrangement).toMatchObject({
      daysOff: [{ from: '2026-12-31', to: '2027-01-01', name: 'New Year' }],
      makeUpWorkdays: [{ date: '2026-12-26', name: 'New Year' }],
    });
    expect(parsed.problems.daysOff.map((problem) => english.text(problem))).toEqual([
      'Days off, line 2 ("2025-12-31 Too early"): 2025-12-31 is outside what the 2027 arrangement may list, 2026-12-25 to 2027-12-31 (2027 and the last week of December before it).',
      'Days off, line 3 ("2026-12-24..2026-12-26 Christmas"): 2026-12-24 is outside what the 2027 arrangement may list, 2026-12-25 to 2027-12-31 (2027 and the last week of December before it).',
      'Days off, line 4 ("2027-12-31..2028-01-01 New Year 2028"): 2028-01-01 is outside what the 2027 arrangement may list, 2026-12-25 to 2027-12-31 (2027 and the last week of December before it).',
    ]);
    expect(parsed.problems.makeUpWorkdays.map((problem) => chinese.text(problem))).toEqual([
      '调休上班日第 2 行（“2027-02-30 Spring Festival”）：2027-02-30 不是有效的日期。',
    ]);
  });

  it('words every problem the calendar library finds as the library does in English, and in Chinese', () => {
    const problems = arrangementProblems([
      {
        year: 2027,
        source: 'test notice',
        daysOff: [
          { from: '2027-05-05', to: '2027-05-01', name: '劳动节' },
          { from: '2027-01-01', to: '2027-01-01', name: '元旦' },
        ],
        makeUpWorkdays: [{ date: '2027-01-05', name: '元旦' }],
      },
    ]);
    const refusal = new InvalidCalendarError(problems.map(arrangementProblem));
    expect(english.text(refusal.sentence)).toBe(
      `The arrangement was not saved: ${problems.map(describeArrangementProblem).join(' ')}`,
    );
    expect(chinese.text(refusal.sentence)).toBe(
      '安排未保存：2027 年：休息日（劳动节）的结束日期（2027-05-01）早于开始日期（2027-05-05）。2027 年：调休上班日 2027-01-05（元旦）不是周六或周日。',
    );
  });
});

describe('the calendar’s names', () => {
  it('name months and weekdays from Monday in each language', () => {
    expect(calendarNames('zh-CN').months.slice(0, 2)).toEqual(['一月', '二月']);
    expect(calendarNames('en').months[11]).toBe('December');
    expect(calendarNames('zh-CN').weekdays[0]).toEqual({ short: '周一', long: '星期一' });
    expect(calendarNames('en').weekdays[6]).toEqual({ short: 'Sun', long: 'Sunday' });
  });
});

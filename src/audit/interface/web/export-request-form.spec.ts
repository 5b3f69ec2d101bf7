import { describe, expect, it } from '@jest/globals';
import { type Message } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { MalformedFormException } from '../../../shared/interface/http/form-schema.js';
import { parseExportRequestForm } from './export-request-form.js';

const translator = new Translator('Asia/Shanghai');

/** The words a refused form comes back with (a 400 page), in one language. */
function refusal(body: unknown, locale: 'en' | 'zh-CN' = 'en'): string {
  try {
    parseExportRequestForm(body);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedFormException);
    return translator
      .words(locale)
      .text((error as MalformedFormException).getResponse() as Message);
  }
  throw new Error('the form was accepted');
}

describe('the export request form, parsed at the boundary', () => {
  it('gives the export request as the page sends it', () => {
    expect(
      parseExportRequestForm({
        _csrf: 'token',
        _form: 'new-export',
        dataset: 'audit-events',
        format: 'csv',
        from: '2026-11-01',
        to: '2026-11-30',
        actor: 'Wang',
        action: '',
        requestReference: '',
        subject: '',
        status: '',
        subjectType: '',
      }),
    ).toEqual({
      dataset: 'audit-events',
      format: 'csv',
      from: '2026-11-01',
      to: '2026-11-30',
      actor: 'Wang',
      action: '',
      requestReference: '',
      subject: '',
      status: '',
      subjectType: '',
    });
  });

  it('an empty form is empty fields: which are wrong is readExportRequest’s to say', () => {
    expect(parseExportRequestForm(undefined)).toEqual({
      dataset: '',
      format: '',
      from: '',
      to: '',
      actor: '',
      action: '',
      requestReference: '',
      subject: '',
      status: '',
      subjectType: '',
    });
  });

  it('a form the page would never send is refused with every problem at once, in words', () => {
    const body = {
      dataset: ['requests', 'audit-events'],
      format: { a: 'CSV' },
      from: ['2026-11-01', '2026-11-02'],
      to: ['2026-11-30'],
      actor: ['a', 'b'],
      status: { x: 'APPROVED' },
    };
    expect(refusal(body)).toBe(
      'Choose one dataset from the list. Choose one format from the list. Give each end of the range as one date. Write each filter as one text.',
    );
    expect(refusal(body, 'zh-CN')).toBe(
      '请从列表中选择一个数据集。请从列表中选择一种格式。请将日期范围的起止各填写为一个日期。请将每个筛选条件填写为一段文字。',
    );
  });
});

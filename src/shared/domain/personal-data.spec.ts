import { describe, expect, it } from '@jest/globals';
import {
  maskEmail,
  maskIdentifier,
  maskIdentifiersInText,
  maskName,
  maskPersonalData,
  maskPhone,
} from './personal-data.js';

describe('masking personal data', () => {
  it('shows an 18-character resident ID number as its first 3 and last 4 characters', () => {
    expect(maskIdentifier('33010219900101123X')).toBe('330***********123X');
    expect(maskIdentifier('11010519491231002X')).toBe('110***********002X');
  });

  it('masks a unified social credit code the same way', () => {
    expect(maskIdentifier('91110000600037341L')).toBe('911***********341L');
  });

  it('masks phone numbers, names and emails', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('王小明')).toBe('王**');
    expect(maskEmail('wang.fang@example.com')).toBe('w********@example.com');
  });

  it('finds identifier numbers inside free text, but leaves hashes and ids alone', () => {
    const hash = 'a'.repeat(20) + '110105194912310021' + 'b'.repeat(26);
    expect(maskIdentifiersInText('ID 11010519491231002X does not match')).toBe(
      'ID 110***********002X does not match',
    );
    expect(maskIdentifiersInText(hash)).toBe(hash);
    expect(maskIdentifiersInText('BD-20261125-000123')).toBe('BD-20261125-000123');
  });

  it('masks known personal fields by name and identifiers anywhere in nested details', () => {
    expect(
      maskPersonalData({
        applicantIdNumber: '440524188001010014',
        applicantPhone: '13912345678',
        applicantName: '李娜',
        note: 'credential 91110000600037341L checked',
        checks: [{ note: 'ID 360426199101010071 on the photo' }],
        reference: 'BD-20261125-000123',
      }),
    ).toEqual({
      applicantIdNumber: '440***********0014',
      applicantPhone: '139****5678',
      applicantName: '李*',
      note: 'credential 911***********341L checked',
      checks: [{ note: 'ID 360***********0071 on the photo' }],
      reference: 'BD-20261125-000123',
    });
  });
});

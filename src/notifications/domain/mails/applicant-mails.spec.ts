import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../shared/i18n/translator.js';
import {
  approvalMails,
  expiryMail,
  informationRequestMail,
  rejectionMail,
} from './applicant-mails.js';

const style = {
  zone: 'Asia/Shanghai',
  supportContact: '95187',
  defaultLocale: 'zh-CN',
  publicBaseUrl: 'https://desk.example.com',
} as const;
const translator = new Translator('Asia/Shanghai');
const words = { zh: translator.words('zh-CN'), en: translator.words('en') };

describe('approval mails', () => {
  const notice = {
    reference: 'EI-2026-000042',
    newAccountEmail: 'new@example.cn',
    previousAccountEmail: 'old@example.cn',
    aliyunAccountId: '1234567890123456',
  };

  it('tell the new address it can now sign in, and the previous one that it was replaced', () => {
    const [toNew, toPrevious, ...rest] = approvalMails(notice, style, words);
    expect(rest).toEqual([]);
    expect(toNew!.to).toBe('new@example.cn');
    expect(toNew!.subject).toMatch(/^EI-2026-000042 /);
    expect(toNew!.text).toContain('you can now sign in to the ICP Filing system with it');
    expect(toNew!.text).toContain('现在可以使用该邮箱登录');
    expect(toPrevious!.to).toBe('old@example.cn');
    expect(toPrevious!.kind).toBe('request.approved.previous_address');
    expect(toPrevious!.subject).toMatch(/^EI-2026-000042 /);
    expect(toPrevious!.text).toContain(
      'Your ICP Filing account email was replaced by new@example.cn on request EI-2026-000042',
    );
    expect(toPrevious!.text).toContain('If this was not you, contact');
    expect(toPrevious!.text).toContain('95187');
  });

  it('go to the new address only when the subject had no email before', () => {
    const mails = approvalMails({ ...notice, previousAccountEmail: null }, style, words);
    expect(mails.map((mail) => mail.to)).toEqual(['new@example.cn']);
  });

  it('do not tell an address it replaced itself', () => {
    const mails = approvalMails(
      { ...notice, previousAccountEmail: 'NEW@example.cn' },
      style,
      words,
    );
    expect(mails).toHaveLength(1);
  });
});

describe('the rejection mail', () => {
  const mail = rejectionMail(
    {
      reference: 'EI-2026-000043',
      applicantEmail: 'applicant@example.cn',
      applicantName: '张伟',
      reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
      message: 'The ID photo is blurred.\nPlease photograph it in daylight.',
    },
    words,
  );

  it('lists every reason in words, in Chinese first and then in English', () => {
    expect(mail.to).toBe('applicant@example.cn');
    expect(mail.subject).toBe(
      'EI-2026-000043 备案账号邮箱初始化申请未通过 / Your account email initialization request was rejected',
    );
    expect(mail.text).toContain('  • 材料不清晰\n  • 填写信息与备案信息不符');
    expect(mail.text).toContain(
      '  • A document is not clear enough to read\n  • The information does not match the filing record',
    );
    expect(mail.text.indexOf('张伟，您好')).toBeLessThan(mail.text.indexOf('Dear 张伟'));
    expect(mail.text.indexOf('材料不清晰')).toBeLessThan(
      mail.text.indexOf('A document is not clear enough to read'),
    );
    expect(mail.text).not.toContain('DOCUMENT_UNCLEAR');
    expect(mail.text).not.toContain('notifications.');
  });

  it('closes in both languages, and marks each language in the HTML part', () => {
    expect(mail.text).toContain('此邮件由系统自动发送，请勿直接回复。');
    expect(mail.text).toContain('This message was sent automatically; please do not reply to it.');
    expect(mail.html).toMatch(/<div lang="zh-CN">.*很抱歉.*<\/div>.*<div lang="en">.*We are sorry/);
  });

  it("quotes the reviewer's message line by line", () => {
    expect(mail.text).toContain('> The ID photo is blurred.\n> Please photograph it in daylight.');
    expect(mail.html).toContain('The ID photo is blurred.<br>Please photograph it in daylight.');
  });

  it('escapes what the reviewer wrote in the HTML part', () => {
    const html = rejectionMail(
      {
        reference: 'EI-2026-000044',
        applicantEmail: 'a@example.cn',
        applicantName: 'A & B',
        reasons: ['OTHER'],
        message: '<script>alert(1)</script>',
      },
      words,
    ).html!;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Dear A &amp; B,');
  });
});

describe('the information request mail', () => {
  const mail = informationRequestMail(
    {
      reference: 'EI-2026-000045',
      applicantEmail: 'applicant@example.cn',
      applicantName: 'Li Na',
      documents: ['ID_BACK', 'AUTHORIZATION_LETTER'],
      fields: ['Subject name as on the licence'],
      message: 'The seal is not legible.',
      expiresAt: new Date('2026-03-20T10:00:00Z'),
    },
    style,
    words,
  );

  it('says which documents and fields are needed', () => {
    expect(mail.text).toContain('Upload again: ID card, back');
    expect(mail.text).toContain('Upload again: Authorization letter with company seal');
    expect(mail.text).toContain('Correct: Subject name as on the licence');
    expect(mail.text).toContain('重新上传：身份证国徽面');
    expect(mail.text).toContain('> The seal is not legible.');
  });

  it('gives the deadline in Beijing time, whatever the server zone', () => {
    expect(mail.text).toContain('by 20 March 2026, 18:00 (Beijing time)');
    expect(mail.text).toContain('请于 2026年3月20日 18:00（北京时间） 前');
  });

  it('names the offset when the business zone is not Beijing', () => {
    const other = informationRequestMail(
      {
        reference: 'EI-2026-000046',
        applicantEmail: 'a@example.cn',
        applicantName: '',
        documents: ['ID_FRONT'],
        fields: [],
        message: 'm',
        expiresAt: new Date('2026-03-20T10:00:00Z'),
      },
      { ...style, zone: 'Asia/Tokyo' },
      words,
    );
    expect(other.text).toContain('by 20 March 2026, 19:00 (UTC+09:00)');
    expect(other.text).toContain('请于 2026年3月20日 19:00（UTC+09:00） 前');
    expect(other.text).toMatch(/^您好：/);
  });
});

describe('the expiry mail', () => {
  it('tells the applicant the request closed and that a new one can be submitted', () => {
    const mail = expiryMail(
      {
        reference: 'EI-2026-000047',
        applicantEmail: 'applicant@example.cn',
        applicantName: 'Li Na',
      },
      words,
    );
    expect(mail.subject).toMatch(/^EI-2026-000047 /);
    expect(mail.text).toContain('expired because the information asked for was not provided');
    expect(mail.text).toContain('submit a new request');
  });
});

describe('every applicant letter', () => {
  it('holds no link a mail program cannot open: no path into the desk without its address', () => {
    const letters = [
      ...approvalMails(
        {
          reference: 'EI-2026-000042',
          newAccountEmail: 'new@example.cn',
          previousAccountEmail: 'old@example.cn',
          aliyunAccountId: '1234567890123456',
        },
        style,
        words,
      ),
      rejectionMail(
        {
          reference: 'EI-2026-000043',
          applicantEmail: 'a@example.cn',
          applicantName: '王芳',
          reasons: ['DOCUMENT_UNCLEAR'],
          message: 'Blurred.',
        },
        words,
      ),
      informationRequestMail(
        {
          reference: 'EI-2026-000044',
          applicantEmail: 'a@example.cn',
          applicantName: '王芳',
          documents: ['ID_FRONT'],
          fields: ['applicant.phone'],
          message: 'Please.',
          expiresAt: new Date('2026-04-01T10:00:00Z'),
        },
        style,
        words,
      ),
      expiryMail(
        { reference: 'EI-2026-000045', applicantEmail: 'a@example.cn', applicantName: '' },
        words,
      ),
    ];
    expect(letters).toHaveLength(5);
    for (const letter of letters) {
      // A path standing alone ("/requests/…") would be printed, not linked.
      expect(letter.text).not.toMatch(/(^|[\s:：(（])\/[a-z]/m);
      expect(letter.html).not.toMatch(/href="(?!https?:\/\/)/);
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../shared/i18n/translator.js';
import { atRiskMail, breachMail } from './staff-mails.js';

const translator = new Translator('Asia/Shanghai');
const zh = translator.words('zh-CN');
const en = translator.words('en');
const notice = {
  reference: 'EI-2026-000050',
  dueAt: new Date('2026-03-20T10:00:00Z'),
  assigneeName: '李娜',
  url: 'https://desk.example.com/requests/0b7f6a52-1111-4222-8333-444455556666',
};

describe('the at-risk notice', () => {
  it('reads in English for a reviewer who chose English, as it always did', () => {
    const mail = atRiskMail('reviewer@desk.test', notice, en, 'Asia/Shanghai');
    expect(mail.kind).toBe('sla.at_risk');
    expect(mail.subject).toBe('EI-2026-000050 is at risk: due 2026-03-20 18:00 Beijing time');
    expect(mail.text).toBe(
      [
        'Initialization request EI-2026-000050 has four business hours or fewer left before its deadline, 2026-03-20 18:00 Beijing time.',
        'You hold it.',
        `Open it: ${notice.url}`,
      ].join('\n\n'),
    );
  });

  it('reads in Chinese for a reviewer who reads Chinese', () => {
    const mail = atRiskMail('reviewer@desk.test', notice, zh, 'Asia/Shanghai');
    expect(mail.subject).toBe('EI-2026-000050 即将超时：截止时间 2026-03-20 18:00（北京时间）');
    expect(mail.text).toContain('剩余工作时间已不超过 4 小时');
    expect(mail.text).toContain('该申请由您认领。');
    expect(mail.text).toContain(`查看申请：${notice.url}`);
    const words = mail.text.replace(notice.url, '').replaceAll(notice.reference, '');
    expect(words).not.toMatch(/[A-Za-z]/);
  });

  it('asks the seniors to see it claimed when nobody holds it', () => {
    const unheld = { ...notice, assigneeName: null };
    expect(atRiskMail('s@desk.test', unheld, en, 'Asia/Shanghai').text).toContain(
      'Nobody holds it yet: please make sure somebody claims it.',
    );
    expect(atRiskMail('s@desk.test', unheld, zh, 'Asia/Shanghai').text).toContain(
      '该申请尚无人认领',
    );
  });

  it('names the offset when the business zone is not Beijing', () => {
    const mail = atRiskMail('r@desk.test', notice, en, 'Asia/Tokyo');
    expect(mail.subject).toBe('EI-2026-000050 is at risk: due 2026-03-20 19:00 (UTC+09:00)');
  });
});

describe('links in staff notices', () => {
  it('are absolute; a path alone is refused, since no mail program can open it', () => {
    expect(atRiskMail('r@desk.test', notice, en, 'Asia/Shanghai').text).toMatch(
      /Open it: https:\/\/desk\.example\.com\/requests\/0b7f6a52-/,
    );
    const relative = { ...notice, url: '/requests/0b7f6a52-1111-4222-8333-444455556666' };
    expect(() => atRiskMail('r@desk.test', relative, en, 'Asia/Shanghai')).toThrow(
      /must be absolute/,
    );
    expect(() => breachMail('r@desk.test', relative, zh, 'Asia/Shanghai')).toThrow(
      /must be absolute/,
    );
  });
});

describe('the breach escalation', () => {
  it('names the holder and asks the senior to act, in English', () => {
    const mail = breachMail('senior@desk.test', notice, en, 'Asia/Shanghai');
    expect(mail.kind).toBe('sla.breached');
    expect(mail.subject).toBe(
      'EI-2026-000050 breached its deadline (2026-03-20 18:00 Beijing time)',
    );
    expect(mail.text).toContain(
      'Initialization request EI-2026-000050 was due 2026-03-20 18:00 Beijing time and is still undecided.',
    );
    expect(mail.text).toContain('李娜 holds it.');
    expect(mail.text).toContain(
      'As a senior reviewer you are asked to see that it is decided or reassigned.',
    );
  });

  it('does the same in Chinese', () => {
    const mail = breachMail(
      'senior@desk.test',
      { ...notice, assigneeName: null },
      zh,
      'Asia/Shanghai',
    );
    expect(mail.subject).toBe('EI-2026-000050 已超时：截止时间 2026-03-20 18:00（北京时间）');
    expect(mail.text).toContain('该申请无人认领。');
    expect(mail.text).toContain('请您作为高级审核员督促该申请尽快办结或转派。');
  });
});

import { describe, expect, it } from '@jest/globals';
import { msg } from '../../i18n/message.js';
import { Translator } from '../../i18n/translator.js';
import { selectOptions } from './select-options.js';

describe('selectOptions', () => {
  const translator = new Translator('Asia/Shanghai');

  it('writes each option in the reader’s words, marking the chosen one, escaping values and labels', () => {
    const options = [
      { value: 'INDIVIDUAL', label: msg('request.subjectType.INDIVIDUAL'), selected: false },
      { value: 'ORGANIZATION', label: msg('request.subjectType.ORGANIZATION'), selected: true },
      { value: '"><b>', label: msg('common.you', { name: '<i>Li Na</i>' }), selected: false },
    ];
    const zh = String(
      selectOptions(translator.words('zh-CN'), options, (o) => o.value === '"><b>'),
    );
    expect(zh).toBe(
      '<option value="INDIVIDUAL">个人</option>' +
        '<option value="ORGANIZATION" selected>单位</option>' +
        '<option value="&quot;&gt;&lt;b&gt;" translate="no">&lt;i&gt;Li Na&lt;/i&gt;（我）</option>',
    );
    expect(zh).not.toContain('<i>');
    expect(String(selectOptions(translator.words('en'), options.slice(0, 1)))).toBe(
      '<option value="INDIVIDUAL">Individual</option>',
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../i18n/translator.js';
import { msg } from '../../i18n/message.js';
import { viewHelpers as helpersOf, withStaticWords } from './view-helpers.js';

type Helper = (...args: unknown[]) => unknown;
/** What Handlebars hands a helper last, for a page in English. */
const options = { hash: {}, data: { root: { locale: 'en' } } };
const chinese = { hash: {}, data: { root: { locale: 'zh-CN' } } };
const viewHelpers = (zone: string) => helpersOf(new Translator(zone));

describe('view helpers', () => {
  it('show instants in the business zone whatever the server zone', () => {
    const helpers = viewHelpers('Asia/Shanghai');
    const at = new Date('2026-11-25T10:05:00Z');
    expect((helpers.datetime as Helper)(at, options)).toBe('Nov 25, 2026, 18:05');
    expect((helpers.datetime as Helper)(at, chinese)).toBe('2026年11月25日 18:05');
    expect((helpers.isoTime as Helper)(at, options)).toBe('2026-11-25T18:05:00.000+08:00');
    expect((helpers.dateOnly as Helper)(new Date('2026-11-25T16:30:00Z'), options)).toBe(
      'Nov 26, 2026',
    );
    expect((helpers.dateOnly as Helper)(new Date('2026-11-25T16:30:00Z'), chinese)).toBe(
      '2026年11月26日',
    );
  });

  it('keep daylight saving right on the day the clocks change, and either side of it', () => {
    const helpers = viewHelpers('Europe/Berlin');
    const datetime = helpers.datetime as Helper;
    // 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    expect(datetime(new Date('2026-03-29T00:30:00Z'), options)).toBe('Mar 29, 2026, 01:30');
    expect(datetime(new Date('2026-03-29T01:30:00Z'), options)).toBe('Mar 29, 2026, 03:30');
    expect(datetime(new Date('2026-03-28T12:00:00Z'), options)).toBe('Mar 28, 2026, 13:00');
    expect(datetime(new Date('2026-03-30T12:00:00Z'), options)).toBe('Mar 30, 2026, 14:00');
    expect(datetime(new Date('2026-03-28T12:00:00Z'), options)).toBe('Mar 28, 2026, 13:00');
  });

  it('refill a refused form only for the form that was refused', () => {
    const helpers = viewHelpers('Asia/Shanghai');
    const state = {
      form: 'reject',
      values: { message: 'Too dark', reasons: ['DOCUMENT_UNCLEAR', 'OTHER'] },
    };
    expect((helpers.isKept as Helper)(state, 'reject', options)).toBe(true);
    expect((helpers.isKept as Helper)(state, 'request-info', options)).toBe(false);
    expect((helpers.keptValue as Helper)(state, 'reject', 'message', options)).toBe('Too dark');
    expect((helpers.keptValue as Helper)(state, 'request-info', 'message', options)).toBe('');
    expect((helpers.keptHas as Helper)(state, 'reject', 'reasons', 'OTHER', options)).toBe(true);
    expect(
      (helpers.keptHas as Helper)(state, 'reject', 'reasons', 'SUSPECTED_FRAUD', options),
    ).toBe(false);
  });

  it('reach into nested fields such as one document’s checks', () => {
    const helpers = viewHelpers('Asia/Shanghai');
    const state = {
      form: 'checks-d1',
      values: { checks: { d1: { legible: 'yes', note: 'blur' } } },
    };
    expect(
      (helpers.keptHas as Helper)(state, 'checks-d1', 'checks', 'd1', 'legible', 'yes', options),
    ).toBe(true);
    expect(
      (helpers.keptHas as Helper)(state, 'checks-d1', 'checks', 'd1', 'valid', 'yes', options),
    ).toBe(false);
    expect((helpers.keptValue as Helper)(state, 'checks-d1', 'checks', 'd1', 'note', options)).toBe(
      'blur',
    );
  });
});

describe('view helpers on the edges of time', () => {
  it('format zones west of UTC and half-hour offsets', () => {
    const at = new Date('2026-01-15T03:07:09.250Z');
    expect((viewHelpers('America/Los_Angeles').isoTime as Helper)(at, options)).toBe(
      '2026-01-14T19:07:09.250-08:00',
    );
    expect((viewHelpers('Asia/Kolkata').datetime as Helper)(at, options)).toBe(
      'Jan 15, 2026, 08:37',
    );
  });

  it('read ISO text and show nothing for what is not a date', () => {
    const helpers = viewHelpers('Asia/Shanghai');
    expect((helpers.datetime as Helper)('2026-11-25T10:05:00Z', options)).toBe(
      'Nov 25, 2026, 18:05',
    );
    expect((helpers.datetime as Helper)(new Date(Number.NaN), options)).toBe('');
    expect((helpers.datetime as Helper)(undefined, options)).toBe('');
    expect((helpers.isoTime as Helper)('not a date', options)).toBe('');
  });
});

describe('the translator helper', () => {
  const helpers = viewHelpers('Asia/Shanghai');
  const t = helpers.t as Helper;

  it('renders a key, a key with named arguments, and a view model’s message in the page’s locale', () => {
    expect(t('common.signOut', options)).toBe('Sign out');
    expect(t('common.signOut', chinese)).toBe('退出');
    expect(t('common.error.httpStatus', { ...chinese, hash: { status: 404 } })).toBe(
      'HTTP 状态码 404',
    );
    expect(t(msg('common.count.requests', { count: 1 }), options)).toBe('1 request');
    expect(t(msg('common.count.requests', { count: 3 }), options)).toBe('3 requests');
    expect(t(msg('common.count.requests', { count: 3 }), chinese)).toBe('3 个申请');
    expect(t(undefined, options)).toBe('');
  });

  it('formats numbers and lists the locale’s way', () => {
    expect((helpers.number as Helper)(12345, options)).toBe('12,345');
    expect((helpers.list as Helper)(['a', 'b', 'c'], options)).toBe('a, b, and c');
    expect((helpers.list as Helper)(['甲', '乙', '丙'], chinese)).toBe('甲、乙和丙');
  });
});

describe('static words in templates', () => {
  it('are written into a template once per locale, leaving dynamic and unknown ones to the helper', () => {
    const source =
      '<h1>{{t "common.signOut"}}</h1><p title="{{t "common.nav.label"}}">{{t label}}</p>' +
      '{{t "common.error.httpStatus" status=status}}{{t "no.such.key"}}';
    const translator = new Translator('Asia/Shanghai');
    expect(withStaticWords(source, translator.words('zh-CN'))).toBe(
      '<h1>退出</h1><p title="主导航">{{t label}}</p>' +
        '{{t "common.error.httpStatus" status=status}}{{t "no.such.key"}}',
    );
    expect(withStaticWords('{{t "common.signOut"}}', translator.words('en'))).toBe('Sign out');
  });
});

import { describe, expect, it } from '@jest/globals';
import { fitted, horizontalBarChart, niceScale, textWidth, verticalBarChart } from './svg-chart.js';

describe('server-side SVG charts', () => {
  it('rounds the axis up to a readable number of readable steps', () => {
    expect(niceScale(0, true)).toEqual({ max: 4, ticks: 4 });
    expect(niceScale(7, true)).toEqual({ max: 8, ticks: 4 });
    expect(niceScale(23, true)).toEqual({ max: 25, ticks: 5 });
    expect(niceScale(120, true)).toEqual({ max: 125, ticks: 5 });
    expect(niceScale(2.6)).toEqual({ max: 3, ticks: 3 });
    expect(niceScale(1.3, true)).toEqual({ max: 3, ticks: 3 });
  });

  it('draws one bar per value, titled and described for screen readers', () => {
    const svg = verticalBarChart({
      id: 'c1',
      title: 'Received & decided',
      description: 'Per day',
      empty: 'No data in this range',
      categories: ['11-23', '11-24'],
      series: [
        { name: 'Received', values: [3, 5] },
        { name: 'Decided', values: [2, null] },
      ],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="c1-title">Received &amp; decided</title>');
    expect(svg.match(/class="chart-bar"/g)).toHaveLength(3);
    expect(svg).not.toContain('<script');
  });

  it('escapes labels and scales horizontal bars to the largest value', () => {
    const svg = horizontalBarChart({
      id: 'c2',
      title: 'Reasons',
      description: 'x',
      empty: 'No data in this range',
      items: [
        { label: '<b>fraud</b>', value: 10 },
        { label: 'other', value: 5 },
      ],
    });
    expect(svg).toContain('&lt;b&gt;fraud&lt;/b&gt;');
    const widths = [...svg.matchAll(/class="chart-bar" x="\d+" y="\d+" width="([\d.]+)"/g)].map(
      (m) => Number(m[1]),
    );
    expect(widths[0]).toBeCloseTo(widths[1]! * 2);
  });

  it('speaks the words it is given: title, description, series and the empty chart', () => {
    const svg = verticalBarChart({
      id: 'c3',
      title: '每个工作日的收到数与办结数',
      description: '每个工作日收到和办结的申请数。',
      empty: '此范围内没有数据',
      categories: [],
      series: [{ name: '收到', values: [] }],
    });
    expect(svg).toContain('<title id="c3-title">每个工作日的收到数与办结数</title>');
    expect(svg).toContain('<desc id="c3-desc">每个工作日收到和办结的申请数。</desc>');
    expect(svg).toContain('>此范围内没有数据</text>');
    expect(svg).toContain('>收到</text>');
    expect(svg).not.toMatch(/No data/);
  });

  it('measures Chinese as wide characters, and cuts a long label to fit', () => {
    expect(textWidth('驳回')).toBe(22);
    expect(textWidth('ab')).toBe(13);
    expect(fitted('short', 300)).toBe('short');
    const long = '该阿里云账号已关联其他备案主体'.repeat(3);
    const cut = fitted(long, 292);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(292);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

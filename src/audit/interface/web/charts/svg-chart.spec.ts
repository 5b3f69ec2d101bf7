import { describe, expect, it } from '@jest/globals';
import { horizontalBarChart, niceScale, verticalBarChart } from './svg-chart.js';

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
});

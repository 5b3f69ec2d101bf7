/**
 * A tiny server-side SVG chart renderer: grouped vertical bars and horizontal
 * bars, with axis, gridlines, value labels and a legend. No script; colours
 * are presentation attributes (allowed by the strict CSP). Every chart carries
 * a <title> and <desc>, and the page shows its numbers in a table beneath.
 */

export interface BarSeries {
  name: string;
  /** One value per category; null draws nothing. */
  values: readonly (number | null)[];
}

export interface VerticalBarChart {
  id: string;
  /** The chart's words come in the page's language: its title, description, series names and `empty`. */
  title: string;
  description: string;
  /** Shown when there is nothing to draw: "No data in this range". */
  empty: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** The axis top; defaults to a round number above the largest value. */
  max?: number;
  /** The values are counts: axis steps are whole numbers. */
  integers?: boolean;
  format?: (value: number) => string;
}

export interface HorizontalBarChart {
  id: string;
  title: string;
  description: string;
  /** Shown when there is nothing to draw. */
  empty: string;
  items: readonly { label: string; value: number }[];
  format?: (value: number) => string;
  /** The labels are recorded data (staff names), not the desk's words: marked translate="no". */
  labelsAreData?: boolean;
}

export const CHART_COLOURS = ['#0b5cad', '#e08a00', '#1f6f3f', '#a3221c', '#6a4c93'];
const INK = '#1d232b';
const MUTED = '#5f6b78';
const GRID = '#eaeef2';
const FONT = 'system-ui, sans-serif';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const round = (value: number): string => String(Math.round(value * 10) / 10);

/** Wide (CJK) characters take about a full em at the charts' 11px; others about 6.5px. */
const WIDE = /[\u2e80-\uffef]/;
const charWidth = (char: string): number => (WIDE.test(char) ? 11 : 6.5);

/** About how wide a text is drawn, in pixels. */
export function textWidth(text: string): number {
  return [...text].reduce((width, char) => width + charWidth(char), 0);
}

/** The text, cut with an ellipsis where it would be drawn wider than `max` pixels. */
export function fitted(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let width = charWidth('…');
  let kept = '';
  for (const char of text) {
    width += charWidth(char);
    if (width > max) break;
    kept += char;
  }
  return `${kept}…`;
}

/**
 * A readable axis: 3 to 5 intervals of 1, 2, 2.5 or 5 times a power of ten
 * (whole numbers only, for counts), with the lowest top at or above `value`.
 */
export function niceScale(value: number, integers = false): { max: number; ticks: number } {
  if (!(value > 0)) return { max: integers ? 4 : 1, ticks: 4 };
  let best = { max: Infinity, ticks: 4 };
  for (const ticks of [4, 5, 3]) {
    const rough = value / ticks;
    const power = 10 ** Math.floor(Math.log10(rough));
    const step = [1, 2, 2.5, 5, 10]
      .map((factor) => factor * power)
      .find((candidate) => candidate >= rough && (!integers || Number.isInteger(candidate)));
    const max = (step ?? 10 * power) * ticks;
    if (max < best.max) best = { max, ticks };
  }
  return best;
}

function frame(
  id: string,
  title: string,
  description: string,
  width: number,
  height: number,
  body: string[],
): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${escapeXml(id)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${escapeXml(id)}-title ${escapeXml(id)}-desc" font-family="${FONT}" font-size="11">`,
    `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title>`,
    `<desc id="${escapeXml(id)}-desc">${escapeXml(description)}</desc>`,
    ...body,
    '</svg>',
  ].join('');
}

function legend(series: readonly BarSeries[], x: number, y: number): string[] {
  let offset = x;
  return series.flatMap((entry, index) => {
    const parts = [
      `<rect x="${offset}" y="${y - 9}" width="10" height="10" fill="${CHART_COLOURS[index % CHART_COLOURS.length]}"/>`,
      `<text x="${offset + 14}" y="${y}" fill="${INK}">${escapeXml(entry.name)}</text>`,
    ];
    offset += 24 + textWidth(entry.name);
    return parts;
  });
}

/** Grouped vertical bars: one group per category, one bar per series. */
export function verticalBarChart(chart: VerticalBarChart): string {
  const format = chart.format ?? round;
  const width = 760;
  const height = 260;
  const left = 48;
  const right = 12;
  const top = 28;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const values = chart.series.flatMap((entry) =>
    entry.values.filter((v): v is number => v !== null),
  );
  const scale = chart.max
    ? { max: chart.max, ticks: 4 }
    : niceScale(Math.max(0, ...values), chart.integers ?? false);
  const max = scale.max;
  const body: string[] = [];

  for (let tick = 0; tick <= scale.ticks; tick += 1) {
    const value = (max * tick) / scale.ticks;
    const y = top + plotHeight - (plotHeight * tick) / scale.ticks;
    body.push(
      `<line x1="${left}" x2="${width - right}" y1="${round(y)}" y2="${round(y)}" stroke="${tick === 0 ? MUTED : GRID}"/>`,
      `<text x="${left - 6}" y="${round(y + 4)}" text-anchor="end" fill="${MUTED}">${escapeXml(format(value))}</text>`,
    );
  }

  const count = chart.categories.length;
  if (count === 0) {
    body.push(
      `<text x="${left + plotWidth / 2}" y="${top + plotHeight / 2}" text-anchor="middle" fill="${MUTED}">${escapeXml(chart.empty)}</text>`,
    );
  }
  const groupWidth = count > 0 ? plotWidth / count : plotWidth;
  const seriesCount = Math.max(1, chart.series.length);
  const barWidth = Math.max(1, (groupWidth * 0.8) / seriesCount);
  const labelEvery = Math.max(1, Math.ceil(count / 16));
  const showValues = count * seriesCount <= 40;

  chart.categories.forEach((category, index) => {
    const groupX = left + index * groupWidth + groupWidth * 0.1;
    chart.series.forEach((entry, seriesIndex) => {
      const value = entry.values[index];
      if (value === null || value === undefined) return;
      const barHeight = max > 0 ? (plotHeight * Math.min(value, max)) / max : 0;
      const x = groupX + seriesIndex * barWidth;
      const y = top + plotHeight - barHeight;
      body.push(
        `<rect class="chart-bar" x="${round(x)}" y="${round(y)}" width="${round(Math.max(1, barWidth - 1))}" height="${round(barHeight)}" fill="${CHART_COLOURS[seriesIndex % CHART_COLOURS.length]}"><title>${escapeXml(`${category} · ${entry.name}: ${format(value)}`)}</title></rect>`,
      );
      if (showValues) {
        body.push(
          `<text x="${round(x + barWidth / 2)}" y="${round(y - 3)}" text-anchor="middle" fill="${INK}" font-size="10">${escapeXml(format(value))}</text>`,
        );
      }
    });
    if (index % labelEvery === 0) {
      body.push(
        `<text x="${round(left + index * groupWidth + groupWidth / 2)}" y="${height - bottom + 16}" text-anchor="middle" fill="${MUTED}">${escapeXml(category)}</text>`,
      );
    }
  });

  body.push(...legend(chart.series, left, 16));
  return frame(chart.id, chart.title, chart.description, width, height, body);
}

/** One horizontal bar per item, longest first as given. */
export function horizontalBarChart(chart: HorizontalBarChart): string {
  const format = chart.format ?? round;
  const width = 760;
  const rowHeight = 24;
  const top = 10;
  const labelWidth = 300;
  const height = top * 2 + Math.max(1, chart.items.length) * rowHeight;
  const plotWidth = width - labelWidth - 70;
  const { max } = niceScale(Math.max(0, ...chart.items.map((item) => item.value)));
  const body: string[] = [];
  if (chart.items.length === 0) {
    body.push(
      `<text x="${width / 2}" y="${top + 16}" text-anchor="middle" fill="${MUTED}">${escapeXml(chart.empty)}</text>`,
    );
  }
  chart.items.forEach((item, index) => {
    const y = top + index * rowHeight;
    const barWidth = max > 0 ? (plotWidth * item.value) / max : 0;
    const label = fitted(item.label, labelWidth - 8);
    body.push(
      chart.labelsAreData ? '<g translate="no">' : '<g>',
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" fill="${INK}">${escapeXml(label)}</text>`,
      `<rect class="chart-bar" x="${labelWidth}" y="${y + 4}" width="${round(Math.max(1, barWidth))}" height="${rowHeight - 8}" fill="${CHART_COLOURS[0]}"><title>${escapeXml(`${item.label}: ${format(item.value)}`)}</title></rect>`,
      `<text x="${round(labelWidth + barWidth + 6)}" y="${y + 16}" fill="${INK}">${escapeXml(format(item.value))}</text>`,
      '</g>',
    );
  });
  return frame(chart.id, chart.title, chart.description, width, height, body);
}

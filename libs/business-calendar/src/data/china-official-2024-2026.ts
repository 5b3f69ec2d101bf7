import type { YearArrangement } from '../arrangement.js';

/**
 * Mainland China's official holiday arrangements, transcribed from the State Council General
 * Office's yearly notices (gov.cn, zhengceku) and cross-checked against the public
 * `holiday-cn` dataset. Business days per year: 2024: 251, 2025: 248, 2026: 248.
 * In 2025 National Day and Mid-Autumn share one block.
 */
export const CHINA_OFFICIAL_ARRANGEMENTS: readonly YearArrangement[] = [
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知 (2023-10-25)',
    daysOff: [
      { from: '2024-01-01', to: '2024-01-01', name: "New Year's Day" },
      { from: '2024-02-10', to: '2024-02-17', name: 'Spring Festival' },
      { from: '2024-04-04', to: '2024-04-06', name: 'Qingming' },
      { from: '2024-05-01', to: '2024-05-05', name: 'Labour Day' },
      { from: '2024-06-10', to: '2024-06-10', name: 'Dragon Boat' },
      { from: '2024-09-15', to: '2024-09-17', name: 'Mid-Autumn' },
      { from: '2024-10-01', to: '2024-10-07', name: 'National Day' },
    ],
    makeUpWorkdays: [
      { date: '2024-02-04', name: 'Spring Festival' },
      { date: '2024-02-18', name: 'Spring Festival' },
      { date: '2024-04-07', name: 'Qingming' },
      { date: '2024-04-28', name: 'Labour Day' },
      { date: '2024-05-11', name: 'Labour Day' },
      { date: '2024-09-14', name: 'Mid-Autumn' },
      { date: '2024-09-29', name: 'National Day' },
      { date: '2024-10-12', name: 'National Day' },
    ],
  },
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)',
    daysOff: [
      { from: '2025-01-01', to: '2025-01-01', name: "New Year's Day" },
      { from: '2025-01-28', to: '2025-02-04', name: 'Spring Festival' },
      { from: '2025-04-04', to: '2025-04-06', name: 'Qingming' },
      { from: '2025-05-01', to: '2025-05-05', name: 'Labour Day' },
      { from: '2025-05-31', to: '2025-06-02', name: 'Dragon Boat' },
      { from: '2025-10-01', to: '2025-10-08', name: 'National Day and Mid-Autumn' },
    ],
    makeUpWorkdays: [
      { date: '2025-01-26', name: 'Spring Festival' },
      { date: '2025-02-08', name: 'Spring Festival' },
      { date: '2025-04-27', name: 'Labour Day' },
      { date: '2025-09-28', name: 'National Day and Mid-Autumn' },
      { date: '2025-10-11', name: 'National Day and Mid-Autumn' },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    daysOff: [
      { from: '2026-01-01', to: '2026-01-03', name: "New Year's Day" },
      { from: '2026-02-15', to: '2026-02-23', name: 'Spring Festival' },
      { from: '2026-04-04', to: '2026-04-06', name: 'Qingming' },
      { from: '2026-05-01', to: '2026-05-05', name: 'Labour Day' },
      { from: '2026-06-19', to: '2026-06-21', name: 'Dragon Boat' },
      { from: '2026-09-25', to: '2026-09-27', name: 'Mid-Autumn' },
      { from: '2026-10-01', to: '2026-10-07', name: 'National Day' },
    ],
    makeUpWorkdays: [
      { date: '2026-01-04', name: "New Year's Day" },
      { date: '2026-02-14', name: 'Spring Festival' },
      { date: '2026-02-28', name: 'Spring Festival' },
      { date: '2026-05-09', name: 'Labour Day' },
      { date: '2026-09-20', name: 'National Day' },
      { date: '2026-10-10', name: 'National Day' },
    ],
  },
];

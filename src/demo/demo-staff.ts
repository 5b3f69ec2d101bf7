import type { StaffRole } from '../shared/domain/staff-role.js';

export const DEMO_PASSWORD = 'beian-demo-2026';

/** The demo's staff, one or more per role (printed at start-up). */
export const DEMO_STAFF: { email: string; name: string; role: StaffRole }[] = [
  { email: 'li.na@demo.beian-desk.test', name: 'Li Na', role: 'REVIEWER' },
  { email: 'zhang.wei@demo.beian-desk.test', name: 'Zhang Wei', role: 'REVIEWER' },
  { email: 'wang.fang@demo.beian-desk.test', name: 'Wang Fang', role: 'SENIOR_REVIEWER' },
  { email: 'chen.jie@demo.beian-desk.test', name: 'Chen Jie', role: 'SENIOR_REVIEWER' },
  { email: 'zhao.min@demo.beian-desk.test', name: 'Zhao Min', role: 'AUDITOR' },
  { email: 'admin@demo.beian-desk.test', name: 'Liu Yang', role: 'ADMIN' },
];

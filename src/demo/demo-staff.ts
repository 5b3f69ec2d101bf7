import type { StaffRole } from '../shared/domain/staff-role.js';

export const DEMO_PASSWORD = 'beian-demo-2026';

/** The demo's staff, one or more per role (printed at start-up), named as the team is. */
export const DEMO_STAFF: { email: string; name: string; role: StaffRole }[] = [
  { email: 'li.na@demo.beian-desk.test', name: '李娜', role: 'REVIEWER' },
  { email: 'zhang.wei@demo.beian-desk.test', name: '张伟', role: 'REVIEWER' },
  { email: 'wang.fang@demo.beian-desk.test', name: '王芳', role: 'SENIOR_REVIEWER' },
  { email: 'chen.jie@demo.beian-desk.test', name: '陈杰', role: 'SENIOR_REVIEWER' },
  { email: 'zhao.min@demo.beian-desk.test', name: '赵敏', role: 'AUDITOR' },
  { email: 'admin@demo.beian-desk.test', name: '刘洋', role: 'ADMIN' },
];

/** The reviewer the README suggests signing in as (li.na@…): she claims a good share of the requests. */
export const FEATURED_REVIEWER = DEMO_STAFF[0]!.name;

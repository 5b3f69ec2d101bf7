import type { Catalogue } from '../catalogue.js';
import type { sla as english } from '../en/sla.js';

export const sla: Catalogue<typeof english> = {
  'sla.state.ON_TRACK': '正常',
  'sla.state.AT_RISK': '即将超时',
  'sla.state.BREACHED': '已超时',
  'sla.state.PAUSED': '计时暂停',
  'sla.state.MET': '按时办结',
  'sla.state.MISSED': '超时办结',
  'sla.span':
    '{hours, plural, =0 {{minutes} 分钟} other {{minutes, plural, =0 {{hours} 小时} other {{hours} 小时 {minutes} 分钟}}}}',
  'sla.timeLeft': '剩余 {span}',
  'sla.timeLeft.lessThanAMinute': '剩余不到 1 分钟',
  'sla.overdueBy': '已超时 {span}',
  'sla.overdue': '已超时',
};

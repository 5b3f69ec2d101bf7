/** Deadlines in English: SLA states, business time left, the calendar admin and banner. */
export const sla = {
  'sla.state.ON_TRACK': 'On track',
  'sla.state.AT_RISK': 'At risk',
  'sla.state.BREACHED': 'Breached',
  'sla.state.PAUSED': 'Paused',
  'sla.state.MET': 'Met',
  'sla.state.MISSED': 'Missed',
  'sla.span':
    '{hours, plural, =0 {{minutes} min} other {{minutes, plural, =0 {{hours} h} other {{hours} h {minutes} min}}}}',
  'sla.timeLeft': '{span} left',
  'sla.timeLeft.lessThanAMinute': 'less than 1 min left',
  'sla.overdueBy': 'overdue by {span}',
  'sla.overdue': 'overdue',
};

import { msg, type Message } from '../../../shared/i18n/message.js';

/**
 * Business time until a deadline, in words: "3 h 20 min left" (剩余 3 小时 20 分钟), or
 * once it has passed, "overdue by 1 h 5 min" (已超时 1 小时 5 分钟). Minutes are business
 * minutes (inside business hours on business days), as the business calendar counts them.
 */
export function describeBusinessTimeLeft(businessMinutes: number): Message {
  const whole = Math.floor(Math.abs(businessMinutes));
  if (businessMinutes > 0)
    return whole === 0
      ? msg('sla.timeLeft.lessThanAMinute')
      : msg('sla.timeLeft', { span: span(whole) });
  return whole === 0 ? msg('sla.overdue') : msg('sla.overdueBy', { span: span(whole) });
}

function span(minutes: number): Message {
  return msg('sla.span', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

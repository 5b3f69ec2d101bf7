/**
 * Business time until a deadline, in words: "3 h 20 min left", or once it has
 * passed, "overdue by 1 h 5 min". Minutes are business minutes (inside business
 * hours on business days), as the business calendar counts them.
 */
export function describeBusinessTimeLeft(businessMinutes: number): string {
  const whole = Math.floor(Math.abs(businessMinutes));
  if (businessMinutes > 0) return whole === 0 ? 'less than 1 min left' : `${span(whole)} left`;
  return whole === 0 ? 'overdue' : `overdue by ${span(whole)}`;
}

function span(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

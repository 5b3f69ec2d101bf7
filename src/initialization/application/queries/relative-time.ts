/** How long ago something happened, in words: "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function timeAgo(then: Date, now: Date): string {
  const seconds = Math.floor((now.getTime() - then.getTime()) / 1000);
  if (seconds < -60) return 'in the future';
  if (seconds < 60) return 'just now';
  const plural = (count: number, unit: string): string =>
    `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 60) return plural(days, 'day');
  const months = Math.floor(days / 30);
  if (months < 24) return plural(months, 'month');
  return plural(Math.floor(days / 365), 'year');
}

import { msg, type Message } from '../../../shared/i18n/message.js';

/** How long ago something happened, in words: "just now", "5 minutes ago" / "5 分钟前", "2 days ago". */
export function timeAgo(then: Date, now: Date): Message {
  const seconds = Math.floor((now.getTime() - then.getTime()) / 1000);
  if (seconds < -60) return msg('workspace.ago.inTheFuture');
  if (seconds < 60) return msg('workspace.ago.justNow');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return msg('workspace.ago.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return msg('workspace.ago.hours', { count: hours });
  const days = Math.floor(hours / 24);
  if (days < 60) return msg('workspace.ago.days', { count: days });
  const months = Math.floor(days / 30);
  if (months < 24) return msg('workspace.ago.months', { count: months });
  return msg('workspace.ago.years', { count: Math.floor(days / 365) });
}

import { Command } from '@nestjs/cqrs';

/**
 * Marks messages left SENDING for more than ten minutes (their worker died
 * mid-send) as ABANDONED, so they show on the admin page and are never re-sent
 * automatically. Returns their ids.
 */
export class AbandonStuckMessagesCommand extends Command<string[]> {}

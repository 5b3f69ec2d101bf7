import { Command } from '@nestjs/cqrs';
import type { Locale } from '../../../../shared/i18n/locale.js';

/** A staff member chooses the language the desk speaks to them (kept on their account). */
export class ChooseLocaleCommand extends Command<void> {
  constructor(
    readonly staffId: string,
    readonly locale: Locale,
  ) {
    super();
  }
}

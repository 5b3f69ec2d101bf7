import Handlebars from 'handlebars';
import type { Message } from '../../i18n/message.js';
import type { Words } from '../../i18n/translator.js';

/** One option of a select, its label in catalogue words. */
export interface SelectOption {
  value: string;
  label: Message;
  selected: boolean;
}

/**
 * A select's options written out in one locale, escaped here, for the template to print
 * as they are (`{{provinceOptions}}`). Written by the template, the queue's thirty-odd
 * provinces were three helper calls each (the loop, the `selected` test, the label) on
 * every page; here they are one string. `dataValue(option)` says which options are data
 * (a person's name), which a page translator must leave alone.
 */
export function selectOptions(
  words: Words,
  options: readonly SelectOption[],
  dataValue: (option: SelectOption) => boolean = () => false,
): Handlebars.SafeString {
  let html = '';
  for (const option of options) {
    html += `<option value="${Handlebars.escapeExpression(option.value)}"${option.selected ? ' selected' : ''}${dataValue(option) ? ' translate="no"' : ''}>${Handlebars.escapeExpression(words.text(option.label))}</option>`;
  }
  return new Handlebars.SafeString(html);
}

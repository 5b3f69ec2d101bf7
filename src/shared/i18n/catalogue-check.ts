import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** How a message uses an argument; plural, number and plain agree (Chinese needs no plural forms). */
type ArgumentUse = 'count' | 'select' | 'date' | 'time';

/**
 * What is wrong with a set of catalogues (one per locale, the first the reference): a key
 * one locale has and another lacks, a message that does not parse, a plural or select
 * without its `other` case, and messages of one key whose arguments differ between
 * locales. Empty when all is well. Used by `catalogues.spec.ts` in `npm test`.
 */
export function catalogueProblems(
  catalogues: Readonly<Record<string, Readonly<Record<string, string>>>>,
): string[] {
  const problems: string[] = [];
  const locales = Object.keys(catalogues);
  const keys = new Set(locales.flatMap((locale) => Object.keys(catalogues[locale]!)));
  for (const key of [...keys].sort()) {
    let reference: { locale: string; uses: Map<string, ArgumentUse> } | null = null;
    for (const locale of locales) {
      const source = catalogues[locale]![key];
      if (source === undefined) {
        problems.push(`${key}: missing in ${locale}`);
        continue;
      }
      let ast: MessageFormatElement[];
      try {
        ast = parse(source, { ignoreTag: true, requiresOtherClause: true });
      } catch (error) {
        problems.push(`${key}: the ${locale} message does not parse (${String(error)})`);
        continue;
      }
      const uses = new Map<string, ArgumentUse>();
      collectArguments(ast, uses);
      // A date without a style is formatted in the server's zone, not the business zone.
      for (const name of unstyledDates(ast))
        problems.push(
          `${key}: the ${locale} message formats {${name}} without a style (write {${name}, date, medium})`,
        );
      if (!reference) {
        reference = { locale, uses };
        continue;
      }
      const names = new Set([...reference.uses.keys(), ...uses.keys()]);
      for (const name of names) {
        const expected = reference.uses.get(name);
        const actual = uses.get(name);
        if (expected === undefined)
          problems.push(`${key}: ${locale} uses {${name}}, which ${reference.locale} does not`);
        else if (actual === undefined)
          problems.push(`${key}: ${locale} does not use {${name}}, which ${reference.locale} does`);
        else if (expected !== actual)
          problems.push(
            `${key}: {${name}} is a ${actual} in ${locale} but a ${expected} in ${reference.locale}`,
          );
      }
    }
  }
  return problems;
}

function collectArguments(elements: MessageFormatElement[], uses: Map<string, ArgumentUse>): void {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
        if (!uses.has(element.value)) uses.set(element.value, 'count');
        break;
      case TYPE.plural:
        uses.set(element.value, 'count');
        for (const option of Object.values(element.options)) collectArguments(option.value, uses);
        break;
      case TYPE.select:
        uses.set(element.value, 'select');
        for (const option of Object.values(element.options)) collectArguments(option.value, uses);
        break;
      case TYPE.date:
        uses.set(element.value, 'date');
        break;
      case TYPE.time:
        uses.set(element.value, 'time');
        break;
      default:
        break;
    }
  }
}

function unstyledDates(elements: MessageFormatElement[]): string[] {
  const found: string[] = [];
  for (const element of elements) {
    if ((element.type === TYPE.date || element.type === TYPE.time) && !element.style)
      found.push(element.value);
    if ('options' in element)
      for (const option of Object.values(element.options))
        found.push(...unstyledDates(option.value));
  }
  return found;
}

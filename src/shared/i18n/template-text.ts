/** Attributes a person reads (or hears from a screen reader) as words. */
const WORDED_ATTRIBUTES = ['title', 'alt', 'aria-label', 'placeholder', 'aria-description'];

/** Letters of any script a reader would take for words (Latin, CJK). */
const WORDS = /[A-Za-z\u3400-\u9fff]/;

/**
 * The texts a Handlebars template shows that do not come through the translator: words
 * in elements or in the worded attributes, outside any `{{…}}`. Keyboard keys in `<kbd>`
 * and the contents of `<script>` and `<style>` are not words to translate.
 */
export function untranslatedTexts(template: string): string[] {
  const source = withoutMustaches(
    template
      .replace(/\{\{!--[\s\S]*?--\}\}/g, '')
      .replace(/\{\{![\s\S]*?\}\}/g, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<kbd>[^<]*<\/kbd>/gi, ''),
  );
  const found: string[] = [];
  // Attributes first (mustaches are gone already: `title="{{t "x"}}"` is `title=" "`).
  const attribute = new RegExp(`\\s(${WORDED_ATTRIBUTES.join('|')})="([^"]*)"`, 'gi');
  for (const match of source.matchAll(attribute)) {
    const text = match[2]!.trim();
    if (WORDS.test(text)) found.push(`${match[1]}="${text}"`);
  }
  // Then the text between tags.
  const text = source.replace(/<[^>]*>/g, '\n');
  for (const line of text.split('\n')) {
    const words = line.trim();
    if (WORDS.test(words)) found.push(words);
  }
  return found;
}

/** The catalogue keys a template names literally: `{{t "queue.title"}}`, `(t "x.y" n=1)`. */
export function templateKeys(template: string): string[] {
  return [...template.matchAll(/[{(]t\s+"([^"]+)"/g)].map((match) => match[1]!);
}

function withoutMustaches(text: string): string {
  return text.replace(/\{\{\{?[\s\S]*?\}?\}\}/g, ' ');
}

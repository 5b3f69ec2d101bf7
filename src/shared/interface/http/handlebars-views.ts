import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export interface HandlebarsViewsOptions {
  /** `views/layouts`: a page is rendered into `<layout>.hbs`, which places it with `{{{body}}}`. */
  layoutsDir: string;
  /** `views/partials`: `flash.hbs` is `{{> flash}}` everywhere. */
  partialsDir: string;
  /** The layout of a page whose render options name none (`layout: false` renders it bare). */
  defaultLayout: string;
  helpers: Record<string, Handlebars.HelperDelegate>;
  /** Compile each template once (production); otherwise read it again on every render. */
  cache: boolean;
  /**
   * Templates in variants (the page's language): `variantOf` names a render's variant and
   * `prepare` rewrites a template's source for it before it is compiled, once per variant
   * (the desk writes each static `{{t "key"}}` as its words, so a page looks none up).
   */
  variants?: {
    variantOf(context: object): string;
    prepare(source: string, variant: string): string;
  };
}

type RenderCallback = (error: Error | null, html?: string) => void;

/** One variant's Handlebars environment: its partials and its compiled templates. */
interface Variant {
  handlebars: typeof Handlebars;
  compiled: Map<string, HandlebarsTemplateDelegate>;
  partialsRegistered: boolean;
}

/**
 * Express's view engine over Handlebars, with a layouts folder and a partials folder.
 *
 * The helpers and partials are registered once on the desk's own Handlebars
 * environment (one per variant), and a template is a compiled function kept by its
 * file's path: a render is the page's function and its layout's, nothing more.
 * (express-handlebars, used before, looked every partial up again through promises and
 * copied the helpers and partials into fresh objects on each render, twice with the
 * layout: a tenth of a queue page's CPU.) Every helper is declared to the compiler, so
 * `{{reference}}` compiles to a plain lookup instead of "a helper of that name, or else
 * the field", and a template naming an unknown helper fails when it is compiled, which
 * every page's test does.
 */
export function handlebarsViews(options: HandlebarsViewsOptions) {
  const compileOptions: CompileOptions = {
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(options.helpers).map((name) => [name, true])),
  };
  const variants = new Map<string, Variant>();
  const variantNamed = (name: string): Variant => {
    let variant = variants.get(name);
    if (!variant) {
      const handlebars = Handlebars.create();
      handlebars.registerHelper(options.helpers);
      variant = { handlebars, compiled: new Map(), partialsRegistered: false };
      variants.set(name, variant);
    }
    return variant;
  };

  const template = (variant: Variant, name: string, file: string): HandlebarsTemplateDelegate => {
    let compiledTemplate = variant.compiled.get(file);
    if (!compiledTemplate) {
      const source = withoutIndentation(fs.readFileSync(file, 'utf8'));
      compiledTemplate = variant.handlebars.compile(
        options.variants ? options.variants.prepare(source, name) : source,
        compileOptions,
      );
      if (options.cache) variant.compiled.set(file, compiledTemplate);
    }
    return compiledTemplate;
  };

  const registerPartials = (variant: Variant, name: string): void => {
    if (variant.partialsRegistered && options.cache) return;
    for (const partial of fs.readdirSync(options.partialsDir)) {
      if (!partial.endsWith('.hbs')) continue;
      variant.handlebars.registerPartial(
        partial.slice(0, -'.hbs'.length),
        template(variant, name, path.join(options.partialsDir, partial)),
      );
    }
    variant.partialsRegistered = true;
  };

  return (file: string, context: object, callback: RenderCallback): void => {
    let html: string;
    try {
      const name = options.variants ? options.variants.variantOf(context) : '';
      const variant = variantNamed(name);
      registerPartials(variant, name);
      const locals = context as { layout?: string | false };
      const layout = 'layout' in locals ? locals.layout : options.defaultLayout;
      const page = template(variant, name, file)(context);
      html = layout
        ? template(
            variant,
            name,
            path.join(options.layoutsDir, `${layout}.hbs`),
          )({
            ...context,
            body: page,
          })
        : page;
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, html);
  };
}

/**
 * The template's source without the indentation of its lines: a page is an eighth
 * smaller, and every byte of it is written to the socket on every request. Line breaks
 * stay (a browser reads them as the space the indentation was), and what a template
 * inserts is untouched: a `<pre>` or `<textarea>` shows its `{{value}}` as it is.
 */
export function withoutIndentation(source: string): string {
  return source.trim().replace(/\n[ \t]+/g, '\n');
}

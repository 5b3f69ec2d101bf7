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
}

type RenderCallback = (error: Error | null, html?: string) => void;

/**
 * Express's view engine over Handlebars, with a layouts folder and a partials folder.
 *
 * The helpers and partials are registered once on the desk's own Handlebars
 * environment, and a template is a compiled function kept by its file's path: a
 * render is the page's function and its layout's, nothing more. (express-handlebars,
 * used before, looked every partial up again through promises and copied the helpers
 * and partials into fresh objects on each render, twice with the layout: a tenth of a
 * queue page's CPU.) Every helper is declared to the compiler, so `{{reference}}`
 * compiles to a plain lookup instead of "a helper of that name, or else the field",
 * and a template naming an unknown helper fails when it is compiled, which every
 * page's test does.
 */
export function handlebarsViews(options: HandlebarsViewsOptions) {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(options.helpers);
  const compileOptions: CompileOptions = {
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(options.helpers).map((name) => [name, true])),
  };
  const compiled = new Map<string, HandlebarsTemplateDelegate>();

  const template = (file: string): HandlebarsTemplateDelegate => {
    let compiledTemplate = compiled.get(file);
    if (!compiledTemplate) {
      compiledTemplate = handlebars.compile(fs.readFileSync(file, 'utf8').trim(), compileOptions);
      if (options.cache) compiled.set(file, compiledTemplate);
    }
    return compiledTemplate;
  };

  let partialsRegistered = false;
  const registerPartials = (): void => {
    if (partialsRegistered && options.cache) return;
    for (const name of fs.readdirSync(options.partialsDir)) {
      if (!name.endsWith('.hbs')) continue;
      handlebars.registerPartial(
        name.slice(0, -'.hbs'.length),
        template(path.join(options.partialsDir, name)),
      );
    }
    partialsRegistered = true;
  };

  return (file: string, context: object, callback: RenderCallback): void => {
    let html: string;
    try {
      registerPartials();
      const locals = context as { layout?: string | false };
      const layout = 'layout' in locals ? locals.layout : options.defaultLayout;
      const page = template(file)(context);
      html = layout
        ? template(path.join(options.layoutsDir, `${layout}.hbs`))({ ...context, body: page })
        : page;
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, html);
  };
}

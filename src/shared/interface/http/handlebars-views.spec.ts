import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { handlebarsViews } from './handlebars-views.js';

describe('handlebarsViews', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  const engine = (cache: boolean) =>
    handlebarsViews({
      layoutsDir: path.join(dir, 'layouts'),
      partialsDir: path.join(dir, 'partials'),
      defaultLayout: 'main',
      helpers: { shout: (text: unknown) => String(text).toUpperCase() },
      cache,
    });
  const render = (view: ReturnType<typeof engine>, file: string, context: object) =>
    new Promise<string>((resolve, reject) =>
      view(path.join(dir, file), context, (error, html) =>
        error ? reject(error) : resolve(html!),
      ),
    );

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'views-'));
    write('layouts/main.hbs', '<main>{{> greeting}}{{{body}}}</main>\n');
    write('layouts/bare.hbs', '<div>{{{body}}}</div>');
    write('partials/greeting.hbs', '<p>Hello {{who}}</p>');
    write('page.hbs', '  <h1>{{shout title}}</h1>\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('renders a page into the default layout, with partials and helpers, escaping what it is given', async () => {
    const html = await render(engine(true), 'page.hbs', { title: '<b>', who: '"Li"' });
    expect(html).toBe('<main><p>Hello &quot;Li&quot;</p><h1>&lt;B&gt;</h1></main>');
  });

  it('uses the layout the render options name, or none with layout: false', async () => {
    const view = engine(true);
    expect(await render(view, 'page.hbs', { title: 'a', layout: 'bare' })).toBe(
      '<div><h1>A</h1></div>',
    );
    expect(await render(view, 'page.hbs', { title: 'a', layout: false })).toBe('<h1>A</h1>');
  });

  it('refuses a template naming a helper it does not know', async () => {
    write('unknown.hbs', '{{whisper title}}');
    await expect(render(engine(true), 'unknown.hbs', { title: 'a' })).rejects.toThrow('whisper');
  });

  it('keeps compiled templates when caching, and reads edits again when not', async () => {
    const cached = engine(true);
    const fresh = engine(false);
    await render(cached, 'page.hbs', { title: 'a', layout: false });
    await render(fresh, 'page.hbs', { title: 'a', layout: false });
    write('page.hbs', '<h2>{{title}}</h2>');
    write('partials/greeting.hbs', '<p>Hi</p>');
    expect(await render(cached, 'page.hbs', { title: 'a' })).toBe(
      '<main><p>Hello </p><h1>A</h1></main>',
    );
    expect(await render(fresh, 'page.hbs', { title: 'a' })).toBe(
      '<main><p>Hi</p><h2>a</h2></main>',
    );
  });

  it('drops the indentation of the template, not of what it inserts', async () => {
    write(
      'form.hbs',
      '<form>\n    <label>{{shout title}}</label>\n\t<textarea>{{note}}</textarea>\n</form>',
    );
    const html = await render(engine(true), 'form.hbs', {
      title: 'a',
      note: 'line one\n    indented line',
      layout: false,
    });
    expect(html).toBe(
      '<form>\n<label>A</label>\n<textarea>line one\n    indented line</textarea>\n</form>',
    );
  });

  it('reports a missing layout as an error', async () => {
    await expect(render(engine(true), 'page.hbs', { layout: 'gone' })).rejects.toThrow('ENOENT');
  });

  it('compiles a template once per variant, from the source its variant prepares', async () => {
    write('words.hbs', '<p>[hello] {{who}}</p>');
    const prepared: string[] = [];
    const view = handlebarsViews({
      layoutsDir: path.join(dir, 'layouts'),
      partialsDir: path.join(dir, 'partials'),
      defaultLayout: 'main',
      helpers: {},
      cache: true,
      variants: {
        variantOf: (context) => (context as { locale: string }).locale,
        prepare: (source, variant) => {
          prepared.push(variant);
          return source.replace('[hello]', variant === 'zh-CN' ? '你好' : 'Hello');
        },
      },
    });
    const page = { layout: false, who: 'Li' };
    expect(await render(view, 'words.hbs', { ...page, locale: 'zh-CN' })).toBe('<p>你好 Li</p>');
    expect(await render(view, 'words.hbs', { ...page, locale: 'en' })).toBe('<p>Hello Li</p>');
    expect(await render(view, 'words.hbs', { ...page, locale: 'zh-CN' })).toBe('<p>你好 Li</p>');
    expect(prepared.filter((variant) => variant === 'zh-CN')).toHaveLength(2); // the page and the partial
  });
});

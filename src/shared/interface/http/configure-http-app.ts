import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../infrastructure/config/app-config.js';
import { requestLogging } from '../../infrastructure/logging/logger.js';
import { MetricsRegistry } from '../../infrastructure/metrics/metrics-registry.js';
import { projectRoot } from '../../infrastructure/project-root.js';
import { Translator } from '../../i18n/translator.js';
import { isLocale } from '../../i18n/locale.js';
import { FALLBACK_LOCALE, viewHelpers, withStaticWords } from '../web/view-helpers.js';
import { httpRequestDurations } from '../metrics/http-request-durations.js';
import { handlebarsViews } from './handlebars-views.js';
import { mayRelyOnRecentChecks } from './reading-request.js';
import { redirectsAfterSessionSaved } from './redirects-after-session-saved.js';
import { StaffSessionStore } from './session-store.js';

/**
 * The HTTP pipeline shared by the server and the tests: request logging,
 * security headers, sessions in PostgreSQL, static assets and Handlebars views.
 */
export function configureHttpApp(
  app: NestExpressApplication,
  config: AppConfig,
  dataSource: DataSource,
  logger: Logger,
): void {
  const root = projectRoot();
  app.set('trust proxy', config.TRUST_PROXY ? 1 : false);
  // First, so a request's time includes the whole pipeline (sessions too).
  const metrics = app.get(MetricsRegistry);
  if (metrics.enabled) app.use(httpRequestDurations(metrics));
  app.use(requestLogging(logger));
  // Pages may not be framed at all; a document's file may be framed by the desk itself,
  // because the workspace shows PDFs in place (an <object>, which obeys frame-ancestors).
  const pageHeaders = securityHeaders("'none'");
  const documentHeaders = securityHeaders("'self'");
  app.use((req: Request, res: Response, next: NextFunction) =>
    (DOCUMENT_FILE.test(req.path) ? documentHeaders : pageHeaders)(req, res, next),
  );

  // Pages are personal and of the moment (personal data, SLA time left): no cache keeps them,
  // so the back button after signing out shows nothing, and no ETag is worked out for them.
  app.set('etag', false);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/assets/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });

  app.useStaticAssets(path.join(root, 'views', 'assets'), {
    prefix: '/assets/',
    maxAge: config.NODE_ENV === 'production' ? '1h' : 0,
  });

  const store = new StaffSessionStore(
    (dataSource.driver as unknown as { master: import('pg').Pool }).master,
    config.SESSION_READ_CACHE_SECONDS * 1000,
  );
  const sessionOptions: session.SessionOptions = {
    name: 'beian.sid',
    secret: config.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.COOKIE_SECURE === 'auto' ? 'auto' : config.COOKIE_SECURE === 'true',
      maxAge: config.SESSION_IDLE_MINUTES * 60_000,
      path: '/',
    },
  };
  const sessions = session({ ...sessionOptions, store });
  // Pages that show lists may use the session as this instance read it a moment ago;
  // every other request reads it afresh (`mayRelyOnRecentChecks`): a session ended
  // anywhere opens no workspace, document or download and changes nothing.
  const readingSessions = session({ ...sessionOptions, store: store.forReadingPages() });
  // The intake API, the probes and the metrics scrape never use cookies.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.path.startsWith('/api/') ||
      req.path === '/health' ||
      req.path === '/metrics' ||
      req.path.startsWith('/assets/')
    ) {
      return next();
    }
    return (mayRelyOnRecentChecks(req.method, req.path) ? readingSessions : sessions)(
      req,
      res,
      next,
    );
  });
  app.use(redirectsAfterSessionSaved);

  const views = path.join(root, 'views');
  const translator = app.get(Translator);
  const production = config.NODE_ENV === 'production';
  app.engine(
    'hbs',
    handlebarsViews({
      layoutsDir: path.join(views, 'layouts'),
      partialsDir: path.join(views, 'partials'),
      defaultLayout: 'main',
      helpers: viewHelpers(translator),
      cache: production,
      // One compiled set of templates per language, its fixed words written in.
      variants: {
        variantOf: (context) => {
          const locale = (context as { locale?: unknown }).locale;
          return isLocale(locale) ? locale : FALLBACK_LOCALE;
        },
        prepare: (source, locale) =>
          withStaticWords(source, translator.words(isLocale(locale) ? locale : FALLBACK_LOCALE)),
      },
    }),
  );
  app.setViewEngine('hbs');
  app.setBaseViewsDir(views);
  app.set('view cache', production);
}

/** `GET /requests/:id/documents/:documentId`: the only response the desk frames. */
const DOCUMENT_FILE = /^\/requests\/[^/]+\/documents\/[^/]+$/;

/**
 * helmet with a strict Content-Security-Policy: everything from the desk's own
 * origin, no inline scripts or styles, no plugins from elsewhere, forms posting
 * only back to the desk, and framing as `frameAncestors` says.
 */
function securityHeaders(frameAncestors: "'none'" | "'self'") {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // PDFs of the request's own documents, shown in the workspace.
        objectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: [frameAncestors],
        formAction: ["'self'"],
        baseUri: ["'none'"],
      },
    },
    xFrameOptions: { action: frameAncestors === "'none'" ? 'deny' : 'sameorigin' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

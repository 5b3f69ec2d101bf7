import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, Response } from 'express';
import { create as createHandlebars } from 'express-handlebars';
import session from 'express-session';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../infrastructure/config/app-config.js';
import { requestLogging } from '../../infrastructure/logging/logger.js';
import { projectRoot } from '../../infrastructure/project-root.js';
import { viewHelpers } from '../web/view-helpers.js';
import { redirectsAfterSessionSaved } from './redirects-after-session-saved.js';

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
  app.use(requestLogging(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'self'"],
          frameSrc: ["'self'"],
          frameAncestors: ["'self'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.useStaticAssets(path.join(root, 'views', 'assets'), {
    prefix: '/assets/',
    maxAge: config.NODE_ENV === 'production' ? '1h' : 0,
  });

  const PgStore = connectPgSimple(session);
  const sessions = session({
    name: 'beian.sid',
    secret: config.SESSION_SECRET,
    store: new PgStore({
      pool: (dataSource.driver as unknown as { master: import('pg').Pool }).master,
      tableName: 'staff_sessions',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
    }),
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
  });
  // The intake API and the probes never use cookies.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/') || req.path === '/health' || req.path.startsWith('/assets/')) {
      return next();
    }
    return sessions(req, res, next);
  });
  app.use(redirectsAfterSessionSaved);

  const handlebars = createHandlebars({
    extname: '.hbs',
    defaultLayout: 'main',
    layoutsDir: path.join(root, 'views', 'layouts'),
    partialsDir: path.join(root, 'views', 'partials'),
    helpers: viewHelpers(config.TZ_BUSINESS),
  });
  app.engine('hbs', handlebars.engine);
  app.setViewEngine('hbs');
  app.setBaseViewsDir(path.join(root, 'views'));
  app.set('view cache', config.NODE_ENV === 'production');
}

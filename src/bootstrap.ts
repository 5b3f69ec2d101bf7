import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { Clock } from './shared/application/clock.js';
import type { AppConfig } from './shared/infrastructure/config/app-config.js';
import { createRootLogger, PinoNestLogger } from './shared/infrastructure/logging/logger.js';
import { configureHttpApp } from './shared/interface/http/configure-http-app.js';

export interface CreateAppOptions {
  clock?: Clock;
  logger?: Logger;
}

/** Builds the HTTP application exactly as the server runs it (the tests use this too). */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const logger = options.logger ?? createRootLogger(config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, clock: options.clock, mode: 'server' }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  configureHttpApp(app, config, app.get(DataSource), logger);
  await app.init();
  return app;
}

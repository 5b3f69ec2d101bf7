import type { NextFunction, Request, Response } from 'express';
import type { MetricsRegistry } from '../../infrastructure/metrics/metrics-registry.js';

/**
 * Times every request from the moment it reaches the pipeline to the last byte of its
 * answer, labelled by the route's pattern (`/requests/:id`), never the URL itself: ids
 * would make a series per request, and a path may carry a secret (a set-password link).
 */
export function httpRequestDurations(metrics: MetricsRegistry) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const stop = metrics.httpDurations.startTimer();
    response.once('finish', () =>
      stop({
        method: request.method,
        route: routePatternOf(request),
        status_code: String(response.statusCode),
      }),
    );
    next();
  };
}

/** The pattern of the route that answered; static assets and unknown paths as one each. */
export function routePatternOf(request: Request): string {
  const route: unknown = (request as { route?: unknown }).route;
  const pattern: unknown =
    typeof route === 'object' && route !== null ? (route as { path?: unknown }).path : undefined;
  if (typeof pattern === 'string') return pattern;
  if (request.originalUrl.startsWith('/assets/')) return '/assets/*';
  return '(unmatched)';
}

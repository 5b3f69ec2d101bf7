import { Controller, Get, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { MetricsRegistry } from '../../infrastructure/metrics/metrics-registry.js';
import { Public } from '../http/access.decorators.js';
import { MetricsAccessFilter } from './metrics-access.filter.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';

/**
 * `GET /metrics`: this instance's series in the Prometheus text format, to the bearer of
 * METRICS_TOKEN. Wired only when METRICS_TOKEN is set (otherwise the path is unknown: 404).
 * No session, no CSRF token, and no part of the intake API's OpenAPI document.
 */
@Controller('metrics')
@Public()
@UseGuards(MetricsTokenGuard)
@UseFilters(MetricsAccessFilter)
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  async scrape(@Res() response: Response): Promise<void> {
    const body = await this.metrics.render();
    response.status(200).type(this.metrics.contentType).send(body);
  }
}

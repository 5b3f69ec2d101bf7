import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DOMAIN_EVENT_RECORDER } from './application/domain-events.js';
import { CLOCK, type Clock } from './application/clock.js';
import { ID_GENERATOR } from './application/id-generator.js';
import { SystemClock } from './infrastructure/clock/system-clock.js';
import { UuidGenerator } from './infrastructure/clock/uuid-generator.js';
import { TransactionalDomainEventRecorder } from './infrastructure/events/transactional-domain-event-recorder.js';
import { APP_CONFIG, type AppConfig } from './infrastructure/config/app-config.js';
import { Translator } from './i18n/translator.js';
import { LayoutBanners } from './interface/web/layout-banners.js';

/**
 * Configuration, the clock, ids, domain event recording, the desk's words in every locale
 * and the layout's banners: available everywhere.
 */
@Global()
@Module({})
export class SharedModule {
  static register(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: SharedModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        clock ? { provide: CLOCK, useValue: clock } : { provide: CLOCK, useClass: SystemClock },
        { provide: ID_GENERATOR, useClass: UuidGenerator },
        { provide: Translator, useValue: new Translator(config.TZ_BUSINESS) },
        LayoutBanners,
        { provide: DOMAIN_EVENT_RECORDER, useClass: TransactionalDomainEventRecorder },
      ],
      exports: [APP_CONFIG, CLOCK, ID_GENERATOR, Translator, LayoutBanners, DOMAIN_EVENT_RECORDER],
    };
  }
}

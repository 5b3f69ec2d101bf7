import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, type Clock } from './application/clock.js';
import { ID_GENERATOR } from './application/id-generator.js';
import { SystemClock } from './infrastructure/clock/system-clock.js';
import { UuidGenerator } from './infrastructure/clock/uuid-generator.js';
import { APP_CONFIG, type AppConfig } from './infrastructure/config/app-config.js';
import { LayoutBanners } from './interface/web/layout-banners.js';

/** Configuration, the clock, ids and the layout's banners: available everywhere. */
@Global()
@Module({})
export class SharedModule {
  static register(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: SharedModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        clock ? { provide: CLOCK, useValue: clock } : { provide: CLOCK, useClass: SystemClock },
        { provide: ID_GENERATOR, useClass: UuidGenerator },
        LayoutBanners,
      ],
      exports: [APP_CONFIG, CLOCK, ID_GENERATOR, LayoutBanners],
    };
  }
}

import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisPing } from './redis-ping.js';

/** bull on Redis. Queues carry work only; its durable record is in PostgreSQL. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        redis: config.REDIS_URL,
        prefix: 'beian',
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
      }),
    }),
  ],
  providers: [RedisPing],
  exports: [RedisPing],
})
export class QueueModule {}

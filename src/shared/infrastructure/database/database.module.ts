import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UNIT_OF_WORK } from '../../application/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { TypeormUnitOfWork } from './typeorm-unit-of-work.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        dataSourceOptions(config.DATABASE_URL, {
          preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        }),
    }),
  ],
  providers: [TypeormUnitOfWork, { provide: UNIT_OF_WORK, useExisting: TypeormUnitOfWork }],
  exports: [TypeormUnitOfWork, UNIT_OF_WORK],
})
export class DatabaseModule {}

import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { UNIT_OF_WORK } from '../../application/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { TypeormUnitOfWork } from './typeorm-unit-of-work.js';

/** The app's connection pool and unit of work, with the entities the composition root names. */
@Global()
@Module({})
export class DatabaseModule {
  static register(entities: NonNullable<DataSourceOptions['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            dataSourceOptions(config.DATABASE_URL, {
              preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
              entities,
            }),
        }),
      ],
      providers: [TypeormUnitOfWork, { provide: UNIT_OF_WORK, useExisting: TypeormUnitOfWork }],
      exports: [TypeormUnitOfWork, UNIT_OF_WORK],
    };
  }
}

import { Module } from '@nestjs/common';
import { QueueController } from './interface/web/queue.controller.js';

const controllers = [QueueController];

/** Initialization requests: intake, review, decisions. */
@Module({ controllers })
export class InitializationModule {}

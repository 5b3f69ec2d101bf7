import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IdGenerator } from '../../application/id-generator.js';

@Injectable()
export class UuidGenerator implements IdGenerator {
  newId(): string {
    return randomUUID();
  }
}

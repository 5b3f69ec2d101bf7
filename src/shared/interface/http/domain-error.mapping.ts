import { HttpStatus } from '@nestjs/common';
import type { DomainErrorCategory } from '../../domain/domain-error.js';

/** The one place where the business's refusals become HTTP statuses. */
export const STATUS_BY_CATEGORY: Record<DomainErrorCategory, HttpStatus> = {
  'not-found': HttpStatus.NOT_FOUND,
  'not-allowed': HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  'rule-violated': HttpStatus.UNPROCESSABLE_ENTITY,
};

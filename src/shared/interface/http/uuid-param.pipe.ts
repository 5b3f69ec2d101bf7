import { NotFoundException, type PipeTransform } from '@nestjs/common';
import { isUuid } from '../../domain/uuid.js';

/**
 * An id in the path. An address whose id is not a UUID names nothing, as one whose
 * UUID is unknown: the desk's own 404 (the page in words, or problem+json with a
 * code), never the framework's "Validation failed (uuid is expected)". `notFound`
 * says what is missing, as the lookup itself would for an unknown id; by default
 * the 404's own words ("There is nothing at this address").
 */
export class UuidParam implements PipeTransform<unknown, string> {
  constructor(
    private readonly notFound: (value: string) => Error = () => new NotFoundException(),
  ) {}

  transform(value: unknown): string {
    if (isUuid(value)) return value;
    throw this.notFound(String(value));
  }
}

/** A path id whose malformed value answers the desk's plain 404. */
export const UUID_PARAM = new UuidParam();

/** Every use of "now" goes through this port, so tests can set the time. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('Clock');

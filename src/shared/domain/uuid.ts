/** Any UUID PostgreSQL's `uuid` type holds, in its canonical spelling. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be an id of the desk's records (every one is a UUID). */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);

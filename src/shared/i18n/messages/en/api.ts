/** The intake API's words in English (problem+json titles, details and field messages). */
export const api = {
  'api.problem.invalid.title': 'The request is not valid',
  'api.problem.invalid.detail': '{count, plural, one {# field is} other {# fields are}} invalid.',
  'api.problem.failed': 'The request could not be processed. Nothing was stored.',
};

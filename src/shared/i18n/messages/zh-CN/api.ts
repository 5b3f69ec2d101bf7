import type { Catalogue } from '../catalogue.js';
import type { api as english } from '../en/api.js';

export const api: Catalogue<typeof english> = {
  'api.problem.invalid.title': '请求无效',
  'api.problem.invalid.detail': '{count, plural, other {# 个字段}}无效。',
  'api.problem.failed': '无法处理该请求，未保存任何内容。',
};

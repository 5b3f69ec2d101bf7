import type { Catalogue } from '../catalogue.js';
import type { identity as english } from '../en/identity.js';

export const identity: Catalogue<typeof english> = {
  'identity.signIn.title': '登录',
  'identity.signIn.lead': 'ICP备案账号邮箱初始化 — 员工登录',
  'identity.signIn.email': '邮箱',
  'identity.signIn.password': '密码',
  'identity.signIn.submit': '登录',
  'identity.signIn.missingFields': '请输入邮箱和密码。',
};

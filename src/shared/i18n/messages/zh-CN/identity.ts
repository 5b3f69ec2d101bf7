import type { Catalogue } from '../catalogue.js';
import type { identity as english } from '../en/identity.js';

export const identity: Catalogue<typeof english> = {
  'identity.signIn.title': '登录',
  'identity.signIn.lead': 'ICP备案账号邮箱初始化 — 员工登录',
  'identity.signIn.email': '邮箱',
  'identity.signIn.password': '密码',
  'identity.signIn.submit': '登录',
  'identity.signIn.missingFields': '请输入邮箱和密码。',
  'identity.staff.title': '员工账号',
  'identity.staff.name': '姓名',
  'identity.staff.email': '邮箱',
  'identity.staff.role': '角色',
  'identity.staff.status': '状态',
  'identity.staff.actions': '操作',
  'identity.staff.status.active': '启用',
  'identity.staff.status.deactivated': '已停用',
  'identity.staff.deactivate': '停用',
  'identity.staff.add': '添加员工',
  'identity.staff.initialPassword': '初始密码',
  'identity.staff.create': '创建账号',
  'identity.staff.created': '已为 {name} 创建账号。',
  'identity.staff.deactivated': '该账号已停用，其登录会话将在下一次请求时结束。',
  'identity.staff.problem.email': '“{email}”不是有效的邮箱地址',
  'identity.staff.problem.name': '姓名须为 1 至 {max} 个字符',
  'identity.staff.problem.role':
    '“{role}”不是有效的角色（REVIEWER、SENIOR_REVIEWER、AUDITOR 或 ADMIN）',
  'identity.staff.problem.password': '密码至少需要 {min} 个字符',
  'identity.staff.problemAndMore': '{problem}；{more}',
  'error.staff.invalid-details': '无法创建员工账号：{problems}。',
  'error.staff.email-taken': '邮箱为 {email} 的员工账号已存在。',
  'error.staff.not-found': '不存在员工账号 {reference}。',
  'error.staff.already-inactive': '员工账号 {email} 已停用。',
  'error.staff.invalid-credentials': '邮箱或密码不正确。',
  'error.staff.sign-in-throttled':
    '{scope, select, account {该账号登录失败次数过多。} other {您所在网络地址的登录失败次数过多。}}请 {minutes} 分钟后重试。',
};

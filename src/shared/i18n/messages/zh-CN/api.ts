import type { Catalogue } from '../catalogue.js';
import type { api as english } from '../en/api.js';

export const api: Catalogue<typeof english> = {
  'api.problem.invalid.title': '请求无效',
  'api.problem.invalid.detail': '{count, plural, other {# 个字段}}无效。',
  'api.problem.failed': '无法处理该请求，未保存任何内容。',
  'api.problem.tooLarge.title': '材料过大',
  'api.problem.tooLarge.detail': '文件合计 {total} 字节；每个请求最多接受 {max} 字节。',
  'api.problem.submissionTooLarge.title': '提交内容过大',
  'api.problem.submissionTooLarge.detail':
    '提交内容为 {declared} 字节；每个请求最多接受 {max} 字节的材料。',
  'api.problem.fileTooLarge.title': '材料文件过大',
  'api.problem.fileTooLarge.detail': '每份材料最多 {max} 字节。',
  'api.problem.unsupportedType.title': '材料文件类型不受支持',
  'api.problem.unsupportedType.detail':
    '材料须为 JPEG、PNG 或 PDF 文件（按文件内容判断，而非文件名）。',
  'api.problem.unsupportedContentType.title': '内容类型不受支持',
  'api.problem.unsupportedContentType.detail':
    '请以 multipart/form-data 提交，申请数据以 JSON 放在名为 "request" 的表单字段中。',

  'api.error.token.missing': '请以 "Authorization: Bearer <token>" 发送接入令牌。',
  'api.error.token.invalid': '接入令牌无效。',
  'api.error.request.not-found': '该客户端没有编号为 {id} 的初始化申请。',

  'api.field.required': '{field} 为必填项',
  'api.field.request.required': '缺少 request：申请数据须以 JSON 放在名为 "request" 的表单字段中',
  'api.field.request.notJson': 'request 不是有效的 JSON',
  'api.field.invalidType':
    '{field} 必须是{expected, select, object { JSON 对象} array { JSON 数组} string {字符串} number {数字} boolean { true 或 false} other { {expected} 类型}}',
  'api.field.tooLong': '{field} 最多 {max} 个字符',
  'api.field.tooShort': '{field} 至少 {min} 个字符',
  'api.field.controlCharacters': '{field} 不得包含控制字符',
  'api.field.unknown': '{field} 不是该请求的字段',
  'api.field.invalid': '{field} 无效',
  'api.field.datetime': '{field} 必须是带时区偏移的 ISO-8601 时间，例如 2026-11-25T10:00:00+08:00',
  'api.field.receivedAtFuture': '{field} 晚于当前时间',
  'api.field.subjectType': '{field} 必须是 INDIVIDUAL 或 ORGANIZATION',
  'api.field.applicantRole': '{field} 必须是 SUBJECT_ADMIN、WEBSITE_ADMIN 或 OTHER',
  'api.field.phone': '{field} 必须是电话号码',
  'api.field.email': '{field} 必须是电子邮箱地址',
  'api.field.aliyunAccountId': '{field} 必须是数字形式的阿里云账号 ID',
  'api.field.credentialNumber':
    '{field} 必须是{subjectType, select, INDIVIDUAL {个人主体的 18 位居民身份证号码} other {单位的 18 位统一社会信用代码}}',
  'api.field.idNumber': '{field} 不是有效的居民身份证号码：{reason}',
  'api.idNumber.empty': '身份证号码为空。',
  'api.idNumber.firstGeneration': '这是 15 位的第一代身份证号码，须填写 18 位号码。',
  'api.idNumber.length': '身份证号码应为 18 位，而不是 {length} 位。',
  'api.idNumber.format': '身份证号码应为 17 位数字加 1 位数字或 X。',
  'api.idNumber.province': '地址码以 {code} 开头，不是省级行政区划代码。',
  'api.idNumber.birthDate': '出生日期 {date} 不是真实的日期。',
  'api.idNumber.birthDateFuture': '出生日期 {date} 晚于今天。',
  'api.idNumber.checksum': '校验位应为 {expected}。',
  'api.field.filingNumber': '{field}：{reason}',
  'api.filingNumber.empty': 'ICP备案号为空。',
  'api.filingNumber.publicSecurity': '这是公安备案号（公网安备），不是ICP备案号（ICP备）。',
  'api.filingNumber.icpLicence': '这是经营性ICP许可证号（ICP证），不是ICP备案号（ICP备）。',
  'api.filingNumber.telecomLicence': '这是增值电信业务经营许可证号（B1-/B2-），不是ICP备案号。',
  'api.filingNumber.format': 'ICP备案号形如 浙ICP备12345678号，网站备案号加 -1，App 备案号加 -1A。',
  'api.filingNumber.province': '“{prefix}”不是ICP备案号的省份简称。',
  'api.filingNumber.digits': '备案号应有 8 位或 10 位数字，而不是 {count} 位。',
  'api.filingNumber.suffix': '后缀 -{suffix} 无效：后缀从 -1 开始编号。',
  'api.document.required': '缺少 {field}（{label}）',
  'api.document.requiredFor':
    '{subjectType, select, INDIVIDUAL {个人主体} other {单位主体}}须提交 {field}（{label}）',
  'api.document.authorizationLetterRequired':
    '缺少 {field}：申请人既不是主体负责人也不是网站负责人时，单位主体须提交加盖单位公章的授权书',
  'api.file.empty': '{field} 是空文件',
  'api.file.unsupportedType': '{field} 不是 JPEG、PNG 或 PDF 文件',
  'api.file.unsupportedTypeDetected': '{field} 不是 JPEG、PNG 或 PDF 文件（其内容为 {detected}）',
  'api.file.tooLarge': '{field} 超过 {max} 字节',
  'api.file.unexpectedField': '{field} 不是材料字段：每份材料只发送一次，字段名为 {kinds} 之一',
  'api.multipart.tooManyParts': '提交的部分多于可接受的数量：仅限 request 字段和每种材料各一个文件',
  'api.multipart.fieldTooLong': '{field} 超出可接受的长度',
  'api.multipart.malformed': '无法读取 multipart 请求体',
  'api.status.400': '错误的请求',
  'api.status.401': '未授权',
  'api.status.403': '禁止访问',
  'api.status.404': '未找到',
  'api.status.409': '冲突',
  'api.status.413': '内容过大',
  'api.status.415': '不支持的媒体类型',
  'api.status.422': '无法处理的内容',
  'api.status.429': '请求过多',
  'api.status.500': '服务器内部错误',
  'api.status.503': '服务不可用',
  'api.status.other': '错误',

  // The edges of intake (issue 15): unpaired surrogates, receipt age, the file too large by name.
  'api.field.unpairedSurrogate': '{field} 含有不成对的 UTF-16 代理项，不是有效字符',
  'api.field.receivedAtTooOld': '{field} 早于 {days} 天前',
  'api.file.tooLargeNamed': '{field}（{filename}）超过 {max} 字节',
  // Issue 15 (A1): what a resubmission answers, and what it must not.
  'api.field.notRequested':
    '{field} 不在补正要求之内：只能补正审核员要求的信息项{count, plural, =0 {（无）} other {（{asked}）}}',
  'api.field.notCorrectable': '{field} 不能补正：更改主体类型、备案号或申请人身份需要重新提交申请',
  'api.field.requested': '审核员要求补正 {field}：请提交更正后的值',
  'api.document.notRequested':
    '{field} 不在补正要求之内：只能重新上传审核员要求的材料{count, plural, =0 {（无）} other {（{asked}）}}',
  'api.document.requested': '审核员要求重新上传 {field}（{label}）：请提交新的版本',
  // Issue 17 (H-E): the problem while the database is down (503, Retry-After).
  'api.problem.databaseUnavailable':
    '审核台的数据库没有响应。没有保存任何内容，请在 Retry-After 指定的秒数后重新提交。',
  // Issue 17 (H-D): GET /metrics refusing a scrape.
  'api.metrics.tokenMissing': '请以 "Authorization: Bearer <METRICS_TOKEN>" 发送监控指标令牌。',
  'api.metrics.tokenInvalid': '监控指标令牌无效。',
  // Issue 17 (H-C): a purged document (410).
  'api.status.410': '已删除',
  // Issue 17 (H-B): the document store down (503, Retry-After).
  'api.problem.storeUnavailable':
    '暂时无法连接材料存储，本次提交未保存任何内容，请一分钟后重新发送。',
  // Issue 18 (H-B): the audit trail holds rows beyond its head (503 until its owner moves them aside).
  'api.problem.auditTrailNeedsAttention':
    '审计记录需要管理员处理（其中有不是审核台写入的记录），暂时无法记录任何操作。没有保存任何内容，请稍后重新发送请求。',
};

import type { Catalogue } from '../catalogue.js';
import type { notifications as english } from '../en/notifications.js';

export const notifications: Catalogue<typeof english> = {
  'error.notifications.message-not-found': '没有编号为 {id} 的外发邮件。',

  'notifications.letter.greeting': '{name}，您好：',
  'notifications.letter.hello': '您好：',
  'notifications.letter.reviewerMessage': '审核人员的说明：',
  'notifications.letter.sentAutomatically': '此邮件由系统自动发送，请勿直接回复。',
  'notifications.letter.signature': '阿里云ICP备案 · 备案账号邮箱初始化',
  'notifications.letter.beijingTime': '{date} {time}（北京时间）',
  'notifications.letter.zonedTime': '{date} {time}（{offset}）',
  'notifications.approved.subject': '备案账号邮箱已更新',
  'notifications.approved.body':
    '您的备案账号邮箱初始化申请（编号 {reference}）已审核通过。备案账号邮箱已更新为 {email}，现在可以使用该邮箱登录ICP备案系统。',
  'notifications.approved.aliyunAccount': '关联的阿里云账号：{account}',
  'notifications.replaced.subject': '您的备案账号邮箱已被更换',
  'notifications.replaced.body':
    '根据申请 {reference}，您的备案账号邮箱已由 {previous} 更换为 {email}，此邮箱今后不再用于该备案账号。',
  'notifications.replaced.notYou':
    '如果这不是您本人的申请，请立即联系阿里云备案客服（{contact}）。',
  'notifications.rejected.subject': '备案账号邮箱初始化申请未通过',
  'notifications.rejected.body':
    '很抱歉，您的备案账号邮箱初始化申请（编号 {reference}）未通过审核，原因如下：',
  'notifications.rejected.newRequest': '您可以在ICP备案系统中重新提交申请。',
  'notifications.informationRequested.subject': '请补充申请材料',
  'notifications.informationRequested.body':
    '您的备案账号邮箱初始化申请（编号 {reference}）需要补充以下内容后才能继续审核：',
  'notifications.informationRequested.uploadAgain': '重新上传：{document}',
  'notifications.informationRequested.correct': '更正信息：{field}',
  'notifications.informationRequested.deadline':
    '请于 {by} 前在ICP备案系统中补充提交；逾期未补充，申请将自动关闭。',
  'notifications.expired.subject': '申请已过期关闭',
  'notifications.expired.body':
    '您的备案账号邮箱初始化申请（编号 {reference}）因未在期限内补充材料，已过期关闭。',
  'notifications.expired.newRequest': '如仍需初始化备案账号邮箱，请在ICP备案系统中重新提交申请。',

  'notifications.staff.due': '{at}（北京时间）',
  'notifications.staff.dueZoned': '{at}（{offset}）',
  'notifications.staff.openIt': '查看申请：{url}',
  'notifications.atRisk.subject': '{reference} 即将超时：截止时间 {due}',
  'notifications.atRisk.body': '申请 {reference} 的截止时间为 {due}，剩余工作时间已不超过 4 小时。',
  'notifications.atRisk.youHoldIt': '该申请由您认领。',
  'notifications.atRisk.nobodyHoldsIt': '该申请尚无人认领，请确保尽快有人认领。',
  'notifications.breached.subject': '{reference} 已超时：截止时间 {due}',
  'notifications.breached.body': '申请 {reference} 的截止时间为 {due}，至今仍未办结。',
  'notifications.breached.holder': '该申请由 {name} 认领。',
  'notifications.breached.nobodyHoldsIt': '该申请无人认领。',
  'notifications.breached.seniorAsked': '请您作为高级审核员督促该申请尽快办结或转派。',

  'notifications.status.PENDING': '等待发送',
  'notifications.status.SENDING': '发送中',
  'notifications.status.SENT': '已发送',
  'notifications.status.FAILED': '发送失败',
  'notifications.status.ABANDONED': '已放弃',
  'notifications.status.retrying': '等待重试',
  'notifications.milestone.nextAttempt': '下次尝试',
  'notifications.milestone.sent': '发送时间',
  'notifications.milestone.lastAttemptStarted': '最近一次尝试开始于',
  'notifications.problem.workerStopped':
    '发送过程中处理进程已停止（超过 {minutes} 分钟仍处于“发送中”）；邮件可能已送达，也可能未送达，因此不会自动重发。',
  'notifications.problem.attemptBrokeOff':
    '发送中断，邮件可能已送达，也可能未送达，因此不会自动重发：',
  'notifications.transport.smtp': 'SMTP 服务器 {host}',
  'notifications.transport.demoMailbox': '演示邮箱（未设置 SMTP_URL，邮件不会离开本机）',

  'notifications.outbox.title': '邮件',
  'notifications.outbox.intro': '审核台待发和已发的全部邮件，最新的在前。邮件发往 {transport}。',
  'notifications.outbox.caption': '外发邮件',
  'notifications.outbox.written': '生成时间',
  'notifications.outbox.kind': '类型',
  'notifications.outbox.to': '收件人',
  'notifications.outbox.subject': '主题',
  'notifications.outbox.status': '状态',
  'notifications.outbox.attempts': '尝试次数',
  'notifications.outbox.when': '时间',
  'notifications.outbox.lastError': '最近一次错误',
  'notifications.outbox.empty': '尚未生成任何邮件。',
  'notifications.outbox.newest': '最新',
  'notifications.outbox.older': '更早',
  'notifications.message.title': '{subject}',
  'notifications.message.allMail': '全部邮件',
  'notifications.message.request': '申请',
  'notifications.message.goesTo': '发往',
  'notifications.message.receivedByDemoMailbox': '演示邮箱收到的邮件',
  'notifications.message.deliveredTo': '已于 {at, date, datetime} 投递至 {recipient}。',
  'notifications.message.text': '正文',
  'notifications.informationRequested.fieldNamed': '{label}（{code}）',
  // H5, issue 16: resending an abandoned mail, the status filter.
  'error.notifications.resend-not-abandoned': '只有已放弃（无法确定是否送达）的邮件才能手动重发。',
  'error.notifications.already-resent': '这封邮件已作为新邮件重发过；请查看那封新邮件。',
  'notifications.outbox.filterLabel': '筛选邮件',
  'notifications.outbox.filterStatus': '状态',
  'notifications.outbox.anyStatus': '全部状态',
  'notifications.outbox.filterSubmit': '显示',
  'notifications.outbox.filterClear': '显示全部邮件',
  'notifications.outbox.emptyWithStatus': '没有处于该状态的邮件。',
  'notifications.outbox.resentMark': '已重发',
  'notifications.outbox.resendMark': '重发件',
  'notifications.message.resendOf': '重发自',
  'notifications.message.theAbandonedMessage': '已放弃的原邮件',
  'notifications.message.resentAs': '已重发为',
  'notifications.message.theNewMessage': '新邮件',
  'notifications.message.deliveryUnknown': '无法确定是否送达',
  'notifications.message.resendExplained':
    '最近一次尝试结束时无法确定邮件是否已发出，因此不会自动重发。如果收件人没有收到，您可以将其作为新邮件重发一次。',
  'notifications.message.resend': '重发…',
  'notifications.resend.title': '重发这封邮件？',
  'notifications.resend.warning': '邮件服务器可能已经投递过这封邮件，因此收件人可能会收到两次。',
  'notifications.resend.onceOnly':
    '每封邮件只能重发一次：重发会生成一封注明原邮件的新邮件，与其他邮件一同列出；您的重发操作会记入审计日志。',
  'notifications.resend.confirm': '确认重发（可能重复送达）',
  'notifications.resend.cancel': '取消',
  'notifications.resend.done': '已作为新邮件重发，将与其他邮件一样投递。',
  // The notice to the senior reviewers when a deactivation gives back held requests.
  'notifications.heldWork.subjectReleased': '{name} 的账号已停用：{count} 个申请已释放',
  'notifications.heldWork.subjectYours': '{name} 的账号已停用：{count} 个申请已转派给您',
  'notifications.heldWork.bodyReleased':
    '{name} 的账号已停用，其持有的 {count} 个申请已释放：目前无人持有，各自保持原状态。审核中的申请已回到“待认领”；待申请人补正的申请在申请人补正后进入“待认领”。',
  'notifications.heldWork.bodyYours':
    '{name} 的账号已停用，其持有的 {count} 个申请已转派给您，各自保持原状态。',
  'notifications.heldWork.request': '{reference}（{status}）：{url}',
  'notifications.heldWork.seniorAsked': '请您作为高级审核员确保这些申请被认领或转派。',
  'notifications.heldWork.yoursAsked': '这些申请现由您持有：请处理或转派。',
  // Forms the pages would never send (interface/web/resend-form.ts).
  'notifications.formProblem.confirmed': '表单未说明是否确认重发；请在重发页面再次确认。',
};

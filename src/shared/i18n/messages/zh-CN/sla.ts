import type { Catalogue } from '../catalogue.js';
import type { sla as english } from '../en/sla.js';

export const sla: Catalogue<typeof english> = {
  'sla.state.ON_TRACK': '正常',
  'sla.state.AT_RISK': '即将超时',
  'sla.state.BREACHED': '已超时',
  'sla.state.PAUSED': '计时暂停',
  'sla.state.MET': '按时办结',
  'sla.state.MISSED': '超时办结',
  'sla.span':
    '{hours, plural, =0 {{minutes} 分钟} other {{minutes, plural, =0 {{hours} 小时} other {{hours} 小时 {minutes} 分钟}}}}',
  'sla.timeLeft': '剩余 {span}',
  'sla.timeLeft.lessThanAMinute': '剩余不到 1 分钟',
  'sla.overdueBy': '已超时 {span}',
  'sla.overdue': '已超时',
  'sla.banner.noOfficialCalendar':
    '尚未载入 {year} 年的官方工作日历：截止时间落在 {year} 年的申请只按周一至周五计算工作日，不含法定休息日和调休上班日。管理员可在“工作日历”中添加。',
  'sla.calendar.title': '{year} 年工作日历',
  'sla.calendar.years': '年份',
  'sla.calendar.official': '官方安排：',
  'sla.calendar.officialBusinessDays': '。全年共 {count} 个工作日。',
  'sla.calendar.notOfficial':
    '尚未载入 {year} 年的官方安排：{year} 年的截止时间按周一至周五计算（共 {businessDays} 天）。国务院办公厅发布通知后，请在下方添加。',
  'sla.calendar.legend': '图例',
  'sla.calendar.workday': '工作日',
  'sla.calendar.weekend': '周末',
  'sla.calendar.dayOff': '法定休息日',
  'sla.calendar.makeUpDay': '调休上班日',
  'sla.calendar.makeUpDayOf': '调休上班日（{name}）',
  'sla.calendar.dayTitle': '{date}：{what}',
  'sla.calendar.add': '添加 {year} 年的安排',
  'sla.calendar.change': '修改 {year} 年的安排',
  'sla.calendar.sourceNotice': '依据的通知',
  'sla.calendar.sourcePlaceholder':
    '国务院办公厅关于{year}年部分节假日安排的通知（YYYY-MM-DD 发布）',
  'sla.calendar.daysOff': '法定休息日，每行一段：',
  'sla.calendar.daysOffFormat': 'YYYY-MM-DD..YYYY-MM-DD 名称',
  'sla.calendar.makeUpWorkdays': '调休上班日，每行一天：',
  'sla.calendar.makeUpWorkdaysFormat': 'YYYY-MM-DD 名称',
  'sla.calendar.loadedYears': '已载入的年份',
  'sla.calendar.year': '年份',
  'sla.calendar.source': '依据的通知',
  'sla.calendar.lastChanged': '最近修改',
  'sla.calendar.changedBy': '修改人',
  'sla.calendar.saved':
    '已保存 {year} 年的安排。{deadlines, plural, =0 {} other {# 个未办结申请的截止时间已重新计算。}}{replyDeadlines, plural, =0 {} other {# 个待补正申请的补正截止时间已重新计算。}}',
  'sla.calendar.problem.year': '请选择 {from} 至 {to} 年之间的年份。',
  'sla.calendar.problem.source': '请填写该安排所依据的国务院办公厅通知。',
  'sla.calendar.problem.dayOffLine':
    '法定休息日第 {line} 行（“{text}”）不符合“YYYY-MM-DD..YYYY-MM-DD 名称”的格式。',
  'sla.calendar.problem.makeUpLine':
    '调休上班日第 {line} 行（“{text}”）不符合“YYYY-MM-DD 名称”的格式。',
  'sla.calendar.problem.entry.day-off': '休息日（{name}）',
  'sla.calendar.problem.entry.make-up-workday': '调休上班日（{name}）',
  'sla.calendar.problem.not-a-year': '{year} 不是有效的年份。',
  'sla.calendar.problem.year-listed-twice': '{year} 年有不止一份安排。',
  'sla.calendar.problem.source-missing': '{year} 年：缺少该安排所依据的通知。',
  'sla.calendar.problem.not-a-date': '{year} 年：{entry}的“{day}”不是有效的日期（YYYY-MM-DD）。',
  'sla.calendar.problem.outside-year':
    '{year} 年：{entry}的 {day} 不在 {year} 年或其前一年 12 月之内。',
  'sla.calendar.problem.day-off-unnamed': '{year} 年：从 {from} 开始的休息日没有名称。',
  'sla.calendar.problem.ends-before-start':
    '{year} 年：{entry}的结束日期（{to}）早于开始日期（{from}）。',
  'sla.calendar.problem.make-up-workday-unnamed': '{year} 年：调休上班日 {date} 没有名称。',
  'sla.calendar.problem.make-up-workday-not-weekend':
    '{year} 年：调休上班日 {date}（{name}）不是周六或周日。',
  'sla.calendar.problem.day-listed-twice': '{year} 年：{day} 重复列出。',
  'sla.calendar.problem.day-in-other-arrangement':
    '{year} 年：{day} 也列在 {otherYear} 年的安排中；每一天只能列在一份安排里。',
  'sla.calendar.problem.day-off-and-make-up-workday':
    '{year} 年：{day} 同时被列为休息日和调休上班日。',
  'sla.calendar.problemAndMore': '{problem}{more}',
  'error.calendar.invalid': '安排未保存：{problems}',
  'sla.festival.newYear': '元旦',
  'sla.festival.springFestival': '春节',
  'sla.festival.qingming': '清明节',
  'sla.festival.labourDay': '劳动节',
  'sla.festival.dragonBoat': '端午节',
  'sla.festival.midAutumn': '中秋节',
  'sla.festival.nationalDay': '国庆节',
  'sla.festival.nationalDayAndMidAutumn': '国庆节、中秋节',
  // 工作日历管理（第 16 号议题）：一年的通知可列的日期、按行指出的问题、保存前显示的变化。
  'sla.calendar.help':
    '{year} 年的通知列出 {year} 年的日期；元旦前后也可能调整 {yearBefore} 年 12 月最后一周（{from} 至 {yearBeforeEnd}）的日期。其他日期属于别的年份的通知，不予接受。保存前会先显示哪些日期改变、多少个未办结申请的截止时间随之改变，确认后才保存。',
  'sla.calendar.checkChanges': '查看变化',
  'sla.calendar.problemsTitle': '安排未保存。请更正以下问题后再查看：',
  'sla.calendar.dayOffOf': '法定休息日（{name}）',
  'sla.calendar.problem.outsideReach':
    '{year} 年：{entry}的 {day} 超出 {year} 年安排可列的范围（{from} 至 {to}）。',
  'sla.calendar.problem.dayOffLineOutside':
    '法定休息日第 {line} 行（“{text}”）：{day} 超出 {year} 年安排可列的范围，即 {from} 至 {to}（{year} 年及其前一年 12 月的最后一周）。',
  'sla.calendar.problem.makeUpLineOutside':
    '调休上班日第 {line} 行（“{text}”）：{day} 超出 {year} 年安排可列的范围，即 {from} 至 {to}（{year} 年及其前一年 12 月的最后一周）。',
  'sla.calendar.problem.dayOffLineDate':
    '法定休息日第 {line} 行（“{text}”）：{day} 不是有效的日期。',
  'sla.calendar.problem.makeUpLineDate':
    '调休上班日第 {line} 行（“{text}”）：{day} 不是有效的日期。',
  'error.calendar.changed-meanwhile':
    '在您查看期间，其他人修改了工作日历：请重新查看变化后再保存。',
  'sla.calendar.preview.title': '保存 {year} 年的安排之前',
  'sla.calendar.preview.intro': '尚未保存。请查看此安排带来的变化，然后保存。',
  'sla.calendar.preview.alsoChanges': '此安排还会改变 {yearBefore} 年 12 月最后一周的 {days}。',
  'sla.calendar.preview.dayOffLineYearBefore':
    '法定休息日第 {line} 行（“{text}”）还会改变 {yearBefore} 年的 {days}。',
  'sla.calendar.preview.makeUpLineYearBefore':
    '调休上班日第 {line} 行（“{text}”）还会改变 {yearBefore} 年的 {days}。',
  'sla.calendar.preview.deadlines': '截止时间将改变的未办结申请：{count} 个',
  'sla.calendar.preview.replyDeadlines': '补正截止时间将改变的待补正申请：{count} 个',
  'sla.calendar.preview.days': '改变的日期',
  'sla.calendar.preview.day': '日期',
  'sla.calendar.preview.until': '目前',
  'sla.calendar.preview.after': '保存后',
  'sla.calendar.preview.ofYear': '{year} 年',
  'sla.calendar.preview.noDays': '没有日期改变：只保存依据的通知。',
  'sla.calendar.preview.confirm': '保存 {year} 年的安排',
  'sla.calendar.preview.orEdit': '也可以在下方修改安排后再查看。',
  // Forms the pages would never send (interface/web/calendar-form.ts): one sentence a field.
  'sla.formProblem.year': '请将年份填写为一段文字。',
  'sla.formProblem.source': '请将通知来源填写为一段文字。',
  'sla.formProblem.daysOff': '请将放假日期填写为一段文字，每行一项。',
  'sla.formProblem.makeUpWorkdays': '请将调休上班日填写为一段文字，每行一项。',
  'sla.formProblem.preview': '表单未说明要确认哪次预览；请重新检查安排，并在新的预览中保存。',
};

/** Deadlines in English: SLA states, business time left, the calendar admin and banner. */
export const sla = {
  'sla.state.ON_TRACK': 'On track',
  'sla.state.AT_RISK': 'At risk',
  'sla.state.BREACHED': 'Breached',
  'sla.state.PAUSED': 'Paused',
  'sla.state.MET': 'Met',
  'sla.state.MISSED': 'Missed',
  'sla.span':
    '{hours, plural, =0 {{minutes} min} other {{minutes, plural, =0 {{hours} h} other {{hours} h {minutes} min}}}}',
  'sla.timeLeft': '{span} left',
  'sla.timeLeft.lessThanAMinute': 'less than 1 min left',
  'sla.overdueBy': 'overdue by {span}',
  'sla.overdue': 'overdue',
  'sla.banner.noOfficialCalendar':
    'No official working calendar is loaded for {year}: deadlines falling in {year} count Monday to Friday only, without holidays or make-up working days. An administrator can add it under Calendar.',
  'sla.calendar.title': 'Business calendar {year}',
  'sla.calendar.years': 'Years',
  'sla.calendar.official': 'Official arrangement:',
  /** After the notice's name, which the page shows in bold. */
  'sla.calendar.officialBusinessDays': '. {count} business days.',
  'sla.calendar.notOfficial':
    'No official arrangement is loaded for {year}: deadlines in {year} count Monday to Friday ({businessDays} days). Add it below when the State Council publishes it.',
  'sla.calendar.legend': 'Legend',
  'sla.calendar.workday': 'Working day',
  'sla.calendar.weekend': 'Weekend',
  'sla.calendar.dayOff': 'Official day off',
  'sla.calendar.makeUpDay': 'Make-up working day',
  'sla.calendar.makeUpDayOf': 'Make-up working day ({name})',
  /** A day's tooltip: its date, then the holiday's name or what kind of day it is. */
  'sla.calendar.dayTitle': '{date}: {what}',
  'sla.calendar.add': 'Add the {year} arrangement',
  'sla.calendar.change': 'Change the {year} arrangement',
  'sla.calendar.sourceNotice': 'Source notice',
  'sla.calendar.sourcePlaceholder':
    '国务院办公厅关于{year}年部分节假日安排的通知, issued YYYY-MM-DD',
  'sla.calendar.daysOff': 'Days off, one block per line:',
  'sla.calendar.daysOffFormat': 'YYYY-MM-DD..YYYY-MM-DD Name',
  'sla.calendar.makeUpWorkdays': 'Make-up working days, one per line:',
  'sla.calendar.makeUpWorkdaysFormat': 'YYYY-MM-DD Name',
  'sla.calendar.loadedYears': 'Loaded years',
  'sla.calendar.year': 'Year',
  'sla.calendar.source': 'Source',
  'sla.calendar.lastChanged': 'Last changed',
  'sla.calendar.changedBy': 'By',
  'sla.calendar.saved':
    'Saved the {year} arrangement.{deadlines, plural, =0 {} one { # open request got a new deadline.} other { # open requests got a new deadline.}}{replyDeadlines, plural, =0 {} one { # request waiting for the applicant got a new reply deadline.} other { # requests waiting for the applicant got a new reply deadline.}}',
  'sla.calendar.problem.year': 'Choose a year between {from} and {to}.',
  'sla.calendar.problem.source': 'Name the State Council notice the arrangement comes from.',
  'sla.calendar.problem.dayOffLine':
    'Days off, line {line} ("{text}") is not "YYYY-MM-DD..YYYY-MM-DD Name".',
  'sla.calendar.problem.makeUpLine':
    'Make-up working days, line {line} ("{text}") is not "YYYY-MM-DD Name".',
  'sla.calendar.problem.entry.day-off': 'day off ({name})',
  'sla.calendar.problem.entry.make-up-workday': 'make-up workday ({name})',
  'sla.calendar.problem.not-a-year': '{year} is not a year.',
  'sla.calendar.problem.year-listed-twice': '{year} has more than one arrangement.',
  'sla.calendar.problem.source-missing': '{year}: the source of the arrangement is missing.',
  'sla.calendar.problem.not-a-date': '{year}: {entry} "{day}" is not a calendar date (YYYY-MM-DD).',
  'sla.calendar.problem.outside-year':
    '{year}: {entry} {day} is outside {year} and the December before it.',
  'sla.calendar.problem.day-off-unnamed': '{year}: a day off starting {from} has no name.',
  'sla.calendar.problem.ends-before-start':
    '{year}: {entry} ends ({to}) before it starts ({from}).',
  'sla.calendar.problem.make-up-workday-unnamed': '{year}: the make-up workday {date} has no name.',
  'sla.calendar.problem.make-up-workday-not-weekend':
    '{year}: make-up workday {date} ({name}) is not a Saturday or Sunday.',
  'sla.calendar.problem.day-listed-twice': '{year}: {day} is listed more than once.',
  'sla.calendar.problem.day-in-other-arrangement':
    '{year}: {day} is also listed in the {otherYear} arrangement; list each day in one arrangement only.',
  'sla.calendar.problem.day-off-and-make-up-workday':
    '{year}: {day} is listed both as a day off and as a make-up workday.',
  'sla.calendar.problemAndMore': '{problem} {more}',
  'error.calendar.invalid': 'The arrangement was not saved: {problems}',
  'sla.festival.newYear': "New Year's Day",
  'sla.festival.springFestival': 'Spring Festival',
  'sla.festival.qingming': 'Qingming Festival',
  'sla.festival.labourDay': 'Labour Day',
  'sla.festival.dragonBoat': 'Dragon Boat Festival',
  'sla.festival.midAutumn': 'Mid-Autumn Festival',
  'sla.festival.nationalDay': 'National Day',
  'sla.festival.nationalDayAndMidAutumn': 'National Day and Mid-Autumn Festival',
  // The calendar admin (issue 16): what a year's notice may list, the problems named by
  // line, and the changes shown before saving.
  'sla.calendar.help':
    'A {year} notice lists days of {year}, and around New Year it may also move days in the last week of December {yearBefore} ({from} to {yearBeforeEnd}). Any other day belongs to another year’s notice and is refused. Before anything is saved you see which days change and how many open deadlines move, and confirm.',
  'sla.calendar.checkChanges': 'Check the changes',
  'sla.calendar.problemsTitle': 'The arrangement was not saved. Correct these and check again:',
  'sla.calendar.dayOffOf': 'Official day off ({name})',
  'sla.calendar.problem.outsideReach':
    '{year}: {entry} {day} is outside what the {year} arrangement may list ({from} to {to}).',
  'sla.calendar.problem.dayOffLineOutside':
    'Days off, line {line} ("{text}"): {day} is outside what the {year} arrangement may list, {from} to {to} ({year} and the last week of December before it).',
  'sla.calendar.problem.makeUpLineOutside':
    'Make-up working days, line {line} ("{text}"): {day} is outside what the {year} arrangement may list, {from} to {to} ({year} and the last week of December before it).',
  'sla.calendar.problem.dayOffLineDate':
    'Days off, line {line} ("{text}"): {day} is not a calendar date.',
  'sla.calendar.problem.makeUpLineDate':
    'Make-up working days, line {line} ("{text}"): {day} is not a calendar date.',
  'error.calendar.changed-meanwhile':
    'Someone else changed the calendar while you were checking: look at the changes again before saving.',
  'sla.calendar.preview.title': 'Before saving the {year} arrangement',
  'sla.calendar.preview.intro':
    'Nothing is saved yet. Check what the arrangement changes, then save it.',
  'sla.calendar.preview.alsoChanges':
    'This arrangement also changes {days}, in the last week of December {yearBefore}.',
  'sla.calendar.preview.dayOffLineYearBefore':
    'Days off, line {line} ("{text}"), also changes {days} of {yearBefore}.',
  'sla.calendar.preview.makeUpLineYearBefore':
    'Make-up working days, line {line} ("{text}"), also changes {days} of {yearBefore}.',
  'sla.calendar.preview.deadlines': 'Open requests whose deadline moves: {count}',
  'sla.calendar.preview.replyDeadlines':
    'Requests waiting for the applicant whose reply deadline moves: {count}',
  'sla.calendar.preview.days': 'Days that change',
  'sla.calendar.preview.day': 'Day',
  'sla.calendar.preview.until': 'Until now',
  'sla.calendar.preview.after': 'Once saved',
  'sla.calendar.preview.ofYear': 'in {year}',
  'sla.calendar.preview.noDays': 'No day changes: only the source notice is saved.',
  'sla.calendar.preview.confirm': 'Save the {year} arrangement',
  'sla.calendar.preview.orEdit': 'Or change the arrangement below and check again.',
  // Forms the pages would never send (interface/web/calendar-form.ts): one sentence a field.
  'sla.formProblem.year': 'Write the year as one text.',
  'sla.formProblem.source': 'Write the source notice as one text.',
  'sla.formProblem.daysOff': 'Write the days off as one text, one entry a line.',
  'sla.formProblem.makeUpWorkdays': 'Write the make-up working days as one text, one entry a line.',
  'sla.formProblem.preview':
    'The form does not say which preview it confirms; check the arrangement again and save it from the new preview.',
};

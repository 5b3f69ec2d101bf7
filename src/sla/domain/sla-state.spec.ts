import { describe, expect, it } from '@jest/globals';
import { slaStateOf } from './sla-state.js';

const dueAt = new Date('2026-11-25T10:00:00Z');
const atRiskAt = new Date('2026-11-25T06:00:00Z');
const at = (iso: string): Date => new Date(iso);

describe('the SLA state of a request', () => {
  it('is on track before the at-risk moment, at risk from it, breached from the deadline', () => {
    const facts = { status: 'IN_REVIEW', dueAt, atRiskAt, outcome: null };
    expect(slaStateOf(facts, at('2026-11-25T05:59:59Z'))).toBe('ON_TRACK');
    expect(slaStateOf(facts, atRiskAt)).toBe('AT_RISK');
    expect(slaStateOf(facts, at('2026-11-25T09:59:59Z'))).toBe('AT_RISK');
    expect(slaStateOf(facts, dueAt)).toBe('BREACHED');
  });

  it('is paused while the request waits for the applicant, whatever the time', () => {
    expect(
      slaStateOf(
        { status: 'AWAITING_APPLICANT', dueAt, atRiskAt, outcome: null },
        at('2027-01-01T00:00:00Z'),
      ),
    ).toBe('PAUSED');
  });

  it('keeps whether a decided request met its deadline', () => {
    expect(
      slaStateOf(
        { status: 'APPROVED', dueAt, atRiskAt, outcome: 'MET' },
        at('2030-01-01T00:00:00Z'),
      ),
    ).toBe('MET');
    expect(
      slaStateOf(
        { status: 'REJECTED', dueAt, atRiskAt, outcome: 'MISSED' },
        at('2020-01-01T00:00:00Z'),
      ),
    ).toBe('MISSED');
  });

  it('has none for a withdrawn request', () => {
    expect(slaStateOf({ status: 'WITHDRAWN', dueAt, atRiskAt, outcome: null }, dueAt)).toBeNull();
  });
});

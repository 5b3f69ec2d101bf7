import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListStaffMembersQuery } from '../../../identity/application/queries/list-staff-members/list-staff-members.query.js';
import { GetSignedInStaffQuery } from '../../../identity/application/queries/get-signed-in-staff/get-signed-in-staff.query.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { isUuid } from '../../../shared/domain/uuid.js';
import type { StaffDirectory } from '../../application/ports/staff-directory.js';

/** How long the list of reviewers is kept: every queue page shows it, and it rarely changes. */
const REVIEWERS_FRESH_FOR_MS = 30_000;

/** The identity context's staff, through its published query. */
@Injectable()
export class IdentityStaffDirectory implements StaffDirectory {
  private reviewerList: { staff: StaffActor[]; readAt: number } | null = null;

  constructor(private readonly queries: QueryBus) {}

  /** Null for an id that names nobody, a malformed one included (a form's empty choice). */
  async activeStaff(staffId: string): Promise<StaffActor | null> {
    if (!isUuid(staffId)) return null;
    const staff = await this.queries.execute(new GetSignedInStaffQuery(staffId));
    return staff
      ? { kind: 'STAFF', id: staff.id, role: staff.role, name: staff.displayName }
      : null;
  }

  /** Kept for half a minute (a new reviewer shows up in the lists within it). */
  async reviewers(): Promise<StaffActor[]> {
    const cached = this.reviewerList;
    if (cached && Date.now() - cached.readAt < REVIEWERS_FRESH_FOR_MS) return cached.staff;
    const staff = await this.readReviewers();
    this.reviewerList = { staff, readAt: Date.now() };
    return staff;
  }

  private async readReviewers(): Promise<StaffActor[]> {
    const members = await this.queries.execute(new ListStaffMembersQuery());
    return members
      .filter(
        (member) =>
          member.active && (member.role === 'REVIEWER' || member.role === 'SENIOR_REVIEWER'),
      )
      .map((member): StaffActor => ({
        kind: 'STAFF',
        id: member.id,
        role: member.role,
        name: member.displayName,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }
}

import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { STAFF_ROLES } from '../../../shared/domain/staff-role.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { flash } from '../../../shared/interface/web/session.js';
import { CreateStaffMemberCommand } from '../../application/commands/create-staff-member/create-staff-member.command.js';
import { ListStaffMembersQuery } from '../../application/queries/list-staff-members/list-staff-members.query.js';
import { ListSignInLockoutsQuery } from '../../application/queries/list-sign-in-lockouts/list-sign-in-lockouts.query.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import {
  InvalidStaffDetailsError,
  StaffEmailTakenError,
  type StaffDetailsField,
} from '../../domain/staff-member.errors.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/password-policy.js';
import { parseNewStaffForm } from './forms.js';
import { RecentStaffChecks } from './recent-staff-checks.js';

/** The new-account form as the page shows it: what was typed (never the password) and each field's problems. */
interface NewStaffFormView {
  values: { displayName: string; email: string; role: string };
  errors: Partial<Record<StaffDetailsField, readonly Message[]>>;
  /** The refusal in one sentence, above the form; absent when nothing was refused. */
  summary?: Message;
}

const EMPTY_NEW_STAFF: NewStaffFormView = {
  values: { displayName: '', email: '', role: '' },
  errors: {},
};

@Controller('admin/users')
@Roles('ADMIN')
export class StaffAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly recentChecks: RecentStaffChecks,
  ) {}

  @Get()
  @Render('pages/identity/staff-list')
  list(@Req() request: Request): Promise<object> {
    return this.page(request, EMPTY_NEW_STAFF);
  }

  /** The staff page; a refused new-account form comes back in it, every problem beside its field. */
  private async page(request: Request, newStaff: NewStaffFormView): Promise<object> {
    const members = await this.queries.execute(new ListStaffMembersQuery());
    const lockouts = await this.queries.execute(new ListSignInLockoutsQuery());
    return {
      pageTitle: msg('identity.staff.title'),
      members: members.map((member) => ({
        ...member,
        roleLabel: msg(`common.role.${member.role}`),
        status: msg(
          member.active ? 'identity.staff.status.active' : 'identity.staff.status.deactivated',
        ),
        canDeactivate: member.active && member.id !== request.staff?.id,
        // Per-row actions of staff-lifecycle.controller.ts (its pages say why one is refused).
        canReactivate: !member.active,
        canChangeRole: member.id !== request.staff?.id,
        // Their own password an admin changes on /account.
        canResetPassword: member.active && member.id !== request.staff?.id,
      })),
      roles: STAFF_ROLES.map((role) => ({ value: role, label: msg(`common.role.${role}`) })),
      lockouts,
      newStaff,
      passwordRules: msg('identity.password.rules', { min: PASSWORD_MIN_LENGTH }),
    };
  }

  @Post()
  async create(
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { password, ...values } = parseNewStaffForm(body);
    try {
      await this.commands.execute(
        new CreateStaffMemberCommand(
          actor,
          values.email,
          values.displayName,
          values.role,
          password,
          ip,
        ),
      );
    } catch (error) {
      if (!(error instanceof InvalidStaffDetailsError || error instanceof StaffEmailTakenError))
        throw error;
      const errors =
        error instanceof InvalidStaffDetailsError ? error.byField : { email: [error.sentence] };
      // Back on the page with every problem beside its field and what was typed (not the password).
      response
        .status(error instanceof StaffEmailTakenError ? 409 : 422)
        .render(
          'pages/identity/staff-list',
          await this.page(request, { values, errors, summary: error.sentence }),
        );
      return;
    }
    flash(request, 'success', msg('identity.staff.created', { name: values.displayName.trim() }));
    response.redirect(303, '/admin/users');
  }

  // Deactivation, reactivation and role changes: staff-lifecycle.controller.ts.
}

import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { DomainError } from '../../../shared/domain/domain-error.js';
import { STAFF_ROLES } from '../../../shared/domain/staff-role.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { STATUS_BY_CATEGORY } from '../../../shared/interface/http/domain-error.mapping.js';
import { UUID_PARAM } from '../../../shared/interface/http/uuid-param.pipe.js';
import { flash } from '../../../shared/interface/web/session.js';
import { ChangeStaffRoleCommand } from '../../application/commands/change-staff-role/change-staff-role.command.js';
import { DeactivateStaffMemberCommand } from '../../application/commands/deactivate-staff-member/deactivate-staff-member.command.js';
import { ReactivateStaffMemberCommand } from '../../application/commands/reactivate-staff-member/reactivate-staff-member.command.js';
import { AccountAdministrationQuery } from '../../application/queries/account-administration/account-administration.query.js';
import {
  NotAnActiveSeniorError,
  StaffRoleUnchangedError,
  UnknownStaffRoleError,
} from '../../domain/staff-lifecycle.errors.js';
import { parseDeactivationForm, parseRoleForm, type DeactivationInput } from './forms.js';
import { RecentStaffChecks } from './recent-staff-checks.js';

/** What the deactivation form sent: release the held requests, or reassign them to a senior. */
type DeactivationForm = DeactivationInput;

/** The form's refusals: next to a field, or about the whole change. */
interface FormErrors {
  senior?: Message;
  role?: Message;
  change?: Message;
}

/**
 * An account's life after it was created, for admins: reactivation, a change of role
 * (its sessions end) and deactivation, which first shows the requests the account holds
 * and gives them back — released, or reassigned to a senior reviewer the admin chooses.
 * A refused form is shown again with its errors beside the fields, as it was filled in.
 */
@Controller('admin/users/:id')
@Roles('ADMIN')
export class StaffLifecycleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly recentChecks: RecentStaffChecks,
  ) {}

  @Get('deactivate')
  async deactivation(
    @Param('id', UUID_PARAM) id: string,
    @CurrentActor() actor: StaffActor,
    @Res() response: Response,
  ): Promise<void> {
    await this.renderDeactivation(response, id, actor, { held: 'release', senior: '' }, {});
  }

  @Post('deactivate')
  async deactivate(
    @Param('id', UUID_PARAM) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const form = parseDeactivationForm(body);
    if (form.held === 'reassign' && !form.senior) {
      response.status(422);
      return this.renderDeactivation(response, id, actor, form, {
        senior: msg('identity.lifecycle.deactivate.chooseSenior'),
      });
    }
    try {
      const done = await this.commands.execute(
        new DeactivateStaffMemberCommand(
          actor,
          id,
          ip,
          form.held === 'reassign' ? form.senior : null,
        ),
      );
      this.recentChecks.forget(id);
      const count = done.returned.length;
      flash(
        request,
        'success',
        done.handedTo
          ? msg('identity.lifecycle.deactivated.reassigned', {
              name: done.displayName,
              count,
              senior: done.handedTo.name,
            })
          : msg('identity.lifecycle.deactivated.released', { name: done.displayName, count }),
      );
      response.redirect(303, '/admin/users');
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not-found') throw error;
      response.status(STATUS_BY_CATEGORY[error.category]);
      const errors: FormErrors =
        error instanceof NotAnActiveSeniorError
          ? { senior: error.sentence }
          : { change: error.sentence };
      return this.renderDeactivation(response, id, actor, form, errors);
    }
  }

  @Post('reactivate')
  async reactivate(
    @Param('id', UUID_PARAM) id: string,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.commands.execute(new ReactivateStaffMemberCommand(actor, id, ip));
    this.recentChecks.forget(id);
    const { member } = await this.account(id, actor);
    flash(request, 'success', msg('identity.lifecycle.reactivated', { name: member.displayName }));
    response.redirect(303, '/admin/users');
  }

  @Get('role')
  async roleChange(
    @Param('id', UUID_PARAM) id: string,
    @CurrentActor() actor: StaffActor,
    @Res() response: Response,
  ): Promise<void> {
    await this.renderRoleChange(response, id, actor, null, {});
  }

  @Post('role')
  async changeRole(
    @Param('id', UUID_PARAM) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { role } = parseRoleForm(body);
    try {
      await this.commands.execute(new ChangeStaffRoleCommand(actor, id, role, ip));
      this.recentChecks.forget(id);
      const { member } = await this.account(id, actor);
      flash(
        request,
        'success',
        msg('identity.lifecycle.roleChanged', {
          name: member.displayName,
          role: msg(`common.role.${member.role}`),
        }),
      );
      response.redirect(303, '/admin/users');
    } catch (error) {
      if (!(error instanceof DomainError) || error.category === 'not-found') throw error;
      response.status(STATUS_BY_CATEGORY[error.category]);
      const onTheField =
        error instanceof StaffRoleUnchangedError || error instanceof UnknownStaffRoleError;
      return this.renderRoleChange(
        response,
        id,
        actor,
        role,
        onTheField ? { role: error.sentence } : { change: error.sentence },
      );
    }
  }

  private account(id: string, actor: StaffActor, withHeldWork = false) {
    return this.queries.execute(new AccountAdministrationQuery(id, actor, withHeldWork));
  }

  private async renderDeactivation(
    response: Response,
    id: string,
    actor: StaffActor,
    form: DeactivationForm,
    errors: FormErrors,
  ): Promise<void> {
    const account = await this.account(id, actor, true);
    const { member } = account;
    response.render('pages/identity/deactivate', {
      pageTitle: msg('identity.lifecycle.deactivate.title', { name: member.displayName }),
      ...account,
      roleLabel: msg(`common.role.${member.role}`),
      refusal: account.deactivationRefusal,
      holdsWork: account.held.length > 0,
      heldCount: account.held.length,
      canReassign: account.seniors.length > 0,
      reassigning: form.held === 'reassign',
      seniors: account.seniors.map((senior) => ({
        ...senior,
        selected: senior.id === form.senior,
      })),
      errors,
    });
  }

  private async renderRoleChange(
    response: Response,
    id: string,
    actor: StaffActor,
    chosen: string | null,
    errors: FormErrors,
  ): Promise<void> {
    const account = await this.account(id, actor);
    const { member } = account;
    const selected = chosen ?? member.role;
    response.render('pages/identity/change-role', {
      pageTitle: msg('identity.lifecycle.role.title', { name: member.displayName }),
      member,
      roleLabel: msg(`common.role.${member.role}`),
      refusal: account.roleChangeRefusal,
      roles: STAFF_ROLES.map((role) => ({
        value: role,
        label: msg(`common.role.${role}`),
        selected: role === selected,
      })),
      errors,
    });
  }
}

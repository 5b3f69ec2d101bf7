import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { STAFF_ROLES } from '../../../shared/domain/staff-role.js';
import { msg } from '../../../shared/i18n/message.js';
import { flash } from '../../../shared/interface/web/session.js';
import { CreateStaffMemberCommand } from '../../application/commands/create-staff-member/create-staff-member.command.js';
import { DeactivateStaffMemberCommand } from '../../application/commands/deactivate-staff-member/deactivate-staff-member.command.js';
import { ListStaffMembersQuery } from '../../application/queries/list-staff-members/list-staff-members.query.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { UUID_PARAM } from '../../../shared/interface/http/uuid-param.pipe.js';
import { RecentStaffChecks } from './recent-staff-checks.js';

interface NewStaffForm {
  email?: string;
  displayName?: string;
  role?: string;
  password?: string;
}

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
  async list(@Req() request: Request): Promise<object> {
    const members = await this.queries.execute(new ListStaffMembersQuery());
    return {
      pageTitle: msg('identity.staff.title'),
      members: members.map((member) => ({
        ...member,
        roleLabel: msg(`common.role.${member.role}`),
        status: msg(
          member.active ? 'identity.staff.status.active' : 'identity.staff.status.deactivated',
        ),
        canDeactivate: member.active && member.id !== request.staff?.id,
      })),
      roles: STAFF_ROLES.map((role) => ({ value: role, label: msg(`common.role.${role}`) })),
    };
  }

  @Post()
  async create(
    @Body() form: NewStaffForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.commands.execute(
      new CreateStaffMemberCommand(
        actor,
        String(form.email ?? ''),
        String(form.displayName ?? ''),
        String(form.role ?? ''),
        String(form.password ?? ''),
        ip,
      ),
    );
    flash(
      request,
      'success',
      msg('identity.staff.created', { name: String(form.displayName ?? '').trim() }),
    );
    response.redirect(303, '/admin/users');
  }

  @Post(':id/deactivate')
  async deactivate(
    @Param('id', UUID_PARAM) id: string,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.commands.execute(new DeactivateStaffMemberCommand(actor, id, ip));
    this.recentChecks.forget(id);
    flash(request, 'success', msg('identity.staff.deactivated'));
    response.redirect(303, '/admin/users');
  }
}

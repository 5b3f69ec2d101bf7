import { msg } from '../../../shared/i18n/message.js';
import {
  ForbiddenException,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { StaffRole } from '../../../shared/domain/staff-role.js';
import { ROLES_KEY } from '../../../shared/interface/http/access.decorators.js';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const staff = context.switchToHttp().getRequest<Request>().staff;
    if (staff && roles.includes(staff.role)) return true;
    throw new ForbiddenException(msg('common.error.403.text'));
  }
}

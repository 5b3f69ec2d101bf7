import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { StaffActor } from '../../domain/actor.js';
import type { StaffRole } from '../../domain/staff-role.js';

export const PUBLIC_KEY = 'beian:public';
export const ROLES_KEY = 'beian:roles';

/** No session needed (the sign-in page, health, the intake API with its own guard). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may use the route; everyone else gets 403. */
export const Roles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/** The signed-in staff member of a request, as the actor of a command. */
export function staffActorOf(request: Request): StaffActor {
  const staff = request.staff;
  if (!staff) throw new Error('a staff actor was asked for on a public route');
  return { kind: 'STAFF', id: staff.id, role: staff.role, name: staff.displayName };
}

/** The client's address as Express sees it (honouring TRUST_PROXY). */
export function clientIpOf(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): StaffActor =>
    staffActorOf(context.switchToHttp().getRequest<Request>()),
);

export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  clientIpOf(context.switchToHttp().getRequest<Request>()),
);

import { CommandBus } from '@nestjs/cqrs';
import type { Command } from 'commander';
import type { CliContext } from '../../../shared/interface/cli/cli-context.js';
import { systemActor } from '../../../shared/domain/actor.js';
import { CreateStaffMemberCommand } from '../../application/commands/create-staff-member/create-staff-member.command.js';
import { DeactivateStaffMemberCommand } from '../../application/commands/deactivate-staff-member/deactivate-staff-member.command.js';

const cliActor = () => systemActor(`cli:${process.env.USER ?? 'unknown'}`);

export function registerStaffCommands(program: Command, context: CliContext): void {
  program
    .command('staff:create')
    .description('create a staff account')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'REVIEWER, SENIOR_REVIEWER, AUDITOR or ADMIN')
    .requiredOption('--password <password>', 'initial password (12 characters or more)')
    .action((options: { email: string; name: string; role: string; password: string }) =>
      context.withApp(async (app) => {
        const { id } = await app
          .get(CommandBus)
          .execute(
            new CreateStaffMemberCommand(
              cliActor(),
              options.email,
              options.name,
              options.role,
              options.password,
            ),
          );
        context.output.out(`Created ${options.role} ${options.email} (${id}).`);
      }),
    );

  program
    .command('staff:deactivate')
    .description(
      'deactivate a staff account (it can no longer sign in; its history stays) and release the requests it holds',
    )
    .argument('[account]', 'the email or id of the account to deactivate')
    .option('--email <email>', 'the account to deactivate (instead of the argument)')
    .action((account: string | undefined, options: { email?: string }, command: Command) => {
      const reference = account ?? options.email;
      if (!reference) command.error('error: name the account to deactivate, by its email or id');
      return context.withApp(async (app) => {
        const done = await app
          .get(CommandBus)
          .execute(new DeactivateStaffMemberCommand(cliActor(), reference));
        context.output.out(`Deactivated ${reference}.`);
        const references = done.returned.map((request) => request.reference).join(', ');
        context.output.out(
          done.returned.length === 0
            ? 'It held no open request.'
            : `Released the ${done.returned.length} open request(s) it held: ${references}.`,
        );
      });
    });
}

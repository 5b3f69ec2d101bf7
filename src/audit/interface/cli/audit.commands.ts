import { CommandBus } from '@nestjs/cqrs';
import type { Command } from 'commander';
import type { CliContext } from '../../../shared/interface/cli/cli-context.js';
import { systemActor } from '../../../shared/domain/actor.js';
import { VerifyAuditChainCommand } from '../../application/commands/verify-audit-chain/verify-audit-chain.command.js';

const cliActor = () => systemActor(`cli:${process.env.USER ?? 'unknown'}`);

export function registerAuditCommands(program: Command, context: CliContext): void {
  program
    .command('audit:verify')
    .description(
      'recompute the audit trail hash chain from the first event; exits 1 when it is broken',
    )
    .action(() =>
      context.withApp(async (app) => {
        const { report } = await app
          .get(CommandBus)
          .execute(new VerifyAuditChainCommand(cliActor()));
        if (report.ok) {
          context.output.out(`${report.verified} events verified, chain head ${report.head.hash}`);
          return 0;
        }
        context.output.err(
          `The audit trail is broken at event #${report.break.seq} (${report.break.kind}): ${report.break.message}`,
        );
        context.output.err(`${report.verified} events before it verified.`);
        return 1;
      }),
    );
}

import { CommandBus } from '@nestjs/cqrs';
import type { Command } from 'commander';
import type { CliContext } from '../../../shared/interface/cli/cli-context.js';
import { systemActor } from '../../../shared/domain/actor.js';
import { VerifyAuditChainCommand } from '../../application/commands/verify-audit-chain/verify-audit-chain.command.js';
import { RunFullVerificationCommand } from '../../application/commands/run-full-verification/run-full-verification.command.js';
import type { TrailVerificationResult } from '../../application/ports/trail-verifier.js';
import { failureWords, warningWords } from '../../application/verification-words.js';
import { AUDIT_KEYS, type AuditKeys } from '../../infrastructure/keys/audit-keys.js';
import { publicKeyPem } from '../../infrastructure/keys/load-audit-keys.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { verifyExportOffline } from './verify-export-offline.js';
import { AuditStrayQuarantine } from '../../infrastructure/postgres/audit-stray-quarantine.js';

const cliActor = () => systemActor(`cli:${process.env.USER ?? 'unknown'}`);

export function registerAuditCommands(program: Command, context: CliContext): void {
  // Issue 18 (H-B): the owner's recovery from rows written beyond the trail's head.
  program
    .command('audit:quarantine-strays')
    .description(
      'as the database owner (MIGRATION_DATABASE_URL): move rows beyond the audit trail head into audit_quarantine and record the incident in the trail',
    )
    .action(() =>
      context.withApp(async (app) => {
        const { moved, incident } = await app.get(AuditStrayQuarantine).quarantine(cliActor());
        if (moved.length === 0) {
          context.output.out('No rows lie beyond the audit trail head: nothing to move.');
          return 0;
        }
        context.output.out(
          `Moved ${moved.length} row(s) beyond the head into audit_quarantine: ${moved.map((row) => `#${row.seq} (${row.hash})`).join(', ')}`,
        );
        if (incident)
          context.output.out(
            `Recorded as event #${incident.seq} (audit.strays_quarantined); the desk records again.`,
          );
        return 0;
      }),
    );
  program
    .command('audit:verify-export')
    .description(
      'check an export file against its signed statement with no database: its rows (count and SHA-256) and the signature under the public key given; exits 1 when refused',
    )
    .argument('<file>', 'the export file (CSV or Excel) as downloaded')
    .option('--statement <file>', 'its signed statement (default: <file>.statement.json)')
    .requiredOption(
      '--public-key <file>',
      'the desk’s public key, PEM (npm run cli -- audit:public-key); a key in the files is never trusted',
    )
    .action((file: string, options: { statement?: string; publicKey: string }) =>
      context.offline(async () => {
        const result = await verifyExportOffline({
          file,
          statementFile: options.statement ?? `${file}.statement.json`,
          publicKeyFile: options.publicKey,
        });
        for (const line of result.lines) {
          if (result.exitCode === 0) context.output.out(line);
          else context.output.err(line);
        }
        return result.exitCode;
      }),
    );
  // Issue 18 (H-C): quick and full verification, and the signing key's public half.
  program
    .command('audit:verify')
    .description(
      'verify the audit trail: quickly from the last checkpoint a passed full verification verified, or every event with --full (on every core, recorded, once across instances); exits 1 when it fails',
    )
    .option('--full', 'verify every event and checkpoint from the first (prints its progress)')
    .action((options: { full?: boolean }) =>
      context.withApp(async (app) => {
        const words = new Translator(process.env.TZ_BUSINESS ?? 'Asia/Shanghai').words('en');
        const bus = app.get(CommandBus);
        let result: TrailVerificationResult;
        if (options.full) {
          let shown = 0;
          let shownChecked = -1;
          const outcome = await bus.execute(
            new RunFullVerificationCommand(cliActor(), {
              wait: true,
              onProgress: ({ checked, total }) => {
                if (checked === shownChecked) return;
                if (Date.now() - shown < 1000 && checked < total) return;
                shown = Date.now();
                shownChecked = checked;
                const percent = total > 0 ? Math.floor((checked / total) * 100) : 100;
                context.output.err(
                  `Full verification: ${checked.toLocaleString('en')} of ${total.toLocaleString('en')} events checked (${percent}%)`,
                );
              },
            }),
          );
          if (!outcome.started || !outcome.result) {
            context.output.err(
              'A full verification is already running (see /audit/verify for its progress); try again when it has finished.',
            );
            return 2;
          }
          result = outcome.result;
        } else {
          result = (await bus.execute(new VerifyAuditChainCommand(cliActor()))).result;
        }
        const mode = options.full ? 'Full verification' : 'Quick check';
        const scope = result.from
          ? `from checkpoint #${result.from.no} (event #${result.from.seq})`
          : 'from the first event';
        for (const warning of result.warnings)
          context.output.err(`Warning: ${words.text(warningWords(warning))}`);
        if (result.ok) {
          context.output.out(
            `${mode}: ${result.verified} events verified ${scope}, chain head #${result.head.seq} ${result.head.hash}`,
          );
          if (result.lastCheckpoint)
            context.output.out(
              `The trail passes through signed checkpoint #${result.lastCheckpoint.no} (event #${result.lastCheckpoint.seq}).`,
            );
          return 0;
        }
        const failure = result.failure!;
        const where =
          typeof failure.event === 'number'
            ? `event #${failure.event}`
            : typeof failure.checkpoint === 'number'
              ? `checkpoint #${failure.checkpoint}`
              : 'the trail';
        context.output.err(
          `${mode}: the audit trail fails at ${where} (${failure.kind}): ${words.text(failureWords(failure))}`,
        );
        context.output.err(`${result.verified} events before it verified ${scope}.`);
        return 1;
      }),
    );
  program
    .command('audit:public-key')
    .description(
      'print the public key (PEM) and fingerprint that verify the audit checkpoints and export statements',
    )
    .action(() =>
      context.withApp(async (app) => {
        const keys = app.get<AuditKeys>(AUDIT_KEYS);
        context.output.out(publicKeyPem(keys).trimEnd());
        context.output.out(`Fingerprint: ${keys.signer.fingerprint}`);
        return 0;
      }),
    );
}

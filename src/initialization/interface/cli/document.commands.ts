import { CommandBus } from '@nestjs/cqrs';
import type { Command } from 'commander';
import { systemActor } from '../../../shared/domain/actor.js';
import type { CliContext } from '../../../shared/interface/cli/cli-context.js';
import { EncryptLegacyDocumentsCommand } from '../../application/commands/encrypt-legacy-documents/encrypt-legacy-documents.command.js';
import { RewrapDocumentKeysCommand } from '../../application/commands/rewrap-document-keys/rewrap-document-keys.command.js';

const cliActor = () => systemActor(`cli:${process.env.USER ?? 'unknown'}`);

export function registerDocumentCommands(program: Command, context: CliContext): void {
  program
    .command('documents:rewrap-keys')
    .description(
      'wrap every document data key with the current (first) master key of DOCUMENT_ENCRYPTION_KEYS; the objects are not rewritten',
    )
    .action(() =>
      context.withApp(async (app) => {
        const { rewrapped, keyId } = await app
          .get(CommandBus)
          .execute(new RewrapDocumentKeysCommand(cliActor()));
        context.output.out(
          `${rewrapped} document key(s) re-wrapped; every data key is now wrapped by master key "${keyId}".`,
        );
        return 0;
      }),
    );
  program
    .command('documents:encrypt-legacy')
    .description(
      'encrypt the documents stored in the clear before encryption, and remove each file in the clear once no document needs it',
    )
    .action(() =>
      context.withApp(async (app) => {
        const report = await app
          .get(CommandBus)
          .execute(new EncryptLegacyDocumentsCommand(cliActor()));
        context.output.out(
          `${report.encrypted} document(s) encrypted; ${report.plaintextRemoved} file(s) in the clear removed.`,
        );
        if (report.missing.length === 0) return 0;
        context.output.err(
          `${report.missing.length} document(s) have no file in the store and were left as they are: ${report.missing.join(', ')}`,
        );
        return 1;
      }),
    );
}

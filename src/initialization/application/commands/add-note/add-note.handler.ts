import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { REQUEST_NOTES, type RequestNotes } from '../../ports/request-notes.js';
import { RequestChanges } from '../../request-changes.js';
import { AddNoteCommand } from './add-note.command.js';

/** The note, its audit event and the request's new version in one transaction. */
@CommandHandler(AddNoteCommand)
export class AddNoteHandler implements ICommandHandler<AddNoteCommand> {
  constructor(
    private readonly changes: RequestChanges,
    @Inject(REQUEST_NOTES) private readonly notes: RequestNotes,
  ) {}

  async execute(command: AddNoteCommand): Promise<void> {
    await this.changes.apply(
      command,
      { actor: command.author, ip: command.ip },
      (request, now) => request.addNote(command.author, command.text, now),
      async (_request, note) => {
        await this.notes.add(note);
      },
    );
  }
}

import type { App } from '@slack/bolt';
import { answerMessage } from '../blocks/answer-blocks.ts';
import { escapeMrkdwn } from '../blocks/mrkdwn.ts';
import { errorMessage, helpMessage } from '../blocks/notice-blocks.ts';
import { describeError, pianobotCode } from '../error-fields.ts';
import { questionFromText } from '../question-text.ts';
import { scopeNote } from '../scope-note.ts';
import { sendEphemeral } from '../send-ephemeral.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { parseSubcommand } from './staff-commands.ts';

export const SLASH_COMMAND = '/piani';

/**
 * `/piani <domanda>`: acknowledged at once with "Cerco…", then the answer visible only to the asker, with a button to
 * share it in the channel.
 */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, client, respond, context }) => {
    const question = questionFromText(command.text, context.botUserId);
    const sub = parseSubcommand(question);
    if (sub) {
      const { later, ...reply } = await sub.run({
        deps,
        client,
        channel: command.channel_id,
        user: command.user_id,
        args: sub.args,
      });
      await ack(reply);
      await later?.().catch((err) => deps.log.error('slash subcommand failed', describeError(err)));
      return;
    }
    if (!question) {
      await ack({ response_type: 'ephemeral', ...helpMessage() });
      return;
    }
    await ack({ response_type: 'ephemeral', text: `🔎 Cerco nei piani: «${escapeMrkdwn(question)}»…` });
    const target = { channel: command.channel_id, user: command.user_id };
    try {
      const scope = (await deps.scopes?.get(command.channel_id)) ?? null;
      const answer = await deps.engine.ask(question, { audience: 'staff', ...(scope ? { scope: scope.docs } : {}) });
      const answerId = deps.newAnswerId();
      await deps.answers.remember(answerId, { question, answer });
      await sendEphemeral(
        deps,
        client,
        respond,
        target,
        answerMessage(answer, { answerId, question, shareable: true, ...scopeNote(scope) }),
      );
    } catch (err) {
      const ref = deps.newErrorRef();
      deps.log.error('slash command failed', { ref, channel: command.channel_id, ...describeError(err) });
      await sendEphemeral(deps, client, respond, target, errorMessage(ref, pianobotCode(err)));
    }
  });
}

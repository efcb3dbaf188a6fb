import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS, parseButtonValue } from '../blocks/answer-blocks.ts';
import { fullAnswerMessages } from '../blocks/full-answer-blocks.ts';
import { describeError } from '../error-fields.ts';
import type { SlackDeps } from '../slack-deps.ts';

/** "Mostra tutto" under an answer cut to Slack's limits ("… e altri N"): the whole answer, only to who asked for it. */
export function registerExpandAnswer(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ACTIONS.expand },
    async ({ ack, action, body, respond }) => {
      await ack();
      const parsed = parseButtonValue(action.value);
      const known = parsed ? await deps.answers.get(parsed.a) : undefined;
      try {
        if (!known) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: 'Questa risposta non è più disponibile: ripeti la domanda per vederla tutta.',
          });
          return;
        }
        for (const message of fullAnswerMessages(known.answer))
          await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        deps.log.info('answer expanded', { user: body.user.id, answerId: parsed?.a });
      } catch (err) {
        deps.log.error('expand failed', { user: body.user.id, ...describeError(err) });
      }
    },
  );
}

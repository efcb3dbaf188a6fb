import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { DEFAULT_DIGEST, DIGEST_SETTINGS_BLOCK, HOME_ACTIONS } from '../blocks/home-digest-blocks.ts';
import { describeError } from '../error-fields.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { publishHome } from './app-home.ts';

type ButtonClick = BlockAction<ButtonAction>;

const SelectedSchema = z.object({ selected_option: z.object({ value: z.string() }).nullish() }).passthrough();

/** The Home tab's buttons: confirm "Sei …?", turn the weekly digest on (with the chosen day, hour, days) or off. */
export function registerHomeActions(app: App, deps: SlackDeps): void {
  app.action<ButtonClick>(
    { type: 'block_actions', action_id: HOME_ACTIONS.confirmPerson },
    async ({ ack, body, client }) => {
      await ack();
      const user = body.user.id;
      // only the person the home tab proposed for this very user can be confirmed, never a name sent by hand
      const match = await deps.people.match(user, await profileNames(client, user));
      if (match) await deps.people.confirm(user, match.person);
      deps.log.info('person confirmed', { user, person: match?.person ?? null });
      await publishHome(deps, client, user);
    },
  );

  app.action<ButtonClick>(
    { type: 'block_actions', action_id: HOME_ACTIONS.subscribe },
    async ({ ack, body, client }) => {
      await ack();
      const user = body.user.id;
      try {
        const match = await deps.people.match(user, await profileNames(client, user));
        if (!match) return;
        const values = body.view?.state?.values?.[DIGEST_SETTINGS_BLOCK] ?? {};
        const pick = (actionId: string, fallback: number) => {
          const parsed = SelectedSchema.safeParse(values[actionId]);
          const n = Number(parsed.success ? parsed.data.selected_option?.value : undefined);
          return Number.isInteger(n) ? n : fallback;
        };
        // opting in is also the confirmation that the proposed person is the user
        if (!match.confirmed) await deps.people.confirm(user, match.person);
        await deps.digests.subscribe(user, {
          person: match.person,
          weekday: pick(HOME_ACTIONS.weekday, DEFAULT_DIGEST.weekday),
          hour: pick(HOME_ACTIONS.hour, DEFAULT_DIGEST.hour),
          days: pick(HOME_ACTIONS.days, DEFAULT_DIGEST.days),
        });
        deps.log.info('digest subscribed', { user, person: match.person });
      } catch (err) {
        deps.log.error('digest subscription failed', { user, ...describeError(err) });
      }
      await publishHome(deps, client, user);
    },
  );

  app.action<ButtonClick>(
    { type: 'block_actions', action_id: HOME_ACTIONS.unsubscribe },
    async ({ ack, body, client }) => {
      await ack();
      await deps.digests.unsubscribe(body.user.id);
      deps.log.info('digest unsubscribed', { user: body.user.id });
      await publishHome(deps, client, body.user.id);
    },
  );

  // choosing in a select only changes the view's state, read when "Attiva" is pressed
  for (const id of [HOME_ACTIONS.weekday, HOME_ACTIONS.hour, HOME_ACTIONS.days])
    app.action({ type: 'block_actions', action_id: id }, async ({ ack }) => {
      await ack();
    });
}

async function profileNames(client: Parameters<typeof publishHome>[1], user: string): Promise<string[]> {
  const info = await client.users.info({ user });
  const u = info.user as { real_name?: string; profile?: { real_name?: string; display_name?: string } } | undefined;
  return [u?.profile?.real_name, u?.real_name, u?.profile?.display_name].filter((n): n is string => Boolean(n?.trim()));
}

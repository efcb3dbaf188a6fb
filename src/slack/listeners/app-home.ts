import type { App } from '@slack/bolt';
import type { PersonOverview } from '../../answer/answer.ts';
import { homeErrorView, homeView } from '../blocks/home-view.ts';
import { deliveryKeys } from '../delivery-keys.ts';
import { describeError } from '../error-fields.ts';
import type { SlackDeps } from '../slack-deps.ts';

interface Profile {
  real_name?: string;
  real_name_normalized?: string;
  display_name?: string;
}

/** App Home "I miei obiettivi": the user's Slack profile name matched to the people named in the plans. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    if (!(await deps.dedupe.claim(deliveryKeys({ eventId: body.event_id })))) return;
    try {
      const info = await client.users.info({ user: event.user });
      const user = info.user as { real_name?: string; name?: string; profile?: Profile } | undefined;
      const names = [
        user?.profile?.real_name,
        user?.real_name,
        user?.profile?.real_name_normalized,
        user?.profile?.display_name,
      ].filter((n): n is string => Boolean(n?.trim()));
      let overview: PersonOverview | null = null;
      for (const name of new Set(names)) {
        overview = deps.engine.personOverview(name);
        if (overview) break;
      }
      await client.views.publish({ user_id: event.user, view: homeView(names[0] ?? user?.name ?? '', overview) });
      deps.log.info('home published', { user: event.user, matched: overview?.person ?? null });
    } catch (err) {
      const ref = deps.newErrorRef();
      deps.log.error('app home failed', { ref, user: event.user, ...describeError(err) });
      await client.views
        .publish({ user_id: event.user, view: homeErrorView(ref) })
        .catch((again) => deps.log.error('could not publish the error view', { ref, ...describeError(again) }));
    }
  });
}

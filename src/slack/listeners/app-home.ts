import type { App, webApi } from '@slack/bolt';
import type { PersonOverview } from '../../answer/answer.ts';
import type { PersonMatch } from '../../people/slack-people.ts';
import { digestSettingsBlocks, personConfirmBlocks } from '../blocks/home-digest-blocks.ts';
import { homeErrorView, homeView } from '../blocks/home-view.ts';
import { deliveryKeys } from '../delivery-keys.ts';
import { describeError } from '../error-fields.ts';
import type { SlackDeps } from '../slack-deps.ts';

interface Profile {
  real_name?: string;
  real_name_normalized?: string;
  display_name?: string;
}

/**
 * App Home "I miei obiettivi": the user matched to a person of the plans (confirmed table, else the Slack profile
 * name, with "Sei …? Conferma"), their objectives, and the weekly digest opt-in.
 */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    if (!(await deps.dedupe.claim(deliveryKeys({ eventId: body.event_id })))) return;
    await publishHome(deps, client, event.user);
  });
}

/** Builds and publishes a user's Home tab; on failure publishes an error view with a reference. */
export async function publishHome(deps: SlackDeps, client: webApi.WebClient, userId: string): Promise<void> {
  try {
    const info = await client.users.info({ user: userId });
    const user = info.user as { real_name?: string; name?: string; profile?: Profile } | undefined;
    const names = [
      user?.profile?.real_name,
      user?.real_name,
      user?.profile?.real_name_normalized,
      user?.profile?.display_name,
    ].filter((n): n is string => Boolean(n?.trim()));
    const match = await deps.people.match(userId, names);
    const overview: PersonOverview | null = match ? deps.engine.personOverview(match.person) : null;
    await client.views.publish({
      user_id: userId,
      view: homeView(names[0] ?? user?.name ?? '', overview, match ? await homeExtras(deps, userId, match) : []),
    });
    deps.log.info('home published', { user: userId, matched: overview?.person ?? null, confirmed: match?.confirmed });
  } catch (err) {
    const ref = deps.newErrorRef();
    deps.log.error('app home failed', { ref, user: userId, ...describeError(err) });
    await client.views
      .publish({ user_id: userId, view: homeErrorView(ref) })
      .catch((again) => deps.log.error('could not publish the error view', { ref, ...describeError(again) }));
  }
}

async function homeExtras(deps: SlackDeps, userId: string, match: PersonMatch) {
  // the digest needs the plan model; an engine without one (a fake) shows the objectives only
  const digest = deps.engine.planStore ? digestSettingsBlocks(match.person, await deps.digests.get(userId)) : [];
  return [...personConfirmBlocks(match), ...digest];
}

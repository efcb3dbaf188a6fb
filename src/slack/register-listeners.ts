import type { App } from '@slack/bolt';
import { describeError } from './error-fields.ts';
import { registerActions } from './listeners/actions.ts';
import { registerAppHome } from './listeners/app-home.ts';
import { registerAssistant } from './listeners/assistant.ts';
import { registerCommands } from './listeners/commands.ts';
import { registerExpandAnswer } from './listeners/expand-answer.ts';
import { registerHomeActions } from './listeners/home-actions.ts';
import { registerMentions } from './listeners/mentions.ts';
import { registerMessages } from './listeners/messages.ts';
import { registerStaffActions } from './listeners/staff-commands.ts';
import type { SlackDeps } from './slack-deps.ts';

/** Every pianobot listener, plus a last-resort error handler so a bad event is logged and never stops the app. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerAssistant(app, deps);
  registerMentions(app, deps);
  registerMessages(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerAppHome(app, deps);
  registerHomeActions(app, deps);
  registerStaffActions(app, deps);
  registerExpandAnswer(app, deps);
  app.error(async (err) => {
    deps.log.error('unhandled error in a Slack listener', describeError(err));
  });
}

import type { App, BlockAction, ButtonAction, RespondArguments, webApi } from '@slack/bolt';
import { runPlanChecks } from '../../checks/run-checks.ts';
import { resolveScope } from '../../scope/resolve-scope.ts';
import { CHECKS_EXPAND_ACTION, checksMessage } from '../blocks/checks-blocks.ts';
import { escapeMrkdwn } from '../blocks/mrkdwn.ts';
import { postChart } from '../post-chart.ts';
import type { SlackDeps } from '../slack-deps.ts';

export interface SubcommandInput {
  deps: SlackDeps;
  client: webApi.WebClient;
  channel: string;
  user: string;
  /** the text after the subcommand's word */
  args: string;
}

/**
 * What `/piani <word> …` answers at once (the reply is the acknowledgement itself), and optionally the slower work
 * to do after acknowledging.
 */
type Subcommand = (input: SubcommandInput) => Promise<RespondArguments & { later?: () => Promise<void> }>;

const CLEAR_WORDS = new Set(['tutto', 'tutti', 'nessuno', 'reset']);

const ambito: Subcommand = async ({ deps, channel, user, args }) => {
  const store = deps.engine.planStore;
  if (!store || !deps.scopes)
    return ephemeral('Gli ambiti per canale non sono disponibili: manca il modello dei piani.');
  const request = args.trim();
  if (!request) {
    const scope = await deps.scopes.get(channel);
    return ephemeral(
      scope
        ? `🔎 In questo canale rispondo solo su: *${escapeMrkdwn(scope.label)}*` +
            (scope.source === 'admin' ? ' (impostato dagli amministratori).' : '.') +
            '\n`/piani ambito tutto` lo rimuove.'
        : '🔎 Nessun ambito: in questo canale rispondo su tutti i piani caricati.\n' +
            'Per limitarlo: `/piani ambito <ente o piano> [anno]`, per esempio `/piani ambito PEG 2021`.',
    );
  }
  if (CLEAR_WORDS.has(request.toLowerCase())) {
    await deps.scopes.clear(channel, user, deps.clock.now());
    deps.log.info('channel scope cleared', { channel, user });
    return {
      response_type: 'in_channel',
      text: `🔎 <@${user}> ha rimosso l'ambito: qui rispondo di nuovo su tutti i piani.`,
    };
  }
  const r = resolveScope(store.model.documents, request);
  if (!r.ok) {
    const why = {
      empty: 'Indica un ente o un piano',
      no_match: `Nessun piano caricato corrisponde a «${escapeMrkdwn(request)}»`,
      no_year: `Nessun piano di «${escapeMrkdwn(request)}» copre quell'anno`,
    }[r.reason];
    return ephemeral(`${why}. Piani caricati:\n${r.candidates.map((c) => `• ${escapeMrkdwn(c)}`).join('\n')}`);
  }
  await deps.scopes.set(channel, r.docs, request, user, deps.clock.now());
  deps.log.info('channel scope set', { channel, user, docs: r.docs });
  return {
    response_type: 'in_channel',
    text: `🔎 <@${user}> ha impostato l'ambito del canale: da ora rispondo solo su *${escapeMrkdwn(r.label)}*.`,
  };
};

const verifica: Subcommand = async ({ deps, channel }) => {
  const store = deps.engine.planStore;
  if (!store) return ephemeral('La verifica dei piani non è disponibile: manca il modello dei piani.');
  const scope = (await deps.scopes?.get(channel)) ?? null;
  const findings = runPlanChecks(store, scope?.docs);
  return { response_type: 'ephemeral', ...checksMessage(findings, (f) => store.documentOf(f), false, scope?.label) };
};

const grafico: Subcommand = async ({ deps, client, channel, user, args }) => {
  const ref = args.trim();
  if (!ref) return ephemeral('Indica cosa disegnare: un codice di progetto o di obiettivo, `cdr 85` oppure `aree`.');
  return {
    response_type: 'ephemeral',
    text: `📊 Disegno il grafico di «${escapeMrkdwn(ref)}»…`,
    later: async () => {
      const scope = (await deps.scopes?.get(channel)) ?? null;
      const posted = await postChart(deps, client, {
        channel,
        ref,
        requestedBy: user,
        ...(scope ? { docs: scope.docs } : {}),
      });
      if (!posted.ok) await client.chat.postEphemeral({ channel, user, text: posted.reason }).catch(() => undefined);
    },
  };
};

/** The `/piani` words that are commands, not questions. */
export const SUBCOMMANDS: Record<string, Subcommand> = { ambito, verifica, grafico };

/** "ambito PEG 2021" → the subcommand and its arguments; a question → null. */
export function parseSubcommand(text: string): { run: Subcommand; args: string } | null {
  const m = text.trim().match(/^(\S+)\s*([\s\S]*)$/);
  const run = m ? SUBCOMMANDS[m[1]!.toLowerCase()] : undefined;
  return run ? { run, args: m![2] ?? '' } : null;
}

/** "… e altri N — mostra tutto" under `/piani verifica`: replaces the message with the whole list. */
export function registerStaffActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: CHECKS_EXPAND_ACTION },
    async ({ ack, body, respond }) => {
      await ack();
      const store = deps.engine.planStore;
      if (!store) return;
      const channel = body.channel?.id ?? body.container?.channel_id ?? '';
      const scope = (await deps.scopes?.get(channel)) ?? null;
      const findings = runPlanChecks(store, scope?.docs);
      await respond({
        replace_original: true,
        response_type: 'ephemeral',
        ...checksMessage(findings, (f) => store.documentOf(f), true, scope?.label),
      });
    },
  );
}

function ephemeral(text: string): RespondArguments {
  return { response_type: 'ephemeral', text };
}

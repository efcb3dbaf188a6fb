import { type App, Assistant, type AssistantConfig } from '@slack/bolt';
import { answerInThread } from '../answer-in-thread.ts';
import { SUGGESTED_PROMPTS } from '../blocks/notice-blocks.ts';
import { deliveryKeys } from '../delivery-keys.ts';
import { describeError } from '../error-fields.ts';
import { questionFromText } from '../question-text.ts';
import type { SlackDeps } from '../slack-deps.ts';

type ContextStore = NonNullable<AssistantConfig['threadContextStore']>;
type ThreadContext = Awaited<ReturnType<ContextStore['get']>>;

/**
 * Keeps each assistant thread's context (the channel the user was viewing) in memory, instead of Bolt's default
 * which reads and rewrites the thread's first message through conversations.replies / chat.update.
 */
export class MemoryThreadContextStore implements ContextStore {
  private readonly contexts = new Map<string, ThreadContext>();

  constructor(private readonly capacity = 2_000) {}

  async get(args: Parameters<ContextStore['get']>[0]): Promise<ThreadContext> {
    return this.contexts.get(threadKey(args.payload)) ?? {};
  }

  async save(args: Parameters<ContextStore['save']>[0]): Promise<void> {
    const payload = args.payload as { assistant_thread?: { context?: ThreadContext } };
    const key = threadKey(args.payload);
    this.contexts.delete(key);
    this.contexts.set(key, payload.assistant_thread?.context ?? {});
    while (this.contexts.size > this.capacity) {
      const oldest = this.contexts.keys().next().value;
      if (oldest === undefined) break;
      this.contexts.delete(oldest);
    }
  }
}

function threadKey(payload: unknown): string {
  const p = payload as {
    assistant_thread?: { channel_id?: string; thread_ts?: string };
    channel?: string;
    thread_ts?: string;
  };
  return `${p.assistant_thread?.channel_id ?? p.channel}\u0000${p.assistant_thread?.thread_ts ?? p.thread_ts}`;
}

/**
 * Direct messages in the agent Messages tab: suggested prompts when a thread opens, a "sta consultando i piani…"
 * status while answering, the answer in the same thread with the thread's earlier turns as context.
 */
export function registerAssistant(app: App, deps: SlackDeps): void {
  const assistant = new Assistant({
    threadContextStore: new MemoryThreadContextStore(),
    threadStarted: async ({ setSuggestedPrompts }) => {
      await setSuggestedPrompts(SUGGESTED_PROMPTS).catch((err) =>
        deps.log.warn('setSuggestedPrompts failed', describeError(err)),
      );
    },
    userMessage: async ({ message, body, client, context, setStatus, setTitle }) => {
      const m = message as { channel: string; ts: string; thread_ts?: string; user?: string; text?: string };
      if (!m.thread_ts || !m.user) return;
      await answerInThread(deps, client, {
        channel: m.channel,
        threadTs: m.thread_ts,
        messageTs: m.ts,
        user: m.user,
        question: questionFromText(m.text, context.botUserId),
        dedupeKeys: deliveryKeys({ eventId: body.event_id, channel: m.channel, ts: m.ts }),
        setStatus: (status) => setStatus(status),
        setTitle: (title) => setTitle(title),
        retryNum: context.retryNum,
      });
    },
  });
  app.assistant(assistant);
}

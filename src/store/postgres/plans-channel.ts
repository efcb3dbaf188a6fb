/** The LISTEN/NOTIFY channel on which ingest announces a replaced or removed plan to the running replicas. */
export const PLANS_CHANNEL = 'pianobot_plans';

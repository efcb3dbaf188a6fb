import { z } from 'zod';
import type { DocumentJob, PreparedDocument } from '../prepare-document.ts';

/** What a worker is started with: the local embedder's dimension when it embeds, else null. */
export const WorkerSetupSchema = z.object({ localDimension: z.number().int().positive().nullable() });
export type WorkerSetup = z.infer<typeof WorkerSetupSchema>;

/** main → worker: one file to prepare */
export interface JobMessage {
  id: number;
  job: DocumentJob;
}

/** worker → main: the prepared file, or the broken invariant that must fail the ingest */
export type ResultMessage =
  | { id: number; result: PreparedDocument; error?: undefined }
  | { id: number; error: { message: string; stack: string }; result?: undefined };

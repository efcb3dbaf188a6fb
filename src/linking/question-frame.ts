/** What a question names and asks, linked to the loaded model: the one input every route decides on. */
import { z } from 'zod';
import { QueryTargetSchema } from '../query/plan-query.ts';
import { STRATEGIC_LEVELS } from '../query/record-fields.ts';

export const FieldWordSchema = z.enum([
  'budget',
  'weight',
  'staff',
  'phases',
  'indicators',
  'objectives',
  'projects',
  'end',
  'start',
  'target',
  'owner',
  'duration',
  'share',
  'revenue',
]);

export const ComparisonOpSchema = z.enum(['eq', 'gt', 'gte', 'lt', 'lte', 'between']);

export const QuestionFrameSchema = z.object({
  lang: z.enum(['it', 'en']),
  text: z.string(),
  /** entities named (as the plans write them) and the plan files they and the year leave in scope; null = all */
  entities: z.array(z.string()),
  /** entities the question sets apart ("escluso il Comune di X"): the documents are every other plan's */
  excludedEntities: z.array(z.string()).default([]),
  documents: z.array(z.string()).nullable(),
  /** levels of the plans' hierarchy named as the scope ("linea di mandato 05", "l'azione Housing sociale") */
  levels: z
    .array(
      z.object({
        // the strategic levels of record-fields, and the area of a record's office
        level: z.enum([...STRATEGIC_LEVELS, 'area']),
        label: z.string(),
        docs: z.array(z.string()),
      }),
    )
    .default([]),
  /** "Comune di X" where X has no plan */
  unknownEntity: z.string().nullable(),
  years: z.array(z.number().int()),
  /** a year named that no plan in scope covers */
  uncoveredYear: z.number().int().nullable(),
  dates: z.array(
    z.object({
      iso: z.string(),
      op: ComparisonOpSchema,
      iso2: z.string().optional(),
      /** the date it bounds when a start or end word stands right before it ("iniziano prima di…, finiscono dopo…") */
      field: z.enum(['start', 'end']).optional(),
    }),
  ),
  codes: z.array(
    z.object({
      text: z.string(),
      code: z.string(),
      kind: z.enum(['objective', 'project', 'indicator']),
      doc: z.string(),
    }),
  ),
  /** codes set apart ("escluso il X", "except X"): the records ranked or listed are the others */
  excludedCodes: z.array(z.string()).default([]),
  /** code-shaped mentions that match no record */
  unknownCodes: z.array(z.string()),
  people: z.array(z.object({ name: z.string(), key: z.string() })),
  /** people set apart ("tranne quelli di X", "non di X"): the records of everyone else */
  excludedPeople: z.array(z.string()).default([]),
  unknownPerson: z.string().nullable(),
  structures: z.array(
    z.object({
      name: z.string(),
      code: z.string().nullable(),
      doc: z.string(),
      /** set apart: "progetti escluso il CdR 85" asks for the records of the others */
      excluded: z.boolean().optional(),
    }),
  ),
  amounts: z.array(z.object({ op: ComparisonOpSchema, value: z.number(), value2: z.number().optional() })),
  /** per amount, the figure it bounds when the question says it beside the amount ("più di 10 persone") */
  amountFields: z.array(FieldWordSchema.nullable()).default([]),
  /** per amount, whether it is written as a percentage ("più del 10%", "under 5 percent"): a share, never money */
  amountPercent: z.array(z.boolean()).default([]),
  /** the staff relations of the plans' staff tables the question names ("posizioni organizzative", "dipendenti") */
  staffRelations: z.array(z.object({ relation: z.string(), words: z.number().int().positive() })).default([]),
  /** record kinds named, in the order the question names them */
  targets: z.array(QueryTargetSchema),
  fields: z.array(FieldWordSchema),
  /** plural: "le fasi più pesanti" asks the records at the top without a number; k is then a default */
  superlative: z
    .object({ dir: z.enum(['max', 'min']), k: z.number().int().positive(), plural: z.boolean().optional() })
    .nullable(),
  /** "minimo e massimo", "highest and lowest": both ends of the ranking are asked */
  bothEnds: z.boolean().default(false),
  /** "il secondo più costoso": the place of the ranking asked for */
  ordinal: z.number().int().positive().nullable(),
  /** record kinds named after the superlative word: what "chi ha più obiettivi" counts */
  rankedRecords: z.array(QueryTargetSchema),
  /** "più obiettivi" / "more objectives": which has more */
  more: z.boolean(),
  /**
   * the field the superlative or comparative is about, from the words around it in any order ("la fase più lunga",
   * "the longest phase" → duration; "più fasi" → phases); null when they name none
   */
  rankField: FieldWordSchema.nullable().default(null),
  /** the kind of record the superlative qualifies ("quale obiettivo ha la fase più lunga" → phase) */
  gradedRecord: QueryTargetSchema.nullable().default(null),
  without: z.array(FieldWordSchema),
  /** "esclusi quelli senza budget", "leaving out those with no budget": fields the records must have */
  present: z.array(FieldWordSchema).default([]),
  multiYear: z.boolean(),
  /** "non pluriennali", "not multi-year", "annuali": the records not marked multi-year */
  notMultiYear: z.boolean().default(false),
  aggregate: z.enum(['sum', 'count', 'avg']).nullable(),
  compare: z.boolean(),
  /** parts of a sum or comparison that name nothing the plans hold ("il progetto sulle piste ciclabili"), as written */
  unnamedParts: z.array(z.string()).default([]),
  /** "il totale del CdR 87 per la domiciliarità": stems the titles of the records totalled must hold */
  titleTopic: z.array(z.string()).default([]),
  /** "è il doppio di B?", "quante volte", "twice": the ratio of the two figures compared is asked */
  ratio: z.boolean().default(false),
  quoted: z.array(z.string()),
  /** the words after "che riguardano" / "about": what the records must be about */
  topic: z.array(z.string()),
  /** objective types the question names, as the plans write them (folded) */
  types: z.array(z.string()),
  meta: z.enum(['greeting', 'help']).nullable(),
  /** "chi è il segretario generale?": a role no record field holds, whose holder only a passage may name */
  askedRole: z.object({ name: z.string(), word: z.string() }).nullable().default(null),
  progress: z.boolean(),
  /** "escluso zero", "non-zero": rank only records whose figure is above zero */
  nonZero: z.boolean(),
  /** "budget per azione": the level of the plans' budget tree whose stated totals are listed */
  groupLevel: z.enum(['azione', 'obiettivo', 'indirizzo']).nullable().default(null),
  /** "ciascun", "each": a count or sum split by person or structure */
  perGroup: z.boolean(),
  /** the kind of group an "each" word names: "il progetto più costoso di ogni CdR" ranks within each structure */
  eachOf: QueryTargetSchema.nullable().default(null),
  /** "tutti", "all", "elenco": every record of the kind in the scope named */
  listAll: z.boolean(),
  /** "tutta l'area X", "the whole area": a structure with the structures it groups */
  whole: z.boolean().default(false),
});
export type QuestionFrame = z.infer<typeof QuestionFrameSchema>;
export type FieldWord = z.infer<typeof FieldWordSchema>;

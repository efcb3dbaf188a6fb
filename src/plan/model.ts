/**
 * The structured plan model shared by `ingest/` (which writes it) and `src/` (which answers from it).
 * Every fact keeps the text exactly as the document writes it; parsed values sit beside the text.
 */
import { z } from 'zod';

/** Where a fact was read: 1-based inclusive line range in the loaded text, and the page when the input was a PDF. */
export const SourceSpanSchema = z.object({
  doc: z.string().min(1).describe('source file name, e.g. 002_51402a20550dfbf2.txt'),
  lineStart: z.number().int().positive(),
  lineEnd: z.number().int().positive(),
  page: z.number().int().positive().optional(),
});
export type SourceSpan = z.infer<typeof SourceSpanSchema>;

/** A number as written (`1.920.000,00`, `20,72 %`, `40,00%`, `€ 5.000,00`) with its parsed value (null when unparseable). */
export const FigureSchema = z.object({
  text: z.string(),
  value: z.number().nullable(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** A date as written (`31/12/2020`, `30 settembre 2019`, `Giugno 2021`) with its ISO form when it can be pinned down. */
export const DateValueSchema = z.object({
  text: z.string(),
  iso: z.string().nullable().describe('YYYY-MM-DD; a month-only date resolves to the last day of the month'),
});
export type DateValue = z.infer<typeof DateValueSchema>;

export const DocumentKindSchema = z.enum(['peg', 'piano_obiettivi', 'piao_performance', 'unknown']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const PlanDocumentSchema = z.object({
  file: z.string(),
  entity: z
    .string()
    .describe('the issuing body as the document names it, e.g. Comune di Lago Verde, Provincia di Monteluce'),
  kind: DocumentKindSchema,
  title: z.string(),
  years: z.array(z.number().int()),
  layout: z.string().describe('name of the extractor that read it'),
  format: z.enum(['txt', 'md', 'pdf']),
  lineCount: z.number().int().nonnegative(),
  pageCount: z.number().int().nonnegative().optional(),
  sha256: z.string(),
});
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;

export const StructureSchema = z.object({
  doc: z.string(),
  name: z.string().describe('settore / servizio / centro di responsabilità name as written'),
  code: z.string().optional().describe('centro di responsabilità code, e.g. 85, A2'),
  kind: z.enum(['area', 'settore', 'servizio', 'cdr', 'ufficio', 'other']),
  area: z.string().optional(),
  head: z.string().optional().describe('dirigente or responsabile, name as written without title'),
  headRole: z.string().optional().describe('Dirigente, Responsabile, Funzionario…'),
  span: SourceSpanSchema,
});
export type Structure = z.infer<typeof StructureSchema>;

export const StrategicLinkSchema = z.object({
  valorePubblico: z.string().optional(),
  lineaMandato: z.string().optional(),
  indirizzo: z.string().optional(),
  obiettivoStrategico: z.string().optional(),
  azione: z.string().optional(),
  obiettivoOperativo: z.string().optional(),
  riferimentoDup: z.string().optional(),
  area: z.string().optional(),
});
export type StrategicLink = z.infer<typeof StrategicLinkSchema>;

export const PhaseSchema = z.object({
  n: z.number().int().optional().describe('row number when the document numbers phases'),
  year: z.number().int().optional().describe('sheet year, where a document has one sheet per objective per year'),
  title: z.string(),
  start: DateValueSchema.optional(),
  end: DateValueSchema.optional(),
  weight: FigureSchema.optional(),
  structure: z.string().optional(),
  responsible: z.string().optional(),
  indicator: z.string().optional(),
  target: z.string().optional(),
  grading: z.string().optional(),
  note: z.string().optional(),
  span: SourceSpanSchema,
});
export type Phase = z.infer<typeof PhaseSchema>;

export const TargetSchema = z.object({
  text: z.string().describe('the expected value exactly as written, e.g. 80.000,00 or 31/12/2020 or 100%'),
  value: z.number().nullable(),
  date: z.string().nullable().describe('ISO date when the target is a date'),
});
export type Target = z.infer<typeof TargetSchema>;

export const IndicatorSchema = z.object({
  code: z.string().optional(),
  n: z.number().int().optional(),
  year: z.number().int().optional().describe('sheet year, where a document has one sheet per objective per year'),
  description: z.string(),
  type: z.string().optional().describe('efficienza, efficacia, …'),
  formula: z.string().optional(),
  target: TargetSchema.optional(),
  targetDate: DateValueSchema.optional().describe('the date by which the target is due ("alla data")'),
  intermediateTarget: TargetSchema.optional(),
  intermediateDate: DateValueSchema.optional(),
  weight: FigureSchema.optional(),
  result: TargetSchema.optional().describe('the value reached, where a report gives target and result side by side'),
  grading: z.string().optional(),
  note: z.string().optional(),
  span: SourceSpanSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ObjectiveSchema = z.object({
  doc: z.string(),
  code: z
    .string()
    .min(1)
    .describe('exactly as written: LV-BI01, 2023_OB_4101_1, VI - 1, 04.03.01.02, or the number of a numbered list'),
  /** true when the document writes no code: `code` is then a stable id, the document and the objective's ordinal */
  codeAssigned: z.boolean().optional(),
  title: z.string(),
  weight: FigureSchema.optional().describe("the objective's weight (peso) where the document gives one"),
  type: z
    .string()
    .optional()
    .describe('sviluppo, individuale, miglioramento, gestionale ordinario, prioritario, strategico, operativo…'),
  description: z.string().optional(),
  expectedResult: z.string().optional(),
  owners: z.array(z.string()).describe('names as written, titles removed'),
  ownerTitles: z.array(z.string()).optional().describe('Dott.ssa, Ing., … parallel to owners'),
  structure: z.string().optional(),
  cdr: z.string().optional().describe('centro di responsabilità code when the document has one'),
  projectCode: z.string().optional().describe('the project (Prodotto) the objective belongs to'),
  multiYear: z.boolean().optional(),
  year: z.number().int().optional().describe('the sheet year where a document has one sheet per year'),
  years: z.array(z.number().int()).optional(),
  start: DateValueSchema.optional(),
  end: DateValueSchema.optional(),
  strategic: StrategicLinkSchema.optional(),
  phases: z.array(PhaseSchema),
  indicators: z.array(IndicatorSchema),
  humanResources: z.string().optional(),
  financialResources: z.string().optional().describe('as written, e.g. € 218.000,00 oltre IVA di legge 5%'),
  financialAmount: FigureSchema.optional(),
  otherServices: z.string().optional(),
  span: SourceSpanSchema,
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const BudgetRowSchema = z.object({
  capitolo: z.string().describe('e.g. Cap. 03641 Art. 00'),
  description: z.string(),
  amounts: z
    .record(z.string(), FigureSchema)
    .describe('column label (Entrate Correnti, Spese Correnti, Spese Investimento…) → figure'),
  span: SourceSpanSchema,
});
export type BudgetRow = z.infer<typeof BudgetRowSchema>;

export const StaffAllocationSchema = z.object({
  name: z.string(),
  relation: z.string().describe('Dirigente, Posizione Organizzativa, Dipendente…'),
  commitment: FigureSchema.describe('impegno %, e.g. 100,00 %'),
  span: SourceSpanSchema,
});
export type StaffAllocation = z.infer<typeof StaffAllocationSchema>;

export const ProjectSchema = z.object({
  doc: z.string(),
  code: z.string().min(1),
  title: z.string(),
  description: z.string().optional(),
  cdr: z.string().describe('centro di responsabilità code, e.g. 85'),
  cdrName: z.string().optional(),
  dirigente: z.string().optional(),
  strategic: StrategicLinkSchema.optional(),
  budget: FigureSchema.nullable().describe('from the summary table; null when the cell is blank'),
  budgetShare: FigureSchema.nullable().describe('% di assorbimento risorse finanziarie'),
  budgetRows: z.array(BudgetRowSchema),
  budgetTotals: z.record(z.string(), FigureSchema),
  objectives: z.array(z.string()).describe('codes of the objectives of this project'),
  staff: z.array(StaffAllocationSchema),
  span: SourceSpanSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

export const TotalSchema = z.object({
  doc: z.string(),
  level: z.enum(['azione', 'obiettivo', 'indirizzo', 'cdr', 'other']),
  label: z.string().describe('what is totalled, e.g. the azione or CDR name'),
  cdr: z.string().optional(),
  amount: FigureSchema.nullable(),
  share: FigureSchema.nullable(),
  span: SourceSpanSchema,
});
export type Total = z.infer<typeof TotalSchema>;

export const DataTableSchema = z.object({
  doc: z.string(),
  title: z.string(),
  section: z.string().optional(),
  header: z.array(z.string()),
  rows: z.array(z.object({ label: z.string(), cells: z.array(z.string()) })),
  span: SourceSpanSchema,
});
export type DataTable = z.infer<typeof DataTableSchema>;

export const PersonRoleSchema = z.object({
  role: z.string().describe('owner, dirigente, responsabile, staff…'),
  doc: z.string(),
  ref: z.string().optional().describe('objective / project code or structure name'),
});

export const PersonSchema = z.object({
  key: z.string().describe('accent-folded, lower-case name tokens sorted: findable surname-first or first-name-first'),
  name: z.string().describe('the most common spelling as written'),
  spellings: z.array(z.string()),
  titles: z.array(z.string()),
  roles: z.array(PersonRoleSchema),
});
export type Person = z.infer<typeof PersonSchema>;

export const WarningSchema = z.object({
  doc: z.string(),
  message: z.string(),
  span: SourceSpanSchema.optional(),
});
export type PlanWarning = z.infer<typeof WarningSchema>;

/** What one extractor returns for one document. People are derived later, centrally. */
export const ExtractedPlanSchema = z.object({
  document: PlanDocumentSchema,
  structures: z.array(StructureSchema),
  objectives: z.array(ObjectiveSchema),
  projects: z.array(ProjectSchema),
  totals: z.array(TotalSchema),
  tables: z.array(DataTableSchema),
  warnings: z.array(WarningSchema),
});
export type ExtractedPlan = z.infer<typeof ExtractedPlanSchema>;

export const PlanModelSchema = z.object({
  version: z.literal(1),
  builtAt: z.string(),
  documents: z.array(PlanDocumentSchema),
  structures: z.array(StructureSchema),
  people: z.array(PersonSchema),
  objectives: z.array(ObjectiveSchema),
  projects: z.array(ProjectSchema),
  totals: z.array(TotalSchema),
  tables: z.array(DataTableSchema),
  warnings: z.array(WarningSchema),
});
export type PlanModel = z.infer<typeof PlanModelSchema>;

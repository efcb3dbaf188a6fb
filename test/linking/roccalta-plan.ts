/**
 * An invented pair of plans for the plan-level and structure-list tests: a provincia whose objectives sit under a
 * numbered strategic tree (valore pubblico, linea di mandato, obiettivo strategico) and two areas, and a comune whose
 * projects sit under indirizzi and azioni in two centri di responsabilità. Names, codes and titles are its own.
 */
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { personKey } from '../../src/plan/names.ts';
import { PlanStore } from '../../src/store/plan-store.ts';

const span = (doc: string, line: number) => ({ doc, lineStart: line, lineEnd: line });
const doc = (file: string, entity: string, years: number[], kind: 'piao_performance' | 'peg') => ({
  file,
  entity,
  kind,
  title: `Piano ${entity}`,
  years,
  layout: 'test',
  format: 'txt' as const,
  lineCount: 300,
  sha256: file,
});

const VP1 = '1. VALORE PUBBLICO - QUALITÀ DEI SERVIZI AMMINISTRATIVI';
const VP2 = '2. VALORE PUBBLICO - TUTELA DEL PAESAGGIO MONTANO';
const LM1 = '01. LINEA DI MANDATO - UN ENTE VICINO AI PICCOLI COMUNI';
const LM2 = '02. LINEA DI MANDATO - SENTIERI, RIFUGI E BOSCHI';
const OS11 = '01.01 SEMPLIFICARE LE PRATICHE DEI COMUNI';
const OS21 = '02.01 CURA DELLA RETE SENTIERISTICA';
const OS22 = '02.02 PREVENZIONE DEGLI INCENDI BOSCHIVI';

const objective = (
  code: string,
  title: string,
  structure: string,
  strategic: Record<string, string>,
  phases: string[] = [],
) => ({
  doc: 'rp.txt',
  code,
  title,
  type: 'Strategico',
  owners: [structure],
  structure,
  strategic,
  phases: phases.map((t, i) => ({ title: t, span: span('rp.txt', 40 + i) })),
  indicators: [],
  span: span('rp.txt', 20),
});

const project = (code: string, title: string, cdr: string, cdrName: string, strategic: Record<string, string>) => ({
  doc: 'rc.txt',
  code,
  title,
  cdr,
  cdrName,
  dirigente: cdr === '51' ? 'Dolci Irene' : 'Marini Paolo',
  strategic,
  budget: null,
  budgetShare: null,
  budgetRows: [],
  budgetTotals: {},
  objectives: [],
  staff: [],
  span: span('rc.txt', 30),
});

const person = (name: string, file: string) => ({
  key: personKey(name),
  name,
  spellings: [name],
  titles: [],
  roles: [{ role: 'dirigente' as const, doc: file }],
});

export const ROCCALTA: PlanModel = PlanModelSchema.parse({
  version: 1,
  builtAt: '2026-01-01T00:00:00.000Z',
  documents: [
    doc('rp.txt', 'Provincia di Roccalta', [2025], 'piao_performance'),
    doc('rc.txt', 'Comune di Borgofranco', [2025], 'peg'),
  ],
  structures: [
    { doc: 'rp.txt', name: 'Ufficio Archivio', kind: 'ufficio', area: 'AREA GIURIDICA', span: span('rp.txt', 1) },
    { doc: 'rp.txt', name: 'Servizio Foreste', kind: 'servizio', area: 'AREA MONTAGNA', span: span('rp.txt', 2) },
    { doc: 'rp.txt', name: 'Alpeggi e Malghe', kind: 'servizio', span: span('rp.txt', 3) },
    {
      doc: 'rp.txt',
      name: 'Ufficio Concessioni Demaniali e Canoni Idrici',
      kind: 'ufficio',
      area: 'AREA GIURIDICA',
      span: span('rp.txt', 4),
    },
    { doc: 'rc.txt', name: 'SERVIZIO CULTURA', code: '51', kind: 'cdr', head: 'Dolci Irene', span: span('rc.txt', 1) },
    { doc: 'rc.txt', name: 'SERVIZIO TURISMO', code: '52', kind: 'cdr', head: 'Marini Paolo', span: span('rc.txt', 2) },
  ],
  people: [person('Dolci Irene', 'rc.txt'), person('Marini Paolo', 'rc.txt')],
  objectives: [
    objective(
      '01.01.01.01',
      'Sportello unico per le pratiche dei comuni',
      'Ufficio Archivio',
      { valorePubblico: VP1, lineaMandato: LM1, obiettivoStrategico: OS11, area: 'AREA GIURIDICA' },
      ['Censimento delle pratiche', 'Apertura dello sportello'],
    ),
    objective(
      '02.01.01.01',
      'Manutenzione dei sentieri di crinale',
      'Servizio Foreste',
      { valorePubblico: VP2, lineaMandato: LM2, obiettivoStrategico: OS21, area: 'AREA MONTAGNA' },
      // a phase that shares a word with an office: the office's list is still what its objectives ask for
      ['Sopralluogo ai sentieri degli alpeggi'],
    ),
    objective(
      '02.02.01.01',
      'Vedette antincendio estive',
      'Servizio Foreste',
      { valorePubblico: VP2, lineaMandato: LM2, obiettivoStrategico: OS22, area: 'AREA MONTAGNA' },
      ['Turni delle vedette', 'Formazione dei volontari'],
    ),
    objective('01.01.01.02', 'Riscossione dei canoni arretrati', 'Ufficio Concessioni Demaniali e Canoni Idrici', {
      valorePubblico: VP1,
      lineaMandato: LM1,
      obiettivoStrategico: OS11,
    }),
    objective('02.01.01.02', 'Apertura estiva dei bivacchi', 'Alpeggi e Malghe', {
      valorePubblico: VP2,
      lineaMandato: LM2,
      obiettivoStrategico: OS21,
    }),
    objective('02.01.01.03', 'Registro dei pascoli in concessione', 'Alpeggi e Malghe', {
      valorePubblico: VP2,
      lineaMandato: LM2,
      obiettivoStrategico: OS21,
    }),
  ],
  projects: [
    project('2025_PC_5101', 'Stagione teatrale', '51', 'SERVIZIO CULTURA', {
      indirizzo: 'BORGO DELLE ARTI',
      azione: 'Spettacolo dal vivo',
    }),
    project('2025_PC_5102', 'Biblioteca dei ragazzi', '51', 'SERVIZIO CULTURA', {
      indirizzo: 'BORGO DELLE ARTI',
      azione: 'Lettura e biblioteche',
    }),
    // a title that shares a word with what an office does ("gestisce")
    project('2025_PC_5103', 'Gestione della sala prove', '51', 'SERVIZIO CULTURA', {
      indirizzo: 'BORGO DELLE ARTI',
      azione: 'Spettacolo dal vivo',
    }),
    project('2025_PC_5201', 'Ostello della gioventù', '52', 'SERVIZIO TURISMO', {
      indirizzo: 'BORGO ACCOGLIENTE',
      azione: 'Ospitalità diffusa',
    }),
  ],
  totals: [],
  tables: [],
  warnings: [],
});

export const roccaltaStore = () => new PlanStore(ROCCALTA);

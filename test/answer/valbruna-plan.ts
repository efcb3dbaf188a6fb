/**
 * An invented plan for the structure and detail tests: a comune and a provincia sharing the place name Valbruna, with
 * offices named as plans name them (one with a misspelt word, one by a dotted acronym), objectives whose wording
 * names phases and year sheets, and description sentences holding a law, a time of day and a list.
 */
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { personKey } from '../../src/plan/names.ts';
import { PlanStore } from '../../src/store/plan-store.ts';

const span = (doc: string, line: number) => ({ doc, lineStart: line, lineEnd: line });
const fig = (text: string, value: number | null) => ({ text, value });
const date = (text: string, iso: string) => ({ text, iso });
const doc = (file: string, entity: string, years: number[]) => ({
  file,
  entity,
  kind: 'piano_obiettivi' as const,
  title: `Piano ${entity}`,
  years,
  layout: 'test',
  format: 'txt' as const,
  lineCount: 200,
  sha256: file,
});
const person = (name: string, docFile: string) => ({
  key: personKey(name),
  name,
  spellings: [name],
  titles: [],
  roles: [{ role: 'owner' as const, doc: docFile }],
});
const objective = (
  docFile: string,
  code: string,
  title: string,
  structure: string,
  owner: string,
  extra: Record<string, unknown> = {},
) => ({
  doc: docFile,
  code,
  title,
  type: 'SVILUPPO',
  owners: [owner],
  structure,
  phases: [],
  indicators: [],
  span: span(docFile, 10),
  ...extra,
});

export const VALBRUNA: PlanModel = PlanModelSchema.parse({
  version: 1,
  builtAt: '2026-01-01T00:00:00.000Z',
  documents: [doc('vc.txt', 'Comune di Valbruna', [2022, 2023]), doc('vp.txt', 'Provincia di Valbruna', [2022])],
  structures: [
    { doc: 'vc.txt', name: 'Risorese Umane e Organizzazione', kind: 'cdr', span: span('vc.txt', 1) },
    { doc: 'vc.txt', name: 'Corpo P.L.', kind: 'cdr', span: span('vc.txt', 2) },
    { doc: 'vc.txt', name: 'Viabilità e Verde', kind: 'cdr', head: 'Sarti Elena', span: span('vc.txt', 3) },
    { doc: 'vc.txt', name: 'Servizio Servizi Sociali', kind: 'servizio', span: span('vc.txt', 4) },
    { doc: 'vp.txt', name: 'Polizia Provinciale', kind: 'servizio', span: span('vp.txt', 1) },
  ],
  people: [
    person('Bindi Aldo', 'vc.txt'),
    person('Conti Marta', 'vc.txt'),
    person('Sarti Elena', 'vc.txt'),
    person('Fanti Ugo', 'vp.txt'),
  ],
  objectives: [
    objective(
      'vc.txt',
      'VB-RU1',
      'Piano della formazione dei dipendenti',
      'Risorese Umane e Organizzazione',
      'Bindi Aldo',
    ),
    objective('vc.txt', 'VB-RU2', 'Regolamento sul lavoro agile', 'Risorese Umane e Organizzazione', 'Bindi Aldo'),
    objective('vc.txt', 'VB-PL1', 'Controlli sulla sosta nelle zone scolastiche', 'Corpo P.L.', 'Conti Marta'),
    objective('vc.txt', 'VB-VV1', 'Rifacimento dei ponti comunali', 'Viabilità e Verde', 'Sarti Elena', {
      description:
        'Il rifacimento segue la legge regionale sulle opere minori. Il cantiere resta aperto dalle 7.30 alle 16.00. ' +
        'I ponti interessati sono tre:',
      phases: [
        {
          title: 'Esecuzione lavori 1° lotto',
          start: date('01/02/2022', '2022-02-01'),
          end: date('30/06/2022', '2022-06-30'),
          weight: fig('60,00', 60),
          span: span('vc.txt', 12),
        },
        {
          title: 'Esecuzione lavori 2° lotto',
          start: date('01/09/2022', '2022-09-01'),
          end: date('31/03/2023', '2023-03-31'),
          weight: fig('40,00', 40),
          span: span('vc.txt', 13),
        },
      ],
    }),
    objective('vc.txt', 'VB-VV2', 'Manutenzione del verde nei giardini', 'Viabilità e Verde', 'Sarti Elena', {
      description:
        'La cura dei giardini, ai sensi del D. Lgs. 152/2006, riguarda i parchi cittadini. Le aree coinvolte sono: ' +
        '- il parco della Rocca; - i giardini di via Fiume; - il viale alberato della stazione.',
      indicators: [
        {
          description: 'Aree verdi curate secondo il nuovo capitolato',
          target: { text: '12', value: 12, date: null },
          targetDate: date('30 giugno 2022', '2022-06-30'),
          year: 2022,
          span: span('vc.txt', 21),
        },
        {
          description: 'Aree verdi curate secondo il nuovo capitolato',
          target: { text: '18', value: 18, date: null },
          targetDate: date('30 giugno 2023', '2023-06-30'),
          year: 2023,
          span: span('vc.txt', 22),
        },
      ],
    }),
    objective('vc.txt', 'VB-SS1', 'Sportello per gli assistenti familiari', 'Servizio Servizi Sociali', 'Conti Marta'),
    objective('vc.txt', 'VB-SS2', 'Centro diurno per anziani', 'Servizio Servizi Sociali', 'Conti Marta'),
    objective('vp.txt', 'PV-01', 'Vigilanza ittico-venatoria sui fiumi', 'Polizia Provinciale', 'Fanti Ugo'),
  ],
  projects: [],
  totals: [],
  tables: [],
  warnings: [],
});

export const valbrunaStore = () => new PlanStore(VALBRUNA);

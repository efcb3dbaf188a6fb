/** The cells of a project's staff table a question asks for: the rows it names, or the commitments summed. */
import { PACKS } from '../../lang/packs.ts';
import type { Project, StaffAllocation } from '../../plan/model.ts';
import { personKey } from '../../plan/names.ts';
import { fold } from '../../plan/text.ts';
import { formatAmount } from '../../query/format-number.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import type { Lang } from '../labels.ts';
import { findPeople } from '../link-entities.ts';

const words = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The rows the question names: a person the store knows, or a row whose every word the question writes (a team
 * listed as one row, "Assistenti sociali"). One-word names that are not people are left out: too easily a common word.
 */
export function namedStaffRows(p: Project, question: string, store: PlanStore): StaffAllocation[] {
  return staffAsked(p, question, store).rows;
}

/** The rows the question names, and the people it names that the project's table does not list. */
export function staffAsked(
  p: Project,
  question: string,
  store: PlanStore,
): { rows: StaffAllocation[]; absent: string[] } {
  const people = findPeople(question, store).matches.map((m) => m.person);
  const keys = new Set(people.map((m) => m.key));
  const asked = new Set(words(question));
  const rows = p.staff.filter((row) => {
    if (keys.has(personKey(row.name))) return true;
    const w = words(row.name);
    return w.length > 1 && w.every((x) => asked.has(x));
  });
  const listed = new Set(p.staff.map((row) => personKey(row.name)));
  return { rows, absent: people.filter((m) => !listed.has(m.key)).map((m) => m.name) };
}

/** "somma degli impegni", "total commitment": the rows' commitments added, said to be computed; null otherwise. */
export function staffSumLine(p: Project, question: string, lang: Lang): string | null {
  const q = ` ${fold(question)} `;
  const pack = PACKS[lang];
  if (!pack.lexicon.sum.some((w) => q.includes(w))) return null;
  const values = p.staff.map((s) => s.commitment.value).filter((v): v is number => v !== null);
  if (!values.length) return null;
  const unit = p.staff.find((s) => s.commitment.text.includes('%')) ? ' %' : '';
  const total = values.reduce((a, b) => a + b, 0);
  return pack.messages.project.staffSum(p.code, `${formatAmount(total)}${unit}`, values.length);
}

/**
 * The question names the staff field in the packs' words ("persone assegnate", "quante persone", "headcount"): asked
 * of a project with a count or a total, that is its staff table.
 */
export function asksStaffField(question: string): boolean {
  const q = ` ${fold(question)} `;
  return Object.values(PACKS).some((p) =>
    [...p.lexicon.fields.staff, ...(p.lexicon.gradedFields.staff ?? [])].some((w) => q.includes(` ${w}`)),
  );
}

/**
 * Layout `generic`: every plan no specific extractor claims. It composes the shared primitives (label / value
 * reader, tables, heading scopes, matrices, numbered lists, the document's own code shapes) and reads objectives
 * with their code — or a stable id, the document and the ordinal, where the document writes none — title, owner
 * and structure, indicators with target and weight, phases with dates and weights, and budgets, each with the
 * lines it was read from. Nothing is invented: a field the text does not state stays empty.
 */

import type { ExtractedPlan } from '../../src/plan/model.ts';
import { squash, stripMarkup } from '../../src/plan/text.ts';
import type { SourceDocument } from '../loaders/source-document.ts';
import { readGenericRecords } from './generic/records.ts';
import { planDocument } from './plan-document.ts';
import type { PlanExtractor } from './plan-extractor.ts';
import { guessKind, guessTitle, guessYears } from './primitives/document-facts.ts';
import { findIssuingBody } from './primitives/entity.ts';

const LAYOUT = 'generic';
const CONFIDENCE = 0.1;

export const genericExtractor: PlanExtractor = {
  layout: LAYOUT,

  detect(): number {
    return CONFIDENCE;
  },

  extract(doc: SourceDocument): ExtractedPlan {
    const plain = doc.lines.map((l) => squash(stripMarkup(l)));
    const { objectives, structures, warnings } = readGenericRecords(doc);
    const owned = objectives.filter((o) => o.owners.length > 0 || o.structure).length;
    warnings.unshift({
      doc: doc.file,
      message: `layout not recognised: read by the generic extractor (${objectives.length} objectives, ${owned} with an owner or structure)`,
    });
    const document = planDocument(doc, LAYOUT, {
      entity: findIssuingBody(plain),
      kind: guessKind(plain),
      title: guessTitle(plain, doc.file),
      years: guessYears(plain),
    });
    return { document, structures, objectives, projects: [], totals: [], tables: [], warnings };
  },
};

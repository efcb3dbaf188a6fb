import type { PlanDocument } from '../../src/plan/model.ts';
import type { SourceDocument } from '../loaders/source-document.ts';

/** The document record every extractor returns: what it read about the plan, plus what the loader knows of the file. */
export function planDocument(
  doc: SourceDocument,
  layout: string,
  about: Pick<PlanDocument, 'entity' | 'kind' | 'title' | 'years'>,
): PlanDocument {
  const document: PlanDocument = {
    file: doc.file,
    ...about,
    layout,
    format: doc.format,
    lineCount: doc.lines.length,
    sha256: doc.sha256,
  };
  // pages only grow along the text: the last line's page is the count
  const lastPage = doc.pageOfLine?.at(-1);
  if (lastPage !== undefined) document.pageCount = lastPage;
  return document;
}

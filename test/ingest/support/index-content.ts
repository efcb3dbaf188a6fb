import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_FILES } from '../../../src/retrieval/index-format.ts';
import { indexPaths } from '../../../src/store/index-layout.ts';

/**
 * The files of an index that must not depend on how it was built: model.json and the search manifest without their
 * build times, the segment catalog, and every other file of the search index byte for byte.
 */
export async function indexContent(indexDir: string) {
  const paths = indexPaths(indexDir);
  const { builtAt: _builtAt, ...model } = JSON.parse(await readFile(paths.model, 'utf8'));
  const { builtAt: _searchBuiltAt, ...searchManifest } = JSON.parse(
    await readFile(join(paths.search, INDEX_FILES.manifest), 'utf8'),
  );
  const search: Record<string, Buffer> = {};
  for (const name of (await readdir(paths.search)).sort()) {
    if (name !== INDEX_FILES.manifest) search[name] = await readFile(join(paths.search, name));
  }
  return {
    model,
    // what the next ingest reads to reuse each plan: the same whichever way the index was built
    segments: JSON.parse(await readFile(paths.segments, 'utf8')),
    searchManifest,
    search,
  };
}

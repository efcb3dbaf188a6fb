import { createLocalEmbedder } from '../src/retrieval/embedder.ts';
import { openSearchIndex } from '../src/retrieval/search-index.ts';
const idx = await openSearchIndex('data/index/search', createLocalEmbedder());
const hits = await idx.search(process.argv[2]!, { k: 12 });
for (const h of hits) console.log(h.score.toFixed(3), h.chunk.doc, h.chunk.section, h.citation.lines, h.chunk.text.length, /help desk/i.test(h.chunk.text) ? 'HELP' : '', h.chunk.text.slice(0, 120).replace(/\n/g, ' '));

import { describe, expect, it } from 'vitest';
import type { PersonOverview } from '../../src/answer/answer.ts';
import { homeErrorView, homeView } from '../../src/slack/blocks/home-view.ts';
import { SLACK_LIMITS } from '../../src/slack/blocks/slack-limits.ts';
import { FakeEngine } from '../fakes/fake-engine.ts';

const sardi = new FakeEngine().personOverview('Valentina Sardi')!;

describe('homeView', () => {
  it('lists the objectives with the next phase deadline and the indicators', () => {
    const view = homeView('Valentina Sardi', sardi);
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('I miei obiettivi');
    expect(text).toContain('*Sardi Valentina*');
    expect(text).toContain('*2020-PL09* — Servizi a misura terza età');
    expect(text).toContain('Prossima scadenza: *30/06/2020*');
    expect(text).toContain('• % attivazione servizi urgenti SAD — atteso: *80,00*');
  });

  it('says so when the profile name matches nobody, and shows how to ask', () => {
    const text = JSON.stringify(homeView('Mario Rossi', null).blocks);
    expect(text).toContain('Non ho trovato *Mario Rossi*');
    expect(text).toContain('/piani');
  });

  it('stays within the 100 blocks of a Home tab, saying how many objectives are not shown', () => {
    const many: PersonOverview = {
      ...sardi,
      objectives: Array.from({ length: 150 }, (_, i) => ({ ...sardi.objectives[0]!, code: `2020-PL${i}` })),
      projects: [
        { doc: '002_51402a20550dfbf2.txt', code: '2021_PD_8735', title: 'Servizi per la residenzialità anziani' },
      ],
    };
    const view = homeView('Valentina Sardi', many);
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerView);
    expect(JSON.stringify(view.blocks)).toMatch(/… e altri \d+/);
  });

  it("shows projects with the person's role and commitment", () => {
    const withProject: PersonOverview = {
      person: 'Corradini Germana',
      objectives: [],
      projects: [
        {
          doc: '002_51402a20550dfbf2.txt',
          code: '2021_PD_8735',
          title: 'Servizi per la residenzialità anziani',
          relation: 'Dirigente',
          commitment: '2,00 %',
        },
      ],
    };
    const text = JSON.stringify(homeView('Germana Corradini', withProject).blocks);
    expect(text).toContain('Progetti');
    expect(text).toContain('Dirigente · impegno 2,00 %');
  });

  it('has an error version carrying the reference id', () => {
    expect(JSON.stringify(homeErrorView('ERR-ABC123').blocks)).toContain('ERR-ABC123');
  });
});

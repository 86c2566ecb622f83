import { setLocale } from '@helhed/kit';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { definePlanElements } from './define.js';
import type { HelhedPlan } from './plan.js';
import { departmentRows, kroner, monthRows, type PlanEconomyData } from './plan-economy.data.js';
import type { HelhedPlanEconomy } from './plan-economy.js';
import { demoPlanId, devToken, gql } from './testing/real-api.js';

definePlanElements();

let coordinator: string;
let planId: string;

before(async () => {
  coordinator = await devToken({ role: 'COORDINATOR' });
  planId = await demoPlanId(coordinator);
});
afterEach(() => setLocale(null));

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function showEconomy(token: string) {
  const el = await fixture<HelhedPlanEconomy>(
    html`<helhed-plan-economy plan-id=${planId} .token=${token}></helhed-plan-economy>`,
  );
  await waitUntil(
    () => el.shadowRoot?.querySelector('.summary, .empty, [role="alert"]'),
    'cost never loaded',
    {
      timeout: 4000,
    },
  );
  return el;
}

describe('helhed-plan-economy', () => {
  it('shows the coordinator every paying department, the estimate note and the months', async () => {
    const el = await showEconomy(coordinator);
    const names = [...(el.shadowRoot?.querySelectorAll('table.departments tbody th') ?? [])].map(text);
    expect(names).to.deep.equal(['Børn og Familie', 'Jobcenter', 'Voksenområdet']);
    expect(el.shadowRoot?.querySelector('.estimated')).to.exist;
    expect(el.shadowRoot?.querySelector('.restricted')).to.equal(null);
    expect(el.shadowRoot?.querySelectorAll('table.months tbody tr').length).to.be.greaterThan(2);
    expect(text(el.shadowRoot?.querySelector('.summary'))).to.match(/^Året før planen: [\d.]+ kr\./);
  });

  it('shows the same totals as the API, in whole kroner', async () => {
    const data = await gql<PlanEconomyData>(
      coordinator,
      'query($id: ID!) { plan(id: $id) { economy { baseline { totalOre } running { totalOre } } } }',
      { id: planId },
    );
    const el = await showEconomy(coordinator);
    const foot = [...(el.shadowRoot?.querySelectorAll('table.departments tfoot td') ?? [])].map(text);
    expect(foot[0]).to.equal(kroner(data.plan.economy.baseline.totalOre, 'da'));
    expect(foot[2]).to.equal(kroner(data.plan.economy.running.totalOre, 'da'));
  });

  it('tells a professional that only their departments are shown', async () => {
    const departments = await gql<{ departments: { id: string; kind: string }[] }>(
      coordinator,
      '{ departments { id kind } }',
    );
    const jobcentre = departments.departments.find((d) => d.kind === 'EMPLOYMENT')?.id as string;
    const el = await showEconomy(await devToken({ role: 'PROFESSIONAL', departmentId: jobcentre }));
    expect(el.shadowRoot?.querySelector('.restricted')).to.exist;
    const names = [...(el.shadowRoot?.querySelectorAll('table.departments tbody th') ?? [])].map(text);
    expect(names).to.not.include('Børn og Familie');
  });

  it('speaks English when asked', async () => {
    setLocale('en');
    const el = await showEconomy(coordinator);
    expect(text(el.shadowRoot?.querySelector('h3'))).to.equal('Cost');
  });

  it('is accessible', async function () {
    // axe walks every cell of the tables; on a busy machine that takes longer than mocha's default.
    (this as { timeout(ms: number): void }).timeout(30_000);
    const el = await showEconomy(coordinator);
    await expect(el).to.be.accessible();
  });

  it('sits beside the progression in the plan for the coordinator, and not for the family', async () => {
    const show = async (token: string, viewerRole: string) => {
      const plan = await fixture<HelhedPlan>(
        html`<helhed-plan plan-id=${planId} .token=${token} .viewerRole=${viewerRole}></helhed-plan>`,
      );
      await waitUntil(() => plan.shadowRoot?.querySelector('.overview'), 'plan never loaded', {
        timeout: 4000,
      });
      return plan.shadowRoot?.querySelector('helhed-plan-economy') ?? null;
    };
    expect(await show(coordinator, 'COORDINATOR')).to.exist;
    expect(await show(coordinator, 'PARENT')).to.equal(null);
  });
});

describe('plan-economy data', () => {
  const economy: PlanEconomyData['plan']['economy'] = {
    startedOn: '2026-01-01',
    baselineEstimated: false,
    restricted: false,
    baseline: {
      from: '2025-01-01',
      to: '2025-12-31',
      totalOre: 300,
      byDepartment: [{ department: { id: 'b', name: 'Børn' }, amountOre: 300 }],
    },
    running: {
      from: '2026-01-01',
      to: '2026-02-10',
      totalOre: 150,
      byMonth: [
        { month: '2026-01', department: { id: 'j', name: 'Job' }, amountOre: 100 },
        { month: '2026-02', department: { id: 'j', name: 'Job' }, amountOre: 50 },
      ],
    },
    expected: {
      from: '2026-01-01',
      to: '2026-12-31',
      totalOre: 400,
      byDepartment: [{ department: { id: 'j', name: 'Job' }, amountOre: 400 }],
    },
  };

  it('puts every department on one row with its change, in Danish name order', () => {
    expect(
      departmentRows(economy).map((r) => [
        r.department.id,
        r.baselineOre,
        r.expectedOre,
        r.runningOre,
        r.changeOre,
      ]),
    ).to.deep.equal([
      ['b', 300, 0, 0, -300],
      ['j', 0, 400, 150, 400],
    ]);
  });

  it('lays the running cost out as months by department', () => {
    const rows = monthRows(economy, [
      { id: 'b', name: 'Børn' },
      { id: 'j', name: 'Job' },
    ]);
    expect(rows).to.deep.equal([
      { month: '2026-01', amounts: [0, 100], totalOre: 100 },
      { month: '2026-02', amounts: [0, 50], totalOre: 50 },
    ]);
  });

  it('shows øre as whole kroner with a true minus sign', () => {
    expect(kroner(123_456_789, 'da')).to.equal('1.234.568 kr.');
    expect(kroner(-5_000, 'en')).to.equal('−50 kr.');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, copenhagenDate } from '../domain/calendar.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

const IMPORT = `mutation($csv: String!) { importPriceCatalogue(csv: $csv) { added catalogue { typeCode unit priceOre department { kind } validFrom validTo } } }`;
const ADD = `mutation($input: AddProvisionInput!) { addProvision(input: $input) { id typeCode quantity startsOn endsOn } }`;
const ECONOMY = `query($id: ID!) { plan(id: $id) { economy {
  startedOn baselineEstimated restricted
  baseline { from to totalOre unpricedDays byDepartment { department { kind } amountOre } }
  running { from to totalOre byDepartment { department { kind } amountOre } byMonth { month department { kind } amountOre } }
  expected { from to totalOre byDepartment { department { kind } amountOre } }
} } }`;
const STATS = `{ economyStatistics { asOf minCellSize comparison { targetGroup departmentKind n withOutcome improved suppressed }
  spendShares { percent topCitizens perMille suppressed } followUp { quarter department { kind } n baselineOre actualOre differenceOre suppressed } csv } }`;

type Split = { department: { kind: string }; amountOre: number }[];
type Economy = {
  plan: {
    economy: {
      startedOn: string;
      baselineEstimated: boolean;
      restricted: boolean;
      baseline: { from: string; to: string; totalOre: number; unpricedDays: number; byDepartment: Split };
      running: {
        from: string;
        to: string;
        totalOre: number;
        byDepartment: Split;
        byMonth: (Split[number] & { month: string })[];
      };
      expected: { from: string; to: string; totalOre: number; byDepartment: Split };
    };
  } | null;
};
const kinds = (split: Split) => Object.fromEntries(split.map((d) => [d.department.kind, d.amountOre]));

const header = 'type,name,kind,unit,price_ore,department,legal_basis,valid_from,valid_to';
const row = (cells: string) => `${header}\n${cells}\n`;

let api: TestApi;
let admin: string;
let coordinator: string;
let jobcentre: string;
let haddadPlan: string;
let sorensenPlan: string;
let karim: string;
let ownCitizen: string;
let ownPlan: string;

beforeAll(async () => {
  api = await startTestApi();
  const dept = demoDepartments(api.app);
  admin = await api.token({ role: 'ADMIN' });
  coordinator = await api.token({ role: 'COORDINATOR' });
  jobcentre = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
  karim = demoCitizen(api.app, 'Karim Haddad');
  // A citizen of this test's own, so the demo seed's costs do not mix into the numbers.
  const created = await api.gql<{ createCitizen: { id: string } }>(
    coordinator,
    'mutation { createCitizen(input: { displayName: "Økonomi Testesen", birthYear: 1980 }) { id } }',
  );
  ownCitizen = created.data?.createCitizen.id as string;
  const planned = await api.gql<{ createPlan: { id: string } }>(
    coordinator,
    'mutation($id: ID!) { createPlan(input: { citizenId: $id }) { id } }',
    { id: ownCitizen },
  );
  ownPlan = planned.data?.createPlan.id as string;
  const planOf = async (family: string) =>
    (
      await api.query<{ id: string }>(
        'select p.id from plan p join family f on f.id = p.family_id where f.name = ?',
        family,
      )
    )[0]?.id as string;
  haddadPlan = await planOf('Familien Haddad');
  sorensenPlan = await planOf('Familien Sørensen');
});
afterAll(() => api.close());

describe('the price catalogue', () => {
  it('refuses bad rows by name and writes nothing', async () => {
    const before = api.count('price_version');
    const cases: [string, string][] = [
      ['T1,Støtte,INTERVENTION,HOUR,-5,Jobcenter,LAB § 31,2020-01-01,', 'rows[0].priceOre'],
      ['T1,Støtte,INTERVENTION,HOUR,12.5,Jobcenter,LAB § 31,2020-01-01,', 'rows[0].priceOre'],
      ['T1,Støtte,INTERVENTION,FORTNIGHT,100,Jobcenter,LAB § 31,2020-01-01,', 'rows[0].unit'],
      ['T1,Støtte,INTERVENTION,HOUR,100,Jobcenter,LAB § 31,2020-01-02,2020-01-01', 'rows[0].validTo'],
      ['T1,Støtte,INTERVENTION,HOUR,100,Nowhere,LAB § 31,2020-01-01,', 'rows[0].department'],
      [
        'T1,Støtte,INTERVENTION,HOUR,100,Jobcenter,LAB § 31,2020-01-01,2020-12-31\nT1,Støtte,INTERVENTION,HOUR,110,Jobcenter,LAB § 31,2020-12-31,',
        'rows[1].validFrom',
      ],
    ];
    for (const [cells, field] of cases) {
      const result = await api.gql(admin, IMPORT, { csv: row(cells) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(api.count('price_version')).toBe(before);
  });

  it('is changed by an administrator only', async () => {
    const csv = row('T1,Støtte,INTERVENTION,HOUR,100,Jobcenter,LAB § 31,2020-01-01,');
    const result = await api.gql(coordinator, IMPORT, { csv });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('loads a CSV, all rows at once, and refuses a later version overlapping a stored one', async () => {
    const departments = (
      await api.query<{ name: string; kind: string }>('select name, kind from department')
    ).reduce((m, d) => m.set(d.kind, d.name), new Map<string, string>());
    const csv = [
      header,
      `TEST-FOSTER,Plejefamilie,INTERVENTION,PLACEMENT_DAY,150000,${departments.get('CHILDREN_FAMILY')},"Barnets lov §43, stk. 1",2000-01-01,`,
      `TEST-SUPPORT,Bostøtte,INTERVENTION,WEEK,300000,${departments.get('ADULT_SOCIAL')},SEL §85,2000-01-01,`,
      `TEST-MENTOR,Mentor,INTERVENTION,HOUR,45000,${departments.get('EMPLOYMENT')},LAB §31b,2000-01-01,`,
    ].join('\r\n');
    const result = await api.gql<{
      importPriceCatalogue: {
        added: number;
        catalogue: { typeCode: string; department: { kind: string } }[];
      };
    }>(admin, IMPORT, { csv });
    expect(result.errors).toBeUndefined();
    expect(result.data?.importPriceCatalogue.added).toBe(3);
    expect(result.data?.importPriceCatalogue.catalogue).toContainEqual(
      expect.objectContaining({ typeCode: 'TEST-FOSTER', department: { kind: 'CHILDREN_FAMILY' } }),
    );
    const again = await api.gql(admin, IMPORT, {
      csv: row(`TEST-MENTOR,Mentor,INTERVENTION,HOUR,46000,Jobcenter,LAB §31b,2030-01-01,`),
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rows[0].validFrom',
    });
  });
});

describe('changing a price', () => {
  const END = `mutation($input: EndPriceVersionInput!) { endPriceVersion(input: $input) { id validTo } }`;
  const ADD_VERSION = `mutation($input: PriceVersionInput!) { addPriceVersion(input: $input) { id validFrom } }`;

  it('ends a version so the next price can take over, and refuses an end that breaks the catalogue', async () => {
    const [mentor] = await api.query<{ id: string; department_id: string }>(
      "select id, department_id from price_version where type_code = 'TEST-MENTOR'",
    );
    const next = {
      typeCode: 'TEST-MENTOR',
      name: 'Mentor',
      kind: 'INTERVENTION',
      unit: 'HOUR',
      priceOre: 46_000,
      departmentId: mentor?.department_id,
      legalBasis: 'LAB §31b',
      validFrom: '2031-01-01',
    };
    const early = await api.gql(admin, ADD_VERSION, { input: next });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validFrom' });
    const before = await api.gql(admin, END, { input: { id: mentor?.id, validTo: '1999-12-31' } });
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validTo' });
    const byCoordinator = await api.gql(coordinator, END, {
      input: { id: mentor?.id, validTo: '2030-12-31' },
    });
    expect(byCoordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ended = await api.gql<{ endPriceVersion: { validTo: string } }>(admin, END, {
      input: { id: mentor?.id, validTo: '2030-12-31' },
    });
    expect(ended.data?.endPriceVersion.validTo).toBe('2030-12-31');
    const added = await api.gql(admin, ADD_VERSION, { input: next });
    expect(added.errors).toBeUndefined();
    // Opening the old version again would overlap the new one.
    const reopened = await api.gql(admin, END, { input: { id: mentor?.id, validTo: null } });
    expect(reopened.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validTo' });
  });
});

describe('provisions and a plan’s economy', () => {
  let start: string;

  it('refuses bad provisions by field and writes nothing', async () => {
    const first = await api.gql<Economy>(coordinator, ECONOMY, { id: ownPlan });
    expect(first.errors).toBeUndefined();
    start = first.data?.plan?.economy.startedOn as string;
    const before = api.count('provision');
    const base = {
      citizenId: ownCitizen,
      typeCode: 'TEST-FOSTER',
      unit: 'PLACEMENT_DAY',
      quantity: 1,
      startsOn: start,
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ unit: 'HOUR' }, 'unit'],
      [{ typeCode: 'NOT-THERE' }, 'typeCode'],
      [{ quantity: 0 }, 'quantity'],
      [{ quantity: -2 }, 'quantity'],
      [{ endsOn: addDays(start, -1) }, 'endsOn'],
      [{ startsOn: '2026-02-30' }, 'startsOn'],
      [{ planId: sorensenPlan }, 'planId'],
    ];
    for (const [change, field] of cases) {
      const result = await api.gql(coordinator, ADD, { input: { ...base, ...change } });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const fraction = await api.gql(coordinator, ADD, { input: { ...base, quantity: 1.5 } });
    expect(fraction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(api.count('provision')).toBe(before);
  });

  it('costs the baseline year, running cost and first plan year per paying department', async () => {
    const add = (input: Record<string, unknown>) =>
      api.gql(coordinator, ADD, { input: { citizenId: ownCitizen, ...input } });
    // 10 placement days in the baseline year; 10 whole weeks of support ending the day before the
    // plan; 2 hours a week of mentoring for the plan's first 14 days.
    for (const input of [
      {
        typeCode: 'TEST-FOSTER',
        unit: 'PLACEMENT_DAY',
        quantity: 1,
        startsOn: addDays(start, -30),
        endsOn: addDays(start, -21),
      },
      {
        typeCode: 'TEST-SUPPORT',
        unit: 'WEEK',
        quantity: 1,
        startsOn: addDays(start, -70),
        endsOn: addDays(start, -1),
      },
      {
        typeCode: 'TEST-MENTOR',
        unit: 'HOUR',
        quantity: 2,
        startsOn: start,
        endsOn: addDays(start, 13),
        planId: ownPlan,
      },
    ]) {
      const result = await add(input);
      expect(result.errors).toBeUndefined();
    }
    const result = await api.gql<Economy>(coordinator, ECONOMY, { id: ownPlan });
    expect(result.errors).toBeUndefined();
    const economy = result.data?.plan?.economy;
    expect(economy?.restricted).toBe(false);
    expect(economy?.baselineEstimated).toBe(false);
    expect(economy?.baseline.to).toBe(addDays(start, -1));
    expect(economy?.baseline.totalOre).toBe(4_500_000);
    expect(kinds(economy?.baseline.byDepartment ?? [])).toEqual({
      CHILDREN_FAMILY: 1_500_000,
      ADULT_SOCIAL: 3_000_000,
    });
    expect(economy?.expected.totalOre).toBe(180_000);
    expect(kinds(economy?.expected.byDepartment ?? [])).toEqual({ EMPLOYMENT: 180_000 });
    const running = economy?.running;
    expect(running?.from).toBe(start);
    expect(running?.byMonth.reduce((s, m) => s + m.amountOre, 0)).toBe(running?.totalOre);
    expect(running?.totalOre).toBeGreaterThan(0);
    expect(running?.totalOre).toBeLessThanOrEqual(180_000);
  });

  it('audits each read of a plan’s economy for every citizen of the plan', async () => {
    const before = await api.query<{ n: number }>(
      "select count(*) as n from audit_event where action = 'planEconomy'",
    );
    await api.gql(coordinator, ECONOMY, { id: haddadPlan });
    const after = await api.query<{ n: number }>(
      "select count(*) as n from audit_event where action = 'planEconomy'",
    );
    expect(Number(after[0]?.n) - Number(before[0]?.n)).toBe(2);
  });

  it('shows a professional only the departments of their scope', async () => {
    const result = await api.gql<Economy>(jobcentre, ECONOMY, { id: sorensenPlan });
    expect(result.errors).toBeUndefined();
    const economy = result.data?.plan?.economy;
    expect(economy?.restricted).toBe(true);
    const seen = new Set(
      [economy?.baseline, economy?.running, economy?.expected].flatMap(
        (f) => f?.byDepartment.map((d) => d.department.kind) ?? [],
      ),
    );
    // The jobcentre's own costs and adult services' (Anna consents); never the family department's.
    expect([...seen].sort()).toEqual(['ADULT_SOCIAL', 'EMPLOYMENT']);
    const all = await api.gql<Economy>(coordinator, ECONOMY, { id: sorensenPlan });
    const full = all.data?.plan?.economy;
    expect(full?.restricted).toBe(false);
    expect(full?.baseline.byDepartment.map((d) => d.department.kind).sort()).toEqual([
      'ADULT_SOCIAL',
      'CHILDREN_FAMILY',
      'EMPLOYMENT',
    ]);
    expect(economy?.baseline.totalOre).toBeLessThan(full?.baseline.totalOre ?? 0);
  });

  it('marks a baseline filled from an archetype basket as an estimate', async () => {
    // Freja has no history of her own; her target group's basket stands in for it (demo seed).
    const result = await api.gql<Economy>(coordinator, ECONOMY, { id: sorensenPlan });
    expect(result.data?.plan?.economy.baselineEstimated).toBe(true);
    expect(result.data?.plan?.economy.baseline.unpricedDays).toBe(0);
  });

  it('refuses a plan the professional has no case with, and the family itself', async () => {
    const outside = await api.gql(jobcentre, ECONOMY, { id: haddadPlan });
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const parent = await api.token({ role: 'PARENT', citizenId: karim });
    const own = await api.gql(parent, ECONOMY, { id: haddadPlan });
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('anonymous cost figures', () => {
  it('answers analysts with suppressed cells and a CSV, and refuses case roles', async () => {
    const analyst = await api.token({ role: 'ANALYST' });
    const result = await api.gql<{
      economyStatistics: {
        asOf: string;
        minCellSize: number;
        csv: string;
        spendShares: { percent: number; suppressed: boolean }[];
        followUp: { n: number | null; suppressed: boolean }[];
      };
    }>(analyst, STATS);
    expect(result.errors).toBeUndefined();
    const stats = result.data?.economyStatistics;
    // Whole months only, so two days' reports never differ by one person's day.
    const today = copenhagenDate(Date.now());
    expect(stats?.asOf).toBe(addDays(`${today.slice(0, 7)}-01`, -1));
    expect(stats?.csv.split('\r\n')[0]).toMatch(/^table,target_group,department_kind,quarter,department,n,/);
    // The demo has far fewer than 500 citizens with costs: no top 1 % share is published.
    expect(stats?.spendShares.map((s) => [s.percent, s.suppressed])).toEqual([
      [1, true],
      [3, true],
    ]);
    for (const cell of stats?.followUp ?? []) {
      if (!cell.suppressed) expect(cell.n).toBeGreaterThanOrEqual(stats?.minCellSize ?? 5);
      else expect(cell.n).toBeNull();
    }
    // The month's report is kept, but each request is still authorized and audited.
    const audits = async () =>
      Number(
        (
          await api.query<{ n: number }>(
            "select count(*) as n from audit_event where action = 'economyStatistics'",
          )
        )[0]?.n,
      );
    const before = await audits();
    const again = await api.gql<{ economyStatistics: { csv: string } }>(
      analyst,
      '{ economyStatistics { csv } }',
    );
    expect(again.data?.economyStatistics.csv).toBe(stats?.csv);
    expect(await audits()).toBe(before + 1);
    for (const role of ['PROFESSIONAL', 'PARENT']) {
      const token = await api.token(
        role === 'PARENT'
          ? { role, citizenId: karim }
          : { role, departmentId: demoDepartments(api.app).EMPLOYMENT },
      );
      const refused = await api.gql(token, STATS);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

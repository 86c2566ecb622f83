import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering rule of docs/architecture.md is the repository's biome.json: the core (domain,
 * access, delivery, db) imports no transport, and FHIR does not build on GraphQL. These run that
 * very configuration over a small copy of the layout, so a rule that stops biting fails here
 * rather than silently letting an import through.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const biome = join(root, 'node_modules', '.bin', 'biome');

let workspace: string;

function write(path: string, source: string): void {
  const file = join(workspace, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
}

/** Lints one file of the copy; the exit status and the diagnostics. */
function lint(path: string): { failed: boolean; output: string } {
  try {
    const output = execFileSync(biome, ['lint', '--vcs-enabled=false', '--max-diagnostics=50', path], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { failed: false, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { failed: true, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'helhed-boundaries-'));
  copyFileSync(join(root, 'biome.json'), join(workspace, 'biome.json'));
  write('api/src/domain/errors.ts', 'export const badInput = (message: string) => new Error(message);\n');
  write('api/src/graphql/errors.ts', "export const mapped = 'GraphQL';\n");
  write('api/src/kernel/errors.ts', 'export const badInput = (message: string) => new Error(message);\n');
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the core imports no transport', () => {
  it.each([
    ['api/src/domain/goals.ts', "import { mapped } from '../graphql/errors.js';\n"],
    ['api/src/domain/statistics/query.ts', "import { mapped } from '../../graphql/errors.js';\n"],
    ['api/src/access/policy.ts', "import { mapped } from '../fhir/bundle.js';\n"],
    ['api/src/delivery/worker.ts', "import { GraphQLError as mapped } from 'graphql';\n"],
    ['api/src/domain/messages/outbox.ts', "import { GraphQLError as mapped } from 'graphql';\n"],
    ['api/src/db/seed/demo.ts', "import { createServer as mapped } from '../../server.js';\n"],
    ['api/src/fhir/import.ts', "import { mapped } from '../graphql/errors.js';\n"],
  ])('refuses %s importing a transport', (path, source) => {
    write(path, `${source}\nexport const use = mapped;\n`);
    const result = lint(path);
    expect(result.failed).toBe(true);
    expect(result.output).toContain('noRestrictedImports');
  });

  it.each([
    ['api/src/domain/plans.ts', "import { badInput as mapped } from './errors.js';\n"],
    ['api/src/fhir/bundle.ts', "import { badInput as mapped } from '../domain/errors.js';\n"],
    ['api/src/graphql/resolvers/plan.ts', "import { mapped } from '../errors.js';\n"],
  ])('lets %s import inward', (path, source) => {
    write(path, `${source}\nexport const use = mapped;\n`);
    const result = lint(path);
    expect(result.output).not.toContain('noRestrictedImports');
    expect(result.failed).toBe(false);
  });
});

describe('access and the database lie below the domain, delivery above it, the kernel below all', () => {
  it.each([
    ['api/src/access/policy.ts', "import { planAuditCitizen as mapped } from '../domain/plan-members.js';\n"],
    ['api/src/access/consent.ts', "import { badInput as mapped } from '../domain/errors.js';\n"],
    ['api/src/access/audit.ts', "import { mapped } from '../graphql/errors.js';\n"],
    ['api/src/kernel/calendar.ts', "import { badInput as mapped } from '../domain/errors.js';\n"],
    ['api/src/kernel/errors.ts', "import { recordAudit as mapped } from '../access/audit.js';\n"],
    [
      'api/src/db/schema/economy.ts',
      "import { costUnits as mapped } from '../../domain/economy/accrual.js';\n",
    ],
    ['api/src/domain/invitations.ts', "import { deliver as mapped } from '../delivery/worker.js';\n"],
    ['api/src/db/client.ts', "import { badInput as mapped } from '../domain/errors.js';\n"],
  ])('refuses %s importing upwards', (path, source) => {
    write(path, `${source}\nexport const use = mapped;\n`);
    const result = lint(path);
    expect(result.failed).toBe(true);
    expect(result.output).toContain('noRestrictedImports');
  });

  it.each([
    ['api/src/access/policy.ts', "import { badInput as mapped } from '../kernel/errors.js';\n"],
    ['api/src/domain/plans.ts', "import { badInput as mapped } from '../kernel/errors.js';\n"],
    ['api/src/kernel/calendar.ts', "import { badInput as mapped } from './errors.js';\n"],
    ['api/src/db/handle.ts', "import { badInput as mapped } from '../kernel/errors.js';\n"],
    [
      'api/src/delivery/digest.ts',
      "import { readCaseload as mapped } from '../domain/caseload/caseload.js';\n",
    ],
    ['api/src/domain/invitations.ts', "import { enqueueMessage as mapped } from './messages/outbox.js';\n"],
    // A test of the database layer may drive it through the domain.
    ['api/src/db/seed/bench.test.ts', "import { badInput as mapped } from '../../domain/errors.js';\n"],
  ])('lets %s import downwards', (path, source) => {
    write(path, `${source}\nexport const use = mapped;\n`);
    const result = lint(path);
    expect(result.output).not.toContain('noRestrictedImports');
    expect(result.failed).toBe(false);
  });
});

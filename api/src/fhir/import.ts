import { z } from 'zod';
import { badInput, DomainError } from '../domain/errors.js';
import { recordMeasurement } from '../domain/measurements.js';
import type { ExportRequest } from './bundle.js';
import { EntryError, type ImportErrorCode, type PlannedEntry, planEntry } from './import-entry.js';
import { createResolver, indexParties } from './references.js';

/** The most entries one import takes; larger sets are split by the sender. */
export const MAX_IMPORT_ENTRIES = 500;

export interface FhirImportError {
  index: number;
  resourceId: string | null;
  path: string;
  message: string;
  code: ImportErrorCode;
}

export interface FhirImportEntry {
  index: number;
  resourceType: string;
  resourceId: string | null;
  /** CREATED: stored now; UNCHANGED: already stored under this id; IGNORED: not a measurement. */
  outcome: 'CREATED' | 'UNCHANGED' | 'IGNORED';
  measurementId: string | null;
}

export interface FhirImportResult {
  /** False when any entry is invalid: then nothing was written and `errors` says why. */
  ok: boolean;
  entries: FhirImportEntry[];
  errors: FhirImportError[];
}

const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.enum(['collection', 'transaction', 'batch']),
  entry: z
    .array(
      z.object({ fullUrl: z.string().optional(), resource: z.object({ resourceType: z.string() }).loose() }),
    )
    .max(MAX_IMPORT_ENTRIES, `must have at most ${MAX_IMPORT_ENTRIES} entries`)
    .default([]),
});

/**
 * Imports the QuestionnaireResponses of a Bundle as measurements: every entry is validated
 * first, and only a bundle without errors is written, in one transaction. Idempotent on the
 * resource id; other resource types are reported as IGNORED.
 */
export async function importBundle(req: ExportRequest, input: unknown): Promise<FhirImportResult> {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(`bundle.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}.`, 'bundle');
  }
  const entries = parsed.data.entry;
  const resolver = createResolver(req.db, req.actor, indexParties(entries));
  const planned: PlannedEntry[] = [];
  const errors: FhirImportError[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const resourceId = idOf(entry.resource);
    if (entry.resource.resourceType !== 'QuestionnaireResponse') {
      planned.push({ kind: 'IGNORED', resourceId });
      continue;
    }
    try {
      if (resourceId && seen.has(resourceId))
        throw new EntryError('CONFLICT', 'id', 'This id appears twice in the bundle.');
      if (resourceId) seen.add(resourceId);
      planned.push(await planEntry(req, resolver, entry.resource));
    } catch (error) {
      errors.push({ index, resourceId, ...entryError(error) });
    }
  }
  if (errors.length) return { ok: false, entries: [], errors };
  return write(req, entries, planned);
}

async function write(
  req: ExportRequest,
  entries: readonly { resource: { resourceType: string } }[],
  planned: readonly PlannedEntry[],
): Promise<FhirImportResult> {
  const results: FhirImportEntry[] = [];
  let failed: FhirImportError | null = null;
  await req.db
    .transaction(async (tx) => {
      for (const [index, plan] of planned.entries()) {
        const resourceType = entries[index]?.resource.resourceType ?? '';
        const base = { index, resourceType, resourceId: plan.resourceId };
        if (plan.kind !== 'CREATE') {
          const measurementId = plan.kind === 'UNCHANGED' ? plan.measurementId : null;
          results.push({ ...base, outcome: plan.kind, measurementId });
          continue;
        }
        try {
          const row = await recordMeasurement(tx, req.actor, req.instruments, plan.input, req.now);
          results.push({ ...base, outcome: 'CREATED', measurementId: row.id });
        } catch (error) {
          failed = { index, resourceId: plan.resourceId, ...entryError(error) };
          throw error;
        }
      }
    })
    .catch((error: unknown) => {
      if (!failed) throw error;
    });
  return failed ? { ok: false, entries: [], errors: [failed] } : { ok: true, entries: results, errors: [] };
}

function idOf(resource: Record<string, unknown>): string | null {
  return typeof resource.id === 'string' ? resource.id : null;
}

function entryError(error: unknown): Omit<FhirImportError, 'index' | 'resourceId'> {
  if (error instanceof EntryError) return { code: error.code, path: error.path, message: error.message };
  if (error instanceof DomainError) {
    return { code: error.code as ImportErrorCode, path: error.field ?? '', message: error.message };
  }
  throw error;
}

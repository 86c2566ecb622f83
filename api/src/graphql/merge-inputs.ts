import { z } from 'zod';
import { citizenMergeStatuses } from '../db/schema/index.js';
import { id, noCpr, text } from '../domain/inputs/commands.js';

/** Inputs of the citizen merge operations, checked once at the edge. */

export const mergeCitizensInput = z.object({ survivorId: id, duplicateId: id, reason: noCpr(text(500)) });
export const citizenMergesArgs = z.object({ status: z.enum(citizenMergeStatuses).nullish() });

import { readFileSync } from 'node:fs';
import { InstrumentDefinitionError } from './definition-error.js';
import { type InstrumentPack, InstrumentPackError, parseInstrumentPack } from './pack.js';

/**
 * Reads and validates an instrument pack from a JSON file. Node only — kept out of the barrel
 * so the browser bundles of the widgets never see node:fs.
 * @throws InstrumentPackError naming the file, whether it is unreadable, not JSON or not a valid pack
 */
export function loadInstrumentPackFile(path: string): InstrumentPack {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InstrumentPackError(`Cannot read instrument pack file ${path}: ${reason}`, [reason]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InstrumentPackError(`Instrument pack file ${path} is not valid JSON: ${reason}`, [reason]);
  }
  try {
    return parseInstrumentPack(json);
  } catch (error) {
    if (!(error instanceof InstrumentDefinitionError)) throw error;
    throw new InstrumentPackError(
      `Instrument pack file ${path} is invalid: ${error.issues.join('; ')}`,
      error.issues,
    );
  }
}

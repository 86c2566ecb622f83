/** Thrown when an instrument definition or pack is invalid; `issues` are readable by a person. */
export class InstrumentDefinitionError extends Error {
  override readonly name: string = 'InstrumentDefinitionError';

  /**
   * @param message one-line summary
   * @param issues one entry per problem, each "path: message" (e.g. "items[2].key: must be kebab-case")
   */
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
  }
}

/** Formats a path like ['items', 2, 'key'] as "items[2].key" — how people read JSON paths. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(definition)' : out;
}

/** Turns validation issues into "path: message" lines. */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/** One problem found in the knowledge base: where (file and field path) and why. */
export interface KbIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export function formatIssue(issue: KbIssue): string {
  return issue.path ? `${issue.file}: ${issue.path}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}

/** Renders a zod-style path such as ["responsibilities", 2, "owner"] as responsibilities[2].owner. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

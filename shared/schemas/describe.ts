import type { ZodError } from 'zod';

/** zod issues as `field: problem`, so whoever reads the error knows which field is wrong. */
export function describeIssues(error: ZodError): { message: string; fields: string[] } {
  const parts = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || 'input';
    return { path, text: `${path}: ${issue.message}` };
  });
  return { message: parts.map((p) => p.text).join('; '), fields: [...new Set(parts.map((p) => p.path))] };
}

export const describeZod = (error: ZodError): string => describeIssues(error).message;

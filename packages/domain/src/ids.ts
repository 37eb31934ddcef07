import { z } from 'zod';

/**
 * A reference to another record by the id the server gave it. Never empty: the services check a
 * reference only when one is given, so an empty id would pass and reach the database (a foreign-key
 * error, a 500) or be stored as a reference to nothing.
 */
export function idRef(label: string, what: string) {
  const message = `${label}: send the id of ${what}`;
  return z.string({ error: message }).min(1, message).max(64, message);
}

export const ZOwnerRef = idRef('Owner', 'a member of this organization, or null for none');
export const ZAiSystemRef = idRef('AI system', 'an AI system of this organization');

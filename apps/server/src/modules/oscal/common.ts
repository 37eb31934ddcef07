import { oscalId, uuidV5 } from '@fortytwo/catalog';

// What the two OSCAL exports (assessment results, POA&M) share: the version, our namespace for
// Fortytwo-specific props, name-based UUIDs (the same record gives the same UUID in every export,
// so a GRC tool that imports twice updates rather than duplicates), and text cleaned to the OSCAL
// datatypes (a StringDatatype is one non-empty line without outer whitespace).

export const OSCAL_VERSION = '1.0.6';
export const FORTYTWO_NS = 'https://fortytwo.dev/ns/oscal';

export type OscalProp = { name: string; value: string; ns?: string; remarks?: string };
export type OscalLink = { href: string; rel?: string; text?: string };
export type OscalParty = { uuid: string; type: 'organization' | 'person'; name: string };
export type OscalMetadata = {
  title: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  props?: OscalProp[];
  parties?: OscalParty[];
  remarks?: string;
};

/** The organization being exported. */
export type OscalOrg = { id: string; name: string };

/** A UUID stable per record: the organization, the kind of record and its id name it. */
export const recordUuid = (orgId: string, kind: string, id: string) => uuidV5(`oscal:${orgId}:${kind}:${id}`);

/** One line, trimmed, never empty (OSCAL StringDatatype). */
export function line(text: string | null | undefined, fallback = '—'): string {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  return s || fallback;
}

/** Prose (markup-multiline): trimmed, never empty. */
export function prose(text: string | null | undefined, fallback: string): string {
  const s = (text ?? '').trim();
  return s || fallback;
}

export const prop = (name: string, value: string): OscalProp => ({ name, ns: FORTYTWO_NS, value: line(value) });

/** A YYYY-MM-DD day or an ISO timestamp as an OSCAL date-time with time zone, without milliseconds. */
export function dateTime(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return new Date(value).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A clause or control reference as an OSCAL control id, as the OSCAL catalog export names it. */
export const controlId = (ref: string) => oscalId(ref);

export function metadata(org: OscalOrg, title: string, generatedAt: string, remarks: string): OscalMetadata {
  return {
    title,
    'last-modified': dateTime(generatedAt),
    version: dateTime(generatedAt),
    'oscal-version': OSCAL_VERSION,
    props: [prop('generator', 'Fortytwo')],
    parties: [{ uuid: recordUuid(org.id, 'party', org.id), type: 'organization', name: line(org.name) }],
    remarks,
  };
}

/** "6.1.3 c–d, A.5.2" → ["clause-6.1.3", "a.5.2"]: the clauses and controls a reference names, once each. */
export function controlIdsOf(ref: string | null | undefined): string[] {
  const ids = (ref ?? '')
    .split(',')
    .map((part) => /^(A\.)?\d+(\.\d+)*/i.exec(part.trim())?.[0])
    .filter((r): r is string => !!r)
    .map(controlId);
  return [...new Set(ids)];
}

import { z } from 'zod';
import { versionField } from './version';

// The deeper record of an AI system that control group A.4 and the impact assessment need: its data,
// tools, computing and people, how it is meant to be used (and misused), who it affects and how
// humans oversee it. Kept apart from the inventory row so the list stays light.

export const DATA_USES = ['training', 'validation', 'test', 'production'] as const;
export const COMPUTE_LOCATIONS = ['cloud', 'on_premises', 'edge', 'hybrid'] as const;
export const COMPUTE_LOCATION_LABELS: Record<(typeof COMPUTE_LOCATIONS)[number], string> = {
  cloud: 'Cloud',
  on_premises: 'On premises',
  edge: 'Edge',
  hybrid: 'Hybrid',
};

const short = (what: string, max = 300) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(max, `${what} must be at most ${max} characters`);
const named = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(200, `${what} must be at most 200 characters`);

export const ZDataResource = z.strictObject({
  name: named('Dataset name'),
  origin: short('Origin').default(''),
  uses: z
    .array(z.enum(DATA_USES, { error: `uses must be among: ${DATA_USES.join(', ')}` }))
    .max(4)
    .default([]),
  labelling: short('Labelling').default(''),
  quality: short('Quality', 1000).default(''),
  retention: short('Retention').default(''),
  knownBias: short('Known bias', 1000).default(''),
  personalData: z.boolean({ error: 'personalData must be true or false' }).default(false),
});

export const ZAiSystemProfile = z.strictObject({
  dataResources: z.array(ZDataResource).max(100).default([]),
  tooling: z
    .array(z.strictObject({ name: named('Tool name'), purpose: short('Purpose').default('') }))
    .max(100)
    .default([]),
  compute: z
    .strictObject({
      location: z
        .enum(COMPUTE_LOCATIONS, { error: `location must be one of: ${COMPUTE_LOCATIONS.join(', ')}` })
        .nullable()
        .default(null),
      details: short('Computing details', 2000).default(''),
      environmentalNotes: short('Environmental notes', 2000).default(''),
    })
    .default({ location: null, details: '', environmentalNotes: '' }),
  humanResources: z
    .array(z.strictObject({ role: named('Role'), skills: short('Skills', 1000).default('') }))
    .max(100)
    .default([]),
  intendedUse: short('Intended use', 4000).default(''),
  foreseeableMisuse: short('Foreseeable misuse', 4000).default(''),
  affectedGroups: z.array(named('Affected group')).max(50).default([]),
  humanOversight: short('Human oversight measures', 4000).default(''),
});
export type AiSystemProfile = z.output<typeof ZAiSystemProfile>;
export const EMPTY_PROFILE: AiSystemProfile = ZAiSystemProfile.parse({});

export const ZUpdateAiSystemProfile = ZAiSystemProfile.extend({
  version: versionField('version is required: send the version of the AI system you read'),
});

/** What the record still lacks for A.4 and an impact assessment: shown as a checklist, never blocking. */
export function profileGaps(p: AiSystemProfile): string[] {
  const gaps: string[] = [];
  if (p.dataResources.length === 0) gaps.push('No data resources recorded (A.4.3)');
  if (p.tooling.length === 0) gaps.push('No tooling recorded (A.4.4)');
  if (!p.compute.location) gaps.push('Where it runs is not recorded (A.4.5)');
  if (p.humanResources.length === 0) gaps.push('No human resources recorded (A.4.6)');
  if (!p.intendedUse) gaps.push('Intended use not described');
  if (!p.foreseeableMisuse) gaps.push('Foreseeable misuse not considered');
  if (p.affectedGroups.length === 0) gaps.push('Affected individuals or groups not named');
  if (!p.humanOversight) gaps.push('Human oversight measures not described');
  return gaps;
}

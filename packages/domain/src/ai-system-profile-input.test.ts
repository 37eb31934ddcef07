import { describe, expect, it } from 'vitest';
import {
  COMPUTE_LOCATIONS,
  COMPUTE_LOCATION_LABELS,
  DATA_USES,
  EMPTY_PROFILE,
  ZAiSystemProfile,
  ZDataResource,
  ZUpdateAiSystemProfile,
} from './ai-system-profile';

// What an AI system's profile (A.4 resources, intended use) accepts, the words of each refusal, one
// bad field per case, and the defaults; the all-mutant Stryker run of ai-system-profile.ts left them
// untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('an AI system profile', () => {
  it('starts empty, with no computing location', () => {
    expect(DATA_USES).toEqual(['training', 'validation', 'test', 'production']);
    expect(COMPUTE_LOCATIONS.map((l) => COMPUTE_LOCATION_LABELS[l])).toEqual([
      'Cloud',
      'On premises',
      'Edge',
      'Hybrid',
    ]);
    const empty = {
      dataResources: [],
      tooling: [],
      compute: { location: null, details: '', environmentalNotes: '' },
      humanResources: [],
      intendedUse: '',
      foreseeableMisuse: '',
      affectedGroups: [],
      humanOversight: '',
    };
    expect(EMPTY_PROFILE).toEqual(empty);
    expect(ZAiSystemProfile.parse({})).toEqual(empty);
    expect(ZAiSystemProfile.parse({ compute: {} }).compute).toEqual({
      location: null,
      details: '',
      environmentalNotes: '',
    });
    expect(ZAiSystemProfile.parse({ tooling: [{ name: ' T ' }], humanResources: [{ role: ' R ' }] })).toMatchObject({
      tooling: [{ name: 'T', purpose: '' }],
      humanResources: [{ role: 'R', skills: '' }],
    });
  });

  it('takes each field up to its limit, trimmed', () => {
    const x = (n: number) => ` ${'x'.repeat(n)} `;
    const out = ZAiSystemProfile.parse({
      dataResources: Array(100).fill({ name: 'd' }),
      tooling: Array(100).fill({ name: 'n'.repeat(200), purpose: x(300) }),
      compute: { location: 'edge', details: x(2000), environmentalNotes: x(2000) },
      humanResources: Array(100).fill({ role: 'r', skills: x(1000) }),
      intendedUse: x(4000),
      foreseeableMisuse: x(4000),
      affectedGroups: Array(50).fill(' g '),
      humanOversight: x(4000),
    });
    expect(out.compute).toEqual({ location: 'edge', details: 'x'.repeat(2000), environmentalNotes: 'x'.repeat(2000) });
    expect(out.tooling[0]).toEqual({ name: 'n'.repeat(200), purpose: 'x'.repeat(300) });
    expect(out.humanResources[99]).toEqual({ role: 'r', skills: 'x'.repeat(1000) });
    expect([out.intendedUse, out.foreseeableMisuse, out.humanOversight]).toEqual(Array(3).fill('x'.repeat(4000)));
    expect(out.affectedGroups).toEqual(Array(50).fill('g'));
    expect(out.dataResources).toHaveLength(100);
  });

  it('refuses each bad field in its own words', () => {
    const x = (n: number) => 'x'.repeat(n);
    expect(messages(ZAiSystemProfile.safeParse({ tooling: [{}] }))).toEqual([
      ['tooling.0.name', 'Tool name is required'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ tooling: [{ name: ' ' }] }))).toEqual([
      ['tooling.0.name', 'Tool name is required'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ tooling: [{ name: x(201) }] }))).toEqual([
      ['tooling.0.name', 'Tool name must be at most 200 characters'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ tooling: [{ name: 't', purpose: x(301) }] }))).toEqual([
      ['tooling.0.purpose', 'Purpose must be at most 300 characters'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ tooling: [{ name: 't', purpose: 1 }] }))).toEqual([
      ['tooling.0.purpose', 'Purpose must be text'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ compute: { location: 'moon' } }))).toEqual([
      ['compute.location', 'location must be one of: cloud, on_premises, edge, hybrid'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ compute: { details: x(2001) } }))).toEqual([
      ['compute.details', 'Computing details must be at most 2000 characters'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ compute: { environmentalNotes: x(2001) } }))).toEqual([
      ['compute.environmentalNotes', 'Environmental notes must be at most 2000 characters'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ humanResources: [{ role: '' }] }))).toEqual([
      ['humanResources.0.role', 'Role is required'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ humanResources: [{ role: 'r', skills: x(1001) }] }))).toEqual([
      ['humanResources.0.skills', 'Skills must be at most 1000 characters'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ intendedUse: x(4001) }))).toEqual([
      ['intendedUse', 'Intended use must be at most 4000 characters'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ foreseeableMisuse: x(4001) }))).toEqual([
      ['foreseeableMisuse', 'Foreseeable misuse must be at most 4000 characters'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ humanOversight: x(4001) }))).toEqual([
      ['humanOversight', 'Human oversight measures must be at most 4000 characters'],
    ]);
    expect(messages(ZAiSystemProfile.safeParse({ affectedGroups: [''] }))).toEqual([
      ['affectedGroups.0', 'Affected group is required'],
    ]);
    expect(ZAiSystemProfile.safeParse({ affectedGroups: Array(51).fill('g') }).success).toBe(false);
    expect(ZAiSystemProfile.safeParse({ dataResources: Array(101).fill({ name: 'd' }) }).success).toBe(false);
    expect(ZAiSystemProfile.safeParse({ tooling: Array(101).fill({ name: 't' }) }).success).toBe(false);
    expect(ZAiSystemProfile.safeParse({ humanResources: Array(101).fill({ role: 'r' }) }).success).toBe(false);
    expect(messages(ZUpdateAiSystemProfile.safeParse({}))).toEqual([
      ['version', 'version is required: send the version of the AI system you read'],
    ]);
    expect(ZUpdateAiSystemProfile.parse({ version: 2 })).toEqual({ version: 2, ...EMPTY_PROFILE });
  });
});

describe('a data resource', () => {
  it('has no uses, notes or personal data by default', () => {
    expect(ZDataResource.parse({ name: ' Claims ' })).toEqual({
      name: 'Claims',
      origin: '',
      uses: [],
      labelling: '',
      quality: '',
      retention: '',
      knownBias: '',
      personalData: false,
    });
    expect(
      ZDataResource.parse({
        name: 'n'.repeat(200),
        origin: 'o'.repeat(300),
        uses: [...DATA_USES],
        labelling: 'l'.repeat(300),
        quality: 'q'.repeat(1000),
        retention: 'r'.repeat(300),
        knownBias: 'b'.repeat(1000),
        personalData: true,
      }).uses,
    ).toEqual([...DATA_USES]);
  });

  it('refuses each bad field in its own words', () => {
    const bad = (field: string, value: unknown) => messages(ZDataResource.safeParse({ name: 'd', [field]: value }));
    expect(messages(ZDataResource.safeParse({}))).toEqual([['name', 'Dataset name is required']]);
    expect(bad('name', 'n'.repeat(201))).toEqual([['name', 'Dataset name must be at most 200 characters']]);
    expect(bad('origin', 'o'.repeat(301))).toEqual([['origin', 'Origin must be at most 300 characters']]);
    expect(bad('labelling', 'l'.repeat(301))).toEqual([['labelling', 'Labelling must be at most 300 characters']]);
    expect(bad('quality', 'q'.repeat(1001))).toEqual([['quality', 'Quality must be at most 1000 characters']]);
    expect(bad('retention', 'r'.repeat(301))).toEqual([['retention', 'Retention must be at most 300 characters']]);
    expect(bad('knownBias', 'b'.repeat(1001))).toEqual([['knownBias', 'Known bias must be at most 1000 characters']]);
    expect(bad('uses', ['fun'])).toEqual([['uses.0', 'uses must be among: training, validation, test, production']]);
    expect(ZDataResource.safeParse({ name: 'd', uses: [...DATA_USES, 'test'] }).success).toBe(false);
    expect(bad('personalData', 'no')).toEqual([['personalData', 'personalData must be true or false']]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROFILE,
  profileGaps,
  ZAiSystemProfile,
  ZUpdateAiSystemProfile,
  type AiSystemProfile,
} from './ai-system-profile';

const complete: AiSystemProfile = ZAiSystemProfile.parse({
  dataResources: [{ name: 'Claims 2020–2025', uses: ['training', 'test'], personalData: true }],
  tooling: [{ name: 'scikit-learn' }],
  compute: { location: 'cloud' },
  humanResources: [{ role: 'Data scientist' }],
  intendedUse: 'Route claims to the right handler',
  foreseeableMisuse: 'Used to deny claims without review',
  affectedGroups: ['Policy holders'],
  humanOversight: 'A handler confirms every routing',
});

describe('AI system profile (A.4)', () => {
  it('starts empty, with all eight gaps listed in checklist order', () => {
    expect(EMPTY_PROFILE.compute).toEqual({ location: null, details: '', environmentalNotes: '' });
    expect(profileGaps(EMPTY_PROFILE)).toEqual([
      'No data resources recorded (A.4.3)',
      'No tooling recorded (A.4.4)',
      'Where it runs is not recorded (A.4.5)',
      'No human resources recorded (A.4.6)',
      'Intended use not described',
      'Foreseeable misuse not considered',
      'Affected individuals or groups not named',
      'Human oversight measures not described',
    ]);
  });

  it('has no gap when complete, and exactly the one gap when one part is missing', () => {
    expect(profileGaps(complete)).toEqual([]);
    expect(profileGaps({ ...complete, tooling: [] })).toEqual(['No tooling recorded (A.4.4)']);
    expect(profileGaps({ ...complete, compute: { ...complete.compute, location: null } })).toEqual([
      'Where it runs is not recorded (A.4.5)',
    ]);
    expect(profileGaps({ ...complete, humanOversight: '' })).toEqual(['Human oversight measures not described']);
  });

  it('fills a data resource with defaults, and refuses unknown uses and unnamed entries by label', () => {
    expect(complete.dataResources[0]).toEqual({
      name: 'Claims 2020–2025',
      origin: '',
      uses: ['training', 'test'],
      labelling: '',
      quality: '',
      retention: '',
      knownBias: '',
      personalData: true,
    });
    const bad = ZAiSystemProfile.safeParse({
      dataResources: [{ name: ' ', uses: ['marketing'] }],
      compute: { location: 'moon' },
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'Dataset name is required',
      'uses must be among: training, validation, test, production',
      'location must be one of: cloud, on_premises, edge, hybrid',
    ]);
  });

  it('asks for the version of the AI system on update', () => {
    expect(ZUpdateAiSystemProfile.safeParse({}).error?.issues[0]?.message).toBe(
      'version is required: send the version of the AI system you read',
    );
    expect(ZUpdateAiSystemProfile.parse({ version: 4 })).toEqual({ ...EMPTY_PROFILE, version: 4 });
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DEFAULT_RISK_CRITERIA,
  halfRatedProblem,
  ZAcceptRisk,
  ZReassessRisk,
  ZRiskCriteriaContent,
  ZRiskFields,
  ZTreatmentFields,
  ZUpdateRisk,
  ZUpdateRiskCriteria,
  ZUpdateTreatment,
} from './risk';

// What the risk register accepts, and what it answers to bad input: the message names the field, so
// the form can put it beside the right input (API contract: 400 with a field-labelled message).

const problems = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
const chars = (n: number) => 'x'.repeat(n);

describe('a new risk', () => {
  const risk = { title: 'Drift', source: 'C.3.6' };

  it('takes a title and a source, and starts as an unrated risk with empty texts and no links', () => {
    expect(ZRiskFields.parse({ title: '  Drift  ', source: ' C.3.6 ' })).toEqual({
      title: 'Drift',
      kind: 'risk',
      description: '',
      aiSystemId: null,
      source: 'C.3.6',
      consequencesOrganization: '',
      consequencesIndividuals: '',
      consequencesSociety: '',
      likelihood: null,
      consequence: null,
      ownerId: null,
      reviewDate: null,
      impactAssessmentId: null,
    });
  });

  it('names the missing or blank title and source', () => {
    expect(problems(ZRiskFields, {})).toEqual([
      'title: title is required',
      'source: source is required: an Annex C.3 ref such as C.3.4, or your own words',
    ]);
    expect(problems(ZRiskFields, { title: ' ', source: ' ' })).toEqual([
      'title: Give the risk a title',
      'source: Give the risk source: an Annex C.3 ref such as C.3.4, or your own words',
    ]);
  });

  it('limits the title to 200 characters, the source to 300 and the texts to 5000', () => {
    const longest = {
      title: chars(200),
      source: chars(300),
      description: chars(5000),
      consequencesOrganization: chars(5000),
      consequencesIndividuals: chars(5000),
      consequencesSociety: chars(5000),
    };
    expect(problems(ZRiskFields, longest)).toEqual([]);
    expect(problems(ZRiskFields, { ...risk, title: chars(201) })).toEqual([
      'title: Title must be at most 200 characters',
    ]);
    expect(problems(ZRiskFields, { ...risk, source: chars(301) })).toHaveLength(1);
    for (const field of ['description', 'consequencesOrganization', 'consequencesIndividuals', 'consequencesSociety'])
      expect(problems(ZRiskFields, { ...risk, [field]: chars(5001) })).toEqual([`${field}: At most 5000 characters`]);
  });

  it('is a risk or an opportunity', () => {
    expect(ZRiskFields.parse({ ...risk, kind: 'opportunity' }).kind).toBe('opportunity');
    expect(problems(ZRiskFields, { ...risk, kind: 'threat' })).toEqual(['kind: kind must be risk or opportunity']);
  });

  it('rates likelihood and consequence with whole numbers from 1 to 10, each named in its message', () => {
    expect(ZRiskFields.parse({ ...risk, likelihood: 1, consequence: 10 })).toMatchObject({
      likelihood: 1,
      consequence: 10,
    });
    expect(problems(ZRiskFields, { ...risk, likelihood: 0, consequence: 11 })).toEqual([
      'likelihood: Likelihood must be at least 1',
      'consequence: Consequence must be at most 10',
    ]);
    expect(problems(ZRiskFields, { ...risk, likelihood: 2.5, consequence: '3' })).toEqual([
      'likelihood: Likelihood must be a whole number',
      "consequence: Consequence is required: a whole number from 1 on the criteria's scale",
    ]);
  });

  it('needs both ratings of a first rating, or neither, and says which one is missing', () => {
    expect(halfRatedProblem({ likelihood: null, consequence: 4 })).toEqual({
      field: 'likelihood',
      message: 'Likelihood: rate it too, or leave both likelihood and consequence unrated',
    });
    expect(halfRatedProblem({ likelihood: 4, consequence: null })).toEqual({
      field: 'consequence',
      message: 'Consequence: rate it too, or leave both likelihood and consequence unrated',
    });
    expect(halfRatedProblem({ likelihood: 4, consequence: 4 })).toBeNull();
  });

  it('takes a review date as a calendar date', () => {
    expect(ZRiskFields.parse({ ...risk, reviewDate: '2027-03-01' }).reviewDate).toBe('2027-03-01');
    expect(problems(ZRiskFields, { ...risk, reviewDate: '1 March' })).toHaveLength(1);
  });
});

describe('an update of a risk', () => {
  it('needs the version read, and changes only what it sends', () => {
    expect(ZUpdateRisk.parse({ version: 3 })).toEqual({ version: 3 });
    expect(problems(ZUpdateRisk, {})).toEqual(['version: version is required: send the version you read']);
  });

  it('checks what it sends as a new risk would be checked', () => {
    expect(problems(ZUpdateRisk, { version: 1, title: ' ', description: chars(5001) })).toEqual([
      'title: Give the risk a title',
      'description: At most 5000 characters',
    ]);
    for (const field of ['consequencesOrganization', 'consequencesIndividuals', 'consequencesSociety'])
      expect(problems(ZUpdateRisk, { version: 1, [field]: chars(5001) })).toEqual([
        `${field}: At most 5000 characters`,
      ]);
    expect(ZUpdateRisk.parse({ version: 1, [`consequencesSociety`]: chars(5000) })).toBeTruthy();
  });

  it('opens or closes a risk, nothing else', () => {
    expect(ZUpdateRisk.parse({ version: 1, status: 'closed' }).status).toBe('closed');
    expect(problems(ZUpdateRisk, { version: 1, status: 'archived' })).toEqual([
      'status: status must be open or closed',
    ]);
  });

  it('re-assesses with both ratings and an optional note of at most 2000 characters', () => {
    expect(ZReassessRisk.parse({ likelihood: 2, consequence: 3 })).toEqual({ likelihood: 2, consequence: 3, note: '' });
    expect(problems(ZReassessRisk, { likelihood: 2, consequence: 3, note: chars(2001) })).toEqual([
      'note: At most 2000 characters',
    ]);
    expect(problems(ZReassessRisk, {})).toEqual([
      "likelihood: likelihood is required: a whole number from 1 on the criteria's scale",
      "consequence: consequence is required: a whole number from 1 on the criteria's scale",
    ]);
  });
});

describe('a treatment', () => {
  const modify = { option: 'modify', controlRefs: ['A.7.4'] };

  it('defaults to no description, resources, residual rating or actions', () => {
    expect(ZTreatmentFields.parse({ option: 'avoid' })).toEqual({
      option: 'avoid',
      description: '',
      resources: '',
      controlRefs: [],
      residualLikelihood: null,
      residualConsequence: null,
      actions: [],
    });
  });

  it('names the options when given another', () => {
    expect(problems(ZTreatmentFields, { option: 'ignore' })).toEqual([
      'option: option must be one of: modify, avoid, share, retain',
    ]);
  });

  it('asks a modify treatment for at least one control, under controlRefs', () => {
    expect(problems(ZTreatmentFields, { option: 'modify' })).toEqual([
      'controlRefs: A "modify" treatment needs at least one control: pick Annex A or custom controls in controlRefs',
    ]);
    expect(problems(ZTreatmentFields, modify)).toEqual([]);
    expect(problems(ZTreatmentFields, { ...modify, controlRefs: [' '] })).toHaveLength(1);
  });

  it('takes both residual ratings or neither, reported on residualLikelihood', () => {
    expect(problems(ZTreatmentFields, { ...modify, residualConsequence: 2 })).toEqual([
      'residualLikelihood: Give both residualLikelihood and residualConsequence, or neither',
    ]);
    expect(problems(ZTreatmentFields, { ...modify, residualLikelihood: 2, residualConsequence: 2 })).toEqual([]);
  });

  it('gives each action a title, and an owner and due date that default to none', () => {
    expect(ZTreatmentFields.parse({ ...modify, actions: [{ title: ' Retrain ' }] }).actions).toEqual([
      { title: 'Retrain', ownerId: null, dueDate: null },
    ]);
    expect(problems(ZTreatmentFields, { ...modify, actions: [{ title: ' ' }] })).toEqual([
      'actions.0.title: Each action needs a title',
    ]);
    expect(problems(ZTreatmentFields, { ...modify, actions: [{ title: 'a', dueDate: 'soon' }] })).toEqual([
      "actions.0.dueDate: Each action's due date must be a real date written year-month-day, such as 2027-03-31",
    ]);
  });

  it('limits the description to 5000 characters and the resources to 2000', () => {
    expect(problems(ZTreatmentFields, { ...modify, description: chars(5000), resources: chars(2000) })).toEqual([]);
    expect(problems(ZTreatmentFields, { ...modify, description: chars(5001), resources: chars(2001) })).toEqual([
      'description: At most 5000 characters',
      'resources: At most 2000 characters',
    ]);
  });
});

describe('an update of a treatment', () => {
  it('needs the version read, and changes only what it sends', () => {
    expect(ZUpdateTreatment.parse({ version: 2 })).toEqual({ version: 2 });
    expect(problems(ZUpdateTreatment, {})).toEqual(['version: version is required: send the version you read']);
  });

  it('changes the residual ratings together: both sent, or both cleared', () => {
    const message = ['residualLikelihood: Change residualLikelihood and residualConsequence together'];
    expect(problems(ZUpdateTreatment, { version: 1, residualLikelihood: 2 })).toEqual(message);
    expect(problems(ZUpdateTreatment, { version: 1, residualConsequence: 2 })).toEqual(message);
    expect(problems(ZUpdateTreatment, { version: 1, residualLikelihood: 2, residualConsequence: null })).toEqual(
      message,
    );
    expect(problems(ZUpdateTreatment, { version: 1, residualLikelihood: null, residualConsequence: 2 })).toEqual(
      message,
    );
    expect(problems(ZUpdateTreatment, { version: 1, residualLikelihood: 2, residualConsequence: 3 })).toEqual([]);
    expect(problems(ZUpdateTreatment, { version: 1, residualLikelihood: null, residualConsequence: null })).toEqual([]);
  });

  it('records the verification and its verdict, naming the verdicts when given another', () => {
    expect(ZUpdateTreatment.parse({ version: 1, effectiveness: 'partly_effective' }).effectiveness).toBe(
      'partly_effective',
    );
    expect(ZUpdateTreatment.parse({ version: 1, effectiveness: null }).effectiveness).toBeNull();
    expect(problems(ZUpdateTreatment, { version: 1, effectiveness: 'great' })).toEqual([
      'effectiveness: effectiveness must be one of: effective, partly_effective, not_effective',
    ]);
    expect(problems(ZUpdateTreatment, { version: 1, verification: chars(5001), option: 'x' })).toEqual([
      'option: option must be one of: modify, avoid, share, retain',
      'verification: At most 5000 characters',
    ]);
  });
});

describe('an acceptance of a risk', () => {
  it('needs the reason the residual risk is acceptable, and the date it lapses after', () => {
    expect(ZAcceptRisk.parse({ rationale: ' Low exposure ', expiresAt: '2027-06-30' })).toEqual({
      rationale: 'Low exposure',
      expiresAt: '2027-06-30',
    });
    expect(problems(ZAcceptRisk, { expiresAt: '2027-06-30' })).toEqual(['rationale: rationale is required']);
    expect(problems(ZAcceptRisk, { rationale: ' ', expiresAt: '2027-06-30' })).toEqual([
      'rationale: Say why the residual risk is acceptable',
    ]);
    expect(problems(ZAcceptRisk, { rationale: chars(5001), expiresAt: '2027-06-30' })).toHaveLength(1);
  });
});

describe('the risk criteria as sent', () => {
  it('labels every step of scales of 3 to 10 steps, each label at most 60 characters, and still checks the bands', () => {
    const c = DEFAULT_RISK_CRITERIA;
    expect(problems(ZRiskCriteriaContent, { ...c, likelihoodLabels: ['a', 'b'] })).toEqual([
      'likelihoodLabels: Likelihood scale: give at least 3 levels',
      'levels: The highest level must end at 10, the top score of a 2 × 5 matrix',
    ]);
    expect(problems(ZRiskCriteriaContent, { ...c, consequenceLabels: Array(11).fill('a') })).toEqual([
      'consequenceLabels: Consequence scale: give at most 10 levels',
    ]);
    expect(problems(ZRiskCriteriaContent, { ...c, likelihoodLabels: ['a', ' ', chars(61), 'd', 'e'] })).toEqual([
      'likelihoodLabels.1: Likelihood level 2: label is required',
      'likelihoodLabels.2: Likelihood level 3: label must be at most 60 characters',
    ]);
  });

  it('needs two to four levels, each a known level, and a known acceptance level', () => {
    const c = DEFAULT_RISK_CRITERIA;
    expect(problems(ZRiskCriteriaContent, { ...c, levels: [{ level: 'critical', maxScore: 25 }] })).toEqual([
      'levels: Give at least two levels',
      'acceptanceLevel: The acceptance level must be one of the levels defined',
    ]);
    expect(
      problems(ZRiskCriteriaContent, { ...c, levels: [...c.levels, { level: 'critical', maxScore: 30 }] }),
    ).toHaveLength(1);
    expect(problems(ZRiskCriteriaContent, { ...c, levels: [{ level: 'extreme', maxScore: 25 }, c.levels[0]] })).toEqual(
      ['levels.0.level: level must be one of: low, medium, high, critical'],
    );
    expect(problems(ZRiskCriteriaContent, { ...c, acceptanceLevel: 'none' })).toEqual([
      'acceptanceLevel: acceptanceLevel must be one of: low, medium, high, critical',
    ]);
  });

  it('reports the first problem of the bands on its field, and takes the method as given', () => {
    expect(
      problems(ZRiskCriteriaContent, {
        ...DEFAULT_RISK_CRITERIA,
        levels: [
          { level: 'low', maxScore: 9 },
          { level: 'high', maxScore: 25 },
        ],
      }),
    ).toEqual(['acceptanceLevel: The acceptance level must be one of the levels defined']);
    const { method, ...rest } = DEFAULT_RISK_CRITERIA;
    expect(method.length).toBeGreaterThan(0);
    expect(ZRiskCriteriaContent.parse(rest).method).toBe('');
  });

  it('saves a draft with the version read (0 starts one), checked like the criteria themselves', () => {
    expect(ZUpdateRiskCriteria.parse({ ...DEFAULT_RISK_CRITERIA, version: 0 }).version).toBe(0);
    expect(problems(ZUpdateRiskCriteria, DEFAULT_RISK_CRITERIA)).toEqual([
      'version: version is required: send the version of the draft you read (0 to start a new draft)',
    ]);
    expect(
      problems(ZUpdateRiskCriteria, {
        ...DEFAULT_RISK_CRITERIA,
        version: 0,
        levels: [
          { level: 'low', maxScore: 4 },
          { level: 'high', maxScore: 20 },
        ],
      }),
    ).toEqual(['levels: The highest level must end at 25, the top score of a 5 × 5 matrix']);
  });
});

describe('the remaining fields, each named in its message', () => {
  const risk = { title: 'Drift', source: 'C.3.6' };

  it('trims the texts and the method', () => {
    expect(ZRiskFields.parse({ ...risk, description: ' Seen in Q3 ' }).description).toBe('Seen in Q3');
    expect(ZUpdateRisk.parse({ version: 1, consequencesSociety: ' None ' }).consequencesSociety).toBe('None');
    expect(ZRiskCriteriaContent.parse({ ...DEFAULT_RISK_CRITERIA, method: ' Our method ' }).method).toBe('Our method');
  });

  it('names the review date, the impact assessment and the acceptance date', () => {
    expect(problems(ZRiskFields, { ...risk, reviewDate: '2027-02-30' })).toEqual([
      'reviewDate: Review date must be a real date written year-month-day, such as 2027-03-31',
    ]);
    expect(problems(ZRiskFields, { ...risk, impactAssessmentId: '' })).toEqual([
      'impactAssessmentId: Impact assessment: send the id of an impact assessment of this organization',
    ]);
    expect(problems(ZAcceptRisk, { rationale: 'Low', expiresAt: 'June' })).toEqual([
      'expiresAt: Accepted until must be a real date written year-month-day, such as 2027-03-31',
    ]);
  });

  it('opens a closed risk again', () => {
    expect(ZUpdateRisk.parse({ version: 1, status: 'open' }).status).toBe('open');
  });

  it('names the residual rating it refuses, on a treatment and on its update', () => {
    const modify = { option: 'modify', controlRefs: ['A.7.4'] };
    expect(problems(ZTreatmentFields, { ...modify, residualLikelihood: 0, residualConsequence: 11 })).toEqual([
      'residualLikelihood: residualLikelihood must be at least 1',
      'residualConsequence: residualConsequence must be at most 10',
    ]);
    expect(problems(ZUpdateTreatment, { version: 1, residualLikelihood: 0, residualConsequence: 11 })).toEqual([
      'residualLikelihood: residualLikelihood must be at least 1',
      'residualConsequence: residualConsequence must be at most 10',
    ]);
  });

  it('takes up to 100 control refs of 1 to 40 characters on a treatment update, trimmed', () => {
    expect(ZUpdateTreatment.parse({ version: 1, controlRefs: [' A.6.2.4 '] }).controlRefs).toEqual(['A.6.2.4']);
    expect(problems(ZUpdateTreatment, { version: 1, controlRefs: Array(100).fill('x'.repeat(40)) })).toEqual([]);
    expect(problems(ZUpdateTreatment, { version: 1, controlRefs: [' '] })).toHaveLength(1);
    expect(problems(ZUpdateTreatment, { version: 1, controlRefs: ['x'.repeat(41)] })).toHaveLength(1);
    expect(problems(ZUpdateTreatment, { version: 1, controlRefs: Array(101).fill('A.7.4') })).toHaveLength(1);
  });
});

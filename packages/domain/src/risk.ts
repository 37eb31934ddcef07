// AI risk assessment and treatment (ISO/IEC 42001 6.1.1–6.1.3, 8.2, 8.3): the criteria that turn a
// likelihood and a consequence into a level, the register's fields, and treatment. Values here are
// part of the public API: add, never rename.
//
// By use case: the stored values (risk-vocabulary.ts), the criteria and scoring (risk-criteria.ts), what
// the register accepts (risk-input.ts), acceptances and the treatment plan's checks (risk-plan.ts).

export * from './risk-vocabulary';
export * from './risk-criteria';
export * from './risk-input';
export * from './risk-plan';

// The governance framework: six pillars with an owner, objectives and policy statements, and the
// clauses and controls each covers (from the catalogue's pillar tags) with how the latest gap
// assessment rates them. Then the RACI of AIMS activities, whose checks flag missing owners.
// One file per use case: pillars.ts, raci.ts.

export { getGovernance, type PillarOut, updatePillar, ZPillarAnswer, ZPillarOut } from './pillars';
export {
  createRaciActivity,
  listRaci,
  type RaciActivityOut,
  removeRaciActivity,
  seedDefaultRaci,
  updateRaciActivity,
  ZRaciActivityOut,
} from './raci';

// The Statement of Applicability's decisions and how each control is implemented and run.

export type SoaDecisionTable = {
  orgId: string;
  ref: string;
  decision: string | null;
  justification: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};

/** How one control of the SoA is implemented and run (the SoA's implementation status reads from here). */
export type ControlImplementationTable = {
  id: string;
  orgId: string;
  ref: string;
  status: string;
  statusSince: string;
  interruptedOn: string | null;
  ownerId: string | null;
  description: string;
  documentIds: string;
  dueOn: string | null;
  cadenceMonths: number | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};

/** One recorded run of an operating control. */
export type ControlOccurrenceTable = {
  id: string;
  orgId: string;
  ref: string;
  performedOn: string;
  performedBy: string | null;
  performedByName: string;
  outcome: string;
  notes: string;
  createdAt: string;
  createdBy: string | null;
};

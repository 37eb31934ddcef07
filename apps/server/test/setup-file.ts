import { useCheapPasswordHashesInTests } from '../src/platform/auth/secrets';

// Runs in each integration test file before it: the in-process servers hash passwords cheaply (see
// secrets.ts); the servers the crash and backup tests start as child processes keep the real cost.
useCheapPasswordHashesInTests();

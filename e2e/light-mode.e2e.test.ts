import { sweepColorScheme } from './color-scheme-sweep';

// Every main page in light mode (the dark half is dark-mode.e2e.test.ts: two files run side by side).
sweepColorScheme('light');

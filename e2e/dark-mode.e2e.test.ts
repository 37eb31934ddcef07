import { sweepColorScheme } from './color-scheme-sweep';

// Every main page in dark mode (the light half is light-mode.e2e.test.ts: two files run side by side).
sweepColorScheme('dark');

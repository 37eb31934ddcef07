// Which Node.js versions Fortytwo runs on, said once at start. Node 20 reached end of life on
// 2026-04-30 but the machines this project is built and tested on still run it, so it is accepted
// with a warning; 22 and 24 are the supported LTS lines (CI runs the suites on 20 and 24).
export const SUPPORTED_MAJORS = [22, 24] as const;
const END_OF_LIFE_ACCEPTED = 20;
const MINIMUM = { major: 20, minor: 12 }; // package.json engines: the floor since the first release

export type NodeSupport =
  { verdict: 'supported' } | { verdict: 'warn'; message: string } | { verdict: 'refuse'; message: string };

export function nodeSupport(version: string): NodeSupport {
  const match = /^v?(\d+)\.(\d+)/.exec(version);
  if (!match) return { verdict: 'warn', message: `Could not read the Node.js version "${version}".` };
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const supported = SUPPORTED_MAJORS.join(' or ');
  if (major < MINIMUM.major || (major === MINIMUM.major && minor < MINIMUM.minor)) {
    return {
      verdict: 'refuse',
      message: `Fortytwo needs Node.js ${supported} (this is ${version}). Install a current LTS from https://nodejs.org and run npm ci again.`,
    };
  }
  if ((SUPPORTED_MAJORS as readonly number[]).includes(major)) return { verdict: 'supported' };
  if (major === END_OF_LIFE_ACCEPTED) {
    return {
      verdict: 'warn',
      message: `Node.js ${version} is past its end of life (2026-04-30) and gets no security fixes. Fortytwo still runs on it, but use Node.js ${supported}.`,
    };
  }
  if (major % 2 === 1) {
    return {
      verdict: 'warn',
      message: `Node.js ${version} is not a long-term-support release and Fortytwo is not tested on it. Use Node.js ${supported}.`,
    };
  }
  return {
    verdict: 'warn',
    message: `Fortytwo is tested on Node.js ${supported}, not yet on ${version}. It will probably work; report what does not.`,
  };
}

/** At start: a line on stderr for a version we only tolerate; exit for one we cannot run on. */
export function checkNodeVersion(version = process.version): void {
  const said = nodeSupport(version);
  if (said.verdict === 'supported') return;
  console.warn(`${said.verdict === 'refuse' ? 'Error' : 'Warning'}: ${said.message}`);
  if (said.verdict === 'refuse') process.exit(1);
}

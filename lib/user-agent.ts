/**
 * The browser and system of a user agent string, in the few kinds a user recognises; null when
 * unknown. Only for showing a session in plain words: a user agent is whatever the client sends.
 */
export type Browser = 'edge' | 'opera' | 'wechat' | 'firefox' | 'chrome' | 'safari';
export type System = 'windows' | 'macos' | 'ios' | 'android' | 'harmonyos' | 'chromeos' | 'linux';

const BROWSERS: [Browser, RegExp][] = [
  // Order matters: each of these also names the engines it is built on.
  ['wechat', /MicroMessenger\//],
  ['edge', /Edg(e|A|iOS)?\//],
  ['opera', /(OPR|Opera)\//],
  ['firefox', /(Firefox|FxiOS)\//],
  ['chrome', /(Chrome|Chromium|CriOS|HeadlessChrome)\//],
  ['safari', /Version\/[\d.]+.*Safari\//],
];

const SYSTEMS: [System, RegExp][] = [
  ['harmonyos', /HarmonyOS|OpenHarmony/],
  ['ios', /iPhone|iPad|iPod/],
  ['android', /Android/],
  ['windows', /Windows/],
  ['chromeos', /CrOS/],
  ['macos', /Mac OS X|Macintosh/],
  ['linux', /Linux|X11/],
];

export function describeUserAgent(ua: string | null | undefined): { browser: Browser | null; system: System | null } {
  const text = (ua ?? '').slice(0, 512);
  return {
    browser: BROWSERS.find(([, re]) => re.test(text))?.[0] ?? null,
    system: SYSTEMS.find(([, re]) => re.test(text))?.[0] ?? null,
  };
}

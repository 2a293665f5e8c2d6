import base from './playwright.config';

/** Runs the specs against an already running `npm run dev` (http://localhost:3000) while developing. */
const config = {
  ...base,
  webServer: undefined,
  use: { ...base.use, baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:3000' },
};

export default config;

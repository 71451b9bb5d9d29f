/** Debian's Chromium, as Playwright launches it here (Playwright's own browser download cannot
 *  be reached). The background-networking flags keep Chromium from calling out at start. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

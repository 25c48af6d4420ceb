// Puppeteer downloads its own Chrome on install unless a browser is already on the machine:
// CI and Debian users install chromium with apt first, and some networks cannot reach the download.
const { existsSync } = require('node:fs');
const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
module.exports = {
  skipDownload: Boolean(process.env.PUPPETEER_EXECUTABLE_PATH) || system.some((p) => existsSync(p)),
};

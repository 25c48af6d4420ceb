import { browser } from '#imports';
import phoneMetadata from 'libphonenumber-js/metadata.min.json';
import { phoneMetadataItem } from '../storage/phone-metadata.ts';
import { newlyCovered, SCAN_SCRIPT_FILE, syncScanRegistration } from './scan-access.ts';

/**
 * Keeps the page scanner registered for the origins the extension holds, and the phone metadata
 * it reads in storage. Listeners are added synchronously (MV3); the work runs one step at a time,
 * so two quick permission changes cannot register the script twice.
 */
export function watchScanAccess(): void {
  let chain: Promise<unknown> = Promise.resolve();
  const run = (step: () => Promise<unknown>) => {
    chain = chain.then(step).catch((err: unknown) => console.error('Leadsync: could not update where pages are scanned', err));
  };
  // Where the scanner was registered last; undefined until the first sync of this worker.
  let matches: string[] | undefined;
  const sync = () =>
    run(async () => {
      const before = matches;
      matches = await syncScanRegistration(browser);
      // A grant made just now (Scan pages automatically): the pages already open are scanned at
      // once rather than on their next load. At the worker's start, open tabs already have it.
      if (!before) return;
      const tabs = await browser.tabs.query({});
      for (const tabId of newlyCovered(tabs, before, matches)) {
        await browser.scripting.executeScript({ target: { tabId }, files: [SCAN_SCRIPT_FILE] }).catch(() => {
          // A tab that cannot take it (an error page, one closing meanwhile): its next load will.
        });
      }
    });

  // Written before the scanner can start on a page; an update replaces it with the new library's.
  browser.runtime.onInstalled.addListener(() => run(() => phoneMetadataItem.setValue(phoneMetadata)));
  run(async () => {
    if (!(await phoneMetadataItem.getValue())) await phoneMetadataItem.setValue(phoneMetadata);
  });
  sync();
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}

import { browser } from '#imports';
import phoneMetadata from 'libphonenumber-js/metadata.min.json';
import { phoneMetadataItem } from '../storage/phone-metadata.ts';
import { syncScanRegistration } from './scan-access.ts';

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
  const sync = () => run(() => syncScanRegistration(browser));

  // Written before the scanner can start on a page; an update replaces it with the new library's.
  browser.runtime.onInstalled.addListener(() => run(() => phoneMetadataItem.setValue(phoneMetadata)));
  run(async () => {
    if (!(await phoneMetadataItem.getValue())) await phoneMetadataItem.setValue(phoneMetadata);
  });
  sync();
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}

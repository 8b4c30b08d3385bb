import seedTemplate from '../harness/seededTemplate';
import unpackChromium from '../harness/unpackChromium';

/** jest globalSetup (console): the run's seeded cloud folder, and Chromium unpacked before the workers start. */
export default async function consoleGlobalSetup(): Promise<void> {
  await seedTemplate();
  unpackChromium();
}

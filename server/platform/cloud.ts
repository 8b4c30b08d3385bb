import cloud from 'wx-server-sdk';

let initialised = false;

/** The initialised server SDK. In the local cloud the environment points it at the emulator. */
export function wxCloud(): typeof cloud {
  if (!initialised) {
    // DYNAMIC_CURRENT_ENV is a symbol the SDK understands; its typings only allow strings.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud;
}

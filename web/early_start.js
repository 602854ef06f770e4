// Starts the two slow parts of a first load while the page's other scripts still download: compiling the
// WebAssembly module as its bytes arrive, and fetching the public settings. Loaded async, so it may run after
// boot.js; boot.js takes window.bhabinEarly when it is there and does the same work itself when it is not.
'use strict';

(function earlyStart() {
  if (!('compileStreaming' in WebAssembly)) return;
  window.bhabinEarly = {
    module: WebAssembly.compileStreaming(fetch('/app/bhabin-app.wasm', { credentials: 'same-origin' })),
    config: fetch('/api/v1/config', { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({})), // offline or an older server: the app works with its defaults
  };
  window.bhabinEarly.module.catch(() => {}); // boot.js sees a failure and compiles again the usual way
})();

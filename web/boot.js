// Starts the app: instantiates the WebAssembly module, which creates the map and the panels itself, and
// fetches the server's public settings meanwhile. Shows a plain-text status until the app draws, or the reason it failed.
// Once the app runs, registers the service worker (web/service_worker.js) that lets it start offline.
'use strict';

(function boot() {
  const status = document.getElementById('status');
  const fail = (message) => {
    status.textContent = 'Aplikasi gagal dimuat / The app failed to load: ' + message;
    console.error(message);
  };

  const early = window.bhabinEarly; // web/early_start.js, when it ran first
  const loadConfig = () =>
    (early ? early.config : fetch('/api/v1/config', { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : {})))
      .catch(() => ({})); // offline or an older server: the app works with its defaults

  // The module early_start.js compiled while the page loaded; when that failed, the usual download and compile.
  const instantiateWasm = (imports, receive) => {
    early.module
      .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
      .catch(() => WebAssembly.instantiateStreaming(fetch('/app/bhabin-app.wasm', { credentials: 'same-origin' }), imports)
        .then((result) => receive(result.instance, result.module)))
      .catch((error) => fail(error && error.message ? error.message : String(error)));
    return {};
  };

  // After the app started, so installing the offline shell never competes with the first load. Without a worker
  // (an old browser, or not a secure context) the app simply needs the network.
  const registerServiceWorker = () => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/service_worker.js').catch((error) => {
      console.warn('offline support unavailable: ' + (error && error.message ? error.message : String(error)));
    });
  };

  // The settings are fetched while the module downloads and compiles: main() waits for them (a run dependency).
  const waitForConfig = (module) => {
    module.addRunDependency('bhabinConfig');
    loadConfig().then((config) => {
      module.bhabinConfig = config;
      module.removeRunDependency('bhabinConfig');
    });
  };

  const settings = {
    canvas: document.getElementById('ui'),
    preRun: [waitForConfig],
    locateFile: (file) => '/app/' + file,
    printErr: (text) => console.warn(text),
  };
  if (early) settings.instantiateWasm = instantiateWasm;
  createBhabinApp(settings)
    .then(() => {
      status.textContent = '';
      registerServiceWorker();
    })
    .catch((error) => fail(error && error.message ? error.message : String(error)));
})();

// Starts the app: fetches the server's public settings, then instantiates the WebAssembly module, which
// creates the map and the panels itself. Shows a plain-text status until the app draws, or the reason it failed.
'use strict';

(function boot() {
  const status = document.getElementById('status');
  const fail = (message) => {
    status.textContent = 'Aplikasi gagal dimuat / The app failed to load: ' + message;
    console.error(message);
  };

  const loadConfig = () =>
    fetch('/api/v1/config', { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({})); // offline or an older server: the app works with its defaults

  loadConfig()
    .then((config) =>
      createBhabinApp({
        canvas: document.getElementById('ui'),
        bhabinConfig: config,
        locateFile: (file) => '/app/' + file,
        printErr: (text) => console.warn(text),
      }))
    .then(() => {
      status.textContent = '';
    })
    .catch((error) => fail(error && error.message ? error.message : String(error)));
})();

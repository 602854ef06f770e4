// window.bhabinDeviceStore: bytes under string keys, kept on this device in IndexedDB (database "bhabin", object
// store "device") across visits and offline. Every method returns a Promise:
//   get(key) → Uint8Array, or null when nothing is stored under key
//   put(key, bytes) → resolves once the write is committed to disk (the transaction's complete event, with strict
//                     durability where the browser supports choosing it); the bytes are copied first, so a view
//                     into the WebAssembly heap stores only its own bytes
//   remove(key), keys() → string[]
// Where IndexedDB is unavailable (some private modes, storage disabled) every call rejects with an Error saying so.
'use strict';

(function deviceStore() {
  const DATABASE = 'bhabin';
  const STORE = 'device';
  const SCHEMA_VERSION = 1;

  const unavailable = (reason) =>
    new Error('IndexedDB is unavailable in this browser (private mode or storage disabled?)' +
      (reason ? ': ' + reason : ''));

  let opening = null; // Promise<IDBDatabase> while the connection is usable

  function database() {
    if (opening) return opening;
    opening = new Promise((resolve, reject) => {
      let request;
      try {
        if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('indexedDB is not defined');
        request = indexedDB.open(DATABASE, SCHEMA_VERSION);
      } catch (error) {
        reject(unavailable(error && error.message));
        return;
      }
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
      };
      request.onsuccess = () => {
        const db = request.result;
        const forget = () => {
          opening = null;
        };
        db.onversionchange = () => { // a newer page wants to upgrade: let it, and reopen on our next call
          db.close();
          forget();
        };
        db.onclose = forget; // closed by the browser (storage cleared)
        resolve(db);
      };
      request.onerror = () => reject(unavailable(request.error && request.error.message));
    });
    opening.catch(() => {
      opening = null; // try again on the next call
    });
    return opening;
  }

  // Runs one request in its own transaction; resolves with its result once the transaction completed.
  function transact(mode, makeRequest) {
    return database().then((db) => new Promise((resolve, reject) => {
      let transaction;
      let request;
      try {
        transaction = mode === 'readwrite'
          ? db.transaction(STORE, mode, { durability: 'strict' })
          : db.transaction(STORE, mode);
        request = makeRequest(transaction.objectStore(STORE));
      } catch (error) {
        reject(error);
        return;
      }
      transaction.oncomplete = () => resolve(request.result);
      transaction.onabort = () => reject(transaction.error || request.error || new Error('IndexedDB transaction aborted'));
    }));
  }

  const checkKey = (key) => {
    if (typeof key !== 'string') throw new TypeError('bhabinDeviceStore: keys are strings');
  };

  const store = {
    get(key) {
      try {
        checkKey(key);
      } catch (error) {
        return Promise.reject(error);
      }
      return transact('readonly', (objects) => objects.get(key)).then((value) => {
        if (value === undefined || value === null) return null;
        if (value instanceof Uint8Array) return value;
        if (value instanceof ArrayBuffer) return new Uint8Array(value);
        if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return null; // not ours
      });
    },

    put(key, bytes) {
      try {
        checkKey(key);
        if (!(bytes instanceof Uint8Array)) throw new TypeError('bhabinDeviceStore.put stores a Uint8Array');
      } catch (error) {
        return Promise.reject(error);
      }
      // slice() copies into a buffer of exactly these bytes: structured cloning a view would store its whole buffer.
      const copy = bytes.slice();
      return transact('readwrite', (objects) => objects.put(copy, key)).then(() => undefined);
    },

    remove(key) {
      try {
        checkKey(key);
      } catch (error) {
        return Promise.reject(error);
      }
      return transact('readwrite', (objects) => objects.delete(key)).then(() => undefined);
    },

    keys() {
      return transact('readonly', (objects) => objects.getAllKeys()).then((keys) => keys.map(String));
    },
  };

  Object.defineProperty(window, 'bhabinDeviceStore', { value: Object.freeze(store), enumerable: true });
})();

// Preloaded with `node --require` into a child process that runs OCR. Node passes execArgv on to
// worker threads, so this also runs inside tesseract.js's own worker threads. Every way out to the
// network is replaced by a function that records the attempt (to stderr, marked) and throws.
const dns = require('node:dns');
const net = require('node:net');
const http = require('node:http');
const https = require('node:https');
const { isMainThread, threadId } = require('node:worker_threads');

const MARK = '@@NETWORK_ATTEMPT@@';
const record = (what) => {
  process.stderr.write(`${MARK} thread=${threadId} ${what}\n`);
  return new Error(`network access blocked: ${what}`);
};

globalThis.fetch = async (url) => {
  throw record(`fetch ${String(url)}`);
};
// Local IPC (Unix sockets / named pipes, e.g. tsx's own channel) is not network: let it through.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const first = args[0];
  const target = Array.isArray(first) ? first[0] : first;
  if ((target && typeof target === 'object' && typeof target.path === 'string') || (typeof target === 'string' && Number.isNaN(Number(target)))) {
    return originalConnect.apply(this, args);
  }
  throw record(`net.connect ${JSON.stringify(target)?.slice(0, 100)}`);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  dns[name] = (host, ...rest) => {
    const cb = rest.find((a) => typeof a === 'function');
    const error = record(`dns.${name} ${host}`);
    if (cb) process.nextTick(cb, error);
  };
}
dns.promises.lookup = async (host) => {
  throw record(`dns.promises.lookup ${host}`);
};
for (const mod of [http, https]) {
  mod.request = (...args) => {
    throw record(`http.request ${String(args[0]?.href ?? args[0]?.host ?? args[0])}`);
  };
  mod.get = mod.request;
}
process.stderr.write(`@@GUARD_INSTALLED@@ thread=${threadId} main=${isMainThread}\n`);

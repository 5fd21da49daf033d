/**
 * A bounded HTTP load, shared by the zero-downtime benchmark (bench/zero-downtime.js) and its e2e test:
 * `clients` concurrent loops of GET <path> on 127.0.0.1:<port>, a new connection for every request (so each one
 * is balanced anew, and a closed or refused connection shows), until stop() is called or `maxMs` or
 * `maxRequests` is reached. It counts the answers per body (the demo image answers its version) and the
 * failures per reason (connection errors, timeouts, non-200 statuses). Also the manifest both apply.
 */
const http = require('http');

/** The scenario both run: 4 replicas of the demo image (readiness every 1 s) behind a NodePort Service. */
const ZERO_DOWNTIME_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 5
      containers:
        - name: web
          image: kctl-demo/web:v1
          ports: [{containerPort: 8080}]
          readinessProbe:
            httpGet: {path: /healthz, port: 8080}
            periodSeconds: 1
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

function startLoad({ port, clients = 4, maxMs = 120_000, maxRequests = 200_000, path = '/version', timeoutMs = 5000 }) {
  const result = { requests: 0, failed: 0, byVersion: {}, errors: {} };
  const deadline = Date.now() + maxMs;
  let stopped = false;
  const fail = (reason) => {
    result.failed++;
    result.errors[reason] = (result.errors[reason] ?? 0) + 1;
  };
  const once = () =>
    new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: timeoutMs }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          if (res.statusCode === 200) result.byVersion[body.trim()] = (result.byVersion[body.trim()] ?? 0) + 1;
          else fail(`HTTP ${res.statusCode}`);
          resolve();
        });
        res.on('error', (e) => {
          fail(e.code ?? e.message);
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      req.on('error', (e) => {
        fail(e.code ?? e.message);
        resolve();
      });
    });
  const client = async () => {
    while (!stopped && Date.now() < deadline && result.requests < maxRequests) {
      result.requests++;
      await once();
    }
  };
  const done = Promise.all(Array.from({ length: clients }, client)).then(() => result);
  return {
    /** Stops after the requests in flight; resolves with the counts. */
    stop() {
      stopped = true;
      return done;
    },
    done,
    result,
  };
}

module.exports = { startLoad, ZERO_DOWNTIME_MANIFEST };

/** The manifests the scenarios apply: the demo web image, no readiness probe unless asked (issue 3's setup). */
const { IMAGE, CONTAINER_PORT } = require('./labels');

function deployment(name, replicas, { image = IMAGE, readiness = false } = {}) {
  const probe = readiness
    ? `
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 1`
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      terminationGracePeriodSeconds: 5
      containers:
        - name: web
          image: ${image}
          ports:
            - name: http
              containerPort: ${CONTAINER_PORT}${probe}
`;
}

module.exports = { deployment };

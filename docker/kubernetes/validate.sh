#!/usr/bin/env bash
# Renders every overlay (and production with the optional ServiceMonitor component) with
# `kubectl kustomize` and validates the output offline against strict Kubernetes v1.32 schemas.
# Usage: docker/kubernetes/validate.sh [path to shared/tools/k8s-validate.py]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
validator=${1:-$here/../../../shared/tools/k8s-validate.py}
out=$(mktemp -d)
monitored=$here/.monitored
trap 'rm -rf "$out" "$monitored"' EXIT

# A throwaway overlay: kustomize takes only relative paths to other kustomizations.
mkdir -p "$monitored"
cat > "$monitored/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../production
components:
  - ../components/servicemonitor
YAML

status=0
for overlay in production demo .monitored; do
  kubectl kustomize "$here/$overlay" > "$out/$overlay.yaml"
  /usr/bin/python3 "$validator" "$out/$overlay.yaml" || status=1
done
# The overlays must differ where they should: a replica count, and where the data lives.
grep -q 'replicas: 3' "$out/production.yaml" || { echo "FAIL production: not 3 replicas"; status=1; }
grep -q 'jdbc:postgresql:' "$out/production.yaml" || { echo "FAIL production: no PostgreSQL URL"; status=1; }
grep -q 'claimName: tributary-data' "$out/demo.yaml" || { echo "FAIL demo: no data volume"; status=1; }
if grep -q 'kind: ServiceMonitor' "$out/production.yaml" "$out/demo.yaml"; then
  echo "FAIL a ServiceMonitor outside the optional component"; status=1
fi
exit $status

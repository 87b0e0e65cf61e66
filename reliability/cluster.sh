#!/usr/bin/env bash
# Two Keycloak nodes of the real distribution with this bundle, sharing the local PostgreSQL
# (database mxcluster) and discovering each other with jdbc-ping, on loopback only.
#   reliability/cluster.sh start   # lays out /tmp/mxcluster/node{A,B}, builds once, starts both
#   reliability/cluster.sh stop
# Needs a built integration-tests/target/keycloak-26.7.3 (mvn verify) and PostgreSQL with trust
# auth on 127.0.0.1:5432. Node A: http 8690, management 9690, cluster 7810; node B: 8691/9691/7811.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${MX_CLUSTER_DIR:-/tmp/mxcluster}
DIST=integration-tests/target/keycloak-26.7.3

node() { # name http management cluster
  local home=$DIR/node$1
  MX_SMTP_HOST=127.0.0.1 MX_SMTP_PORT=${MX_SMTP_PORT:-3625} \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  nohup "$home/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --hostname-strict=false --http-host=127.0.0.1 \
    --http-port="$2" --http-management-port="$3" \
    --db-url=jdbc:postgresql://127.0.0.1:5432/mxcluster --db-username=postgres --db-password=unused \
    --cache-embedded-network-bind-address=127.0.0.1 --cache-embedded-network-bind-port="$4" \
    > "$DIR/node$1.log" 2>&1 &
  echo $! > "$DIR/node$1.pid"
}

case "${1:-start}" in
  start)
    mkdir -p "$DIR"
    createdb -h 127.0.0.1 -U postgres mxcluster 2>/dev/null || true
    if [ ! -d "$DIR/nodeA" ]; then
      cp -a "$DIST" "$DIR/nodeA"
      "$DIR/nodeA/bin/kc.sh" build --db=postgres --cache=ispn --cache-stack=jdbc-ping
      cp -a "$DIR/nodeA" "$DIR/nodeB"  # -a keeps mtimes, else B sees a "changed" provider jar and wants a rebuild
      rm -rf "$DIR/nodeB/data/import"   # one node imports the realm
    fi
    node A 8690 9690 7810
    sleep 20
    node B 8691 9691 7811
    for port in 8690 8691; do
      until curl -sf "http://127.0.0.1:$port/realms/maintenance/.well-known/openid-configuration" >/dev/null; do sleep 2; done
      echo "node on $port ready"
    done
    ;;
  stop)
    for n in A B; do [ -f "$DIR/node$n.pid" ] && kill "$(cat "$DIR/node$n.pid")" 2>/dev/null || true; done
    ;;
esac

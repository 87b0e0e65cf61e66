#!/usr/bin/env bash
# Command 1: build the bundle, lay out the pinned Keycloak with it, and start it at
# http://localhost:8080 with the maintenance realm and the local demo data, on an
# embedded H2 database kept in .run/ (it survives restarts and `mvn clean`).
#
#   ./run.sh                      admin/admin on port 8080
#   MX_ADMIN_USER=ops MX_ADMIN_PASSWORD=secret MX_HTTP_PORT=8081 ./run.sh
#
# Ctrl-C stops the server. A second run with nothing changed reuses the built server.
set -euo pipefail
cd "$(dirname "$0")"

admin_user="${MX_ADMIN_USER:-admin}"
admin_password="${MX_ADMIN_PASSWORD:-admin}"
http_port="${MX_HTTP_PORT:-8080}"
management_port="${MX_MANAGEMENT_PORT:-9000}"
state_dir="$PWD/.run"

echo "Building the bundle and laying out the server (mvn package -pl server -am) ..."
mvn -q -B -DskipTests package -pl server,app -am

home=$(ls -d server/target/keycloak-*/ | head -n 1)
home="${home%/}"
mkdir -p "$state_dir/h2"

cat <<INFO

  Keycloak:        $(basename "$home") with the Maintenance Access bundle
  Admin console:   http://localhost:${http_port}/admin/master/console/#/maintenance
  Account console: http://localhost:${http_port}/realms/maintenance/account
  Admin login:     ${admin_user} / ${admin_password}   (set MX_ADMIN_USER / MX_ADMIN_PASSWORD)
  Demo users:      see realm-config/demo/README.md
  Database:        ${state_dir}/h2 (delete it to start from the realm files again)

  Starting; the first start builds the server (about 30 s). Ctrl-C stops it.

INFO

export KC_BOOTSTRAP_ADMIN_USERNAME="$admin_user"
export KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password"
# Once the realm answers, create the demo accounts (first run only; the script skips existing ones).
(
  for _ in $(seq 1 180); do
    if curl -sf -o /dev/null "http://localhost:${http_port}/realms/maintenance/.well-known/openid-configuration"; then
      realm-config/demo/seed-demo-accounts.sh "$home/bin/kcadm.sh" "http://localhost:${http_port}" \
        "$admin_user" "$admin_password" || echo "could not create the demo accounts" >&2
      exit 0
    fi
    sleep 1
  done
) &

# The reference maintenance app (app/, docs/signoffs.md) on http://localhost:3000, stopped with this shell.
java -cp app/target/classes com.maintenanceaccess.app.AppServer 3000 "http://localhost:${http_port}" maintenance &
# exec: Ctrl-C goes straight to Keycloak, which shuts down cleanly.
exec "$home/bin/kc.sh" start-dev \
  --http-port="$http_port" \
  --http-management-port="$management_port" \
  --db=dev-file \
  --db-url="jdbc:h2:file:${state_dir}/h2/keycloakdb;NON_KEYWORDS=VALUE" \
  --import-realm \
  --spi-mx-role-templates--mx-role-templates--dir="$PWD/realm-config"

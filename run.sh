#!/usr/bin/env bash
# Command 1: build the bundle, lay out the pinned Keycloak with it, and start it at
# http://localhost:8080 with the maintenance realm and the local demo data, on an
# embedded H2 database kept in .run/ (it survives restarts and `mvn clean`), beside a local
# mailbox (mailbox/) that receives every mail the server sends and shows it at
# http://localhost:8025.
#
#   ./run.sh                      admin/admin on port 8080
#   MX_ADMIN_USER=ops MX_ADMIN_PASSWORD=secret MX_HTTP_PORT=8081 ./run.sh
#   MX_MANAGEMENT_PORT=9001 (health: /health/ready)   MX_SMTP_PORT=1026 MX_MAILBOX_PORT=8026
#
# Ctrl-C stops the server, the mailbox and the app. A second run with nothing changed reuses the built server.
set -euo pipefail
cd "$(dirname "$0")"

admin_user="${MX_ADMIN_USER:-admin}"
admin_password="${MX_ADMIN_PASSWORD:-admin}"
http_port="${MX_HTTP_PORT:-8080}"
management_port="${MX_MANAGEMENT_PORT:-9000}"
# The realm sends to MX_SMTP_HOST:MX_SMTP_PORT (read when the realm is first imported): the mailbox.
smtp_port="${MX_SMTP_PORT:-1025}"
mailbox_port="${MX_MAILBOX_PORT:-8025}"
app_port=3000 # the maintenance-app client's redirect URIs name this port (realm-config)
state_dir="$PWD/.run"

echo "Building the bundle, the mailbox, the maintenance app and the server layout (mvn package -pl server,mailbox,app -am) ..."
mvn -q -B -DskipTests package -pl server,mailbox,app -am

home=$(ls -d server/target/keycloak-*/ | head -n 1)
home="${home%/}"
mkdir -p "$state_dir/h2"

# The mailbox, and on exit (Ctrl-C included) nothing of ours left running.
java -jar mailbox/target/maintenance-access-mailbox.jar "$smtp_port" "$mailbox_port" >"$state_dir/mailbox.log" 2>&1 &
mailbox_pid=$!
# The reference maintenance app (app/, docs/signoffs.md): the maintenance-app client's redirect target.
java -cp app/target/classes com.maintenanceaccess.app.AppServer "$app_port" "http://localhost:${http_port}" maintenance \
  >"$state_dir/app.log" 2>&1 &
app_pid=$!
seeder_pid=
cleanup() {
  kill "$mailbox_pid" 2>/dev/null || true
  kill "$app_pid" 2>/dev/null || true
  [ -z "$seeder_pid" ] || kill "$seeder_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 30); do
  curl -sf -o /dev/null "http://localhost:${mailbox_port}/" && break
  if ! kill -0 "$mailbox_pid" 2>/dev/null; then
    echo "The mailbox did not start (ports ${smtp_port}/${mailbox_port} taken? set MX_SMTP_PORT / MX_MAILBOX_PORT):" >&2
    cat "$state_dir/mailbox.log" >&2
    exit 1
  fi
  sleep 1
done

cat <<INFO

  Starting $(basename "$home") with the Maintenance Access bundle (the first start builds the
  server, about 30 s; a second run reuses it). The addresses follow once the demo data exists.
  Ctrl-C stops the server, the mailbox and the app.

INFO

export KC_BOOTSTRAP_ADMIN_USERNAME="$admin_user"
export KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password"
export MX_SMTP_HOST=localhost MX_SMTP_PORT="$smtp_port"
# Once the realm answers, create the demo accounts (first run only; the script skips existing
# ones), then say where everything is: only now is the demo ready.
# No time limit: a first start on a busy machine can take minutes; the trap ends this at exit.
(
  until curl -sf -o /dev/null "http://localhost:${http_port}/realms/maintenance/.well-known/openid-configuration"; do
    sleep 2
  done
  if realm-config/demo/seed-demo-accounts.sh "$home/bin/kcadm.sh" "http://localhost:${http_port}" \
      "$admin_user" "$admin_password"; then
    demo="ready: see realm-config/demo/README.md for the users"
  else
    demo="NOT ready: could not create the demo accounts (see above)"
  fi
  cat <<READY

  ==== Maintenance Access is up; the demo is ${demo%%:*} ====
  Admin console:   http://localhost:${http_port}/admin/master/console/#/maintenance
  Account console: http://localhost:${http_port}/realms/maintenance/account
  Admin login:     ${admin_user} / ${admin_password}   (set MX_ADMIN_USER / MX_ADMIN_PASSWORD)
  Demo:            ${demo}
  Mailbox:         http://localhost:${mailbox_port}/  (every mail the server sends, e.g. invitations)
  Maintenance app: http://localhost:${app_port}/  (the reference app: navigation, signoffs; docs/signoffs.md)
  Health:          http://localhost:${management_port}/health/ready
  Database:        ${state_dir}/h2 (delete it to start from the realm files again)

READY
) &
seeder_pid=$!

# Not exec: the trap stops the mailbox once Keycloak has shut down. Ctrl-C reaches Keycloak
# directly (same process group), which shuts down cleanly.
"$home/bin/kc.sh" start-dev \
  --http-port="$http_port" \
  --http-management-port="$management_port" \
  --health-enabled=true \
  --db=dev-file \
  --db-url="jdbc:h2:file:${state_dir}/h2/keycloakdb;NON_KEYWORDS=VALUE" \
  --import-realm \
  --spi-mx-role-templates--mx-role-templates--dir="$PWD/realm-config"

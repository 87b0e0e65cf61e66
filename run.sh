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
# Installs what a fresh machine lacks first (scripts/prerequisites.sh run: Java 17, Maven, curl,
# jq, Node and npm). Ctrl-C stops the server, the mailbox and the app. A second run with nothing
# changed rebuilds nothing: Maven, the account console's npm steps and Keycloak's own build
# (augmentation) are skipped when their inputs did not change (docs/operations.md#local-server).
set -euo pipefail
cd "$(dirname "$0")"
SECONDS=0
scripts/prerequisites.sh run

admin_user="${MX_ADMIN_USER:-admin}"
admin_password="${MX_ADMIN_PASSWORD:-admin}"
http_port="${MX_HTTP_PORT:-8080}"
management_port="${MX_MANAGEMENT_PORT:-9000}"
# The realm sends to MX_SMTP_HOST:MX_SMTP_PORT (read when the realm is first imported): the mailbox.
smtp_port="${MX_SMTP_PORT:-1025}"
mailbox_port="${MX_MAILBOX_PORT:-8025}"
app_port=3000 # the maintenance-app client's redirect URIs name this port (realm-config)
state_dir="$PWD/.run"

# The build, unless no file of what it builds changed since the last one ran to its end (.run/built):
# even with nothing to do Maven takes 15-30 s, half of a second start.
built="$state_dir/built"
mkdir -p "$state_dir"
changed() { # the first file newer than the last build, outside target/ and node_modules/
  find pom.xml providers themes server mailbox app realm-config \( -name target -o -name node_modules \) -prune \
    -o -type f -newer "$built" -print -quit
}
if [ -f "$built" ] && compgen -G "server/target/keycloak-*/bin/kc.sh" >/dev/null \
    && [ -f mailbox/target/maintenance-access-mailbox.jar ] && [ -d app/target/classes ] && [ -z "$(changed)" ]; then
  echo "Nothing changed since the last build: reusing it (delete $built to build anyway)."
else
  echo "Building the bundle, the mailbox, the maintenance app and the server layout (mvn package -pl server,mailbox,app -am) ..."
  touch "$built.next"
  # No test classes (-Dmaven.test.skip: ./test.sh builds them), two modules at a time (-T 2: the
  # providers compile while the account console builds). The account console's npm steps skip
  # themselves when unchanged (themes/account-console/build-if-changed.mjs), and unchanged jars are
  # not rewritten, so Keycloak, which compares the providers' modification times, does not
  # rebuild itself (augmentation) either.
  # The console's type check is left to the tests' build (MX_ACCOUNT_CONSOLE_TYPECHECK=false: Vite only).
  MX_ACCOUNT_CONSOLE_TYPECHECK=false mvn -q -B -T 2 -Dmaven.test.skip=true package -pl server,mailbox,app -am
  mv "$built.next" "$built"
fi
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
# Polled often: Keycloak starts only after it (a second start's seconds count).
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://localhost:${mailbox_port}/" && break
  if ! kill -0 "$mailbox_pid" 2>/dev/null; then
    echo "The mailbox did not start (ports ${smtp_port}/${mailbox_port} taken? set MX_SMTP_PORT / MX_MAILBOX_PORT):" >&2
    cat "$state_dir/mailbox.log" >&2
    exit 1
  fi
  sleep 0.25
done

cat <<INFO

  Starting $(basename "$home") with the Maintenance Access bundle (Keycloak builds itself
  first when the bundle changed). The addresses follow once the demo data exists.
  Ctrl-C stops the server, the mailbox and the app.

INFO

export KC_BOOTSTRAP_ADMIN_USERNAME="$admin_user"
export KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password"
export MX_SMTP_HOST=localhost MX_SMTP_PORT="$smtp_port"
# Once the realm answers, create the demo accounts, their members and their roles (what exists
# is kept: a second run changes nothing), then say where everything is: only now is the demo ready.
# No time limit: a first start on a busy machine can take minutes; the trap ends this at exit.
(
  until curl -sf -o /dev/null "http://localhost:${http_port}/realms/maintenance/.well-known/openid-configuration"; do
    sleep 0.5
  done
  if realm-config/demo/seed-demo.sh "http://localhost:${http_port}" "$admin_user" "$admin_password"; then
    demo="ready: see realm-config/demo/README.md for the users"
  else
    demo="NOT ready: could not create the demo accounts (see above)"
  fi
  cat <<READY

  ==== Maintenance Access is up; the demo is ${demo%%:*} (${SECONDS} s after ./run.sh) ====
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

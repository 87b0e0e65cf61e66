#!/usr/bin/env bash
# Local demo only (run.sh calls it once the realm answers; RunCommandDemoIT runs it too):
#   1. creates each demo account (an organization, one file in accounts/) that is missing,
#      through Keycloak's admin API as the master administrator;
#   2. makes each demo user a member of every account demo-roles.txt or demo-account-roles.txt
#      names for them (cole.contractor: two);
#   3. gives each member the role templates of demo-roles.txt and the account roles of
#      demo-account-roles.txt in that account, through the bundle's people API
#      (PUT /realms/maintenance/mx/accounts/{account}/people/{userId}/templates and
#      .../account-roles) as the demo's realm operator olga.operator: the bundle, not this
#      script, decides how they are stored. Only for a person who holds none in that account
#      yet, so a second run keeps what was changed in the demo since;
#   4. sets the master realm's admin theme to the bundle's (records in words), once.
# curl and jq, one HTTP call each (the old kcadm.sh seeding started a JVM per call: 70 s).
# Realm import cannot do this: the demo users live in their own file (read after the realm
# file), and the role templates are made by the start-up import after the realm import.
#
#   seed-demo.sh http://localhost:8080 admin admin
set -euo pipefail
server="$1"; admin_user="$2"; admin_password="$3"
here="$(cd "$(dirname "$0")" && pwd)"
realm=maintenance
operator=olga.operator operator_password=Demo-Operator-2026 # as in maintenance-users-0.json

# A token of the password grant through admin-cli (master: the administrator; the realm: the
# operator). Each grant hashes a password, the slowest call here on a busy machine: one token
# each, the administrator's asked again after 50 s (the master realm's tokens live one minute).
token() { # realm user password
  curl -sf "$server/realms/$1/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$2" --data-urlencode "password=$3" | jq -r .access_token
}
admin_at=-100
admin() { # the administrator's token, in $admin
  if [ $((SECONDS - admin_at)) -gt 50 ]; then admin=$(token master "$admin_user" "$admin_password"); admin_at=$SECONDS; fi
}
# One call: prints the body; fails (with the answer on stderr) unless the status is 2xx.
call() { # token method path [body]
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    ${4:+--data-binary "$4"} "$server$3")
  if [[ "$status" == 2* ]]; then cat "$out"; rm -f "$out"; return 0; fi
  echo "$2 $3: HTTP $status $(cat "$out")" >&2
  rm -f "$out"
  return 1
}

# The rows of a list (comments and blank lines left out), and the pairs "user account" of both.
rows() { grep -v '^[[:space:]]*#' "$here/$1" | awk 'NF'; }
members() { { rows demo-roles.txt; rows demo-account-roles.txt; } | awk '{print $1, $2}' | sort -u; }

admin
# The master realm's admin console, where the administrator above works, reads personnel
# authorizations in words too: its admin theme becomes the bundle's, as the maintenance realm's
# is (docs/authorizations.md). Only when it is not yet, so a second run writes nothing.
if [ "$(call "$admin" GET /admin/realms/master | jq -r '.adminTheme // ""')" != maintenance ]; then
  call "$admin" PUT /admin/realms/master '{"adminTheme": "maintenance"}' >/dev/null
  echo "the master realm's admin console uses the maintenance admin theme"
fi
organizations=$(call "$admin" GET "/admin/realms/$realm/organizations?briefRepresentation=true&max=1000")
for file in "$here"/accounts/*.json; do
  alias=$(jq -r .alias "$file")
  if ! jq -e --arg a "$alias" 'any(.[]; .alias == $a)' <<<"$organizations" >/dev/null; then
    call "$admin" POST "/admin/realms/$realm/organizations" "$(cat "$file")" >/dev/null
    echo "demo account $alias created"
  fi
done
organizations=$(call "$admin" GET "/admin/realms/$realm/organizations?briefRepresentation=true&max=1000")
users=$(call "$admin" GET "/admin/realms/$realm/users?briefRepresentation=true&max=1000")
org_id() { jq -r --arg a "$1" '.[] | select(.alias == $a) | .id' <<<"$organizations"; }
user_id() {
  local id
  id=$(jq -r --arg u "$1" '.[] | select(.username == $u) | .id' <<<"$users")
  [ -n "$id" ] || { echo "no demo user $1 (maintenance-users-0.json)" >&2; return 1; }
  echo "$id"
}

declare -A memberships=()
while read -r username account; do
  if [ -z "${memberships[$account]+set}" ]; then
    admin
    memberships[$account]=$(call "$admin" GET "/admin/realms/$realm/organizations/$(org_id "$account")/members?briefRepresentation=true&max=1000")
  fi
  if ! jq -e --arg u "$username" 'any(.[]; .username == $u)' <<<"${memberships[$account]}" >/dev/null; then
    admin
    call "$admin" POST "/admin/realms/$realm/organizations/$(org_id "$account")/members" "\"$(user_id "$username")\"" >/dev/null
  fi
done < <(members)
echo "demo users are members of their demo accounts"

# Templates and account roles as each account's people list reports them, set for whoever holds
# none there. The role templates are made by the start-up import, which may still be running: a
# PUT is retried for up to a minute while it fails (400: no such template yet).
operator_token=$(token "$realm" "$operator" "$operator_password")
declare -A people=()
set_once() { # account username field path-segment body
  if [ -z "${people[$1]+set}" ]; then
    people[$1]=$(call "$operator_token" GET "/realms/$realm/mx/accounts/$1/people?max=100")
  fi
  if jq -e --arg u "$2" --arg f "$3" 'any(.people[]; .username == $u and (.[$f] | length) > 0)' <<<"${people[$1]}" >/dev/null; then
    return 0
  fi
  local path
  path="/realms/$realm/mx/accounts/$1/people/$(user_id "$2")/$4"
  for _ in $(seq 1 30); do
    call "$operator_token" PUT "$path" "$5" >/dev/null 2>&1 && return 0
    sleep 2
  done
  call "$operator_token" PUT "$path" "$5" >/dev/null # the last try, with its answer on stderr
}
list() { jq -cn --arg k "$1" --arg v "$2" '{($k): [$v | splits(" +")]}'; }
while read -r username account templates; do
  set_once "$account" "$username" templates templates "$(list templates "$templates")"
done < <(rows demo-roles.txt)
echo "demo users have their role templates"
while read -r username account roles; do
  set_once "$account" "$username" accountRoles account-roles "$(list roles "$roles")"
done < <(rows demo-account-roles.txt)
echo "demo users have their account roles"

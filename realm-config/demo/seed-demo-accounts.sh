#!/usr/bin/env bash
# Local demo only (run.sh calls it once the server answers): creates each demo account
# (an organization, one file in accounts/) that is missing, makes every demo user whose
# e-mail domain is one of the account's domains a member, and gives the demo users the
# role templates of demo-roles.txt. Realm import cannot do this: the demo users live in
# their own file, and the templates are made by the start-up import after the realm import.
set -euo pipefail
kcadm="$1"; server="$2"; user="$3"; password="$4"
here="$(cd "$(dirname "$0")" && pwd)"
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
k() { "$kcadm" "$@" --config "$config"; }

k config credentials --server "$server" --realm master --user "$user" --password "$password" >/dev/null
for file in "$here"/accounts/*.json; do
  alias=$(sed -n 's/.*"alias": *"\([^"]*\)".*/\1/p' "$file")
  domain=$(sed -n 's/.*"domains".*"name": *"\([^"]*\)".*/\1/p' "$file")
  if [ -n "$(k get organizations -r maintenance -q search="$alias" --fields id --format csv --noquotes)" ]; then
    continue
  fi
  org=$(k create organizations -r maintenance -f "$file" -i)
  for member in $(k get users -r maintenance -q search="@$domain" --fields id --format csv --noquotes); do
    k create "organizations/$org/members" -r maintenance -b "\"$member\"" >/dev/null
  done
  echo "demo account $alias created with the demo users of $domain"
done

for _ in $(seq 1 30); do
  k get roles/planner -r maintenance >/dev/null 2>&1 && break
  sleep 1
done
grep -v '^#' "$here/demo-roles.txt" | while read -r username roles; do
  [ -n "$username" ] || continue
  for role in $roles; do
    k add-roles -r maintenance --uusername "$username" --rolename "$role" >/dev/null
  done
done
echo "demo users have their role templates"

# Account roles (docs/security-model.md): membership of /mx-accounts/<account>/<role>, made here
# because the demo accounts are made here; a deployment's operators do the same in the console.
group_id() { k get "group-by-path/$1" -r maintenance --fields id --format csv --noquotes 2>/dev/null || true; }
ensure_group() { # path parent-id name
  local id; id=$(group_id "$1")
  if [ -z "$id" ]; then
    if [ -z "$2" ]; then id=$(k create groups -r maintenance -s name="$3" -i)
    else id=$(k create "groups/$2/children" -r maintenance -s name="$3" -i); fi
  fi
  echo "$id"
}
grep -v '^#' "$here/demo-account-roles.txt" | while read -r username account role; do
  [ -n "$username" ] || continue
  root=$(ensure_group "mx-accounts" "" "mx-accounts")
  parent=$(ensure_group "mx-accounts/$account" "$root" "$account")
  group=$(ensure_group "mx-accounts/$account/$role" "$parent" "$role")
  uid=$(k get users -r maintenance -q username="$username" -q exact=true --fields id --format csv --noquotes)
  k update "users/$uid/groups/$group" -r maintenance -s realm=maintenance -s userId="$uid" -s groupId="$group" -n >/dev/null
done
echo "demo users have their account roles"

#!/usr/bin/env bash
# What the two commands need besides this repository, installed with apt when it is missing
# (Debian 12 and alike): ./run.sh asks for `run`, ./test.sh for `test`.
#
#   scripts/prerequisites.sh run    Java 17, Maven, curl, jq, Node (18 or newer) and npm
#   scripts/prerequisites.sh test   the same, plus Chromium and ChromeDriver (browser tests)
#                                   and the Docker engine (docker.io: the image tests, with
#                                   debootstrap and unzip for their stand-in base images)
#
# Nothing is installed that is already there. Installing needs root: as root apt-get runs
# directly, otherwise through sudo; when neither works it says what to install and fails.
set -euo pipefail

what="${1:-}"
case "$what" in
  run|test) ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
need() { # package, when the command is missing
  command -v "$2" >/dev/null 2>&1 || missing+=("$1")
}

# Java 17 or newer (the bundle is compiled for 17; Keycloak 26.7 runs on 17 and 21).
java_major() { java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1; }
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  missing+=(openjdk-17-jdk-headless)
fi
need maven mvn
need curl curl
need jq jq # the demo seeding (realm-config/demo/seed-demo.sh) reads the admin API's JSON
# The account console (themes/account-console) is built with Node and npm: Vite 6 needs Node 18+.
node_major() { node --version | sed 's/^v\([0-9]*\).*/\1/'; }
if ! command -v node >/dev/null 2>&1 || [ "$(node_major)" -lt 18 ]; then
  missing+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi
if [ "$what" = test ]; then
  need chromium chromium
  need chromium-driver chromedriver
  # The engine (dockerd, in /usr/sbin: not on a non-root PATH); the build starts it when none answers.
  command -v dockerd >/dev/null 2>&1 || [ -x /usr/sbin/dockerd ] || [ -x /usr/bin/dockerd ] || missing+=(docker.io)
  # Where no registry answers, the image tests build stand-in base images (docker/standin/build.sh):
  # a Debian root file system (debootstrap) and the Keycloak zip unpacked (unzip).
  command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
  need unzip unzip
fi

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing what this machine lacks: ${missing[*]} (apt-get) ..."
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  cat >&2 <<MISSING
Cannot install ${missing[*]}: this needs root (or sudo without a password).
Install them yourself, e.g.:  sudo apt-get install ${missing[*]}
then run this command again.
MISSING
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install ${missing[*]} (or your system's equivalents) and run this command again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"

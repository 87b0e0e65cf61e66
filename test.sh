#!/usr/bin/env bash
# Command 2: every test. Installs what a fresh machine lacks (scripts/prerequisites.sh test:
# Java 17, Maven, curl, Node and npm, Chromium and ChromeDriver, the Docker engine with debootstrap
# and unzip), then runs `mvn -B verify -Dit.docker.required=true`: unit tests, the real server with
# headless Chromium, the run command's demo, the two-node clusters and the image (docs/reliability.md).
#
#   ./test.sh                               everything
#   ./test.sh -Dit.test=SomeIT              extra arguments go to mvn
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh test
# Every test means the image's too: where no Docker engine can run, fail rather than skip them.
exec mvn -B verify -Dit.docker.required=true "$@"

#!/usr/bin/env bash
# Command 2: every test. Installs what a fresh machine lacks (scripts/prerequisites.sh test:
# Java 17, Maven, curl, Node and npm, Chromium and ChromeDriver, the Docker engine), then runs
# `mvn -B verify`: unit tests, the real server with headless Chromium, the run command's demo,
# the image and the two-node cluster (docs/reliability.md).
#
#   ./test.sh                               everything
#   ./test.sh -Dit.test=SomeIT              extra arguments go to mvn
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh test
exec mvn -B verify "$@"

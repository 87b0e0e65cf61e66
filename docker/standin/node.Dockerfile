# Stand-in for node:20-bookworm (docker/standin/build.sh): Debian's Node.js (18) and npm.
ARG BASE
FROM ${BASE}
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*

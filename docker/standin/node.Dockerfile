# Stand-in for node:20-bookworm (docker/standin/build.sh): Debian's Node.js (18) and npm,
# trusting the host's own certificate authorities (certs/) besides Debian's.
ARG BASE
FROM ${BASE}
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
COPY certs/ /usr/local/share/ca-certificates/
RUN update-ca-certificates
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt

# Stand-in for maven:3.9-eclipse-temurin-17 (docker/standin/build.sh): Debian's OpenJDK 17 and
# Maven, trusting the host's own certificate authorities (certs/) besides Debian's.
ARG BASE
FROM ${BASE}
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
COPY certs/ /usr/local/share/ca-certificates/
RUN update-ca-certificates

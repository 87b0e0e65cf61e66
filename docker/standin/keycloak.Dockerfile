# Stand-in for quay.io/keycloak/keycloak (docker/standin/build.sh): Debian, OpenJDK 17 and the
# distribution zip from Maven Central, in the official image's layout.
ARG BASE
FROM ${BASE}
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 1000 --gid 0 --home-dir /opt/keycloak --no-create-home keycloak
COPY --chown=1000:0 dist/ /opt/keycloak/
USER 1000
EXPOSE 8080 9000
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]

#!/bin/sh
# Local stand-ins for the base images docker/Dockerfile names, for machines that reach no
# container registry (this project's build machines: docs/operations.md, "The image"). A test
# aid, not what production runs: production builds on the official images.
#
#   docker/standin/build.sh keycloak|maven|node      prints the stand-in's tag
#
#   debian    Debian bookworm (minbase) from debootstrap, imported into the engine
#   keycloak  + OpenJDK 17 and the Keycloak distribution zip from Maven Central, laid out like
#             the official image (/opt/keycloak owned by user 1000, entrypoint kc.sh)
#   maven     + OpenJDK 17 and Maven (Debian's)       node  + Node.js and npm (Debian's)
#
# Each is built once per machine: its tag carries a hash of its recipe (and of the Keycloak zip),
# and an image already tagged so is reused as it is. The Debian packages come from the mirror
# (DEBIAN_MIRROR); the zip from the local Maven repository (KEYCLOAK_ZIP), where the build put it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
what=${1:?keycloak, maven or node}
docker=${DOCKER:-docker}
keycloak_version=${KEYCLOAK_VERSION:-26.7.3}
keycloak_zip=${KEYCLOAK_ZIP:-$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$keycloak_version/keycloak-quarkus-dist-$keycloak_version.zip}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=${STANDIN_WORK:-${TMPDIR:-/tmp}/mx-standin}
rootfs="--variant=minbase --include=ca-certificates bookworm"

log() { echo "standin: $*" >&2; }
present() { "$docker" image inspect "$1" >/dev/null 2>&1; }
hash() { sha256sum | cut -c1-12; }

debian() {
    tag="mx-standin/debian:bookworm-$(echo "$rootfs" | hash)"
    if ! present "$tag"; then
        command -v debootstrap >/dev/null || { log "debootstrap is not installed (apt-get install debootstrap)"; exit 3; }
        log "debootstrap $rootfs from $mirror (once per machine, a few minutes)"
        rm -rf "$work/rootfs" && mkdir -p "$work"
        # shellcheck disable=SC2086
        debootstrap $rootfs "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
            || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
        # Apt's downloads and package lists are not part of an image.
        rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
        tar -C "$work/rootfs" -c . | "$docker" import - "$tag" >/dev/null
        rm -rf "$work/rootfs"
    fi
    echo "$tag"
}

# One of this folder's Dockerfiles on the Debian stand-in. Host network: the engine here has no
# bridge, and apt reaches the Debian mirror through the host.
derived() { # recipe tag context
    if ! present "$2"; then
        log "building $2"
        "$docker" build -q --network host --build-arg "BASE=$base" -f "$here/$1.Dockerfile" -t "$2" "$3" >/dev/null
    fi
    echo "$2"
}

base=$(debian)
# A stand-in's recipe: its Dockerfile, this script (which prepares the Keycloak context) and its base.
recipe() { { cat "$here/$1.Dockerfile" "$here/build.sh"; echo "$base"; } | hash; }
case "$what" in
keycloak)
    [ -f "$keycloak_zip" ] || { log "no Keycloak distribution at $keycloak_zip"; exit 3; }
    tag="mx-standin/keycloak:$keycloak_version-$( { recipe keycloak; sha256sum <"$keycloak_zip"; } | hash)"
    if ! present "$tag"; then
        rm -rf "$work/keycloak" && mkdir -p "$work/keycloak"
        unzip -q "$keycloak_zip" -d "$work/keycloak"
        mv "$work/keycloak/keycloak-$keycloak_version" "$work/keycloak/dist"
        # As the official image: a data folder, and everything writable by group 0 (the user's
        # group), so that the server writes data/ even under files a derived image adds as root.
        mkdir -p "$work/keycloak/dist/data"
        chmod -R g+rwX "$work/keycloak/dist"
    fi
    derived keycloak "$tag" "$work/keycloak"
    rm -rf "$work/keycloak" ;;
maven|node)
    # The host's own certificate authorities (/usr/local/share/ca-certificates, e.g. those of a
    # proxy that re-signs HTTPS, as on this project's build machines): Maven and npm in the
    # builder stand-ins then reach their registries as the host does.
    rm -rf "$work/certs" && mkdir -p "$work/certs"
    cp /usr/local/share/ca-certificates/*.crt "$work/certs/" 2>/dev/null || true
    derived "$what" "mx-standin/$what:$( { recipe "$what"; cat "$work/certs/"* 2>/dev/null || true; } | hash)" "$work"
    rm -rf "$work/certs" ;;
*) log "unknown stand-in: $what"; exit 2 ;;
esac

#!/bin/sh
# Builds the JRE base image of the Newsdesk image from Debian's packages alone, for machines that reach a Debian
# mirror but no container registry: Debian 12 (bookworm, minbase) with openjdk-17-jre-headless, curl (for health
# checks) and ca-certificates, imported into Podman's local storage and saved as docker/base/newsdesk-base.tar,
# the archive that `./mvnw package -Pimage` builds on. Run as root (debootstrap and chroot need it); needs
# debootstrap and podman; takes three to four minutes.
#
#   docker/base-image.sh          # -> localhost/newsdesk-base:17-bookworm (an argument names it otherwise)
#
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), DEBIAN_SECURITY_MIRROR (default
# http://deb.debian.org/debian-security). With a registry at hand this script is not needed: build the Newsdesk
# image on any JRE 17 base instead (src/site/markdown/container.md).
set -eu

IMAGE=${1:-localhost/newsdesk-base:17-bookworm}
ARCHIVE=$(cd "$(dirname "$0")" && pwd)/base/newsdesk-base.tar
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

for tool in debootstrap chroot podman; do
    command -v "$tool" >/dev/null || { echo "base-image.sh: $tool not found" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "base-image.sh: run as root (debootstrap and chroot need it)" >&2; exit 1; }

ROOTFS=$(mktemp -d /var/tmp/newsdesk-base.XXXXXX)
cleanup() {
    umount "$ROOTFS/proc" 2>/dev/null || true
    rm -rf "$ROOTFS"
}
trap cleanup EXIT INT TERM

echo "== debootstrap $SUITE (minbase) from $MIRROR into $ROOTFS"
debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR"

cat >"$ROOTFS/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
# no service starts inside the chroot
printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
chmod 755 "$ROOTFS/usr/sbin/policy-rc.d"

echo "== openjdk-17-jre-headless, curl, ca-certificates and the latest security updates"
# the JRE's post-install scripts run java, which needs /proc
mount -t proc proc "$ROOTFS/proc"
chroot "$ROOTFS" apt-get update -q
chroot "$ROOTFS" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends openjdk-17-jre-headless curl ca-certificates
chroot "$ROOTFS" env DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -q
chroot "$ROOTFS" java -version
ARCH=$(chroot "$ROOTFS" dpkg --print-architecture)
# the user the application runs as (uid 185 owns the application's files in the Jib image) and its working
# directory; ./data is only written by the embedded H2 database
chroot "$ROOTFS" groupadd --system --gid 185 newsdesk
chroot "$ROOTFS" useradd --system --uid 185 --gid newsdesk --home-dir /app --no-create-home \
    --shell /usr/sbin/nologin newsdesk
mkdir -p "$ROOTFS/app/data"
chown 185:185 "$ROOTFS/app" "$ROOTFS/app/data"
umount "$ROOTFS/proc"

echo "== trimming"
chroot "$ROOTFS" apt-get clean
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/var/log/* \
    "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* \
    "$ROOTFS"/usr/sbin/policy-rc.d "$ROOTFS"/tmp/* "$ROOTFS"/dev/*
find "$ROOTFS/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} +

echo "== podman import as $IMAGE"
tar -C "$ROOTFS" --numeric-owner -c . | podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change "ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$ARCH" \
    --change 'WORKDIR /app' \
    --change 'CMD ["/bin/bash"]' \
    --message "Debian $SUITE minbase with openjdk-17-jre-headless (docker/base-image.sh)" \
    - "$IMAGE"
podman image ls "$IMAGE"

echo "== podman save as $ARCHIVE"
mkdir -p "$(dirname "$ARCHIVE")"
rm -f "$ARCHIVE"
podman save --format docker-archive -o "$ARCHIVE" "$IMAGE"
ls -l "$ARCHIVE"

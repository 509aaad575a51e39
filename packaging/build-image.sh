#!/usr/bin/env bash
# Builds the container image localhost/jkms:VERSION without any image registry, and saves it as
# target/jkms-VERSION-oci.tar:
#   1. mmdebstrap makes a minimal Debian root file system with the Java 17 runtime, from the same Debian
#      archive this machine's apt uses (its sources are handed to mmdebstrap), without documentation;
#   2. podman imports it as localhost/jkms-base:VERSION;
#   3. podman builds packaging/Containerfile on it, with the release files (./mvnw -Prelease package).
# Needs root, mmdebstrap, podman and runc. PODMAN_RUNTIME (default runc) picks the OCI runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
runtime=${PODMAN_RUNTIME:-runc}
version=$(sed -n 's/^version=//p' target/classes/io/jkms/cli/version.properties 2>/dev/null || true)
if [ ! -f target/jkms.jar ] || [ ! -f target/release/jkms.toml ] || [ -z "$version" ]; then
  ./mvnw -q -Prelease package
  version=$(sed -n 's/^version=//p' target/classes/io/jkms/cli/version.properties)
fi
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
work=target/image
rm -rf "$work"
mkdir -p "$work/context/bin"

# This machine's Debian sources (deb822 or one-line), so the image comes from the archive apt already trusts.
sources=${JKMS_IMAGE_SOURCES:-}
if [ -z "$sources" ]; then
  for candidate in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    if [ -s "$candidate" ] && grep -q '^[^#]' "$candidate"; then sources=$candidate; break; fi
  done
fi
[ -n "$sources" ] || { echo "build-image: no Debian apt sources found; set JKMS_IMAGE_SOURCES" >&2; exit 1; }

echo "build-image: root file system ($suite, openjdk-17-jre-headless) ..." >&2
# No documentation, manuals or translations (the copyright files stay); no apt lists or caches. man1 itself must
# exist: update-alternatives links java.1.gz there and fails without it.
mmdebstrap --quiet --variant=minbase --include=openjdk-17-jre-headless \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --essential-hook='mkdir -p "$1"/usr/share/man/man1' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*.log' \
  "$suite" "$work/rootfs.tar" - < "$sources"

podman rmi --force "localhost/jkms-base:$version" >/dev/null 2>&1 || true
podman import --quiet "$work/rootfs.tar" "localhost/jkms-base:$version" >/dev/null

cp packaging/bin/jkms "$work/context/bin/jkms"
cp packaging/healthcheck packaging/Containerfile target/jkms.jar target/release/jkms.toml LICENSE "$work/context/"
# Docker format: OCI image configs have no HEALTHCHECK.
podman build --quiet --runtime "$runtime" --network host --format docker \
  --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 \
  --build-arg "BASE=localhost/jkms-base:$version" -t "localhost/jkms:$version" -f "$work/context/Containerfile" \
  "$work/context" >/dev/null
rm -f "target/jkms-$version-oci.tar"
podman save --quiet --format oci-archive -o "target/jkms-$version-oci.tar" "localhost/jkms:$version"
rm -rf "$work"
size=$(podman image inspect --format '{{.Size}}' "localhost/jkms:$version")
echo "build-image: localhost/jkms:$version, $((size / 1000000)) MB; saved target/jkms-$version-oci.tar" \
  "($(($(stat -c %s "target/jkms-$version-oci.tar") / 1000000)) MB)" >&2

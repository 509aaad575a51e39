#!/usr/bin/env bash
# Builds the container image localhost/jkms:VERSION without any image registry, and saves it as
# target/jkms-VERSION-oci.tar:
#   1. mmdebstrap makes a minimal Debian root file system (minbase), from the same Debian archive this machine's
#      apt uses (its sources are handed to mmdebstrap), without documentation;
#   2. jlink makes a Java runtime of the modules jkms uses, from this machine's JDK 17 (Debian's
#      openjdk-17-jdk-headless, which has the jmods): about a third of openjdk-17-jre-headless with the X11,
#      font and printing libraries it pulls in;
#   3. podman imports the root file system as localhost/jkms-base:VERSION and builds packaging/Containerfile on
#      it, with the runtime and the release files (./mvnw -Prelease package).
# Needs root, mmdebstrap, podman, runc and a JDK 17 with jmods. PODMAN_RUNTIME (default runc) picks the OCI
# runtime; JKMS_IMAGE_JDK the JDK (default: the one javac on the PATH belongs to).
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

echo "build-image: root file system ($suite, minbase) ..." >&2
# No documentation, manuals or translations (the copyright files stay); no apt lists or caches.
mmdebstrap --quiet --variant=minbase \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*.log' \
  "$suite" "$work/rootfs.tar" - < "$sources"

podman rmi --force "localhost/jkms-base:$version" >/dev/null 2>&1 || true
podman import --quiet "$work/rootfs.tar" "localhost/jkms-base:$version" >/dev/null

jdk=${JKMS_IMAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -d "$jdk/jmods" ] || { echo "build-image: $jdk has no jmods (install openjdk-17-jdk-headless)" >&2; exit 1; }
# What jdeps --print-module-deps finds in the jar, and what it cannot see because it is loaded by name: the JNDI
# DNS provider (jkms activate --discover), EC and the charsets (PostgreSQL over TLS), zipfs.
modules=java.base,java.desktop,java.naming,java.net.http,java.security.jgss,java.sql,jdk.management,jdk.unsupported
modules=$modules,jdk.naming.dns,jdk.crypto.ec,jdk.charsets,jdk.zipfs,java.security.sasl
echo "build-image: Java runtime (jlink from $jdk) ..." >&2
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$work/context/java"

cp packaging/bin/jkms "$work/context/bin/jkms"
cp packaging/healthcheck packaging/Containerfile target/jkms.jar target/release/jkms.toml LICENSE "$work/context/"
previous=$(podman image inspect --format '{{.Id}}' "localhost/jkms:$version" 2>/dev/null || true)
# Docker format: OCI image configs have no HEALTHCHECK.
podman build --quiet --runtime "$runtime" --network host --format docker \
  --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 \
  --build-arg "BASE=localhost/jkms-base:$version" -t "localhost/jkms:$version" -f "$work/context/Containerfile" \
  "$work/context" >/dev/null
# The image this replaced, and the base (its layers live on in the image): nothing piles up over rebuilds.
current=$(podman image inspect --format '{{.Id}}' "localhost/jkms:$version")
if [ -n "$previous" ] && [ "$previous" != "$current" ]; then podman rmi "$previous" >/dev/null 2>&1 || true; fi
podman rmi "localhost/jkms-base:$version" >/dev/null 2>&1 || true
rm -f "target/jkms-$version-oci.tar"
podman save --quiet --format oci-archive -o "target/jkms-$version-oci.tar" "localhost/jkms:$version"
rm -rf "$work"
size=$(podman image inspect --format '{{.Size}}' "localhost/jkms:$version")
echo "build-image: localhost/jkms:$version, $((size / 1000000)) MB; saved target/jkms-$version-oci.tar" \
  "($(($(stat -c %s "target/jkms-$version-oci.tar") / 1000000)) MB)" >&2

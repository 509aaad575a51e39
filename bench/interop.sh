#!/usr/bin/env bash
# The interop matrix: independent KMS clients (vlmcs, and py-kms's client when given) activate against
# `./jkms serve` (registry on, in a scratch data dir) under each network I/O transport, over every protocol
# version, transfer syntax and bind mode those clients offer. Nothing here builds the clients: point it at
# binaries you built yourself.
#
#   bench/interop.sh --vlmcs /path/to/vlmcs [--pykms-client /path/to/pykms_Client.py] [--python python3]
#                    [--io "io_uring epoll nio"]
#
# Prints one Markdown table (transport x client mode: passed/total) and exits 1 if any activation failed.
# A transport the machine cannot run (io_uring under a seccomp filter, say) is reported as unavailable, not failed.
# Loopback only; the host listens on a free port it picks itself (port 0); every client run is bounded by timeout.
set -euo pipefail
cd "$(dirname "$0")/.."

vlmcs=""; pykms=""; python=python3; transports="io_uring epoll nio"
while [ $# -gt 0 ]; do
  case "$1" in
    --vlmcs) vlmcs="$2"; shift 2 ;;
    --pykms-client) pykms="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    --io) transports="$2"; shift 2 ;;
    *) echo "interop: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$vlmcs" ] || { echo "interop: --vlmcs PATH (an executable vlmcs) is required" >&2; exit 2; }

scratch=$(mktemp -d /tmp/jkms-interop.XXXXXX)
host_pid=""
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT

# vlmcs -l numbers: Windows 10 Pro, Windows 7 Pro, Server 2019 Datacenter, Vista Business, Office 2010, 2013,
# 2016 and 2019 Professional Plus.
apps="26 38 3 112 125 143 174 194"
# Bind modes: NDR64 and BTFN offered (as Windows 7+), NDR32 only, one of each, separate binds (-p),
# and a new TCP connection per request with three requests.
modes=("-N1 -B1" "-N0 -B0" "-N1 -B0" "-N0 -B1" "-p" "-T -n 3")

start_host() { # transport -> sets port, left empty when the transport is unavailable
  local io=$1 out="$scratch/host-$1.out"
  port=""
  ./jkms serve --listen 127.0.0.1:0 --web off --io "$io" --data-dir "$scratch/data-$io" \
    >"$out" 2>"$scratch/host-$io.err" &
  host_pid=$!
  local deadline=$((SECONDS + 60))
  until grep -q 'listening on' "$out"; do
    if ! kill -0 "$host_pid" 2>/dev/null; then wait "$host_pid" || true; host_pid=""; return 0; fi
    [ $SECONDS -lt $deadline ] || { echo "interop: the host did not start with --io $io" >&2; exit 1; }
    sleep 0.2
  done
  port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$out" | head -1 | cut -d: -f2)
}

stop_host() { kill "$host_pid"; wait "$host_pid" || true; host_pid=""; }

failed=0
declare -A cell
for io in $transports; do
  start_host "$io"
  if [ -z "$port" ]; then
    cell[$io]="unavailable: $(head -c 200 "$scratch/host-$io.err" | tr '\n' ' ')"
    continue
  fi
  for mode in "${modes[@]}"; do
    ok=0; total=0
    for version in 4 5 6; do
      for app in $apps; do
        total=$((total + 1))
        # shellcheck disable=SC2086 # the mode is a list of flags
        if out=$(timeout 20 "$vlmcs" "127.0.0.1:$port" -$version -l "$app" $mode 2>&1) \
            && grep -q -- '-> [0-9]\{5\}-' <<<"$out"; then
          ok=$((ok + 1))
        else
          failed=1; echo "interop: FAILED --io $io vlmcs -$version -l $app $mode: $(tail -2 <<<"$out")" >&2
        fi
      done
    done
    cell["$io|vlmcs $mode"]="$ok/$total"
  done
  if [ -n "$pykms" ]; then
    ok=0; total=0
    for product in WindowsVista Windows7 Windows8 Windows8.1 Windows10 Office2010 Office2013 Office2016 Office2019; do
      total=$((total + 1))
      if out=$(cd "$(dirname "$pykms")" && timeout 20 "$python" "$(basename "$pykms")" 127.0.0.1 "$port" \
            -m "$product" -V INFO -F STDOUT 2>&1) && grep -q 'KMS Host ePID' <<<"$out"; then
        ok=$((ok + 1))
      else
        failed=1; echo "interop: FAILED --io $io py-kms -m $product: $(tail -2 <<<"$out")" >&2
      fi
    done
    cell["$io|py-kms"]="$ok/$total"
  fi
  grep -q 'ERROR' "$scratch/host-$io.out" && { failed=1; echo "interop: the host logged errors under --io $io" >&2; }
  stop_host
done

columns=(); for mode in "${modes[@]}"; do columns+=("vlmcs $mode"); done
[ -n "$pykms" ] && columns+=("py-kms")
printf '| transport |'; printf ' %s |' "${columns[@]}"; echo
printf '|---|'; printf -- '---|%.0s' "${columns[@]}"; echo
for io in $transports; do
  if [ -n "${cell[$io]:-}" ]; then echo "| $io | ${cell[$io]} |"; continue; fi
  printf '| %s |' "$io"; for c in "${columns[@]}"; do printf ' %s |' "${cell[$io|$c]}"; done; echo
done
exit "$failed"

#!/usr/bin/env bash
# Side-by-side loopback benchmark of jkms against the ceiling (../shared/bench/kmsceiling) and, when given,
# another KMS host binary (e.g. a vlmcsd you built yourself: --other /path/to/vlmcsd --other-args "-D -N1").
# Every server listens on 127.0.0.1 only; every load run is bounded by --duration. Servers alternate within
# each round, and the table reports the median of the rounds. See BENCHMARKS.md for method and figures.
#
#   bench/compare.sh [--rounds 3] [--duration 8] [--other PATH] [--other-args "ARGS"] [--jvm "FLAGS"]
#                    [--generator kmsload|jkms] [--only NAME[,NAME...]]
# --only runs some scenarios (names as bench/profile.sh's: c1, c8, c64, c256, k100, c64-s4000), for a quick look;
# the figures of BENCHMARKS.md come from runs of all of them.
# --generator jkms drives the load with this repository's own generator (jkms bench: distinct clients, V6
# Windows 11 Pro, 2 s of unmeasured warm-up per run) instead of ../shared/bench/kmsload (one captured request).
# Besides the one-address scenarios: c=64 with 4,000 source addresses (kmsload -s 4000, each connection from
# one of 127.1.0.0/16, as clients on a real network; kmsload only), and jkms-info, the registry-on host at
# the default --log-level info (one line per activation, to a file here), measured at c=64 only.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3; duration=8; other=""; other_args="-D -N1"; jvm=""; generator=kmsload; only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --other) other=$2; shift 2 ;;
    --other-args) other_args=$2; shift 2 ;;
    --jvm) jvm=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$generator" in kmsload|jkms) ;; *) echo "--generator: kmsload or jkms, not $generator" >&2; exit 2 ;; esac
. bench/common.sh
build_kmsload
gcc -O2 -pthread -o "$out/kmsceiling" "$shared/kmsceiling.c"
./jkms serve --help >/dev/null   # builds target/jkms.jar and its class-data archive when needed

trap stop_servers EXIT

declare -A port pid
# jkms as a user runs it (./jkms, registry on), and stateless (--registry off, what vlmcsd does).
# The load comes from one address, 127.0.0.1: the per-address limits (meant for real networks, where each
# machine is its own address) are lifted so that they do not throttle the generator.
start_jkms() { # name, log level, extra args...
  local name=$1 level=$2; shift 2
  port[$name]=$(free_port)
  ./jkms serve --listen "127.0.0.1:${port[$name]}" --log-level "$level" --connection-rate 0 \
    --max-connections-per-address 0 --data-dir "$out/data-$name" --web off "$@" >"$out/$name.log" 2>&1 &
  pid[$name]=$!; pids+=("$!")
}
[ -n "$jvm" ] && export JKMS_JAVA_OPTS="$jvm"
rm -rf "$out"/data-*
start_jkms jkms warn
start_jkms jkms-stateless warn --registry off
start_jkms jkms-info info
port[ceiling]=$(free_port)
"$out/kmsceiling" "${port[ceiling]}" "$pdus/v6-win10-pro-ndr32.bind_ack.hex" "$pdus/v6-win10-pro-ndr32.response.hex" 2 \
  >"$out/ceiling.log" 2>&1 &
pid[ceiling]=$!; pids+=("$!")
servers=(jkms jkms-stateless jkms-info ceiling)
if [ -n "$other" ]; then
  port[other]=$(free_port)
  # shellcheck disable=SC2086
  "$other" $other_args -L "127.0.0.1:${port[other]}" >"$out/other.log" 2>&1 &
  pid[other]=$!; pids+=("$!"); servers+=(other)
fi
for s in "${servers[@]}"; do wait_port "${port[$s]}"; done


# Warm-up: the JIT compiles the hot path in the first seconds.
for s in jkms jkms-stateless jkms-info; do
  "$out/kmsload" -q -b "$bind" -r "$request" -c 64 -k 1 -d 10 "127.0.0.1:${port[$s]}" >/dev/null || true
  "$out/kmsload" -q -b "$bind" -r "$request" -c 8 -k 100 -d 5 "127.0.0.1:${port[$s]}" >/dev/null || true
done

# One measured run: prints kmsload's RESULT line (jkms bench's JSON is turned into the same fields).
load() { # concurrency, per connection, port, source addresses (0: 127.0.0.1 only)
  if [ "$generator" = kmsload ]; then
    local sources=()
    [ "$4" -gt 0 ] && sources=(-s "$4")
    "$out/kmsload" -q -b "$bind" -r "$request" -c "$1" -k "$2" "${sources[@]}" -d "$duration" "127.0.0.1:$3"
    return
  fi
  local mode=(--mode connection)
  [ "$2" -gt 1 ] && mode=(--mode keepalive --per-connection "$2")
  java -XX:+UseSerialGC -jar target/jkms.jar bench "127.0.0.1:$3" -c "$1" "${mode[@]}" -d "${duration}s" \
      --warmup 2s --json | python3 -c '
import json, sys
r = json.load(sys.stdin); l = r["latencyMicros"]
print("RESULT ok=%d err=%d secs=%.3f rate=%.1f p50=%d p90=%d p99=%d max=%d conns=%d" % (r["activations"],
      sum(r["errors"].values()), r["seconds"], r["activationsPerSecond"], l["p50"], l["p90"], l["p99"], l["max"],
      r["connections"]))'
}

warm_factor=1
[ "$generator" = jkms ] && warm_factor=$(awk -v d="$duration" 'BEGIN{print (d + 2) / d}')
scenarios=("c1 1 1 0" "c8 8 1 0" "c64 64 1 0" "c256 256 1 0" "k100 8 100 0")
[ "$generator" = kmsload ] && scenarios+=("c64-s4000 64 1 4000")
results="$out/results.txt"; : >"$results"
for round in $(seq "$rounds"); do
  for sc in "${scenarios[@]}"; do
    read -r name c k src <<<"$sc"
    [ -n "$only" ] && [[ ",$only," != *",$name,"* ]] && continue
    for s in "${servers[@]}"; do
      [ "$s" = jkms-info ] && [ "$c" != 64 ] && continue
      before=$(cpu_ticks "${pid[$s]}")
      line=$(load "$c" "$k" "${port[$s]}" "$src" || true)
      after=$(cpu_ticks "${pid[$s]}")
      ok=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$line")
      # jkms bench's warm-up loads the host too, at about the measured rate: count its activations as estimated.
      cpu_us=$(awk -v t=$((after - before)) -v hz="$tck" -v n="$ok" -v f="$warm_factor" \
        'BEGIN{printf "%.1f", n ? t / hz * 1e6 / (n * f) : 0}')
      echo "round=$round server=$s c=$c k=$k sources=$src cpu_us=$cpu_us $line" | tee -a "$results"
    done
  done
done
for s in "${servers[@]}"; do
  [ -r "/proc/${pid[$s]}/status" ] && echo "peak RSS $s: $(awk '/VmHWM/{print $2, $3}' "/proc/${pid[$s]}/status")" | tee -a "$results"
done

python3 - "$results" <<'PY'
import re, statistics, sys, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"round=\d+ server=(\S+) c=(\d+) k=(\d+) sources=(\d+) cpu_us=(\S+) RESULT (.*)", line)
    if not m:
        continue
    f = dict(kv.split("=") for kv in m.group(6).split())
    rows[(m.group(2), m.group(3), m.group(4), m.group(1))].append((float(f["rate"]), int(f["p50"]), int(f["p99"]),
                                                                   float(m.group(5)), int(f["err"])))
print("\n| c | per conn | sources | server | activations/s | p50 µs | p99 µs | host CPU µs/activation | errors |")
print("|---:|---:|---:|---|---:|---:|---:|---:|---:|")
for key in sorted(rows, key=lambda k: (int(k[1]), int(k[0]), int(k[2]), k[3])):
    r = rows[key]
    med = lambda i: statistics.median(x[i] for x in r)
    print(f"| {key[0]} | {key[1]} | {key[2] if key[2] != '0' else 1} | {key[3]} | {med(0):,.0f} | {med(1):,.0f} | "
          f"{med(2):,.0f} | {med(3):.1f} | {sum(x[4] for x in r)} |")
PY

#!/usr/bin/env bash
# Where the host's CPU time goes, per scenario of bench/compare.sh (BENCHMARKS.md, "Where the time goes").
#
# Starts jkms through ./jkms (its default JVM flags and class-data archive, registry on, SQLite) at --log-level
# warn and a second one at the default info, warms both up, then for each scenario attaches async-profiler
# (CPU samples from a per-process interval timer, event=itimer, so no perf events are needed), drives the host
# with ../shared/bench kmsload for --duration seconds, stops the profiler and writes the collapsed stacks.
# The stacks are sorted into areas (Netty I/O and system calls, framing, RPC/KMS codec, crypto, activation
# policy, registry, logging, JIT/GC, ...) and printed as one Markdown table: share of the host's CPU samples
# per area and scenario, and the host CPU time per activation over the same window.
#
#   bench/profile.sh [--duration 5] [--warmup 16] [--interval 1ms] [--only NAME[,NAME...]] [--keep DIR]
#                    [-- extra serve options, e.g. --registry off]
# Scenarios: c1 (c=1, one activation per connection), c64 (c=64), c64-s4000 (c=64 from 4,000 source
# addresses), k100 (c=8, 100 activations per connection), c64-info (c=64 at --log-level info). Bounded: about
# 1.75 x --warmup per host, then --duration + ~1 s per scenario (2 minutes in all by default). The itimer
# ticks at the kernel's HZ (250 here), so a sample stands for ~4 ms of CPU whatever --interval says. Loopback only. async-profiler comes from Maven Central
# (tools.profiler:async-profiler, through ./mvnw into ~/.m2); needs gcc, python3 and unzip (bench/attach.py loads the agent as jcmd would, options intact).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=5; warmup=16; interval=1ms; only=""; keep=""; profiler_version=4.6
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in gcc python3 unzip; do
  command -v "$tool" >/dev/null || { echo "profile: $tool is needed" >&2; exit 2; }
done
. bench/common.sh
work=$(realpath -m "${keep:-$out/profile}") # absolute: the agent resolves the file against the host's own directory
mkdir -p "$work"
build_kmsload
./jkms serve --help >/dev/null   # builds target/jkms.jar and its class-data archive when needed

# async-profiler's agent, unpacked from its jar in the local Maven repository (fetched once).
profiler_jar=~/.m2/repository/tools/profiler/async-profiler/$profiler_version/async-profiler-$profiler_version.jar
[ -f "$profiler_jar" ] || ./mvnw -q dependency:get -Dartifact="tools.profiler:async-profiler:$profiler_version" >&2
lib="$PWD/$out/async-profiler-$profiler_version/libasyncProfiler.so"
if [ ! -f "$lib" ]; then
  mkdir -p "$(dirname "$lib")"
  unzip -p "$profiler_jar" linux-x64/libasyncProfiler.so >"$lib"
fi

trap stop_servers EXIT

declare -A port pid
start_jkms() { # name, log level, extra args... (the load comes from one address: per-address limits lifted)
  local name=$1 level=$2; shift 2
  port[$name]=$(free_port)
  rm -rf "$work/data-$name"
  ./jkms serve --listen "127.0.0.1:${port[$name]}" --log-level "$level" --connection-rate 0 \
    --max-connections-per-address 0 --data-dir "$work/data-$name" --web off "$@" >"$work/$name.log" 2>&1 &
  pid[$name]=$!; pids+=("$!")
}
start_jkms jkms warn "$@"
start_jkms jkms-info info "$@"
for s in jkms jkms-info; do wait_port "${port[$s]}" 300; done
# Warm-up: C2 keeps compiling for tens of seconds on two shared cores (it took over half the samples after a
# 9 s warm-up), and what is measured here is a host that has been running, so the warm-up is long.
for s in jkms jkms-info; do
  "$out/kmsload" -q -b "$bind" -r "$request" -c 64 -k 1 -d "$warmup" "127.0.0.1:${port[$s]}" >/dev/null || true
  "$out/kmsload" -q -b "$bind" -r "$request" -c 8 -k 100 -d $((warmup / 2)) "127.0.0.1:${port[$s]}" >/dev/null || true
  "$out/kmsload" -q -b "$bind" -r "$request" -c 1 -k 1 -d $((warmup / 4)) "127.0.0.1:${port[$s]}" >/dev/null || true
done

# name, host, concurrency, activations per connection, source addresses (0: 127.0.0.1 only)
scenarios=("c1 jkms 1 1 0" "c64 jkms 64 1 0" "c64-s4000 jkms 64 1 4000" "k100 jkms 8 100 0" "c64-info jkms-info 64 1 0")
summary="$work/summary.txt"; : >"$summary"
for sc in "${scenarios[@]}"; do
  read -r name host c k src <<<"$sc"
  [ -n "$only" ] && [[ ",$only," != *",$name,"* ]] && continue
  p=${pid[$host]}
  sources=(); [ "$src" -gt 0 ] && sources=(-s "$src")
  rm -f "$work/$name.collapsed"
  python3 bench/attach.py "$p" "$lib" "start,event=itimer,interval=$interval,threads" >/dev/null
  before=$(cpu_ticks "$p")
  line=$("$out/kmsload" -q -b "$bind" -r "$request" -c "$c" -k "$k" "${sources[@]}" -d "$duration" \
    "127.0.0.1:${port[$host]}" || true)
  after=$(cpu_ticks "$p")
  python3 bench/attach.py "$p" "$lib" "stop,file=$work/$name.collapsed,collapsed" >/dev/null
  ok=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$line")
  cpu_us=$(awk -v t=$((after - before)) -v hz="$tck" -v n="${ok:-0}" 'BEGIN{printf "%.1f", n ? t / hz * 1e6 / n : 0}')
  echo "scenario=$name host=$host c=$c k=$k sources=$src cpu_us=$cpu_us $line" | tee -a "$summary"
done

for s in jkms jkms-info; do
  [ -r "/proc/${pid[$s]}/status" ] && echo "peak RSS $s: $(awk '/VmHWM/{print $2, $3}' "/proc/${pid[$s]}/status")"
done
python3 bench/profile_table.py "$work" "$summary"

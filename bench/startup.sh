#!/usr/bin/env bash
# Start-up time of `./jkms serve` with an existing registry: launch -> the KMS port accepts, and launch -> the
# first activation answered (one kmsload activation sent as soon as the port accepts; a C client, so no
# second JVM start is counted). Median of --runs (default 5). Listens on 127.0.0.1 only, dashboard off.
# Also the host's CPU time (user + system, all threads) at both points: on a shared machine the wall times
# mostly measure the other load, the CPU time much less so.
#
#   bench/startup.sh [--runs 5] [--cds on|off] [--launcher ./jkms] [-- extra serve options]
# --cds off runs without the class-data archive (JKMS_CDS=off); JKMS_JAVA_OPTS is passed on as the launcher
# takes it. The first, unmeasured run builds the jar and the archive when needed and creates the registry.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5; cds=on; launcher=./jkms
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --cds) cds=$2; shift 2 ;;
    --launcher) launcher=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$cds" in on|off) ;; *) echo "--cds: on or off, not $cds" >&2; exit 2 ;; esac
. bench/common.sh
build_kmsload
data="$out/startup-data"
export JKMS_CDS=$cds

now_ms() { date +%s%3N; }
pid=""
stop() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=""; }
trap stop EXIT

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }

# One start: prints "listen_ms answer_ms listen_cpu_ms answer_cpu_ms", or fails when the host is not listening within 60 s.
start_once() {
  local port t0 t_listen t_answer line c_listen c_answer
  port=$(free_port)
  t0=$(now_ms)
  "$launcher" serve --listen "127.0.0.1:$port" --web off --data-dir "$data" --log-level warn "$@" \
    >"$out/startup.log" 2>&1 &
  pid=$!
  for _ in $(seq 6000); do # 10 ms steps, at most 60 s
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "host exited: $(tail -3 "$out/startup.log")" >&2; return 1; }
    sleep 0.01
  done
  t_listen=$(now_ms)
  c_listen=$(cpu_ms "$pid")
  line=$("$out/kmsload" -q -b "$bind" -r "$request" \
    -c 1 -k 1 -n 1 -t 10000 -d 30 "127.0.0.1:$port" || true)
  t_answer=$(now_ms)
  c_answer=$(cpu_ms "$pid")
  stop
  [[ "$line" == *" ok=1 "* ]] || { echo "first activation not answered: $line" >&2; return 1; }
  echo "$((t_listen - t0)) $((t_answer - t0)) $c_listen $c_answer"
}

start_once "$@" >/dev/null # builds what is missing, creates and migrates the registry
results=()
for i in $(seq "$runs"); do
  r=$(start_once "$@")
  read -r wl wa cl ca <<<"$r"
  echo "run $i: listening after $wl ms (CPU $cl ms), first activation answered after $wa ms (CPU $ca ms)"
  results+=("$r")
done
printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
rows = [tuple(map(int, l.split())) for l in sys.stdin if l.strip()]
med = lambda i: statistics.median(r[i] for r in rows)
print("median of %d (cds %s): listening %d ms (CPU %d ms), first activation answered %d ms (CPU %d ms)"
      % (len(rows), sys.argv[1], med(0), med(2), med(1), med(3)))' "$cds"

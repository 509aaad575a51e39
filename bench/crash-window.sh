#!/usr/bin/env bash
# What a kill -9 under load loses from the client registry (BENCHMARKS.md, "Registry: what a crash loses").
#
# Builds a registry of --rows history rows (default 1,000,000) with the sqlite3 CLI, starts `./jkms serve` on
# it (the launcher's JVM flags), loads it with `jkms bench` (distinct clients) or kmsload from ../shared/bench,
# samples /api/health every second, kills the host with SIGKILL after --kill-after seconds, then counts what
# the clients were answered (acknowledged) against what the registry holds after a restart (recorded).
#
#   bench/crash-window.sh [--rows N] [--mode keepalive|connection] [--concurrency C] [--kill-after S]
#                         [--generator jkms|kmsload] [--keep DIR] [--jar JAR (another build, to compare)]
#
# Loopback only, bounded: the load runs --kill-after + 5 seconds. Needs sqlite3, curl, python3 (and gcc for
# kmsload).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=1000000 mode=keepalive concurrency=8 kill_after=30 generator=jkms keep="" jar="$here/target/jkms.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --kill-after) kill_after=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in sqlite3 curl python3; do
  command -v "$tool" >/dev/null || { echo "crash-window: $tool is needed" >&2; exit 2; }
done

work=$(mktemp -d /tmp/jkms-crash-window.XXXXXX)
host_pid=""
cleanup() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then kill -KILL "$host_pid"; fi
  if [ -z "$keep" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
[ -n "$keep" ] && echo "work directory: $work"

# A copy of the jar, so that a rebuild during the run changes nothing.
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -DskipTests package)
cp "$jar" "$work/jkms.jar"
opts="-XX:+UseSerialGC -Xms16m -Xmx96m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+IgnoreUnrecognizedVMOptions \
-XX:TrimNativeHeapInterval=1000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xmn8m -XX:SurvivorRatio=2"
kms_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
web_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

start_host() {
  # shellcheck disable=SC2086
  java $opts -jar "$work/jkms.jar" serve --listen "127.0.0.1:$kms_port" --web "127.0.0.1:$web_port" \
    --data-dir "$work/data" --log-level warn --connection-rate 0 --max-connections-per-address 0 \
    >>"$work/host.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$web_port/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "crash-window: host did not start; see $work/host.log" >&2
  exit 1
}

stop_host() {
  kill -TERM "$host_pid"
  wait "$host_pid" || true
  host_pid=""
}

# 1. The schema (the host migrates it), then the rows, straight into SQLite: history spread over 30 days,
#    50,000 machines, time-ordered event IDs as the host makes them.
start_host
stop_host
t0=$(date +%s)
template="/tmp/jkms-crash-window-$rows.db"
if [ -f "$template" ]; then
  echo "registry: a copy of $template (built by an earlier run of this script)"
  cp "$template" "$work/data/registry.db"
  rm -f "$work/data/registry.db-wal" "$work/data/registry.db-shm"
else
echo "filling the registry with $rows history rows ..."
t0=$(date +%s)
sqlite3 "$work/data/registry.db" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
CREATE TEMP TABLE machines AS
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
  SELECT i, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
         || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) AS cmid FROM n;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $rows - 1)
INSERT INTO activations (event_id, at, cmid, app_id, sku_id, kms_id, workstation, license_status, virtual_machine,
                         protocol_major, client_address, epid, hresult, took_micros)
SELECT lower(printf('%012x', at) || '-7' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2)
             || '-' || hex(randomblob(6))) AS event_id,
       at, m.cmid, '55c92734-d682-4d71-983e-d6ec3f16059f', '2de67392-b7a7-462a-b1ca-108dd189f588',
       '58e2134f-8e11-4d17-9cb2-91069c151148', 'PREFILL-' || m.i, 2, 0, 6, '10.0.' || (m.i / 250) || '.' || (m.i % 250),
       '03612-00206-556-123727-03-1033-26100.0000-3082024', 0, 150
FROM (SELECT i, (strftime('%s', 'now') - 30 * 86400) * 1000 + i * (30 * 86400000 / $rows) AS at FROM n) t
JOIN machines m ON m.i = t.i % 50000;
INSERT INTO clients (cmid, app_id, workstation, sku_id, kms_id, license_status, virtual_machine, protocol_major,
                     client_address, first_seen, last_seen, requests, epid, last_hresult)
SELECT cmid, app_id, min(workstation), min(sku_id), min(kms_id), 2, 0, 6, min(client_address), min(at), max(at),
       count(*), min(epid), 0 FROM activations GROUP BY cmid, app_id;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
cp "$work/data/registry.db" "$template"
fi
prefilled=$(sqlite3 "$work/data/registry.db" "SELECT COUNT(*) FROM activations")
echo "registry: $prefilled history rows, $(sqlite3 "$work/data/registry.db" "SELECT COUNT(*) FROM clients") clients," \
  "$(du -m "$work/data/registry.db" | cut -f1) MB, built in $(( $(date +%s) - t0 )) s"

# 2. The host on it, under load; /api/health every second.
start_host
curl -sf "http://127.0.0.1:$web_port/readyz" >/dev/null || true
duration=$((kill_after + 5))
case "$generator" in
  jkms)
    # shellcheck disable=SC2086
    java -XX:+UseSerialGC -jar "$work/jkms.jar" bench "127.0.0.1:$kms_port" --mode "$mode" \
      --concurrency "$concurrency" --duration "${duration}s" --warmup 0s --timeout 2s --json >"$work/load.out" 2>&1 &
    ;;
  kmsload)
    bench="$here/../shared/bench"
    gcc -O2 -pthread -o "$work/kmsload" "$bench/kmsload.c"
    per=1; [ "$mode" = keepalive ] && per=100
    "$work/kmsload" -b "$bench/pdus/v6-win10-pro-ndr32.1-bind.hex" -r "$bench/pdus/v6-win10-pro-ndr32.2-request-ndr32.hex" \
      -c "$concurrency" -k "$per" -d "$duration" -s 4000 -q "127.0.0.1:$kms_port" >"$work/load.out" 2>&1 &
    ;;
  *) echo "unknown generator $generator" >&2; exit 2 ;;
esac
load_pid=$!
: >"$work/health.jsonl"
for _ in $(seq 1 "$kill_after"); do
  sleep 1
  { curl -s --max-time 1 "http://127.0.0.1:$web_port/api/health" | tr -d '\n' || true; echo; } >>"$work/health.jsonl"
done
# The load pauses (SIGSTOP) for the last sample, so that no activation is answered or dropped between it and
# the kill: the drop count is then exact. The writer goes on for those few milliseconds, so the loss measured
# is at most a few hundred records smaller than with no pause.
kill -STOP "$load_pid"
last=$(curl -s --max-time 1 "http://127.0.0.1:$web_port/api/health" | tr -d '\n' || true)
kill -KILL "$host_pid"
kill -CONT "$load_pid"
wait "$host_pid" 2>/dev/null || true
host_pid=""
echo "$last" >>"$work/health.jsonl"
wait "$load_pid" || true

# 3. What the clients were told against what the registry kept (SQLite recovers its WAL on open).
total=$(sqlite3 "$work/data/registry.db" "SELECT COUNT(*) FROM activations")
recorded=$((total - prefilled))
HEALTH="$work/health.jsonl" LOAD="$work/load.out" GEN="$generator" RECORDED="$recorded" python3 - <<'PY'
import json, os, re
samples = []
for line in open(os.environ["HEALTH"]):
    line = line.strip()
    if line.startswith("{"):
        health = json.loads(line)
        r = health["registry"]
        r["status"] = health["status"]
        r.setdefault("lagSeconds", 0.0)  # builds before these fields existed
        r.setdefault("stored", 0)
        samples.append(r)
load = open(os.environ["LOAD"]).read()
if os.environ["GEN"] == "jkms":
    acknowledged = json.loads(load[load.index("{"):])["activations"]
else:
    acknowledged = int(re.search(r"\bok=(\d+)", load).group(1))
recorded = int(os.environ["RECORDED"])
last = samples[-1]
print("health samples (s: status queueDepth lagSeconds dropped stored):")
for i, s in enumerate(samples):
    print(f"  {i + 1:3d}: {s['status']:8s} {s['queueDepth']:6d} {s['lagSeconds']:6.1f} {s['dropped']:7d} {s['stored']:8d}"
          + (f"  {s['problem'][:90]}" if "problem" in s else ""))
rates = [b["stored"] - a["stored"] for a, b in zip(samples, samples[1:])]
steady = rates[len(rates) // 3:] or rates
print(f"writer: {sum(steady) / max(1, len(steady)):.0f} records/s over the last two thirds"
      f" (max lag seen {max(s['lagSeconds'] for s in samples):.1f} s, max queue {max(s['queueDepth'] for s in samples)})")
lost = acknowledged - recorded
print(f"acknowledged {acknowledged}, recorded {recorded}, missing {lost}: dropped before the kill"
      f" {last['dropped']} (counted), lost to the kill {lost - last['dropped']}"
      f" (at the last sample: {last['status']}, queue {last['queueDepth']}, lag {last['lagSeconds']:.1f} s)")
PY

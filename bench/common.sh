# Sourced by the bench scripts, from the repository's root: where ../shared/bench's C tools and captured PDUs
# are, the load generator built from them, and the helpers every script needs. Loopback only.
shared=../shared/bench
out=target/bench
pdus=$shared/pdus
# The exchange kmsload replays: a V6 Windows 10 Pro request over an NDR32 + BTFN bind.
bind=$pdus/v6-win10-pro-ndr32.1-bind.hex
request=$pdus/v6-win10-pro-ndr32.2-request-ndr32.hex
tck=$(getconf CLK_TCK)

build_kmsload() { mkdir -p "$out" && gcc -O2 -pthread -o "$out/kmsload" "$shared/kmsload.c"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits until 127.0.0.1:PORT accepts, polling every 0.1 s, at most TENTHS polls (default 100: 10 s).
wait_port() {
  for _ in $(seq "${2:-100}"); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of a process, in clock ticks

# The servers a script starts, stopped when it exits however it exits.
pids=()
stop_servers() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }

#!/usr/bin/env python3
"""Turns bench/profile.sh's collapsed stacks (async-profiler, one `frame;frame;... count` line per stack, the
thread as the first frame) into a Markdown table: the share of the host's CPU samples per area and scenario.

    bench/profile_table.py WORK_DIR SUMMARY_FILE

Each sample goes to one area: first by its thread (the JIT compilers, the collector and the VM thread are
JIT/GC; the registry's writer is registry; Logback's worker is logging), then by its frames from the leaf
towards the root, the first frame that belongs to an area deciding. Frames that any area uses (the JDK's
collections and strings, Netty's buffers, the JVM's allocation stubs) decide nothing, so that a copy made by
the framer counts as framing and an allocation in the codec as codec. A system call counts as I/O wherever it
is made from an I/O thread.
"""
import collections
import re
import sys
from pathlib import Path

AREAS = ["Netty I/O and system calls", "framing", "RPC/KMS codec", "crypto (AES/SHA/HMAC/DRBG)",
         "connection handling (gate, limits, handler, timers)", "activation policy and catalog", "registry",
         "metrics", "logging", "JIT/GC", "other"]

THREADS = [
    (re.compile(r"^\[(C1|C2) Compiler|^\[(VM Thread|GC|VM Periodic|Service Thread|Sweeper|Monitor Defl)"), "JIT/GC"),
    (re.compile(r"^\[registry"), "registry"),
    (re.compile(r"^\[(AsyncAppender|log-writer)"), "logging"),
]

# Checked in this order for each frame, leaf first; the first pattern that matches a frame decides.
FRAMES = [
    (re.compile(r"^(ch/qos/logback|org/slf4j|io/jkms/logging/|io/jkms/host/ActivationLog|com/fasterxml/jackson)"),
     "logging"),
    (re.compile(r"^(javax/crypto|com/sun/crypto|sun/security|java/security|io/jkms/protocol/(KmsCrypto|Rijndael|"
                r"AesTables)|io/jkms/host/ThreadLocalSecureRandom)"), "crypto (AES/SHA/HMAC/DRBG)"),
    (re.compile(r"^(io/jkms/registry|org/sqlite|org/postgresql|com/zaxxer|org/flywaydb)"), "registry"),
    (re.compile(r"^(io/micrometer|io/prometheus|io/jkms/metrics/)"), "metrics"),
    (re.compile(r"^(io/jkms/host/PduFrameDecoder|io/netty/handler/codec/ByteToMessageDecoder)"), "framing"),
    (re.compile(r"^(io/jkms/rpc/|io/jkms/protocol/|io/jkms/wire/)"), "RPC/KMS codec"),
    (re.compile(r"^(io/jkms/host/(Activation|ClientCount|ClientCounter|HostIdentity|CsvlkIdentity|Epid)|"
                r"io/jkms/activation/|io/jkms/catalog/)"), "activation policy and catalog"),
    (re.compile(r"^(io/jkms/host/|io/netty/handler/timeout|io/netty/handler/ipfilter)"),
     "connection handling (gate, limits, handler, timers)"),
    (re.compile(r"^(io/netty/channel|io/netty/util/concurrent|sun/nio|java/nio/channels|"
                r"Java_io_netty|netty_|__?(send|recv|read|write|close|accept|epoll|shutdown|libc_|sys)|"
                r"(send|sendto|sendmsg|recv|recvfrom|recvmsg|read|write|writev|readv|close|accept4?|epoll_\w+|"
                r"shutdown|setsockopt|getsockopt|getpeername|getsockname|syscall|io_uring\w*|fcntl)$|"
                r"\[kernel\]|_\[k\]$)"), "Netty I/O and system calls"),
    (re.compile(r"^(.*GC|.*Collect|DefNewGeneration|TenuredGeneration|SerialHeap|GenCollectedHeap|"
                r"CompileBroker|Compile::|C2Compiler|Compilation::|Interpreter|TemplateInterpreter)"), "JIT/GC"),
]


def area_of(frames):
    thread = frames[0]
    for pattern, area in THREADS:
        if pattern.search(thread):
            return area
    for frame in reversed(frames[1:]):
        for pattern, area in FRAMES:
            if pattern.search(frame):
                return area
    return "Netty I/O and system calls" if "jkms-io" in thread or "epoll" in thread else "other"


def shares(path):
    counts = collections.Counter()
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            counts[area_of(stack.split(";"))] += int(count)
    return counts


def main(work, summary):
    runs = []
    for line in Path(summary).read_text().splitlines():
        fields = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
        collapsed = Path(work) / f"{fields['scenario']}.collapsed"
        if collapsed.exists():
            runs.append((fields, shares(collapsed)))
    if not runs:
        sys.exit("profile: no profiles to read")
    names = {"c1": "c=1", "c64": "c=64", "c64-s4000": "c=64, -s 4000", "k100": "100 per conn, c=8",
             "c64-info": "c=64, info"}
    print("| area | " + " | ".join(names.get(f["scenario"], f["scenario"]) for f, _ in runs) + " |")
    print("|---|" + "---:|" * len(runs))
    for area in AREAS:
        cells = []
        for _, counts in runs:
            total = sum(counts.values())
            cells.append(f"{100 * counts[area] / total:.1f} %" if total else "–")
        print(f"| {area} | " + " | ".join(cells) + " |")
    print("| samples | " + " | ".join(f"{sum(c.values()):,}" for _, c in runs) + " |")
    print("| activations/s | " + " | ".join(f"{float(f.get('rate', 0)):,.0f}" for f, _ in runs) + " |")
    print("| host CPU µs/activation | " + " | ".join(f.get("cpu_us", "?") for f, _ in runs) + " |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

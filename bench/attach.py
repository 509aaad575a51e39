#!/usr/bin/env python3
"""Loads a JVMTI agent into a running HotSpot JVM (the attach protocol jcmd and asprof use), passing its
options verbatim (jcmd's JVMTI.agent_load would split them at '='). Prints the agent's answer; exits non-zero
when the JVM refuses the load or the agent returns an error.

    bench/attach.py PID /abs/path/libasyncProfiler.so 'start,event=itimer,interval=1ms'
"""
import os
import signal
import socket
import sys
import time


def attach_socket(pid):
    path = f"/tmp/.java_pid{pid}"
    if not os.path.exists(path):
        trigger = f"/proc/{pid}/cwd/.attach_pid{pid}"
        open(trigger, "w").close()
        try:
            os.kill(pid, signal.SIGQUIT)  # the JVM's attach listener starts when it sees the trigger file
            deadline = time.monotonic() + 10
            while not os.path.exists(path) and time.monotonic() < deadline:
                time.sleep(0.02)
        finally:
            os.unlink(trigger)
    return path


def main(pid, library, options):
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(30)
    s.connect(attach_socket(pid))
    s.sendall(b"\0".join([b"1", b"load", library.encode(), b"true", options.encode()]) + b"\0")
    answer = b""
    while chunk := s.recv(4096):
        answer += chunk
    lines = answer.decode(errors="replace").splitlines()
    if not lines or lines[0].strip() != "0" or (len(lines) > 1 and lines[1].strip() not in ("0", "return code: 0")):
        sys.exit(f"attach: load refused: {answer.decode(errors='replace').strip()}")
    print("\n".join(lines[2:]))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3])

#!/usr/bin/python3
"""Warm-path cost of `ticket-alarm run` against a plain Playwright loop, side by side in one run.

Both sides crawl the same sites from the same HAR files (fixtures/<site>/main.har) with the same
extract scripts, at the same interval, for the same number of cycles, in the same Chromium:
  ticket-alarm        `run --replay-dir` as configured by default (warm polling on)
  ticket-alarm cold   the same with full_navigation_every 1 (every cycle renders every site)
  playwright          bench/playwright_loop.mjs: one kept browser, a new context per site per cycle
CPU is that of the whole process tree (controller + every Chromium process), read from the
kernel's accounting of reaped children: this script is the tree's subreaper, so nothing escapes.
PSS is the tree's total, sampled every second. Prints the ratio against Playwright.

Usage: bench/warm_cpu.py [--cycles 12] [--interval 10] [--sites interpark,yes24,melon,ticketlink]
Installs playwright-core into build/bench-node on first use (npm); needs build/ticket-alarm.
"""
import argparse
import ctypes
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PR_SET_CHILD_SUBREAPER = 36


def main_case_url(site):
    with open(os.path.join(ROOT, "fixtures", site, "cases.json")) as f:
        return next(c for c in json.load(f) if c["name"] == "main")["url"]


def playwright_dir():
    node_dir = os.path.join(ROOT, "build", "bench-node")
    pw = os.path.join(node_dir, "node_modules", "playwright-core")
    if not os.path.isdir(pw):
        os.makedirs(node_dir, exist_ok=True)
        with open(os.path.join(node_dir, "package.json"), "w") as f:
            f.write('{"private": true}\n')
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "playwright-core@1"], cwd=node_dir, check=True)
    return pw


def descendants():
    """Every process below this script: the measured tree, orphans it adopted as subreaper included
    (Playwright starts Chromium in a session of its own, so sessions would not find it)."""
    parent = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parent[int(name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            pass
    me, found = os.getpid(), []
    for pid in parent:
        p, seen = parent.get(pid), 0
        while p and p != me and seen < 64:
            p, seen = parent.get(p), seen + 1
        if p == me:
            found.append(pid)
    return found


def tree_pss_kib():
    total = 0
    for pid in descendants():
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def reap(block=False):
    """Reaps every finished child (orphans of the tree included); returns the pids reaped."""
    reaped = []
    while True:
        try:
            pid, _ = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return reaped
        if pid == 0:
            return reaped
        reaped.append(pid)
        if block:
            return reaped


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def measure(name, argv, env, done, stop, output_path):
    """Runs argv in a session of its own until done(output) (then stop(pid)) or until it exits."""
    cpu_before = children_cpu()
    started = time.monotonic()
    with open(output_path, "w") as out:
        proc = subprocess.Popen(argv, env=env, start_new_session=True, stdout=out, stderr=subprocess.STDOUT)
    pss, main_alive, stopped = [], True, False
    while main_alive:
        time.sleep(1)
        pss.append(tree_pss_kib())
        if proc.pid in reap():
            main_alive = False
        elif not stopped and done(read_text(output_path)):
            stop(proc.pid)
            stopped = True
    wall = time.monotonic() - started
    deadline = time.monotonic() + 20
    while descendants() and time.monotonic() < deadline:
        reap()
        time.sleep(0.2)
    left = descendants()
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    while reap():
        pass
    steady = [p for p in pss if p > 0][2:] or [0]
    return {"name": name, "cpu_s": children_cpu() - cpu_before, "wall_s": wall, "pss_median_mb": statistics.median(steady) / 1024,
            "pss_max_mb": max(steady) / 1024, "left": len(left), "output": read_text(output_path)}


def ticket_alarm_side(name, args, sites, work, full_every):
    data = os.path.join(work, name.replace(" ", "-"))
    replay = os.path.join(data, "replay")
    os.makedirs(replay)
    for site in sites:
        shutil.copy(os.path.join(ROOT, "fixtures", site, "main.har"), os.path.join(replay, site + ".har"))
    config = {"DISCORD_WEBHOOK_URL": "", "sources": sites, "interval": args.interval, "jitter_s": 0,
              "detail_pages": 0, "full_navigation_every": full_every, "data_dir": os.path.join(data, "data"),
              "log": {"dir": os.path.join(data, "logs")}}
    config_path = os.path.join(data, "config.json")
    with open(config_path, "w") as f:
        json.dump(config, f)
    env = dict(os.environ, TICKET_ALARM_WEBHOOK_URL="")
    wanted = args.cycles * len(sites)
    done = lambda out: out.count("크롤링 완료") + out.count("크롤링 실패") >= wanted
    result = measure(name, [args.binary, "run", "--config", config_path, "--replay-dir", replay], env, done,
                     lambda pid: os.kill(pid, signal.SIGTERM), os.path.join(data, "output.txt"))
    out = result["output"]
    result["cycles"] = args.cycles
    result["failed"] = out.count("크롤링 실패")
    result["warm_reads"] = out.count("다시 읽기")
    return result


def playwright_side(args, sites, work):
    jobs = [f"{s}={os.path.join(ROOT, 'fixtures', s, 'main.har')}={main_case_url(s)}" for s in sites]
    argv = ["node", os.path.join(ROOT, "bench", "playwright_loop.mjs"), playwright_dir(), str(args.cycles),
            str(args.interval)] + jobs
    result = measure("playwright", argv, dict(os.environ), lambda out: False, lambda pid: None,
                     os.path.join(work, "playwright.txt"))
    out = result["output"]
    result["cycles"] = out.count("cycle ")
    result["failed"] = out.count("error:")
    result["warm_reads"] = 0
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cycles", type=int, default=12)
    p.add_argument("--interval", type=int, default=10)
    p.add_argument("--sites", default="interpark,yes24,melon,ticketlink")
    p.add_argument("--binary", default=os.path.join(ROOT, "build", "ticket-alarm"))
    args = p.parse_args()
    sites = args.sites.split(",")
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"warm_cpu: {args.binary} is missing: build first (scripts/setup.sh)")
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("warm_cpu: cannot become the subreaper of the measured trees")
    playwright_dir()
    work = tempfile.mkdtemp(prefix="ticket-alarm-bench-")
    try:
        results = [ticket_alarm_side("ticket-alarm", args, sites, work, 10),
                   ticket_alarm_side("ticket-alarm cold", args, sites, work, 1),
                   playwright_side(args, sites, work)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    peer = results[-1]
    peer_per_cycle = peer["cpu_s"] / max(1, peer["cycles"])
    print(f"sites {', '.join(sites)}; {args.cycles} cycles at interval {args.interval} s; CPU of the whole tree")
    print(f"{'side':<20}{'cycles':>7}{'failed':>7}{'warm':>6}{'CPU s':>8}{'CPU/cycle':>11}{'vs PW':>7}"
          f"{'PSS med MB':>12}{'PSS max MB':>12}{'left':>6}")
    for r in results:
        per_cycle = r["cpu_s"] / max(1, r["cycles"])
        print(f"{r['name']:<20}{r['cycles']:>7}{r['failed']:>7}{r['warm_reads']:>6}{r['cpu_s']:>8.1f}{per_cycle:>11.2f}"
              f"{per_cycle / peer_per_cycle:>7.2f}{r['pss_median_mb']:>12.0f}{r['pss_max_mb']:>12.0f}{r['left']:>6}")
    if any(r["left"] for r in results):
        sys.exit("warm_cpu: processes outlived their side (killed)")


if __name__ == "__main__":
    main()

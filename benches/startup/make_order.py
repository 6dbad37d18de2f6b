#!/usr/bin/env python3
"""Writes benches/startup/order.txt: the functions the reader runs up to its first frame,
which build.rs hands to the linker (lld's --symbol-ordering-file) so that they lie
together at the start of the code, and a start faults in a few 64 KB windows of it
rather than one for each function scattered over 6 MB (BENCHMARKS.md, "The start's
code in one place").

usage: python3 benches/startup/make_order.py

Builds the release binary as `cargo build --release` and as `cargo test --release` build
it (the tests' dev-dependencies turn on other features of shared crates, which changes
most symbols' hashes, and `cargo bench` builds it as the tests do), and lists the
functions of both. Runs each under valgrind's callgrind in a 120x40 pty, on the bundled
samples (twice: first with none of their listings kept, then with all of them kept by a
run before), on one briefing named alone and on a long one (its body repeated to 1 MB, which
the reader reads by its head); the test hook BRIEF_TEST_PANIC ends each run after its first
frame. Every instruction executed, on every thread but those that run SQLite (the index
and the review state, which start after the first frame), is mapped to the function
holding it through `nm`. Needs valgrind, nm and python3.
"""
import bisect, fcntl, glob, json, os, re, select, struct, subprocess, sys, tempfile, termios

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BRIEF = os.path.join(ROOT, "target/x86_64-unknown-linux-gnu/release/brief")
BUILDS = [["cargo", "build", "--release", "--bin", "brief"],
          ["cargo", "test", "--release", "--no-run"]]
SAMPLE = "briefings/libya-ohchr-geneva.json"
# The samples, the samples with their listings kept (`KEPT`: see `keeping_home`), one
# briefing named alone, and a long one (read by its head: see `long_briefing`).
STARTS = [["briefings/"], ["KEPT", "briefings/"], [SAMPLE], ["LONG"]]
# The panic's report after the frame: not part of a start.
LEFT_OUT = re.compile(r"gimli|addr2line|backtrace_rs|rustc_demangle|miniz_oxide")


def start_env(home, **more):
    return dict(os.environ, HOME=home, XDG_STATE_HOME=home, XDG_CACHE_HOME=home,
                XDG_CONFIG_HOME=home, LC_ALL="C.UTF-8", TERM="xterm-256color", **more)


def keeping_home(args):
    """A home in which the reader has run on `args` long enough to keep its listings."""
    home = tempfile.mkdtemp()
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    child = subprocess.Popen([BRIEF] + args, stdin=slave, stdout=slave, stderr=slave,
                             env=start_env(home), start_new_session=True, cwd=ROOT)
    os.close(slave)
    kept = []
    for _ in range(600):
        kept = glob.glob(os.path.join(home, "brief", "*.listings"))
        if kept:
            break
        # Drained, so that the reader never waits on a full terminal.
        if select.select([master], [], [], 0.05)[0]:
            try:
                os.read(master, 65536)
            except OSError:
                pass
    child.kill()
    child.wait()
    os.close(master)
    if not kept:
        sys.exit(f"no listings kept by {BRIEF} {args}")
    return home


def run_callgrind(args, out_prefix):
    home = tempfile.mkdtemp()
    if args[0] == "KEPT":
        args = args[1:]
        home = keeping_home(args)
    env = start_env(home, BRIEF_TEST_PANIC="1")
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    def own_terminal():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    command = ["valgrind", "--tool=callgrind", "--separate-threads=yes", "--dump-instr=yes",
               f"--callgrind-out-file={out_prefix}.%p", BRIEF] + args
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                             preexec_fn=own_terminal, cwd=ROOT)
    os.close(slave)
    while True:
        try:
            if not os.read(master, 65536):
                break
        except OSError:
            break
    child.wait()
    os.close(master)


def executed(path):
    """Addresses executed in one thread's callgrind file, and whether it ran SQLite."""
    addresses, address, sqlite = set(), 0, False
    for line in open(path, errors="replace"):
        if line.startswith(("fn=", "cfn=")):
            sqlite = sqlite or "sqlite3" in line
            continue
        position = re.match(r"(0x[0-9a-f]+|[+-]\d+|\*)\s", line)
        if position:
            at = position.group(1)
            address = int(at, 16) if at.startswith("0x") else address + (0 if at == "*" else int(at))
            addresses.add(address)
    return addresses, sqlite


def functions(binary):
    symbols = []
    listing = subprocess.run(["nm", "-S", binary], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[2] in "tTWw":
            symbols.append((int(fields[0], 16), int(fields[1], 16), fields[3]))
    return sorted(symbols)


def long_briefing(folder):
    """The sample's body repeated to about 1 MB, so that the reader reads its head."""
    with open(os.path.join(ROOT, SAMPLE)) as sample:
        briefing = json.load(sample)
    briefing.pop("translations", None)
    briefing["body"] = briefing["body"] * (1 + 1_000_000 // len(json.dumps(briefing["body"])))
    path = os.path.join(folder, "long.json")
    with open(path, "w") as out:
        json.dump(briefing, out, ensure_ascii=False)
    return path


def start_functions():
    """The functions the release binary as it is now runs to its first frames."""
    work = tempfile.mkdtemp()
    long = long_briefing(work)
    for n, args in enumerate(STARTS):
        args = [long if arg == "LONG" else arg for arg in args]
        run_callgrind(args, os.path.join(work, f"start{n}"))
    addresses = set()
    for path in glob.glob(os.path.join(work, "start*-*")):
        found, sqlite = executed(path)
        if not sqlite:
            addresses |= found
    symbols = functions(BRIEF)
    starts = [start for start, _, _ in symbols]
    order, seen = [], set()
    # valgrind loads a static PIE at its link addresses: no offset to take away.
    for address in sorted(addresses):
        at = bisect.bisect_right(starts, address) - 1
        if at < 0:
            continue
        start, size, name = symbols[at]
        if address >= start + max(size, 1) or name in seen or LEFT_OUT.search(name):
            continue
        seen.add(name)
        order.append(name)
    if len(order) < 100:
        sys.exit(f"only {len(order)} functions found: is {BRIEF} a static PIE run by valgrind?")
    return order


def main():
    order = []
    for build in BUILDS:
        subprocess.run(build, cwd=ROOT, check=True)
        order += [name for name in start_functions() if name not in order]
    with open(os.path.join(ROOT, "benches/startup/order.txt"), "w") as out:
        out.write("\n".join(order) + "\n")
    print(f"{len(order)} functions written to benches/startup/order.txt")


main()

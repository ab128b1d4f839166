#!/usr/bin/env bash
# Measures what cron and the monitor cost, side by side in one run with a reference:
# the JVM floor (a hello world started with the launcher's flags and its own class-data
# archive), the launcher as install.sh writes it, and a bash script doing the same check
# the way the old guides' scripts did (monit as well when it is installed). Not a test:
# it prints figures; --quick only fails on a gross regression.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/benchmark.sh [--jar JAR] [--runs N] [--build] [--no-menu] [--quick]
       scripts/benchmark.sh --monitor [--targets N] [--seconds S] [--warm-up W] [--with-monit] [--jar JAR] [--build]

Start-up (default): every command a new process, RUNS times (default 15), the commands
interleaved round-robin so a busy machine slows all of them alike; for each, CPU
(user + system), wall time and peak RSS as min / median / max, and the CPU ratio to
the JVM floor taken run by run (its median). The commands:
  floor         hello world: java with the launcher's flags and a class-data archive
  check         the launcher: check of a healthy tcp-listen target, 1 site file
  check-500     the same with 499 other site files beside it
  restart       the launcher: restart --force --source cron of that target
  alert         the launcher: alert --unit-failed of that target's unit, as a unit's
                OnFailure= runs it (no channels: it says so and exits 1)
  bash          a bash script doing the same check as the old guides' scripts did
                (ss for the port, a log line, an exit code)
Then a composite target whose one probe hangs (an http probe to a listener that never
answers, timeout 5s, beside a healthy tcp-listen and command probe): its check's wall
time against the 5s floor (the timeout) plus a healthy check's start-up.
The launcher and its archives come from install.sh --prefix into a temp folder, so
they are exactly what an install makes. Then, unless --no-menu (and with tmux), the
menu's time to first frame (5 starts), keypress to redraw and Esc to redraw, and the bytes
it writes to its terminal (tmux pipe-pane) for the first frame, a cursor move,
opening a menu and Esc back.

  --jar JAR      the jar to measure (default: target/watchdog-menu.jar)
  --runs N       runs per command (default 15; 5 with --quick)
  --build        build the jar first with 'mvn -B -DskipTests package'
  --quick        for CI: 5 runs, no menu; exits 1 only on a gross regression (check's
                 CPU over 6x the floor's, RSS over 90 MB, or 500 site files costing
                 1.5x one)
  --monitor      measure the continuous monitor instead: N targets (default 20), each
                 a tcp-listen probe every 10s, run S seconds (default 60) after a W
                 seconds' warm-up (default 15; 120 shows the steady state, once the
                 compiler is done) with the monitor unit's JVM options; prints RSS (mean, peak),
                 CPU (% of one core), the most threads, checks made against checks due,
                 and the monitor's lines about late or skipped checks; monit beside it
                 when installed (the same ports, a 10s cycle)
  --with-monit   with --monitor: install monit (apt-get) when it is missing, stop and
                 disable monit's own service, and measure it beside the monitor

Needs java and javac (a JDK), python3, ss (iproute2); tmux for the menu figures.
EOF
}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
here=$(pwd)

jar=target/watchdog-menu.jar
runs=
build=no
quick=no
monitor=no
seconds=60
warm_up=15
targets=20
do_menu=yes
with_monit=no
while [ $# -gt 0 ]; do
  case $1 in
    --jar)
      [ $# -ge 2 ] || { echo "benchmark.sh: --jar needs a path" >&2; exit 2; }
      jar=$2
      shift 2
      ;;
    --runs)
      [ $# -ge 2 ] || { echo "benchmark.sh: --runs needs a number" >&2; exit 2; }
      runs=$2
      shift 2
      ;;
    --seconds)
      [ $# -ge 2 ] || { echo "benchmark.sh: --seconds needs a number" >&2; exit 2; }
      seconds=$2
      shift 2
      ;;
    --warm-up)
      [ $# -ge 2 ] || { echo "benchmark.sh: --warm-up needs a number" >&2; exit 2; }
      warm_up=$2
      shift 2
      ;;
    --targets)
      [ $# -ge 2 ] || { echo "benchmark.sh: --targets needs a number" >&2; exit 2; }
      targets=$2
      shift 2
      ;;
    --build) build=yes; shift ;;
    --quick) quick=yes; do_menu=no; shift ;;
    --monitor) monitor=yes; shift ;;
    --with-monit) with_monit=yes; shift ;;
    --no-menu) do_menu=no; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "benchmark.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$runs" ] || { [ "$quick" = yes ] && runs=5 || runs=15; }
for n in "$runs" "$seconds" "$targets" "$warm_up"; do
  case $n in
    '' | *[!0-9]* | 0) echo "benchmark.sh: --runs, --seconds, --warm-up and --targets want a positive number, not '$n'" >&2; exit 2 ;;
  esac
done
for tool in java javac jar python3 ss; do
  command -v "$tool" >/dev/null || { echo "benchmark.sh: needs $tool (a JDK, python3, iproute2)" >&2; exit 1; }
done

if [ "$with_monit" = yes ]; then
  [ "$monitor" = yes ] || { echo "benchmark.sh: --with-monit goes with --monitor" >&2; exit 2; }
  if ! command -v monit >/dev/null; then
    echo "benchmark.sh: installing monit (apt-get) to measure it beside the monitor" >&2
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y monit; } >"$(mktemp)" 2>&1 \
      || { echo "benchmark.sh: could not install monit with apt-get" >&2; exit 1; }
  fi
  # only the benchmark's own monit runs: not the one the package starts as a service
  if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
    systemctl disable --now monit >/dev/null 2>&1 || true
  elif command -v service >/dev/null; then
    service monit stop >/dev/null 2>&1 || true
  fi
fi

if [ "$build" = yes ]; then
  mvn -B -DskipTests package
fi
[ -f "$jar" ] || { echo "benchmark.sh: no jar at '$jar' (build it, or pass --build)" >&2; exit 1; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

work=$(mktemp -d)
server_pid=
silent_pid=
monit_pid=
cleanup() {
  for p in "$server_pid" "$silent_pid" "$monit_pid"; do
    if [ -n "$p" ]; then
      kill "$p" 2>/dev/null || true
      wait "$p" 2>/dev/null || true
    fi
  done
  if [ -n "${tmux_socket:-}" ]; then
    tmux -L "$tmux_socket" kill-server 2>/dev/null || true
  fi
  rm -rf -- "$work"
}
trap cleanup EXIT

# A listener the targets' tcp-listen probes find (and monit's port tests connect to).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -c '
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
while True:  # monit connects; the tcp-listen probes only look for the listener
    c, _ = s.accept(); c.close()
' "$port" &
server_pid=$!
for _ in $(seq 50); do
  ss -Hltn "sport = :$port" | grep -q . && break
  sleep 0.1
done

# The launcher and its class-data archives, exactly as install.sh makes them.
"$here/install.sh" --prefix "$work/inst" --no-build "$jar" >"$work/install.log" 2>&1 \
  || { echo "benchmark.sh: install.sh --prefix failed:" >&2; tail -n 20 "$work/install.log" >&2; exit 1; }
launcher=$work/inst/usr/local/bin/watchdog-menu

# The JVM flags of the launcher (for the floor and the monitor): what follows "java"
# up to -XX:SharedArchiveFile on its last line.
read -r -a flags <<<"$(tail -n 1 "$launcher" | sed 's/^exec [^ ]* //; s/ -XX:SharedArchiveFile=.*//')"
quiet=(-Xlog:disable -Xlog:all=warning:stderr)

target_file() { # target_file ID PORT
  cat <<EOF
id: $1
service: {kind: command, restart: ["/bin/true"]}
probes:
  - {type: tcp-listen, port: $2}
policy: {retries: 1, interval: 10s}
EOF
}

# --- continuous monitor ------------------------------------------------------------

# The JVM options of templates/monitor.service (keep the two in step).
monitor_opts=(-Xms8m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:MaxMetaspaceSize=48m -XX:TieredStopAtLevel=1
  -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
  -XX:-UsePerfData)
monitor_env=(MALLOC_ARENA_MAX=2)

# Runs the monitor command given after "--" (or monit) for W + S seconds; prints
# "mean_rss_mb peak_rss_mb cpu_percent max_threads checks_made late_lines skipped_lines".
# Checks are counted in the targets' health logs under ROOT (none for monit).
measure_daemon() { # measure_daemon ROOT WARM SECONDS OUT -- ARGV...
  python3 -c '
import glob, os, signal, subprocess, sys, time
root, warm, seconds, out, argv = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[6:]
p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=open(out, "w"), stderr=subprocess.STDOUT)
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    f = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
def status():
    d = {}
    for line in open(f"/proc/{p.pid}/status"):
        k, _, v = line.partition(":")
        d[k] = v.split()
    return int(d["VmRSS"][0]) / 1024, int(d["Threads"][0])
def checks():
    n = 0
    for f in glob.glob(f"{root}/var/log/*-health.log"):
        n += sum(1 for l in open(f, errors="replace") if "Health Check Start" in l)
    return n
time.sleep(warm)
if p.poll() is not None:
    sys.exit(f"benchmark.sh: {argv[0]} exited ({p.returncode}); see its output: {open(out).read()[-2000:]}")
c0, n0, t0, rss, threads = cpu(), checks(), time.monotonic(), [], []
while time.monotonic() - t0 < seconds:
    r, t = status()
    rss.append(r); threads.append(t)
    time.sleep(1)
used = (cpu() - c0) / (time.monotonic() - t0) * 100
made = checks() - n0
p.send_signal(signal.SIGTERM)
p.wait(120)
text = open(out, errors="replace").read()
late = sum(1 for l in text.splitlines() if "started late" in l)
skipped = sum(1 for l in text.splitlines() if "turn is skipped" in l)
print(f"{sum(rss) / len(rss):.0f} {max(rss):.0f} {used:.2f} {max(threads)} {made} {late} {skipped}")
' "$@"
}

if [ "$monitor" = yes ]; then
  r=$work/m
  mkdir -p "$r/etc/watchdog-menu/targets" "$r/var/log" "$r/var/lib/watchdog-menu"
  ids=()
  for i in $(seq -w 1 "$targets"); do
    ids+=("bench-$i")
    target_file "bench-$i" "$port" >"$r/etc/watchdog-menu/targets/bench-$i.yaml"
  done
  (IFS=,; echo "targets: [${ids[*]}]") >"$r/etc/watchdog-menu/monitor.yaml"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  read -r u_mean u_peak u_cpu u_threads u_made u_late u_skipped <<<"$(measure_daemon "$r" "$warm_up" "$seconds" "$work/monitor.out" -- \
    env "${monitor_env[@]}" java "${monitor_opts[@]}" -Xshare:auto -XX:SharedArchiveFile="$work/inst/opt/watchdog-menu/app.jsa" \
    "${quiet[@]}" -jar "$jar" monitor --root "$r")"
  due=$((targets * seconds / 10))
  if command -v monit >/dev/null; then
    # monit's own way: one "check host" per target, a port test every 10s cycle
    mc=$work/monitrc
    {
      echo "set daemon 10"
      echo "set logfile $work/monit.log"
      echo "set idfile $work/monit.id"
      echo "set statefile $work/monit.state"
      echo "set pidfile $work/monit.pid"
      for id in "${ids[@]}"; do
        echo "check host $id with address 127.0.0.1"
        echo "  if failed port $port type tcp then alert"
      done
    } >"$mc"
    chmod 0600 "$mc"
    read -r n_mean n_peak n_cpu n_threads _ <<<"$(measure_daemon "$work/none" "$warm_up" "$seconds" "$work/monit.out" -- monit -I -c "$mc")"
  fi
  echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jar: $jar"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "monitor: $targets targets, a tcp-listen probe every 10s each, measured ${seconds}s after a ${warm_up}s warm-up; $(nproc) cores"
  echo
  printf '%-34s | %9s %9s %8s %8s %14s %6s %8s\n' "" "RSS mean" "RSS peak" "CPU" threads "checks/due" late skipped
  printf '%-34s | %6s MB %6s MB %7s%% %8s %14s %6s %8s\n' "monitor (unit's JVM options)" \
    "$u_mean" "$u_peak" "$u_cpu" "$u_threads" "$u_made/$due" "$u_late" "$u_skipped"
  if command -v monit >/dev/null; then
    printf '%-34s | %6s MB %6s MB %7s%% %8s %14s %6s %8s\n' "monit $(monit -V | head -n 1 | grep -o '[0-9][0-9.]*' | head -n 1)" \
      "$n_mean" "$n_peak" "$n_cpu" "$n_threads" "-" "-" "-"
  else
    echo "monit: not installed (apt-get install monit to see it beside)"
  fi
  exit 0
fi

# --- start-up of one run ----------------------------------------------------------

# The JVM floor: a hello world with the launcher's flags and its own archive.
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
javac -d "$work/hello" "$work/hello/Hello.java"
(cd "$work/hello" && jar cfe "$work/hello.jar" Hello Hello.class)
java "${flags[@]}" -XX:ArchiveClassesAtExit="$work/hello.jsa" -Xlog:disable -jar "$work/hello.jar" >/dev/null 2>&1 || true
[ -f "$work/hello.jsa" ] || { echo "benchmark.sh: could not build the floor's archive" >&2; exit 1; }

for n in 1 500; do
  r=$work/r$n
  mkdir -p "$r/etc/watchdog-menu/targets" "$r/var/lib/watchdog-menu" "$r/var/log"
  target_file bench "$port" >"$r/etc/watchdog-menu/targets/bench.yaml"
  for i in $(seq 2 "$n"); do
    target_file "other-$i" $((20000 + i)) >"$r/etc/watchdog-menu/targets/other-$i.yaml"
  done
  # the first run compiles the target, as the first cron run after a change does
  set +e
  first=$("$launcher" check bench --root "$r" 2>&1)
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    echo "benchmark.sh: 'check bench' exited $rc, not 0 (OK); its output:" >&2
    echo "$first" | tail -n 20 >&2
    exit 1
  fi
done

# The old guides' way: a bash script run by cron that tests the port and logs a line.
cat >"$work/check.sh" <<EOF
#!/bin/bash
log=$work/r1/var/log/bash-health.log
if ss -Hltn "sport = :$port" | grep -q .; then
  echo "[\$(date -u +%Y-%m-%dT%H:%M:%SZ)] Health check PASS: listening on port $port" >>"\$log"
  exit 0
fi
echo "[\$(date -u +%Y-%m-%dT%H:%M:%SZ)] Health check FAIL: nothing listens on port $port" >>"\$log"
exit 2
EOF
chmod +x "$work/check.sh"

names=(floor check check-500 restart alert bash)
{
  printf '%s\t' java "${flags[@]}" -XX:SharedArchiveFile="$work/hello.jsa" "${quiet[@]}" -jar "$work/hello.jar"; echo
  printf '%s\t' "$launcher" check bench --root "$work/r1"; echo
  printf '%s\t' "$launcher" check bench --root "$work/r500"; echo
  printf '%s\t' "$launcher" restart bench --force --source cron --root "$work/r1"; echo
  printf '%s\t' "$launcher" alert --unit-failed bench.service --root "$work/r1"; echo
  printf '%s\t' "$work/check.sh"; echo
} | sed 's/\t$//' >"$work/commands"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# One line per command: "cpu_min cpu_med cpu_max wall_min wall_med wall_max rss_min rss_med
# rss_max ratio_min ratio_med ratio_max exit" (ms, ms, MB; ratio = CPU / floor's CPU of
# the same round). CPU is user + system of the process and its children (wait4).
python3 -c '
import os, statistics, subprocess, sys, time
runs = int(sys.argv[1])
cmds = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
cpu = [[] for _ in cmds]; wall = [[] for _ in cmds]; rss = [[] for _ in cmds]; codes = [0] * len(cmds)
for r in range(runs + 1):  # round 0 warms the page cache and is not counted
    for i, argv in enumerate(cmds):
        t = time.perf_counter()
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        w = (time.perf_counter() - t) * 1000
        codes[i] = os.waitstatus_to_exitcode(status)
        if r > 0:
            cpu[i].append((ru.ru_utime + ru.ru_stime) * 1000); wall[i].append(w); rss[i].append(ru.ru_maxrss / 1024)
for i in range(len(cmds)):
    ratio = [c / f for c, f in zip(cpu[i], cpu[0])]
    row = []
    for xs in (cpu[i], wall[i], rss[i], ratio):
        row += [min(xs), statistics.median(xs), max(xs)]
    print(" ".join(f"{x:.2f}" for x in row), codes[i])
' "$runs" "$work/commands" >"$work/results"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "jar: $jar"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "runs: $runs per command, interleaved, each a new process; $(nproc) cores; load average before: $load_before, after: $load_after"
echo "floor: hello world, java ${flags[*]} + its own archive; check/restart: the launcher install.sh writes"
echo
printf '%-10s | %-20s | %-20s | %-17s | %-20s | %4s\n' "" "CPU ms" "wall ms" "peak RSS MB" "CPU / floor" ""
printf '%-10s | %6s %6s %6s | %6s %6s %6s | %5s %5s %5s | %6s %6s %6s | %4s\n' command min med max min med max min med max min med max exit
i=0
while read -r c1 c2 c3 w1 w2 w3 m1 m2 m3 q1 q2 q3 code; do
  printf '%-10s | %6.0f %6.0f %6.0f | %6.0f %6.0f %6.0f | %5.1f %5.1f %5.1f | %6.2f %6.2f %6.2f | %4s\n' \
    "${names[i]}" "$c1" "$c2" "$c3" "$w1" "$w2" "$w3" "$m1" "$m2" "$m3" "$q1" "$q2" "$q3" "$code"
  i=$((i + 1))
done <"$work/results"
read -r _ check_cpu _ _ _ _ _ check_rss _ _ check_ratio _ _ < <(sed -n 2p "$work/results")
read -r _ many_cpu _ < <(sed -n 3p "$work/results")
flat=$(python3 -c "print(f'{$many_cpu / $check_cpu:.2f}')")
echo
echo "check with 500 site files / with 1: ${flat}x CPU (medians)"
if command -v monit >/dev/null; then
  echo "monit: a daemon, not started per check; see --monitor"
else
  echo "monit: not installed"
fi

if [ "$quick" = yes ]; then
  bad=$(python3 -c "print('yes' if $check_ratio > 6 or $check_rss > 90 or $flat > 1.5 else 'no')")
  if [ "$bad" = yes ]; then
    echo "benchmark.sh: gross regression: check costs ${check_ratio}x the floor's CPU (limit 6), ${check_rss} MB (limit 90), 500 files ${flat}x one (limit 1.5)" >&2
    exit 1
  fi
  echo "quick: within the loose limits (check under 6x the floor's CPU and 90 MB, 500 files under 1.5x one)"
  exit 0
fi

# --- a composite target whose one probe hangs ---------------------------------------
# An http probe to a listener that takes connections and never answers (timeout 5s),
# beside a healthy tcp-listen and command probe: the check should cost the timeout plus
# a check's start-up, no more.
silent=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(128)
held = []
while True:
    c, _ = s.accept(); held.append(c)  # reads nothing, answers nothing
' "$silent" &
silent_pid=$!
for _ in $(seq 50); do
  ss -Hltn "sport = :$silent" | grep -q . && break
  sleep 0.1
done
cat >"$work/r1/etc/watchdog-menu/targets/hang.yaml" <<EOF
id: hang
service: {kind: command, restart: ["/bin/true"]}
probes:
  - {type: tcp-listen, port: $port}
  - {type: http, url: "http://127.0.0.1:$silent/health", timeout: 5s}
  - {type: command, command: ["/bin/true"]}
policy: {retries: 1}
EOF
"$launcher" check hang --no-restart --root "$work/r1" >/dev/null 2>&1 || true # compiles it
hang_runs=$((runs < 5 ? runs : 5))
python3 -c '
import os, statistics, subprocess, sys, time
runs, argv = int(sys.argv[1]), sys.argv[2:]
wall, cpu = [], []
for _ in range(runs):
    t = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall.append((time.perf_counter() - t) * 1000); cpu.append((ru.ru_utime + ru.ru_stime) * 1000)
print(f"{min(wall):.0f} {statistics.median(wall):.0f} {max(wall):.0f} {statistics.median(cpu):.0f} {os.waitstatus_to_exitcode(status)}")
' "$hang_runs" "$launcher" check hang --no-restart --root "$work/r1" >"$work/hang-results"
kill "$silent_pid" 2>/dev/null || true
wait "$silent_pid" 2>/dev/null || true
silent_pid=
read -r h_min h_med h_max h_cpu h_code <"$work/hang-results"
read -r _ _ _ _ check_wall _ < <(sed -n 2p "$work/results")
echo
echo "composite with one hanging probe (http, timeout 5s, beside a healthy tcp-listen and command probe), $hang_runs runs:"
echo "  wall ms min / med / max: $h_min / $h_med / $h_max (exit $h_code, CPU $h_cpu ms median)"
python3 -c "
h, c = $h_med, $check_wall
print(f'  floor: the 5000 ms timeout + a healthy check ({c:.0f} ms wall) = {5000 + c:.0f} ms; over it: {h - 5000 - c:+.0f} ms ({h / (5000 + c):.2f}x)')
"

# --- the menu: time to the first frame and keypress to redraw, in a private tmux ------
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Waits until the pane shows TEXT; prints the milliseconds from START (or "timeout").
await_screen() {
  local text=$1 start=$2 until=$(($(now_ms) + 20000))
  while [ "$(now_ms)" -lt "$until" ]; do
    if tmux -L "$tmux_socket" capture-pane -p -t menu | grep -qF -- "$text"; then
      echo $(($(now_ms) - start))
      return
    fi
    sleep 0.005
  done
  echo timeout
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print a[int((NR + 1) / 2)]}'; }

if [ "$do_menu" = yes ] && command -v tmux >/dev/null; then
  tmux_socket=wdm-bench-$$
  mkdir -p "$work/menu-root"
  firsts=()
  redraws=()
  escapes=()
  for ((i = 0; i < 5; i++)); do
    start=$(now_ms)
    tmux -L "$tmux_socket" new-session -d -s menu -x 100 -y 30 \
      "TERM=xterm-256color LANG=C.UTF-8 $launcher --root $work/menu-root"
    firsts+=("$(await_screen '1) Paqet tunnel' "$start")")
    for ((k = 0; k < 5; k++)); do
      start=$(now_ms)
      tmux -L "$tmux_socket" send-keys -t menu 1
      redraws+=("$(await_screen 'Server (foreign VPS)' "$start")")
      start=$(now_ms)
      tmux -L "$tmux_socket" send-keys -t menu Escape
      escapes+=("$(await_screen 'Pick a system:' "$start")")
    done
    tmux -L "$tmux_socket" send-keys -t menu q
    sleep 0.5
    tmux -L "$tmux_socket" kill-session -t menu 2>/dev/null || true
  done
  echo
  echo "menu (the launcher, tmux 100x30; median; screen polled every ~5 ms):"
  echo "  time to first frame: $(printf '%s\n' "${firsts[@]}" | median) ms  (${#firsts[@]} starts: ${firsts[*]})"
  echo "  keypress to redraw:  $(printf '%s\n' "${redraws[@]}" | median) ms  (digit 1, ${#redraws[@]} keys)"
  echo "  Esc to redraw:       $(printf '%s\n' "${escapes[@]}" | median) ms  (${#escapes[@]} keys; a lone Esc waits up to 30 ms for the rest of a split escape sequence)"

  # Bytes the menu writes to its terminal (what crosses a slow SSH link), read from the
  # pane's output through tmux pipe-pane: the first frame, one cursor move, Esc back.
  bytes_file=$work/menu-bytes
  : >"$bytes_file"
  size() { stat -c %s "$bytes_file"; }
  # Waits until nothing more is written for 300 ms; prints the size then.
  settle() {
    local a b
    b=$(size)
    while :; do
      sleep 0.3
      a=$(size)
      [ "$a" = "$b" ] && break
      b=$a
    done
    echo "$a"
  }
  tmux -L "$tmux_socket" new-session -d -s bytes -x 100 -y 30 \
    "sleep 1; TERM=xterm-256color LANG=C.UTF-8 exec $launcher --root $work/menu-root"
  tmux -L "$tmux_socket" pipe-pane -o -t bytes "cat >>'$bytes_file'"
  until tmux -L "$tmux_socket" capture-pane -p -t bytes | grep -qF '1) Paqet tunnel'; do sleep 0.05; done
  first=$(settle)
  tmux -L "$tmux_socket" send-keys -t bytes Down
  moved=$(settle)
  tmux -L "$tmux_socket" send-keys -t bytes 1
  until tmux -L "$tmux_socket" capture-pane -p -t bytes | grep -qF 'Server (foreign VPS)'; do sleep 0.05; done
  opened=$(settle)
  tmux -L "$tmux_socket" send-keys -t bytes Escape
  until tmux -L "$tmux_socket" capture-pane -p -t bytes | grep -qF 'Pick a system:'; do sleep 0.05; done
  back=$(settle)
  tmux -L "$tmux_socket" send-keys -t bytes q
  sleep 0.5
  tmux -L "$tmux_socket" kill-session -t bytes 2>/dev/null || true
  echo "  bytes written:       first frame $first, cursor move (Down) $((moved - first)), open a menu (1) $((opened - moved)), Esc back $((back - opened))"
elif [ "$do_menu" = yes ]; then
  echo
  echo "menu: skipped (tmux is not installed)"
fi

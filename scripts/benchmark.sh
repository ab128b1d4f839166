#!/usr/bin/env bash
# Measures what cron pays for every run of the engine: JVM start-up of --version and a
# cold 'check' of a healthy target (one new JVM per run), with and without the
# launcher's JVM flags and an AppCDS archive. Not a test: it only prints a table.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/benchmark.sh [--jar JAR] [--runs N] [--build] [--no-check] [--no-menu]
       scripts/benchmark.sh --monitor [--jar JAR] [--seconds S] [--build]

  --jar JAR    the jar to measure (default: target/watchdog-menu.jar)
  --runs N     runs per figure; the median is shown (default: 10)
  --build      build the jar first with 'mvn -B -DskipTests package'
  --no-check   measure only --version (for a jar without the 'check' command)
  --monitor    measure the continuous monitor instead: one 'monitor' process with 20
               targets checked every 10s (http probe against a local python3
               http.server), run S seconds after a 15s warm-up (default S: 60), once
               with the JVM's defaults and once with the monitor unit's JVM options;
               prints RSS (mean and peak of VmRSS, sampled each second) and CPU (% of
               one core over the S seconds, from /proc/PID/stat)
  --no-menu    skip the menu figures (they need tmux)

Each variant runs a fresh JVM per run:
  plain         java -jar JAR
  plain+cds     java -XX:SharedArchiveFile=A -jar JAR
  tuned         java <launcher flags without the archive> -jar JAR
  tuned+cds     the launcher as install.sh writes it
The archives are built into a temp folder the way install.sh builds its own
(trained on a 'check' of a throwaway target when the jar has 'check', else on --help).
'check' runs against a throwaway --root holding one target, bench-web: a 'command'
service probed by tcp-connect and http against a local python3 http.server.
The menu figures start the menu (tuned flags, no archive) in a private tmux server
at 100x30: time to the first frame (start until the systems menu is on screen),
keypress-to-redraw (a key sent until the next screen is on screen, RUNS times), and
the bytes the menu writes to its terminal (tmux pipe-pane) for the first frame, a
cursor move, opening a menu and Esc back.
Needs java and python3 (and tmux for the menu figures).
EOF
}

cd "$(dirname "${BASH_SOURCE[0]}")/.."

jar=target/watchdog-menu.jar
runs=10
build=no
do_check=yes
monitor=no
seconds=60
do_menu=yes
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
    --build) build=yes; shift ;;
    --no-check) do_check=no; shift ;;
    --monitor) monitor=yes; shift ;;
    --seconds)
      [ $# -ge 2 ] || { echo "benchmark.sh: --seconds needs a number" >&2; exit 2; }
      seconds=$2
      shift 2
      ;;
    --no-menu) do_menu=no; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "benchmark.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case $runs in
  '' | *[!0-9]* | 0) echo "benchmark.sh: --runs wants a positive number, not '$runs'" >&2; exit 2 ;;
esac
case $seconds in
  '' | *[!0-9]* | 0) echo "benchmark.sh: --seconds wants a positive number, not '$seconds'" >&2; exit 2 ;;
esac
command -v java >/dev/null || { echo "benchmark.sh: java is not on PATH" >&2; exit 1; }
command -v python3 >/dev/null || { echo "benchmark.sh: needs python3 (apt-get install python3)" >&2; exit 1; }

if [ "$build" = yes ]; then
  mvn -B -DskipTests package
fi
[ -f "$jar" ] || { echo "benchmark.sh: no jar at '$jar' (build it, or pass --build)" >&2; exit 1; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "${tmux_socket:-}" ]; then
    tmux -L "$tmux_socket" kill-server 2>/dev/null || true
  fi
  rm -rf -- "$work"
}
trap cleanup EXIT

# --- continuous monitor ------------------------------------------------------------

# The JVM options of templates/monitor.service (keep the two in step).
monitor_opts=(-Xms8m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:MaxMetaspaceSize=48m -XX:TieredStopAtLevel=1
  -XX:ReservedCodeCacheSize=16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)

# Runs 'monitor' with the given JVM flags for 15s + $seconds and prints
# "mean_rss_mb peak_rss_mb cpu_percent checks_logged".
measure_monitor() {
  local mroot=$1
  shift
  python3 -c '
import os, subprocess, sys, time
seconds, root, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    f = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
def rss():
    for line in open(f"/proc/{p.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    sys.exit(f"benchmark.sh: the monitor exited ({p.wait()}): run it by hand to see why")
time.sleep(15)
c0, t0, samples = cpu(), time.monotonic(), []
while time.monotonic() - t0 < seconds:
    samples.append(rss())
    time.sleep(1)
used = (cpu() - c0) / (time.monotonic() - t0) * 100
p.terminate()
p.wait(60)
logs = 0
for name in os.listdir(f"{root}/var/log"):
    logs += sum(1 for l in open(f"{root}/var/log/{name}") if "Health Check Start" in l)
print(f"{sum(samples) / len(samples):.0f} {max(samples):.0f} {used:.2f} {logs}")
' "$seconds" "$mroot" java "$@" -jar "$jar" monitor --root "$mroot"
}

if [ "$monitor" = yes ]; then
  mkdir -p "$work/www"
  echo ok >"$work/www/index.html"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" >/dev/null 2>&1 &
  server_pid=$!
  make_root() {
    local r=$1 ids=()
    mkdir -p "$r/etc/watchdog-menu/targets" "$r/var/log"
    for i in $(seq -w 1 20); do
      ids+=("bench-$i")
      cat >"$r/etc/watchdog-menu/targets/bench-$i.yaml" <<EOF
id: bench-$i
service: {kind: command, restart: ["/bin/true"]}
probes:
  - {type: http, url: "http://127.0.0.1:$port/", timeout: 2s}
policy: {interval: 10s}
EOF
    done
    (IFS=,; echo "targets: [${ids[*]}]") >"$r/etc/watchdog-menu/monitor.yaml"
  }
  make_root "$work/m-default"
  make_root "$work/m-unit"
  read -r d_mean d_peak d_cpu d_checks <<<"$(measure_monitor "$work/m-default")"
  read -r u_mean u_peak u_cpu u_checks <<<"$(measure_monitor "$work/m-unit" "${monitor_opts[@]}")"
  echo "jar: $jar"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "monitor: 20 targets every 10s, measured ${seconds}s after a 15s warm-up; $(nproc) cores"
  echo
  printf '%-30s | %9s %9s %8s %7s\n' "JVM options" "RSS mean" "RSS peak" "CPU" checks
  printf '%-30s | %6s MB %6s MB %7s%% %7s\n' "defaults" "$d_mean" "$d_peak" "$d_cpu" "$d_checks"
  printf '%-30s | %6s MB %6s MB %7s%% %7s\n' "monitor unit's (-Xmx64m ...)" "$u_mean" "$u_peak" "$u_cpu" "$u_checks"
  exit 0
fi

# --- start-up of one run -------------------------------------------------------------

# Same flags as the launcher install.sh writes (keep the two in step).
tuned=(-Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto)
quiet=(-Xlog:disable -Xlog:all=warning:stderr)

# Runs every command of the table RUNS times, round-robin (so a busy machine slows all
# of them alike), each run a new process, and prints one line per command:
# "median_wall_ms median_cpu_ms median_peak_rss_kb exit_code_of_last_run".
# CPU is user+system time of the JVM; peak RSS comes from wait4().
# Input on stdin: one command per line, arguments separated by tabs.
measure_all() {
  python3 -c '
import os, statistics, subprocess, sys, time
runs = int(sys.argv[1])
cmds = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
res = [([], [], [], 0) for _ in cmds]
for r in range(runs + 1):  # round 0 only warms the page cache
    for i, argv in enumerate(cmds):
        t = time.perf_counter()
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = (time.perf_counter() - t) * 1000
        if r > 0:
            res[i][0].append(wall)
            res[i][1].append((ru.ru_utime + ru.ru_stime) * 1000)
            res[i][2].append(ru.ru_maxrss)
        res[i] = res[i][:3] + (os.waitstatus_to_exitcode(status),)
for wall, cpu, rss, code in res:
    print(f"{statistics.median(wall):.0f} {statistics.median(cpu):.0f} {statistics.median(rss):.0f} {code}")
' "$runs"
}

# Builds an AppCDS archive for a flag set the way install.sh does: trained on a
# 'check' of a throwaway target when the jar has one, else on --help.
mkdir -p "$work/train/etc/watchdog-menu/targets" "$work/train/var/lib/watchdog-menu"
cat >"$work/train/etc/watchdog-menu/targets/training.yaml" <<'EOF'
id: training
service: {kind: command, restart: ["/bin/true"]}
probes:
  - {type: http, url: "http://127.0.0.1:9/health", timeout: 1s}
  - {type: tcp-listen, port: 9}
policy: {retries: 1}
EOF
if java -jar "$jar" list --root "$work/train" >/dev/null 2>&1; then
  train=(check training --no-restart --root "$work/train")
else
  train=(--help)
fi
build_archive() {
  local out=$1
  shift
  java "$@" -XX:ArchiveClassesAtExit="$out" -Xlog:disable -jar "$jar" "${train[@]}" >/dev/null 2>&1 || true
  [ -f "$out" ] || { echo "benchmark.sh: could not build $out" >&2; exit 1; }
}

build_archive "$work/plain.jsa"
build_archive "$work/tuned.jsa" "${tuned[@]}"

declare -A flags
flags[plain]=""
flags[plain+cds]="-XX:SharedArchiveFile=$work/plain.jsa ${quiet[*]}"
flags[tuned]="${tuned[*]} ${quiet[*]}"
flags[tuned+cds]="${tuned[*]} -XX:SharedArchiveFile=$work/tuned.jsa ${quiet[*]}"
variants=(plain plain+cds tuned tuned+cds)

root=$work/root
if [ "$do_check" = yes ]; then
  mkdir -p "$work/www" "$root/etc/watchdog-menu/targets" "$root/var/lib/watchdog-menu" "$root/var/log"
  echo ok >"$work/www/index.html"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
  done
  cat >"$root/etc/watchdog-menu/targets/bench-web.yaml" <<EOF
id: bench-web
title: Benchmark web app
service:
  kind: command
  restart: ["/bin/true"]
probes:
  - type: tcp-connect
    host: 127.0.0.1
    port: $port
  - type: http
    url: http://127.0.0.1:$port/
    timeout: 2s
policy:
  retries: 1
  grace: 1s
EOF
  # A check that does not pass would time something else: stop here instead.
  set +e
  first=$(java -jar "$jar" check bench-web --root "$root" 2>&1)
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    echo "benchmark.sh: 'check bench-web' exited $rc, not 0 (OK); its output:" >&2
    echo "$first" | tail -n 20 >&2
    echo "benchmark.sh: use --no-check to measure only --version" >&2
    exit 1
  fi
fi

# One line per command for measure_all: variant x (--version, check).
commands=()
for v in "${variants[@]}"; do
  read -r -a f <<<"${flags[$v]}"
  commands+=("$(printf '%s\t' java "${f[@]}" -jar "$jar" --version)")
  if [ "$do_check" = yes ]; then
    commands+=("$(printf '%s\t' java "${f[@]}" -jar "$jar" check bench-web --root "$root")")
  fi
done
mapfile -t results < <(printf '%s\n' "${commands[@]}" | sed 's/\t$//' | measure_all)

echo "jar: $jar"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "AppCDS archives trained on: ${train[0]}"
echo "runs: $runs per figure (median), each a new JVM, variants interleaved; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-10s | %-24s | %-30s\n' "" "--version" "check bench-web"
printf '%-10s | %7s %7s %8s | %7s %7s %8s %5s\n' variant "wall ms" "cpu ms" "RSS MB" "wall ms" "cpu ms" "RSS MB" exit
n=0
for v in "${variants[@]}"; do
  read -r vw vc vr _ <<<"${results[n]}"
  n=$((n + 1))
  if [ "$do_check" = yes ]; then
    read -r cw cc cr cx <<<"${results[n]}"
    n=$((n + 1))
    cr=$((cr / 1024))
  else
    cw=- cc=- cr=- cx=-
  fi
  printf '%-10s | %7s %7s %8s | %7s %7s %8s %5s\n' "$v" "$vw" "$vc" "$((vr / 1024))" "$cw" "$cc" "$cr" "$cx"
done

# The menu: time to the first frame and keypress-to-redraw, in a private tmux server.
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
  for ((i = 0; i < 3; i++)); do
    start=$(now_ms)
    tmux -L "$tmux_socket" new-session -d -s menu -x 100 -y 30 \
      "TERM=xterm-256color LANG=C.UTF-8 java ${tuned[*]} -jar $jar --root $work/menu-root"
    firsts+=("$(await_screen '1) Paqet tunnel' "$start")")
    for ((k = 0; k < runs; k++)); do
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
  echo "menu (tuned flags, no archive, tmux 100x30; median; screen polled every ~5 ms):"
  echo "  time to first frame: $(printf '%s\n' "${firsts[@]}" | median) ms  (3 starts: ${firsts[*]})"
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
    "sleep 1; TERM=xterm-256color LANG=C.UTF-8 exec java ${tuned[*]} -jar $jar --root $work/menu-root"
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

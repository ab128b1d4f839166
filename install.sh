#!/usr/bin/env bash
# Installs watchdog-menu on Debian or Ubuntu: the programs it runs (cron, logrotate, sudo)
# and a JDK 17+ and Maven if missing, the jar, the launcher /usr/local/bin/watchdog-menu,
# an AppCDS archive for a faster start, and the folders the tool reads; makes sure cron
# runs. Run it again at any time: it changes only what differs.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: install.sh [--prefix DIR] [--no-build JAR]
       install.sh --deps-only
       install.sh --uninstall [--purge] [--prefix DIR]
       install.sh --help

Installs what watchdog-menu runs, when missing, with apt-get --no-install-recommends:
  cron        runs the schedules; started (and enabled under systemd) when it is not running
  logrotate   rotates the logs; logrotate -d checks the rotation file it writes
  sudo        visudo checks the sudoers files it writes
and a JDK 17+ (and Maven, to build), then installs watchdog-menu (run as root):
  /opt/watchdog-menu/watchdog-menu.jar   the program
  /opt/watchdog-menu/app.jsa, cron.jsa   class-data archives for a faster start
  /usr/local/bin/watchdog-menu           the launcher
  /etc/watchdog-menu/targets/            target files (kept on --uninstall)
  /var/lib/watchdog-menu/                state (kept on --uninstall)

Options:
  --prefix DIR     install under DIR instead of / (DESTDIR in the environment does
                   the same); the launcher then points at DIR/opt/watchdog-menu.
                   Root is not needed when DIR is writable and Java is installed.
  --no-build JAR   install this already built jar instead of building one
                   with Maven (Maven is then not needed)
  --deps-only      only install cron, logrotate and sudo when missing and make
                   sure cron runs (--prefix installs skip this step)
  --uninstall      remove the jar folder and the launcher
  --purge          with --uninstall: also remove /etc/watchdog-menu and
                   /var/lib/watchdog-menu
  --help           show this text

--uninstall leaves the files the tool itself wrote (cron, sudoers, units): remove
them with the tool first. It leaves the cron, logrotate and sudo packages installed. Run install.sh again after a JDK upgrade to rebuild the
class-data archive.
EOF
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

say() {
  echo "watchdog-menu: $*"
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix=${DESTDIR:-}
jar_in=
action=install
purge=no

while [ $# -gt 0 ]; do
  case $1 in
    --prefix)
      [ $# -ge 2 ] || die "--prefix needs a folder"
      prefix=$2
      shift 2
      ;;
    --prefix=*)
      prefix=${1#--prefix=}
      shift
      ;;
    --no-build)
      [ $# -ge 2 ] || die "--no-build needs the path of a built jar"
      jar_in=$2
      shift 2
      ;;
    --no-build=*)
      jar_in=${1#--no-build=}
      shift
      ;;
    --uninstall)
      action=uninstall
      shift
      ;;
    --deps-only)
      action=deps
      shift
      ;;
    --purge)
      purge=yes
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      die "unknown option '$1' (see --help)"
      ;;
  esac
done

[ "$purge" = no ] || [ "$action" = uninstall ] || die "--purge goes with --uninstall"

if [ -n "$prefix" ]; then
  case $prefix in
    /*) ;;
    *) prefix=$(pwd)/$prefix ;;
  esac
  prefix=${prefix%/}
  # The launcher is a plain sh script: keep its paths free of quoting trouble.
  case $prefix in
    *[!A-Za-z0-9._/+-]*) die "--prefix '$prefix' has characters other than A-Z a-z 0-9 . _ / + -" ;;
  esac
fi

opt_dir=$prefix/opt/watchdog-menu
jar=$opt_dir/watchdog-menu.jar
jsa=$opt_dir/app.jsa
cron_jsa=$opt_dir/cron.jsa
bin_dir=$prefix/usr/local/bin
launcher=$bin_dir/watchdog-menu
etc_dir=$prefix/etc/watchdog-menu
var_dir=$prefix/var/lib/watchdog-menu

# --- manual page and bash completion -----------------------------------------------

man_page=$prefix/usr/local/share/man/man1/watchdog-menu.1.gz
completion=$prefix/usr/local/share/bash-completion/completions/watchdog-menu

# The installed jar writes its own manual page and bash completion (made from its
# command line, so they always match it); a jar that cannot is installed without them.
install_docs() {
  local docs
  docs=$(mktemp -d)
  if "$java_bin" -cp "$jar" org.watchdogmenu.cli.Docs "$docs" >/dev/null 2>&1; then
    # system folders: created when missing, their mode never changed
    mkdir -p -- "$(dirname "$man_page")" "$(dirname "$completion")"
    place_file "$docs/watchdog-menu.1.gz" "$man_page" 0644
    place_file "$docs/watchdog-menu" "$completion" 0644
  else
    echo "install.sh: warning: $jar_in cannot write a manual page and bash completion; installed without them" >&2
  fi
  rm -rf -- "$docs"
}

uninstall_docs() {
  local p
  for p in "$man_page" "$completion"; do
    if [ -e "$p" ] || [ -L "$p" ]; then
      rm -f -- "$p"
      say "removed $p"
    fi
  done
}

if { [ -z "$prefix" ] || [ "$action" = deps ]; } && [ "$(id -u)" -ne 0 ]; then
  die "must be run as root (try: sudo $0)"
fi

# --- uninstall -------------------------------------------------------------------

if [ "$action" = uninstall ]; then
  for f in "$prefix"/etc/cron.d/*; do
    if [ -f "$f" ] && grep -q watchdog-menu "$f"; then
      echo "install.sh: warning: $f still calls watchdog-menu: remove it with the tool or by hand" >&2
    fi
  done
  for p in "$opt_dir" "$launcher"; do
    if [ -e "$p" ] || [ -L "$p" ]; then
      rm -rf -- "$p"
      say "removed $p"
    fi
  done
  if [ "$purge" = yes ]; then
    for p in "$etc_dir" "$var_dir"; do
      if [ -e "$p" ]; then
        rm -rf -- "$p"
        say "removed $p"
      fi
    done
  elif [ -e "$etc_dir" ] || [ -e "$var_dir" ]; then
    say "kept $etc_dir and $var_dir (--purge removes them)"
  fi
  uninstall_docs
  say "uninstalled"
  exit 0
fi

# --- prerequisites ---------------------------------------------------------------

# Major version of a java binary, or nothing when it does not run.
java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p') || true
  case $v in
    1.*) echo "${v#1.}" | cut -d. -f1 ;;
    *) echo "$v" | cut -d. -f1 ;;
  esac
}

# A java 17+: the one on PATH, else the newest under /usr/lib/jvm.
find_java() {
  local j m
  if j=$(command -v java) && m=$(java_major "$j") && [ -n "$m" ] && [ "$m" -ge 17 ]; then
    echo "$j"
    return 0
  fi
  while read -r j; do
    [ -x "$j" ] || continue
    m=$(java_major "$j")
    if [ -n "$m" ] && [ "$m" -ge 17 ]; then
      echo "$j"
      return 0
    fi
  done < <(printf '%s\n' /usr/lib/jvm/*/bin/java | sort -rV)
  return 1
}

# Debian, Ubuntu and their derivatives only: the tool writes /etc/cron.d and
# /etc/sudoers.d the Debian way, and this script installs with apt-get.
# WATCHDOG_MENU_OS_RELEASE replaces /etc/os-release (for tests).
check_os() {
  local release=${WATCHDOG_MENU_OS_RELEASE:-/etc/os-release} id="" id_like=""
  if [ -r "$release" ]; then
    id=$(sed -n 's/^ID=//p' "$release" | tr -d '"')
    id_like=$(sed -n 's/^ID_LIKE=//p' "$release" | tr -d '"')
  fi
  case " $id $id_like " in
    *" debian "* | *" ubuntu "*) ;;
    *) die "unsupported OS '${id:-unknown}': watchdog-menu installs on Debian or Ubuntu" ;;
  esac
}

need_apt() {
  [ "$(id -u)" -eq 0 ] || die "$1 is missing: run as root so it can be installed with apt-get"
  command -v apt-get >/dev/null || die "$1 is missing and apt-get is not available"
}

apt_install() {
  say "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" </dev/null
}

# The first JDK package this release offers: 17 where it exists, else a newer one.
jdk_package() {
  local p
  for p in openjdk-17-jdk-headless openjdk-21-jdk-headless openjdk-25-jdk-headless default-jdk-headless; do
    if apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

apt_updated=no
apt_update_once() {
  if [ "$apt_updated" = no ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update </dev/null
    apt_updated=yes
  fi
}

# --- run-time programs -----------------------------------------------------------

# What watchdog-menu runs once installed: cron fires its schedules; logrotate and visudo
# (of sudo) check the files it writes before they are written. Each is one Debian
# package; another package that provides it counts too (cronie or systemd-cron for cron,
# sudo-ldap for sudo), so a machine's own choice is never replaced.
runtime_packages=(cron logrotate sudo)

pkg_installed() {
  dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q 'install ok installed'
}

runtime_present() {
  local p alternatives
  case $1 in
    cron) alternatives="cron cronie systemd-cron bcron" ;;
    sudo) alternatives="sudo sudo-ldap" ;;
    *) alternatives=$1 ;;
  esac
  for p in $alternatives; do
    pkg_installed "$p" && return 0
  done
  return 1
}

# systemd is PID 1 (sd_booted). WATCHDOG_MENU_SYSTEMD_RUN replaces /run/systemd/system (for tests).
systemd_booted() {
  [ -d "${WATCHDOG_MENU_SYSTEMD_RUN:-/run/systemd/system}" ]
}

# A cron daemon runs (pidof skips zombies; without pidof, /proc/*/comm).
cron_running() {
  local c
  if command -v pidof >/dev/null 2>&1; then
    pidof cron >/dev/null 2>&1 || pidof crond >/dev/null 2>&1
    return
  fi
  for c in /proc/[0-9]*/comm; do
    case $(cat "$c" 2>/dev/null) in
      cron | crond) return 0 ;;
    esac
  done
  return 1
}

cron_warning() {
  echo "install.sh: warning: $1: no schedule will fire until cron runs; start it with: $2" >&2
}

# Makes sure cron runs, so the schedules watchdog-menu writes fire: enabled and started
# under systemd, else started with service(8) or as the daemon itself.
ensure_cron_running() {
  local out cron_bin
  if ! pkg_installed cron; then
    if cron_running; then
      say "a cron daemon runs"
    else
      cron_warning "no cron daemon runs (the cron package is not the one installed)" "your cron package's own service"
    fi
    return 0
  fi
  if systemd_booted; then
    if systemctl is-enabled --quiet cron 2>/dev/null && systemctl is-active --quiet cron 2>/dev/null; then
      say "cron is running"
    elif out=$(systemctl enable --now cron 2>&1 </dev/null); then
      say "enabled and started cron (systemctl enable --now cron)"
    else
      cron_warning "systemctl enable --now cron failed (${out//$'\n'/ })" "systemctl start cron"
    fi
    return 0
  fi
  if cron_running; then
    say "cron is running"
    return 0
  fi
  # No systemd here (a container, or another init): its init script, else the daemon.
  if command -v service >/dev/null 2>&1 && service cron start </dev/null >/dev/null 2>&1 && cron_running; then
    say "started cron (service cron start)"
    return 0
  fi
  cron_bin=$(command -v cron 2>/dev/null || echo /usr/sbin/cron)
  if [ -x "$cron_bin" ] && "$cron_bin" </dev/null >/dev/null 2>&1 && cron_running; then
    say "started cron ($cron_bin)"
    return 0
  fi
  cron_warning "cron could not be started" "service cron start"
}

# Installs cron, logrotate and sudo when missing, and says what it did.
install_runtime_deps() {
  local p missing=()
  for p in "${runtime_packages[@]}"; do
    runtime_present "$p" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "cron, logrotate and sudo are installed"
  else
    [ "$(id -u)" -eq 0 ] || die "${missing[*]} missing: run as root so they can be installed with apt-get"
    command -v apt-get >/dev/null || die "${missing[*]} missing and apt-get is not available: install them, then run this again"
    apt_update_once
    apt_install "${missing[@]}" || die "apt-get could not install ${missing[*]} (see above)"
    say "installed ${missing[*]} (the programs watchdog-menu runs)"
  fi
  ensure_cron_running
}

check_os
if [ "$action" = deps ]; then
  install_runtime_deps
  exit 0
fi
if [ -z "$prefix" ]; then
  install_runtime_deps
fi
if ! java_bin=$(find_java); then
  need_apt "a Java 17+ runtime"
  apt_update_once
  pkg=$(jdk_package) || die "apt offers no JDK 17 or newer (tried openjdk-17/21/25-jdk-headless, default-jdk-headless)"
  apt_install "$pkg"
  java_bin=$(find_java) || die "$pkg is installed but no java 17+ was found on PATH or in /usr/lib/jvm"
fi

if [ -z "$jar_in" ]; then
  if ! command -v mvn >/dev/null; then
    need_apt "Maven"
    apt_update_once
    apt_install maven
  fi
  [ -f "$here/pom.xml" ] || die "no pom.xml next to install.sh: run it from the source folder, or use --no-build JAR"
  say "building the jar with Maven"
  # A clean build with a fixed time stamp (the last commit's) makes a rebuild of the
  # same sources byte-identical, so a second run leaves the installed jar alone.
  stamp=$(git -C "$here" log -1 --format=%cI 2>/dev/null) || stamp=2000-01-01T00:00:00Z
  # JAVA_HOME picks the JDK found above when the default java is older than 17.
  (cd "$here" && JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java_bin")")") \
    mvn -B -DskipTests -Dproject.build.outputTimestamp="$stamp" clean package) \
    || die "the Maven build failed (see above)"
  jar_in=$here/target/watchdog-menu.jar
fi
[ -f "$jar_in" ] || die "no jar at '$jar_in'"
[ -r "$jar_in" ] || die "cannot read '$jar_in'"
# Never replace a working install with a jar that does not start.
"$java_bin" -jar "$jar_in" --version >/dev/null 2>&1 || die "'$jar_in' does not run (java -jar $jar_in --version failed)"

# --- files -----------------------------------------------------------------------

changed=no

make_dir() {
  if [ ! -d "$1" ]; then
    mkdir -p -- "$1"
    chmod "$2" -- "$1"
    say "created $1"
    changed=yes
  elif [ "$(stat -c %a "$1")" != "${2#0}" ]; then
    chmod "$2" -- "$1"
    say "set mode $2 on $1"
    changed=yes
  fi
}

# Puts SRC at DEST with MODE unless DEST already has that content and mode.
place_file() {
  local src=$1 dest=$2 mode=$3 tmp
  if [ -f "$dest" ] && cmp -s -- "$src" "$dest"; then
    if [ "$(stat -c %a "$dest")" != "${mode#0}" ]; then
      chmod "$mode" -- "$dest"
      say "set mode $mode on $dest"
      changed=yes
    fi
    return 0
  fi
  tmp=$(dirname "$dest")/.$(basename "$dest").tmp.$$
  cp -- "$src" "$tmp"
  chmod "$mode" -- "$tmp"
  mv -f -- "$tmp" "$dest"
  say "installed $dest"
  changed=yes
}

make_dir "$opt_dir" 0755
# /usr/local/bin is the system's: create it when missing, never change its mode.
if [ ! -d "$bin_dir" ]; then
  make_dir "$bin_dir" 0755
fi
make_dir "$etc_dir" 0755
make_dir "$etc_dir/targets" 0755
make_dir "$var_dir" 0755

place_file "$jar_in" "$jar" 0644

# The JVM flags of every run: a quick start matters because cron starts the engine
# every few minutes. -Xlog:disable plus warnings to stderr keep stdout clean even
# when the archive is stale (the JVM then just runs without it).
jvm_flags=(-Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto)
log_flags=(-Xlog:disable -Xlog:all=warning:stderr)

# The java found above by its full path (usually /usr/bin/java, which follows the
# system's alternatives): cron's PATH is short and may not find another one.
launcher_java=$java_bin

staged=$(mktemp)
trap 'rm -f -- "$staged"' EXIT
cat >"$staged" <<EOF
#!/bin/sh
# watchdog-menu launcher, written by install.sh: run it again to change this file.
# What cron runs (check, restart) starts with the class-data archive made for it.
case " \$* " in
  *" check "* | *" restart "*)
    exec $launcher_java ${jvm_flags[*]} -XX:SharedArchiveFile=$cron_jsa ${log_flags[*]} -jar $jar "\$@" ;;
esac
exec $launcher_java ${jvm_flags[*]} -XX:SharedArchiveFile=$jsa ${log_flags[*]} -jar $jar "\$@"
EOF
place_file "$staged" "$launcher" 0755
install_docs

# --- class-data archives ---------------------------------------------------------

# Two archives, each a static one dumped from the classes its training runs loaded
# (-XX:DumpLoadedClassList), so each holds only what its runs need and maps no more
# pages into them than it must: cron.jsa for what cron runs every few minutes (a check
# and a restart: the launcher picks it when 'check' or 'restart' is among the
# arguments), app.jsa for the rest (the menu's first frame, the monitor, list, help).

# train_archives JAVA JAR DIR FLAG...: writes DIR/cron.jsa.new and DIR/app.jsa.new
# (whichever it can); the runs happen in a throwaway root. POSIX sh, as in postinst.
train_archives() {
  _java=$1 _jar=$2 _dir=$3
  shift 3
  _t=$(mktemp -d)
  _r=$_t/root
  mkdir -p "$_r/etc/watchdog-menu/targets" "$_r/var/lib/watchdog-menu" "$_r/var/log"
  # a healthy target (its probe is /bin/true), and one whose probes find nothing
  # (port 9: nothing listens there, so they fail at once) for the usual probes' code
  printf '%s\n' 'id: training' 'service: {kind: command, restart: ["/bin/true"]}' \
    'probes:' '  - {type: command, command: ["/bin/true"]}' \
    'policy: {retries: 1, interval: 2s}' >"$_r/etc/watchdog-menu/targets/training.yaml"
  printf '%s\n' 'id: training-down' 'service: {kind: command, restart: ["/bin/true"]}' \
    'probes:' '  - {type: tcp-listen, port: 9}' '  - {type: tcp-connect, host: 127.0.0.1, port: 9}' \
    '  - {type: http, url: "http://127.0.0.1:9/health", timeout: 1s}' \
    'policy: {retries: 1}' >"$_r/etc/watchdog-menu/targets/training-down.yaml"
  printf '%s\n' 'targets: [training]' >"$_r/etc/watchdog-menu/monitor.yaml"
  # the monitor and the menu's first frame run meanwhile, in a root of their own: they
  # mostly wait (the monitor 5s, the menu until q comes on its pseudo-terminal)
  cp -R "$_r" "$_t/root2"
  if command -v timeout >/dev/null; then
    timeout -s TERM 5 "$_java" "$@" -Xlog:disable -XX:DumpLoadedClassList="$_t/a3" -jar "$_jar" monitor --root "$_t/root2" >/dev/null 2>&1 </dev/null &
    if command -v script >/dev/null; then
      (sleep 4; printf q) | TERM=xterm timeout -s KILL 15 script -qec \
        "$_java $* -Xlog:disable -XX:DumpLoadedClassList=$_t/a4 -jar $_jar --root $_t/root2" /dev/null >/dev/null 2>&1 &
    fi
  fi
  # the first check compiles the target; cron's runs after it read it compiled
  "$_java" "$@" -Xlog:disable -jar "$_jar" check training --root "$_r" >/dev/null 2>&1 </dev/null || true
  "$_java" "$@" -Xlog:disable -jar "$_jar" check training-down --no-restart --root "$_r" >/dev/null 2>&1 </dev/null || true
  "$_java" "$@" -Xlog:disable -XX:DumpLoadedClassList="$_t/c1" -jar "$_jar" check training --root "$_r" >/dev/null 2>&1 </dev/null || true
  "$_java" "$@" -Xlog:disable -XX:DumpLoadedClassList="$_t/c2" -jar "$_jar" check training-down --no-restart --root "$_r" >/dev/null 2>&1 </dev/null || true
  "$_java" "$@" -Xlog:disable -XX:DumpLoadedClassList="$_t/c3" -jar "$_jar" restart training --force --source cron --root "$_r" >/dev/null 2>&1 </dev/null || true
  "$_java" "$@" -Xlog:disable -XX:DumpLoadedClassList="$_t/a1" -jar "$_jar" --help >/dev/null 2>&1 </dev/null || true
  "$_java" "$@" -Xlog:disable -XX:DumpLoadedClassList="$_t/a2" -jar "$_jar" list --root "$_r" >/dev/null 2>&1 </dev/null || true
  wait # for the monitor and the menu, started first
  cat "$_t"/c? 2>/dev/null | awk '!seen[$0]++' >"$_t/cron.list"
  cat "$_t"/a? 2>/dev/null | awk '!seen[$0]++' >"$_t/app.list"
  for _a in cron app; do
    if [ -s "$_t/$_a.list" ]; then
      "$_java" "$@" -Xshare:dump -XX:SharedClassListFile="$_t/$_a.list" \
        -XX:SharedArchiveFile="$_dir/$_a.jsa.new" -Xlog:disable -cp "$_jar" >/dev/null 2>&1 </dev/null || rm -f -- "$_dir/$_a.jsa.new"
    fi
  done
  rm -rf -- "$_t"
}

# An archive is good when the JVM accepts it with -Xshare:on (that fails on a
# stale or damaged archive, or one made by another JVM build or for another jar).
archive_ok() {
  [ -f "$1" ] \
    && "$java_bin" "${jvm_flags[@]}" -Xshare:on -XX:SharedArchiveFile="$1" "${log_flags[@]}" -jar "$jar" --version >/dev/null 2>&1
}

if ! archive_ok "$jsa" || ! archive_ok "$cron_jsa"; then
  rm -f -- "$jsa" "$cron_jsa"
  jvm_dump_flags=()
  for f in "${jvm_flags[@]}"; do
    [ "$f" = -Xshare:auto ] || jvm_dump_flags+=("$f")
  done
  train_archives "$java_bin" "$jar" "$opt_dir" "${jvm_dump_flags[@]}"
  for a in "$jsa" "$cron_jsa"; do
    if [ -f "$a.new" ]; then
      chmod 0644 "$a.new"
      mv -f -- "$a.new" "$a"
    fi
  done
  if archive_ok "$jsa" && archive_ok "$cron_jsa"; then
    say "built the class-data archives in $opt_dir (trained on check, restart, the menu and the monitor)"
  else
    rm -f -- "$jsa" "$cron_jsa" "$jsa.new" "$cron_jsa.new"
    echo "install.sh: warning: could not build the class-data archives; watchdog-menu runs without them, a little slower" >&2
  fi
  changed=yes
fi

# --- check -----------------------------------------------------------------------

version=$("$launcher" --version) || die "the installed launcher failed: $launcher --version"
if [ "$changed" = yes ]; then
  say "installed $version"
else
  say "$version is already installed; nothing changed"
fi
if [ -z "$prefix" ]; then
  say "start the menu with: sudo watchdog-menu"
fi

package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TargetPaths;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/** Names, paths, intervals and times with metacharacters, newlines or '..': one line, no write. */
class BadInputTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  @TempDir Path dir;

  static Stream<Arguments> cases() {
    Target paqet = SeedTargets.tunnel("paqet", "server");
    return Stream.of(
        bad("user with a space", p -> p.linger("bad user")),
        bad("user with a newline", p -> p.linger("op\nALL")),
        bad("user with ..", p -> p.linger("..")),
        bad(
            "user with a semicolon",
            p -> p.sudoers(new SudoersRequest("op;id", null, List.of(paqet), null))),
        bad(
            "sudoers name with a dot",
            p -> p.sudoers(new SudoersRequest("op", "op.conf", List.of(paqet), null))),
        bad(
            "sudoers command with $()",
            p ->
                p.sudoers(
                    new SudoersRequest(
                        "op",
                        null,
                        List.of(),
                        List.of(SudoersRequest.command("/bin/echo $(id)"))))),
        bad(
            "sudoers command with ;",
            p ->
                p.sudoers(
                    new SudoersRequest(
                        "op", null, List.of(), List.of(SudoersRequest.command("/bin/echo a;b"))))),
        bad(
            "relative sudoers command",
            p ->
                p.sudoers(
                    new SudoersRequest(
                        "op", null, List.of(), List.of(SudoersRequest.command("echo hi"))))),
        bad("unit with a semicolon", p -> p.restartPolicy("foo;reboot.service")),
        bad("unit with ..", p -> p.restartPolicy("../../etc/passwd")),
        bad("unit with a newline", p -> p.restartPolicy("foo\nExecStart=/bin/sh.service")),
        bad(
            "log path with ..",
            p ->
                p.enable(
                    withLog(paqet, "/var/log/../../etc/passwd"),
                    Feature.HEALTH,
                    Schedule.parse("5m"))),
        bad(
            "log path with a space",
            p ->
                p.enable(withLog(paqet, "/var/log/a b.log"), Feature.HEALTH, Schedule.parse("5m"))),
        bad(
            "relative log path",
            p -> p.enable(withLog(paqet, "var/log/a.log"), Feature.HEALTH, Schedule.parse("5m"))),
        bad(
            "log path with a newline",
            p ->
                p.enable(
                    withLog(paqet, "/var/log/a\n* * * * * root id"),
                    Feature.HEALTH,
                    Schedule.parse("5m"))),
        bad(
            "interval with a semicolon",
            p -> p.enable(paqet, Feature.HEALTH, Schedule.parse("5m;id"))),
        bad(
            "interval with a newline",
            p -> p.enable(paqet, Feature.HEALTH, Schedule.parse("5m\n* * * * * root id"))),
        bad(
            "time with a semicolon",
            p -> p.enable(paqet, Feature.RESTART, Schedule.parse("08:00;id"))),
        bad("time out of range", p -> p.enable(paqet, Feature.RESTART, Schedule.parse("25:00"))),
        bad(
            "upper-case system",
            p -> p.enable(withSystem(paqet, "Paqet"), Feature.HEALTH, Schedule.parse("5m"))),
        bad(
            "system with a dot",
            p -> p.enable(withSystem(paqet, "pa.qet"), Feature.HEALTH, Schedule.parse("5m"))),
        bad(
            "pm2 log folder with ..",
            p ->
                p.pm2Housekeeping(
                    Pm2Housekeeping.seed002("ubuntu", "/home/ubuntu", "/home/ubuntu/../../etc"))),
        bad(
            "pm2 user with a quote",
            p -> p.pm2Housekeeping(Pm2Housekeeping.seed002("ub'untu", "/home/ubuntu", "/srv/app"))),
        bad(
            "unit description with a newline",
            p ->
                p.userUnit(
                    new UserUnitRequest(
                        "x.service",
                        "op",
                        "/home/op",
                        "a\n[Service]",
                        null,
                        null,
                        "/srv",
                        List.of("/bin/true"),
                        List.of("/bin/true")))),
        bad(
            "ExecStart argument with $",
            p ->
                p.userUnit(
                    new UserUnitRequest(
                        "x.service",
                        "op",
                        "/home/op",
                        "x",
                        null,
                        null,
                        "/srv",
                        List.of("/bin/echo", "$HOME"),
                        List.of("/bin/true")))));
  }

  private static Arguments bad(String name, Function<Planner, Plan> action) {
    return Arguments.of(name, action);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedInOneLineAndNothingIsWritten(String name, Function<Planner, Plan> action)
      throws Exception {
    Host host = new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root");
    Map<String, String> before = Trees.snapshot(dir);

    assertThatThrownBy(
            () ->
                new InstallTools(host)
                    .applier()
                    .apply(action.apply(new Planner(host)), new Applier.Options(true)))
        .isInstanceOf(InstallException.class)
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));

    assertThat(Trees.snapshot(dir)).isEqualTo(before);
  }

  private static Target withLog(Target t, String log) {
    return new Target(
        t.id(),
        t.title(),
        t.system(),
        t.role(),
        null,
        t.service(),
        t.probes(),
        t.policy(),
        new TargetPaths(t.paths().state(), log, t.paths().cronLog()));
  }

  private static Target withSystem(Target t, String system) {
    return new Target(
        t.id(), t.title(), system, t.role(), null, t.service(), t.probes(), t.policy(), t.paths());
  }
}

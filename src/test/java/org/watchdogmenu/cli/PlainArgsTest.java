package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlainArgsTest {
  private static final Set<String> VALUED = Set.of("--root");

  @Test
  void wordsAndOptionsComeInTheirOrderWithValuesAfterThemOrAfterAnEqualsSign() {
    assertThat(PlainArgs.read(VALUED, "--root", "/r", "check", "web", "--dry-run"))
        .contains(
            java.util.List.of(
                new PlainArgs.Opt("--root", Optional.of("/r")),
                new PlainArgs.Word("check"),
                new PlainArgs.Word("web"),
                new PlainArgs.Opt("--dry-run", Optional.empty())));
    assertThat(PlainArgs.read(VALUED, "--root=/r"))
        .contains(java.util.List.of(new PlainArgs.Opt("--root", Optional.of("/r"))));
  }

  @Test
  void whatOnlyPicocliShouldJudgeGivesNothing() {
    assertThat(PlainArgs.read(VALUED, "--dry-run", "--dry-run")).as("repeated").isEmpty();
    assertThat(PlainArgs.read(VALUED, "--root")).as("no value").isEmpty();
    assertThat(PlainArgs.read(VALUED, "--root=")).as("empty value").isEmpty();
    assertThat(PlainArgs.read(VALUED, "--root", "--ascii")).as("an option as value").isEmpty();
    assertThat(PlainArgs.read(VALUED, "--root", "@args")).as("an argument file").isEmpty();
    assertThat(PlainArgs.read(VALUED, "--ascii=yes")).as("a value for a flag").isEmpty();
    assertThat(PlainArgs.read(VALUED, "check", "")).as("an empty word").isEmpty();
    assertThat(PlainArgs.read(VALUED, "@args")).as("an argument file").isEmpty();
  }
}

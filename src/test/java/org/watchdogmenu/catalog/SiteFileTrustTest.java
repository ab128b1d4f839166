package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Target files decide what root runs: one that another account owns or can write, or that lies in a
 * folder another account can change, is refused in one line like cron's "WRONG FILE OWNER", as are
 * links, FIFOs, devices, files over 1 MiB, deep nesting and YAML anchors. A refused file breaks
 * only its own target.
 */
class SiteFileTrustTest extends SiteFileFixture {
  @Test
  void aFileOfAnotherAccountIsRefusedWithTheFix() throws Exception {
    Path file = bad("theirs");
    Files.setAttribute(file, "unix:uid", NOBODY);

    assertThat(onlyProblem("theirs"))
        .isEqualTo(
            "refusing target file "
                + file
                + ": it belongs to nobody, not root (wrong file owner); run chown root:root "
                + file);
  }

  @Test
  void aFileOfAnotherGroupButRootsOwnLoads() throws Exception {
    Path file = bad("group");
    Files.setAttribute(file, "unix:gid", NOBODY);

    assertThat(Sites.load(root).target("group").id()).isEqualTo("group");
  }

  @Test
  void aFileWritableByEveryoneOrItsGroupIsRefused() throws Exception {
    Path world = bad("world");
    Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(onlyProblem("world"))
        .isEqualTo(
            "refusing target file "
                + world
                + ": it is writable by everyone (mode 0666); run chmod go-w "
                + world);

    Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(onlyProblem("world")).contains("writable by its group (mode 0664)");

    Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(Sites.load(root).problems()).isEmpty();
  }

  @Test
  void everyFileInAFolderOthersCanChangeIsRefusedAndShippedTargetsStillLoad() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));

    Catalog catalog = Sites.load(root);

    assertThat(catalog.problems())
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .startsWith("refusing target file " + dir.resolve("good.yaml") + ": " + dir)
        .contains("is writable by its group")
        .endsWith("keep it in a folder only root can write");
    assertThat(catalog.target("paqet-server").id()).isEqualTo("paqet-server");
  }

  @Test
  void aFolderOfAnotherAccountIsRefused() throws Exception {
    Files.setAttribute(dir, "unix:uid", NOBODY);

    assertThat(Sites.load(root).problems())
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .contains(dir + " belongs to nobody");
  }

  @Test
  void aRefusedOverrideBreaksTheShippedTargetInsteadOfFallingBackToItsDefaults() throws Exception {
    Path file = Sites.write(root, "paqet-server.yaml", "id: paqet-server\ntitle: mine\n");
    Files.setAttribute(file, "unix:uid", NOBODY);

    Catalog catalog = Sites.load(root);

    assertThatThrownBy(() -> catalog.target("paqet-server"))
        .hasMessageContaining("wrong file owner");
    assertThat(catalog.targets()).extracting(t -> t.id()).doesNotContain("paqet-server");
  }

  @Test
  void aLinkIsNeverFollowedEvenToAGoodFile() throws Exception {
    Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
    assertThat(onlyProblem("zero"))
        .isEqualTo(
            "/etc/watchdog-menu/targets/zero.yaml line 1: is a link to /dev/zero: target files"
                + " are read only as regular files, never through a link: put the file itself"
                + " there");

    Files.delete(dir.resolve("zero.yaml"));
    Path elsewhere = Files.writeString(root.resolve("elsewhere.yaml"), GOOD.replace("good", "ln"));
    Files.createSymbolicLink(dir.resolve("ln.yaml"), elsewhere);
    assertThat(onlyProblem("ln")).contains("ln.yaml line 1: is a link to " + elsewhere + ":");
  }

  @Test
  void aDanglingLinkSaysSoNamingTheFile() throws Exception {
    Files.createSymbolicLink(dir.resolve("gone.yaml"), Path.of("/nonexistent/gone.yaml"));

    assertThat(onlyProblem("gone"))
        .startsWith(
            "/etc/watchdog-menu/targets/gone.yaml line 1: is a link to /nonexistent/gone.yaml,"
                + " which does not exist: ")
        .doesNotContain(root.toString());
  }

  @Test
  void anExtendsCycleIsNamedAsOne() throws Exception {
    Sites.write(root, "a.yaml", "id: a\nextends: b\n");
    Sites.write(root, "b.yaml", "id: b\nextends: a\n");

    Catalog catalog = Sites.load(root);

    assertThat(catalog.target("good").id()).isEqualTo("good");
    assertThat(catalog.problems())
        .extracting(Problem::message)
        .containsExactly(
            "/etc/watchdog-menu/targets/a.yaml line 2: extends cycle: a -> b -> a: make one of them"
                + " extend a catalog template or target",
            "/etc/watchdog-menu/targets/b.yaml line 2: extends cycle: b -> a -> b: make one of them"
                + " extend a catalog template or target");
  }

  @Test
  void aFileThatExtendsItselfIsACycleToo() throws Exception {
    Sites.write(root, "self.yaml", "id: self\nextends: self\n");

    assertThat(onlyProblem("self")).contains("line 2: extends cycle: self -> self:");
  }

  @Test
  void aFileOverOneMebibyteIsRefusedUnread() throws Exception {
    Path big = Sites.write(root, "big.yaml", "id: big\ntitle: " + "x".repeat(8 * 1024 * 1024));

    long start = System.nanoTime();
    String problem = onlyProblem("big");

    assertThat(problem).isEqualTo("refusing " + big + ": it is larger than 1 MiB");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void aFileJustUnderTheCapIsReadQuickly() {
    StringBuilder text =
        new StringBuilder(
            "id: long\nservice: {kind: command, restart: [\"/bin/true\"]}\ntitle: >-\n");
    String line = "  " + "x".repeat(1021) + "\n";
    while (text.length() + line.length() < 1024 * 1024) {
      text.append(line);
    }
    Sites.write(root, "long.yaml", text.toString());

    long start = System.nanoTime();
    assertThat(Sites.load(root).target("long").title()).hasSizeGreaterThan(1000 * 1000);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void aLineLongerThanSixtyFourKibibytesIsRefusedUnparsed() {
    Sites.write(root, "wide.yaml", "id: wide\ntitle: " + "x".repeat(1000 * 1000) + "\n");

    long start = System.nanoTime();
    assertThat(onlyProblem("wide"))
        .isEqualTo(
            "/etc/watchdog-menu/targets/wide.yaml line 2: the line is longer than 65536"
                + " characters: no setting needs a value that long");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
  }

  @Test
  void anchorsAndAliasesAreRefusedNotReadAsTheirNames() {
    Sites.write(
        root,
        "alias.yaml",
        "id: alias\ntitle: &t hello\nservice:\n  kind: command\n  restart: [\"/bin/echo\", *t]\n");

    assertThat(onlyProblem("alias"))
        .isEqualTo(
            "/etc/watchdog-menu/targets/alias.yaml line 2: the anchor '&t' is not allowed: remove"
                + " it and write each value out (YAML anchors and aliases are refused)");

    Sites.write(
        root,
        "alias.yaml",
        "id: alias\nservice:\n  kind: command\n  restart: [\"/bin/echo\", *t]\n");
    assertThat(onlyProblem("alias"))
        .isEqualTo(
            "/etc/watchdog-menu/targets/alias.yaml line 4: the alias '*t' is not allowed: write"
                + " the value out (YAML anchors and aliases are refused)");
  }

  @Test
  void nestingDeeperThanThirtyTwoLevelsIsRefused() {
    Sites.write(root, "deep.yaml", "id: deep\ntitle: " + "[".repeat(40) + "]".repeat(40) + "\n");

    assertThat(onlyProblem("deep"))
        .isEqualTo(
            "/etc/watchdog-menu/targets/deep.yaml line 2: mappings and lists are nested more than"
                + " 32 levels deep: flatten the file");
  }

  @Test
  void tooManyValuesAreRefused() {
    Sites.write(root, "many.yaml", "id: many\ntitle: [" + "1,".repeat(30_000) + "1]\n");

    assertThat(onlyProblem("many"))
        .endsWith("the file holds more than 20000 values: it is refused");
  }

  @Test
  void aFileThatIsNotUtf8IsOneLine() throws Exception {
    Files.write(dir.resolve("latin.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xe9, '\n'});

    assertThat(onlyProblem("latin"))
        .isEqualTo(
            "/etc/watchdog-menu/targets/latin.yaml line 1: is not UTF-8 text: save it as UTF-8");
  }

  @Test
  void controlCharactersInANameNeverReachTheScreen() throws Exception {
    Files.writeString(dir.resolve("a\u001b[2Jb.yaml"), GOOD);

    Catalog catalog = Sites.load(root);

    assertThat(catalog.problems())
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .doesNotContain("\u001b")
        .contains("a\\x1b[2Jb");
  }

  @Test
  void changingARefusedFileIsRefusedToo() throws Exception {
    Path file = bad("theirs");
    Files.setAttribute(file, "unix:uid", NOBODY);

    TargetFiles files = new TargetFiles(Sites.load(root));

    assertThatThrownBy(() -> files.set("theirs", List.of(Setting.parse("title=x"))))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("wrong file owner");
  }
}

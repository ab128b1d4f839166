package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Files in a folder that belongs to another account (its home), written with that account's rights
 * through {@code runuser}: whatever links or files the account planted there, the write can do no
 * more than the account itself could. The content travels in the environment of the account's own
 * process (never on a command line), the temp file comes from {@code mktemp} in the target's
 * folder, and the rename is the account's own {@code mv -T}.
 */
public final class UserFiles {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String CONTENT = "WATCHDOG_MENU_CONTENT";

  /** mkdir -p, mktemp, write, chmod; prints the temp file's path. */
  private static final String STAGE =
      "set -e; umask 077; mkdir -p -- \"$1\"; "
          + "t=$(mktemp -- \"$1/.$2.tmp-XXXXXXXXXX\"); "
          + "printf '%s' \"$"
          + CONTENT
          + "\" | base64 -d > \"$t\"; "
          + "chmod \"$3\" -- \"$t\"; printf '%s' \"$t\"";

  private final CommandRunner runner;

  public UserFiles(CommandRunner runner) {
    this.runner = runner;
  }

  /**
   * Writes {@code content} to a temp file beside {@code target} as {@code user}.
   *
   * @param mode octal, e.g. "0644"
   */
  public StagedFile stage(String user, Path target, byte[] content, String mode)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Command c =
        new Command(
                List.of(
                    "/bin/sh",
                    "-c",
                    STAGE,
                    "sh",
                    dir.toString(),
                    target.getFileName().toString(),
                    mode),
                TIMEOUT,
                null,
                Map.of(CONTENT, Base64.getEncoder().encodeToString(content)))
            .asUser(user, null);
    CommandResult r = runner.run(c);
    if (!r.succeeded() || r.stdout().isBlank()) {
      throw new IOException("writing " + target + " as " + user + " failed: " + r.summary());
    }
    Path temp = Path.of(r.stdout().strip());
    if (!dir.equals(temp.getParent())) {
      throw new IOException("writing " + target + " as " + user + " failed: unexpected temp file");
    }
    return new Staged(user, temp, target);
  }

  /** Creates a file (and its folders) as {@code user} when it is missing; mode 0644. */
  public void touch(String user, Path file) throws IOException {
    run(
        user,
        List.of(
            "/bin/sh",
            "-c",
            "umask 022; mkdir -p -- \"$1\" && touch -- \"$2\"",
            "sh",
            file.toAbsolutePath().getParent().toString(),
            file.toString()),
        "creating " + file);
  }

  /** Removes a file as {@code user} (nothing when it is already gone). */
  public void remove(String user, Path file) throws IOException {
    run(user, List.of("rm", "-f", "--", file.toString()), "removing " + file);
  }

  private void run(String user, List<String> argv, String what) throws IOException {
    CommandResult r = runner.run(Command.of(TIMEOUT, argv).asUser(user, null));
    if (!r.succeeded()) {
      throw new IOException(what + " as " + user + " failed: " + r.summary());
    }
  }

  private final class Staged implements StagedFile {
    private final String user;
    private final Path temp;
    private final Path target;
    private boolean committed;

    Staged(String user, Path temp, Path target) {
      this.user = user;
      this.temp = temp;
      this.target = target;
    }

    @Override
    public void commit() throws IOException {
      run(
          user,
          List.of("mv", "-f", "-T", "--", temp.toString(), target.toString()),
          "renaming " + target);
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        remove(user, temp);
      }
    }
  }
}

package org.watchdogmenu.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;

/**
 * alerts.yaml as the installer changes it: the new text with one more channel, every channel and
 * setting already there kept; and the check of a candidate text, which reads it back with the
 * loader itself (the same strict reader, the same mode rules) from a private temp folder.
 */
public final class AlertsEdit {
  /** The file, under the host root. */
  public static final String PATH = AlertsFile.PATH;

  private AlertsEdit() {}

  /**
   * The text of alerts.yaml with {@code channel} added, read back by the loader and found equal to
   * what was meant before it is returned.
   *
   * @throws ConfigException one line: the present file does not load (broken, or readable by others
   *     while it holds a secret), or a channel of that name exists already
   */
  public static String withChannel(HostRoot root, NewChannel channel) throws ConfigException {
    AlertsConfig now = AlertsFile.read(root);
    for (ChannelSpec c : now.channels()) {
      if (c.name().equals(channel.name())) {
        throw new ConfigException(
            PATH + " has a channel named '" + channel.name() + "' already: pick another name");
      }
    }
    List<ChannelSpec> channels = new ArrayList<>(now.channels());
    channels.add(channel.spec());
    AlertsConfig wanted = new AlertsConfig(now.remindEvery(), channels);
    String text = AlertsYaml.render(wanted);
    if (!readBack(text.getBytes(StandardCharsets.UTF_8)).equals(wanted)) {
      throw new ConfigException(
          PATH + ": the new text does not read back as the settings it was written from");
    }
    return text;
  }

  /** The problems the loader finds in a candidate text, each one line; empty when it loads. */
  public static List<String> problems(byte[] content) {
    try {
      readBack(content);
      return List.of();
    } catch (ConfigException e) {
      return List.of(e.getMessage());
    }
  }

  /** Loads the text as {@value #PATH} of a temp root (0700 folder, 0600 file, gone after). */
  private static AlertsConfig readBack(byte[] content) throws ConfigException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("watchdog-menu-alerts-");
      Path file = new HostRoot(dir).resolve(PATH);
      Files.createDirectories(
          file.getParent(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, content);
      try {
        return AlertsFile.read(new HostRoot(dir));
      } catch (ConfigException e) {
        throw new ConfigException(e.getMessage().replace(file.toString(), PATH));
      }
    } catch (IOException e) {
      throw new ConfigException(PATH + ": cannot be checked: " + e.getMessage());
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a private temp folder left behind is harmless
    }
  }
}

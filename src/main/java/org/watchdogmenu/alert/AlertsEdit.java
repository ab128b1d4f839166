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
 * alerts.yaml as the installer changes it: the new text with one more channel or one fewer, every
 * other channel and setting kept; and the check of a candidate text, which reads it back with the
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

  /** A channel of the file as the menu lists it: its name and what it is, secrets masked. */
  public record Listed(String name, String words) {}

  /**
   * The file's channels, in order, secrets masked.
   *
   * @throws ConfigException one line: the file does not load
   */
  public static List<Listed> channels(HostRoot root) throws ConfigException {
    return AlertsFile.read(root).channels().stream()
        .map(c -> new Listed(c.name(), c.describe()))
        .toList();
  }

  /**
   * The text of alerts.yaml without the channel named {@code name}, every other channel and setting
   * kept, read back by the loader and found equal to what was meant before it is returned.
   *
   * @throws ConfigException one line: the present file does not load, or no channel (or more than
   *     one) has that name
   */
  public static String withoutChannel(HostRoot root, String name) throws ConfigException {
    AlertsConfig now = AlertsFile.read(root);
    List<ChannelSpec> kept = new ArrayList<>();
    for (ChannelSpec c : now.channels()) {
      if (!c.name().equals(name)) {
        kept.add(c);
      }
    }
    int found = now.channels().size() - kept.size();
    if (found == 0) {
      throw new ConfigException(
          PATH
              + " has no channel named '"
              + name
              + "'"
              + (now.channels().isEmpty()
                  ? ": it has no channels"
                  : ": its channels are "
                      + String.join(
                          ", ", now.channels().stream().map(ChannelSpec::name).toList())));
    }
    if (found > 1) {
      throw new ConfigException(
          PATH
              + " has "
              + found
              + " channels named '"
              + name
              + "': give each its own name by hand first");
    }
    AlertsConfig wanted = new AlertsConfig(now.remindEvery(), kept);
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

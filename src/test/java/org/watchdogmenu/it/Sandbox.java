package org.watchdogmenu.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A throwaway root folder with site target files in it. */
final class Sandbox {
  final Path root;

  Sandbox(Path root) {
    this.root = root;
  }

  Path target(String id, String yaml) throws IOException {
    Path file = root.resolve("etc/watchdog-menu/targets/" + id + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  Path path(String hostPath) {
    return root.resolve(hostPath.substring(1));
  }

  /** Every file under the root with its size, to prove that nothing was written. */
  String snapshot() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      StringBuilder sb = new StringBuilder();
      files
          .sorted()
          .forEach(p -> sb.append(root.relativize(p)).append(' ').append(size(p)).append('\n'));
      return sb.toString();
    }
  }

  /** Every regular file under the root with its size (folders left out). */
  String files() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      StringBuilder sb = new StringBuilder();
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(p -> sb.append(root.relativize(p)).append(' ').append(size(p)).append('\n'));
      return sb.toString();
    }
  }

  private static long size(Path p) {
    try {
      return Files.isDirectory(p) ? -1 : Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

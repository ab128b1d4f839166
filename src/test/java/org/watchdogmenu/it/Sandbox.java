package org.watchdogmenu.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

  /** Every regular file under the root with its mode and a hash of its bytes. */
  String digest() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      StringBuilder sb = new StringBuilder();
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        sb.append(root.relativize(p))
            .append(' ')
            .append(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .append(' ')
            .append(sha256(Files.readAllBytes(p)))
            .append('\n');
      }
      return sb.toString();
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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

package org.watchdogmenu.os;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, as the kernel has it (not under {@code --root}: it is the running host). */
public final class HostName {
  private static final Path KERNEL = Path.of("/proc/sys/kernel/hostname");

  private HostName() {}

  /** The kernel's host name, else the resolver's, else {@code localhost}. */
  public static String get() {
    try {
      String name = Files.readString(KERNEL).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException e) {
      // not Linux, or /proc not mounted: ask the resolver instead
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}

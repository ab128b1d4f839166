package org.watchdogmenu.model;

import java.util.List;
import java.util.Optional;

/** What the service records share: their lists made immutable, and an account given or not. */
final class ServiceParts {
  private ServiceParts() {}

  static List<String> argv(List<String> argv) {
    return argv == null ? List.of() : List.copyOf(argv);
  }

  static List<List<String>> levels(List<List<String>> recovery) {
    return recovery == null ? List.of() : recovery.stream().map(List::copyOf).toList();
  }

  /** An account written in the file; an empty one is none. */
  static Optional<String> account(String user) {
    return user == null || user.isEmpty() ? Optional.empty() : Optional.of(user);
  }
}

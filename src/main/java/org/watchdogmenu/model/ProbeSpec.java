package org.watchdogmenu.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;

/** What one probe checks. Every probe has an optional name and a timeout (default 5s). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HttpProbeSpec.class, name = "http"),
  @JsonSubTypes.Type(value = TcpListenProbeSpec.class, name = "tcp-listen"),
  @JsonSubTypes.Type(value = TcpConnectProbeSpec.class, name = "tcp-connect"),
  @JsonSubTypes.Type(value = Socks5ProbeSpec.class, name = "socks5"),
  @JsonSubTypes.Type(value = LogScanProbeSpec.class, name = "log-scan"),
  @JsonSubTypes.Type(value = CommandProbeSpec.class, name = "command"),
  @JsonSubTypes.Type(value = CloseWaitProbeSpec.class, name = "close-wait"),
  @JsonSubTypes.Type(value = MemoryProbeSpec.class, name = "memory"),
  @JsonSubTypes.Type(value = CpuProbeSpec.class, name = "cpu"),
  @JsonSubTypes.Type(value = Pm2ProbeSpec.class, name = "pm2"),
  @JsonSubTypes.Type(value = DockerProbeSpec.class, name = "docker"),
  @JsonSubTypes.Type(value = DiskProbeSpec.class, name = "disk"),
  @JsonSubTypes.Type(value = ActiveProbeSpec.class, name = "active")
})
public sealed interface ProbeSpec
    permits HttpProbeSpec,
        TcpListenProbeSpec,
        TcpConnectProbeSpec,
        Socks5ProbeSpec,
        LogScanProbeSpec,
        CommandProbeSpec,
        CloseWaitProbeSpec,
        MemoryProbeSpec,
        CpuProbeSpec,
        Pm2ProbeSpec,
        DockerProbeSpec,
        DiskProbeSpec,
        ActiveProbeSpec {

  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** The name given in the file, or null. */
  String name();

  Duration timeout();

  /** The type as written in target files, e.g. {@code tcp-listen}. */
  default String type() {
    return typeOf(this);
  }

  /**
   * The {@link ProbeType} of each record, named here as well: reading the annotation makes a proxy
   * class on every start, which a check from cron pays for each run (a test keeps the two equal).
   */
  private static String typeOf(ProbeSpec p) {
    if (p instanceof HttpProbeSpec) {
      return "http";
    }
    if (p instanceof TcpListenProbeSpec) {
      return "tcp-listen";
    }
    if (p instanceof TcpConnectProbeSpec) {
      return "tcp-connect";
    }
    if (p instanceof Socks5ProbeSpec) {
      return "socks5";
    }
    if (p instanceof LogScanProbeSpec) {
      return "log-scan";
    }
    if (p instanceof CommandProbeSpec) {
      return "command";
    }
    if (p instanceof CloseWaitProbeSpec) {
      return "close-wait";
    }
    if (p instanceof MemoryProbeSpec) {
      return "memory";
    }
    if (p instanceof CpuProbeSpec) {
      return "cpu";
    }
    if (p instanceof Pm2ProbeSpec) {
      return "pm2";
    }
    if (p instanceof DockerProbeSpec) {
      return "docker";
    }
    if (p instanceof DiskProbeSpec) {
      return "disk";
    }
    if (p instanceof ActiveProbeSpec) {
      return "active";
    }
    return p.getClass().getAnnotation(ProbeType.class).value();
  }

  /** How log lines name this probe: its name, else a short description. */
  String label();

  static Duration timeoutOrDefault(Duration timeout) {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }
}

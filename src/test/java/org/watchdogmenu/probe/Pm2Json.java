package org.watchdogmenu.probe;

/** pm2 jlist output for tests, shaped like pm2 7.x prints it (environment included). */
final class Pm2Json {
  private Pm2Json() {}

  static String app(String name, String status, long pid, long memory, double cpu) {
    return "{\"pid\":"
        + pid
        + ",\"name\":\""
        + name
        + "\",\"pm2_env\":{\"status\":\""
        + status
        + "\",\"restart_time\":2,\"pm_uptime\":1739529000000,"
        + "\"SECRET_TOKEN\":\"hunter2\",\"env\":{\"DB_PASSWORD\":\"hunter2\"}},"
        + "\"monit\":{\"memory\":"
        + memory
        + ",\"cpu\":"
        + cpu
        + "}}";
  }

  static String list(String... apps) {
    return "[" + String.join(",", apps) + "]\n";
  }
}

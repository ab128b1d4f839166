package org.watchdogmenu.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the manual page and the bash completion of this jar's command line, for the Debian package
 * (at build time) and install.sh (at install time): {@code java -cp watchdog-menu.jar
 * org.watchdogmenu.cli.Docs DIR [FILE...]} writes {@code DIR/watchdog-menu.1.gz} and {@code
 * DIR/watchdog-menu} (the completion), and each FILE compressed as {@code DIR/NAME.gz}.
 */
public final class Docs {
  static final String MAN_PAGE = "watchdog-menu.1.gz";
  static final String COMPLETION = "watchdog-menu";

  private Docs() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: Docs DIR [FILE...]");
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    Files.write(dir.resolve(MAN_PAGE), gzip(manPage().getBytes(StandardCharsets.UTF_8)));
    Files.writeString(dir.resolve(COMPLETION), completion(), StandardCharsets.UTF_8);
    for (int i = 1; i < args.length; i++) {
      Path file = Path.of(args[i]);
      Files.write(dir.resolve(file.getFileName() + ".gz"), gzip(Files.readAllBytes(file)));
    }
  }

  static CommandLine commandLine() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    return WatchdogMenuCommand.commandLine(sink, sink);
  }

  static String manPage() {
    return ManPage.render(commandLine(), VersionProvider.version(), VersionProvider.date());
  }

  /** The bash completion script picocli makes from the model (no #! line: bash sources it). */
  static String completion() {
    String script = AutoComplete.bash("watchdog-menu", commandLine());
    if (script.startsWith("#!")) {
      script = script.substring(script.indexOf('\n') + 1);
    }
    return script;
  }

  /**
   * gzip with maximum compression and no name or time stamp in the header ({@code gzip -9n}), so
   * the same text always gives the same bytes.
   */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // magic, deflate, no flags, mtime 0, XFL 2 (maximum compression), OS 3 (Unix)
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(data);
    deflater.finish();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      int n = deflater.deflate(buffer);
      out.write(buffer, 0, n);
    }
    deflater.end();
    CRC32 crc = new CRC32();
    crc.update(data);
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, data.length);
    return out.toByteArray();
  }

  private static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
    out.write((v >>> 16) & 0xff);
    out.write((v >>> 24) & 0xff);
  }
}

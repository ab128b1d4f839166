package org.watchdogmenu.tui;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The terminal's input, read so that Esc acts at once and arrow keys still arrive whole. Lanterna
 * waits for the rest of an escape sequence in steps of 250 ms, or not at all; with no wait of its
 * own, it asks this stream whether more input is ready, and this stream waits up to {@link
 * #WAIT_MS} for it when what was read last ends inside an escape sequence (ESC, {@code ESC [},
 * {@code ESC [1;} ...): an arrow key split across SSH packets is put together, and a lone Esc is
 * known for what it is after that short wait.
 */
final class EscapeWait extends FilterInputStream {
  /** How long the rest of an escape sequence may take to come. */
  static final long WAIT_MS = 30;

  private static final int ESC = 0x1b;

  /** Where what was read last leaves an escape sequence. */
  private enum State {
    OUTSIDE,
    AFTER_ESC,
    IN_PARAMETERS
  }

  private final long waitNanos;
  private State state = State.OUTSIDE;

  EscapeWait(InputStream in) {
    this(in, WAIT_MS);
  }

  EscapeWait(InputStream in, long waitMillis) {
    super(in);
    this.waitNanos = waitMillis * 1_000_000;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      see(b);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    for (int i = 0; i < n; i++) {
      see(b[off + i] & 0xff);
    }
    return n;
  }

  /** Bytes ready now; inside an escape sequence, waits a little for the rest of it first. */
  @Override
  public int available() throws IOException {
    int n = super.available();
    if (n > 0 || state == State.OUTSIDE) {
      return n;
    }
    long until = System.nanoTime() + waitNanos;
    while (n == 0 && System.nanoTime() < until) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      n = super.available();
    }
    if (n == 0) {
      // nothing came: what was read is all there is (a lone Esc); don't wait for it again
      state = State.OUTSIDE;
    }
    return n;
  }

  private void see(int b) {
    if (b == ESC) {
      state = State.AFTER_ESC;
      return;
    }
    switch (state) {
      case AFTER_ESC -> state = b == '[' || b == 'O' ? State.IN_PARAMETERS : State.OUTSIDE;
      case IN_PARAMETERS -> state = b >= 0x30 && b <= 0x3f ? State.IN_PARAMETERS : State.OUTSIDE;
      default -> {}
    }
  }
}

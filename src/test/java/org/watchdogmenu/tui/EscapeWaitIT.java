package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Esc acts without Lanterna's 250 ms wait, and an arrow key whose bytes come in two pieces (ESC,
 * then {@code [A} a few ms later, as over SSH) still arrives as one arrow key.
 */
class EscapeWaitIT {
  /** A terminal's input: bytes typed from another thread, some of them later than others. */
  static final class Typed extends InputStream {
    private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

    void type(String s) {
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        bytes.add(b & 0xff);
      }
    }

    /** Types {@code s} after {@code millis}, from another thread. */
    Thread typeLater(String s, long millis) {
      Thread t =
          new Thread(
              () -> {
                try {
                  Thread.sleep(millis);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                type(s);
              });
      t.start();
      return t;
    }

    @Override
    public int read() throws IOException {
      try {
        return bytes.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      b[off] = (byte) read();
      int n = 1;
      Integer next;
      while (n < len && (next = bytes.poll()) != null) {
        b[off + n++] = next.byteValue();
      }
      return n;
    }

    @Override
    public int available() {
      return bytes.size();
    }
  }

  /** Lanterna's decoder as the menu sets it up: no wait of its own, reading through {@code in}. */
  private static InputDecoder decoder(InputStream in) {
    InputDecoder d = new InputDecoder(new InputStreamReader(in, StandardCharsets.UTF_8));
    d.addProfile(new DefaultKeyDecodingProfile());
    d.setTimeoutUnits(0);
    return d;
  }

  /** The keys decoded until {@code count} have come (polled, as the menu polls). */
  private static List<KeyStroke> keys(InputDecoder d, int count) throws IOException {
    List<KeyStroke> keys = new ArrayList<>();
    while (keys.size() < count) {
      KeyStroke k = d.getNextCharacter(false);
      if (k != null) {
        keys.add(k);
      } else {
        Thread.onSpinWait();
      }
    }
    return keys;
  }

  @Test
  void anArrowSplitAcrossPacketsIsOneArrowKey() throws Exception {
    Typed typed = new Typed();
    // a generous wait here, so a slow test machine cannot split what a real terminal sends
    InputDecoder d = decoder(new EscapeWait(typed, 5_000));
    typed.type("\u001b");
    Thread rest = typed.typeLater("[A", 5);

    List<KeyStroke> keys = keys(d, 1);
    rest.join();

    assertThat(keys.get(0).getKeyType()).isEqualTo(KeyType.ArrowUp);
    typed.type("\u001b[1;");
    typed.typeLater("5B", 5).join();
    assertThat(keys(d, 1).get(0).getKeyType()).isEqualTo(KeyType.ArrowDown);
  }

  @Test
  void withoutItTheSplitArrowWouldBeEscAndTwoLetters() throws Exception {
    Typed typed = new Typed();
    InputDecoder d = decoder(typed);
    typed.type("\u001b");
    KeyStroke first = keys(d, 1).get(0);
    typed.type("[A");

    assertThat(first.getKeyType()).isEqualTo(KeyType.Escape);
    assertThat(keys(d, 2)).extracting(KeyStroke::getCharacter).containsExactly('[', 'A');
  }

  @Test
  void aLoneEscIsEscapeAfterTheShortWaitAndTheNextKeysFollow() throws Exception {
    Typed typed = new Typed();
    InputDecoder d = decoder(new EscapeWait(typed));
    typed.type("\u001b");

    assertThat(keys(d, 1).get(0).getKeyType()).isEqualTo(KeyType.Escape);
    typed.type("q");
    assertThat(keys(d, 1).get(0).getCharacter()).isEqualTo('q');
    typed.type("\u001b[B\u001b");
    List<KeyStroke> two = keys(d, 2);
    assertThat(two)
        .extracting(KeyStroke::getKeyType)
        .containsExactly(KeyType.ArrowDown, KeyType.Escape);
  }
}

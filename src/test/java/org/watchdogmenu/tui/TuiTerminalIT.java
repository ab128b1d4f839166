package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** When the menu refuses to start, how it chooses borders and colours, and the apply gate. */
class TuiTerminalIT {

  @Test
  void closingTheGateWaitsForAChangeInProgressAndKeepsNewOnesOut() throws Exception {
    ApplyGate gate = new ApplyGate();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    Thread apply =
        new Thread(
            () ->
                gate.run(
                    () -> {
                      started.countDown();
                      Thread.sleep(300);
                      finished.set(true);
                      return null;
                    }));
    apply.start();
    started.await();
    assertThat(gate.close(10)).isTrue();
    assertThat(finished).isTrue();
    AtomicBoolean ranLater = new AtomicBoolean();
    Thread later = new Thread(() -> gate.run(() -> ranLater.getAndSet(true)));
    later.setDaemon(true);
    later.start();
    later.join(300);
    assertThat(ranLater).isFalse();
  }
}

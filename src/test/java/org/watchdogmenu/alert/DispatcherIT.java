package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherIT {
  private static final AlertEvent EVENT =
      AlertEvent.of(AlertKind.RESTART_FAILED, "web", Instant.parse("2025-02-14T10:30:00Z"), "x");

  /** A channel that takes {@code takes} whatever its timeout says. */
  private static Channel channel(String name, Duration timeout, Duration takes) {
    return new Channel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Duration timeout() {
        return timeout;
      }

      @Override
      public ChannelResult send(AlertEvent event) {
        try {
          Thread.sleep(takes.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new ChannelResult(name, true, "done", takes);
      }
    };
  }

  @Test
  void aChannelThatIgnoresItsTimeoutIsGivenUpOn() {
    long start = System.nanoTime();
    List<ChannelResult> results =
        Dispatcher.send(
            List.of(
                channel("stuck", Duration.ofMillis(200), Duration.ofSeconds(20)),
                channel("quick", Duration.ofMillis(200), Duration.ofMillis(10))),
            EVENT);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(1200 + 500));
    assertThat(results).extracting(ChannelResult::channel).containsExactly("stuck", "quick");
    assertThat(results.get(0).delivered()).isFalse();
    assertThat(results.get(0).detail()).isEqualTo("gave up after its timeout of 200ms");
    assertThat(results.get(1).delivered()).isTrue();
  }

  @Test
  void channelsAreSentInParallelAtMostEightAtATime() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Channel slow = channel("c" + i, Duration.ofSeconds(2), Duration.ofMillis(300));
      channels.add(
          new Channel() {
            @Override
            public String name() {
              return slow.name();
            }

            @Override
            public Duration timeout() {
              return slow.timeout();
            }

            @Override
            public ChannelResult send(AlertEvent event) {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                return slow.send(event);
              } finally {
                running.decrementAndGet();
              }
            }
          });
    }

    long start = System.nanoTime();
    List<ChannelResult> results = Dispatcher.send(channels, EVENT);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(results).allMatch(ChannelResult::delivered);
    assertThat(most.get()).isEqualTo(Dispatcher.PARALLEL);
    assertThat(took).isLessThan(Duration.ofMillis(12 * 300));
  }
}

package org.watchdogmenu.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.os.YamlFile;

/**
 * The monitor list's plain form is read without a YAML parser: for every text it reads, it gives
 * what the YAML reading gives, and it leaves every other text to that reading.
 */
class PlainListTest {
  private static MonitorList yaml(String text) throws Exception {
    return YamlFile.parse(text, MonitorList.FILE, MonitorList.class).orElse(MonitorList.EMPTY);
  }

  @Test
  void readsWhatItWritesAndWhatAPersonTypesTheSameWay() throws Exception {
    List<String> plain =
        List.of(
            MonitorList.EMPTY.with("web").with("paqet-client").render(),
            MonitorList.EMPTY.render(),
            "targets: [web]\n",
            "targets: [web]",
            "targets:   [ web ,api,  web ]   # the two\n",
            "# only a comment before\n\n  # indented comment\ntargets: []\n\n",
            "targets: [svc-mingus-backend, emqx]\n# after\n");
    for (String text : plain) {
      assertThat(PlainList.read(text)).as(text).hasValue(yaml(text));
    }
    assertThat(PlainList.read("targets: [web, api, web]\n").orElseThrow().targets())
        .containsExactly("api", "web");
  }

  @Test
  void leavesAnythingElseToTheYamlReading() {
    List<String> other =
        List.of(
            "",
            "# nothing\n",
            "targets:\n  - web\n",
            "targets: ['web']\n",
            "targets: [\"web\"]\n",
            "targets: [web,\n  api]\n",
            "targets: [web,]\n",
            "targets: [web, , api]\n",
            "targets: [yes, web]\n",
            "targets: [null]\n",
            "targets: [on]\n",
            "targets: [3proxy]\n",
            "targets: [Web]\n",
            "targets: [web]#x\n",
            "targets:[web]\n",
            " targets: [web]\n",
            "targets: [web]\ntargets: [api]\n",
            "targets: [web]\r\n",
            "targets: [web]\t\n",
            "---\ntargets: [web]\n",
            "colour: red\ntargets: [web]\n",
            "targets: [a b]\n",
            "targets: [web] extra\n");
    for (String text : other) {
      assertThat(PlainList.read(text)).as(text).isEmpty();
    }
  }

  @Test
  void aTextItLeavesStillGetsTheYamlAnswer() throws Exception {
    assertThat(MonitorList.parse("targets:\n  - web\n  - api\n").targets())
        .containsExactly("api", "web");
    assertThat(MonitorList.parse("targets: ['3proxy']\n").targets()).containsExactly("3proxy");
  }
}

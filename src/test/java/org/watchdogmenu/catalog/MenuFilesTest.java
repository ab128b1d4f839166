package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The menus are found without an index, in a class folder and in a jar. */
class MenuFilesTest {
  @TempDir Path dir;

  @Test
  void theBuildCopiesEveryMenuOntoTheClassPath() throws IOException {
    List<String> shipped;
    try (var files = Files.list(Path.of("menus"))) {
      shipped = files.map(f -> "menus/" + f.getFileName()).sorted().toList();
    }

    assertThat(MenuFiles.fromClassPath()).extracting(NamedText::name).isEqualTo(shipped);
    assertThat(shipped).hasSize(7).contains(MenuFiles.DEFAULTS);
  }

  @Test
  void menusAreReadFromAJarWithoutOtherFolders() throws IOException {
    Path jar = dir.resolve("app.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      put(zip, "menus/b.yaml", "system: b\n");
      put(zip, "menus/a.yaml", "system: a\n");
      put(zip, "menus/old/c.yaml", "system: c\n");
      put(zip, "menus/notes.txt", "not a menu\n");
      put(zip, "templates/x.yaml", "not a menu\n");
    }

    assertThat(MenuFiles.from(jar))
        .containsExactly(
            new NamedText("menus/a.yaml", "system: a\n"),
            new NamedText("menus/b.yaml", "system: b\n"));
  }

  @Test
  void menusAreReadFromAClassFolder() throws IOException {
    Files.createDirectories(dir.resolve("menus"));
    Files.writeString(dir.resolve("menus/z.yaml"), "system: z\n");
    Files.writeString(dir.resolve("menus/README"), "no\n");

    assertThat(MenuFiles.from(dir)).containsExactly(new NamedText("menus/z.yaml", "system: z\n"));
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    OutputStream out = zip;
    out.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}

package org.watchdogmenu;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.monitor.MonitorList;

/**
 * The rules of docs/ARCHITECTURE.md, checked on the compiled classes: its table's "may use" column
 * and its Rules section. A class that breaks one fails the build, naming the class, the line and
 * the dependency.
 */
class ArchitectureTest {
  private static final String P = "org.watchdogmenu.";

  /** The project's classes, without the tests: imported once for every rule. */
  private static JavaClasses classes;

  @BeforeAll
  static void importTheClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.watchdogmenu");
  }

  /** The table's "may use" column; a layer may always use itself. */
  @Test
  void packagesUseOnlyWhatTheTableAllows() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Main")
        .definedBy("org.watchdogmenu")
        .layer("model")
        .definedBy(P + "model..")
        .layer("os")
        .definedBy(P + "os..")
        .layer("service")
        .definedBy(P + "service..")
        .layer("probe")
        .definedBy(P + "probe..")
        .layer("catalog")
        .definedBy(P + "catalog..")
        .layer("install")
        .definedBy(P + "install..")
        .layer("alert")
        .definedBy(P + "alert..")
        .layer("metrics")
        .definedBy(P + "metrics..")
        .layer("engine")
        .definedBy(P + "engine..")
        .layer("monitor")
        .definedBy(P + "monitor..")
        .layer("apply")
        .definedBy(P + "apply..")
        .layer("cli")
        .definedBy(P + "cli..")
        .layer("tui")
        .definedBy(P + "tui..")
        .whereLayer("Main")
        .mayOnlyAccessLayers("cli")
        .whereLayer("model")
        .mayNotAccessAnyLayer()
        .whereLayer("os")
        .mayOnlyAccessLayers("model")
        .whereLayer("service")
        .mayOnlyAccessLayers("os", "model")
        .whereLayer("probe")
        .mayOnlyAccessLayers("os", "service", "model")
        .whereLayer("catalog")
        .mayOnlyAccessLayers("os", "model")
        .whereLayer("install")
        .mayOnlyAccessLayers("os", "model", "catalog", "alert", "metrics", "monitor")
        .whereLayer("alert")
        .mayOnlyAccessLayers("os", "model", "probe")
        .whereLayer("metrics")
        .mayOnlyAccessLayers("os", "model", "probe")
        .whereLayer("engine")
        .mayOnlyAccessLayers(
            "model", "os", "service", "probe", "catalog", "install", "alert", "metrics")
        .whereLayer("monitor")
        .mayOnlyAccessLayers("engine", "catalog", "alert", "metrics", "os", "model")
        .whereLayer("apply")
        .mayOnlyAccessLayers("os", "model", "catalog", "install", "alert", "monitor")
        .whereLayer("cli")
        .mayOnlyAccessLayers(
            "model", "os", "service", "probe", "catalog", "install", "alert", "metrics", "engine",
            "monitor", "apply", "tui")
        .whereLayer("tui")
        .mayOnlyAccessLayers(
            "model", "os", "service", "probe", "catalog", "install", "alert", "metrics", "engine",
            "monitor")
        .because("docs/ARCHITECTURE.md's table says what each package may use")
        .check(classes);
  }

  /** Of {@code monitor}, the installer reads only the list of monitored targets. */
  @Test
  void installReadsOnlyTheMonitorList() {
    noClasses()
        .that()
        .resideInAPackage(P + "install..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(P + "monitor..").and(not(equivalentTo(MonitorList.class))))
        .because("install reads monitor.MonitorList and nothing else of the monitor")
        .check(classes);
  }

  /** Every class is in a package of the table, so a new package cannot escape the rules. */
  @Test
  void everyClassIsInAPackageOfTheTable() {
    classes()
        .should()
        .resideInAnyPackage(
            "org.watchdogmenu",
            P + "model..",
            P + "os..",
            P + "service..",
            P + "probe..",
            P + "catalog..",
            P + "install..",
            P + "alert..",
            P + "metrics..",
            P + "engine..",
            P + "monitor..",
            P + "apply..",
            P + "cli..",
            P + "tui..")
        .because("each package has a row in docs/ARCHITECTURE.md and a layer here")
        .check(classes);
  }

  /** Only {@code Main} exits. */
  @Test
  void onlyMainExits() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Main.class.getName())
        .should()
        .callMethod(System.class, "exit", int.class)
        .orShould()
        .callMethod(Runtime.class, "exit", int.class)
        .orShould()
        .callMethod(Runtime.class, "halt", int.class)
        .because("only Main exits; commands return an exit code")
        .check(classes);
  }

  /** Every external program goes through {@code os.CommandRunner}. */
  @Test
  void onlyOsStartsPrograms() {
    noClasses()
        .that()
        .resideOutsideOfPackage(P + "os..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(ProcessBuilder.class)
        .orShould()
        .callMethodWhere(named(Runtime.class, "exec"))
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.commons.exec..")
        .because("every external program goes through os.CommandRunner (argv only)")
        .check(classes);
  }

  /** The engine and the services are free of UI code: Lanterna is the menu's, picocli the CLI's. */
  @Test
  void onlyTheMenuUsesLanterna() {
    noClasses()
        .that()
        .resideOutsideOfPackage(P + "tui..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.googlecode.lanterna..")
        .because("the menu is the only screen code")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineUsesPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage(P + "cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .because("commands are thin: the CLI parses and calls the services")
        .check(classes);
  }

  /** The menu's views write nothing themselves: they call the installer through Session. */
  @Test
  void theMenuWritesNoFile() {
    noClasses()
        .that()
        .resideInAPackage(P + "tui..")
        .should()
        .callMethodWhere(
            named(
                Files.class,
                "write",
                "writeString",
                "newOutputStream",
                "newBufferedWriter",
                "createFile",
                "createDirectory",
                "createDirectories",
                "createSymbolicLink",
                "createLink",
                "delete",
                "deleteIfExists",
                "move",
                "copy",
                "setPosixFilePermissions",
                "setOwner",
                "setAttribute",
                "setLastModifiedTime"))
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(FileOutputStream.class, FileWriter.class, RandomAccessFile.class)
        .because("the UI asks, the core changes things (install.Applier writes)")
        .check(classes);
  }

  /** Every package of the code has its row in docs/ARCHITECTURE.md's table, and no row is stale. */
  @Test
  void theTableHasARowForEveryPackage() throws IOException {
    Set<String> packages = new TreeSet<>();
    for (JavaClass c : classes) {
      String name = c.getPackageName();
      if (name.startsWith(P)) {
        packages.add(name.substring(P.length()).split("\\.")[0]);
      }
    }
    Set<String> rows = new TreeSet<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([a-z]+)` \\|")
            .matcher(Files.readString(Path.of("docs/ARCHITECTURE.md")));
    while (row.find()) {
      rows.add(row.group(1));
    }
    assertThat(rows).as("packages in docs/ARCHITECTURE.md's table").isEqualTo(packages);
  }

  private static DescribedPredicate<JavaCall<?>> named(Class<?> owner, String... names) {
    Set<String> wanted = Set.of(names);
    return DescribedPredicate.describe(
        owner.getSimpleName() + "." + String.join("/", names),
        call -> call.getTargetOwner().isEquivalentTo(owner) && wanted.contains(call.getName()));
  }
}

package org.watchdogmenu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/** Every probe record answers {@code type()} with the name its {@link ProbeType} gives. */
class ProbeTypeNamesTest {
  @Test
  void typeIsTheAnnotationsName() throws Exception {
    for (Class<?> c : ProbeSpec.class.getPermittedSubclasses()) {
      RecordComponent[] parts = c.getRecordComponents();
      Class<?>[] types = new Class<?>[parts.length];
      Object[] nulls = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        nulls[i] = types[i].isPrimitive() ? 0 : null;
      }
      ProbeSpec probe = (ProbeSpec) c.getDeclaredConstructor(types).newInstance(nulls);
      assertThat(probe.type())
          .as(c.getSimpleName())
          .isEqualTo(c.getAnnotation(ProbeType.class).value());
    }
  }
}

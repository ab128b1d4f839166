package org.watchdogmenu.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import org.watchdogmenu.model.Target;

/**
 * A {@link Target} as bytes and back, without a mapper: each record's components in order, by their
 * declared types (text, numbers, yes/no, durations, the model's enums, lists, records, and a probe
 * or a service as the number of its permitted record type). Only the model's own records are ever
 * made, by their canonical constructors, so the values pass the same checks as when the catalog
 * made them. {@link #shape} names every record's components, so bytes written by another version of
 * the model are never read as this one.
 */
final class TargetCodec {
  private TargetCodec() {}

  /** The bytes of a target. */
  static byte[] encode(Target target) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, Target.class, target);
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot encode " + target.id() + ": " + e, e);
    }
    return bytes.toByteArray();
  }

  /**
   * The target of {@link #encode}'s bytes.
   *
   * @throws IOException when the bytes are not a target of this model
   */
  static Target decode(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Object t = read(in, Target.class);
      if (in.read() != -1) {
        throw new IOException("bytes after the target");
      }
      return (Target) t;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IOException("not a target: " + e, e);
    }
  }

  /** A checksum of the model's record shapes (names and types of every component). */
  static long shape() {
    StringBuilder sb = new StringBuilder();
    describe(Target.class, sb, new ArrayList<>());
    CRC32 crc = new CRC32();
    crc.update(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static void describe(Type type, StringBuilder sb, List<Class<?>> seen) {
    sb.append(type.getTypeName()).append(';');
    Class<?> raw = raw(type);
    if (seen.contains(raw)) {
      return;
    }
    seen.add(raw);
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        describe(arg, sb, seen);
      }
    } else if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) {
        sb.append(c.getName()).append(':');
        describe(c.getGenericType(), sb, seen);
      }
    } else if (raw.isSealed()) {
      for (Class<?> sub : raw.getPermittedSubclasses()) {
        describe(sub, sb, seen);
      }
    } else if (raw.isEnum()) {
      for (Object constant : raw.getEnumConstants()) {
        sb.append(((Enum<?>) constant).name()).append(',');
      }
    }
  }

  private static void write(DataOutputStream out, Type type, Object value)
      throws IOException, ReflectiveOperationException {
    Class<?> raw = raw(type);
    if (!raw.isPrimitive()) {
      out.writeBoolean(value != null);
      if (value == null) {
        return;
      }
    }
    if (raw == String.class) {
      byte[] utf8 = ((String) value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(utf8.length);
      out.write(utf8);
    } else if (raw == Integer.class || raw == int.class) {
      out.writeInt((Integer) value);
    } else if (raw == Long.class || raw == long.class) {
      out.writeLong((Long) value);
    } else if (raw == Double.class || raw == double.class) {
      out.writeDouble((Double) value);
    } else if (raw == Boolean.class || raw == boolean.class) {
      out.writeBoolean((Boolean) value);
    } else if (raw == Duration.class) {
      out.writeLong(((Duration) value).getSeconds());
      out.writeInt(((Duration) value).getNano());
    } else if (raw.isEnum()) {
      out.writeInt(((Enum<?>) value).ordinal());
    } else if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<?> list = (List<?>) value;
      out.writeInt(list.size());
      for (Object e : list) {
        write(out, element, e);
      }
    } else if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) {
        write(out, c.getGenericType(), c.getAccessor().invoke(value));
      }
    } else if (raw.isSealed()) {
      Class<?>[] subs = raw.getPermittedSubclasses();
      int i = List.of(subs).indexOf(value.getClass());
      if (i < 0 || !subs[i].isRecord()) {
        throw new IOException(value.getClass() + " is not a record permitted by " + raw);
      }
      out.writeInt(i);
      write(out, subs[i], value);
    } else {
      throw new IOException("no encoding for " + type);
    }
  }

  private static Object read(DataInputStream in, Type type)
      throws IOException, ReflectiveOperationException {
    Class<?> raw = raw(type);
    if (!raw.isPrimitive() && !in.readBoolean()) {
      return null;
    }
    if (raw == String.class) {
      int n = in.readInt();
      if (n < 0 || n > in.available()) {
        throw new IOException("bad text length " + n);
      }
      return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    } else if (raw == Integer.class || raw == int.class) {
      return in.readInt();
    } else if (raw == Long.class || raw == long.class) {
      return in.readLong();
    } else if (raw == Double.class || raw == double.class) {
      return in.readDouble();
    } else if (raw == Boolean.class || raw == boolean.class) {
      return in.readBoolean();
    } else if (raw == Duration.class) {
      return Duration.ofSeconds(in.readLong(), in.readInt());
    } else if (raw.isEnum()) {
      return raw.getEnumConstants()[in.readInt()];
    } else if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      int n = in.readInt();
      if (n < 0 || n > in.available()) {
        throw new IOException("bad list length " + n);
      }
      List<Object> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(read(in, element));
      }
      return Collections.unmodifiableList(list);
    } else if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = read(in, components[i].getGenericType());
      }
      Constructor<?> canonical = raw.getDeclaredConstructor(types);
      try {
        return canonical.newInstance(values);
      } catch (InvocationTargetException e) {
        throw new IOException("rejected by " + raw.getSimpleName() + ": " + e.getCause(), e);
      }
    } else if (raw.isSealed()) {
      Class<?>[] subs = raw.getPermittedSubclasses();
      int i = in.readInt();
      if (i < 0 || i >= subs.length) {
        throw new IOException("bad type number " + i);
      }
      return read(in, subs[i]);
    }
    throw new IOException("no decoding for " + type);
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }
}

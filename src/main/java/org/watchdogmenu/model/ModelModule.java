package org.watchdogmenu.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;

/** Jackson support for the model's value types: durations as {@code 5s}, sizes as {@code 1G}. */
public final class ModelModule extends SimpleModule {

  public ModelModule() {
    super("watchdog-menu-model");
    addDeserializer(Duration.class, new DurationDeserializer());
    addSerializer(Duration.class, new DurationSerializer());
    addDeserializer(DataSize.class, new DataSizeDeserializer());
    addSerializer(DataSize.class, new DataSizeSerializer());
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
      }
      try {
        return Durations.parse(p.getText());
      } catch (IllegalArgumentException e) {
        return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getText(), e.getMessage());
      }
    }
  }

  private static final class DurationSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(Durations.format(value));
    }
  }

  private static final class DataSizeDeserializer extends JsonDeserializer<DataSize> {
    @Override
    public DataSize deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        return DataSize.parse(p.getValueAsString());
      } catch (IllegalArgumentException e) {
        return (DataSize) ctxt.handleWeirdStringValue(DataSize.class, p.getText(), e.getMessage());
      }
    }
  }

  private static final class DataSizeSerializer extends JsonSerializer<DataSize> {
    @Override
    public void serialize(DataSize value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }
}

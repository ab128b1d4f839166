package org.watchdogmenu.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The name a probe spec has in target files. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ProbeType {
  String value();
}

/** Tiny value types and exceptions every module may use. Keep it near-empty. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.jobcoachmonitor.shared;

package nl.jobcoachmonitor.organisation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A jobcoach organisation: employs coaches, is commissioned by municipalities and UWV. */
record Organisation(@Id Long id, String name, String city, @Version Integer version) {
}

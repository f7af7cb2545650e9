package nl.jobcoachmonitor.operations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

@Configuration
class OperationsConfiguration {

    /** Before every other filter: Spring Session's and Spring Security's need the database. */
    @Bean
    FilterRegistrationBean<ServiceUnavailable> serviceUnavailable(ApplicationAvailability availability,
            DrainBeforeStop drain, MessageSource messages, ObjectProvider<LocaleResolver> locales) {
        var registration = new FilterRegistrationBean<>(new ServiceUnavailable(availability, drain, messages,
                locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("serviceUnavailable");
        return registration;
    }
}

package nl.jobcoachmonitor;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * One schema for H2 and PostgreSQL: the migrations use unquoted names, which H2 folds to upper case and PostgreSQL to
 * lower case. Spring Data JDBC quotes names by default, which would pin one case; so it does not quote here.
 */
@Configuration
public class DatabaseConfiguration {

    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}

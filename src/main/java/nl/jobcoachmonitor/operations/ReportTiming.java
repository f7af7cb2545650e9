package nl.jobcoachmonitor.operations;

import nl.jobcoachmonitor.analytics.AnalyticsManagement;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.NameMatchMethodPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code jcm.report.duration}: the time {@link AnalyticsManagement#report} takes to compute the study report (page,
 * PDF, CSV and spreadsheet all go through it), as a timer with a histogram for percentiles in Prometheus (tag
 * {@code outcome}: success or error). Added around the module's public API, so the analytics module does not know it is
 * measured.
 */
@Component
class ReportTiming extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    ReportTiming(ObjectProvider<MeterRegistry> registry) {
        var pointcut = new NameMatchMethodPointcut() {
            @Override
            public boolean matches(java.lang.reflect.Method method, Class<?> targetClass) {
                return AnalyticsManagement.class.isAssignableFrom(targetClass) && super.matches(method, targetClass);
            }
        };
        pointcut.setMappedName("report");
        MethodInterceptor timing = invocation -> {
            long start = System.nanoTime();
            String outcome = "error";
            try {
                Object result = invocation.proceed();
                outcome = "success";
                return result;
            } finally {
                Timer.builder("jcm.report.duration").description("Time to compute the study report")
                        .tag("outcome", outcome).publishPercentileHistogram()
                        .register(registry.getObject())
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
        this.advisor = new DefaultPointcutAdvisor(pointcut, timing);
        setBeforeExistingAdvisors(true);
        setProxyTargetClass(true);
    }
}

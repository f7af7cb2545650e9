package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class SuppressedTableRenderingTests {

    private static String render(String template, Map<String, Object> variables) {
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine.process(template, new Context(null, variables));
    }

    @Test
    void aTemplateShowsPublishedCountsAndADashForSuppressedOnes() {
        var table = SmallCellRule.apply(new int[][] { { 20, 5, 30 }, { 15, 25, 40 } });

        String html = render("""
                <tr th:each="row : ${table.cells}"><td th:each="cell : ${row}"
                    th:text="${cell.shown} ? ${cell.value} : '–'"></td></tr>
                <p th:text="${table.total.value}"></p>
                <p th:text="${table.rowPercentage(0, 2).shown}"></p>""", Map.of("table", table));

        assertThat(html.replaceAll("\\s+", "")).isEqualTo(
                "<tr><td>–</td><td>–</td><td>30</td></tr><tr><td>–</td><td>–</td><td>40</td></tr><p>135</p>"
                        + "<p>true</p>");
    }

    @Test
    void aTemplateThatForgetsToCheckStillShowsNothingOfASuppressedCell() {
        var table = SmallCellRule.apply(new int[][] { { 3, 40 } });

        String html = render("<td th:text=\"${table.cells[0][0].value}\"></td>", Map.of("table", table));

        assertThat(html).isEqualTo("<td></td>");
    }
}

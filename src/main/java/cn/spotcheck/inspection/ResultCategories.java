package cn.spotcheck.inspection;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The standard result categories (抽查检查结果), kept as data: each says which follow-up it calls for and whether
 * it is a finding that enters the target's credit record.
 */
@Component("resultCategories")
public class ResultCategories {

    public record Category(String name, String followUp, boolean finding) {
    }

    private final JdbcTemplate jdbc;

    ResultCategories(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> all() {
        return jdbc.query("select name, follow_up, finding from spotcheck.result_category order by sort_order",
                (rs, i) -> new Category(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }

    public Optional<Category> find(String name) {
        return all().stream().filter(c -> c.name().equals(name == null ? null : name.strip())).findFirst();
    }

    /** The category, or a refusal the engine REST API answers with 400. */
    Category require(Object name) {
        return find(name == null ? null : name.toString()).orElseThrow(() -> new BadUserRequestException(
                "检查结果类别“" + name + "”不是标准类别之一：" + String.join("、", all().stream().map(Category::name).toList())));
    }
}

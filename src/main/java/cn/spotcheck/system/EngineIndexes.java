package cn.spotcheck.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks, which a province's numbers need. Created once, when the engine has made or
 * updated its tables; a node starting at the same moment may find them made by the other.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    /** Name → table (without the engine's prefix) and columns. */
    private static final Map<String, String> INDEXES = Map.of(
            // Every query the engine filters by a user's rights first selects “this user's or their groups'
            // authorizations”; the groups have an index, the user not, so with an authorization per open task and
            // officer (94,000 rows for a province) PostgreSQL read the whole table for each — 36 ms for the variables
            // of one Tasklist page, 1.6 ms with the index.
            "SPOTCHECK_IDX_AUTH_USER", "ACT_RU_AUTHORIZATION (USER_ID_)",
            // Completing a task first looks for its subtasks by their parent: without the index a read of every open
            // task for each completion (0.8 ms at 5,000 open tasks, and the same again with every 5,000 more).
            "SPOTCHECK_IDX_TASK_PARENT", "ACT_RU_TASK (PARENT_TASK_ID_)",
            // The job executor asks many times a second for the jobs due; without the index PostgreSQL read every job
            // to answer, and a province's open inspections each hold two timers (publication reminder and deadline):
            // 29 ms at 120,000 timers, 0.03 ms with it.
            "SPOTCHECK_IDX_JOB_DUE", "ACT_RU_JOB (DUEDATE_)",
            // Whether any revoking authorization exists is asked every few seconds (AuthorizedGroupsCache); the
            // platform makes none, so the index is empty and the answer immediate among a province's grants.
            "SPOTCHECK_IDX_AUTH_REVOKE", "ACT_RU_AUTHORIZATION (TYPE_) WHERE TYPE_ = 2");

    private DataSource dataSource;
    private String tablePrefix;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.dataSource = configuration.getDataSource();
        this.tablePrefix = configuration.getDatabaseTablePrefix();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        INDEXES.forEach((name, columns) -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("create index if not exists " + name + " on " + tablePrefix + columns);
            } catch (SQLException e) {
                log.warn("未能为流程引擎的表建立索引 {}（大量任务下会变慢）：{}", name, e.getMessage());
            }
        });
    }
}

package cn.spotcheck.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives this node's job executor a stable name and, when the node starts, releases the jobs that name still holds.
 * A node killed in the middle of a job (a fan-out of thousands of inspections, say) would otherwise leave the job
 * locked for the whole lock time before anyone takes it up again; the job itself is written to be re-run safely.
 * Each node of a cluster needs a name of its own ({@code spotcheck.node-name}, the host name by default).
 */
@Component
class JobLockRecovery extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobLockRecovery.class);

    private final String nodeName;

    JobLockRecovery(@Value("${spotcheck.node-name:}") String nodeName) {
        this.nodeName = nodeName.isBlank() ? hostName() : nodeName;
    }

    /** The engine's host name is what its job log and metrics say ran a job: in a cluster, which node. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(nodeName);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeName);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        int released = new JdbcTemplate(configuration.getDataSource()).update(
                "update act_ru_job set lock_owner_ = null, lock_exp_time_ = null where lock_owner_ = ?", nodeName);
        if (released > 0) {
            log.warn("节点 {} 重新启动：释放上次运行中断时未完成的 {} 个作业，它们将重新执行", nodeName, released);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "spotcheck";
        }
    }
}

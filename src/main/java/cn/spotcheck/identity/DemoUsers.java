package cn.spotcheck.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's people, all with password {@code demo}: one per office of the procedure and forty
 * enforcement inspectors spread over the bureau's departments. Adds only what is missing, so restarts are safe.
 */
@Component
@Profile("demo")
class DemoUsers {

    static final String PASSWORD = "demo";
    /** Every inspector of the demo directory (zf001–zf044) has a login: only an inspector with one is drawable. */
    static final int INSPECTOR_COUNT = 44;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN_NAMES = {"伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇",
            "艳", "杰", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英"};

    private final IdentityService identityService;
    private final IdentityBootstrap bootstrap;

    DemoUsers(IdentityService identityService, IdentityBootstrap bootstrap) {
        this.identityService = identityService;
        this.bootstrap = bootstrap;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void seed() {
        for (Department department : Department.values()) {
            bootstrap.ensureGroup(department.groupId(), department.displayName(), "DEPARTMENT");
        }
        person("fagui", "法规科员", Roles.LEGAL);
        person("fazhi", "法制办审核员", Roles.LEGAL);
        person("sifa", "司法局审核员", Roles.JUSTICE);
        person("ducha", "督查专员", Roles.SUPERVISION);
        List<Department> departments = List.of(Department.values());
        for (int i = 1; i <= INSPECTOR_COUNT; i++) {
            String id = String.format("zf%03d", i);
            Department department = departments.get((i - 1) % departments.size());
            person(id, SURNAMES[(i * 7) % SURNAMES.length] + GIVEN_NAMES[(i * 3) % GIVEN_NAMES.length],
                    Roles.INSPECTOR, department.groupId());
        }
    }

    /** Chinese names are written whole, surname first, so the whole name goes where the webapps show it first. */
    private void person(String id, String fullName, String... groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(fullName);
            user.setLastName("");
            user.setEmail(id + "@jtj.example.cn");
            user.setPassword(PASSWORD);
            bootstrap.savePreset(user);
        }
        for (String group : groups) {
            bootstrap.ensureMembership(id, group);
        }
    }
}

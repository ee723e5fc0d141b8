package cn.spotcheck.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpotCheckTaskRepository extends JpaRepository<SpotCheckTask, Long> {

    List<SpotCheckTask> findByPlanIdOrderById(long planId);

    List<SpotCheckTask> findByJointGroupOrderById(String jointGroup);
}

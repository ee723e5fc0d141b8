package cn.spotcheck.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnnualPlanRepository extends JpaRepository<AnnualPlan, Long> {

    List<AnnualPlan> findByStatusOrderByYearDescIdDesc(PlanStatus status);
}

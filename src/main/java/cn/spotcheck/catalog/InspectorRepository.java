package cn.spotcheck.catalog;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InspectorRepository extends JpaRepository<Inspector, Long> {

    Optional<Inspector> findByStaffNo(String staffNo);

    @Query("""
            select i from Inspector i
            where (:q is null or i.name like concat('%', cast(:q as string), '%') or i.staffNo = :q)
              and (:department is null or i.department = :department)
              and (:status is null or i.status = :status)
            order by i.staffNo""")
    Page<Inspector> search(@Param("q") String q, @Param("department") String department, @Param("status") String status,
                           Pageable pageable);
}

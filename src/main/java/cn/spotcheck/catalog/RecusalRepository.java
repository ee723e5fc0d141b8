package cn.spotcheck.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecusalRepository extends JpaRepository<Recusal, Long> {

    List<Recusal> findByInspectorIdOrderByIdDesc(long inspectorId);
}

package cn.spotcheck.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ItemRepository extends JpaRepository<InspectionItem, Long> {

    Optional<InspectionItem> findByCode(String code);

    List<InspectionItem> findAllByOrderByCode();
}

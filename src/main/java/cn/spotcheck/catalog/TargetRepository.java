package cn.spotcheck.catalog;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TargetRepository extends JpaRepository<Target, Long> {

    Optional<Target> findByUscc(String uscc);

    Optional<Target> findByRegistrationNo(String registrationNo);
}

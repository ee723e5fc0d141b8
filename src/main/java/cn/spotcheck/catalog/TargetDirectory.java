package cn.spotcheck.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.ApiException;

/** 检查对象名录库: adding, changing, finding and listing targets, each change kept in the history. */
@Service
public class TargetDirectory {

    private final TargetRepository repository;
    private final TargetSearch search;
    private final CatalogVocabulary vocabulary;
    private final CatalogHistory history;

    TargetDirectory(TargetRepository repository, TargetSearch search, CatalogVocabulary vocabulary, CatalogHistory history) {
        this.repository = repository;
        this.search = search;
        this.vocabulary = vocabulary;
        this.history = history;
    }

    @Transactional
    public TargetView create(TargetInput input) {
        TargetData data = new TargetRules(vocabulary).validate(input).orThrow();
        requireUnique(data, null);
        Target target = repository.saveAndFlush(new Target(data, BureauTime.now()));
        history.record(Register.TARGET, target.getId(), CatalogHistory.CREATED, null, target.snapshot());
        return search.byId(target.getId());
    }

    @Transactional
    public TargetView update(long id, TargetInput input) {
        Target target = repository.findById(id).orElseThrow(() -> notFound(id));
        TargetData data = new TargetRules(vocabulary).validate(input).orThrow();
        requireUnique(data, id);
        var before = target.snapshot();
        target.apply(data, BureauTime.now());
        repository.saveAndFlush(target);
        history.record(Register.TARGET, id, CatalogHistory.UPDATED, before, target.snapshot());
        return search.byId(id);
    }

    public TargetView get(long id) {
        TargetView view = search.byId(id);
        if (view == null) {
            throw notFound(id);
        }
        return view;
    }

    public Optional<TargetView> find(long id) {
        return Optional.ofNullable(search.byId(id));
    }

    public PageOf<TargetView> search(TargetQuery query) {
        return search.search(query);
    }

    public void forEach(TargetQuery query, Consumer<TargetView> action) {
        search.forEach(query, action);
    }

    public List<HistoryEntry> history(long id) {
        get(id);
        return history.of(Register.TARGET, id);
    }

    private void requireUnique(TargetData data, Long self) {
        if (data.uscc() != null) {
            repository.findByUscc(data.uscc()).filter(t -> !t.getId().equals(self)).ifPresent(t -> {
                throw ApiException.conflict("uscc", "统一社会信用代码 " + data.uscc() + " 已登记为“" + t.getName() + "”（编号 " + t.getId() + "）");
            });
        }
        if (data.registrationNo() != null) {
            repository.findByRegistrationNo(data.registrationNo()).filter(t -> !t.getId().equals(self)).ifPresent(t -> {
                throw ApiException.conflict("registrationNo", "登记号 " + data.registrationNo() + " 已登记为“" + t.getName() + "”");
            });
        }
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("检查对象 " + id + " 不存在");
    }
}

package nl.jobcoachmonitor.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation module's public API. */
@Service
@Transactional(readOnly = true)
public class OrganisationManagement {

    private final Organisations organisations;
    private final Commissioners commissioners;
    private final Employers employers;

    OrganisationManagement(Organisations organisations, Commissioners commissioners, Employers employers) {
        this.organisations = organisations;
        this.commissioners = commissioners;
        this.employers = employers;
    }

    public List<Named> organisations() {
        return organisations.findAllByOrderByName().stream().map(o -> new Named(o.id(), o.name())).toList();
    }

    public List<Named> commissioners() {
        return commissioners.findAllByOrderByName().stream().map(c -> new Named(c.id(), c.name())).toList();
    }

    public Optional<Named> commissioner(long id) {
        return commissioners.findById(id).map(c -> new Named(c.id(), c.name()));
    }

    public List<Named> employersOf(long organisationId) {
        return employers.findByOrganisationIdOrderByName(organisationId).stream()
                .map(e -> new Named(e.id(), e.name())).toList();
    }

    /** The employer, only if it is in this organisation's address book. */
    public Optional<Named> employerOf(long organisationId, long employerId) {
        return employers.findByIdAndOrganisationId(employerId, organisationId).map(e -> new Named(e.id(), e.name()));
    }

    @Transactional
    public Named addEmployer(long organisationId, String name, String city) {
        var saved = employers.save(new Employer(null, organisationId, name.trim(), city, null, null));
        return new Named(saved.id(), saved.name());
    }

    public Map<Long, String> employerNames(Collection<Long> ids) {
        return employers.findAllById(ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Employer::id, Employer::name));
    }
}

package io.newsdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.newsdesk.system.Database;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.MappedSuperclass;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The layering, checked on the compiled main classes (no Quarkus start): packages form no cycle, {@code format}
 * knows no feature, {@code system} knows nobody, and resources only translate HTTP.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.newsdesk");

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        slices().matching("io.newsdesk.(*)..")
                .should()
                .beFreeOfCycles()
                .because("dependencies point one way: features -> shared packages -> system")
                .check(MAIN);
    }

    @Test
    void shouldKeepFormatIndependentOfEveryFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.newsdesk.format..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.newsdesk.article..",
                        "io.newsdesk.catalog..",
                        "io.newsdesk.demo..",
                        "io.newsdesk.auth..",
                        "io.newsdesk.caching..")
                .because("writers render format-neutral models, so a new feature or format changes one side only")
                .check(MAIN);
    }

    @Test
    void shouldKeepSystemIndependentOfEveryOtherPackage() {
        noClasses()
                .that()
                .resideInAPackage("io.newsdesk.system..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("io.newsdesk..").and(not(resideInAnyPackage("io.newsdesk.system.."))))
                .because("system is configuration and start-up, which every package may use")
                .check(MAIN);
    }

    /**
     * A resource is a {@code @Path} class or a base of one: a class with resource methods (the catalog resources
     * inherit theirs from {@code CatalogResource}, which has no {@code @Path} of its own).
     */
    private static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate.describe(
            "resources (@Path classes and the bases they inherit resource methods from)",
            type -> type.isAnnotatedWith(Path.class)
                    || type.getMethods().stream().anyMatch(method -> method.isMetaAnnotatedWith(HttpMethod.class)));

    @Test
    void shouldKeepResourcesAwayFromTheDatabase() {
        noClasses()
                .that(RESOURCES)
                .should()
                .dependOnClassesThat(type(EntityManager.class).or(type(Database.class)))
                .because("resources translate HTTP; queries and commands read and write")
                .check(MAIN);
    }

    @Test
    void shouldLeaveNegotiationLinksAndCachingToThePipeline() {
        noClasses()
                .that(RESOURCES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.newsdesk.format..", "io.newsdesk.caching..", "io.newsdesk.links..")
                .because("a resource parses its input and returns an Answer of a typed model; the pipeline"
                        + " negotiates, makes links, answers conditionally, caches and writes, for every resource")
                .check(MAIN);
    }

    @Test
    void shouldKeepEntitiesAwayFromResources() {
        noClasses()
                .that(RESOURCES)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .because("entities stay behind the feature's queries and commands, which answer with records")
                .check(MAIN);
    }

    /**
     * An entity is used in its own package only; the one exception is another entity's mapping (an
     * {@code Article} belongs to a {@code Category}: a JPA association, which names the class).
     */
    @Test
    void shouldKeepEntitiesInsideTheirFeature() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should(new ArchCondition<JavaClass>("be used only in their own package or by entity mappings") {
                    @Override
                    public void check(JavaClass entity, ConditionEvents events) {
                        for (Dependency use : entity.getDirectDependenciesToSelf()) {
                            JavaClass user = use.getOriginClass();
                            boolean mapping =
                                    user.isAnnotatedWith(Entity.class) || user.isAnnotatedWith(MappedSuperclass.class);
                            if (!user.getPackageName().equals(entity.getPackageName()) && !mapping) {
                                events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                            }
                        }
                    }
                })
                .because("other features read records and write through commands, so an entity can change alone")
                .check(MAIN);
    }
}

package org.chatroom.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering docs/architecture.md describes, as rules a regression breaks at build time. */
class ArchitectureTest {
    private static final String[] CORE = {
        "org.chatroom.server.core..", "org.chatroom.server.state..", "org.chatroom.server.context..",
        "org.chatroom.server.command..", "org.chatroom.server.event..", "org.chatroom.server.auth.."};

    private static JavaClasses server;

    @BeforeAll
    static void importClasses() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.chatroom.server");
    }

    @Test
    void serverPackagesHaveNoCycles() {
        slices().matching("org.chatroom.server.(*)..").should().beFreeOfCycles().check(server);
    }

    @Test
    void theCoreKnowsNoTransport() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.chatroom.server.net..",
                        "org.chatroom.server.admin..", "org.chatroom.server.persist..", "org.chatroom.server.tls..",
                        "org.chatroom.server.cluster..", "io.lettuce..")
                .check(server);
    }

    @Test
    void theCoreAndTheStoreInterfaceKnowNoDatabase() {
        noClasses().that().resideInAnyPackage(CORE).or().resideInAPackage("org.chatroom.server.store")
                .should().dependOnClassesThat().resideInAnyPackage("org.chatroom.server.store.sqlite..",
                        "org.chatroom.server.store.postgres..", "org.chatroom.server.store.jdbc..", "java.sql..",
                        "org.sqlite..", "org.postgresql..", "com.zaxxer..", "org.flywaydb..")
                .check(server);
    }

    @Test
    void theSharedJdbcCodeKnowsNoEngine() {
        noClasses().that().resideInAPackage("org.chatroom.server.store.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("org.chatroom.server.store.sqlite..",
                        "org.chatroom.server.store.postgres..", "org.sqlite..", "org.postgresql..", "com.zaxxer..")
                .check(server);
    }

    @Test
    void nothingDependsOnTheDaemonsEntryPackage() {
        noClasses().that().resideOutsideOfPackage("org.chatroom.server")
                .should().dependOnClassesThat().resideInAPackage("org.chatroom.server")
                .check(server);
    }

    @Test
    void theCoreHasNoPublicMutableFields() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields().that().areDeclaredInClassesThat()
                .resideInAnyPackage(CORE).and().arePublic()
                .should().beFinal().check(server);
    }

    @Test
    void utilityHoldersAreFinal() {
        classes().that().resideInAnyPackage(CORE).and().haveSimpleNameEndingWith("Commands")
                .should().haveModifier(JavaModifier.FINAL).check(server);
    }
}

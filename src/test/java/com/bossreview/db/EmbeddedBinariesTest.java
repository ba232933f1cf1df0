package com.bossreview.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedBinariesTest {
    private static final ClassLoader APP = EmbeddedBinaries.class.getClassLoader();

    @ParameterizedTest(name = "{0} {1} runs {2}")
    @CsvSource({
        "Linux, amd64, postgres-linux-x86_64.txz",
        "Linux, aarch64, postgres-linux-arm_64.txz",
        "Mac OS X, x86_64, postgres-darwin-x86_64.txz",
        "Mac OS X, aarch64, postgres-darwin-x86_64.txz"
    })
    void the_quick_start_platforms_find_their_postgres_in_the_build(
            String os, String arch, String resource) {
        assertThat(EmbeddedBinaries.require(APP, os, arch)).isEqualTo(resource);
        assertThat(APP.getResource(resource)).as(resource).isNotNull();
    }

    @Test
    void windows_is_told_to_set_database_url_or_use_docker() {
        assertThatThrownBy(() -> EmbeddedBinaries.require(APP, "Windows 11", "amd64"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "the embedded PostgreSQL runs on Linux and macOS (x86-64 or arm64), not on Windows 11 amd64: "
                                + "set DATABASE_URL to your PostgreSQL (postgres://user:password@host:5432/bossreview), "
                                + "or run the Docker image.");
    }

    @Test
    void a_processor_without_binaries_is_refused_on_linux_too() {
        assertThatThrownBy(() -> EmbeddedBinaries.require(APP, "Linux", "ppc64le"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not on Linux ppc64le: set DATABASE_URL");
    }

    @Test
    void a_build_without_the_embedded_library_says_to_set_database_url() {
        ClassLoader jdkOnly = ClassLoader.getPlatformClassLoader();
        assertThatThrownBy(() -> EmbeddedBinaries.require(jdkOnly, "Linux", "amd64"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "this build has no embedded database: set DATABASE_URL to your PostgreSQL");
    }
}

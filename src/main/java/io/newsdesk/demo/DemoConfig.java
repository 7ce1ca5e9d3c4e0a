package io.newsdesk.demo;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** {@code newsdesk.demo.*}: demo content on first start. Unset, it is on for H2 and off for PostgreSQL. */
@ConfigMapping(prefix = "newsdesk.demo")
interface DemoConfig {

    Optional<Boolean> enabled();

    @WithDefault("480")
    @Min(0) int articles();
}

package io.asyncops.emulator.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.emulator.AzureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The classic plane's naming rules (subscription ids, cloud services, BizTalk Services deployments). */
class ClassicNameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"mycloudservice1", "a", "A-b-1"})
    void acceptsCloudServiceNames(String name) {
        assertThatCode(() -> NameRules.cloudService(name)).doesNotThrowAnyException();
    }

    @Test
    void acceptsACloudServiceNameOfExactly64Characters() {
        assertThatCode(() -> NameRules.cloudService("c" + "x".repeat(63))).doesNotThrowAnyException();
        assertThatThrownBy(() -> NameRules.cloudService("c" + "x".repeat(64)))
                .isInstanceOf(AzureException.class).hasMessageContaining("1 to 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "-abc", "abc-", "a b", "a_b", "a.b", "ü"})
    void refusesBadCloudServiceNames(String name) {
        assertThatThrownBy(() -> NameRules.cloudService(name)).isInstanceOfSatisfying(AzureException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("InvalidCloudServiceName"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mybiztalkservice", "abcdef", "a2345678901234567890", "my-biz-1"})
    void acceptsResourceNames(String name) {
        assertThatCode(() -> NameRules.bizTalkService(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcde", "a23456789012345678901", "1bcdef", "abcde-", "abc def", "abc.def"})
    void refusesResourceNamesOutsideSixToTwentyOrWithOtherCharacters(String name) {
        assertThatThrownBy(() -> NameRules.bizTalkService(name)).isInstanceOfSatisfying(AzureException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("InvalidResourceName"));
    }

    @Test
    void refusesSubscriptionIdsThatCannotBeOne() {
        assertThatCode(() -> NameRules.classicSubscription("3f2504e0-4f89-11d3-9a0c-0305e82c3301"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> NameRules.classicSubscription("x".repeat(65))).isInstanceOf(AzureException.class);
        assertThatThrownBy(() -> NameRules.classicSubscription("a;b")).isInstanceOf(AzureException.class);
    }
}

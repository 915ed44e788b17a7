package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.out.ApiAccountVerification;
import org.junit.jupiter.api.Test;

/** The confirmation page's check of an API account, against the emulator. */
class ApiAccountVerificationTest extends SharedEmulator {

  @Test
  void theCompanysAccountOnALineWithBotsAllowedIsVerified() {
    assertThat(
            world
                .platform()
                .verifyApiAccount(
                    world.account(), world.companyId(), new LineId(world.support.id())))
        .isEqualTo(ApiAccountVerification.VERIFIED);
  }

  @Test
  void aWrongPasswordIsWrongCredentials() {
    ApiAccount wrong = new ApiAccount(world.login, Secret.of("not-the-password"));

    assertThat(
            world
                .platform()
                .verifyApiAccount(wrong, world.companyId(), new LineId(world.support.id())))
        .isEqualTo(ApiAccountVerification.WRONG_CREDENTIALS);
  }

  @Test
  void anUnknownLoginIsWrongCredentials() {
    ApiAccount unknown = new ApiAccount("nobody-" + world.login, Secret.of(TestWorld.PASSWORD));

    assertThat(
            world
                .platform()
                .verifyApiAccount(unknown, world.companyId(), new LineId(world.support.id())))
        .isEqualTo(ApiAccountVerification.WRONG_CREDENTIALS);
  }

  @Test
  void anAccountOfAnotherCompanyIsForeign() {
    ApiAccount other = new ApiAccount(world.otherLogin, Secret.of(TestWorld.PASSWORD));

    assertThat(
            world
                .platform()
                .verifyApiAccount(other, world.companyId(), new LineId(world.support.id())))
        .isEqualTo(ApiAccountVerification.FOREIGN_COMPANY);
  }

  @Test
  void aListedLineWithoutBotsAllowedIsNotAllowed() {
    assertThat(
            world
                .platform()
                .verifyApiAccount(
                    world.account(), world.companyId(), new LineId(world.internal.id())))
        .isEqualTo(ApiAccountVerification.LINE_NOT_ALLOWED);
  }

  @Test
  void aLineTheAccountCannotSeeIsNotAllowed() {
    assertThat(
            world
                .platform()
                .verifyApiAccount(
                    world.account(), world.companyId(), new LineId(world.hidden.id())))
        .isEqualTo(ApiAccountVerification.LINE_NOT_ALLOWED);
  }

  @Test
  void anAccountWithNoLinesAtAllIsNotAllowed() {
    emulator
        .world()
        .addApiAccount(
            "empty-" + world.login, TestWorld.PASSWORD, world.company.id(), java.util.Map.of());
    ApiAccount empty = new ApiAccount("empty-" + world.login, Secret.of(TestWorld.PASSWORD));

    assertThat(
            world
                .platform()
                .verifyApiAccount(empty, world.companyId(), new LineId(world.support.id())))
        .isEqualTo(ApiAccountVerification.LINE_NOT_ALLOWED);
  }
}

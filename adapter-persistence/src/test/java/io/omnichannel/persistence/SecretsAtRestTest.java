package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class SecretsAtRestTest {
  @Nested
  class OnH2 extends SecretsAtRestContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends SecretsAtRestContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}

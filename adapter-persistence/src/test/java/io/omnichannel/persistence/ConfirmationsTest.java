package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class ConfirmationsTest {
  @Nested
  class OnH2 extends ConfirmationsContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends ConfirmationsContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}

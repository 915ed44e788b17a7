package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class AccountsTest {
  @Nested
  class OnH2 extends AccountsContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends AccountsContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}

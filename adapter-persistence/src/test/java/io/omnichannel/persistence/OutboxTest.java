package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class OutboxTest {
  @Nested
  class OnH2 extends OutboxContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends OutboxContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}

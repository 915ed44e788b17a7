package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class QueueClaimsTest {
  @Nested
  class OnH2 extends QueueClaimsContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends QueueClaimsContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}

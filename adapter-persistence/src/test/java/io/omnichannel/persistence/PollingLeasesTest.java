package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class PollingLeasesTest {
  @Nested
  class OnH2 extends PollingLeasesContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends PollingLeasesContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
